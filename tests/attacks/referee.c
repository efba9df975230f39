/* The referee (system partition) of the attack suite: see main.c for the
 * protocol. After every attacker slot it reads the attacker's state and the
 * HM log (manual 2.13.4), restarts a stopped attacker into the next attack,
 * and checks that the state the health monitor left it in is the action
 * system.xml configures for the event the log recorded ("WRONG ACTION",
 * which expected.txt must never contain, when they disagree). */
#include "attacks.h"

/* What an HM event must leave the attacker doing. */
enum outcome {
  RUNS,          /* IGNORE: stepped over, it goes on */
  SUSPENDED,     /* SUSPEND */
  HALTED,        /* HALT, or the default for an isolation fault */
  TABLE_OR_HALT, /* the default for any other trap: its own trap table, or a
                    halt when its virtual traps are disabled (the referee
                    cannot tell which, so either is right) */
};
static const char *const outcome_names[] = {"running", "suspended", "halted", "its trap table or halted"};

/* The attacker's HealthMonitor table: a mirror of its <HealthMonitor> in
 * system.xml, which the referee cannot read (keep the two in step). */
static const struct {
  xm_u32_t event;
  enum outcome then;
} attacker_table[] = {
    {XM_HM_EV_MEM_PROTECTION, SUSPENDED},        /* XM_HM_AC_SUSPEND */
    {XM_HM_EV_SPARCV8_PRIVILEGED_INSTR, HALTED}, /* XM_HM_AC_HALT */
    {XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION, RUNS},   /* XM_HM_AC_IGNORE */
};

/* A processor trap's XM_HM_EV_MEM_PROTECTION is an access the MMU refused
 * (instruction or data access exception, these trap types) or a register
 * window refused over a stack outside the partition's memory, logged with
 * the trap type of whatever trap met it: a window overflow or underflow
 * (5, 6), or 0x100 (TT_WINDOW_FAULT, include/stratum/arch/sparc/asm.h) for
 * one found in a switch or an XM_sparc_iret. */
#define TT_INSTRUCTION_ACCESS 0x01u
#define TT_DATA_ACCESS 0x09u

#define EV(e) [e] = #e
static const char *const event_names[XM_HM_MAX_EVENTS] = {
    EV(XM_HM_EV_INTERNAL_ERROR), EV(XM_HM_EV_UNEXPECTED_TRAP), EV(XM_HM_EV_PARTITION_ERROR),
    EV(XM_HM_EV_PARTITION_INTEGRITY), EV(XM_HM_EV_PARTITION_UNRECOVERABLE), EV(XM_HM_EV_INCOMPATIBLE_INTERFACE),
    EV(XM_HM_EV_MEM_PROTECTION), EV(XM_HM_EV_OVERRUN), EV(XM_HM_EV_SCHED_ERROR), EV(XM_HM_EV_WATCHDOG_TIMER),
    EV(XM_HM_EV_SPARCV8_WRITE_ERROR), EV(XM_HM_EV_SPARCV8_INSTR_ACCESS_MMU_MISS),
    EV(XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR), EV(XM_HM_EV_SPARCV8_REGISTER_HARDWARE_ERROR),
    EV(XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION), EV(XM_HM_EV_SPARCV8_PRIVILEGED_INSTR),
    EV(XM_HM_EV_SPARCV8_ILLEGAL_INSTR), EV(XM_HM_EV_SPARCV8_FP_DISABLED), EV(XM_HM_EV_SPARCV8_CP_DISABLED),
    EV(XM_HM_EV_SPARCV8_UNIMPLEMENTED_FLUSH), EV(XM_HM_EV_SPARCV8_WATCHPOINT_DETECTED),
    EV(XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED), EV(XM_HM_EV_SPARCV8_FP_EXCEPTION), EV(XM_HM_EV_SPARCV8_CP_EXCEPTION),
    EV(XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR), EV(XM_HM_EV_SPARCV8_DATA_ACCESS_MMU_MISS),
    EV(XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION), EV(XM_HM_EV_SPARCV8_TAG_OVERFLOW),
    EV(XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION),
};
#undef EV

