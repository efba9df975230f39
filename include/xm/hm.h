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

#endif
