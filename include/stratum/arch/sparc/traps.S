/*
 * Trap entry and exit for partitions, register-window traps, and the
 * window flush used before a partition switch. Terms are the SPARC v8
 * manual's: trap window, CWP, WIM (one invalid window at a time), %l1/%l2 =
 * PC/nPC of the trapped instruction.
 *
 * Invariants:
 *  - Exactly one window is invalid in WIM; it is free. The windows between
 *    CWP (going up) and it hold live frames: the hypervisor's, then the
 *    current partition's.
 *  - A window is only ever spilled to, or filled from, memory that belongs
 *    to whoever owns it: the hypervisor's stacks, or a writable area of the
 *    current partition (stratum_stack_ranges). Anything else is a partition
 *    fault: the window is discarded (zeroed on fill), stratum_window_fault
 *    records the address, and the partition is stopped before it runs again.
 *    With traps disabled QEMU's SRMMU does not trap on a bad access (it
 *    even lets it through), so this check is the protection, not the MMU.
 *  - A partition switch flushes every window first (stratum_flush_windows),
 *    so a window never outlives the partition it belongs to.
 */
#include "asm.h"

/* Is %sp a stack this window may be saved to / restored from? Uses
 * %g2..%g4 (the callers saved them). Falls through when valid, branches to
 * `bad` otherwise. */
        .macro  VALIDATE_SP bad
        andcc   %sp, 7, %g0
        bne     \bad
        nop
        set     __hv_stacks_bottom, %g2
        cmp     %sp, %g2
        blu     .Lranges\@
        nop
        set     __hv_stacks_top - 64, %g2
        cmp     %sp, %g2
        bleu    .Lok\@
        nop
.Lranges\@:
        sethi   %hi(stratum_stack_ranges), %g2
        ld      [%g2 + %lo(stratum_stack_ranges)], %g2
.Lnext\@:
        ld      [%g2], %g3              /* lowest valid %sp */
        ld      [%g2 + 4], %g4          /* highest valid %sp; 0 ends the list */
        tst     %g4
        be      \bad
        nop
        cmp     %sp, %g3
        blu     .Lskip\@
        nop
        cmp     %sp, %g4
        bleu    .Lok\@
        nop
.Lskip\@:
        ba      .Lnext\@
        add     %g2, 8, %g2
.Lok\@:
        .endm

/* Record a refused window address (never 0, so the flag is always seen). */
        .macro  RECORD_WINDOW_FAULT
        sethi   %hi(stratum_window_fault), %g2
        or      %sp, 1, %g3
        st      %g3, [%g2 + %lo(stratum_window_fault)]
        .endm

/* Spill the window below the current (invalid) one and make it the invalid
 * one. Runs in a trap window; keeps %l0..%l2, uses %l4..%l7 for %g1..%g4. */
        .macro  SPILL_NEXT_WINDOW
        mov     %g1, %l4
        mov     %g2, %l5
        mov     %g3, %l6
        mov     %g4, %l7
        rd      %wim, %g1
        srl     %g1, 1, %g2
        sll     %g1, NWINDOWS - 1, %g1
        or      %g1, %g2, %g1           /* WIM rotated right: the window we spill */
        save                            /* into the oldest live window */
        wr      %g1, %wim
        VALIDATE_SP .Lbad\@
        std     %l0, [%sp + 0]
        std     %l2, [%sp + 8]
        std     %l4, [%sp + 16]
        std     %l6, [%sp + 24]
        std     %i0, [%sp + 32]
        std     %i2, [%sp + 40]
        std     %i4, [%sp + 48]
        std     %i6, [%sp + 56]
        ba      .Ldone\@
        nop
.Lbad\@:
        RECORD_WINDOW_FAULT
.Ldone\@:
        nop; nop
        restore
        mov     %l4, %g1
        mov     %l5, %g2
        mov     %l6, %g3
        mov     %l7, %g4
        .endm

/* Fill the current window from %sp (validated) or zero it. Uses %g1..%g4,
 * which the caller saved. */
        .macro  FILL_WINDOW
        VALIDATE_SP .Lbad\@
        ldd     [%sp + 0], %l0
        ldd     [%sp + 8], %l2
        ldd     [%sp + 16], %l4
        ldd     [%sp + 24], %l6
        ldd     [%sp + 32], %i0
        ldd     [%sp + 40], %i2
        ldd     [%sp + 48], %i4
        ldd     [%sp + 56], %i6
        ba      .Ldone\@
        nop
.Lbad\@:
        RECORD_WINDOW_FAULT
        /* Never hand a partition registers left over from another owner. */
        clr %l0; clr %l1; clr %l2; clr %l3; clr %l4; clr %l5; clr %l6; clr %l7
        clr %i0; clr %i1; clr %i2; clr %i3; clr %i4; clr %i5; clr %i6; clr %i7
.Ldone\@:
        .endm

        .text
        .align  4

/* Trap 0x05: a SAVE met the invalid window. */
        .global stratum_window_overflow
stratum_window_overflow:
        SPILL_NEXT_WINDOW
        andcc   %l0, PSR_PS, %g0        /* the hypervisor's own SAVE: just retry */
        bne     1f
        nop
        sethi   %hi(stratum_window_fault), %l3
        ld      [%l3 + %lo(stratum_window_fault)], %l3
        tst     %l3
        bne     stratum_trap_entry      /* a partition's bad stack: stop it now */
        nop
1:      jmp     %l1
        rett    %l2

/* Trap 0x06: a RESTORE met the invalid window. */
        .global stratum_window_underflow
