/* Faults timed at the attacker's slot end (from a hostile review): the
 * halt is immediate, but a fault line built there would make the victim's
 * slot start late; it waits for the attacker's next slot instead
 * (kernel/faults.hpp). */
#include "attacks.h"

/* Seven live windows, every %sp in the victim's memory (the hypervisor
 * keeps them all), then an exception its own trap table would take: no
 * window is left for the handler, so it is the partition's fault. */
void seven_bad_then_trap(xm_u32_t bad);
__asm__(".text\n.align 4\n.global seven_bad_then_trap\nseven_bad_then_trap:\n"
        " save %sp, -96, %sp\n ta 3\n mov %i0, %g1\n mov %g1, %sp\n"
        " save %g1, 0, %sp\n save %g1, 0, %sp\n save %g1, 0, %sp\n"
        " save %g1, 0, %sp\n save %g1, 0, %sp\n save %g1, 0, %sp\n"
        " unimp 0x77\n1: ba 1b\n nop\n");

static void wait_until_before_slot_end(xmTime_t us) {
  const xmTime_t target = slot_end_us() - us;
  while (now_us() < target) {
  }
}

static int trap_at_slot_end(xmTime_t before) {
  wait_until_before_slot_end(before);
  seven_bad_then_trap(VICTIM_AREA + 0x1000);
  return R_BROKEN;
}
static int store_at_slot_end(xmTime_t before) {
  wait_until_before_slot_end(before);
  *(volatile xm_u32_t *)(VICTIM_AREA + 0x100) = 1;
  return R_BROKEN;
}
int kept_windows_trap_11us(void) { return trap_at_slot_end(11); }
int kept_windows_trap_20us(void) { return trap_at_slot_end(20); }
int store_victim_9us(void) { return store_at_slot_end(9); }
int store_victim_18us(void) { return store_at_slot_end(18); }
