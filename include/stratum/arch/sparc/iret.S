/*
 * The asm hypercall trap's fast path (trap 0xF1, `ta 0x71`): XM_sparc_iret,
 * which libxm's virtual trap table calls at the end of every handler,
 * answered in the trap window without entering C; the general path is
 * traps.S's, and vcpu.hpp (asm_hypercall) says what an iret means. Terms
 * are the SPARC v8 manual's: trap window T, CWP, WIM, RETT.
 *
 * The windows: the handler runs in P = T + 1, the window that executed the
 * `ta`; P's %l0 is the virtual PSR, %l1/%l2 where the partition was, and
 * its %i registers are the %o of the interrupted window I = P + 1 (manual
 * 5.11: the handler's window is made as a real trap makes it). A real
 * handler would end with `jmp %l1; rett %l2` in P, back into I; this path
 * does exactly that, from P, once it has checked what the general path
 * checks, so the partition resumes in I with every register as the
 * handler left it, without a window flush and without reading the frame
 * back from memory.
 *
 * Checked, each failure going to the general path with the trap state as
 * the processor left it (it then refuses, halts or delivers with its own
 * words, so this path never decides a refusal):
 *  - the handler's %sp is where the general path's flush would put P
 *    (IretTable's stacks: 8-byte aligned, 64 bytes in a writable area);
 *  - PC and nPC are word-aligned addresses of the partition's own memory,
 *    both in one of IretTable's code areas (RETT with traps disabled to a
 *    misaligned one would stop the processor);
 *  - I is in the register file (WIM), or is filled here from I's %sp
 *    under the same rule as windows.S's underflow (the partition's own
 *    writable memory, stratum_stack_ranges); a refused fill goes to the
 *    general path, which stops the partition as before. No window is kept
 *    in the context (CTX_WBUF) while a partition runs (traps.S empties the
 *    buffer before every return to it), so none is skipped here;
 *  - the virtual PSR: its icc go to the real PSR, its ET/PIL to the PCT's
 *    iFlags. A pending unmasked interrupt (VirtualTraps::interrupt_pending:
 *    extended or hardware) that the new ET/PIL would let in goes to the
 *    general path instead, whose reschedule delivers it at once
 *    (VirtualTraps::deliver_pending).
 *
 * Registers: P's %l0..%l2 are only read (the general path reads them again
 * from the frame). The scratch is P's %o1..%o5 and %o7, which are T's
 * %i1..%i5, %i7: the partition's %o at the `ta`, dead after an iret (the
 * general path's iret replaces every %o of the context with the frame's
 * %i, or halts the partition), and %o1 carries the trap's PSR (T's %l0)
 * for the way back to T. On the way out nothing of the hypervisor stays in
 * a window the partition can reach: T's %l0 (the real PSR) and %l4 (the
 * trap table's jump address) are cleared before leaving T, and P's %o1,
 * %o4 and %o5 (the real PSR, the PCT's address, WIM) before RETT; what
 * else this path leaves there (areas of the partition's own map, its
 * pending words and iFlags, its icc, its own globals) is its own.
 * Traps stay disabled throughout; no stack is used.
 */
#include "windows.h"
#include "xm/hypercalls.h"

#define IFLAGS_BITS     (IFLAGS_ET | IFLAGS_PIL)

        .text
        .align  4

        .global stratum_asm_hypercall_trap
stratum_asm_hypercall_trap:             /* icc: %l0 & PSR_PS (start.S, entry 0xF1) */
        bne     stratum_trap_entry      /* the hypervisor's own `ta 0x71`: fatal there */
        cmp     %i0, sparc_iret_nr
        bne,a   stratum_trap_entry_user /* every other asm hypercall: the general path, */
        and     %l0, PSR_CWP, %l5       /* past its PS test (annulled when not taken) */
        mov     %l0, %i1                /* the trap's PSR, seen from P as %o1 */
        clr     %l0
        clr     %l4                     /* (the trap table's jump: a hypervisor address) */
        restore                         /* into P (valid: it executed the `ta`) */

        /* The handler's %sp, as the general path's flush of P would take it. */
        sethi   %hi(stratum_iret_table), %o4
        ld      [%o4 + %lo(stratum_iret_table)], %o4
        andcc   %sp, 7, %g0
        bne     .Lslow
        add     %o4, IRET_STACKS, %o5
