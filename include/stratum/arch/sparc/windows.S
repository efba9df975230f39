/*
 * Register-window traps (window_overflow 0x05, window_underflow 0x06), the
 * SPARC ABI's flush-windows trap (`ta 3`, tt 0x83) and the flush the kernel
 * calls before a partition switch. Terms are the SPARC v8 manual's: trap
 * window, CWP, WIM (one invalid window at a time), %l0/%l1/%l2 = PSR/PC/nPC
 * at the trap.
 *
 * Whose window is it? (issue 9: a partition's window may only be spilled to
 * or filled from the partition's own writable memory, the hypervisor's
 * stacks hold the hypervisor's windows only.)
 *  - A window trap taken in user mode (PSR.PS = 0) is the partition's own
 *    SAVE or RESTORE: the window is the partition's.
 *  - In supervisor mode the hypervisor runs. It RESTOREs only into its own
 *    frames (the exit path fills the partition's window itself, traps off),
 *    so an underflow fills a hypervisor window. An overflow spills the
 *    oldest resident window: while the partition's windows are still in the
 *    register file they are the oldest, older than the kernel's trap window
 *    T. Every kernel entry from a partition records T in
 *    stratum_trap_window (1 << T); a spilled window other than T is then
 *    the partition's, and spilling T itself means none of the partition's
 *    is left, so the mark is cleared (0: every resident window is the
 *    hypervisor's, as after a flush, and for the idle context, whose
 *    windows live on the hypervisor's idle stack).
 * A partition window refused on the partition's own account (its SAVE, its
 * RESTORE, `ta 3`) is discarded and recorded (windows.h); the partition is
 * stopped before it runs again, in its own time. One the hypervisor spills
 * on its own account (the kernel's SAVEs, stratum_flush_windows at a
 * switch) is kept in the partition's context and put back into the
 * register file before it runs again (windows.h, traps.S): being preempted
 * before its stack is set (a reset's first instructions, a virtual trap
 * handler's) is no fault.
 */
#include "windows.h"

        .text
        .align  4

/* Trap 0x05: a SAVE met the invalid window. */
        .global stratum_window_overflow
stratum_window_overflow:
        SPILL_OLDEST 1                  /* (the partition's own SAVE if PS = 0) */
        andcc   %l0, PSR_PS, %g0        /* the hypervisor's own SAVE: just retry */
        bne     1f
        sethi   %hi(stratum_window_fault), %l3
        ld      [%l3 + %lo(stratum_window_fault)], %l3
        tst     %l3
        bne     stratum_trap_entry      /* a partition's bad stack: stop it now */
        nop
1:      clr     %l0                     /* the SAVE retried lands here: no real PSR left */
        jmp     %l1
        rett    %l2

/* Trap 0x06: a RESTORE met the invalid window W; fill W from its %sp. */
        .global stratum_window_underflow
stratum_window_underflow:
        mov     %g1, %l4
        mov     %g2, %l5
        mov     %g3, %l6
        mov     %g4, %l7
        rd      %wim, %l3               /* kept: put back if the fill is refused */
        sll     %l3, 1, %g2
        srl     %l3, NWINDOWS - 1, %g1
        or      %g1, %g2, %g1           /* WIM rotated left: W becomes valid */
        wr      %g1, %wim
        and     %l0, PSR_PS, %g4        /* %g4 = 0: the partition's window */
        nop; nop
        restore                         /* the window that executed RESTORE */
        restore                         /* W */
        FILL_WINDOW %g4, 2f
        save
        save
        mov     %l4, %g1
        mov     %l5, %g2
        mov     %l6, %g3
        mov     %l7, %g4
        clr     %l0                     /* no real PSR left in the trap window */
        jmp     %l1
        rett    %l2
2:      /* Refused: W stays invalid (nothing of it is ever handed out). */
        RECORD_WINDOW_FAULT
        save
        save
        wr      %l3, %wim
        mov     %l4, %g1
        mov     %l5, %g2
        mov     %l6, %g3
        andcc   %l0, PSR_PS, %g0
        bne     stratum_fatal_entry     /* the hypervisor's own stack: a bug */
        mov     %l7, %g4
        ba      stratum_trap_entry      /* the partition's: stop it */
        nop

