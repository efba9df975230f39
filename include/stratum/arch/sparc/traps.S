/*
 * Trap entry and exit for partitions (window traps: windows.S; the
 * hypercall trap's fast paths: hypercall.S; XM_sparc_iret's: iret.S; the
 * FPU: fpu.S). Terms are
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
 *    (vcpu.hpp and iret.S: sparc_iret; trap tables: write_tbr), or came from the
 *    processor's own trap.
 */
#include "windows.h"

        .text
        .align  4

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
        .global stratum_trap_entry_user
stratum_trap_entry_user:                /* (%l5 = T; the hypercall trap comes in here) */
.Lfrom_user:
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
        tst     %l3
        bne     .Lclean_below           /* a virtual trap: its handler takes T and those below */
        ld      [%l4 + CTX_WBUF_N], %g6
.Lresident:
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
        sethi   %hi(stratum_zero_pair), %g7     /* (WRWIM's delay) */
        or      %g7, %lo(stratum_zero_pair), %g7
        nop
        .rept   NWINDOWS - 2
        save
        ZERO_WINDOW %g7
        .endr
        save                            /* into P */
        orcc    %g5, %g6, %g0
        bne     1f
        nop
        FILL_WINDOW %g4, 2f
        ba      3f
        nop
2:      RECORD_WINDOW_FAULT
1:      ZERO_WINDOW %g7
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
2:      LOAD_WINDOW %g3, CTX_WBUF - 64
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

/*
 * A virtual trap for a partition whose window P is resident (the kernel
 * did not flush: Processor::enter_handler): its handler runs in T and
 * SAVEs into the windows below, which hold what the kernel left there.
 * Zero the %l and %i registers of each from T - 1 down to the invalid
 * window W included (W's %o are the partition's oldest window's %i); T's
 * %o are T - 1's %i. Kept windows go back into W and up afterwards
 * (.Lunbuffer), over zeroed ones, and the invalid window stays among them.
 * In T, traps off, %l5 = P, %l7 = WIM; walks down with WIM = 0. %g6
 * (CTX_WBUF_N) is kept; the other globals are free here.
 */
.Lclean_below:
        ONE_HOT_INDEX %l7, %g1, %g2     /* W */
        sub     %l5, 1, %g2             /* T */
        sub     %g2, %g1, %g2
        and     %g2, NWINDOWS - 1, %g2  /* T - W windows, T - 1 down to W */
        mov     %l7, %g5
        rd      %psr, %g4               /* CWP = T, to come back to */
        wr      %g0, %wim
        sethi   %hi(stratum_zero_pair), %g7     /* (WRWIM's delay) */
        or      %g7, %lo(stratum_zero_pair), %g7
        nop
        save
1:      ZERO_WINDOW %g7
        subcc   %g2, 1, %g2
        bne,a   1b
        save                            /* (annulled after the last) */
        wr      %g4, %psr               /* back to T */
        wr      %g5, %wim
        nop; nop
        ba      .Lresident
        nop

/* From supervisor mode: only the idle loop may be interrupted. Its window
 * is the hypervisor's: no partition window is resident. Any other trap
 * from supervisor mode is the hypervisor's own, even while the idle
 * context is current (the kernel runs with traps enabled: boot after
 * start_idle, every reschedule from the idle loop): the trapped PC must
 * be one of the idle loop's three instructions. */
.Lfrom_supervisor:
        set     stratum_idle_loop, %l5
        sub     %l1, %l5, %l5
        cmp     %l5, stratum_idle_loop_end - stratum_idle_loop
        bgeu    stratum_fatal_entry     /* (unsigned: below the loop too) */
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
 * else: the exit came through .Lclean_below (P resident) or .Lrefill (P
 * spilled: a switch, or the kernel flushed because windows were kept, see
 * Processor::enter_handler), which zeroed T's %o and every window below.
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
 * void stratum_idle_loop(void): the idle context's code. Runs in supervisor
 * mode with interrupts open and waits for the next one in power-down mode.
 */
        .global stratum_idle_loop
stratum_idle_loop:
1:      wr      %g0, %asr19
        ba      1b
        nop
stratum_idle_loop_end:

        .section .note.GNU-stack, "", @progbits
