/* The faulting partitions of the health_monitor example, one fault each
 * (by partition id); what happens next is their HealthMonitor table's. */
#include <xm.h>

/* Divider's own handler (XM_HM_AC_PROPAGATE delivers the trap to its
 * virtual trap table): returning would divide by zero again, so it stays
 * here, idle, for the rest of the run. */
void ExceptionHandler(xm_s32_t trapNr) {
  xprintf("Divider: trap 0x%x caught in its own handler\n", (unsigned)trapNr);
  for (;;) XM_idle_self();
}

static void divider(void) {
  XM_enable_irqs();
  xprintf("Divider: dividing by zero\n");
  __asm__ volatile("udiv %%g0, %%g0, %%g0" ::: "memory");  /* divisor %g0: 0 */
  xprintf("Divider: still running after the division\n");
}

static void intruder(void) {
  partitionControlTable_t *pct = XM_params_get_PCT();
  xprintf("Intruder: life %u, resetStatus %u\n", (unsigned)pct->resetCounter, (unsigned)pct->resetStatus);
  if (pct->resetCounter >= 2) return; /* two warm resets are enough */
  xprintf("Intruder: writing the hypervisor's memory\n");
  *(volatile xm_u32_t *)0x40000100 = 0xdead;
  xprintf("Intruder: still running after the write\n");
}

static void privileged(void) {
  /* Not a system partition: the log is not its to read. */
  xmHmStatus_t st;
  xprintf("Privileged: XM_hm_status = %d\n", (int)XM_hm_status(&st));
  xprintf("Privileged: writing %%psr\n");
  __asm__ volatile("wr %%g0, 0xf00, %%psr" ::: "memory");
  xprintf("Privileged: still running after the write\n");
}

static void maintained(void) {
  xprintf("Maintained: executing an illegal instruction\n");
  __asm__ volatile("unimp 0" ::: "memory");
  xprintf("Maintained: resumed after its fault\n");
}

void PartitionMain(void) {
  switch (XM_params_get_PCT()->id) {
    case 1: divider(); break;
    case 2: intruder(); break;
    case 3: privileged(); break;
    case 4: maintained(); break;
  }
  for (;;) XM_idle_self();
}
