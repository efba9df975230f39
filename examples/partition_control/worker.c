/* Worker: counts its slots from the start of each life and says so; it
 * also tries what only a system partition may do. */
#include <xm.h>

static volatile int slot;

void ExtIrqHandler(xm_s32_t irq) {
  if (irq == XM_VT_EXT_CYCLIC_SLOT_START) ++slot;
}

void PartitionMain(void) {
  partitionControlTable_t *pct = XM_params_get_PCT();
  xprintf("Worker: boot (reset counter %d, reset status 0x%x)\n", (int)pct->resetCounter,
          (unsigned)pct->resetStatus);
  xprintf("Worker: XM_halt_partition(Supervisor) -> %d, XM_halt_system -> %d\n", (int)XM_halt_partition(0),
          (int)XM_halt_system());
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_enable_irqs();
  for (int seen = 0;;) {
    if (slot != seen) {
      seen = slot;
      xprintf("Worker: slot %d of this life\n", seen);
    }
  }
}
