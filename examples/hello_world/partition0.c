/* The manual's hello world (listing 5.9), unchanged but for the counter
 * bound: Partition0 prints once, then counts for the rest of its slots. */
#include <std_c.h> /* Helper functions */
#include <xm.h>

void PartitionMain(void) { /* C code entry point */
  int counter = 0;

  xprintf("Hello World!\n");
  while (1) {
    counter++;
    counter %= 100000;
  }
}
