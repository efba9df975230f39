/*
 * Trap entry and exit for partitions (window traps: windows.S). Terms are
 * the SPARC v8 manual's: trap window T, CWP, WIM (one invalid window at a
 * time), %l0/%l1/%l2 = PSR/PC/nPC at the trap.
 *
 * Invariants:
 *  - Exactly one window is invalid in WIM; it is free. The windows between
 *    CWP (going up) and it hold live frames: the hypervisor's, then the
 *    current partition's, whose newest is P = T + 1.
 *  - A window is only ever spilled to, or filled from, memory that belongs
 *    to its owner (windows.S says how the owner is known).
 *  - A partition switch flushes every window first (stratum_flush_windows),
 *    so a window never outlives the partition it belongs to in the register
 *    file; one its stack refused is kept in its context (windows.h) and put
 *    back by the exit, in order, before it runs again. When the exit
 *    finds P spilled (a switch, a fresh start, a virtual trap, a deep kernel
 *    call), it zeroes every other window before filling P: nothing of the
 *    previous partition or of the kernel is left where the next one's SAVEs
 *    reach. The globals, %y and the condition codes are the context's own.
 *  - Every PC/nPC the exit jumps to was validated where it entered
 *    (vcpu.hpp: sparc_iret; trap tables: write_tbr), or came from the
 *    processor's own trap.
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
 * hypervisor: %l0/%l1/%l2 are this partition's own PSR and PC/nPC, %l5-%l7
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
        blu     .Lfrom_user             /* any other number: the general path, */
        and     %l0, PSR_CWP, %l5       /* past its PS test (its first step here) */
        /* An unknown number (unsigned, as HypercallTable::in_range). */
        wr      %l0, %psr               /* the partition's icc back */
        mov     XM_UNKNOWN_HYPERCALL, %i0
        clr     %l4                     /* (WRPSR's delay) */
        mov     %l2, %l1                /* resume after the `ta`: PC = nPC, */
        add     %l2, 4, %l2             /* nPC = nPC + 4 */
        jmp     %l1
        rett    %l2

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
        mov     %l2, %l1                /* resume after the `ta` */
        add     %l2, 4, %l2
        jmp     %l1
        rett    %l2

/*
 * Every other trap from a partition (hypercalls, interrupts, exceptions)
 * and interrupts taken in the idle loop. In the trap window T, traps
 * disabled, %l0 = PSR, %l1/%l2 = PC/nPC.
 */
        .global stratum_trap_entry
stratum_trap_entry:
        andcc   %l0, PSR_PS, %g0
        bne     .Lfrom_supervisor
        and     %l0, PSR_CWP, %l5
.Lfrom_user:                            /* (%l5 = T; the hypercall trap comes in here) */
        mov     1, %l6
        sll     %l6, %l5, %l6           /* 1 << T */
        sethi   %hi(stratum_trap_window), %l5
        st      %l6, [%l5 + %lo(stratum_trap_window)]  /* the partition's windows: past T */
        rd      %wim, %l4
        andcc   %l4, %l6, %g0
        bne     .Lspill_first           /* the partition used every window: T is the invalid one */
        sethi   %hi(stratum_current_context), %l4
.Lsave_context:
        ld      [%l4 + %lo(stratum_current_context)], %l4
        st      %l0, [%l4 + CTX_PSR]
        st      %l1, [%l4 + CTX_PC]
        st      %l2, [%l4 + CTX_NPC]
        rd      %y, %l5
        st      %l5, [%l4 + CTX_Y]
        st      %g1, [%l4 + CTX_G + 4]
        std     %g2, [%l4 + CTX_G + 8]
        std     %g4, [%l4 + CTX_G + 16]
        std     %g6, [%l4 + CTX_G + 24]
        std     %i0, [%l4 + CTX_O + 0]
        std     %i2, [%l4 + CTX_O + 8]
        std     %i4, [%l4 + CTX_O + 16]
        std     %i6, [%l4 + CTX_O + 24]
        st      %g0, [%l4 + CTX_FRESH]  /* it ran: its window is above us (or on its stack) */
        rd      %tbr, %o0
        srl     %o0, 4, %o0
        and     %o0, 0xff, %o0          /* tt */

/* Enter the C++ kernel with trap code %o0, in the trap window. */
stratum_trap_enter_kernel:
        set     __stack_top - 96, %sp
        rd      %psr, %l5
        or      %l5, PSR_PIL_MASK, %l5  /* interrupts stay masked in the kernel */
        wr      %l5, PSR_ET, %psr       /* ET was 0: this sets it (window traps on) */
        nop; nop; nop
        call    stratum_trap
        nop
        /* fall through */

