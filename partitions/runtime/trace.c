/* libxm: traces (XtratuM manual 2.16, 5.14) over the object interface,
 * OBJ_CLASS_TRACE (include/stratum/kernel/traces.hpp). A stream descriptor
 * is the object descriptor itself, OBJDESC_BUILD(OBJ_CLASS_TRACE, id, 0):
 * a descriptor that is not one is refused by the hypervisor. */
#include <xm.h>

xm_s32_t XM_trace_event(xm_u32_t bitmask, xmTraceEvent_t *event) {
  /* The flags argument carries the bitmask itself, not its address. */
  return XM_write_object(OBJDESC_BUILD(OBJ_CLASS_TRACE, XM_PARTITION_SELF, 0), event, sizeof(xmTraceEvent_t),
                         (xm_u32_t *)bitmask);
}

xm_s32_t XM_trace_open(xmId_t id) {
  /* Asking the status checks the id, the caller's rights and the stream's
   * Trace element, and makes the caller the stream's reader. */
  xmTraceStatus_t st;
  const xmObjDesc_t d = OBJDESC_BUILD(OBJ_CLASS_TRACE, id, 0);
  if (id != XM_HYPERVISOR_ID && id > 0x3fff) return XM_INVALID_PARAM;
  const xm_s32_t r = XM_ctrl_object(d, XM_TRACE_GET_STATUS, &st);
  return r < 0 ? r : (xm_s32_t)d;
}

xm_s32_t XM_trace_read(xm_s32_t traceStream, xmTraceEvent_t *traceEventPtr) {
  return XM_read_object((xmObjDesc_t)traceStream, traceEventPtr, sizeof(xmTraceEvent_t), 0);
}

xm_s32_t XM_trace_seek(xm_s32_t traceStream, xm_s32_t offset, xm_u32_t whence) {
  return XM_seek_object((xmObjDesc_t)traceStream, (xm_u32_t)offset, whence);
}

xm_s32_t XM_trace_status(xm_s32_t traceStream, xmTraceStatus_t *traceStatusPtr) {
  return XM_ctrl_object((xmObjDesc_t)traceStream, XM_TRACE_GET_STATUS, traceStatusPtr);
}
