/* Pong: prints in each of its slots, with its execution clock (which only
 * advances while Pong runs), and halts itself after the third. */
#include <xm.h>

static volatile int slot_started;

void ExtIrqHandler(xm_s32_t irq) {
  if (irq == XM_VT_EXT_CYCLIC_SLOT_START) slot_started = 1;
}

void PartitionMain(void) {
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_enable_irqs();
  for (int n = 1;; ++n) {
    while (!slot_started) {
    }
    slot_started = 0;
    xmTime_t hw, exec;
    XM_get_time(XM_HW_CLOCK, &hw);
    XM_get_time(XM_EXEC_CLOCK, &exec);
    xprintf("Pong: slot %d at %lld us, ran %lld us so far\n", n, (long long)hw, (long long)exec);
    if (n == 3) {
      xprintf("Pong: done, halting myself\n");
      XM_halt_partition(XM_PARTITION_SELF);
    }
  }
}
