/* libxm: hypercall wrappers (XtratuM manual 6.2: number in %o0, arguments
 * in %o1..%o5, `ta` to trap 0xF0, or 0xF1 for the assembly services, the
 * result back in %o0). */
#include <xm.h>

partitionControlTable_t *libxm_pct; /* set by the start-up code */

/* The C++ global constructors (.init_array, partition.ld), in link order:
 * the start-up code runs them before PartitionMain, after every reset. */
typedef void (*libxm_constructor_t)(void);
extern libxm_constructor_t __init_array_start[], __init_array_end[];
void libxm_run_constructors(void) {
  for (libxm_constructor_t *c = __init_array_start; c < __init_array_end; ++c) (*c)();
}

/* Where the start-up code goes when PartitionMain returns. */
void libxm_main_returned(void) {
  XM_halt_partition(XM_PARTITION_SELF);
  for (;;) {
  }
}

xm_s32_t XM_hypercall(xm_u32_t nr, xm_u32_t a1, xm_u32_t a2, xm_u32_t a3, xm_u32_t a4, xm_u32_t a5) {
  register xm_u32_t o0 __asm__("o0") = nr;
  register xm_u32_t o1 __asm__("o1") = a1;
  register xm_u32_t o2 __asm__("o2") = a2;
  register xm_u32_t o3 __asm__("o3") = a3;
  register xm_u32_t o4 __asm__("o4") = a4;
  register xm_u32_t o5 __asm__("o5") = a5;
  __asm__ volatile("ta %6" : "+r"(o0) : "r"(o1), "r"(o2), "r"(o3), "r"(o4), "r"(o5), "i"(XM_HYPERCALL_TRAP - 0x80)
                   : "memory", "cc");
  return (xm_s32_t)o0;
}

static xm_u32_t asm_hypercall(xm_u32_t nr, xm_u32_t a1) {
  register xm_u32_t o0 __asm__("o0") = nr;
  register xm_u32_t o1 __asm__("o1") = a1;
  __asm__ volatile("ta %2" : "+r"(o0) : "r"(o1), "i"(XM_ASMHYPERCALL_TRAP - 0x80) : "memory", "cc");
  return o0;
}

#define HC0(nr) XM_hypercall((nr), 0, 0, 0, 0, 0)
#define HC1(nr, a) XM_hypercall((nr), (xm_u32_t)(a), 0, 0, 0, 0)

xm_s32_t XM_halt_system(void) { return HC0(__HALT_SYSTEM_NR); }
xm_s32_t XM_reset_system(xm_u32_t resetMode) { return HC1(__RESET_SYSTEM_NR, resetMode); }
xm_s32_t XM_halt_partition(xmId_t id) { return HC1(__HALT_PARTITION_NR, id); }
xm_s32_t XM_suspend_partition(xmId_t id) { return HC1(__SUSPEND_PARTITION_NR, id); }
xm_s32_t XM_resume_partition(xmId_t id) { return HC1(__RESUME_PARTITION_NR, id); }
xm_s32_t XM_reset_partition(xmId_t id, xm_u32_t resetMode, xm_u32_t status) {
  return XM_hypercall(__RESET_PARTITION_NR, id, resetMode, status, 0, 0);
}
xm_s32_t XM_shutdown_partition(xmId_t id) { return HC1(__SHUTDOWN_PARTITION_NR, id); }
xm_s32_t XM_idle_self(void) { return HC0(__IDLE_SELF_NR); }

xm_s32_t XM_get_partition_status(xmId_t id, xmPartitionStatus_t *status) {
  /* The descriptor has 14 bits for the partition: a larger id would name
   * another partition. */
  if (id > 0x3fffu) return XM_INVALID_PARAM;
  return XM_hypercall(__CTRL_OBJECT_NR, OBJDESC_BUILD(OBJ_CLASS_STATUS, id, 0), XM_GET_PARTITION_STATUS,
                      (xm_u32_t)status, 0, 0);
}
xm_s32_t XM_get_system_status(xmSystemStatus_t *status) {
  return XM_hypercall(__CTRL_OBJECT_NR, OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, 0), XM_GET_SYSTEM_STATUS,
                      (xm_u32_t)status, 0, 0);
}
xm_s32_t XM_get_plan_status(xmPlanStatus_t *status) {
  return XM_hypercall(__CTRL_OBJECT_NR, OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, 0), XM_GET_PLAN_STATUS,
                      (xm_u32_t)status, 0, 0);
}
xm_s32_t XM_get_physmem_map(xmPhysicalMemMap_t *map, xm_u32_t noAreas) {
  return XM_hypercall(__CTRL_OBJECT_NR, OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, noAreas & 0x3ffu),
                      XM_GET_PHYSMEM_MAP, (xm_u32_t)map, 0, 0);
}

xm_s32_t XM_switch_sched_plan(xm_u32_t newPlanId, xm_u32_t *currentPlanId) {
  return XM_hypercall(__SWITCH_SCHED_PLAN_NR, newPlanId, (xm_u32_t)currentPlanId, 0, 0, 0);
}

partitionControlTable_t *XM_params_get_PCT(void) { return libxm_pct; }
xmPhysicalMemMap_t *XM_get_partition_mmap(void) { return libxm_pct->physicalMemMap; }

xm_s32_t XM_get_time(xm_u32_t clockId, xmTime_t *time) { return XM_hypercall(__GET_TIME_NR, clockId, (xm_u32_t)time, 0, 0, 0); }

