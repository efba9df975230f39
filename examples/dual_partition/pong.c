/* Pong: prints in each of its slots, with its execution clock (which only
 * advances while Pong runs), arms a timer on that clock for 30 ms of its
 * own running time, and halts itself after the third slot. */
#include <xm.h>

static volatile int slot_started;

void ExtIrqHandler(xm_s32_t irq) {
  if (irq == XM_VT_EXT_CYCLIC_SLOT_START) slot_started = 1;
  if (irq == XM_VT_EXT_EXEC_TIMER) {
    xmTime_t hw, exec;
    XM_get_time(XM_HW_CLOCK, &hw);
    XM_get_time(XM_EXEC_CLOCK, &exec);
    xprintf("Pong: execution-clock timer at %lld us, ran %lld us\n", (long long)hw, (long long)exec);
  }
}

void PartitionMain(void) {
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_unmask_irq(XM_VT_EXT_EXEC_TIMER);
  XM_set_timer(XM_EXEC_CLOCK, 30000, 0);
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
