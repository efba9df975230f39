/*
 * Boot code, trap table and register-window traps of the hypervisor on a
 * SPARC v8 (LEON3) processor. Terms follow The SPARC Architecture Manual v8:
 * PSR fields (S, PS, ET, PIL, CWP), WIM, TBR, the trap type tt, and the
 * trap-time locals %l1 = PC and %l2 = nPC of the trapped instruction.
 */

#include "asm.h"

/* Every trap-table entry is four instructions; the handlers read tt back
 * from TBR when they need it. */
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
        TRAP_ENTRY(stratum_trap_entry)
        .endr
        TRAP_ENTRY(stratum_window_overflow)   /* 0x05 */
        TRAP_ENTRY(stratum_window_underflow)  /* 0x06 */
        .rept   0x83 - 7        /* everything else: partitions' traps and interrupts;
                                 * the hypervisor's own are fatal (traps.S) */
        TRAP_ENTRY(stratum_trap_entry)
        .endr
        TRAP_ENTRY(stratum_flush_trap)        /* 0x83: `ta 3`, flush windows (windows.S) */
        .rept   0xf0 - 0x84
        TRAP_ENTRY(stratum_trap_entry)
        .endr
        /* 0xF0: `ta 0x70`, the hypercall trap (XtratuM manual 6.2). Its fast
         * paths (traps.S) take the mode the trap came from in the
         * condition codes, tested in the jump's delay slot; the partition's
         * own condition codes are in %l0 already. */
        rd      %psr, %l0
        sethi   %hi(stratum_hypercall_trap), %l4
        jmp     %l4 + %lo(stratum_hypercall_trap)
        andcc   %l0, PSR_PS, %g0
        /* 0xF1: `ta 0x71`, the asm hypercall trap (XtratuM manual 6.2),
         * XM_sparc_iret's fast path first (iret.S), the same way. */
        rd      %psr, %l0
        sethi   %hi(stratum_asm_hypercall_trap), %l4
        jmp     %l4 + %lo(stratum_asm_hypercall_trap)
        andcc   %l0, PSR_PS, %g0
        .rept   256 - 0xf2
        TRAP_ENTRY(stratum_trap_entry)
        .endr

        .section ".text.boot", "ax"
        .align  4
        .global _start
_start:
        clr     %g6             /* kernel::Start::power_on, stratum_main's argument */
start_common:
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

        /* .data as the image holds it: kept in .stratum_persistent at
         * power-on, put back from there at a restart (the run changed it).
         * One copy loop, %g2 -> %g4; bounds are 8-byte aligned (the link
         * script). */
        set     __data_start, %g2
        set     __data_end, %g3
        set     __data_image, %g4
        tst     %g6
        be      3f
        sub     %g3, %g2, %g3           /* (delay slot) bytes to copy */
        mov     %g2, %g5                /* restart: from the image to .data */
        mov     %g4, %g2
        mov     %g5, %g4
3:      subcc   %g3, 8, %g3
        bl      4f
        nop
        ldd     [%g2 + %g3], %o0
        ba      3b
        std     %o0, [%g4 + %g3]
4:
        /* Zero .bss (the ELF loader does not), and at power-on the
         * persistent state after it too (the HM log, the reset counter, the
         * loads under way: kernel/persistent.hpp; the link script puts it
         * right after .bss, the copy of .data after it). Bounds are 8-byte
         * aligned; STD stores the pair %g0:%g1, so %g1 must be zero too. */
        clr     %g1
        set     __bss_start, %g2
        set     __bss_end, %g3
        tst     %g6
        bne     1f
        nop
        set     __data_image, %g3       /* power-on: the persistent state too */
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
        mov     %g6, %o0        /* how it starts */
        mov     1, %o0
        call    stratum_exit
        nop

/*
 * void stratum_restart(uint32_t how): the hypervisor starts again from its
 * entry point, as the health monitor's reset of a hypervisor that faulted
 * asks (kernel/hm_hypervisor.hpp); `how` is kernel::Start's cold or warm
 * restart. Entered with traps disabled (the fatal path). The MMU goes off
 * and the caches are flushed, as at power-on; everything else is
 * start_common's.
 */
        .align  4
        .global stratum_restart
stratum_restart:
        mov     %o0, %g6
        lda     [%g0] 0x19, %g1         /* SRMMU control register */
        andn    %g1, 1, %g1             /* E = 0: translation off */
        sta     %g1, [%g0] 0x19
        sta     %g0, [%g0] 0x10         /* LEON3: flush the instruction cache */
        sta     %g0, [%g0] 0x11         /* and the data cache */
        ba      start_common
        nop

/*
 * An unexpected trap: report it and end the run with a failure. Traps stay
 * disabled; WIM is cleared so the report may use any window (their contents
 * are lost, which no longer matters), on a stack of its own.
 */
        .align  4
        .global stratum_fatal_entry
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
