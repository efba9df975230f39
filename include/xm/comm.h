/* Inter-partition communication (XtratuM manual 2.12, 5.9, 2.15.3, 5.20):
 * sampling and queuing ports, reached through the object interface
 * (OBJ_CLASS_SAMPLING_PORT, OBJ_CLASS_QUEUING_PORT), inter-partition
 * virtual interrupts (__RAISE_IPVI_NR) and the memory copy of system
 * partitions (OBJ_CLASS_MEM).
 *
 * A port descriptor, as XM_create_sampling_port/XM_create_queuing_port
 * return it, is the port's number among every port of the system (0, 1, ...
 * in the order of the PortTables). The object descriptor that reaches the
 * hypervisor is OBJDESC_BUILD(class, caller's id, port number). */
#ifndef XM_COMM_H
#define XM_COMM_H

#include "xm_types.h"

/* Port directions, as the PortTable's Port@direction. */
#define XM_SOURCE_PORT 0x2
#define XM_DESTINATION_PORT 0x1

/* Commands of the port classes (XM_ctrl_object). */
#define XM_COMM_CREATE_PORT 0x0
#define XM_COMM_GET_PORT_STATUS 0x1
#define XM_COMM_GET_PORT_INFO 0x2

/* flags of XM_read_sampling_message and of the sampling status: the last
 * message is younger than the channel's refreshPeriod (always, when the
 * channel has none). */
#define XM_COMM_MSG_VALID 0x1

/* A sampling port's refreshPeriod argument that asks for no check (the
 * 3-argument XM_create_sampling_port of listing 5.17). */
#define XM_NO_REFRESH_CHECK ((xmTime_t)-1)

/* The longest port name the hypervisor compares, terminator included. */
#define XM_PORT_NAME_MAX 32

typedef struct {
  /* microseconds a message stays valid; 0: for ever. XtratuM 3 called it
   * validPeriod: both names work. */
  union {
    xmTime_t refreshPeriod;
    xmTime_t validPeriod;
  };
  xm_u32_t maxMsgSize;  /* bytes */
  xm_u32_t flags;       /* XM_COMM_MSG_VALID */
  xmTime_t timestamp;   /* hardware clock when the last message was written, us; 0: none yet */
  xm_u32_t lastMsgSize; /* bytes; 0: none yet */
} xmSamplingPortStatus_t;

typedef struct {
  char *portName;
  xmTime_t refreshPeriod; /* us; 0: for ever */
  xm_u32_t maxMsgSize;    /* bytes */
  xm_u32_t direction;     /* XM_SOURCE_PORT or XM_DESTINATION_PORT */
} xmSamplingPortInfo_t;

typedef struct {
  xm_u32_t maxMsgSize; /* bytes */
  xm_u32_t maxNoMsgs;
  xm_u32_t noMsgs;     /* messages in the channel now */
  xm_u32_t flags;      /* 0 */
} xmQueuingPortStatus_t;

typedef struct {
  char *portName;
  xm_u32_t maxMsgSize; /* bytes */
  xm_u32_t maxNoMsgs;
  xm_u32_t direction;  /* XM_SOURCE_PORT or XM_DESTINATION_PORT */
} xmQueuingPortInfo_t;

/* The argument of XM_COMM_CREATE_PORT and XM_COMM_GET_PORT_INFO (24
 * bytes; the name's address as a word, so that the layout is the
 * partition's whatever compiles it). */
typedef struct {
  xmTime_t refreshPeriod;  /* sampling ports; XM_NO_REFRESH_CHECK: any */
  xmAddress_t portName;    /* a NUL-terminated string of the caller's */
  xm_u32_t maxMsgSize;
  xm_u32_t direction;
  xm_u32_t maxNoMsgs;      /* queuing ports */
} xmCommPortCmd_t;

/* OBJ_CLASS_MEM: XM_memory_copy (manual 5.20) is XM_ctrl_object(
 * OBJDESC_BUILD(OBJ_CLASS_MEM, self, 0), XM_MEM_COPY, xmMemoryCopyCmd_t*).
 * At most XM_MEMORY_COPY_STEP bytes move per call (the result is how many);
 * libxm calls again for the rest. */
#define XM_MEM_COPY 0x10
#define XM_MEMORY_COPY_STEP 512
typedef struct {
  xmId_t destId;
  xmAddress_t destAddr; /* as the destination partition sees it */
  xmId_t srcId;
  xmAddress_t srcAddr;  /* as the source partition sees it */
  xmSize_t size;        /* bytes */
} xmMemoryCopyCmd_t;

#endif
