/* libxm: the partition-side API of Stratum, with the names and signatures
 * of the XtratuM 4 user manual (chapter 5), usable from C and C++.
 *
 *   #include <xm.h>
 *   void PartitionMain(void) { xprintf("Hello World!\n"); }
 */
#ifndef XM_H
#define XM_H

#include <xm/comm.h>
#include <xm/guest.h>
#include <xm/hm.h>
#include <xm/hypercalls.h>
#include <xm/objects.h>
#include <xm/status.h>
#include <xm/trace.h>
#include <xm/xm_types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The partition's code starts at PartitionMain, called by the start-up
 * code with no arguments; when it returns the partition halts itself. It
 * is deliberately not declared here, so that a partition may define it as
 * `void PartitionMain(void)` or `int PartitionMain(void)` (the value is
 * ignored); in C++ write `extern "C" void PartitionMain(void)`. */

/* The calling partition's own id, read from its PCT (as XtratuM's libxm
 * defines it): `XM_halt_partition(XM_PARTITION_SELF)` halts the caller, and
 * `xprintf("%d", XM_PARTITION_SELF)` prints its id. */
#define XM_PARTITION_SELF ((xmId_t)PCT_GET_PARTITION_ID(XM_params_get_PCT()))
/* The calling virtual CPU's own id (manual 2.7.1): always 0, one vCPU per
 * partition. */
#define XM_VCPU_SELF ((xmId_t)PCT_GET_VCPU_ID(XM_params_get_PCT()))

/* System management */
xm_s32_t XM_halt_system(void);
xm_s32_t XM_reset_system(xm_u32_t resetMode);
xm_s32_t XM_get_system_status(xmSystemStatus_t *status);

/* Partition management */
xm_s32_t XM_halt_partition(xmId_t partitionId);
xm_s32_t XM_suspend_partition(xmId_t partitionId);
xm_s32_t XM_resume_partition(xmId_t partitionId);
xm_s32_t XM_reset_partition(xmId_t partitionId, xm_u32_t resetMode, xm_u32_t status);
xm_s32_t XM_shutdown_partition(xmId_t partitionId);
xm_s32_t XM_idle_self(void);
xm_s32_t XM_get_partition_status(xmId_t partitionId, xmPartitionStatus_t *status);
partitionControlTable_t *XM_params_get_PCT(void);
xmPhysicalMemMap_t *XM_get_partition_mmap(void);
xm_s32_t XM_get_physmem_map(xmPhysicalMemMap_t *map, xm_u32_t noAreas);

/* Plans */
xm_s32_t XM_get_plan_status(xmPlanStatus_t *status);
/* Plan newPlanId starts at the end of the current major frame (manual
 * 2.8.2, 5.7.2; system partitions only); a later call before then replaces
 * it. *currentPlanId receives the plan running now. XM_OK, XM_PERM_ERROR,
 * XM_INVALID_PARAM (no such plan, plan 0, or a bad pointer), XM_NO_ACTION
 * (newPlanId runs already and nothing is pending). */
xm_s32_t XM_switch_sched_plan(xm_u32_t newPlanId, xm_u32_t *currentPlanId);

/* Time */
xm_s32_t XM_get_time(xm_u32_t clockId, xmTime_t *time);
xm_s32_t XM_set_timer(xm_u32_t clockId, xmTime_t absTime, xmTime_t interval);

/* Console */
xm_s32_t XM_write_console(char *buffer, xm_s32_t length);

/* Interrupts (manual 5.11). The masks: bit n of hwIrqsMask is hardware
 * line n, bit n of extIrqsMask extended interrupt n (XM_VT_EXT_*), e.g.
 * XM_clear_irqmask(0, 1 << XM_VT_EXT_HW_TIMER). */
xm_s32_t XM_clear_irqmask(xm_u32_t hwIrqsMask, xm_u32_t extIrqsMask);
xm_s32_t XM_set_irqmask(xm_u32_t hwIrqsMask, xm_u32_t extIrqsMask);
/* One interrupt by number, 0..31, as listing 5.23 uses them: hardware
 * line n when the partition owns line n (HwResources/Interrupts in the XML,
 * the PCT's hwIrqs), extended interrupt n otherwise. Hardware and extended
 * numbers overlap (both start at 0, listing 5.22): a partition that owns
 * line n and wants extended interrupt n uses XM_clear_irqmask. */
xm_s32_t XM_unmask_irq(xm_u32_t irq);
xm_s32_t XM_mask_irq(xm_u32_t irq);

/* The virtual CPU (listing 5.33): the caller's own, always 0. */
xmId_t XM_get_vcpuid(void);

/* Objects (manual 5.19, listing 5.33): the raw interface under the console,
 * status and, later, port, HM and trace calls. A descriptor is
 * OBJDESC_BUILD(class, partition, id); the result is a byte count or an
 * XM_* error code. */
