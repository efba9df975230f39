/* Attacks on time: spinning with interrupts off, timers that expire all
 * the time, an idle partition waiting for its own timer, a long console
 * write and image copies at the slot end, reset loops. What they may not
 * do is make the victim start late. */
#include "attacks.h"

/* Spins with its virtual interrupts closed three ways: preempted at the
 * slot end all the same (the referee reports it). */
int spin_pil(void) { XM_disable_irqs(); for (;;) { } }
int spin_et0(void) { XM_sparc_set_psr(XM_sparc_get_psr() & ~XM_IFLAGS_ET); for (;;) { } }
int spin_masked(void) { XM_set_irqmask(0xffffffffu, 0xffffffffu); for (;;) { } }

/* Runs through `slots` slot starts of its own. */
static void run_slots(int slots) {
  for (int k = 0; k < slots; ++k) {
    const xmTime_t start = XM_params_get_PCT()->schedInfo.slotStart;
    while (XM_params_get_PCT()->schedInfo.slotStart == start) {
    }
  }
}

/* Issue 9, point 5: a periodic timer whose first expiry is long past, with
 * a 1 us period; the catch-up at every switch must not depend on uptime.
 * Today the attacker then makes no progress at all in its own slots, even
 * with the interrupt masked (the hypervisor's event timer fires at every
 * expiry), so the referee reports it still running: its own business, as
 * long as the victim is on time. */
int timer_past_1us(void) {
  const int r = XM_set_timer(XM_HW_CLOCK, 1, 1);
  if (r < 0) return r;
  run_slots(2);
  return R_HANDLED;
}
/* The same from now + 1, with the interrupt unmasked: it is interrupted
 * all the time, which is its own business. */
int timer_now_1us(void) {
  const int r = XM_set_timer(XM_HW_CLOCK, now_us() + 1, 1);
  if (r < 0) return r;
  XM_unmask_irq(XM_VT_EXT_HW_TIMER);
  run_slots(2);
  return R_HANDLED;
}
int exec_timer_1us(void) {
  xmTime_t t = 0;
  XM_get_time(XM_EXEC_CLOCK, &t);
  const int r = XM_set_timer(XM_EXEC_CLOCK, t + 1, 1);
  if (r < 0) return r;
  XM_unmask_irq(XM_VT_EXT_EXEC_TIMER);
  run_slots(2);
  return R_HANDLED;
}

/* Issue 9, point 8 (functional): an idle partition is woken by its own
 * timer when it expires (2.4, 5.17), not at its next slot. */
int idle_own_timer(void) {
  if (slot_end_us() - now_us() < 1500) run_slots(1); /* room in this slot */
  const xmTime_t at = now_us() + 500;
  XM_set_timer(XM_HW_CLOCK, at, 0);
  XM_unmask_irq(XM_VT_EXT_HW_TIMER);
  while (trap_hits[0xe0 + XM_VT_EXT_HW_TIMER] == 0) XM_idle_self();
  const xmTime_t woke = now_us();
  xprintf("  woken %u us after its timer expired\n", (unsigned)(woke - at));
  if (woke - at < 200) return R_HANDLED;
  return R_BROKEN;
}

/* Issue 9, point 7: 4096 bytes (the most one call may write) just before
 * its slot end. */
static char text[4096];
int console_at_slot_end(void) {
  for (int i = 0; i < 4095; ++i) text[i] = '.';
  text[4095] = '\n';
  while (now_us() + 150 < slot_end_us()) {
  }
  const int r = XM_write_console(text, 4096);
  return r == 4096 ? R_HANDLED : r;
}

/* Issue 9, point 6: cold resets of itself, back to back (the image copy),
 * and one started just before the slot end. The round counter lives in the
 * reset status: a cold reset reloads its memory. */
int cold_reset_loop(void) {
  const xm_u32_t round = attack_round();
  if (round < 5) restart_attack(XM_COLD_RESET, round + 1);
  return R_HANDLED;
}
int cold_reset_at_slot_end(void) {
  if (attack_round() == 0) {
    while (now_us() + 100 < slot_end_us()) {
    }
    restart_attack(XM_COLD_RESET, 1);
  }
  return R_HANDLED;
}
int warm_reset_loop(void) {
  const xm_u32_t round = attack_round();
  if (round < 200) restart_attack(XM_WARM_RESET, round + 1);
  return R_HANDLED;
}
