/* Traces (XtratuM manual 2.16, 5.14): the trace event of listing 5.26/5.27,
 * as far as the manual's text lets us read it, the status of a stream and
 * the seek origins. Shared by the hypervisor (C++) and partitions (C).
 *
 * A partition fills opCodeH's criticality and opCodeL's code (moduleId is
 * its own, 16 bits) and the payload; the hypervisor fills the rest when it
 * stores the event: signature, the sequence number (opCodeH bits 31..4),
 * the partition id (opCodeL bits 7..0; XM_HYPERVISOR_ID for its own
 * events), the virtual CPU (opCodeL 15..8, always 0: one vCPU) and the
 * timestamp (XM_HW_CLOCK, microseconds since boot). checksum is 0: the
 * manual does not say what it sums. */
#ifndef XM_TRACE_H
#define XM_TRACE_H

#include "xm_types.h"

#define XMTRACE_SIGNATURE 0xc33c
#define XMTRACE_PAYLOAD_LENGTH 4

/* opCodeH */
#define TRACE_OPCODE_SEQ_BIT 4
#define TRACE_OPCODE_SEQ_MASK 0xfffffff0u
#define TRACE_OPCODE_CRIT_BIT 1
#define TRACE_OPCODE_CRIT_MASK (0x7u << TRACE_OPCODE_CRIT_BIT)
#define TRACE_OPCODE_SYS_BIT 0
#define TRACE_OPCODE_SYS_MASK (0x1u << TRACE_OPCODE_SYS_BIT)
/* opCodeL */
#define TRACE_OPCODE_CODE_BIT 16
#define TRACE_OPCODE_CODE_MASK (0xffffu << TRACE_OPCODE_CODE_BIT)
#define TRACE_OPCODE_VCPUID_BIT 8
#define TRACE_OPCODE_VCPUID_MASK (0xffu << TRACE_OPCODE_VCPUID_BIT)
#define TRACE_OPCODE_PARTID_BIT 0
#define TRACE_OPCODE_PARTID_MASK (0xffu << TRACE_OPCODE_PARTID_BIT)

/* Criticality (5.14.1), opCodeH bits 3..1. An XM_TRACE_UNRECOVERABLE event
 * is stored like the others and also raises the HM event
 * XM_HM_EV_PARTITION_ERROR for its partition (2.13.1), whatever the
 * bitmasks and even without a Trace element: logged with the event's code
 * and payload[0..2], then the partition's HealthMonitor action, by default
 * a halt (include/stratum/kernel/traces.hpp). */
#define XM_TRACE_NOTIFY 0
#define XM_TRACE_DEBUG 1
#define XM_TRACE_WARNING 2
#define XM_TRACE_UNRECOVERABLE 3

/* Modules of the hypervisor's own events (5.14.1): the bit (1 << module)
 * of XMHypervisor/Trace@bitmask selects them. */
#define TRACE_MODULE_HYPERVISOR 0
#define TRACE_MODULE_PARTITION 1
#define TRACE_MODULE_SCHED 2
#define TRACE_EV_PART_HALT 2
#define TRACE_EV_PART_RESET 5

struct xmTraceEvent {
  xm_u16_t signature;
  xm_u16_t checksum;
  xm_u32_t opCodeH, opCodeL;
  xmTime_t timestamp;
  xmWord_t payload[XMTRACE_PAYLOAD_LENGTH];
} __attribute__((packed));
typedef struct xmTraceEvent xmTraceEvent_t;

/* XM_trace_status: events the stream holds now, how many it can hold (its
 * MemoryBlock's size / sizeof(xmTraceEvent_t)), the reader's position (as
 * an event number since boot) and, Stratum's addition, the events lost
 * because the ring was full (the oldest are overwritten, 5.14.2). */
typedef struct {
  xm_s32_t noEvents;
  xm_s32_t maxEvents;
  xm_s32_t currentEvent;
  xm_s32_t lostEvents;
} xmTraceStatus_t;

/* XM_trace_seek's whence, as lseek's. */
#define XM_TRACE_SEEK_CUR 0x0
#define XM_TRACE_SEEK_SET 0x1
#define XM_TRACE_SEEK_END 0x2

/* XM_ctrl_object command of OBJ_CLASS_TRACE. */
#define XM_TRACE_GET_STATUS 0x0

#endif
