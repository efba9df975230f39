/* Caller: every hypercall once a round, with the arguments that cost the
 * hypervisor most, each from its own call site: the label wc_<name> on its
 * `ta`, which tests/bench/worst.py finds in the single-step trace to name
 * the excursion it starts. Rounds go on until the hypervisor was reset once
 * (XM_reset_system, itself measured) and a last round ran; then the system
 * halts. Output is not compared: only the trace matters. */
#include <xm.h>

/* A hypercall (trap 0x70) or an assembly hypercall (trap 0x71) from a call
 * site of its own. Used once per label: the function holding it is not
 * inlined or unrolled anywhere. */
#define SITE(trap, label, nr, a1, a2, a3, a4, a5)                                                \
  ({                                                                                             \
    register xm_u32_t o0 __asm__("o0") = (xm_u32_t)(nr);                                         \
    register xm_u32_t o1 __asm__("o1") = (xm_u32_t)(a1);                                         \
    register xm_u32_t o2 __asm__("o2") = (xm_u32_t)(a2);                                         \
    register xm_u32_t o3 __asm__("o3") = (xm_u32_t)(a3);                                         \
    register xm_u32_t o4 __asm__("o4") = (xm_u32_t)(a4);                                         \
    register xm_u32_t o5 __asm__("o5") = (xm_u32_t)(a5);                                         \
    __asm__ volatile(".global wc_" label "\nwc_" label ":\n\tta " trap                          \
                     : "+r"(o0), "+r"(o1), "+r"(o2), "+r"(o3), "+r"(o4), "+r"(o5)                \
                     :                                                                           \
                     : "memory");                                                                \
    (xm_s32_t) o0;                                                                               \
  })
#define HC(label, nr, a1, a2, a3, a4, a5) SITE("0x70", label, nr, a1, a2, a3, a4, a5)
#define AHC(label, nr, a1) SITE("0x71", label, nr, a1, 0, 0, 0, 0)

#define PARTNER 1
#define STATUS(id) OBJDESC_BUILD(OBJ_CLASS_STATUS, (id), 0)

static char newlines[64];
static xmTime_t t __attribute__((aligned(8)));
static xmPartitionStatus_t pstatus;
static xmSystemStatus_t sstatus;
static xmPlanStatus_t plan;
static xm_u32_t current_plan;
static xmPhysicalMemMap_t map[CONFIG_MAX_MEM_AREAS];

/* Ports (system.xml): 256-byte messages to and from misaligned buffers in
 * the last of its 16 areas (the longest area search, a byte-wise copy). */
#define LAST_AREA 0x4014e000u
#define SPORT(n) OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, 0, (n))
#define QPORT(n) OBJDESC_BUILD(OBJ_CLASS_QUEUING_PORT, 0, (n))
static int s_out, s_in, q_out, q_in;
static xm_u32_t flags;
static xmCommPortCmd_t create;
static xmMemoryCopyCmd_t copy;
/* Its trace stream (system.xml: 113 events): events from a misaligned
 * address in the last area, enough of them that the ring wraps; reads of
 * the most a call copies (16) into a misaligned buffer there. */
#define TRACE OBJDESC_BUILD(OBJ_CLASS_TRACE, 0, 0)
static xmTraceStatus_t tstatus;
static __attribute__((noinline)) void trace_events(void) {
#pragma GCC unroll 1
  for (int k = 0; k < 20; ++k) HC("trace_event", __WRITE_OBJECT_NR, TRACE, LAST_AREA + 0x801, sizeof(xmTraceEvent_t), 1, 0);
}
void ExtIrqHandler(xm_s32_t irq) { (void)irq; } /* its own Ipvi: straight back */

/* Flushes the windows with all of them live: called at depth 7. */
static __attribute__((noinline)) xm_u32_t deep_flush(int depth) {
  if (depth > 0) {
    xm_u32_t r = deep_flush(depth - 1);
    __asm__ volatile("" : "+r"(r)); /* a real call per level, not a loop */
    return r + 1;
  }
  return (xm_u32_t)AHC("flush_regwin_deep", sparc_flush_regwin_nr, 0);
}