/*
 * Trap 0x83, `ta 3` (ST_FLUSH_WINDOWS of the SPARC ABI, emitted by setjmp,
 * longjmp and GCC's unwinder): every window of the partition but the one
 * that executed the trap (P = T + 1) goes to its stack, each validated like
 * any spill, and the partition resumes after the `ta`. The windows from
 * P + 1 up to the invalid one are walked with WIM = 0, traps being off.
 */
        .global stratum_flush_trap
stratum_flush_trap:
        andcc   %l0, PSR_PS, %g0
        bne     stratum_trap_entry      /* the hypervisor's own: fatal there */
        mov     %g1, %l4                /* the partition's globals, back at the end */
        mov     %g2, %l5
        mov     %g3, %l6
        mov     %g4, %l7
        mov     %g5, %l3
        rd      %wim, %g4               /* W, past the oldest resident window */
        and     %l0, PSR_CWP, %g5       /* T */
        wr      %g0, %wim               /* walk freely: traps are off */
        nop; nop; nop
        restore                         /* P: stays resident */
1:      restore                         /* the next older window */
        rd      %psr, %g1
        and     %g1, PSR_CWP, %g1
        mov     1, %g2
        sll     %g2, %g1, %g2
        andcc   %g2, %g4, %g0
        bne     3f                      /* W: every window past P is on its stack */
        nop
        VALIDATE_SP %g0, 2f             /* the partition's window */
        STORE_WINDOW %sp, 0
        ba      1b
        nop
2:      RECORD_WINDOW_FAULT
        ba      1b
        nop
3:      rd      %psr, %g1               /* back down to T */
        and     %g1, PSR_CWP, %g1
        cmp     %g1, %g5
        bne,a   3b
        save
        add     %g5, 2, %g5
        and     %g5, NWINDOWS - 1, %g5
        mov     1, %g1
        sll     %g1, %g5, %g1
        wr      %g1, %wim               /* P + 1 invalid: only P is resident */
        mov     %l4, %g1
        mov     %l5, %g2
        mov     %l6, %g3
        mov     %l7, %g4
        mov     %l3, %g5
        sethi   %hi(stratum_window_fault), %l4
        ld      [%l4 + %lo(stratum_window_fault)], %l4
        tst     %l4
        bne     stratum_trap_entry      /* a window met a bad stack: stop it */
        nop
        clr     %l0                     /* no real PSR left in the trap window */
        jmp     %l2                     /* resume after the trap instruction */
        rett    %l2 + 4

/*
 * void stratum_flush_windows(void): spill every window of the partition to
 * its stack, so the register file holds nothing of the partition that is
 * about to be switched out (or about to take a virtual trap, or asked for
 * XM_sparc_flush_regwin). A partition window whose %sp is not its own is
 * kept in its context (windows.h): the kernel calls this at a switch,
 * before a virtual trap and for XM_sparc_flush_regwin, and decides
 * (Processor) whether a kept window is a fault. Afterwards no partition
 * window is resident: stratum_trap_window is cleared.
 *
 * While the partition's windows are resident past the kernel's trap window
 * T (stratum_trap_window = 1 << T), only they are spilled, oldest first
 * (BUFFER_WINDOW's order), walking them with traps off and WIM = 0 instead
 * of letting SAVEs raise a window_overflow for each; the kernel's own
 * windows, from the caller up to T, stay resident (no window_underflow on
 * the way back), and T + 1 = P becomes the invalid window, as the exit
 * path expects of a spilled P. A leaf called from C: %g1..%g4 are the
 * caller's to lose; %g5..%g7, which C never uses (the context holds the
 * partition's), serve the walk.
 * Otherwise (0: the idle context, whose windows are the hypervisor's, or
 * T already spilled) every window but the caller's goes the old way:
 * NWINDOWS-2 SAVEs reach the invalid window from any depth, the overflow
 * trap spills each, and the RESTOREs come back without traps.
 */
        .global stratum_flush_windows
