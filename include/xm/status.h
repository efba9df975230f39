/* Status objects (XtratuM manual 5.15, listings 5.28/5.29) and the
 * partition states of manual 2.4. */
#ifndef XM_STATUS_H
#define XM_STATUS_H

#include "xm_types.h"

#define XM_STATUS_IDLE 0x0
#define XM_STATUS_READY 0x1
#define XM_STATUS_SUSPENDED 0x2
#define XM_STATUS_HALTED 0x3
/* Stratum also reports a partition that has been created but has not yet
 * run in this boot (manual 2.4, "boot" state) as READY. */

typedef struct {
  xm_u32_t state;          /* XM_STATUS_* */
  xm_u64_t noVIrqs;        /* virtual interrupts delivered */
  xm_u32_t resetCounter;
  xm_u32_t resetStatus;
  xmTime_t execClock;      /* microseconds this partition has run */
  xm_u64_t noSamplingPortMsgsRead;
  xm_u64_t noSamplingPortMsgsWritten;
  xm_u64_t noQueuingPortMsgsSent;
  xm_u64_t noQueuingPortMsgsReceived;
} xmPartitionStatus_t;

typedef struct {
  xm_u32_t resetCounter;
  xm_u64_t noHmEvents;
  xm_u64_t noIrqs;
  xm_u64_t currentMaf;     /* major frames completed since boot */
  xm_u64_t noSamplingPortMsgsRead;
  xm_u64_t noSamplingPortMsgsWritten;
  xm_u64_t noQueuingPortMsgsSent;
  xm_u64_t noQueuingPortMsgsReceived;
} xmSystemStatus_t;

typedef struct {
  xmTime_t switchTime;     /* when the current plan started */
  xm_s32_t next;           /* plan that starts at the end of this major frame */
  xm_s32_t current;
  xm_s32_t prev;
} xmPlanStatus_t;

/* One memory area of the calling partition (XM_get_physmem_map). */
typedef struct {
  xmAddress_t startAddr;    /* physical */
  xmAddress_t mappedAt;     /* where the partition sees it */
  xmSize_t size;
  xm_u32_t flags;           /* XM_MEM_AREA_* */
} xmPhysicalMemMap_t;

#define XM_MEM_AREA_UNMAPPED (1u << 0)
#define XM_MEM_AREA_SHARED (1u << 1)
#define XM_MEM_AREA_READONLY (1u << 2)
#define XM_MEM_AREA_UNCACHEABLE (1u << 3)
#define XM_MEM_AREA_IOMMU (1u << 4)
#define XM_MEM_AREA_MAPPED_AT (1u << 5)

/* Clocks (manual 5.12) */
#define XM_HW_CLOCK 0x0
#define XM_EXEC_CLOCK 0x1

/* Reset modes (manual 5.5/5.6) */
#define XM_COLD_RESET 0x0
#define XM_WARM_RESET 0x1

#endif
