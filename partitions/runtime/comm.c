/* libxm: inter-partition communication (XtratuM manual 5.9, 5.20): ports
 * over the object interface, IPVIs, memory copy. A port descriptor is the
 * port's number (0..1023); the object descriptor is built here, and a
 * number out of that range is refused rather than folded into it. */
#include <xm.h>

/* One port operation on the caller's port `portDesc` of class `cls`. */
static xm_s32_t port_object(xm_u32_t cls, xm_s32_t portDesc, xmObjDesc_t *d) {
  if (portDesc < 0 || portDesc > 0x3ff) return XM_INVALID_PARAM;
  *d = OBJDESC_BUILD(cls, XM_PARTITION_SELF, portDesc);
  return XM_OK;
}
static xm_s32_t port_write(xm_u32_t cls, xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize) {
  xmObjDesc_t d;
  return port_object(cls, portDesc, &d) == XM_OK ? XM_write_object(d, msgPtr, msgSize, 0) : XM_INVALID_PARAM;
}
static xm_s32_t port_read(xm_u32_t cls, xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize, xm_u32_t *flags) {
  xmObjDesc_t d;
  return port_object(cls, portDesc, &d) == XM_OK ? XM_read_object(d, msgPtr, msgSize, flags) : XM_INVALID_PARAM;
}
static xm_s32_t port_status(xm_u32_t cls, xm_u32_t portDesc, void *status) {
  xmObjDesc_t d;
  return port_object(cls, (xm_s32_t)portDesc, &d) == XM_OK ? XM_ctrl_object(d, XM_COMM_GET_PORT_STATUS, status)
                                                            : XM_INVALID_PARAM;
}

static xm_s32_t create_port(xm_u32_t cls, const char *portName, xm_u32_t maxNoMsgs, xm_u32_t maxMsgSize,
                            xm_u32_t direction, xmTime_t refreshPeriod) {
  xmCommPortCmd_t c;
  c.refreshPeriod = refreshPeriod;
  c.portName = (xmAddress_t)portName;
  c.maxMsgSize = maxMsgSize;
  c.direction = direction;
  c.maxNoMsgs = maxNoMsgs;
  return XM_ctrl_object(OBJDESC_BUILD(cls, XM_PARTITION_SELF, 0), XM_COMM_CREATE_PORT, &c);
}

static xm_s32_t port_info(xm_u32_t cls, const char *portName, xmCommPortCmd_t *c) {
  c->portName = (xmAddress_t)portName;
  return XM_ctrl_object(OBJDESC_BUILD(cls, XM_PARTITION_SELF, 0), XM_COMM_GET_PORT_INFO, c);
}

/* Sampling ports */
xm_s32_t(XM_create_sampling_port)(const char *portName, xm_u32_t maxMsgSize, xm_u32_t direction, xmTime_t refreshPeriod) {
  return create_port(OBJ_CLASS_SAMPLING_PORT, portName, 0, maxMsgSize, direction, refreshPeriod);
}

xm_s32_t XM_write_sampling_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize) {
  return port_write(OBJ_CLASS_SAMPLING_PORT, portDesc, msgPtr, msgSize);
}

xm_s32_t XM_read_sampling_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize, xm_u32_t *flags) {
  return port_read(OBJ_CLASS_SAMPLING_PORT, portDesc, msgPtr, msgSize, flags);
}

xm_s32_t XM_get_sampling_port_status(xm_u32_t portDesc, xmSamplingPortStatus_t *status) {
  return port_status(OBJ_CLASS_SAMPLING_PORT, portDesc, status);
}

xm_s32_t XM_get_sampling_port_info(const char *portName, xmSamplingPortInfo_t *info) {
  xmCommPortCmd_t c;
  const xm_s32_t r = port_info(OBJ_CLASS_SAMPLING_PORT, portName, &c);
  if (r != XM_OK) return r;
  info->portName = (char *)portName; /* (the manual's field is a char *) */
  info->refreshPeriod = c.refreshPeriod;
  info->maxMsgSize = c.maxMsgSize;
  info->direction = c.direction;
  return XM_OK;
}

/* Queuing ports */
xm_s32_t XM_create_queuing_port(const char *portName, xm_u32_t maxNoMsgs, xm_u32_t maxMsgSize, xm_u32_t direction) {
  return create_port(OBJ_CLASS_QUEUING_PORT, portName, maxNoMsgs, maxMsgSize, direction, 0);
}

xm_s32_t XM_send_queuing_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize) {
  return port_write(OBJ_CLASS_QUEUING_PORT, portDesc, msgPtr, msgSize);
}

xm_s32_t(XM_receive_queuing_message)(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize, xm_u32_t *flags) {
  return port_read(OBJ_CLASS_QUEUING_PORT, portDesc, msgPtr, msgSize, flags);
}

xm_s32_t XM_get_queuing_port_status(xm_u32_t portDesc, xmQueuingPortStatus_t *status) {
  return port_status(OBJ_CLASS_QUEUING_PORT, portDesc, status);
}

xm_s32_t XM_get_queuing_port_info(const char *portName, xmQueuingPortInfo_t *info) {
  xmCommPortCmd_t c;
  const xm_s32_t r = port_info(OBJ_CLASS_QUEUING_PORT, portName, &c);
  if (r != XM_OK) return r;
  info->portName = (char *)portName; /* (the manual's field is a char *) */
  info->maxMsgSize = c.maxMsgSize;
  info->maxNoMsgs = c.maxNoMsgs;
  info->direction = c.direction;
  return XM_OK;
}

/* IPVIs */
xm_s32_t XM_raise_ipvi(xm_u8_t noIpvi) { return XM_hypercall(__RAISE_IPVI_NR, noIpvi, 0, 0, 0, 0); }

/* Memory copy: 512 bytes per hypercall (the hypervisor checks the whole range
 * on every call), so a long copy runs in the caller's own time. */
xm_s32_t XM_memory_copy(xmId_t destId, xm_u32_t destAddr, xmId_t srcId, xm_u32_t srcAddr, xm_u32_t size) {
  xmMemoryCopyCmd_t c;
  c.destId = destId;
  c.srcId = srcId;
  xm_u32_t done = 0;
  do {
    c.destAddr = destAddr + done;
    c.srcAddr = srcAddr + done;
    c.size = size - done;
    const xm_s32_t r = XM_ctrl_object(OBJDESC_BUILD(OBJ_CLASS_MEM, XM_PARTITION_SELF, 0), XM_MEM_COPY, &c);
    if (r < 0) return r;
    done += (xm_u32_t)r;
  } while (done < size);
  return XM_OK;
}