xm_s32_t XM_read_object(xmObjDesc_t objDesc, void *buffer, xm_u32_t size, xm_u32_t *flags);
xm_s32_t XM_write_object(xmObjDesc_t objDesc, void *buffer, xm_u32_t size, xm_u32_t *flags);
xm_s32_t XM_seek_object(xmObjDesc_t objDesc, xm_u32_t offset, xm_u32_t whence);
xm_s32_t XM_ctrl_object(xmObjDesc_t objDesc, xm_u32_t cmd, void *arg);

/* Inter-partition communication (manual 2.12, 5.9): ports declared in the
 * XML's PortTables and connected by its Channels. A create returns the
 * port's descriptor (>= 0) or an error; write/send return XM_OK, read and
 * receive the bytes received. The codes (include/xm/comm.h has the
 * structures):
 *   XM_INVALID_PARAM   not one of the caller's ports (name or descriptor),
 *                      not created yet, the wrong kind or direction, a
 *                      pointer outside the caller's memory, a 0-byte
 *                      message, a buffer smaller than the message
 *   XM_INVALID_CONFIG  create: maxMsgSize, maxNoMsgs or refreshPeriod not
 *                      the channel's; write/send: longer than maxMessageLength
 *   XM_NOT_AVAILABLE   send to a full queue, receive from an empty one
 *   XM_PERM_ERROR      a descriptor of another partition (raw objects)
 * A destination gets XM_VT_EXT_SAMPLING_PORT / XM_VT_EXT_QUEUING_PORT when a
 * message arrives (masked at boot). A second create of an open port returns
 * the same descriptor; a cold reset closes the partition's ports.
 *
 * XM_create_sampling_port takes 3 arguments (listing 5.17) or 4, the 4th the
 * channel's refreshPeriod in us, checked (XM_INVALID_CONFIG if not the
 * channel's; 0: none); XM_receive_queuing_message takes 3 or 4 (flags). */
#define XM__ARGS4(_1, _2, _3, _4, name, ...) name
xm_s32_t(XM_create_sampling_port)(const char *portName, xm_u32_t maxMsgSize, xm_u32_t direction, xmTime_t refreshPeriod);
static inline xm_s32_t XM__create_sampling_port3(const char *portName, xm_u32_t maxMsgSize, xm_u32_t direction) {
  return (XM_create_sampling_port)(portName, maxMsgSize, direction, XM_NO_REFRESH_CHECK);
}
#define XM_create_sampling_port(...) \
  XM__ARGS4(__VA_ARGS__, XM_create_sampling_port, XM__create_sampling_port3, ~, ~)(__VA_ARGS__)
xm_s32_t XM_write_sampling_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize);
xm_s32_t XM_read_sampling_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize, xm_u32_t *flags);
xm_s32_t XM_get_sampling_port_status(xm_u32_t portDesc, xmSamplingPortStatus_t *status);
xm_s32_t XM_get_sampling_port_info(const char *portName, xmSamplingPortInfo_t *info);

xm_s32_t XM_create_queuing_port(const char *portName, xm_u32_t maxNoMsgs, xm_u32_t maxMsgSize, xm_u32_t direction);
xm_s32_t XM_send_queuing_message(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize);
xm_s32_t(XM_receive_queuing_message)(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize, xm_u32_t *flags);
static inline xm_s32_t XM__receive_queuing_message3(xm_s32_t portDesc, void *msgPtr, xm_u32_t msgSize) {
  return (XM_receive_queuing_message)(portDesc, msgPtr, msgSize, 0);
}
#define XM_receive_queuing_message(...) \
  XM__ARGS4(__VA_ARGS__, XM_receive_queuing_message, XM__receive_queuing_message3, ~, ~)(__VA_ARGS__)
xm_s32_t XM_get_queuing_port_status(xm_u32_t portDesc, xmQueuingPortStatus_t *status);
xm_s32_t XM_get_queuing_port_info(const char *portName, xmQueuingPortInfo_t *info);

/* Inter-partition virtual interrupts (2.15.3): raises XM_VT_EXT_IPVI<n> in
 * Ipvi n's destinations. XM_INVALID_PARAM: no Ipvi n; XM_PERM_ERROR: the
 * caller is not its source. */
xm_s32_t XM_raise_ipvi(xm_u8_t noIpvi);

/* Memory copy (5.20): `size` bytes from srcAddr of partition srcId to
 * destAddr of partition destId, each address as that partition sees it and
 * each range inside one of its areas (the destination's not read-only).
 * System partitions copy between any partitions, others within their own
 * memory. XM_OK, or XM_PERM_ERROR / XM_INVALID_PARAM (bad ids, ranges or
 * overlapping ones). 512 bytes move per hypercall. */
xm_s32_t XM_memory_copy(xmId_t destId, xm_u32_t destAddr, xmId_t srcId, xm_u32_t srcAddr, xm_u32_t size);

