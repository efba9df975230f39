/* Monitor (system): every slot, reads what the Sensor's, the Actuator's and
 * the hypervisor's trace streams gained since its last slot, and the HM
 * log's new entries (an XM_TRACE_UNRECOVERABLE event is
 * XM_HM_EV_PARTITION_ERROR: its payload, the trace's code and first three
 * payload words; no CPU context). In its third
 * slot it tries to read the Sensor's MemoryBlock itself: the block is
 * mapped for the hypervisor only, and the load faults. */
#include <xm.h>
#include "std_c.h"

#define SHOWN 8 /* events printed per stream and slot; older ones skipped */

static void show(const char *name, xm_s32_t stream) {
  xmTraceStatus_t st;
  XM_trace_status(stream, &st);
  xprintf("Monitor: %s stream: %d of %d events held, read up to %d, %d lost\n", name, st.noEvents, st.maxEvents,
          st.currentEvent, st.lostEvents);
  if (st.noEvents - st.currentEvent > SHOWN)
    xprintf("Monitor:   skipping to the last %d: position %d\n", SHOWN, XM_trace_seek(stream, -SHOWN, XM_TRACE_SEEK_END));
  xmTraceEvent_t e;
  while (XM_trace_read(stream, &e) == 1) {
    const xm_u32_t part = (e.opCodeL & TRACE_OPCODE_PARTID_MASK) >> TRACE_OPCODE_PARTID_BIT;
    xprintf("Monitor:   #%u %s partition %u code 0x%x crit %u at %lld us: %u %u\n", e.opCodeH >> TRACE_OPCODE_SEQ_BIT,
            e.signature == XMTRACE_SIGNATURE ? "ok" : "bad", part, (e.opCodeL & TRACE_OPCODE_CODE_MASK) >> TRACE_OPCODE_CODE_BIT,
            (e.opCodeH & TRACE_OPCODE_CRIT_MASK) >> TRACE_OPCODE_CRIT_BIT, (long long)e.timestamp, e.payload[0],
            e.payload[1]);
  }
}

static void show_hm_log(void) {
  xmHmLog_t l;
  while (XM_hm_read(&l, 1) == 1)
    xprintf("Monitor: HM log #%u event %u partition %u at %lld us, cpu context %s: 0x%x %u %u %u\n", (unsigned)l.seq,
            (unsigned)((l.opCode & HMLOG_OPCODE_EVENT_MASK) >> HMLOG_OPCODE_EVENT_BIT),
            (unsigned)(l.opCode & HMLOG_OPCODE_PARTID_MASK), (long long)l.timestamp,
            l.opCode & HMLOG_OPCODE_VALID_CPUCTXT_MASK ? "yes" : "no", (unsigned)l.payload[0], (unsigned)l.payload[1],
            (unsigned)l.payload[2], (unsigned)l.payload[3]);
}

void PartitionMain(void) {
  const xm_s32_t sensor = XM_trace_open(0), actuator = XM_trace_open(1), xm = XM_trace_open(XM_HYPERVISOR_ID);
  xprintf("Monitor: streams opened: %d %d %d; its own (no Trace): %d; partition 7: %d\n", sensor > 0, actuator > 0,
          xm > 0, XM_trace_open(2), XM_trace_open(7));
  xprintf("Monitor: XM_hm_open = %d\n", (int)XM_hm_open());
  for (int round = 1;; ++round) {
    show("Sensor", sensor);
    show("Actuator", actuator);
    show("XtratuM", xm);
    show_hm_log();
    if (round == 3) {
      xprintf("Monitor: reading SensorTrace at 0x40400000 directly\n");
      xprintf("Monitor: read 0x%x\n", *(volatile xm_u32_t *)0x40400000u);
    }
    const xmTime_t slot = XM_params_get_PCT()->schedInfo.slotStart;
    while (XM_params_get_PCT()->schedInfo.slotStart == slot) XM_idle_self();
  }
}
