/* Monitor, the system partition of the health_monitor example: at each of
 * its slot starts it reads the HM log (manual 2.13.4) and prints each new
 * entry: sequence number, event, partition, time and where it happened. */
#include <xm.h>

static const char *const names[XM_HM_MAX_EVENTS] = {
    [XM_HM_EV_MEM_PROTECTION] = "MEM_PROTECTION",
    [XM_HM_EV_SPARCV8_PRIVILEGED_INSTR] = "SPARCV8_PRIVILEGED_INSTR",
    [XM_HM_EV_SPARCV8_ILLEGAL_INSTR] = "SPARCV8_ILLEGAL_INSTR",
    [XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION] = "SPARCV8_DIVIDE_EXCEPTION",
};

static void read_log(void) {
  xmHmLog_t logs[4];
  xmHmStatus_t st;
  xm_s32_t n;
  XM_hm_status(&st);
  xprintf("Monitor (plan %d): HM log holds %d of %d, read %d, lost %d\n", (int)XM_params_get_PCT()->schedInfo.planId,
          (int)st.noEvents, (int)st.maxEvents,
          (int)st.currentEvent, (int)st.lostEvents);
  while ((n = XM_hm_read(logs, 4)) > 0) {
    for (xm_s32_t k = 0; k < n; ++k) {
      const xmHmLog_t *l = &logs[k];
      const unsigned ev = (l->opCode & HMLOG_OPCODE_EVENT_MASK) >> HMLOG_OPCODE_EVENT_BIT;
      xprintf("  #%u %s partition %u at %lld us: pc 0x%x tt 0x%x addr 0x%x%s\n", (unsigned)l->seq,
              ev < XM_HM_MAX_EVENTS && names[ev] ? names[ev] : "?", (unsigned)(l->opCode & HMLOG_OPCODE_PARTID_MASK),
              (long long)l->timestamp, (unsigned)l->cpuCtxt.pc, (unsigned)l->cpuCtxt.trapType,
              (unsigned)l->cpuCtxt.faultAddress, l->signature == XM_HMLOG_SIGNATURE ? "" : " (bad signature)");
    }
  }
}

void ExtIrqHandler(xm_s32_t irq) {
  if (irq == XM_VT_EXT_CYCLIC_SLOT_START) read_log();
}

void PartitionMain(void) {
  xprintf("Monitor: XM_hm_open = %d\n", (int)XM_hm_open());
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_enable_irqs();
  for (;;) XM_idle_self();
}