stratum_flush_windows:
        sethi   %hi(stratum_trap_window), %g5
        ld      [%g5 + %lo(stratum_trap_window)], %g6
        tst     %g6
        be      .Lflush_all
        rd      %psr, %o4               /* the caller's: CWP = C, ET = 1 (C runs with traps on) */
        st      %g0, [%g5 + %lo(stratum_trap_window)]
        wr      %o4, PSR_ET, %psr       /* traps off (ET was 1): the window state is ours */
        andn    %o4, PSR_ET, %g7        /* (WRPSR's delay) PSR to walk with, then back to C */
        rd      %wim, %g1
        ONE_HOT_INDEX %g1, %g5, %g2     /* W, the invalid window */
        mov     %g6, %g3
        ONE_HOT_INDEX %g3, %g6, %g2     /* T */
        add     %g5, NWINDOWS - 1, %g5
        and     %g5, NWINDOWS - 1, %g5  /* W - 1, the partition's oldest resident window */
        wr      %g0, %wim
        cmp     %g5, %g6
        be      .Lwalked                /* W - 1 = T: none of the partition's is resident */
        andn    %g7, PSR_CWP, %g1
        or      %g1, %g5, %g1
        wr      %g1, %psr               /* CWP = W - 1 */
        sub     %g5, %g6, %g5
        and     %g5, NWINDOWS - 1, %g5  /* W - 1 - T of them, the partition's */
        sethi   %hi(stratum_stack_ranges), %g4
        ld      [%g4 + %lo(stratum_stack_ranges)], %g4
        /* VALIDATE_SP's rule for a partition's window, its list (%g4)
         * loaded once: 8-byte aligned, lo <= %sp <= hi for one {lo, hi}. */
1:      andcc   %sp, 7, %g0
        bne     3f
        mov     %g4, %g1
5:      ldd     [%g1], %g2              /* %g2 = lo, %g3 = hi; hi = 0 ends the list */
        tst     %g3
        be      3f
        cmp     %sp, %g2
        blu,a   5b
        add     %g1, 8, %g1             /* (annulled when not below) */
        cmp     %sp, %g3
        bgu,a   5b
        add     %g1, 8, %g1
        STORE_WINDOW %sp, 0
2:      subcc   %g5, 1, %g5
        bne     1b
        save                            /* the next newer one (last: into T) */
        ba      .Lwalked
        nop
3:      BUFFER_WINDOW 4f                /* the hypervisor's doing: kept, not a fault */
        sethi   %hi(stratum_stack_ranges), %g4  /* (emptied by the first one kept) */
        ba      2b
        ld      [%g4 + %lo(stratum_stack_ranges)], %g4
4:      ba      stratum_fatal_entry
        nop
.Lwalked:
        add     %g6, 1, %g6
        and     %g6, NWINDOWS - 1, %g6
        mov     1, %g1
        sll     %g1, %g6, %g1
        wr      %g1, %wim               /* P = T + 1 invalid */
        wr      %g7, %psr               /* back to the caller's window, traps still off */
        nop; nop; nop
        wr      %o4, %psr               /* traps on again */
        nop; nop
        retl
        nop

.Lflush_all:
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        save    %sp, -96, %sp
        restore
        restore
        restore
        restore
        restore
        sethi   %hi(stratum_trap_window), %l0
        st      %g0, [%l0 + %lo(stratum_trap_window)]
        ret
        restore

/* 1 << T, the kernel's trap window, while the partition's windows may be
 * resident past it; 0 when every resident window is the hypervisor's. */
/* The empty list of stack ranges: while a partition's windows are kept in
 * its context, no newer one may go to its stack (windows.h). */
        .section ".rodata"
        .align  8
        .global stratum_no_stack
stratum_no_stack:
        .word   0, 0
/* Eight zero bytes: one LDD zeroes a register pair (windows.h, ZERO_WINDOW). */
        .align  8
        .global stratum_zero_pair
stratum_zero_pair:
        .word   0, 0

        .section ".bss"
        .align  4
        .global stratum_trap_window
stratum_trap_window:
        .skip   4

        .section .note.GNU-stack, "", @progbits