static xm_u32_t event_of(const xmHmLog_t *l) { return (l->opCode & HMLOG_OPCODE_EVENT_MASK) >> HMLOG_OPCODE_EVENT_BIT; }
static xm_u32_t partition_of(const xmHmLog_t *l) { return l->opCode & HMLOG_OPCODE_PARTID_MASK; }
static xm_u32_t sys_of(const xmHmLog_t *l) { return (l->opCode & HMLOG_OPCODE_SYS_MASK) >> HMLOG_OPCODE_SYS_BIT; }
static const char *event_name(xm_u32_t ev) { return ev < XM_HM_MAX_EVENTS ? event_names[ev] : "an unknown event"; }

/* What the attacker's event `l` must leave it doing: its table's action
 * (kernel/health_monitor.hpp), with the documented exceptions. */
static enum outcome expected(const xmHmLog_t *l) {
  const xm_u32_t ev = event_of(l);
  /* A refused register window has no instruction to step over (and may be
   * found in a switch): the actions that would let it go on halt it. */
  const int window = ev == XM_HM_EV_MEM_PROTECTION && (l->opCode & HMLOG_OPCODE_VALID_CPUCTXT_MASK) &&
                     l->cpuCtxt.trapType != TT_INSTRUCTION_ACCESS && l->cpuCtxt.trapType != TT_DATA_ACCESS;
  for (unsigned k = 0; k < sizeof attacker_table / sizeof attacker_table[0]; ++k)
    if (attacker_table[k].event == ev) return window && attacker_table[k].then != HALTED ? HALTED : attacker_table[k].then;
  /* Not in its table: the default. The isolation faults halt (the attacker
   * has no fp flag, so the FPU is one); any other trap goes to its table. */
  if (ev == XM_HM_EV_MEM_PROTECTION || ev == XM_HM_EV_SPARCV8_PRIVILEGED_INSTR || ev == XM_HM_EV_SPARCV8_FP_DISABLED)
    return HALTED;
  return TABLE_OR_HALT;
}

static int agrees(enum outcome want, enum outcome found) {
  return want == found || (want == TABLE_OR_HALT && (found == RUNS || found == HALTED));
}

/* The log entries since the referee's last look (XM_hm_read copies at most
 * 8 a call; the ring holds 32, and a trap storm overwrites older ones: the
 * newest, the one that stopped the attacker, is always there). Returns the
 * newest of the attacker's, 0 if none; every attacker entry but that one
 * must have let it run on ("WRONG ACTION" otherwise), and an entry of any
 * other partition is printed: nobody else should fault. */
static xmHmLog_t logs[8] __attribute__((aligned(8)));
static xmHmLog_t newest;
static const xmHmLog_t *read_log(unsigned n) {
  int have = 0;
  xm_s32_t got;
  while ((got = XM_hm_read(logs, 8)) > 0) {
    for (xm_s32_t k = 0; k < got; ++k) {
      const xmHmLog_t *l = &logs[k];
      if (partition_of(l) != ATTACKER || sys_of(l) != 0) {
        xprintf("Referee: HM log: %s of partition %u (sys %u)\n", event_name(event_of(l)), (unsigned)partition_of(l),
                (unsigned)sys_of(l));
        continue;
      }
      /* (an earlier attack of the slot, or this one before its last event) */
      if (have && !agrees(expected(&newest), RUNS))
        xprintf("Referee: attack %u or one before: %s, yet it ran on: WRONG ACTION (the table says %s)\n", n,
                event_name(event_of(&newest)), outcome_names[expected(&newest)]);
      newest = *l;
      have = 1;
    }
  }
  if (got < 0) xprintf("Referee: XM_hm_read = %d\n", (int)got);
  return have ? &newest : 0;
}

