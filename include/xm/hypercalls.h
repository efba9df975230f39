/* Hypercall numbers and the trap that carries them (XtratuM manual 5.19 and
 * 6.2, listings 5.30-5.32 and 6.4).
 *
 * A normal hypercall is `ta XM_HYPERCALL_TRAP` with the number in %o0 and
 * up to five arguments in %o1..%o5; the result comes back in %o0. The
 * assembly hypercalls (`ta XM_ASMHYPERCALL_TRAP`) are the SPARC services
 * that touch the trap state itself (iret, flush_regwin, psr, pil). */
#ifndef XM_HYPERCALLS_H
#define XM_HYPERCALLS_H

/* Trap types. `ta N` raises trap type 0x80 + N, so a partition writes
 * `ta 0x70` to raise 0xF0. */
#define XM_HYPERCALL_TRAP 0xF0
#define XM_ASMHYPERCALL_TRAP 0xF1

#define __MULTICALL_NR 0
#define __HALT_PARTITION_NR 1
#define __SUSPEND_PARTITION_NR 2
#define __RESUME_PARTITION_NR 3
#define __RESET_PARTITION_NR 4
#define __SHUTDOWN_PARTITION_NR 5
#define __HALT_SYSTEM_NR 6
#define __RESET_SYSTEM_NR 7
#define __IDLE_SELF_NR 8
#define __GET_TIME_NR 9
#define __SET_TIMER_NR 10
#define __READ_OBJECT_NR 11
#define __WRITE_OBJECT_NR 12
#define __SEEK_OBJECT_NR 13
#define __CTRL_OBJECT_NR 14
#define __CLEAR_IRQ_MASK_NR 15
#define __SET_IRQ_MASK_NR 16
#define __FORCE_IRQS_NR 17
#define __CLEAR_IRQS_NR 18
#define __ROUTE_IRQ_NR 19
#define __UPDATE_PAGE32_NR 20
#define __SET_PAGE_TYPE_NR 21
#define __INVLD_TLB_NR 22
#define __RAISE_IPVI_NR 23
#define __OVERRIDE_TRAP_HNDL_NR 24
#define __FLUSH_CACHE_NR 25
#define __SET_CACHE_STATE_NR 26
#define __SWITCH_SCHED_PLAN_NR 27
#define __GET_GID_BY_NAME_NR 28
#define __RESET_VCPU_NR 29
#define __HALT_VCPU_NR 30
#define __SUSPEND_VCPU_NR 31
#define __RESUME_VCPU_NR 32
#define __GET_VCPUID_NR 33
#define sparc_atomic_add_nr 34
#define sparc_atomic_and_nr 35
#define sparc_atomic_or_nr 36
#define sparc_inport_nr 37
#define sparc_outport_nr 38
#define sparc_write_tbr_nr 39
#define sparc_write_ptdl1_nr 40
/* Stratum's own, for tests of the hypervisor-scope health monitor only:
 * bound in images built with STRATUM_FAULT_INJECTION (it makes the
 * hypervisor itself fault), XM_UNKNOWN_HYPERCALL in every other. */
#define stratum_inject_fault_nr 41
#define NR_HYPERCALLS 42

/* Assembly hypercalls (XM_ASMHYPERCALL_TRAP). */
#define sparc_iret_nr 0
#define sparc_flush_regwin_nr 1
#define sparc_get_psr_nr 2
#define sparc_set_psr_nr 3
#define sparc_set_pil_nr 4
#define sparc_clear_pil_nr 5
#define sparc_ctrl_winflow_nr 6
#define NR_ASM_HYPERCALLS 7

/* Return codes. */
#define XM_OK 0
#define XM_NO_ACTION (-1)
#define XM_UNKNOWN_HYPERCALL (-2)
#define XM_INVALID_PARAM (-3)
#define XM_PERM_ERROR (-4)
#define XM_INVALID_CONFIG (-5)
#define XM_INVALID_MODE (-6)
#define XM_NOT_AVAILABLE (-7)
#define XM_OP_NOT_ALLOWED (-8)
#define XM_MULTICALL_ERROR (-9)

#endif
