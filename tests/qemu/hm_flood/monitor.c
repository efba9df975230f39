/* Monitor of tests/qemu/hm_flood: the HM log's status after each flood.
 * It opens the log in frame 0 (nothing logged yet) and, each frame, reads
 * the status, then moves to the end (every entry counted as read). */
#include <xm.h>

void PartitionMain(void) {
  xm_s32_t r = XM_hm_open();
  xprintf("Monitor: XM_hm_open -> %d\n", r);
  for (int frame = 0; frame < 4; ++frame) {
    xmHmStatus_t st;
    XM_hm_status(&st);
    xprintf("Monitor: frame %d: noEvents %d maxEvents %d currentEvent %d lostEvents %d\n", frame, st.noEvents,
            st.maxEvents, st.currentEvent, st.lostEvents);
    XM_hm_seek(0, XM_HM_SEEK_END);
    XM_idle_self();
  }
  for (;;) XM_idle_self();
}
