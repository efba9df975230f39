/*
 * The default virtual trap table of a partition (XtratuM manual 5.11): 256
 * entries of four instructions, like the processor's. The hypervisor enters
 * an entry in a new register window with %l0 = virtual PSR and %l1/%l2 =
 * where the partition was, exactly as a SPARC trap would. Processor traps
 * go to ExceptionHandler, hardware interrupts (vectors 0x11-0x1f) to
 * IrqHandler, extended interrupts (0xe0-0xff) to ExtIrqHandler; each
 * handler is called with the interrupt or trap number and the partition
 * resumes where it was with XM_sparc_iret.
 */
#include <xm/guest.h>
#include <xm/hypercalls.h>

        .macro  ENTRY stub, nr
        mov     \nr, %l4
        sethi   %hi(\stub), %l5
        jmp     %l5 + %lo(\stub)
        nop
        .endm

        .section ".text", "ax"
        .align  4096
        .global _traptab
_traptab:
        .set    n, 0
        .rept   0x11
        ENTRY   exception_entry, n
        .set    n, n + 1
        .endr
        .rept   15                      /* 0x11 - 0x1f: interrupt levels 1..15 */
        ENTRY   irq_entry, n - XM_VT_HW_BASE_VECTOR
        .set    n, n + 1
        .endr
        .rept   0xe0 - 0x20
        ENTRY   exception_entry, n
        .set    n, n + 1
        .endr
        .rept   0x20                    /* 0xe0 - 0xff: extended interrupts */
        ENTRY   ext_irq_entry, n - XM_VT_EXT_BASE_VECTOR + XM_VT_EXT_FIRST
        .set    n, n + 1
        .endr

exception_entry:
        set     ExceptionHandler, %l5
        ba      common_entry
        nop
irq_entry:
        set     IrqHandler, %l5
        ba      common_entry
        nop
ext_irq_entry:
        set     ExtIrqHandler, %l5
        /* fall through */

/* A frame below the interrupted code's stack pointer (%fp here), the
 * globals and %y saved in it, the C handler called, then back. */
common_entry:
        sub     %fp, 128, %sp
        st      %g1, [%sp + 96]
        std     %g2, [%sp + 104]
        std     %g4, [%sp + 112]
        std     %g6, [%sp + 120]
        rd      %y, %l6
        st      %l6, [%sp + 100]
        call    %l5
        mov     %l4, %o0
        ld      [%sp + 100], %l6
        wr      %l6, %y
        ld      [%sp + 96], %g1
        ldd     [%sp + 104], %g2
        ldd     [%sp + 112], %g4
        ldd     [%sp + 120], %g6
        mov     sparc_iret_nr, %o0
        ta      XM_ASMHYPERCALL_TRAP - 0x80
        /* not reached */
1:      ba      1b
        nop

        .section .note.GNU-stack, "", @progbits
