/* Attacks through the trap path: XM_sparc_iret with forged frames, forged
 * PSR bits, stack pointers that make the hypervisor spill or fill windows
 * where it must not, every `ta` number, trap and hypercall storms, and the
 * processor exceptions a partition takes itself (att_traptab in main.c
 * counts them in trap_hits and steps over the trapping instruction). */
#include "attacks.h"

/* --- XM_sparc_iret with a forged frame. The handler window's %l0 (PSR),
 * %l1/%l2 (PC/nPC) are what iret returns with; iret_with() makes such a
 * window and calls iret from it, with %sp = `sp` (0: its own valid one).
 * If iret refuses with a code, iret_with returns it. */
int iret_with(xm_u32_t l0, xm_u32_t pc, xm_u32_t npc, xm_u32_t sp);
__asm__(".text\n.align 4\n.global iret_with\niret_with:\n save %sp, -96, %sp\n"
        " mov %i0, %l0\n mov %i1, %l1\n mov %i2, %l2\n tst %i3\n bne,a 1f\n mov %i3, %sp\n"
        "1: mov 0, %o0\n ta 0x71\n mov %o0, %i0\n ret\n restore\n");

/* Where a forged iret lands: in the window of iret_with's caller (iret
 * returns to the window above, as rett does), so the stack is valid. The
 * first instruction is privileged: the partition must still be in user
 * mode. */
void landed(xm_u32_t psr);
__asm__(".text\n.align 4\n.global landing\nlanding:\n rd %psr, %o0\n call landed\n nop\n");
extern char landing[];

void landed(xm_u32_t psr) {
  xprintf("attack %u: read %%psr 0x%08x after a forged iret: NOT STOPPED\n", (unsigned)attack_number(), (unsigned)psr);
  XM_reset_partition(XM_PARTITION_SELF, XM_WARM_RESET, attack_number() + 1);
}

#define ET_PIL0 XM_IFLAGS_ET
int iret_pc_misaligned(void) { return iret_with(ET_PIL0, (xm_u32_t)landing + 2, (xm_u32_t)landing + 4, 0); }
int iret_npc_misaligned(void) { return iret_with(ET_PIL0, (xm_u32_t)landing, (xm_u32_t)landing + 6, 0); }
int iret_npc_plus5(void) { return iret_with(ET_PIL0, (xm_u32_t)landing, (xm_u32_t)landing + 5, 0); }
int iret_pc_hv(void) { return iret_with(ET_PIL0, HV_CODE, HV_CODE + 4, 0); }
int iret_sp_hv(void) { return iret_with(ET_PIL0, (xm_u32_t)landing, (xm_u32_t)landing + 4, HV_STACK); }
int iret_sp_foreign(void) { return iret_with(ET_PIL0, (xm_u32_t)landing, (xm_u32_t)landing + 4, VICTIM_AREA + 0x1000); }
/* Every PSR bit set in the frame: S, PS, ET, EF, PIL, CWP, impl/ver. */
int iret_forged_psr(void) { return iret_with(0xffffffffu, (xm_u32_t)landing, (xm_u32_t)landing + 4, 0); }
int set_psr_forged(void) {
  XM_sparc_set_psr(0xffffffffu);
  xm_u32_t psr;
  __asm__ volatile("rd %%psr, %0" : "=r"(psr));
  xprintf("  read %%psr 0x%08x\n", (unsigned)psr);
  return R_BROKEN;
}

/* --- hostile stack pointers. with_sp(sp, saves) moves into a new window,
 * points its %sp at `sp` and executes `saves` SAVEs then as many
 * RESTOREs: the hypervisor spills (and fills) the windows at `sp` and
 * below. Returns only if nothing stopped it. */
void with_sp(xm_u32_t sp, xm_u32_t saves);
__asm__(".text\n.align 4\n.global with_sp\nwith_sp:\n save %sp, -96, %sp\n mov %i0, %sp\n mov %i1, %g1\n"
        "1: save %sp, -96, %sp\n subcc %g1, 1, %g1\n bne 1b\n nop\n mov %i1, %g1\n"
        "2: restore\n subcc %g1, 1, %g1\n bne 2b\n nop\n ret\n restore\n");

