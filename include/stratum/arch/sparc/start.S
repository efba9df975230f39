/*
 * Boot code, trap table and register-window traps of the hypervisor on a
 * SPARC v8 (LEON3) processor. Terms follow The SPARC Architecture Manual v8:
 * PSR fields (S, PS, ET, PIL, CWP), WIM, TBR, the trap type tt, and the
 * trap-time locals %l1 = PC and %l2 = nPC of the trapped instruction.
 */

#define NWINDOWS        8
#define PSR_ET          0x00000020
#define PSR_PS          0x00000040
#define PSR_S           0x00000080
#define PSR_PIL_MASK    0x00000f00

/* Every trap-table entry is four instructions. Unexpected traps all go to
 * fatal_trap, which reads tt back from TBR. */
#define FATAL_ENTRY                                     \
        rd      %psr, %l0;                              \
        sethi   %hi(stratum_fatal_entry), %l4;          \
        jmp     %l4 + %lo(stratum_fatal_entry);         \
        nop

#define TRAP_ENTRY(handler)                             \
        rd      %psr, %l0;                              \
        sethi   %hi(handler), %l4;                      \
        jmp     %l4 + %lo(handler);                     \
        nop

        .section ".text.trap_table", "ax"
        .align  4096            /* TBR.TBA holds bits 31..12 */
        .global stratum_trap_table
stratum_trap_table:
        .rept   5               /* 0x00 reset .. 0x04 fp_disabled */
        FATAL_ENTRY
        .endr
        TRAP_ENTRY(window_overflow)   /* 0x05 */
        TRAP_ENTRY(window_underflow)  /* 0x06 */
        .rept   256 - 7         /* 0x07 .. 0xff: not expected yet */
        FATAL_ENTRY
        .endr

        .section ".text.boot", "ax"
        .align  4
        .global _start
_start:
        /* Supervisor, traps disabled, all interrupts masked, window 0. */
        set     PSR_S | PSR_PS | PSR_PIL_MASK, %g1
        wr      %g1, %psr
        /* Window 1 is the invalid one: saves may use windows 7..2 before the
         * first overflow trap, and the restore out of window 0 underflows. */
        wr      %g0, 2, %wim
        set     stratum_trap_table, %g1
        wr      %g1, %tbr
        nop; nop; nop           /* WRPSR/WRWIM/WRTBR take effect after three instructions */

        set     __stack_top, %sp
        sub     %sp, 96, %sp    /* room for one register-window save area + args */
        mov     %g0, %fp

        /* Zero .bss (the ELF loader does not). Bounds are 8-byte aligned;
         * STD stores the pair %g0:%g1, so %g1 must be zero too. */
        clr     %g1
        set     __bss_start, %g2
        set     __bss_end, %g3
1:      cmp     %g2, %g3
        bgeu    2f
        nop
        std     %g0, [%g2]
        ba      1b
        add     %g2, 8, %g2
2:
        /* Traps on, so window overflow/underflow are handled from now on. */
        set     PSR_S | PSR_PS | PSR_PIL_MASK | PSR_ET, %g1
        wr      %g1, %psr
        nop; nop; nop

        call    stratum_main    /* does not return */
        nop
        mov     1, %o0
        call    stratum_exit
        nop

/*
 * window_overflow: a SAVE found the next window marked invalid in WIM. The
 * trap put us in that invalid window; the window beyond it is the oldest
 * valid one. Spill it to the stack its own %sp points at and move the
 * invalid mark one window on (rotate WIM right).
 */
        .align  4
window_overflow:
        mov     %wim, %l3
        mov     %g1, %l7                /* %g1 is the only global we need */
        srl     %l3, 1, %g1
        sll     %l3, NWINDOWS - 1, %l4
        or      %l4, %g1, %g1
        save                            /* into the oldest valid window */
        mov     %g1, %wim
        nop; nop; nop
        std     %l0, [%sp + 0]
        std     %l2, [%sp + 8]
        std     %l4, [%sp + 16]
        std     %l6, [%sp + 24]
        std     %i0, [%sp + 32]
        std     %i2, [%sp + 40]
        std     %i4, [%sp + 48]
        std     %i6, [%sp + 56]
        restore                         /* back to the trap window */
        mov     %l7, %g1
        jmp     %l1                     /* re-execute the SAVE */
        rett    %l2

/*
 * window_underflow: a RESTORE found the window it returns to marked invalid.
 * The trap window is two below that window; reload it from the stack of the
 * window in between (its %fp) and rotate WIM left.
 */
        .align  4
window_underflow:
        mov     %wim, %l3
        sll     %l3, 1, %l4
        srl     %l3, NWINDOWS - 1, %l5
        or      %l5, %l4, %l5
        mov     %l5, %wim
        nop; nop; nop
        restore                         /* the window that executed RESTORE */
        restore                         /* the window to reload */
        ldd     [%sp + 0], %l0
        ldd     [%sp + 8], %l2
        ldd     [%sp + 16], %l4
        ldd     [%sp + 24], %l6
        ldd     [%sp + 32], %i0
        ldd     [%sp + 40], %i2
        ldd     [%sp + 48], %i4
        ldd     [%sp + 56], %i6
        save
        save
        jmp     %l1                     /* re-execute the RESTORE */
        rett    %l2

/*
 * An unexpected trap: report it and end the run with a failure. Traps stay
 * disabled; WIM is cleared so the report may use any window (their contents
 * are lost, which no longer matters), on a stack of its own.
 */
        .align  4
stratum_fatal_entry:
        wr      %g0, %wim
        nop; nop; nop
        set     __fatal_stack_top, %sp
        sub     %sp, 96, %sp
        rd      %tbr, %o0
        srl     %o0, 4, %o0
        and     %o0, 0xff, %o0          /* tt */
        mov     %l1, %o1                /* PC */
        mov     %l2, %o2                /* nPC */
        call    stratum_fatal_trap      /* does not return */
        mov     %l0, %o3                /* PSR */

/*
 * void stratum_exit(int code): end the QEMU run. With ET=0, `ta 0` makes
 * QEMU shut down with status 0; any other trap with ET=0 puts the processor
 * in error mode, which QEMU reports and exits with a non-zero status.
 */
        .align  4
        .global stratum_exit
stratum_exit:
        rd      %psr, %o1
        andn    %o1, PSR_ET, %o1
        wr      %o1, %psr
        nop; nop; nop
        tst     %o0
        bne     1f
        nop
        ta      0
        nop
1:      ta      1
        nop

        .section .note.GNU-stack, "", @progbits
