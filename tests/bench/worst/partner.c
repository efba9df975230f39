/* Partner: a large image (its cold resets take many load steps), a fast
 * timer whose interrupts it takes (virtual trap delivery and
 * XM_sparc_iret), FPU state, a deep stack at every slot end (every
 * register window live when the switch flushes them), and two HM events
 * (system.xml, both logged): a division by zero at the start of every life,
 * PROPAGATEd to its own trap table, and in one life (its third since the
 * system started: Caller resets it warm and cold each round) a privileged
 * instruction, which HALTs it until Caller's next reset. In every other
 * life, after the division (early in its slot: the line is written at
 * once; not in the HALT's life, whose line would then wait), an
 * XM_trace_event of criticality XM_TRACE_UNRECOVERABLE with no Trace
 * element: XM_HM_EV_PARTITION_ERROR, IGNOREd (logged) by its table, its
 * line naming the partition's 31 characters. Its `ta` has the label
 * wc_trace_event_unrecoverable (caller.c's convention), which
 * tests/bench/worst.py names. */
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

/* libxm's trap table calls it for the division by zero: it sets the %g2
 * the table saved (at [%sp + 104]: this leaf runs in the trap window's
 * frame) to 4, so that the division, run again after XM_sparc_iret, does
 * not trap again. */
__asm__(".global ExceptionHandler\n"
        "ExceptionHandler:\n"
        "\tmov 4, %o1\n"
        "\tretl\n"
        "\tst %o1, [%sp + 104]\n");

static xmTraceEvent_t unrecoverable;

static __attribute__((noinline)) void trace_unrecoverable(void) {
  unrecoverable.opCodeH = XM_TRACE_UNRECOVERABLE << TRACE_OPCODE_CRIT_BIT;
  unrecoverable.opCodeL = 0x42 << TRACE_OPCODE_CODE_BIT;
  register xm_u32_t o0 __asm__("o0") = (xm_u32_t)__WRITE_OBJECT_NR;
  register xm_u32_t o1 __asm__("o1") = (xm_u32_t)OBJDESC_BUILD(OBJ_CLASS_TRACE, 1, 0);
  register xm_u32_t o2 __asm__("o2") = (xm_u32_t)&unrecoverable;
  register xm_u32_t o3 __asm__("o3") = (xm_u32_t)sizeof unrecoverable;
  register xm_u32_t o4 __asm__("o4") = 1;
  __asm__ volatile(".global wc_trace_event_unrecoverable\nwc_trace_event_unrecoverable:\n\tta 0x70"
                   : "+r"(o0), "+r"(o1), "+r"(o2), "+r"(o3), "+r"(o4)
                   :
                   : "o5", "memory");
}

void PartitionMain(void) {
  xmTime_t now;
  XM_get_time(XM_HW_CLOCK, &now);
  XM_set_timer(XM_HW_CLOCK, now + 100, 100);
  XM_clear_irqmask(0, 1u << XM_VT_EXT_HW_TIMER);
  XM_enable_irqs();
  __asm__ volatile("mov 0, %%g2\n\tudiv %%g0, %%g2, %%g0" ::: "g2", "memory"); /* PROPAGATE */
  if (XM_params_get_PCT()->resetCounter == 2) __asm__ volatile("wr %%g0, 0xf00, %%psr" ::: "memory"); /* HALT */
  trace_unrecoverable(); /* IGNORE, its line at once */
  deep(12);
}