xm_s32_t XM_set_timer(xm_u32_t clockId, xmTime_t absTime, xmTime_t interval) {
  return XM_hypercall(__SET_TIMER_NR, clockId, (xm_u32_t)((xm_u64_t)absTime >> 32), (xm_u32_t)absTime,
                      (xm_u32_t)((xm_u64_t)interval >> 32), (xm_u32_t)interval);
}

/* The hypervisor writes a few bytes per call, as many as the UART takes
 * without waiting: the rest is written by calling again, in the partition's
 * own time. Returns the bytes written, or the first call's error. */
xm_s32_t XM_write_console(char *buffer, xm_s32_t length) {
  xm_s32_t done = 0;
  do {
    const xm_s32_t r = XM_hypercall(__WRITE_OBJECT_NR, OBJDESC_BUILD(OBJ_CLASS_CONSOLE, 0x3fffu, 0),
                                    (xm_u32_t)(buffer + done), (xm_u32_t)(length - done), 0, 0);
    if (r < 0) return done > 0 ? done : r;
    done += r;
  } while (done < length);
  return done;
}

xm_s32_t XM_clear_irqmask(xm_u32_t hw, xm_u32_t ext) { return XM_hypercall(__CLEAR_IRQ_MASK_NR, hw, ext, 0, 0, 0); }
xm_s32_t XM_set_irqmask(xm_u32_t hw, xm_u32_t ext) { return XM_hypercall(__SET_IRQ_MASK_NR, hw, ext, 0, 0, 0); }

/* Hardware line `irq` if the partition owns it, else extended interrupt `irq`. */
static int is_own_line(xm_u32_t irq) { return (libxm_pct->hwIrqs & (1u << irq)) != 0; }

xm_s32_t XM_unmask_irq(xm_u32_t irq) {
  if (irq > XM_VT_EXT_LAST) return XM_INVALID_PARAM;
  return is_own_line(irq) ? XM_clear_irqmask(1u << irq, 0) : XM_clear_irqmask(0, 1u << (irq - XM_VT_EXT_FIRST));
}

xm_s32_t XM_mask_irq(xm_u32_t irq) {
  if (irq > XM_VT_EXT_LAST) return XM_INVALID_PARAM;
  return is_own_line(irq) ? XM_set_irqmask(1u << irq, 0) : XM_set_irqmask(0, 1u << (irq - XM_VT_EXT_FIRST));
}

xm_s32_t XM_write_register32(xm_u32_t reg32, xm_u32_t value) {
  if (reg32 != TBR_REG32) return XM_INVALID_PARAM;
  return HC1(sparc_write_tbr_nr, value);
}

/* The hypervisor keeps the virtual TBR in the PCT: no hypercall needed. */
xm_s32_t XM_read_register32(xm_u32_t reg32, xm_u32_t *value) {
  if (reg32 != TBR_REG32 || value == 0) return XM_INVALID_PARAM;
  *value = libxm_pct->arch.tbr;
  return XM_OK;
}

xmId_t XM_get_vcpuid(void) { return (xmId_t)HC0(__GET_VCPUID_NR); }

xm_s32_t XM_read_object(xmObjDesc_t objDesc, void *buffer, xm_u32_t size, xm_u32_t *flags) {
  return XM_hypercall(__READ_OBJECT_NR, objDesc, (xm_u32_t)buffer, size, (xm_u32_t)flags, 0);
}
xm_s32_t XM_write_object(xmObjDesc_t objDesc, void *buffer, xm_u32_t size, xm_u32_t *flags) {
  return XM_hypercall(__WRITE_OBJECT_NR, objDesc, (xm_u32_t)buffer, size, (xm_u32_t)flags, 0);
}
xm_s32_t XM_seek_object(xmObjDesc_t objDesc, xm_u32_t offset, xm_u32_t whence) {
  return XM_hypercall(__SEEK_OBJECT_NR, objDesc, offset, whence, 0, 0);
}
xm_s32_t XM_ctrl_object(xmObjDesc_t objDesc, xm_u32_t cmd, void *arg) {
  return XM_hypercall(__CTRL_OBJECT_NR, objDesc, cmd, (xm_u32_t)arg, 0, 0);
}

void XM_sparc_flush_regwin(void) { (void)asm_hypercall(sparc_flush_regwin_nr, 0); }
xm_u32_t XM_sparc_get_psr(void) { return asm_hypercall(sparc_get_psr_nr, 0); }
void XM_sparc_set_psr(xm_u32_t flags) { (void)asm_hypercall(sparc_set_psr_nr, flags); }
void XM_sparc_set_pil(void) { (void)asm_hypercall(sparc_set_pil_nr, 0); }
void XM_sparc_clear_pil(void) { (void)asm_hypercall(sparc_clear_pil_nr, 0); }

__attribute__((weak)) void ExceptionHandler(xm_s32_t trapNr) {
  xprintf("exception 0x%x (%d): halting\n", (unsigned)trapNr, (int)trapNr);
  XM_halt_partition(XM_PARTITION_SELF);
}

__attribute__((weak)) void IrqHandler(xm_s32_t irqNr) {
  xprintf("hardware irq %d: halting\n", (int)irqNr);
  XM_halt_partition(XM_PARTITION_SELF);
}

__attribute__((weak)) void ExtIrqHandler(xm_s32_t irqNr) {
  xprintf("extended irq %d: halting\n", (int)irqNr);
  XM_halt_partition(XM_PARTITION_SELF);
}
