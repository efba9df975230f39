/* Supervisor (system partition): one partition service per slot on Worker,
 * each followed by Worker's status, then the system is halted. */
#include <xm.h>

#define WORKER 1

static const char *state_name(xm_u32_t s) {
  switch (s) {
    case XM_STATUS_IDLE: return "idle";
    case XM_STATUS_READY: return "ready";
    case XM_STATUS_SUSPENDED: return "suspended";
    case XM_STATUS_HALTED: return "halted";
  }
  return "?";
}

static void show(const char *what, xm_s32_t rc) {
  xmPartitionStatus_t st;
  xm_s32_t r = XM_get_partition_status(WORKER, &st);
  if (r != XM_OK) {
    xprintf("Supervisor: %s -> %d, status failed %d\n", what, (int)rc, (int)r);
    return;
  }
  xprintf("Supervisor: %-26s -> %2d; Worker is %s, reset %d times, status 0x%x, ran %lld us\n", what, (int)rc,
          state_name(st.state), (int)st.resetCounter, (unsigned)st.resetStatus, (long long)st.execClock);
}

static volatile int slot;

void ExtIrqHandler(xm_s32_t irq) {
  if (irq == XM_VT_EXT_CYCLIC_SLOT_START) ++slot;
}

static void next_slot(void) {
  int s = slot;
  while (slot == s) {
  }
}

void PartitionMain(void) {
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_enable_irqs();
  xmSystemStatus_t sys;
  xmPlanStatus_t plan;

  show("first look", XM_OK);
  next_slot();
  show("XM_suspend_partition", XM_suspend_partition(WORKER));
  next_slot();
  show("XM_suspend_partition again", XM_suspend_partition(WORKER));
  next_slot();
  show("XM_resume_partition", XM_resume_partition(WORKER));
  next_slot();
  show("XM_reset_partition warm", XM_reset_partition(WORKER, XM_WARM_RESET, 7));
  next_slot();
  show("XM_reset_partition cold", XM_reset_partition(WORKER, XM_COLD_RESET, 9));
  next_slot();
  show("XM_reset_partition mode 5", XM_reset_partition(WORKER, 5, 0));
  show("XM_halt_partition(42)", XM_halt_partition(42));
  show("XM_get_time(bad clock)", XM_get_time(3, 0));
  next_slot();
  show("XM_halt_partition", XM_halt_partition(WORKER));
  show("XM_resume_partition", XM_resume_partition(WORKER));
  XM_get_system_status(&sys);
  XM_get_plan_status(&plan);
  xprintf("Supervisor: system: major frame %lld, plan %d (next %d)\n", (long long)sys.currentMaf, (int)plan.current,
          (int)plan.next);
  XM_halt_system();
}
