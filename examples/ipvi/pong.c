/* Pong: on Ipvi 0 reads the note Ping copied into its mailbox and answers
 * with Ipvi 1. It may not raise Ping's Ipvi, nor copy into Ping's memory
 * (it is not a system partition). */
#include <xm.h>

#define PONG_MAILBOX 0x40230000u

void ExtIrqHandler(xm_s32_t irq) {
  xmTime_t now;
  XM_get_time(XM_HW_CLOCK, &now);
  if (irq != XM_VT_EXT_IPVI0) return;
  xprintf("Pong: Ipvi 0 at %lld us, the note says '%s'; answering: %d\n", (long long)now,
          (const char *)PONG_MAILBOX, XM_raise_ipvi(1));
}

void PartitionMain(void) {
  char mine[8] = "pong";
  xprintf("Pong: raising Ipvi 0, Ping's: %d; copying into Ping: %d; within itself: %d\n", XM_raise_ipvi(0),
          XM_memory_copy(0, 0x40130000u, XM_PARTITION_SELF, (xm_u32_t)mine, sizeof mine),
          XM_memory_copy(XM_PARTITION_SELF, PONG_MAILBOX + 64, XM_PARTITION_SELF, (xm_u32_t)mine, sizeof mine));
  XM_unmask_irq(XM_VT_EXT_IPVI0);
  XM_enable_irqs();
  for (;;) XM_idle_self();
}
