/* libxm: the HM log (XtratuM manual 2.13.4, table 2.2, listing 5.34) over
 * the object interface, OBJ_CLASS_HM (include/stratum/kernel/hm_log.hpp).
 * The hypervisor checks everything (system partition, pointers): libxm only
 * builds the descriptor. */
#include <xm.h>

#define HM_DESC OBJDESC_BUILD(OBJ_CLASS_HM, XM_HYPERVISOR_ID, 0)

xm_s32_t XM_hm_open(void) {
  /* Asking the status makes the caller the log's reader (or refuses it). */
  xmHmStatus_t st;
  const xm_s32_t r = XM_ctrl_object(HM_DESC, XM_HM_GET_STATUS, &st);
  return r < 0 ? r : XM_OK;
}

xm_s32_t XM_hm_read(xmHmLog_t *log, xm_u32_t noLogs) {
  return XM_read_object(HM_DESC, log, noLogs * sizeof(xmHmLog_t), 0);
}

xm_s32_t XM_hm_seek(xm_s32_t offset, xm_u32_t whence) { return XM_seek_object(HM_DESC, (xm_u32_t)offset, whence); }

xm_s32_t XM_hm_status(xmHmStatus_t *status) { return XM_ctrl_object(HM_DESC, XM_HM_GET_STATUS, status); }