static enum outcome outcome_of(xm_u32_t state) {
  return state == XM_STATUS_HALTED ? HALTED : state == XM_STATUS_SUSPENDED ? SUSPENDED : RUNS;
}

/* The attacker stopped in attack n: its event, its state, and whether the
 * two agree with its table, in one line (one console write). */
static void judge(unsigned n, const char *name, const xmHmLog_t *l, enum outcome found) {
  if (!l) {
    xprintf("Referee: attack %u %s: no HM log entry -> %s: WRONG ACTION\n", n, name, outcome_names[found]);
    return;
  }
  const enum outcome want = expected(l);
  const int wrong = !agrees(want, found);
  const char *why = wrong ? outcome_names[want] : "";
  const char *pre = wrong ? ": WRONG ACTION (the table says " : "", *post = wrong ? ")" : "";
  if (l->opCode & HMLOG_OPCODE_VALID_CPUCTXT_MASK) /* a processor trap: its type and fault address */
    xprintf("Referee: attack %u %s: %s (partition %u, sys %u, trap 0x%x, address 0x%08x) -> %s%s%s%s\n", n, name,
            event_name(event_of(l)), (unsigned)partition_of(l), (unsigned)sys_of(l), (unsigned)l->cpuCtxt.trapType,
            (unsigned)l->cpuCtxt.faultAddress, outcome_names[found], pre, why, post);
  else
    xprintf("Referee: attack %u %s: %s (partition %u, sys %u) -> %s%s%s%s\n", n, name, event_name(event_of(l)),
            (unsigned)partition_of(l), (unsigned)sys_of(l), outcome_names[found], pre, why, post);
}

void referee(void) {
  xm_u32_t last = 0xffffffffu;
  int same = 0;
  if (XM_hm_open() != XM_OK) xprintf("Referee: cannot open the HM log\n");
  for (;;) {
    xmPartitionStatus_t st, vs;
    if (XM_get_partition_status(VICTIM, &vs) == XM_OK && vs.state == XM_STATUS_HALTED) {
      xprintf("Referee: VICTIM HALTED\n");
      XM_halt_system();
    }
    if (XM_get_partition_status(ATTACKER, &st) != XM_OK) xprintf("Referee: cannot read the attacker's status\n");
    const xm_u32_t n = st.resetStatus & 0xffffu;
    const struct attack *a = n < (xm_u32_t)attack_count ? &attacks[n] : 0;
    const xmHmLog_t *l = read_log((unsigned)n);
    if (st.resetStatus != last) {
      last = st.resetStatus;
      same = 0;
    }
    const enum outcome found = outcome_of(st.state);
    if (!a && found == HALTED) {
      /* (it halted itself after the last attack: no HM event) */
      xprintf("Referee: all %d attacks run; halting the system\n", attack_count);
      XM_halt_system();
    }
    if (found != RUNS) {
      judge((unsigned)n, a ? a->name : "(none)", l, found);
      /* A suspended attacker restarts as a halted one does (a reset takes
       * a partition in any state). */
      XM_reset_partition(ATTACKER, XM_WARM_RESET, n + 1);
    } else {
      if (l && !agrees(expected(l), RUNS))
        xprintf("Referee: attack %u %s: %s, yet it runs: WRONG ACTION (the table says %s)\n", (unsigned)n,
                a ? a->name : "(none)", event_name(event_of(l)), outcome_names[expected(l)]);
      if (a && ++same >= (a->kind == PREEMPT ? 1 : 4)) {
        xprintf("Referee: attack %u %s: %s\n", (unsigned)n, a->name,
                a->kind == PREEMPT ? "preempted at its slot end" : "still running after 4 frames");
        XM_reset_partition(ATTACKER, XM_WARM_RESET, n + 1);
      }
    }
    XM_idle_self();
  }
}
