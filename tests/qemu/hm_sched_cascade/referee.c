/* Referee (system) of tests/qemu/hm_sched_cascade: counts the SCHED_ERROR
 * entries of the HM log each frame; halts after frame 4. */
#include <xm.h>

void PartitionMain(void) {
  XM_hm_open();
  for (int frame = 0; frame < 5; ++frame) {
    xmHmLog_t logs[8];
    xm_s32_t n, total = 0;
    while ((n = XM_hm_read(logs, 8)) > 0) total += n;
    xprintf("Referee: frame %d, %d HM log entries\n", frame, (int)total);
    XM_idle_self();
  }
  XM_halt_system();
}
