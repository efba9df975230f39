/* A partition without the fp flag (built with -mhard-float all the same):
 * its first floating-point instruction traps (fp_disabled) and the
 * hypervisor halts it; the fp partitions' results are unaffected. */
#include <std_c.h>
#include <xm.h>

volatile double operand = 1.5;

void PartitionMain(void) {
  xprintf("NoFpu: multiplying without the fp flag\n");
  volatile double r = operand * 3.0;
  xprintf("NoFpu: got %d, which must not happen\n", (int)r);
}
