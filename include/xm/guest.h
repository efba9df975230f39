/* What a partition sees of the hypervisor: its Partition Control Table
 * (PCT, XtratuM manual 6.4.2, listings 6.8/6.9) and the numbering of its
 * virtual traps (manual 5.11, listings 5.20-5.22).
 *
 * The PCT is one 4 KB page per partition, owned by the hypervisor and
 * mapped read-only into the partition; its address is handed to the
 * partition's entry point in %o0 (libxm keeps it for XM_params_get_PCT). */
#ifndef XM_GUEST_H
#define XM_GUEST_H

#ifndef __ASSEMBLER__
#include "status.h"
#include "xm_types.h"
#endif

#define XM_PCT_MAGIC 0x24584d50u /* "$XMP" */
/* Stratum's own binary interface and API, 1.0.0 (the fields of listing
 * 6.6; XtratuM 4 is at 3.1.0 and 3.1.2, and a partition built for it does
 * not share our PCT and object layout, so we do not claim its numbers).
 * The PCT holds them as XM_SET_VERSION(version, subversion, revision). */
#define XM_ABI_VERSION 1
#define XM_ABI_SUBVERSION 0
#define XM_ABI_REVISION 0
#define XM_API_VERSION 1
#define XM_API_SUBVERSION 0
#define XM_API_REVISION 0

#define CONFIG_ID_STRING_LENGTH 32
#define CONFIG_NO_HWIRQS 32
#define CONFIG_MAX_MEM_AREAS 16
#define NO_TRAPS 256

/* Partition flags (Partition@flags in the XML). */
#define XM_PART_SYSTEM (1u << 0)
#define XM_PART_FP (1u << 1)
#define XM_PART_BOOT (1u << 2)

/* Hardware interrupts: the LEON3 IRQMP lines 1..15. */
#define XM_VT_HW_FIRST 0
#define XM_VT_HW_LAST 31
#define XM_VT_HW_MAX 32
#define XM_VT_HW_INTERNAL_BUS_TRAP_NR (1 + XM_VT_HW_FIRST)
#define XM_VT_HW_UART2_TRAP_NR (2 + XM_VT_HW_FIRST)
#define XM_VT_HW_UART1_TRAP_NR (3 + XM_VT_HW_FIRST)
#define XM_VT_HW_IO_IRQ0_TRAP_NR (4 + XM_VT_HW_FIRST)
#define XM_VT_HW_IO_IRQ1_TRAP_NR (5 + XM_VT_HW_FIRST)
#define XM_VT_HW_IO_IRQ2_TRAP_NR (6 + XM_VT_HW_FIRST)
#define XM_VT_HW_IO_IRQ3_TRAP_NR (7 + XM_VT_HW_FIRST)
#define XM_VT_HW_TIMER1_TRAP_NR (8 + XM_VT_HW_FIRST)
#define XM_VT_HW_TIMER2_TRAP_NR (9 + XM_VT_HW_FIRST)
#define XM_VT_HW_DSU_TRAP_NR (11 + XM_VT_HW_FIRST)
#define XM_VT_HW_PCI_TRAP_NR (14 + XM_VT_HW_FIRST)

/* Extended (hypervisor-made) interrupts, numbered from 0 as listing 5.22
 * has them: interrupt n is bit n of extIrqsPend/extIrqsMask, so
 * `1 << XM_VT_EXT_HW_TIMER` is its mask bit. */
#define XM_VT_EXT_FIRST 0
#define XM_VT_EXT_LAST 31
#define XM_VT_EXT_MAX 32
#define XM_VT_EXT_HW_TIMER (0 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_EXEC_TIMER (1 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_WATCHDOG_TIMER (2 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_SHUTDOWN (3 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_SAMPLING_PORT (4 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_QUEUING_PORT (5 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_CYCLIC_SLOT_START (8 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_MEM_PROTECT (16 + XM_VT_EXT_FIRST)

/* Inter-partition virtual interrupts (manual 2.15.3, listing 2.3). */
#define XM_MAX_IPVI 8
#define XM_VT_EXT_IPVI0 (24 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI1 (25 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI2 (26 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI3 (27 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI4 (28 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI5 (29 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI6 (30 + XM_VT_EXT_FIRST)
#define XM_VT_EXT_IPVI7 (31 + XM_VT_EXT_FIRST)

/* Where each kind of virtual trap lands in the partition's trap table:
 * processor traps keep their SPARC trap type, hardware interrupt n uses
 * the interrupt-level vector 0x10 + n, extended interrupt n uses 0xE0 + n
 * (the PCT's vector tables hold the routing the partition sees). */
#define XM_VT_HW_BASE_VECTOR 0x10
#define XM_VT_EXT_BASE_VECTOR 0xE0

/* Virtual processor flags (iFlags): the partition's own ET and PIL. */
#define XM_IFLAGS_ET (1u << 5)
#define XM_IFLAGS_PIL_MASK (0xfu << 8)

#ifndef __ASSEMBLER__
struct pctArch {
  xmAddress_t tbr;             /* the partition's virtual trap table */
  volatile xmAddress_t ptdL1;  /* its first-level page table (read-only info) */
  volatile xm_u32_t faultStatusReg;
  volatile xm_u32_t faultAddressReg;
};
#define ARCH_PTDL1_REG ptdL1 /* listing 6.9 */

/* The slot being executed (manual 5.7.1). */
struct schedInfo {
  xm_u32_t noSlot;       /* position of the slot in the plan, from 0 */
  xm_u32_t id;           /* Slot@id from the XML */
  xm_u32_t slotDuration; /* microseconds */
  xm_u32_t planId;
  xmTime_t slotStart;    /* hardware clock at the start of the slot, microseconds */
};

typedef struct {
  xm_u32_t magic;
  xm_u32_t xmVersion;
  xm_u32_t xmAbiVersion;
  xm_u32_t xmApiVersion;
  xmSize_t partCtrlTabSize;
  xm_u32_t resetCounter;
  xm_u32_t resetStatus;
  xm_u32_t cpuKhz;
/* id holds the partition id (bits 7..0) and the vCPU id (bits 15..8, always
 * 0 here: one vCPU per partition), as listing 6.8 reads them. */
#define PCT_GET_PARTITION_ID(pct) ((pct)->id & 0xff)
#define PCT_GET_VCPU_ID(pct) ((pct)->id >> 8)
  xmId_t id;
  xmId_t noVCpus;
  xmId_t schedPolicy;
  xm_u32_t flags;      /* XM_PART_* */
  xm_u32_t hwIrqs;     /* hardware interrupts belonging to the partition */
  xm_s32_t noPhysicalMemAreas;
  xm_s32_t noCommPorts;
  xm_u8_t name[CONFIG_ID_STRING_LENGTH];
  xm_u32_t iFlags;     /* XM_IFLAGS_*: virtual ET and PIL */
  xm_u32_t hwIrqsPend;
  xm_u32_t hwIrqsMask;
  xm_u32_t extIrqsPend;
  xm_u32_t extIrqsMask;
  struct pctArch arch;
  struct schedInfo schedInfo;
  xm_u16_t trap2Vector[NO_TRAPS];
  xm_u16_t hwIrq2Vector[CONFIG_NO_HWIRQS];
  xm_u16_t extIrq2Vector[XM_VT_EXT_MAX];
  xmPhysicalMemMap_t physicalMemMap[CONFIG_MAX_MEM_AREAS];
} partitionControlTable_t;
#endif /* __ASSEMBLER__ */

#endif
