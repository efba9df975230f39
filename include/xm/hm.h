/* Health monitor event identifiers (XtratuM manual 2.13.1; the SPARC v8
 * trap events after listing 5.24). A partition reset by the health monitor
 * finds the event that caused it in its PCT's resetStatus (manual 2.13.2,
 * 6.4.2). The numbers are Stratum's: the order of config::hm::events
 * (generators/xmcf/hm.py), which kernel/health_monitor.hpp checks against
 * the names at compile time. */
#ifndef XM_HM_H
#define XM_HM_H

#define XM_HM_EV_INTERNAL_ERROR 0
#define XM_HM_EV_UNEXPECTED_TRAP 1
#define XM_HM_EV_PARTITION_ERROR 2
#define XM_HM_EV_PARTITION_INTEGRITY 3
#define XM_HM_EV_PARTITION_UNRECOVERABLE 4
#define XM_HM_EV_INCOMPATIBLE_INTERFACE 5
#define XM_HM_EV_MEM_PROTECTION 6
#define XM_HM_EV_OVERRUN 7
#define XM_HM_EV_SCHED_ERROR 8
#define XM_HM_EV_WATCHDOG_TIMER 9
#define XM_HM_EV_SPARCV8_WRITE_ERROR 10
#define XM_HM_EV_SPARCV8_INSTR_ACCESS_MMU_MISS 11
#define XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR 12
#define XM_HM_EV_SPARCV8_REGISTER_HARDWARE_ERROR 13
#define XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION 14
#define XM_HM_EV_SPARCV8_PRIVILEGED_INSTR 15
#define XM_HM_EV_SPARCV8_ILLEGAL_INSTR 16
#define XM_HM_EV_SPARCV8_FP_DISABLED 17
#define XM_HM_EV_SPARCV8_CP_DISABLED 18
#define XM_HM_EV_SPARCV8_UNIMPLEMENTED_FLUSH 19
#define XM_HM_EV_SPARCV8_WATCHPOINT_DETECTED 20
#define XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED 21
#define XM_HM_EV_SPARCV8_FP_EXCEPTION 22
#define XM_HM_EV_SPARCV8_CP_EXCEPTION 23
#define XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR 24
#define XM_HM_EV_SPARCV8_DATA_ACCESS_MMU_MISS 25
#define XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION 26
#define XM_HM_EV_SPARCV8_TAG_OVERFLOW 27
#define XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION 28
#define XM_HM_MAX_EVENTS 29

#include "xm_types.h"

/* The HM log (manual 2.13.4, listing 2.2, as far as the text reads): one
 * fixed-length entry per logged HM event, kept by the hypervisor in a ring
 * of XM_HM_LOG_CAPACITY entries (kernel/hm_log.hpp). checksum is 0: the
 * manual says "an MD5 digestion" of a 16-bit field, which cannot be read
 * literally. sys is 0 for a partition's event. validCpuCtxt is set when the
 * event is a processor trap: cpuCtxt then holds the trapping pc, npc, the
 * MMU fault address (0 unless an access fault) and the trap type; otherwise
 * payload holds pc, npc, 0, 0 (a rule a hypercall checks), or for
 * XM_HM_EV_PARTITION_ERROR (an XM_TRACE_UNRECOVERABLE trace event) the
 * event's code and its payload[0..2]. */
#define XM_HMLOG_SIGNATURE 0xfecf
#define XM_HMLOG_PAYLOAD_LENGTH 4
#define XM_HM_LOG_CAPACITY 32

#define HMLOG_OPCODE_EVENT_BIT 19
#define HMLOG_OPCODE_EVENT_MASK (0x1fffu << HMLOG_OPCODE_EVENT_BIT)
/* Bits 18 and 17 free */
#define HMLOG_OPCODE_SYS_BIT 16
#define HMLOG_OPCODE_SYS_MASK (0x1u << HMLOG_OPCODE_SYS_BIT)
#define HMLOG_OPCODE_VALID_CPUCTXT_BIT 15
#define HMLOG_OPCODE_VALID_CPUCTXT_MASK (0x1u << HMLOG_OPCODE_VALID_CPUCTXT_BIT)
#define HMLOG_OPCODE_MODID_BIT 8
#define HMLOG_OPCODE_MODID_MASK (0x7fu << HMLOG_OPCODE_MODID_BIT)
#define HMLOG_OPCODE_PARTID_BIT 0
#define HMLOG_OPCODE_PARTID_MASK (0xffu << HMLOG_OPCODE_PARTID_BIT)

/* The processor context of a trap (SPARC v8): where it happened and why. */
typedef struct {
  xmWord_t pc;
  xmWord_t npc;
  xmWord_t faultAddress;
  xmWord_t trapType;
} __attribute__((packed)) xmHmCpuCtxt_t;

struct xmHmLog {
  xm_u16_t signature;
  xm_u16_t checksum;
  xm_u32_t opCode;
  xm_u32_t seq;       /* entries logged since boot, the first 0 */
  xmTime_t timestamp; /* XM_HW_CLOCK, microseconds since boot */
  union {
    xmHmCpuCtxt_t cpuCtxt;
    xmWord_t payload[XM_HMLOG_PAYLOAD_LENGTH];
  } __attribute__((packed));
} __attribute__((packed));
typedef struct xmHmLog xmHmLog_t;

/* XM_hm_status: entries held now, the capacity, the reader's position (in
 * entries from the oldest held) and, Stratum's addition, the entries
 * overwritten before they were read (the ring keeps the newest). */
typedef struct {
  xm_s32_t noEvents;
  xm_s32_t maxEvents;
  xm_s32_t currentEvent;
  xm_s32_t lostEvents;
} xmHmStatus_t;

/* XM_hm_seek's whence, as lseek's (and XM_TRACE_SEEK_*). */
#define XM_HM_SEEK_CUR 0x0
#define XM_HM_SEEK_SET 0x1
#define XM_HM_SEEK_END 0x2

/* XM_ctrl_object command of OBJ_CLASS_HM. */
#define XM_HM_GET_STATUS 0x0

#endif
