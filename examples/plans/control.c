/* Control, the system partition of the plans example: at each of its slot
 * starts (XM_VT_EXT_CYCLIC_SLOT_START) it prints the plan status and, at
 * set points, asks for another plan with XM_switch_sched_plan. The switch
 * happens at the end of the current major frame, not at the call. */
#include <xm.h>

static void print_status(void) {
  xmPlanStatus_t st;
  XM_get_plan_status(&st);
  xprintf("  plan status: current %d, next %d, prev %d, switchTime %lld us\n", (int)st.current, (int)st.next,
          (int)st.prev, (long long)st.switchTime);
}

static void switch_to(xm_u32_t plan) {
  xm_u32_t current = 99;
  xm_s32_t r = XM_switch_sched_plan(plan, &current);
  xprintf("  XM_switch_sched_plan(%d) = %d, current plan %d\n", (int)plan, (int)r, (int)current);
}

void ExtIrqHandler(xm_s32_t irq) {
  static int slots = 0;
  partitionControlTable_t *pct = XM_params_get_PCT();
  if (irq != XM_VT_EXT_CYCLIC_SLOT_START) return;
  xprintf("Control   plan %d slot %d started at %lld us\n", (int)pct->schedInfo.planId, (int)pct->schedInfo.noSlot,
          (long long)pct->schedInfo.slotStart);
  print_status();
  switch (slots++) {
    case 0: /* plan 0 */
      switch_to(7); /* no such plan: XM_INVALID_PARAM */
      switch_to(1);
      print_status();
      break;
    case 2: /* plan 1, its second frame */
      switch_to(2);
      break;
    case 3: /* plan 2 */
      switch_to(0); /* plan 0 once left: XM_INVALID_PARAM (manual 2.8.1) */
      switch_to(1);
      switch_to(1); /* asked again: the same request, still XM_OK */
      break;
    default: break;
  }
}

void PartitionMain(void) {
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_enable_irqs();
  for (;;) XM_idle_self();
}
