/* Probe: measures, under QEMU -icount shift=5 (one instruction = 32 ns, so
 * one microsecond of the 1 MHz hypervisor clock = 31.25 instructions):
 *  - the round trip of a null hypercall (an unknown number: the whole trap
 *    entry, dispatch and exit path, no work) and of XM_get_time, timed over
 *    batches that run inside one slot of this partition: a batch during
 *    which a slot boundary passed (another partition ran meanwhile) is
 *    thrown away, so only the caller's own instructions are counted;
 *  - the switch into this partition at a slot boundary: the instructions
 *    of its slot that it did not get to run (see below).
 * Results are printed as instructions with two decimals. */
#include <xm.h>

#define BATCH 100   /* calls per batch: about half a 1 ms slot */
#define BATCHES 20  /* batches kept */
#define SWITCHES 100

static xm_s64_t now(void) {
  xmTime_t t;
  XM_get_time(XM_HW_CLOCK, &t);
  return t;
}

static void null_call(void) { XM_hypercall(NR_HYPERCALLS, 0, 0, 0, 0, 0); }

/* The ports and the IPVI (tests/bench/system.xml): 64-byte messages. */
static int s_out, s_in, q_out, q_in;
static xm_u32_t message[16], received[16], flags;
static void sampling_write(void) { XM_write_sampling_message(s_out, message, 64); }
static void sampling_read(void) { XM_read_sampling_message(s_in, received, 64, &flags); }
static void queuing_send(void) { XM_send_queuing_message(q_out, message, 64); }
static void queuing_receive(void) { XM_receive_queuing_message(q_in, received, 64, &flags); }
static void raise_ipvi(void) { XM_raise_ipvi(0); }
/* Its Trace keeps bit 0 (system.xml): a stored event, one filtered out. */
static xmTraceEvent_t event;
static void trace_stored(void) { XM_trace_event(0x1, &event); }
static void trace_filtered(void) { XM_trace_event(0x2, &event); }
void ExtIrqHandler(xm_s32_t irq) { (void)irq; }
static void get_time_call(void) { (void)now(); }
/* Two switch requests, each on XM_switch_sched_plan's full path (plans 1
 * and 2 of tests/bench/system.xml; plan 0, once left, is refused). A frame
 * that ends between them switches plans (to 1 or 2, the same slots as plan
 * 0): harmless, and the batch is thrown away. */
static xm_u32_t current_plan;
static void switch_pair(void) {
  XM_switch_sched_plan(1, &current_plan);
  XM_switch_sched_plan(2, &current_plan);
}
static void no_call(void) {}

/* HM events its table PROPAGATEs (system.xml): a division by zero (logged)
 * and a tag overflow (log="no"), each taken by libxm's trap table and
 * ExceptionHandler, then XM_sparc_iret back to the faulting instruction,
 * which runs again. The handler is as good as empty: it sets the %g2 that
 * libxm's trap table saved (at [%sp + 104]: this leaf runs in the trap
 * window's frame) to 4, so that the instruction does not trap again. */
__asm__(".global ExceptionHandler\n"
        "ExceptionHandler:\n"
        "\tmov 4, %o1\n"
        "\tretl\n"
        "\tst %o1, [%sp + 104]\n");
static void divide_by_zero(void) { __asm__ volatile("mov 0, %%g2\n\tudiv %%g0, %%g2, %%g0" ::: "g2", "memory"); }
static void tag_overflow(void) { __asm__ volatile("mov 1, %%g2\n\ttaddcctv %%g2, 0, %%g0" ::: "g2", "cc", "memory"); }
/* The same two instructions, not trapping: subtracted from the batches. */
static void divide_by_four(void) { __asm__ volatile("mov 4, %%g2\n\tudiv %%g0, %%g2, %%g0" ::: "g2", "memory"); }

/* Microseconds BATCHES batches of BATCH calls of `call` took, each batch
 * inside one slot of this partition (the clock reads at both ends are
 * counted; the caller subtracts them, timed with no_call). */
static xm_s64_t batches_of(volatile xmTime_t *slot_start, void (*call)(void), int batch, int n, void (*after)(void)) {
  xm_s64_t total = 0;
  for (int kept = 0; kept < n;) {
    xmTime_t s = *slot_start;
    xm_s64_t t0 = now();
    for (int i = 0; i < batch; ++i) call();
    xm_s64_t t1 = now();
    if (after) after();
    if (*slot_start != s) continue; /* a slot boundary passed: not only ours */
    total += t1 - t0;
    ++kept;
  }
  return total;
}
static xm_s64_t batches(volatile xmTime_t *slot_start, void (*call)(void)) {
  return batches_of(slot_start, call, BATCH, BATCHES, 0);
}

/* Port operations cost more: batches of 20 (the queue's length), 50 kept. */
#define PORT_BATCH 20
#define PORT_BATCHES 50
static void drain(void) {
  while (XM_receive_queuing_message(q_in, received, 64, &flags) > 0) {
  }
}
static void fill(void) {
  while (XM_send_queuing_message(q_out, message, 64) == XM_OK) {
  }
}

/* microseconds * 3125 / 100 = instructions; printed with two decimals */
static void report(const char *what, xm_s64_t us_total, int n) {
  xm_s64_t centi_instr = us_total * 3125 / n; /* x100 */
  xprintf("bench: %-34s %lld.%02lld instructions (%d samples)\n", what, (long long)(centi_instr / 100),
          (long long)(centi_instr % 100), n);
}