/*
 * Return to whatever stratum_current_context now names: the same partition,
 * another one, or the idle loop.
 */
        .global stratum_trap_return
stratum_trap_return:
        rd      %psr, %l0
        andn    %l0, PSR_ET, %l0
        wr      %l0, %psr               /* traps off: from here the window state is ours */
        sethi   %hi(stratum_current_context), %l4
        ld      [%l4 + %lo(stratum_current_context)], %l4
        and     %l0, PSR_CWP, %l5       /* (three instructions: WRPSR's delay) */
        ldd     [%l4 + CTX_O + 0], %i0
        ldd     [%l4 + CTX_O + 8], %i2
        ldd     [%l4 + CTX_O + 16], %i4
        ldd     [%l4 + CTX_O + 24], %i6
        ld      [%l4 + CTX_Y], %l6
        wr      %l6, %y
        /* Is the partition's window P = T + 1 in the register file? */
        add     %l5, 1, %l5
        and     %l5, NWINDOWS - 1, %l5
        mov     1, %l6
        sll     %l6, %l5, %l6           /* 1 << P */
        rd      %wim, %l7
        andcc   %l7, %l6, %g0
        bne     .Lrefill
        ld      [%l4 + CTX_VTRAP_PC], %l3
        /* P is resident; windows the kernel's SAVEs spilled past it but
         * could not put on the stack go back in from the invalid one up. */
        ld      [%l4 + CTX_WBUF_N], %g6
        tst     %g6
        bne,a   .Lunbuffer
        rd      %wim, %g2               /* (annulled unless taken) */
.Lresume:
        tst     %l3
        bne     stratum_deliver_vtrap
        ld      [%l4 + CTX_G + 4], %g1
        ld      [%l4 + CTX_PC], %l1
        ld      [%l4 + CTX_NPC], %l2
        /* PSR for RETT: the context's condition codes and EF (the FPU is
         * enabled only for partitions with the fp flag), S=1 now and
         * PS = its mode after RETT (CTX_SUPERVISOR is PSR_PS or 0), PIL 0,
         * ET 0, CWP = this window. */
        ld      [%l4 + CTX_PSR], %l5
        set     PSR_ICC | PSR_EF, %l6
        and     %l5, %l6, %l5
        ld      [%l4 + CTX_SUPERVISOR], %l6
        or      %l5, %l6, %l5
        and     %l0, PSR_CWP, %l6
        or      %l5, %l6, %l5
        ldd     [%l4 + CTX_G + 8], %g2
        ldd     [%l4 + CTX_G + 16], %g4
        ldd     [%l4 + CTX_G + 24], %g6
        wr      %l5, PSR_S, %psr        /* (WR writes the XOR: S is clear in %l5) */
        clr     %l0                     /* (WRPSR's delay) T keeps no PSR of the trap (after a */
        clr     %l4                     /* switch, the previous partition's condition codes) */
        clr     %l5                     /* and no kernel address for a SAVE to find */
        jmp     %l1
        rett    %l2

/*
 * P is not in the register file. Zero every window but T, walking down
 * with WIM = 0 (traps are off: no window trap may happen), then fill P
 * from the context's %sp, or leave it zeroed for a fresh start or when
 * windows were kept (P is the newest of them: .Lunbuffer puts it back). The walk's
 * %l and %i registers of T-1 .. T-7 = P are the %l of every other window
 * and every %o but P's, which are T's %i: the context's %o, loaded above.
 * Globals are free here: the context's are loaded at the end.
 */
.Lrefill:
        sll     %l7, 1, %l3
        srl     %l7, NWINDOWS - 1, %l7
        or      %l3, %l7, %l7           /* WIM at the exit: P + 1 invalid */
        ld      [%l4 + CTX_FRESH], %g5
        ld      [%l4 + CTX_SUPERVISOR], %g4     /* the idle context's window is the hypervisor's */
        ld      [%l4 + CTX_WBUF_N], %g6
        wr      %g0, %wim
        nop; nop; nop
        .rept   NWINDOWS - 2
        save
        CLEAR_WINDOW
        .endr
        save                            /* into P */
        orcc    %g5, %g6, %g0
        bne     1f
        nop
        FILL_WINDOW %g4, 2f
        ba      3f
        nop
2:      RECORD_WINDOW_FAULT
1:      CLEAR_WINDOW
3:      save                            /* back to T */
        wr      %l7, %wim
        sethi   %hi(stratum_window_fault), %l5
        ld      [%l5 + %lo(stratum_window_fault)], %l5
        tst     %l5
        bne     .Lrefused
        tst     %g6
        be      .Lresume
        ld      [%l4 + CTX_VTRAP_PC], %l3
        ba      .Lunbuffer
        mov     %l6, %g2                /* the newest kept window goes to P */
        /* A window of the partition was refused (this fill, or a flush the
         * kernel made on its behalf): back to the kernel, which stops it. P
         * stays out of the register file, so nothing of it is spilled again. */
