/* Every pointer argument of every hypercall in libxm, handed hostile
 * addresses, and every id argument out of range or foreign. Each attack is
 * a sweep: it prints the code of every try and is refused as a whole only
 * if every try that must be refused was (a misaligned pointer into its own
 * memory may be accepted; it only must not fault the hypervisor). */
#include "attacks.h"
#include <xm/objects.h>

static xm_u32_t own[64] __attribute__((aligned(8)));

/* Addresses no hypercall may write (or read, for the inputs): the victim,
 * the hypervisor's code and stacks, the PCT (read-only), the page tables,
 * I/O, 0, wrapping past 4 GB, straddling the end of its own area. */
static xm_u32_t bad(int k) {
  switch (k) {
    case 0: return VICTIM_AREA + 0x100;
    case 1: return HV_CODE;
    case 2: return HV_STACK;
    case 3: return (xm_u32_t)XM_params_get_PCT();
    case 4: return XM_params_get_PCT()->arch.ptdL1;
    case 5: return 0x80000100u;
    case 6: return 0;
    case 7: return 0xfffffff8u;
    case 8: return ATTACKER_AREA + ATTACKER_SIZE - 4;
    default: return (xm_u32_t)own + 2; /* misaligned, own memory */
  }
}
#define NBAD 10
#define MUST(k) ((k) < NBAD - 1)
/* The inputs (the hypervisor reads them): the PCT is readable by its
 * partition, so it is no attack there. */
#define MUST_IN(k) ((k) != 3 && (k) < NBAD - 1)

int ptr_get_time(void) {
  sweep_start();
  for (int k = 0; k < NBAD; ++k) sweep(XM_get_time(XM_HW_CLOCK, (xmTime_t *)bad(k)), MUST(k));
  for (int k = 0; k < NBAD; ++k) sweep(XM_get_time(XM_EXEC_CLOCK, (xmTime_t *)bad(k)), MUST(k));
  /* The edges of the areas the trap path's fast XM_HW_CLOCK checks
   * (arch/sparc/traps.S): the last 8 bytes of its own area (above its
   * stack) and the first and last of the shared one are its own (0 in the
   * transcript); the 8 bytes just past each, and just below its own, are
   * not (the referee's area, unmapped, the victim's): the fast path falls
   * through and the general path refuses them. */
  static const xm_u32_t own_edges[] = {ATTACKER_AREA + ATTACKER_SIZE - 8, SHARED_AREA, SHARED_AREA + 0x1000 - 8};
  static const xm_u32_t past_edges[] = {ATTACKER_AREA + ATTACKER_SIZE, SHARED_AREA + 0x1000, ATTACKER_AREA - 8};
  for (int k = 0; k < 3; ++k) sweep(XM_get_time(XM_HW_CLOCK, (xmTime_t *)own_edges[k]), 0);
  for (int k = 0; k < 3; ++k) sweep(XM_get_time(XM_HW_CLOCK, (xmTime_t *)past_edges[k]), 1);
  return sweep_end();
}
int ptr_write_console(void) {
  sweep_start();
  for (int k = 0; k < NBAD - 1; ++k)
    if (k != 3) sweep(XM_write_console((char *)bad(k), 16), MUST_IN(k));
  return sweep_end();
}
int ptr_partition_status(void) {
  sweep_start();
  for (int k = 0; k < NBAD; ++k) sweep(XM_get_partition_status(XM_PARTITION_SELF, (xmPartitionStatus_t *)bad(k)), MUST(k));
  return sweep_end();
}
int ptr_system_status(void) {
  sweep_start();
  for (int k = 0; k < NBAD; ++k) sweep(XM_get_system_status((xmSystemStatus_t *)bad(k)), MUST(k));
  return sweep_end();
}
int ptr_plan_status(void) {
  sweep_start();
  for (int k = 0; k < NBAD; ++k) sweep(XM_get_plan_status((xmPlanStatus_t *)bad(k)), MUST(k));
  return sweep_end();
}
int ptr_physmem_map(void) {
  sweep_start();
  for (int k = 0; k < NBAD; ++k) sweep(XM_get_physmem_map((xmPhysicalMemMap_t *)bad(k), 16), MUST(k));
  return sweep_end();
}
/* The object calls with each pointer hostile in turn (console and status
 * objects, its own and the hypervisor's). */
