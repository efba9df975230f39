/*
 * The hypercall trap's fast paths (trap 0xF0), in the trap window; the
 * general path is traps.S's. Terms are the SPARC v8 manual's.
 */
#include "windows.h"
#include "board_clock.h"
#include "xm/hypercalls.h"

/* The clock id of XM_get_time's hardware clock (xm/status.h, checked in
 * processor.hpp): zero, so one ORCC tests it with the pointer's alignment. */
#define FAST_HW_CLOCK   0
/* The user data ASI (SPARC v8 manual, table 2-4): a load or store with it
 * is translated and checked by the SRMMU with a user's rights. */
#define ASI_USER_DATA   0x0a

        .text
        .align  4

/*
 * Trap 0xF0, `ta 0x70`: a hypercall (XtratuM manual 6.2: number in %o0,
 * arguments in %o1..%o5, result in %o0; here the trap window T's %i0..%i5).
 * Two calls are answered here, in T, without entering C (manual 6.2 allows
 * assembly paths that do not prepare for C; DESIGN.md, "The trap path"):
 *  - a number >= NR_HYPERCALLS: XM_UNKNOWN_HYPERCALL;
 *  - XM_get_time(XM_HW_CLOCK, time) with `time` 8-byte aligned and all 8
 *    bytes inside one of the caller's writable areas: XM_OK, the time
 *    stored there.
 * Everything else, and a call from supervisor mode, goes to the general
 * path, stratum_trap_entry, with the trap state as the processor left it
 * (%l0 = PSR, %l1/%l2 = PC/nPC, the partition's registers untouched); it
 * gives every error code, so the fast paths never decide a refusal.
 *
 * Windows: T may be the invalid window in WIM (the partition used every
 * window). These paths never SAVE or RESTORE and use only T's %l
 * registers, which are free whether or not T is invalid, and T's %i0 (the
 * partition's %o0, the result); RETT goes back to CWP + 1, the partition's
 * own window P, which is valid. So no window is spilled or filled here.
 *
 * Condition codes: the comparisons below change them; the exits write %l0
 * back to the PSR before RETT (WRPSR, then three instructions before the
 * PSR is read by RETT and the partition), which restores the partition's
 * icc and changes nothing else: %l0 is the PSR of this very trap (CWP = T,
 * S = 1, PS = 0, ET = 0, as RETT requires).
 *
 * Register hygiene: on exit T holds nothing of another partition or of the
 * hypervisor: %l0 (the real PSR) is cleared, %l1/%l2 are this partition's
 * own PC/nPC of the `ta`, %l5-%l7
 * the clock (its value is what the call returns anyway; after an unknown
 * number %l5 is the CWP field of its own PSR), %l3 and %l6/%l7 of the
 * unknown-number path are untouched (whatever T held before: the
 * partition's own or cleared by the general exit), and %l4, which held
 * hypervisor addresses, is cleared. The partition's SAVE into T may read
 * them; there is nothing else to find.
 */
        .global stratum_hypercall_trap
stratum_hypercall_trap:                 /* icc: %l0 & PSR_PS (start.S, entry 0xF0) */
        bne     stratum_trap_entry      /* the hypervisor's own `ta 0x70`: fatal there */
        cmp     %i0, __GET_TIME_NR
        be      .Lget_time
        cmp     %i0, NR_HYPERCALLS      /* (delay slot) */
        blu     stratum_trap_entry_user             /* any other number: the general path, */
        and     %l0, PSR_CWP, %l5       /* past its PS test (its first step here) */
        /* An unknown number (unsigned, as HypercallTable::dispatch). */
        wr      %l0, %psr               /* the partition's icc back */
        mov     XM_UNKNOWN_HYPERCALL, %i0
        clr     %l4                     /* (WRPSR's delay) */
        clr     %l0
        jmp     %l2                     /* resume after the `ta`: PC = nPC, */
        rett    %l2 + 4                 /* nPC = nPC + 4 */

.Lget_time:
        and     %i2, 7, %l5             /* time: 8-byte aligned? */
        orcc    %l5, %i1, %g0           /* ... and clockId == XM_HW_CLOCK (0)? */
        bne     stratum_trap_entry
        sethi   %hi(stratum_user_areas), %l4
        /* Is [time, time + 8) inside one of the current partition's
         * writable areas? stratum_user_areas (processor.hpp, set with its
         * MMU context at each switch) lists them as {start, span}, where an
         * 8-byte object may start at start .. start + span: one unsigned
         * compare of time - start against span, which also refuses time <
         * start (the difference wraps above every span: no area wraps past
         * 4 GB) and computes no address past the object. A list ends with
         * span 0. Not found: the general path refuses it with its code. */
        ld      [%l4 + %lo(stratum_user_areas)], %l4
1:      ldd     [%l4], %l6              /* %l6 = start, %l7 = span */
        tst     %l7
        be      stratum_trap_entry
        sub     %i2, %l6, %l6           /* (delay slot) time - start */
        cmp     %l6, %l7
        bgu,a   1b
        add     %l4, 8, %l4             /* (annulled when found) */
        /* The hardware clock, read and extended to 64 bits exactly as
         * Board::now_us() does, in the same state (board_clock.h): the low
         * word is the complement of the down-counter; one lower than the
         * last one read means it wrapped, and the high word goes up (the
         * borrow of the compare, added with ADDX). Traps are off: nothing
         * else reads the clock meanwhile. */
        sethi   %hi(BOARD_CLOCK_COUNTER), %l5
        ld      [%l5 + %lo(BOARD_CLOCK_COUNTER)], %l5
        sethi   %hi(stratum_clock), %l4
        ldd     [%l4 + %lo(stratum_clock)], %l6 /* %l6 = high, %l7 = last */
        not     %l5                     /* the low word */
        cmp     %l5, %l7                /* carry: low < last */
        addx    %l6, 0, %l6
        mov     %l5, %l7
        std     %l6, [%l4 + %lo(stratum_clock)] /* %l6:%l7 = the 64-bit time */
        wr      %l0, %psr               /* the partition's icc back */
        /* The store, with the user data ASI: the SRMMU checks it with the
         * partition's own rights in its own context (the current one),
         * besides the check above. It cannot fault, which with traps off
         * (ET = 0) would stop the processor: `time` is 8-byte aligned (no
         * mem_address_not_aligned, and the doubleword lies in one page), and
         * all 8 bytes are inside one of the partition's areas that are
         * neither unmapped nor read-only, which the page tables (constant,
         * built from the same system tables) map in its context with user
         * write rights (ACC 1 or 3, page_tables.hpp). */
        stda    %l6, [%i2] ASI_USER_DATA
        clr     %i0                     /* XM_OK */
        clr     %l4                     /* (WRPSR's delay) */
        clr     %l0
        jmp     %l2                     /* resume after the `ta` */
        rett    %l2 + 4


        .section .note.GNU-stack, "", @progbits