int sp_hv_spill(void) { with_sp(HV_STACK, 10); return R_BROKEN; }
int sp_victim_spill(void) { with_sp(VICTIM_AREA + 0x1000, 10); return R_BROKEN; }
int sp_misaligned(void) { with_sp(ATTACKER_AREA + ATTACKER_SIZE - 0x1004, 10); return R_BROKEN; }
int sp_wrap(void) { with_sp(0xfffffff8u, 10); return R_BROKEN; }
int sp_pct(void) { with_sp((xm_u32_t)XM_params_get_PCT() + 0x800, 10); return R_BROKEN; }
/* A window's save area (64 bytes) straddling its own area's end, or its
 * start (the windows after it lie below its area). Nothing of its own
 * memory is overwritten: a warm reset must find its code intact. */
int sp_straddle_top(void) { with_sp(ATTACKER_AREA + ATTACKER_SIZE - 32, 10); return R_BROKEN; }
int sp_below_area(void) { with_sp(ATTACKER_AREA - 8, 10); return R_BROKEN; }

/* Issue 9, point 2 (reading): the windows above flushed to its own stack,
 * %fp pointed into the hypervisor's stack, RESTORE: the fill must be
 * refused, not loaded from the hypervisor's memory. */
xm_u32_t filled[8];
xm_u32_t rescue_stack[256] __attribute__((aligned(8)));
void fp_filled(void) {
  xprintf("attack %u: filled a window from the hypervisor's stack: %08x %08x %08x %08x: NOT STOPPED\n",
          (unsigned)attack_number(), (unsigned)filled[0], (unsigned)filled[1], (unsigned)filled[2], (unsigned)filled[3]);
  XM_reset_partition(XM_PARTITION_SELF, XM_WARM_RESET, attack_number() + 1);
}
void fill_from(xm_u32_t fp);
__asm__(".text\n.align 4\n.global fill_from\nfill_from:\n save %sp, -96, %sp\n"
        " mov 1, %o0\n ta 0x71\n" /* sparc_flush_regwin: the caller's window is now only in memory */
        " mov %i0, %fp\n restore\n"
        " set filled, %g1\n st %l0, [%g1]\n st %l1, [%g1 + 4]\n st %l2, [%g1 + 8]\n st %i7, [%g1 + 12]\n"
        " set rescue_stack + 1024 - 96, %sp\n call fp_filled\n nop\n");
int fp_hv_fill(void) { fill_from(HV_STACK); return R_BROKEN; }

/* Issue 9, point 3: an invalid %sp left at the slot end. The switch's
 * window flush cannot spill it; that must be charged to the attacker, not
 * to the victim switched to. The hypervisor variant spills into its own
 * stacks if it accepts them. */
void spin_with_sp(xm_u32_t sp);
__asm__(".text\n.align 4\n.global spin_with_sp\nspin_with_sp:\n save %sp, -96, %sp\n mov %i0, %sp\n"
        "1: ba 1b\n nop\n");
int sp_bad_at_slot_end(void) { spin_with_sp(VICTIM_AREA + 0x1000); return R_BROKEN; }
int sp_hv_at_slot_end(void) { spin_with_sp(HV_STACK); return R_BROKEN; }

/* Deep recursion, then a hostile %sp at the bottom and deeper still. */
static int recurse(int depth) {
  if (depth == 0) {
    with_sp(HV_CODE + 0x100, 10);
    return 1;
  }
  volatile int pad[4] = {depth, 0, 0, 0};
  return recurse(depth - 1) + pad[0];
}
int deep_recursion_bad_sp(void) { recurse(100); return R_BROKEN; }

/* --- `ta`. Issue 9, point 10: ta 3 (flush windows, the SPARC ABI's) must
 * not halt the partition. */
int ta_3(void) {
  __asm__ volatile("ta 3" ::: "memory");
  if (trap_hits[0x83]) xprintf(" (went to its own trap table)");
  return R_HANDLED;
}

/* Every software trap 0..0x7f but the hypercalls (0x70, 0x71) and 3: each
 * must reach the partition's own table (or be refused) without hurting
 * anyone. `ta %reg` takes the number from a register. */
