/* One partition of the scheduling example (the same code in all five):
 * at every slot start the hypervisor raises XM_VT_EXT_CYCLIC_SLOT_START;
 * the handler prints the slot, when it was planned to start and when the
 * partition got control, then the partition idles until its next slot. */
#include <xm.h>

void ExtIrqHandler(xm_s32_t irq) {
  partitionControlTable_t *pct = XM_params_get_PCT();
  xmTime_t now;
  XM_get_time(XM_HW_CLOCK, &now);
  if (irq == XM_VT_EXT_CYCLIC_SLOT_START)
    xprintf("[%lld us] %-13s slot %2d (id %2d, %2d ms) started at %lld us\n", (long long)now,
            (const char *)pct->name, (int)pct->schedInfo.noSlot, (int)pct->schedInfo.id,
            (int)(pct->schedInfo.slotDuration / 1000), (long long)pct->schedInfo.slotStart);
}

void PartitionMain(void) {
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_enable_irqs();
  for (;;) XM_idle_self();
}
