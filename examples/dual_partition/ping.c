/* Ping: a periodic 5ms timer on the hardware clock. Its interrupts arrive
 * only while Ping runs (in its 20ms slots); the ones due meanwhile are
 * pending and arrive as one interrupt at the start of its next slot.
 * Between interrupts Ping recurses deeply (more frames than the processor
 * has register windows), so slot ends and timer interrupts land in the
 * middle of window overflows and underflows; every result is checked. */
#include <xm.h>

static int ticks;
static volatile int good, bad;

static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

void ExtIrqHandler(xm_s32_t irq) {
  xmTime_t hw, exec;
  XM_get_time(XM_HW_CLOCK, &hw);
  XM_get_time(XM_EXEC_CLOCK, &exec);
  if (irq == XM_VT_EXT_HW_TIMER)
    xprintf("Ping: tick %d at %lld us (ran %lld us), fib(16) right %d times, wrong %d\n", ++ticks, (long long)hw,
            (long long)exec, good, bad);
}

void PartitionMain(void) {
  xmTime_t now;
  XM_get_time(XM_HW_CLOCK, &now);
  xprintf("Ping: up at %lld us, timer every 5000 us\n", (long long)now);
  XM_set_timer(XM_HW_CLOCK, now + 5000, 5000);
  XM_unmask_irq(XM_VT_EXT_HW_TIMER);
  XM_enable_irqs();
  for (;;) {
    if (fib(16) == 987)
      ++good;
    else
      ++bad;
  }
}