.Lrefused:
        wr      %l6, %wim
        sethi   %hi(stratum_trap_window), %l5
        st      %g0, [%l5 + %lo(stratum_trap_window)]
        ba      stratum_trap_enter_kernel
        mov     TT_WINDOW_FAULT, %o0

/*
 * Put the windows kept in the context (windows.h, BUFFER_WINDOW) back into
 * the register file: in T, traps off, %l4 = context, %g6 = n > 0 of them,
 * %g2 = 1 << W where W is the newest one's window (P, or the invalid window
 * past the partition's resident ones). The buffer is oldest first: entry
 * n-1 goes to W, n-2 to W + 1, ..., 0 to W + n - 1, all free windows (at
 * most T - 1: a partition has at most NWINDOWS - 1 live windows), and
 * W + n becomes the invalid window. Walks up with RESTORE and WIM = 0 and
 * comes back to T by writing the PSR. The windows are back exactly as they
 * were spilled; none of them is filled from a stack.
 */
.Lunbuffer:
        ld      [%l4 + CTX_WBUF_RANGES], %g3    /* its own stack ranges again */
        sethi   %hi(stratum_stack_ranges), %g1
        st      %g3, [%g1 + %lo(stratum_stack_ranges)]
        st      %g0, [%l4 + CTX_WBUF_N]
        sll     %g6, 6, %g3
        add     %l4, %g3, %g3           /* %g3 + CTX_WBUF - 64: entry n-1 */
        rd      %psr, %g5               /* CWP = T, to come back to */
        wr      %g0, %wim
        nop; nop; nop
1:      restore                         /* up from T to W */
        rd      %psr, %g1
        and     %g1, PSR_CWP, %g1
        mov     1, %g7
        sll     %g7, %g1, %g7
        cmp     %g7, %g2
        bne     1b
        nop
2:      ldd     [%g3 + CTX_WBUF - 64 + 0], %l0
        ldd     [%g3 + CTX_WBUF - 64 + 8], %l2
        ldd     [%g3 + CTX_WBUF - 64 + 16], %l4
        ldd     [%g3 + CTX_WBUF - 64 + 24], %l6
        ldd     [%g3 + CTX_WBUF - 64 + 32], %i0
        ldd     [%g3 + CTX_WBUF - 64 + 40], %i2
        ldd     [%g3 + CTX_WBUF - 64 + 48], %i4
        ldd     [%g3 + CTX_WBUF - 64 + 56], %i6
        subcc   %g6, 1, %g6
        be      3f
        sub     %g3, 64, %g3
        ba      2b
        restore                         /* the next older window */
3:      rd      %psr, %g1               /* W + n - 1: the next one is invalid */
        and     %g1, PSR_CWP, %g1
        add     %g1, 1, %g1
        and     %g1, NWINDOWS - 1, %g1
        mov     1, %g7
        sll     %g7, %g1, %g7
        wr      %g7, %wim
        wr      %g5, %psr               /* back to T */
        nop; nop; nop
        ba      .Lresume
        ld      [%l4 + CTX_VTRAP_PC], %l3

/* From supervisor mode: only the idle loop may be interrupted. Its window
 * is the hypervisor's: no partition window is resident. */
.Lfrom_supervisor:
        sethi   %hi(stratum_trap_window), %l5
        st      %g0, [%l5 + %lo(stratum_trap_window)]
        sethi   %hi(stratum_current_context), %l4
        ld      [%l4 + %lo(stratum_current_context)], %l5
        ld      [%l5 + CTX_SUPERVISOR], %l5
        tst     %l5
        bne     .Lsave_context
        nop
        ba      stratum_fatal_entry
        nop

/* T was the invalid window: spill the partition's oldest to make room. */
.Lspill_first:
        SPILL_OLDEST 0                  /* the hypervisor's doing: a refused one is kept */
        ba      .Lsave_context
        sethi   %hi(stratum_current_context), %l4

/*
 * Resume the partition in its virtual trap handler: the handler's window is
 * T (one below the partition's), with %l0 = virtual PSR and %l1/%l2 =
 * where the partition was, as a real trap would leave them, and nothing
 * else: the kernel flushed the windows first (enter_handler), so the exit
 * came through .Lrefill, which zeroed T's %o and every window below.
 */
