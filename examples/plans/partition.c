/* Sensor and Actuator of the plans example (the same code): at every slot
 * start they print the plan and slot their PCT's schedInfo names and when
 * the slot was planned to start. Sensor also tries XM_switch_sched_plan
 * once: it is not a system partition. */
#include <xm.h>

void ExtIrqHandler(xm_s32_t irq) {
  partitionControlTable_t *pct = XM_params_get_PCT();
  if (irq == XM_VT_EXT_CYCLIC_SLOT_START)
    xprintf("%-9s plan %d slot %d started at %lld us\n", (const char *)pct->name, (int)pct->schedInfo.planId,
            (int)pct->schedInfo.noSlot, (long long)pct->schedInfo.slotStart);
}

void PartitionMain(void) {
  xm_u32_t current = 99;
  if (XM_PARTITION_SELF == 1)
    xprintf("Sensor    XM_switch_sched_plan(2) = %d\n", (int)XM_switch_sched_plan(2, &current));
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_enable_irqs();
  for (;;) XM_idle_self();
}
