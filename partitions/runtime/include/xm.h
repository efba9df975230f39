/* libxm: the partition-side API of Stratum, with the names and signatures
 * of the XtratuM 4 user manual (chapter 5), usable from C and C++.
 *
 *   #include <xm.h>
 *   void PartitionMain(void) { xprintf("Hello World!\n"); }
 */
#ifndef XM_H
#define XM_H

#include <xm/guest.h>
#include <xm/hypercalls.h>
#include <xm/objects.h>
#include <xm/status.h>
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
