/*
 * Spilling and filling one register window, shared by the window traps
 * (windows.S) and the trap entry and exit (traps.S). SPARC v8 manual terms:
 * CWP, WIM (exactly one invalid window), SAVE moves to CWP - 1, a window is
 * saved in the 64 bytes at its own %sp (%l0-%l7, then %i0-%i7).
 *
 * Whose window it is decides where it may go (windows.S explains how the
 * owner is known): a partition's window only to its own writable memory
 * (stratum_stack_ranges), a hypervisor's window only to the hypervisor's
 * stacks. With traps disabled QEMU's SRMMU does not trap on a bad access
 * (it even lets it through), so this check is the protection, not the MMU.
 *
 * A partition window refused on the partition's own account (its SAVE, its
 * RESTORE, its `ta 3`) is discarded and its address recorded in
 * stratum_window_fault: the partition is stopped before it runs again, in
 * its own time. A partition window the hypervisor spills on its own account
 * (trap entry, the kernel's SAVEs, the flush at a switch) is not the
 * partition's doing: a refused one is kept, with its 16 registers, in the
 * partition's context (BUFFER_WINDOW), and traps.S puts it back into the
 * register file before the partition runs again, as Linux/SPARC keeps the
 * user windows it cannot spill in the thread's window buffer.
 */
#ifndef STRATUM_ARCH_SPARC_WINDOWS_H
#define STRATUM_ARCH_SPARC_WINDOWS_H

#include "asm.h"

/* A window's 16 registers (%l0-%l7, then %i0-%i7: the SPARC save area's
 * order) to or from the 64 bytes at \base + \off. */
        .macro  STORE_WINDOW base, off
        std     %l0, [\base + \off + 0]
        std     %l2, [\base + \off + 8]
        std     %l4, [\base + \off + 16]
        std     %l6, [\base + \off + 24]
        std     %i0, [\base + \off + 32]
        std     %i2, [\base + \off + 40]
        std     %i4, [\base + \off + 48]
        std     %i6, [\base + \off + 56]
        .endm
        .macro  LOAD_WINDOW base, off
        ldd     [\base + \off + 0], %l0
        ldd     [\base + \off + 8], %l2
        ldd     [\base + \off + 16], %l4
        ldd     [\base + \off + 24], %l6
        ldd     [\base + \off + 32], %i0
        ldd     [\base + \off + 40], %i2
        ldd     [\base + \off + 48], %i4
        ldd     [\base + \off + 56], %i6
        .endm

/* Is %sp where this window may be saved / restored from? \hv with PSR_PS
 * set: a hypervisor's window (its stacks); clear: the current partition's
 * (one of stratum_stack_ranges, a list ending with hi = 0). Uses %g1..%g3.
 * Falls through when valid, branches to `bad` otherwise. */
        .macro  VALIDATE_SP hv, bad
        andcc   %sp, 7, %g0
        bne     \bad
        andcc   \hv, PSR_PS, %g0
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
 * Keep the current window, a partition's that the hypervisor could not
 * spill to its stack, in the current context: pushed after the ones kept
 * before (they are older: the oldest resident window is always the one
 * spilled). The first one kept also empties stratum_stack_ranges until
 * traps.S puts them back (CTX_WBUF_RANGES): every newer window of the
 * partition is then kept too, whatever its %sp, so that the kept windows
 * are the newest ones, in one run, and go back in order. At most NWINDOWS-1
 * windows of a partition are ever live at once, and the buffer is emptied
 * before it runs again; more would be a bug (`fatal`). Uses %g1..%g4.
 */
        .macro  BUFFER_WINDOW fatal
        sethi   %hi(stratum_current_context), %g1
        ld      [%g1 + %lo(stratum_current_context)], %g1
        ld      [%g1 + CTX_WBUF_N], %g2
        tst     %g2
        bne     .Lpush\@
        sll     %g2, 6, %g3             /* 64 bytes a window */
        st      %sp, [%g1 + CTX_WBUF_SP]
        sethi   %hi(stratum_stack_ranges), %g4
        ld      [%g4 + %lo(stratum_stack_ranges)], %g3
        st      %g3, [%g1 + CTX_WBUF_RANGES]
        set     stratum_no_stack, %g3
        st      %g3, [%g4 + %lo(stratum_stack_ranges)]
        clr     %g3
