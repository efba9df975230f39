/* Fpu: uses the FPU in every slot, so its state moves at each switch
 * between it and Partner. */
#include <xm.h>

static volatile double x = 2.0;

void PartitionMain(void) {
  for (;;) x = x * 0.999999 + 0.000001;
}