int ptr_read_object(void) {
  sweep_start();
  const xmObjDesc_t con = OBJDESC_BUILD(OBJ_CLASS_CONSOLE, ATTACKER, 0);
  for (int k = 0; k < NBAD; ++k) sweep(XM_read_object(con, (void *)bad(k), 16, own), MUST(k));
  for (int k = 0; k < NBAD; ++k) sweep(XM_read_object(con, own, 16, (xm_u32_t *)bad(k)), MUST(k));
  return sweep_end();
}
int ptr_write_object(void) {
  sweep_start();
  const xmObjDesc_t con = OBJDESC_BUILD(OBJ_CLASS_CONSOLE, 0x3fffu, 0);
  for (int k = 0; k < NBAD - 1; ++k)
    if (k != 3) sweep(XM_write_object(con, (void *)bad(k), 8, own), MUST_IN(k));
  /* flags hostile, buffer fine: the console does not use flags (an empty
   * write so nothing reaches the transcript). */
  for (int k = 0; k < NBAD; ++k) sweep(XM_write_object(con, own, 0, (xm_u32_t *)bad(k)), 0);
  return sweep_end();
}
int ptr_ctrl_object(void) {
  sweep_start();
  /* (id 16: XM_GET_PHYSMEM_MAP writes up to 16 areas, not none) */
  const xmObjDesc_t st = OBJDESC_BUILD(OBJ_CLASS_STATUS, ATTACKER, 16);
  for (xm_u32_t cmd = 0; cmd <= 4; ++cmd)
    for (int k = 0; k < NBAD; ++k) sweep(XM_ctrl_object(st, cmd, (void *)bad(k)), MUST(k));
  return sweep_end();
}
/* XM_write_register32(TBR_REG32, ...): a trap table must be 4 KB aligned
 * and wholly the partition's own, not shared, memory. */
int tbr_values(void) {
  sweep_start();
  for (int k = 0; k < NBAD; ++k) sweep(XM_write_register32(TBR_REG32, bad(k)), MUST(k));
  sweep(XM_write_register32(TBR_REG32, ATTACKER_AREA + ATTACKER_SIZE - 4096 + 0), 0); /* its own last page: fine */
  sweep(XM_write_register32(TBR_REG32, ATTACKER_AREA + ATTACKER_SIZE - 2048), 1);     /* straddling, misaligned */
  sweep(XM_write_register32(TBR_REG32, VICTIM_AREA), 1);
  return sweep_end();
}

/* Issue 9, point 11: a trap table in an area another partition writes. */
int tbr_shared(void) { return XM_write_register32(TBR_REG32, SHARED_AREA); }

/* --- ids */
static const xm_u32_t ids[] = {VICTIM, REFEREE, 3, 15, 16, 0xff, 0x3fff, 0x4001, 0xffffffffu};
#define NIDS (int)(sizeof ids / sizeof ids[0])

int ids_halt(void) { sweep_start(); for (int k = 0; k < NIDS; ++k) sweep(XM_halt_partition(ids[k]), 1); return sweep_end(); }
int ids_suspend(void) { sweep_start(); for (int k = 0; k < NIDS; ++k) sweep(XM_suspend_partition(ids[k]), 1); return sweep_end(); }
int ids_resume(void) { sweep_start(); for (int k = 0; k < NIDS; ++k) sweep(XM_resume_partition(ids[k]), 1); return sweep_end(); }
int ids_reset(void) {
  sweep_start();
  for (int k = 0; k < NIDS; ++k) sweep(XM_reset_partition(ids[k], XM_WARM_RESET, 0), 1);
  for (int k = 0; k < NIDS; ++k) sweep(XM_reset_partition(ids[k], XM_COLD_RESET, 0), 1);
  return sweep_end();
}
int ids_shutdown(void) { sweep_start(); for (int k = 0; k < NIDS; ++k) sweep(XM_shutdown_partition(ids[k]), 1); return sweep_end(); }
int ids_status(void) {
  xmPartitionStatus_t st;
  sweep_start();
  for (int k = 0; k < NIDS; ++k) sweep(XM_get_partition_status(ids[k], &st), 1);
  return sweep_end();
}
/* Issue 9, point 9: the 14-bit partition field of the descriptor, through
 * the raw object call (libxm's own check bypassed): 0x4002 would be
 * partition 2 and 0x3fff the caller if the hypervisor truncated. */