int ta_all(void) {
  int missing = 0;
  for (xm_u32_t n = 0; n < 0x80; ++n) {
    if (n == 3 || n == 0x10 || n == 0x70 || n == 0x71) continue; /* 0x10: handler_spins */
    __asm__ volatile("ta %0" ::"r"(n) : "memory");
    if (trap_hits[0x80 + n] != 1) {
      if (missing++ < 8) xprintf(" ta 0x%x:%u", (unsigned)n, (unsigned)trap_hits[0x80 + n]);
    }
  }
  if (missing) xprintf(" (%d not delivered once)", missing);
  return R_HANDLED;
}

/* Storms across a slot end: the partition is preempted in the middle and
 * the victim must still start on time. */
static int storm(int hypercalls) {
  const xmTime_t start = XM_params_get_PCT()->schedInfo.slotStart;
  xm_u32_t k = 0;
  while (XM_params_get_PCT()->schedInfo.slotStart == start) {
    if (hypercalls) (void)XM_get_vcpuid();
    else __asm__ volatile("ta 5" ::: "memory");
    ++k;
  }
  return R_HANDLED;
}
int trap_storm(void) { return storm(0); }
int hypercall_storm(void) { return storm(1); }

/* A virtual trap handler preempted before it sets its %sp: the handler's
 * window starts with a stale %sp (traps.S, stratum_deliver_vtrap), which
 * the switch at the slot end spills to. att_traptab spins on `ta 0x10`. */
int handler_spins(void) {
  __asm__ volatile("ta 0x10" ::: "memory");
  return R_BROKEN;
}

/* Processor exceptions it takes itself. */
int misaligned_load(void) {
  volatile xm_u32_t v = 0;
  __asm__ volatile("ld [%1], %0" : "=r"(v) : "r"((xm_u32_t)&trap_hits[0] + 2) : "memory");
  return trap_hits[0x07] == 1 ? R_HANDLED : R_BROKEN;
}
int illegal_instruction(void) {
  __asm__ volatile("unimp 0x1234" ::: "memory");
  return trap_hits[0x02] == 1 ? R_HANDLED : R_BROKEN;
}
/* The attacker's HealthMonitor table (system.xml) binds
 * XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION to XM_HM_AC_IGNORE, not the default
 * (its virtual trap 0x2a): the hypervisor steps over the udiv, and the
 * attacker goes on here with no virtual trap taken. */
int divide_by_zero(void) {
  xm_u32_t q;
  volatile xm_u32_t went_on = 0;
  /* (the hypervisor writes the action's line: the attack's line is started
   * again after it, as for the attacks that are not QUICK) */
  xprintf("\n");
  __asm__ volatile("wr %%g0, %%y\n nop\n nop\n nop\n udiv %1, %2, %0" : "=r"(q) : "r"(7), "r"(0) : "memory");
  went_on = 1;
  if (trap_hits[0x2a] != 0 || went_on != 1) {
    xprintf(" virtual trap 0x2a taken %u times: XM_HM_AC_IGNORE was not applied", (unsigned)trap_hits[0x2a]);
    return R_BROKEN;
  }
  xprintf("attack %u division by zero:", (unsigned)attack_number());
  return R_HANDLED;
}
/* A trap with its virtual traps disabled: a real SPARC enters error mode;
 * the hypervisor must stop the partition, not the machine. */
int trap_with_et0(void) {
  XM_sparc_set_psr(XM_sparc_get_psr() & ~XM_IFLAGS_ET);
  __asm__ volatile("ta 5" ::: "memory");
  return R_BROKEN;
}
/* Unmasking every hardware line, its own or not (it owns none): no
 * interrupt of a line it does not own may reach it. Runs until it comes
 * back in its next slot. */
int unmask_foreign_irqs(void) {
  XM_clear_irqmask(0xffffffffu, 0);
  const xmTime_t start = XM_params_get_PCT()->schedInfo.slotStart;
  while (XM_params_get_PCT()->schedInfo.slotStart == start) {
  }
  int got = 0;
  for (int v = 0x11; v <= 0x1f; ++v) got += trap_hits[v];
  if (got == 0) return R_HANDLED;
  xprintf(" received %d hardware interrupts it does not own", got);
  return R_BROKEN;
}

