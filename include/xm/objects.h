/* The object interface (XtratuM manual 5.19.1): console and status are
 * objects reached through __READ/WRITE/SEEK/CTRL_OBJECT_NR with a
 * descriptor that names the object's class, its partition and its id. */
#ifndef XM_OBJECTS_H
#define XM_OBJECTS_H

#include "xm_types.h"

typedef xm_u32_t xmObjDesc_t;

#define OBJ_CLASS_NULL 0
#define OBJ_CLASS_CONSOLE 1
#define OBJ_CLASS_TRACE 2
#define OBJ_CLASS_SAMPLING_PORT 3
#define OBJ_CLASS_QUEUING_PORT 4
#define OBJ_CLASS_MEM 5
#define OBJ_CLASS_HM 6
#define OBJ_CLASS_STATUS 7

/* class: bits 31..24, partition id: 23..10, object id: 9..0 */
#define OBJDESC_BUILD(cl, partitionId, id) \
  ((((xm_u32_t)(cl) & 0xffu) << 24) | (((xm_u32_t)(partitionId) & 0x3fffu) << 10) | ((xm_u32_t)(id) & 0x3ffu))
#define OBJDESC_GET_CLASS(d) (((d) >> 24) & 0xffu)
#define OBJDESC_GET_PARTITIONID(d) (((d) >> 10) & 0x3fffu)
#define OBJDESC_GET_ID(d) ((d) & 0x3ffu)

/* Commands of OBJ_CLASS_STATUS (ctrl_object). The object id selects the
 * partition for partition status; XM_HYPERVISOR_ID selects the system. */
#define XM_GET_SYSTEM_STATUS 0x0
#define XM_GET_PARTITION_STATUS 0x1
#define XM_GET_PLAN_STATUS 0x2
#define XM_GET_PHYSMEM_MAP 0x3

/* The hypervisor as an object's owner: 8 bits, as the HM log (listing 2.2)
 * and trace events (listing 5.26) carry a partition id; partition ids are
 * below 16 (target.hpp), so it names no partition. */
#define XM_HYPERVISOR_ID 0xff

#endif
