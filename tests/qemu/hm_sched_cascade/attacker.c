/* Attacker (not a system partition) of tests/qemu/hm_sched_cascade: in
 * frames 1..3 spins to 10 us before its slot end, then one 64-byte console
 * write (the README's longest excursion). */
#include <xm.h>

static xmTime_t now(void) {
  xmTime_t t = 0;
  XM_get_time(XM_HW_CLOCK, &t);
  return t;
}

static const char burst[] = "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
                            "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n";

void PartitionMain(void) {
  xprintf("Attacker: started\n");
  for (int frame = 1; frame <= 3; ++frame) {
    XM_idle_self();
    const partitionControlTable_t *pct = XM_params_get_PCT();
    const xmTime_t end = pct->schedInfo.slotStart + pct->schedInfo.slotDuration;
    while (now() < end - 10) {
    }
    XM_write_console((char *)burst, sizeof burst - 1);
  }
  for (;;) XM_idle_self();
}
