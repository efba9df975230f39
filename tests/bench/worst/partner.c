/* Partner: a large image (its cold resets take many load steps), a fast
 * timer whose interrupts it takes (virtual trap delivery and
 * XM_sparc_iret), FPU state, and a deep stack at every slot end (every
 * register window live when the switch flushes them). */
#include <xm.h>

static volatile xm_u32_t ballast[512] = {1}; /* 2 KB of initialised data: in the image (loaded in
                                                 less than its slot, so it runs between resets) */
static volatile xm_u32_t ticks;
static volatile double acc = 1.0;

void ExtIrqHandler(xm_s32_t irq) {
  (void)irq;
  ++ticks;
}

static volatile int forever = 1;

static __attribute__((noinline)) void spin(void) {
  while (forever) acc = acc * 1.0000001 + 0.5; /* FP state, until the slot ends */
}

static __attribute__((noinline)) xm_u32_t deep(int depth) {
  if (depth > 0) {
    xm_u32_t r = deep(depth - 1);
    __asm__ volatile("" : "+r"(r)); /* a real call per level, not a loop */
    return r + ballast[depth];
  }
  spin();
  return 0;
}

void PartitionMain(void) {
  xmTime_t now;
  XM_get_time(XM_HW_CLOCK, &now);
  XM_set_timer(XM_HW_CLOCK, now + 100, 100);
  XM_clear_irqmask(0, 1u << XM_VT_EXT_HW_TIMER);
  XM_enable_irqs();
  deep(12);
}
