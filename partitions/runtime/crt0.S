/*
 * Partition start-up: the hypervisor enters here, in user mode, with the
 * address of this partition's PCT in %o0 (after a boot or any reset).
 * Sets the stack, clears .bss, installs the default virtual trap table, runs
 * the C++ global constructors and calls PartitionMain; if that returns, the partition halts itself
 * (libxm_main_returned).
 */
#include <xm/hypercalls.h>

#define HYPERCALL(nr)   mov nr, %o0; ta XM_HYPERCALL_TRAP - 0x80

        .section ".text.start", "ax"
        .global _start
_start:
        mov     %o0, %g7                /* keep the PCT address across the bss loop */
        set     __stack_top, %fp
        sub     %fp, 96, %sp
        set     __bss_start, %g2
        set     __bss_end, %g3
1:      cmp     %g2, %g3
        bgeu    2f
        nop
        st      %g0, [%g2]
        ba      1b
        add     %g2, 4, %g2
2:      set     libxm_pct, %g2
        st      %g7, [%g2]
        set     _traptab, %o1
        HYPERCALL(sparc_write_tbr_nr)
        call    libxm_run_constructors  /* C++ global constructors (.init_array) */
        nop
        call    PartitionMain
        nop
        call    libxm_main_returned     /* halts the partition */
        nop

        .section .note.GNU-stack, "", @progbits
