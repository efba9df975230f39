/* Sensor and Actuator (the same code): every slot, one trace event per
 * bitmask 0x1, 0x2 and 0x4; the XML's Trace@bitmask decides which are kept
 * (XM_OK) and which are discarded (XM_NO_ACTION, -1). Sensor's second slot
 * also traces an unrecoverable error: an HM event as well (its table
 * IGNOREs it, so the call returns and Sensor goes on). */
#include <xm.h>
#include "std_c.h"

static const char *const names[] = {"Sensor", "Actuator"};

static xm_s32_t trace(xm_u32_t bitmask, xm_u32_t code, xm_u32_t round, xm_u32_t crit) {
  xmTraceEvent_t e;
  memset(&e, 0, sizeof e);
  e.opCodeH = crit << TRACE_OPCODE_CRIT_BIT;
  e.opCodeL = code << TRACE_OPCODE_CODE_BIT;
  e.payload[0] = round;
  e.payload[1] = bitmask;
  return XM_trace_event(bitmask, &e);
}

void PartitionMain(void) {
  const xmId_t self = XM_PARTITION_SELF;
  const char *name = names[self];
  xprintf("%s: reading a stream, as a normal partition: %d\n", name, XM_trace_open(self));
  for (xm_u32_t round = 1;; ++round) {
    xmTime_t now;
    XM_get_time(XM_HW_CLOCK, &now);
    const xm_s32_t r1 = trace(0x1, 0x10 + self, round, XM_TRACE_NOTIFY);
    const xm_s32_t r2 = trace(0x2, 0x20 + self, round, XM_TRACE_DEBUG);
    const xm_s32_t r4 = trace(0x4, 0x40 + self, round, XM_TRACE_WARNING);
    xprintf("%s: round %u at %lld us: bitmask 0x1 -> %d, 0x2 -> %d, 0x4 -> %d\n", name, round, (long long)now, r1, r2,
            r4);
    if (self == 1 && round == 1) {
      xm_s32_t stored = 0;
      for (xm_u32_t k = 0; k < 120; ++k) stored += trace(0x4, 0x99, k, XM_TRACE_DEBUG) == XM_OK;
      xprintf("%s: a burst of 120 events, %d stored\n", name, stored);
    }
    if (self == 0 && round == 2)
      xprintf("%s: an XM_TRACE_UNRECOVERABLE event -> %d, still running\n", name,
              trace(0x1, 0xee, round, XM_TRACE_UNRECOVERABLE));
    if (self == 0 && round == 3) {
      xprintf("%s: halting itself\n", name);
      XM_halt_partition(XM_PARTITION_SELF);
    }
    const xmTime_t slot = XM_params_get_PCT()->schedInfo.slotStart;
    while (XM_params_get_PCT()->schedInfo.slotStart == slot) XM_idle_self();
  }
}
