/* The permanent attack suite (issue 9, deliverable 2): declarations shared
 * by the victim, the referee and the attacker, which are one program built
 * once per partition (each picks its role by its id, as in
 * tests/qemu/isolation). See main.c for the protocol. */
#ifndef ATTACKS_H
#define ATTACKS_H

#include <xm.h>

/* The system (system.xml): ids, areas, the plan. */
#define VICTIM 0
#define ATTACKER 1
#define REFEREE 2
#define VICTIM_AREA 0x40100000u
#define ATTACKER_AREA 0x40120000u
#define ATTACKER_SIZE 0x20000u
#define REFEREE_AREA 0x40140000u
#define SHARED_AREA 0x40160000u /* shared by the victim (writes it) and the attacker */
#define HV_AREA 0x40000000u
/* Inside the hypervisor's own stacks, which sit at a fixed place whatever
 * the code's size (include/stratum/layout.hpp): 160 KB below the end of the
 * 512 KB XMHypervisor area, 32 KB long; this is in the kernel's own stack,
 * the live one. */
#define HV_STACK 0x4005c000u
#define HV_CODE 0x40000000u /* the hypervisor's trap table */

/* What an attack function returns (to the driver in main.c):
 *  < 0        the hypervisor refused it with that code;
 *  R_HANDLED  the trap or call was handled as the manual says and nobody
 *             else was hurt (functional checks that passed);
 *  R_BROKEN   it printed why isolation (or the manual) is broken;
 *  >= 0 else  a hostile call succeeded: NOT STOPPED. */
#define R_HANDLED 0x10000
#define R_BROKEN 0x20000

/* How the referee judges an attack it finds still running after the
 * attacker's slot. */
enum kind {
  QUICK,   /* returns within its slot (refused or handled) */
  STOP,    /* the hypervisor must stop the attacker (halt or suspend it: its HM table) */
  PREEMPT, /* spins: must be preempted at its slot end, then reset */
  LONG,    /* lasts a few slots by design (idle, timers): reported by itself */
};

struct attack {
  const char *name;
  int (*fn)(void);
  enum kind kind;
  /* Non-null: skipped, and why (it breaks isolation, crashes QEMU or hangs
   * on today's code: issue 9). Build with -DATTACKS_RUN_BROKEN to run them. */
  const char *broken;
};

/* The table, in main.c; the attacks, by topic. */
extern const struct attack attacks[];
extern const int attack_count;

void referee(void); /* the system partition's loop (referee.c) */

/* attacker helpers (main.c) */
extern volatile xm_u32_t trap_hits[256]; /* virtual traps taken, by vector (traptab in traps.c) */
extern volatile xm_u32_t last_vector;
void install_trap_table(void);
xm_u32_t attack_number(void);
xm_u32_t attack_round(void);                 /* upper half of resetStatus: a counter an attack keeps across its own resets */
void restart_attack(xm_u32_t mode, xm_u32_t round); /* resets itself into the same attack, round `round` */
xmTime_t now_us(void);
xmTime_t slot_end_us(void);
int sweep_start(void);                       /* for attacks that try many values */
void sweep(int code, int must_refuse);
int sweep_end(void);

/* The attacks. */
#define A(f) int f(void)
/* memory.c */
A(store_victim); A(load_victim); A(store_hv_code); A(load_hv_code); A(store_hv_stack); A(store_page_tables);
A(load_page_tables); A(store_own_pct); A(store_victim_pct); A(load_victim_pct); A(store_io_apb); A(load_io_uart);
A(store_io_timer); A(store_irqmp); A(store_null); A(jump_hv_code); A(jump_victim_code); A(exec_shared);
A(wr_psr); A(rd_psr); A(wr_wim); A(rd_tbr); A(sta_mmu); A(lda_mmu); A(sta_cache_flush); A(stale_registers);
/* pointers.c */
A(ptr_get_time); A(ptr_write_console); A(ptr_partition_status); A(ptr_system_status); A(ptr_plan_status);
A(ptr_physmem_map); A(ptr_read_object); A(ptr_write_object); A(ptr_ctrl_object); A(tbr_values); A(tbr_shared);
A(ids_halt); A(ids_suspend); A(ids_resume); A(ids_reset); A(ids_shutdown); A(ids_status); A(ids_status_alias);
A(ids_clock); A(ids_reset_mode); A(ids_register); A(ids_hypercall); A(ids_asm_hypercall); A(ids_object_class);
A(system_only); A(console_lengths);
/* traps.c */
A(iret_pc_misaligned); A(iret_npc_misaligned); A(iret_npc_plus5); A(iret_pc_hv); A(iret_sp_hv); A(iret_sp_foreign);
A(iret_forged_psr); A(set_psr_forged); A(sp_hv_spill); A(fp_hv_fill); A(sp_victim_spill); A(sp_misaligned);
A(sp_wrap); A(sp_pct); A(sp_below_area); A(sp_straddle_top); A(sp_bad_at_slot_end); A(sp_hv_at_slot_end);
A(deep_recursion_bad_sp); A(ta_3); A(ta_all);
A(trap_storm); A(hypercall_storm); A(misaligned_load); A(illegal_instruction); A(divide_by_zero); A(trap_with_et0);
A(unmask_foreign_irqs); A(handler_spins);
A(iret_pc_past_area); A(iret_npc_past_area); A(iret_npc_victim); A(iret_pc_victim); A(iret_spilled_window);
A(iret_spilled_fp_hv); A(iret_spilled_fp_victim); A(iret_opens_pending); A(handler_windows_clean);
/* time.c */
A(spin_pil); A(spin_et0); A(spin_masked); A(timer_past_1us); A(timer_now_1us); A(exec_timer_1us); A(idle_own_timer);
A(console_at_slot_end); A(cold_reset_loop); A(warm_reset_loop); A(cold_reset_at_slot_end);
/* slot_end.c */
A(kept_windows_trap_11us); A(kept_windows_trap_20us); A(store_victim_9us); A(store_victim_18us);
/* ipc.c */
A(ipc_descriptors); A(ipc_create); A(ipc_pointers); A(ipc_lengths); A(queue_flood); A(ipvi_hostile); A(memcopy_hostile);
#undef A

#endif