/* --- The trap path's fast XM_sparc_iret (arch/sparc/iret.S) must check
 * what the general path checks. PC or nPC the aligned word just past its
 * own area (the other one valid: a check off by one word lands there and
 * faults with another message), or in the victim's. */
int iret_pc_past_area(void) { return iret_with(ET_PIL0, ATTACKER_AREA + ATTACKER_SIZE, (xm_u32_t)landing, 0); }
int iret_npc_past_area(void) { return iret_with(ET_PIL0, (xm_u32_t)landing, ATTACKER_AREA + ATTACKER_SIZE, 0); }
int iret_npc_victim(void) { return iret_with(ET_PIL0, (xm_u32_t)landing, VICTIM_AREA + 0x100, 0); }
int iret_pc_victim(void) { return iret_with(ET_PIL0, VICTIM_AREA + 0x100, (xm_u32_t)landing, 0); }

/* The interrupted window (the caller's) is not in the register file at the
 * iret (`ta 3` put it on its stack): the iret fills it from the caller's
 * %sp, the handler's %fp, as a RESTORE would. With `fp` != 0 that %fp is
 * hostile first: the fill must be refused (the partition stopped), never
 * loaded. With fp = 0 the iret returns to the caller like `ret; restore`,
 * its registers back from its stack, %o0 = 0x1e7c0de. */
xm_u32_t iret_spilled(xm_u32_t fp);
__asm__(".text\n.align 4\n.global iret_spilled\niret_spilled:\n save %sp, -96, %sp\n"
        " set 0x20, %l0\n add %i7, 8, %l1\n add %i7, 12, %l2\n" /* ET, PIL 0; back to the caller */
        " ta 3\n tst %i0\n bne,a 1f\n mov %i0, %fp\n"
        "1: set 0x1e7c0de, %i0\n mov 0, %o0\n ta 0x71\n"
        "2: ba 2b\n nop\n");
static xm_u32_t keep_l[4];
int iret_spilled_window(void) {
  /* values the caller's window must still hold after the fill */
  volatile xm_u32_t a = 0xa11a, b = 0xb22b;
  keep_l[0] = a;
  const xm_u32_t r = iret_spilled(0);
  keep_l[1] = b;
  if (r != 0x1e7c0de || keep_l[0] != 0xa11a || keep_l[1] != 0xb22b) {
    xprintf(" returned 0x%x", (unsigned)r);
    return R_BROKEN;
  }
  return R_HANDLED;
}
int iret_spilled_fp_hv(void) { iret_spilled(HV_STACK); return R_BROKEN; }
int iret_spilled_fp_victim(void) { iret_spilled(VICTIM_AREA + 0x1000); return R_BROKEN; }

/* An extended interrupt pending and unmasked while its virtual interrupts
 * are closed (PIL 15); the iret opens them (ET, PIL 0): the interrupt must
 * be delivered at once, before the first instruction it returns to. */
void landed_open(void);
__asm__(".text\n.align 4\n.global landing_open\nlanding_open:\n call landed_open\n nop\n");
extern char landing_open[];
#define TIMER_VECTOR (XM_VT_EXT_BASE_VECTOR + XM_VT_EXT_HW_TIMER - XM_VT_EXT_FIRST)
static xm_u32_t hits_before;
void landed_open(void) {
  const xm_u32_t got = trap_hits[TIMER_VECTOR] - hits_before;
  if (got == 1) xprintf(" handled\n");
  else xprintf(" delivered %u times before the first instruction: NOT STOPPED\n", (unsigned)got);
  XM_reset_partition(XM_PARTITION_SELF, XM_WARM_RESET, attack_number() + 1);
}
int iret_opens_pending(void) {
  XM_disable_irqs();
  XM_unmask_irq(XM_VT_EXT_HW_TIMER);
  const int r = XM_set_timer(XM_HW_CLOCK, now_us() + 20, 0);
  if (r < 0) return r;
  while ((XM_params_get_PCT()->extIrqsPend & (1u << XM_VT_EXT_HW_TIMER)) == 0) {
  }
  hits_before = trap_hits[TIMER_VECTOR];
  iret_with(ET_PIL0, (xm_u32_t)landing_open, (xm_u32_t)landing_open + 4, 0);
  return R_BROKEN;
}

