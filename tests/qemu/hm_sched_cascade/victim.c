/* Victim of tests/qemu/hm_sched_cascade: a 20 us slot and a 3 ms one a
 * frame. In its long slot it reports whether that slot started within the
 * attack suite's 200 us (README: the bound is 185 us). */
#include <xm.h>

static xmTime_t now(void) {
  xmTime_t t = 0;
  XM_get_time(XM_HW_CLOCK, &t);
  return t;
}

void PartitionMain(void) {
  for (int k = 0; k < 40; ++k) {
    const xmTime_t t = now();
    const partitionControlTable_t *pct = XM_params_get_PCT();
    if (pct->schedInfo.slotDuration >= 1000) {
      const int late = (int)(t - pct->schedInfo.slotStart);
      if (late <= 200)
        xprintf("Victim: long slot started within 200 us\n");
      else
        xprintf("Victim: long slot started %d us late: OVER THE BOUND\n", late);
    }
    XM_idle_self();
  }
  for (;;) XM_idle_self();
}
