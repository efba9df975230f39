/* Spinner: keeps the processor busy in its slots, so every boundary is a
 * real switch between two running partitions. */
#include <xm.h>

void PartitionMain(void) {
  for (;;) {
  }
}