.Lpush\@:
        cmp     %g2, NWINDOWS - 1
        bgeu    \fatal
        add     %g2, 1, %g2
        st      %g2, [%g1 + CTX_WBUF_N]
        add     %g1, %g3, %g1
        STORE_WINDOW %g1, CTX_WBUF
        .endm

/*
 * Spill the oldest resident window (the one past the invalid window) and
 * make it the invalid one. Runs in a trap window that is the invalid one
 * (a SAVE met it, or the trap took it), %l0 = PSR at the trap; keeps
 * %l0..%l3 and the globals, uses %l4..%l7. Whose window: a SAVE in user
 * mode (PSR.PS = 0) spills the partition's; in supervisor mode the
 * partition's while the kernel's trap window T (stratum_trap_window =
 * 1 << T, 0 once T left) is still resident and the window is not T itself;
 * the hypervisor's otherwise. Spilling T clears stratum_trap_window: no
 * partition window is left behind it.
 * \own_save = 1: the window trap of a SAVE, where a partition's window is
 * spilled because the partition itself asked for a new one: refused, it is
 * the partition's fault. Otherwise (trap entry, the kernel's own SAVEs) a
 * refused partition window is kept (BUFFER_WINDOW).
 * %g4 while spilling: PSR_PS the hypervisor's, 1 the partition's (own SAVE),
 * 0 the partition's (spilled by the hypervisor).
 */
        .macro  SPILL_OLDEST own_save
        mov     %g1, %l4
        mov     %g2, %l5
        mov     %g3, %l6
        mov     %g4, %l7
        rd      %wim, %g1
        srl     %g1, 1, %g2
        sll     %g1, NWINDOWS - 1, %g1
        or      %g1, %g2, %g1           /* WIM rotated right: the window we spill */
        andcc   %l0, PSR_PS, %g4        /* %g4 = 0: the partition's */
        .if \own_save
        be,a    .Lsave\@
        mov     1, %g4                  /* (annulled unless taken) */
        .else
        be      .Lsave\@
        .endif
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
        STORE_WINDOW %sp, 0
.Ldone\@:
        restore
        mov     %l4, %g1
        mov     %l5, %g2
        mov     %l6, %g3
        ba      .Lend\@
        mov     %l7, %g4
.Lbad\@:
        andcc   %g4, PSR_PS, %g0        /* the hypervisor's own stack pointer: a bug */
        bne     .Lfatal\@
        tst     %g4
        be      .Lkeep\@
        nop
        RECORD_WINDOW_FAULT             /* the partition's own SAVE: its fault */
        ba      .Ldone\@
        nop
.Lkeep\@:
        BUFFER_WINDOW .Lfatal\@
        ba      .Ldone\@
        nop
.Lfatal\@:
        ba      stratum_fatal_entry
        restore
.Lend\@:
        .endm

/* Fill the current window from %sp if \hv's rule (see VALIDATE_SP) allows
 * it; branch to `bad` otherwise, the window untouched. Uses %g1..%g3. */
        .macro  FILL_WINDOW hv, bad
        VALIDATE_SP \hv, \bad
        LOAD_WINDOW %sp, 0
        .endm

/* Zero the current window's %l and %i registers. */
        .macro  CLEAR_WINDOW
        clr %l0; clr %l1; clr %l2; clr %l3; clr %l4; clr %l5; clr %l6; clr %l7
        clr %i0; clr %i1; clr %i2; clr %i3; clr %i4; clr %i5; clr %i6; clr %i7
        .endm
/* The same in half the instructions: each LDD of the doubleword
 * stratum_zero_pair (windows.S; its address in \zero) zeroes a pair. */
        .macro  ZERO_WINDOW zero
        ldd [\zero], %l0; ldd [\zero], %l2; ldd [\zero], %l4; ldd [\zero], %l6
        ldd [\zero], %i0; ldd [\zero], %i2; ldd [\zero], %i4; ldd [\zero], %i6
        .endm

/* \idx = the index of the one bit set in \m (a WIM-like mask; not \idx), \t scratch:
 * each index bit is "\m has a bit in that half", the borrow of 0 - part. */
        .macro  ONE_HOT_INDEX m, idx, t
        and     \m, 0xf0, \t
        subcc   %g0, \t, %g0
        addx    %g0, %g0, \idx
        and     \m, 0xcc, \t
        subcc   %g0, \t, %g0
        addx    \idx, \idx, \idx
        and     \m, 0xaa, \t
        subcc   %g0, \t, %g0
        addx    \idx, \idx, \idx
        .endm

#endif