1:      ldd     [%o5], %o2              /* %o2 = start, %o3 = span; span 0 ends the list */
        tst     %o3
        be      .Lslow
        sub     %sp, %o2, %o7           /* (one unsigned compare: below start wraps above span) */
        cmp     %o7, %o3
        bgu,a   1b
        add     %o5, 8, %o5             /* (annulled when found) */

        /* PC and nPC: word aligned, in one code area (the general path
         * takes a pair that straddles two). */
        or      %l1, %l2, %o7
        andcc   %o7, 3, %g0
        bne     .Lslow
        ld      [%o4 + IRET_CODE_OFFSET], %o5
        add     %o4, %o5, %o5
2:      ldd     [%o5], %o2
        tst     %o3
        be      .Lslow
        sub     %l1, %o2, %o7
        cmp     %o7, %o3
        bgu,a   2b
        add     %o5, 8, %o5
        sub     %l2, %o2, %o7
        cmp     %o7, %o3
        bgu     .Lslow
        rd      %wim, %o5

        /* Is I = T + 2 resident? (bit T + 2 of WIM; for T = 6, 7 the bit
         * shifted past NWINDOWS - 1 is folded back) */
        and     %o1, PSR_CWP, %o2
        mov     4, %o3
        sll     %o3, %o2, %o3
        srl     %o3, NWINDOWS, %o2
        or      %o3, %o2, %o3
        andcc   %o3, %o5, %g0
        bne     .Lfill
        ld      [%o4 + IRET_PCT], %o4

        /* The virtual PSR's ET/PIL into iFlags, unless that lets a pending
         * interrupt in. */
.Lflags:
        ldd     [%o4 + PCT_HW_PEND], %o2        /* hwIrqsPend, hwIrqsMask */
        andn    %o2, %o3, %o7
        ldd     [%o4 + PCT_EXT_PEND], %o2       /* extIrqsPend, extIrqsMask */
        andn    %o2, %o3, %o2
        orcc    %o2, %o7, %g0           /* VirtualTraps::interrupt_pending */
        bne     .Lpending
        ld      [%o4 + PCT_IFLAGS], %o2
.Lcommit:
        and     %l0, IFLAGS_BITS, %o3
        andn    %o2, IFLAGS_BITS, %o2
        or      %o2, %o3, %o2
        st      %o2, [%o4 + PCT_IFLAGS]
        /* PSR for RETT: this one (CWP = P, S = 1, PS = 0, ET = 0, PIL 0,
         * the partition's EF) with the virtual PSR's icc. */
        rd      %psr, %o5
        sethi   %hi(PSR_ICC), %o3
        andn    %o5, %o3, %o5
        and     %l0, %o3, %o3
        wr      %o5, %o3, %psr          /* (WR writes the XOR: the fields are disjoint) */
        clr     %o1                     /* (WRPSR's delay) */
        clr     %o4
        clr     %o5
        jmp     %l1
        rett    %l2                     /* into I */

        /* Interrupts pending and unmasked (%o2 = iFlags): do ET and PIL
         * let them in (vcpu.hpp, interrupts_open)? */
.Lpending:
        andcc   %l0, IFLAGS_ET, %g0
        be      .Lcommit
        and     %l0, IFLAGS_PIL, %o3
        cmp     %o3, IFLAGS_PIL
        be      .Lcommit
        nop
        /* fall through: the general path delivers it */

        /* Back to T as the trap left it, into the general path. */
.Lslow:
        wr      %o1, %psr               /* CWP = T, the trap's PSR */
        nop; nop; nop
        mov     %i1, %l0
        ba      stratum_trap_entry_user
        and     %l0, PSR_CWP, %l5

        /* I was spilled (the handler went deep): fill it from its %sp (P's
         * %fp) as the underflow trap would for the partition's RESTORE,
         * %o5 = WIM = 1 << I. I + 1 becomes the invalid window. The
         * partition's %g1..%g3 (VALIDATE_SP's) wait in P's %o2, %o3, %o7. */
.Lfill:
        sll     %o5, 1, %o2
        srl     %o5, NWINDOWS - 1, %o3
        or      %o2, %o3, %o2
        wr      %o2, %wim
        mov     %g1, %o2                /* (WRWIM's delay before RESTORE) */
        mov     %g2, %o3
        mov     %g3, %o7
        restore                         /* into I */
        FILL_WINDOW %g0, 3f             /* (%g0: the partition's rule) */
        save                            /* back to P */
        mov     %o2, %g1
        mov     %o3, %g2
        ba      .Lflags
        mov     %o7, %g3
3:      save                            /* refused: I stays out */
        mov     %o2, %g1
        mov     %o3, %g2
        mov     %o7, %g3
        ba      .Lslow
        wr      %o5, %wim

        .section .note.GNU-stack, "", @progbits