void PartitionMain(void) {
  partitionControlTable_t *pct = XM_params_get_PCT();
  volatile xmTime_t *slot_start = &pct->schedInfo.slotStart;

  xm_s64_t ends = batches(slot_start, no_call);
  report("null hypercall round trip", batches(slot_start, null_call) - ends, BATCHES * BATCH);
  report("XM_get_time round trip", batches(slot_start, get_time_call) - ends, BATCHES * BATCH);
  /* Where the system has plans 1 and 2 (not bench_fpu's); batches of 10
   * pairs, as 100 calls outlast a 1 ms slot. */
  if (XM_switch_sched_plan(1, &current_plan) == XM_OK) {
    const xm_s64_t switch_ends = batches_of(slot_start, no_call, 10, 100, 0);
    report("XM_switch_sched_plan (a request)", batches_of(slot_start, switch_pair, 10, 100, 0) - switch_ends, 2000);
    xmPlanStatus_t st; /* no switch pending after this: the current plan cancels it */
    XM_get_plan_status(&st);
    XM_switch_sched_plan((xm_u32_t)st.current, &current_plan);
  }

  /* The switch: in each of its 1 ms slots (exactly 31250 instructions
   * under -icount shift=5) Probe runs a loop of 4 instructions until the
   * next slot begins; what the loop did not get of the slot went to the
   * hypervisor switching Probe in (timer interrupt, scheduler, window
   * flush, MMU context, return), plus a few instructions of this C loop. */
  xm_s64_t lost = 0;
  for (int k = 0; k < SWITCHES; ++k) {
    unsigned iterations = 0;
    volatile xm_u32_t *lo = (volatile xm_u32_t *)slot_start + 1; /* low word (big endian) */
    unsigned seen = *lo;
    __asm__ volatile(
        "1:  ld   [%2], %%g1\n"
        "    cmp  %%g1, %1\n"
        "    be,a 1b\n"
        "    add  %0, 1, %0\n"
        : "+r"(iterations)
        : "r"(seen), "r"(lo)
        : "g1", "cc", "memory");
    if (k > 0) lost += 31250 - 4 * (xm_s64_t)iterations; /* the first one starts mid-slot */
  }
  xm_s64_t centi = lost * 100 / (SWITCHES - 1);
  xprintf("bench: %-34s %lld.%02lld instructions (%d samples)\n", "partition switch at slot boundary",
          (long long)(centi / 100), (long long)(centi % 100), SWITCHES - 1);

  /* Ports and the IPVI, where the system has them (not bench_fpu's). */
  s_out = XM_create_sampling_port("sOut", 64, XM_SOURCE_PORT);
  s_in = XM_create_sampling_port("sIn", 64, XM_DESTINATION_PORT);
  q_out = XM_create_queuing_port("qOut", 20, 64, XM_SOURCE_PORT);
  q_in = XM_create_queuing_port("qIn", 20, 64, XM_DESTINATION_PORT);
  if (s_out >= 0 && s_in >= 0 && q_out >= 0 && q_in >= 0) {
    const xm_s64_t port_ends = batches_of(slot_start, no_call, PORT_BATCH, PORT_BATCHES, 0);
    const int n = PORT_BATCH * PORT_BATCHES;
    report("sampling write, 64 bytes", batches_of(slot_start, sampling_write, PORT_BATCH, PORT_BATCHES, 0) - port_ends, n);
    report("sampling read, 64 bytes", batches_of(slot_start, sampling_read, PORT_BATCH, PORT_BATCHES, 0) - port_ends, n);
    drain();
    report("queuing send, 64 bytes", batches_of(slot_start, queuing_send, PORT_BATCH, PORT_BATCHES, drain) - port_ends, n);
    fill();
    report("queuing receive, 64 bytes", batches_of(slot_start, queuing_receive, PORT_BATCH, PORT_BATCHES, fill) - port_ends, n);
    /* An IPVI to itself, unmasked: the raise, its (empty) handler through
     * libxm's trap table, and XM_sparc_iret back. */
    XM_unmask_irq(XM_VT_EXT_IPVI0);
    XM_enable_irqs();
    const xm_s64_t ipvi_ends = batches_of(slot_start, no_call, 5, 100, 0);
    report("XM_raise_ipvi to itself, handler and iret", batches_of(slot_start, raise_ipvi, 5, 100, 0) - ipvi_ends, 500);
  }
  /* HM events PROPAGATEd (the first once, as the batches do not time it:
   * libxm's start-up leaves virtual traps disabled; XM_enable_irqs above
   * enabled them). Where the partition has no HealthMonitor table
   * (bench_fpu's), the default action does the same. */
  XM_enable_irqs();
  {
    const xm_s64_t hm_ends = batches_of(slot_start, divide_by_four, 5, 100, 0);
    report("HM event PROPAGATE, logged: trap, handler, iret", batches_of(slot_start, divide_by_zero, 5, 100, 0) - hm_ends, 500);
    report("HM event PROPAGATE, not logged", batches_of(slot_start, tag_overflow, 5, 100, 0) - hm_ends, 500);
  }
  /* Traces, where the partition has a Trace element (not bench_fpu's): the
   * stream is a ring, so every stored event after the 113th overwrites. */
  if (XM_trace_event(0x1, &event) == XM_OK) {
    const xm_s64_t trace_ends = batches_of(slot_start, no_call, PORT_BATCH, PORT_BATCHES, 0);
    const int n = PORT_BATCH * PORT_BATCHES;
    report("XM_trace_event, stored", batches_of(slot_start, trace_stored, PORT_BATCH, PORT_BATCHES, 0) - trace_ends, n);
    report("XM_trace_event, filtered out", batches_of(slot_start, trace_filtered, PORT_BATCH, PORT_BATCHES, 0) - trace_ends, n);
  }
  XM_halt_system();
}
