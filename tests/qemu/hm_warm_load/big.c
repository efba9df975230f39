/* Big, of tests/qemu/hm_warm_load: 24 KB of initialised .data. At each
 * start it says how many of its 1 KB chunks are as its image has them
 * (0x5a), then zeroes them (their first and last bytes): an image loaded whole shows 24 of 24,
 * memory kept by a warm reset 0 of 24, anything between a half-loaded one. */
#include <xm.h>

#define CHUNKS 24
static volatile unsigned char blob[CHUNKS][1024] = {[0 ... CHUNKS - 1] = {[0 ... 1023] = 0x5a}};

void PartitionMain(void) {
  unsigned whole = 0;
  char map[CHUNKS + 1];
  for (unsigned c = 0; c < CHUNKS; ++c) {
    const int as_image = blob[c][0] == 0x5a && blob[c][1023] == 0x5a;
    whole += as_image;
    map[c] = as_image ? 'I' : '0';
  }
  map[CHUNKS] = 0;
  xprintf("Big: %u of %u chunks as in the image (%s)%s\n", whole, CHUNKS, map,
          whole != 0 && whole != CHUNKS ? ": HALF LOADED" : "");
  for (unsigned c = 0; c < CHUNKS; ++c) blob[c][0] = blob[c][1023] = 0;
  xprintf("Big: zeroed\n");
  for (;;) XM_idle_self();
}
