/*
 * Spilling and filling one register window, shared by the window traps
 * (windows.S) and the trap entry and exit (traps.S). SPARC v8 manual terms:
 * CWP, WIM (exactly one invalid window), SAVE moves to CWP - 1, a window is
 * saved in the 64 bytes at its own %sp (%l0-%l7, then %i0-%i7).
 *
 * Whose window it is decides where it may go (windows.S explains how the
 * owner is known): a partition's window only to its own writable memory
 * (stratum_stack_ranges), a hypervisor's window only to the hypervisor's
 * stacks. A refused partition window is discarded and its address recorded
 * in stratum_window_fault; the partition is stopped before it runs again.
 * With traps disabled QEMU's SRMMU does not trap on a bad access (it even
 * lets it through), so this check is the protection, not the MMU.
 */
#ifndef STRATUM_ARCH_SPARC_WINDOWS_H
#define STRATUM_ARCH_SPARC_WINDOWS_H

#include "asm.h"

/* Is %sp where this window may be saved / restored from? \hv non-zero: a
 * hypervisor's window (its stacks), zero: the current partition's (one of
 * stratum_stack_ranges, a list ending with hi = 0). Uses %g1..%g3. Falls
 * through when valid, branches to `bad` otherwise. */
        .macro  VALIDATE_SP hv, bad
        andcc   %sp, 7, %g0
        bne     \bad
        tst     \hv
        be      .Lranges\@
        sethi   %hi(stratum_stack_ranges), %g1
        sethi   %hi(__hv_stacks_bottom), %g1
        or      %g1, %lo(__hv_stacks_bottom), %g1
        cmp     %sp, %g1
        blu     \bad
        sethi   %hi(__hv_stacks_top - 64), %g1
        or      %g1, %lo(__hv_stacks_top - 64), %g1
        cmp     %sp, %g1
        bleu    .Lok\@
        nop
        ba      \bad
        nop
.Lranges\@:
        ld      [%g1 + %lo(stratum_stack_ranges)], %g1
.Lnext\@:
        ld      [%g1], %g2              /* lowest valid %sp */
        ld      [%g1 + 4], %g3          /* highest valid %sp; 0 ends the list */
        tst     %g3
        be      \bad
        cmp     %sp, %g2
        blu     .Lskip\@
        cmp     %sp, %g3
        bleu    .Lok\@
        nop
.Lskip\@:
        ba      .Lnext\@
        add     %g1, 8, %g1
.Lok\@:
        .endm

/* Record a refused window address (never 0, so the flag is always seen). */
        .macro  RECORD_WINDOW_FAULT
        sethi   %hi(stratum_window_fault), %g2
        or      %sp, 1, %g3
        st      %g3, [%g2 + %lo(stratum_window_fault)]
        .endm

/*
 * Spill the oldest resident window (the one past the invalid window) and
 * make it the invalid one. Runs in a trap window that is the invalid one
 * (a SAVE met it, or the trap took it), %l0 = PSR at the trap; keeps %l0..%l3 and the globals, uses
 * %l4..%l7. Whose window: a SAVE in user mode (PSR.PS = 0) spills the
 * partition's; in supervisor mode the partition's while the kernel's trap
 * window T (stratum_trap_window = 1 << T, 0 once T left) is still resident
 * and the window is not T itself; the hypervisor's otherwise. Spilling T
 * clears stratum_trap_window: no partition window is left behind it.
 */
        .macro  SPILL_OLDEST
        mov     %g1, %l4
        mov     %g2, %l5
        mov     %g3, %l6
        mov     %g4, %l7
        rd      %wim, %g1
        srl     %g1, 1, %g2
        sll     %g1, NWINDOWS - 1, %g1
        or      %g1, %g2, %g1           /* WIM rotated right: the window we spill */
        andcc   %l0, PSR_PS, %g4        /* %g4 = 0: the partition's */
        be      .Lsave\@
        sethi   %hi(stratum_trap_window), %g2
        ld      [%g2 + %lo(stratum_trap_window)], %g3
        andcc   %g3, %g1, %g0           /* (%g1 has junk above bit NWINDOWS - 1) */
        bne,a   .Lsave\@                /* T itself: the partition's windows are all gone */
        st      %g0, [%g2 + %lo(stratum_trap_window)]
        tst     %g3
        bne,a   .Lsave\@                /* past T: the partition's */
        clr     %g4
.Lsave\@:
        save                            /* into the window to spill */
        wr      %g1, %wim               /* (3 instructions at least before the RESTORE) */
        VALIDATE_SP %g4, .Lbad\@
        std     %l0, [%sp + 0]
        std     %l2, [%sp + 8]
        std     %l4, [%sp + 16]
        std     %l6, [%sp + 24]
        std     %i0, [%sp + 32]
        std     %i2, [%sp + 40]
        std     %i4, [%sp + 48]
        ba      .Ldone\@
        std     %i6, [%sp + 56]
.Lbad\@:
        tst     %g4                     /* the hypervisor's own stack pointer: a bug */
        bne     .Lfatal\@
        nop
        RECORD_WINDOW_FAULT
.Ldone\@:
        restore
        mov     %l4, %g1
        mov     %l5, %g2
        mov     %l6, %g3
        ba      .Lend\@
        mov     %l7, %g4
.Lfatal\@:
        ba      stratum_fatal_entry
        restore
.Lend\@:
        .endm

/* Fill the current window from %sp if \hv's rule (see VALIDATE_SP) allows
 * it; branch to `bad` otherwise, the window untouched. Uses %g1..%g3. */
        .macro  FILL_WINDOW hv, bad
        VALIDATE_SP \hv, \bad
        ldd     [%sp + 0], %l0
        ldd     [%sp + 8], %l2
        ldd     [%sp + 16], %l4
        ldd     [%sp + 24], %l6
        ldd     [%sp + 32], %i0
        ldd     [%sp + 40], %i2
        ldd     [%sp + 48], %i4
        ldd     [%sp + 56], %i6
        .endm

/* Zero the current window's %l and %i registers. */
        .macro  CLEAR_WINDOW
        clr %l0; clr %l1; clr %l2; clr %l3; clr %l4; clr %l5; clr %l6; clr %l7
        clr %i0; clr %i1; clr %i2; clr %i3; clr %i4; clr %i5; clr %i6; clr %i7
        .endm

#endif