/* A virtual trap taken with the partition's windows still in the register
 * file: the handler's window and every one it SAVEs into below it held the
 * kernel's frames a moment ago. None of their registers may still hold a
 * hypervisor address (its 512 KB area) or a real PSR (impl/ver 0xf3), nor
 * may the windows below once the handler's iret is back (the window traps
 * the SAVEs meet leave no PSR either).
 * scan_traptab sends every vector to scan_trap, which looks at its window's
 * %o and %l3..%l7, SAVEs six times looking at each window's %l and %o
 * (%o6 is its own %sp), comes back and steps over the `ta`. */
xm_u32_t hv_values_seen;
#define SCAN_ASM(r) " srl " r ", 19, %g4\n cmp %g4, 0x800\n be,a 1f\n inc %g3\n1: srl " r ", 24, %g4\n" \
                    " cmp %g4, 0xf3\n be,a 1f\n inc %g3\n1:\n"
#define SCAN_LO \
  SCAN_ASM("%l0") SCAN_ASM("%l1") SCAN_ASM("%l2") SCAN_ASM("%l3") SCAN_ASM("%l4") SCAN_ASM("%l5") SCAN_ASM("%l6") \
  SCAN_ASM("%l7") SCAN_ASM("%o0") SCAN_ASM("%o1") SCAN_ASM("%o2") SCAN_ASM("%o3") SCAN_ASM("%o4") SCAN_ASM("%o5") \
  SCAN_ASM("%o7")
#define SCAN_DEEPER " save %sp, -96, %sp\n" SCAN_LO
__asm__(".text\n.align 4096\n.global scan_traptab\nscan_traptab:\n"
        ".rept 256\n sethi %hi(scan_trap), %l5\n jmp %l5 + %lo(scan_trap)\n nop\n nop\n.endr\n"
        "scan_trap:\n clr %g3\n"
        SCAN_ASM("%o0") SCAN_ASM("%o1") SCAN_ASM("%o2") SCAN_ASM("%o3") SCAN_ASM("%o4") SCAN_ASM("%o5")
        SCAN_ASM("%o6") SCAN_ASM("%o7") SCAN_ASM("%l3") SCAN_ASM("%l4") SCAN_ASM("%l6") SCAN_ASM("%l7")
        " sub %fp, 256, %sp\n"
        SCAN_DEEPER SCAN_DEEPER SCAN_DEEPER SCAN_DEEPER SCAN_DEEPER SCAN_DEEPER
        " restore\n restore\n restore\n restore\n restore\n restore\n"
        " set hv_values_seen, %g4\n st %g3, [%g4]\n"
        " mov %l2, %l1\n add %l2, 4, %l2\n mov 0, %o0\n ta 0x71\n");
extern char scan_traptab[];
/* The same look at the six windows below its caller's, after the handler's
 * iret came back: the handler's window, then the trap window of its iret
 * (answered in the trap window, arch/sparc/iret.S), then what lies below. */
xm_u32_t scan_below(void);
__asm__(".text\n.align 4\n.global scan_below\nscan_below:\n clr %g3\n"
        SCAN_DEEPER SCAN_DEEPER SCAN_DEEPER SCAN_DEEPER SCAN_DEEPER SCAN_DEEPER
        " restore\n restore\n restore\n restore\n restore\n restore\n retl\n mov %g3, %o0\n");
int handler_windows_clean(void) {
  XM_write_register32(TBR_REG32, (xm_u32_t)scan_traptab);
  hv_values_seen = 0xdead;
  __asm__ volatile("ta 5" ::: "g3", "g4", "memory");
  const xm_u32_t below = scan_below();
  install_trap_table();
  if (hv_values_seen == 0 && below == 0) return R_HANDLED;
  xprintf(" %u hypervisor values in the handler's windows, %u after its iret", (unsigned)hv_values_seen,
          (unsigned)below);
  return R_BROKEN;
}
