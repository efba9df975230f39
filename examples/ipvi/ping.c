/* Ping: each slot, copies a note into Pong's mailbox and raises Ipvi 0;
 * Pong's answer (Ipvi 1) arrives at the start of Ping's next slot. */
#include <xm.h>
#include "std_c.h"

#define PONG_ID 1
#define PONG_MAILBOX 0x40230000u /* in Pong's area, past its image */

static volatile int answers;

void ExtIrqHandler(xm_s32_t irq) {
  xmTime_t now;
  XM_get_time(XM_HW_CLOCK, &now);
  if (irq == XM_VT_EXT_IPVI1) xprintf("Ping: answer %d (Ipvi 1) at %lld us\n", ++answers, (long long)now);
}

void PartitionMain(void) {
  XM_unmask_irq(XM_VT_EXT_IPVI1);
  XM_enable_irqs();
  xprintf("Ping: raising Ipvi 1, Pong's: %d; Ipvi 2: %d\n", XM_raise_ipvi(1), XM_raise_ipvi(2));
  for (int round = 1;; ++round) {
    char note[32] = "ping number ";
    const int len = (int)strlen(note);
    note[len] = (char)('0' + round % 10);
    note[len + 1] = 0;
    const xm_s32_t copied = XM_memory_copy(PONG_ID, PONG_MAILBOX, XM_PARTITION_SELF, (xm_u32_t)note, sizeof note);
    xmTime_t now;
    XM_get_time(XM_HW_CLOCK, &now);
    xprintf("Ping: round %d at %lld us: note copied (%d), Ipvi 0 raised (%d)\n", round, (long long)now, copied,
            XM_raise_ipvi(0));
    const xmTime_t slot = XM_params_get_PCT()->schedInfo.slotStart;
    while (XM_params_get_PCT()->schedInfo.slotStart == slot) XM_idle_self();
  }
}
