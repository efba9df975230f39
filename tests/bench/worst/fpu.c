/* Fpu: uses the FPU in every slot, so its state moves at each switch
 * between it and Partner. At the start of each life (early in its slot:
 * its line is written at once) it loads a word from an odd address: an
 * XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED its table IGNOREs (logged), the
 * longest event name of a trap a load can raise in its own memory (a load
 * outside it is XM_HM_EV_MEM_PROTECTION), for a 31-character name. */
#include <xm.h>

static volatile double x = 2.0;

void PartitionMain(void) {
  __asm__ volatile("ld [%%sp + 1], %%g0" ::: "memory"); /* IGNORE: stepped over */
  for (;;) x = x * 0.999999 + 0.000001;
}