/* Traces (manual 2.16, 5.14; include/xm/trace.h has the structures).
 * XM_trace_event stores *event in the caller's stream (its Trace element's
 * MemoryBlock, a ring: when full the oldest event is overwritten and, if it
 * was unread, counted in lostEvents) when bitmask & Trace@bitmask != 0:
 * XM_OK; XM_NO_ACTION when the bitmasks filter it out; XM_INVALID_CONFIG
 * when the caller has no Trace element; XM_INVALID_PARAM for an event
 * outside its memory. The hypervisor fills in signature, sequence number,
 * partition id and timestamp (XM_HW_CLOCK, us). An event of criticality
 * XM_TRACE_UNRECOVERABLE also raises the HM event XM_HM_EV_PARTITION_ERROR
 * (manual 2.13.1, 5.14.1), stored or not, Trace element or not: the
 * caller's HealthMonitor action follows (by default it is halted); a
 * caller that goes on gets the result above.
 * System partitions only (table 2.2), the first to use a stream being its
 * only reader (XM_PERM_ERROR otherwise):
 *   XM_trace_open(id)  a partition id or XM_HYPERVISOR_ID: the stream's
 *                      descriptor (>= 0), or XM_INVALID_PARAM (no such
 *                      partition) / XM_INVALID_CONFIG (no Trace element)
 *   XM_trace_read      the oldest unread event: 1, or 0 if none
 *   XM_trace_seek      the read position, in events from the oldest held
 *                      (XM_TRACE_SEEK_SET), the current one (_CUR) or past
 *                      the newest (_END), clamped: the new position
 *   XM_trace_status    events held, capacity, read position, lost events */
xm_s32_t XM_trace_event(xm_u32_t bitmask, xmTraceEvent_t *event);
xm_s32_t XM_trace_open(xmId_t id);
xm_s32_t XM_trace_read(xm_s32_t traceStream, xmTraceEvent_t *traceEventPtr);
xm_s32_t XM_trace_seek(xm_s32_t traceStream, xm_s32_t offset, xm_u32_t whence);
xm_s32_t XM_trace_status(xm_s32_t traceStream, xmTraceStatus_t *traceStatusPtr);

/* The HM log (manual 2.13.4, table 2.2; include/xm/hm.h has the entry).
 * System partitions only (XM_PERM_ERROR otherwise), the first to use the
 * log being its only reader. The log holds the newest XM_HM_LOG_CAPACITY
 * entries (older ones overwritten, counted in lostEvents if unread), and
 * survives system resets.
 *   XM_hm_open()           makes the caller the reader: XM_OK
 *   XM_hm_read(log, n)     the oldest unread entries, at most n and 8: how
 *                          many were copied (0: none), XM_INVALID_PARAM for
 *                          a buffer not in the caller's writable memory
 *   XM_hm_seek(off, whence) the read position, in entries from the oldest
 *                          held (XM_HM_SEEK_SET), the current one (_CUR) or
 *                          past the newest (_END), clamped: the new position
 *   XM_hm_status(status)   entries held, capacity, read position, lost */
xm_s32_t XM_hm_open(void);
xm_s32_t XM_hm_read(xmHmLog_t *log, xm_u32_t noLogs);
xm_s32_t XM_hm_seek(xm_s32_t offset, xm_u32_t whence);
xm_s32_t XM_hm_status(xmHmStatus_t *status);

/* Processor registers (manual 5.11.1): only the trap base register. */
#define TBR_REG32 0
xm_s32_t XM_write_register32(xm_u32_t reg32, xm_u32_t value);
xm_s32_t XM_read_register32(xm_u32_t reg32, xm_u32_t *value);

/* SPARC v8 */
void XM_sparc_flush_regwin(void);
xm_u32_t XM_sparc_get_psr(void);
void XM_sparc_set_psr(xm_u32_t flags);
void XM_sparc_set_pil(void);
void XM_sparc_clear_pil(void);
#define XM_enable_irqs() XM_sparc_clear_pil()
#define XM_disable_irqs() XM_sparc_set_pil()

/* Raw entry: a hypercall number and up to five arguments. */
xm_s32_t XM_hypercall(xm_u32_t nr, xm_u32_t a1, xm_u32_t a2, xm_u32_t a3, xm_u32_t a4, xm_u32_t a5);

/* printf to the partition's console (XM_write_console): %d %i %u %x %X %o
 * %c %s %p %%, with the l/ll length, width and 0/- flags. */
int xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Handlers the default virtual trap table calls; weak defaults print the
 * trap and halt the partition. */
void ExceptionHandler(xm_s32_t trapNr);
void IrqHandler(xm_s32_t irqNr);
void ExtIrqHandler(xm_s32_t irqNr);

#ifdef __cplusplus
}
#endif

#endif