stratum_window_underflow:
        mov     %g1, %l4
        mov     %g2, %l5
        mov     %g3, %l6
        mov     %g4, %l7
        rd      %wim, %g1
        sll     %g1, 1, %g2
        srl     %g1, NWINDOWS - 1, %g1
        or      %g1, %g2, %g1           /* WIM rotated left */
        wr      %g1, %wim
        nop; nop; nop
        restore                         /* the window that executed RESTORE */
        restore                         /* the window to fill */
        FILL_WINDOW
        save
        save
        mov     %l4, %g1
        mov     %l5, %g2
        mov     %l6, %g3
        mov     %l7, %g4
        andcc   %l0, PSR_PS, %g0
        bne     1f
        nop
        sethi   %hi(stratum_window_fault), %l3
        ld      [%l3 + %lo(stratum_window_fault)], %l3
        tst     %l3
        bne     stratum_trap_entry
        nop
1:      jmp     %l1
        rett    %l2

/*
 * Every other trap from a partition (hypercalls, interrupts, exceptions)
 * and interrupts taken in the idle loop. In the trap window, traps
 * disabled, %l0 = PSR, %l1/%l2 = PC/nPC.
 */
        .global stratum_trap_entry
stratum_trap_entry:
        andcc   %l0, PSR_PS, %g0
        be      1f
        nop
        /* From supervisor mode: only the idle loop may be interrupted. */
        sethi   %hi(stratum_current_context), %l4
        ld      [%l4 + %lo(stratum_current_context)], %l4
        ld      [%l4 + CTX_SUPERVISOR], %l4
        tst     %l4
        be      stratum_fatal_entry
        nop
1:      /* If the partition had used every window, the trap window is the
         * invalid one: spill the partition's oldest window to make room. */
        and     %l0, PSR_CWP, %l5
        mov     1, %l6
        sll     %l6, %l5, %l6
        rd      %wim, %l4
        andcc   %l4, %l6, %g0
        be      2f
        nop
        SPILL_NEXT_WINDOW
2:      sethi   %hi(stratum_current_context), %l4
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
        nop; nop; nop
        sethi   %hi(stratum_current_context), %l4
        ld      [%l4 + %lo(stratum_current_context)], %l4
        ldd     [%l4 + CTX_O + 0], %i0
        ldd     [%l4 + CTX_O + 8], %i2
        ldd     [%l4 + CTX_O + 16], %i4
        ldd     [%l4 + CTX_O + 24], %i6
        ld      [%l4 + CTX_Y], %l5
        wr      %l5, %y
        /* The partition's window P = trap window + 1 must be valid. */
        and     %l0, PSR_CWP, %l5
        add     %l5, 1, %l5
        cmp     %l5, NWINDOWS
        bne     1f
        nop
        clr     %l5
1:      mov     1, %l6
        sll     %l6, %l5, %l6
        rd      %wim, %l7
        andcc   %l7, %l6, %g0
        be      3f
        nop
        sll     %l7, 1, %l3
        srl     %l7, NWINDOWS - 1, %l7
        or      %l3, %l7, %l7           /* WIM rotated left: P becomes valid */
        wr      %l7, %wim
        nop; nop; nop
        ld      [%l4 + CTX_FRESH], %l3
        tst     %l3
        bne     3f                      /* a fresh start: no window to restore */
        nop
        restore                         /* into P; the partition's globals are not */
        FILL_WINDOW                     /* loaded yet, so %g1..%g4 are free */
        save
        sethi   %hi(stratum_window_fault), %l3
        ld      [%l3 + %lo(stratum_window_fault)], %l3
        tst     %l3
        be      3f
        nop
        ba      stratum_trap_enter_kernel   /* its stack is bad: back to the kernel */
        mov     TT_WINDOW_FAULT, %o0
3:
        ld      [%l4 + CTX_VTRAP_PC], %l3
        tst     %l3
        bne     stratum_deliver_vtrap
        nop
        ld      [%l4 + CTX_G + 4], %g1
        ldd     [%l4 + CTX_G + 8], %g2
        ldd     [%l4 + CTX_G + 16], %g4
        ldd     [%l4 + CTX_G + 24], %g6
        ld      [%l4 + CTX_PC], %l1
        ld      [%l4 + CTX_NPC], %l2
        /* PSR for RETT: the context's condition codes and EF (the FPU is
         * enabled only for partitions with the fp flag), S=1 now and
         * PS = its mode after RETT, PIL 0, ET 0, CWP = this window. */
        ld      [%l4 + CTX_PSR], %l5
        set     PSR_ICC | PSR_EF, %l6
        and     %l5, %l6, %l5
        ld      [%l4 + CTX_SUPERVISOR], %l6
        tst     %l6
        be      4f
        nop
        or      %l5, PSR_PS, %l5
4:      or      %l5, PSR_S, %l5
        and     %l0, PSR_CWP, %l6
        or      %l5, %l6, %l5
        wr      %l5, %psr
        nop; nop; nop
        jmp     %l1
        rett    %l2

/*
 * Resume the partition in its virtual trap handler: the handler's window is
 * this one (one below the partition's), with %l0 = virtual PSR and
 * %l1/%l2 = where the partition was, as a real trap would leave them. The
 * kernel flushed the windows first, so the window below us is free.
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
        ld      [%l4 + CTX_G + 4], %g1
        ldd     [%l4 + CTX_G + 8], %g2
        ldd     [%l4 + CTX_G + 16], %g4
        ldd     [%l4 + CTX_G + 24], %g6
        save
        wr      %i1, %psr
        nop; nop; nop
        jmp     %i0
        rett    %i0 + 4

/*
 * void stratum_flush_windows(void): spill every window but the caller's to
 * its stack, so the register file holds nothing of the partition that is
 * about to be switched out. NWINDOWS-2 saves reach the invalid window from
 * any depth; the restores come back without traps.
 */
        .global stratum_flush_windows
stratum_flush_windows:
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
        ret
        restore

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
