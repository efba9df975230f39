/*
 * The floating-point unit's state to and from memory (SPARC v8 manual 4.4).
 */
#include "asm.h"

        .text
        .align  4

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


        .section .note.GNU-stack, "", @progbits