static __attribute__((noinline)) void round(void) {
  partitionControlTable_t *pct = XM_params_get_PCT();
  HC("unknown", NR_HYPERCALLS, 0, 0, 0, 0, 0);
  HC("get_time_hw", __GET_TIME_NR, XM_HW_CLOCK, &t, 0, 0, 0);
  HC("get_time_exec", __GET_TIME_NR, XM_EXEC_CLOCK, &t, 0, 0, 0);
  /* From 1 us every 100 us: the reschedule after the call catches up with
   * every period since boot in one 32-bit division (a 1 us period would
   * cost the same, and then interrupt the caller every microsecond); then a
   * period of 2^32 + 1 us (the 64-bit division, 64 steps); then off. */
  HC("set_timer_catch_up", __SET_TIMER_NR, XM_HW_CLOCK, 0, 1, 0, 100);
  HC("set_timer_catch_up_64", __SET_TIMER_NR, XM_HW_CLOCK, 0, 1, 1, 1);
  HC("set_timer_off", __SET_TIMER_NR, XM_HW_CLOCK, 0, 0, 0, 0);
  HC("write_console_64_newlines", __WRITE_OBJECT_NR, OBJDESC_BUILD(OBJ_CLASS_CONSOLE, 0, 0), newlines, 64, 0, 0);
  HC("get_partition_status", __CTRL_OBJECT_NR, STATUS(PARTNER), XM_GET_PARTITION_STATUS, &pstatus, 0, 0);
  HC("get_system_status", __CTRL_OBJECT_NR, STATUS(XM_HYPERVISOR_ID), XM_GET_SYSTEM_STATUS, &sstatus, 0, 0);
  HC("get_plan_status", __CTRL_OBJECT_NR, STATUS(XM_HYPERVISOR_ID), XM_GET_PLAN_STATUS, &plan, 0, 0);
  /* Plan 1 or 2 (the one not running): a request, and at the frame's end
   * a plan switch on the slot-switch path. */
  HC("switch_sched_plan", __SWITCH_SCHED_PLAN_NR, pct->schedInfo.planId == 1 ? 2 : 1, &current_plan, 0, 0, 0);
  HC("get_physmem_map_16", __CTRL_OBJECT_NR, OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, CONFIG_MAX_MEM_AREAS),
     XM_GET_PHYSMEM_MAP, map, 0, 0);
  HC("suspend_partition", __SUSPEND_PARTITION_NR, PARTNER, 0, 0, 0, 0);
  HC("resume_partition", __RESUME_PARTITION_NR, PARTNER, 0, 0, 0, 0);
  HC("shutdown_partition", __SHUTDOWN_PARTITION_NR, PARTNER, 0, 0, 0, 0);
  HC("halt_partition", __HALT_PARTITION_NR, PARTNER, 0, 0, 0, 0);
  HC("reset_partition_warm", __RESET_PARTITION_NR, PARTNER, XM_WARM_RESET, 0, 0, 0);
  HC("reset_partition_cold", __RESET_PARTITION_NR, PARTNER, XM_COLD_RESET, 0, 0, 0);
  HC("get_vcpuid", __GET_VCPUID_NR, 0, 0, 0, 0, 0);
  HC("set_irqmask", __SET_IRQ_MASK_NR, 0, 0, 0, 0, 0);
  HC("clear_irqmask", __CLEAR_IRQ_MASK_NR, 0, 0, 0, 0, 0);
  HC("write_tbr", sparc_write_tbr_nr, pct->arch.tbr, 0, 0, 0, 0);
  xm_u32_t psr = (xm_u32_t)AHC("get_psr", sparc_get_psr_nr, 0);
  AHC("set_psr", sparc_set_psr_nr, psr);
  AHC("set_pil", sparc_set_pil_nr, 0);
  AHC("clear_pil", sparc_clear_pil_nr, 0);
  AHC("flush_regwin", sparc_flush_regwin_nr, 0);
  deep_flush(7);
  HC("create_sampling_port", __CTRL_OBJECT_NR, SPORT(0), XM_COMM_CREATE_PORT, &create, 0, 0);
  HC("write_sampling_256", __WRITE_OBJECT_NR, SPORT(s_out), LAST_AREA + 1, 256, 0, 0);
  HC("read_sampling_256", __READ_OBJECT_NR, SPORT(s_in), LAST_AREA + 0x403, 256, &flags, 0);
  HC("send_queuing_256", __WRITE_OBJECT_NR, QPORT(q_out), LAST_AREA + 1, 256, 0, 0);
  HC("receive_queuing_256", __READ_OBJECT_NR, QPORT(q_in), LAST_AREA + 0x403, 256, &flags, 0);
  HC("memory_copy_512", __CTRL_OBJECT_NR, OBJDESC_BUILD(OBJ_CLASS_MEM, 0, 0), XM_MEM_COPY, &copy, 0, 0);
  trace_events();
  HC("trace_seek", __SEEK_OBJECT_NR, TRACE, 0, XM_TRACE_SEEK_SET, 0, 0);
  HC("trace_read_16", __READ_OBJECT_NR, TRACE, LAST_AREA + 0x403, 16 * sizeof(xmTraceEvent_t), 0, 0);
  HC("trace_status", __CTRL_OBJECT_NR, TRACE, XM_TRACE_GET_STATUS, &tstatus, 0, 0);
  HC("raise_ipvi_to_itself", __RAISE_IPVI_NR, 0, 0, 0, 0, 0);
  HC("idle_self", __IDLE_SELF_NR, 0, 0, 0, 0, 0);
}

void PartitionMain(void) {
  for (int k = 0; k < 64; ++k) newlines[k] = '\n';
  XM_get_system_status(&sstatus);
  const int after_reset = sstatus.resetCounter > 0;
  s_out = XM_create_sampling_port("worstSamplingOut", 256, XM_SOURCE_PORT);
  s_in = XM_create_sampling_port("worstSamplingIn", 256, XM_DESTINATION_PORT);
  q_out = XM_create_queuing_port("worstQueuingOut", 4, 256, XM_SOURCE_PORT);
  q_in = XM_create_queuing_port("worstQueuingIn", 4, 256, XM_DESTINATION_PORT);
  create.portName = (xmAddress_t) "worstQueuingIn"; /* the last of its ports: the longest search */
  create.refreshPeriod = XM_NO_REFRESH_CHECK;
  create.maxMsgSize = 256;
  create.direction = XM_DESTINATION_PORT;
  /* 512 bytes between differently misaligned addresses (a byte copy), its own to Partner's */
  copy = (xmMemoryCopyCmd_t){PARTNER, 0x40230002u, 0, LAST_AREA + 0x1, XM_MEMORY_COPY_STEP};
  XM_unmask_irq(XM_VT_EXT_IPVI0);
  for (int r = 0; r < 3; ++r) round();
  if (!after_reset) HC("reset_system_warm", __RESET_SYSTEM_NR, XM_WARM_RESET, 0, 0, 0, 0);
  HC("halt_system", __HALT_SYSTEM_NR, 0, 0, 0, 0, 0);
}
