/* Attacks on memory: other partitions', the hypervisor's, the page tables,
 * the PCTs, I/O the partition does not own, the shared area, privileged
 * instructions and the previous partition's registers. Each must be
 * stopped by the hypervisor (the referee sees the attacker halted), except
 * stale_registers, which checks what a partition finds in its windows. */
#include "attacks.h"

#define STORE(addr) (*(volatile xm_u32_t *)(addr) = 0xbadc0de)
#define LOAD(addr) ((void)*(volatile xm_u32_t *)(addr))

/* Each returns only if the access went through. */
int store_victim(void) { STORE(VICTIM_AREA + 0x100); return R_BROKEN; }
int load_victim(void) { LOAD(VICTIM_AREA + 0x100); return R_BROKEN; }
int store_hv_code(void) { STORE(HV_CODE); return R_BROKEN; }
int load_hv_code(void) { LOAD(HV_CODE); return R_BROKEN; }
int store_hv_stack(void) { STORE(HV_STACK); return R_BROKEN; }
int store_page_tables(void) { STORE(XM_params_get_PCT()->arch.ptdL1); return R_BROKEN; }
int load_page_tables(void) { LOAD(XM_params_get_PCT()->arch.ptdL1); return R_BROKEN; }
/* Its own PCT is mapped read-only: flags = system would make it a system
 * partition if the hypervisor trusted the page. */
int store_own_pct(void) { STORE(&XM_params_get_PCT()->flags); return R_BROKEN; }
/* The PCT pages are consecutive, one per partition: the victim's is one
 * page below. */
int store_victim_pct(void) { STORE((xm_u32_t)XM_params_get_PCT() - 4096 * (ATTACKER - VICTIM)); return R_BROKEN; }
int load_victim_pct(void) { LOAD((xm_u32_t)XM_params_get_PCT() - 4096 * (ATTACKER - VICTIM)); return R_BROKEN; }
int store_io_apb(void) { STORE(0x80000000u); return R_BROKEN; }
int load_io_uart(void) { LOAD(0x80000100u); return R_BROKEN; }
/* GPTIMER timer 1's control register: stopping it would stop the plan. */
int store_io_timer(void) { STORE(0x80000318u); return R_BROKEN; }
/* IRQMP's mask register: masking the timer line would do the same. */
int store_irqmp(void) { STORE(0x80000240u); return R_BROKEN; }
int store_null(void) { STORE(0); return R_BROKEN; }

typedef void (*code_t)(void);
int jump_hv_code(void) { ((code_t)HV_CODE)(); return R_BROKEN; }
int jump_victim_code(void) { ((code_t)(VICTIM_AREA + 0x40))(); return R_BROKEN; }

/* Issue 9, point 11: the shared area is writable by the victim too, so it
 * must not be executable: code placed there runs with the attacker's
 * rights but can be rewritten by another partition. */
int exec_shared(void) {
  volatile xm_u32_t *code = (volatile xm_u32_t *)SHARED_AREA;
  code[0] = 0x81c3e008u; /* retl */
  code[1] = 0x01000000u; /* nop */
  __asm__ volatile("flush %0" ::"r"(SHARED_AREA) : "memory");
  ((code_t)SHARED_AREA)();
  xprintf("  executed code in an area another partition writes\n");
  return R_BROKEN;
}

/* Privileged instructions: a user-mode partition must trap on each. */
int wr_psr(void) { __asm__ volatile("wr %%g0, 0xfa0, %%psr\n nop\n nop\n nop" ::: "memory"); return R_BROKEN; }
int rd_psr(void) { xm_u32_t v; __asm__ volatile("rd %%psr, %0" : "=r"(v)); xprintf("  read %%psr 0x%x\n", (unsigned)v); return R_BROKEN; }
int wr_wim(void) { __asm__ volatile("wr %%g0, 0, %%wim\n nop\n nop\n nop" ::: "memory"); return R_BROKEN; }
int rd_tbr(void) { xm_u32_t v; __asm__ volatile("rd %%tbr, %0" : "=r"(v)); xprintf("  read %%tbr 0x%x\n", (unsigned)v); return R_BROKEN; }
/* ASI 0x19 is the SRMMU's registers: 0 in the control register turns the
 * MMU (and with it every partition's isolation) off. */
int sta_mmu(void) { __asm__ volatile("sta %%g0, [%%g0] 0x19" ::: "memory"); return R_BROKEN; }
int lda_mmu(void) { xm_u32_t v; __asm__ volatile("lda [%%g0] 0x19, %0" : "=r"(v)); return R_BROKEN; }
int sta_cache_flush(void) { __asm__ volatile("sta %%g0, [%%g0] 0x11" ::: "memory"); return R_BROKEN; }

/* Issue 9, point 4. The attacker gives its slot away (XM_idle_self) and,
 * at its next slot start, right after the victim's slot, moves into six
 * windows it did not use and reads their %l and %o registers and %y. The
 * victim holds 0x5ec7e7xx in its %l0..%l7 and %y while it waits; the
 * hypervisor's own values (addresses in 0x40000000..0x4007ffff) must not
 * show either. */
static xm_u32_t seen[6 * 16];
void peek_windows(xm_u32_t *buf);
__asm__(".text\n.align 4\n.global peek_windows\npeek_windows:\n mov %o0, %g1\n"
        ".rept 6\n save %sp, -96, %sp\n"
        " st %l0, [%g1]\n st %l1, [%g1 + 4]\n st %l2, [%g1 + 8]\n st %l3, [%g1 + 12]\n"
        " st %l4, [%g1 + 16]\n st %l5, [%g1 + 20]\n st %l6, [%g1 + 24]\n st %l7, [%g1 + 28]\n"
        " st %o0, [%g1 + 32]\n st %o1, [%g1 + 36]\n st %o2, [%g1 + 40]\n st %o3, [%g1 + 44]\n"
        " st %o4, [%g1 + 48]\n st %o5, [%g1 + 52]\n rd %y, %g2\n st %g2, [%g1 + 56]\n st %o7, [%g1 + 60]\n"
        " add %g1, 64, %g1\n.endr\n"
        ".rept 6\n restore\n.endr\n retl\n nop\n");

int stale_registers(void) {
  XM_idle_self(); /* back here at the start of the next slot */
  peek_windows(seen);
  int victim = 0, hv = 0;
  for (int i = 0; i < 6 * 16; ++i) {
    if ((seen[i] & 0xffffff00u) == 0x5ec7e700u) ++victim;
    else if (seen[i] >= HV_AREA && seen[i] < HV_AREA + 0x80000u) ++hv;
  }
  if (victim == 0 && hv == 0) return R_HANDLED;
  xprintf("  read %d of the victim's secrets and %d hypervisor addresses in its unused windows\n", victim, hv);
  return R_BROKEN;
}