stratum_deliver_vtrap:
        st      %g0, [%l4 + CTX_VTRAP_PC]   /* delivered once */
        mov     %l3, %o0                    /* handler, seen as %i0 below */
        ld      [%l4 + CTX_PSR], %l5
        set     PSR_ICC | PSR_EF, %l6       /* a trap leaves EF as it was */
        and     %l5, %l6, %l5
        or      %l5, PSR_S, %l5
        and     %l0, PSR_CWP, %l6
        sub     %l6, 1, %l6                 /* CWP of the window below */
        and     %l6, NWINDOWS - 1, %l6
        or      %l5, %l6, %o1               /* PSR for RETT, seen as %i1 below */
        ld      [%l4 + CTX_VTRAP_L0], %l0
        ld      [%l4 + CTX_PC], %l1
        ld      [%l4 + CTX_NPC], %l2
        ldd     [%l4 + CTX_G + 8], %g2
        ldd     [%l4 + CTX_G + 16], %g4
        ldd     [%l4 + CTX_G + 24], %g6
        clr %l3; clr %l4; clr %l5; clr %l6; clr %l7
        wr      %o1, %psr                   /* into T - 1, not by SAVE: with kept */
        nop; nop; nop                       /* windows back it may be the invalid one */
        mov     %i0, %l0
        clr     %i0                         /* T's %o0, %o1 */
        clr     %i1
        jmp     %l0
        rett    %l0 + 4

/*
 * void stratum_first_return(void): leave the boot code for the first
 * context, through the same exit path as every trap. The caller's window
 * serves as the trap window; nothing above it is ever returned to.
 */
        .global stratum_first_return
stratum_first_return:
        call    stratum_flush_windows
        nop
        ba      stratum_trap_return
        nop

/*
 * void stratum_fpu_save(FpuContext*), void stratum_fpu_restore(const FpuContext*):
 * the floating-point unit's state (%f0-%f31 and the FSR, SPARC v8 manual
 * 4.4) to and from memory, 8-byte aligned for STDF/LDDF. The kernel
 * calls them only when the FPU changes hands between partitions with the
 * fp flag. PSR.EF is set around the accesses (the caller may have come from
 * a partition without it) and put back as it was; STFSR waits for the FPU
 * to finish what it was doing.
 */
        .global stratum_fpu_save
stratum_fpu_save:
        rd      %psr, %o5
        set     PSR_EF, %o4
        or      %o5, %o4, %o3
        wr      %o3, %psr
        nop; nop; nop
        std     %f0, [%o0 + 0]
        std     %f2, [%o0 + 8]
        std     %f4, [%o0 + 16]
        std     %f6, [%o0 + 24]
        std     %f8, [%o0 + 32]
        std     %f10, [%o0 + 40]
        std     %f12, [%o0 + 48]
        std     %f14, [%o0 + 56]
        std     %f16, [%o0 + 64]
        std     %f18, [%o0 + 72]
        std     %f20, [%o0 + 80]
        std     %f22, [%o0 + 88]
        std     %f24, [%o0 + 96]
        std     %f26, [%o0 + 104]
        std     %f28, [%o0 + 112]
        std     %f30, [%o0 + 120]
        st      %fsr, [%o0 + 128]
        wr      %o5, %psr
        nop; nop; nop
        retl
        nop

        .global stratum_fpu_restore
stratum_fpu_restore:
        rd      %psr, %o5
        set     PSR_EF, %o4
        or      %o5, %o4, %o3
        wr      %o3, %psr
        nop; nop; nop
        ldd     [%o0 + 0], %f0
        ldd     [%o0 + 8], %f2
        ldd     [%o0 + 16], %f4
        ldd     [%o0 + 24], %f6
        ldd     [%o0 + 32], %f8
        ldd     [%o0 + 40], %f10
        ldd     [%o0 + 48], %f12
        ldd     [%o0 + 56], %f14
        ldd     [%o0 + 64], %f16
        ldd     [%o0 + 72], %f18
        ldd     [%o0 + 80], %f20
        ldd     [%o0 + 88], %f22
        ldd     [%o0 + 96], %f24
        ldd     [%o0 + 104], %f26
        ldd     [%o0 + 112], %f28
        ldd     [%o0 + 120], %f30
        ld      [%o0 + 128], %fsr
        wr      %o5, %psr
        nop; nop; nop
        retl
        nop

/*
 * void stratum_idle_loop(void): the idle context's code. Runs in supervisor
 * mode with interrupts open and waits for the next one in power-down mode.
 */
        .global stratum_idle_loop
stratum_idle_loop:
1:      wr      %g0, %asr19
        ba      1b
        nop

        .section .note.GNU-stack, "", @progbits
