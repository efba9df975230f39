/* Floating-point partitions (built with -mhard-float, flag fp): each sums a
 * series long enough to span hundreds of 1 ms slots, keeping its running
 * sums in FPU registers, and prints the result as an integer. Any FPU state
 * lost or mixed up at a partition switch changes the digits. */
#include <std_c.h>
#include <xm.h>

/* pi = 4 * sum (-1)^k / (2k + 1) */
static double leibniz(int terms) {
  double sum = 0.0, sign = 1.0, denom = 1.0;
  for (int k = 0; k < terms; ++k) {
    sum += sign / denom;
    sign = -sign;
    denom += 2.0;
  }
  return 4.0 * sum;
}

/* pi^2 / 6 = sum 1 / k^2 */
static double basel(int terms) {
  double sum = 0.0, k = 1.0;
  for (int i = 0; i < terms; ++i) {
    sum += 1.0 / (k * k);
    k += 1.0;
  }
  return sum;
}

void PartitionMain(void) {
  partitionControlTable_t *pct = XM_params_get_PCT();
  xmTime_t t0, t1;
  XM_get_time(XM_EXEC_CLOCK, &t0);
  int micro;
  const char *what;
  if (pct->id == 0) {
    what = "pi        ";
    micro = (int)(leibniz(400000) * 1e6 + 0.5);
  } else {
    what = "pi^2/6    ";
    micro = (int)(basel(400000) * 1e6 + 0.5);
  }
  XM_get_time(XM_EXEC_CLOCK, &t1);
  /* Its slots are 1 ms long: every millisecond of execution is one more
   * preemption with the sums in FPU registers. */
  xprintf("%s: %s= %d.%06d after %d ms of execution in 1 ms slots\n", (const char *)pct->name, what,
          micro / 1000000, micro % 1000000, (int)((t1 - t0) / 1000));
  XM_halt_partition(XM_PARTITION_SELF);
}