int ids_status_alias(void) {
  xmPartitionStatus_t st;
  sweep_start();
  const xm_u32_t raw[] = {OBJDESC_BUILD(OBJ_CLASS_STATUS, VICTIM, 0), OBJDESC_BUILD(OBJ_CLASS_STATUS, 0x3fffu, 0),
                          OBJDESC_BUILD(OBJ_CLASS_STATUS, 0x4002u & 0x3fffu, 0) | 0x00100000u,
                          OBJDESC_BUILD(OBJ_CLASS_STATUS, REFEREE, 0x3ffu), 0x07ffffffu, 0xffffffffu};
  for (int k = 0; k < 6; ++k) sweep(XM_hypercall(__CTRL_OBJECT_NR, raw[k], XM_GET_PARTITION_STATUS, (xm_u32_t)&st, 0, 0), 1);
  sweep(XM_get_partition_status(0x4002u, &st), 1);
  sweep(XM_get_partition_status(0x3fffu, &st), 1);
  return sweep_end();
}
int ids_clock(void) {
  xmTime_t t;
  sweep_start();
  const xm_u32_t clk[] = {2, 0x80000000u, 0xffffffffu};
  for (int k = 0; k < 3; ++k) sweep(XM_get_time(clk[k], &t), 1);
  for (int k = 0; k < 3; ++k) sweep(XM_set_timer(clk[k], 1000000, 0), 1);
  sweep(XM_set_timer(XM_HW_CLOCK, -1, 0), 1);   /* negative times */
  sweep(XM_set_timer(XM_HW_CLOCK, 1000000, -5), 1);
  return sweep_end();
}
int ids_reset_mode(void) {
  sweep_start();
  const xm_u32_t mode[] = {2, 0x80000000u, 0xffffffffu};
  for (int k = 0; k < 3; ++k) sweep(XM_reset_partition(XM_PARTITION_SELF, mode[k], 0), 1);
  return sweep_end();
}
int ids_register(void) {
  sweep_start();
  const xm_u32_t reg[] = {1, 2, 0xffffffffu};
  for (int k = 0; k < 3; ++k) sweep(XM_write_register32(reg[k], 0), 1);
  for (int k = 0; k < 3; ++k) sweep(XM_hypercall(sparc_write_tbr_nr + 1, reg[k], 0, 0, 0, 0), 1); /* write_ptdl1 */
  return sweep_end();
}
/* Every unbound or out-of-range hypercall number. */
int ids_hypercall(void) {
  sweep_start();
  for (xm_u32_t nr = 0; nr < NR_HYPERCALLS; ++nr) {
    if ((nr >= 1 && nr <= 16) || nr == __GET_VCPUID_NR || nr == sparc_write_tbr_nr) continue; /* bound: tried elsewhere */
    sweep(XM_hypercall(nr, 0, 0, 0, 0, 0), 1);
  }
  const xm_u32_t far[] = {NR_HYPERCALLS, 999, 0x7fffffffu, 0x80000000u, 0xffffffffu};
  for (int k = 0; k < 5; ++k) sweep(XM_hypercall(far[k], 0, 0, 0, 0, 0), 1);
  return sweep_end();
}
int ids_asm_hypercall(void) {
  sweep_start();
  const xm_u32_t nrs[] = {sparc_ctrl_winflow_nr, NR_ASM_HYPERCALLS, 0x100, 0xffffffffu};
  for (int k = 0; k < 4; ++k) {
    register xm_u32_t o0 __asm__("o0") = nrs[k];
    __asm__ volatile("ta 0x71" : "+r"(o0)::"memory", "cc");
    sweep((int)o0, 1);
  }
  return sweep_end();
}
int ids_object_class(void) {
  xm_u32_t v = 0;
  sweep_start();
  const xm_u32_t cls[] = {OBJ_CLASS_NULL, OBJ_CLASS_TRACE, OBJ_CLASS_SAMPLING_PORT, OBJ_CLASS_HM, 8, 0x55, 0xff};
  for (int k = 0; k < 7; ++k) {
    const xmObjDesc_t d = OBJDESC_BUILD(cls[k], ATTACKER, 0);
    sweep(XM_read_object(d, own, 4, &v), 1);
    sweep(XM_write_object(d, own, 4, &v), 1);
    sweep(XM_seek_object(d, 0, 0), 1);
    sweep(XM_ctrl_object(d, 0, own), 1);
  }
  return sweep_end();
}
/* What only a system partition may do. */
int system_only(void) {
  xmSystemStatus_t s;
  sweep_start();
  sweep(XM_halt_system(), 1);
  sweep(XM_reset_system(XM_WARM_RESET), 1);
  sweep(XM_reset_system(XM_COLD_RESET), 1);
  sweep(XM_get_system_status(&s), 1);
  return sweep_end();
}
/* Console lengths past the bound, negative, and one that ends past its
 * own area. */
int console_lengths(void) {
  sweep_start();
  sweep(XM_write_console((char *)own, 0x10000000), 1); /* past its memory (any length of its own is fine) */
  sweep(XM_write_console((char *)own, -1), 1);
  sweep(XM_write_console((char *)own, (xm_s32_t)0x80000000u), 1);
  sweep(XM_write_console((char *)(ATTACKER_AREA + ATTACKER_SIZE - 8), 16), 1);
  sweep(XM_write_console((char *)(ATTACKER_AREA - 8), 16), 1);
  return sweep_end();
}
