/* Constants shared by the SPARC assembly files and checked against the C++
 * structures they describe (context.hpp static_asserts the offsets). */
#ifndef STRATUM_ARCH_SPARC_ASM_H
#define STRATUM_ARCH_SPARC_ASM_H

#define NWINDOWS        8

/* PSR fields (SPARC v8 manual, 4.2) */
#define PSR_CWP         0x0000001f
#define PSR_ET          0x00000020
#define PSR_PS          0x00000040
#define PSR_S           0x00000080
#define PSR_PIL_MASK    0x00000f00
#define PSR_EF          0x00001000
#define PSR_ICC         0x00f00000

/* struct stratum::sparc::Context */
#define CTX_PSR            0
#define CTX_PC             4
#define CTX_NPC            8
#define CTX_Y             12
#define CTX_G             16   /* %g0..%g7, 8-byte aligned for std/ldd */
#define CTX_O             48   /* the partition's %o0..%o7 = the trap window's %i0..%i7 */
#define CTX_FRESH         80   /* 1: never ran since (re)start: no window of its own to restore */
#define CTX_VTRAP_PC      84   /* non-zero: resume in a new window at this handler */
#define CTX_VTRAP_L0      88   /* %l0 of that window (the virtual PSR) */
#define CTX_SUPERVISOR    92   /* 1: the idle context, which runs with PSR.S=1 */
#define CTX_WBUF_N        96   /* windows kept in CTX_WBUF (windows.h, BUFFER_WINDOW) */
#define CTX_WBUF_SP      100   /* the stack the first of them was refused */
#define CTX_WBUF_RANGES  104   /* stratum_stack_ranges before they were kept */
#define CTX_WBUF         112   /* NWINDOWS - 1 windows of 16 words, oldest first */
#define CTX_SIZE         560

/* The fast XM_sparc_iret's per-partition table (processor.hpp, IretTable) */
#define IRET_PCT           0   /* the partition's PCT */
#define IRET_CODE_OFFSET   4   /* bytes from the table to its code list */
#define IRET_STACKS        8   /* the stack list: {start, span} pairs, span 0 ends it */

/* partitionControlTable_t (xm/guest.h), checked in processor.hpp */
#define PCT_IFLAGS        92
#define PCT_HW_PEND       96   /* hwIrqsPend, then hwIrqsMask: one LDD */
#define PCT_EXT_PEND     104   /* extIrqsPend, then extIrqsMask: one LDD */
#define IFLAGS_ET       0x020   /* XM_IFLAGS_ET */
#define IFLAGS_PIL      0xf00   /* XM_IFLAGS_PIL_MASK */

/* Trap types the C++ side receives besides the hardware ones. */
#define TT_WINDOW_FAULT   0x100

#endif
