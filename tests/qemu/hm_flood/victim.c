/* Victim of tests/qemu/hm_flood: each slot, how late it started and what
 * one 40-byte XM_write_console cost it (in its own slot). In frames 1 and 2
 * it first divides by zero, which its table IGNOREs: the hypervisor's line
 * for it goes into the console ring the flooder filled. */
#include <xm.h>

static xmTime_t now(void) {
  xmTime_t t = 0;
  XM_get_time(XM_HW_CLOCK, &t);
  return t;
}

void PartitionMain(void) {
  const partitionControlTable_t *pct = XM_params_get_PCT();
  static char msg[] = "Victim: a 40-byte line of its own ......\n";
  for (int frame = 0; frame < 4; ++frame) {
    const xmTime_t t0 = now();
    const unsigned late = (unsigned)(t0 - pct->schedInfo.slotStart);
    if (frame == 1 || frame == 2) {
      xm_u32_t q;
      __asm__ volatile("wr %%g0, %%y\n nop\n nop\n nop\n udiv %1, %2, %0" : "=r"(q) : "r"(7), "r"(0) : "memory");
    }
    const xmTime_t t1 = now();
    XM_write_console(msg, sizeof msg - 1);
    const unsigned cost = (unsigned)(now() - t1);
    /* 31 writes more: what its console output costs it in all */
    const xmTime_t t2 = now();
    for (int k = 0; k < 31; ++k) XM_write_console(msg + 39, 1);
    const unsigned more = (unsigned)(now() - t2);
    xprintf("\nVictim: frame %d: slot started %s 200 us; its 40-byte write took %u us, 31 one-byte writes %u us\n",
            frame, late <= 200 ? "within" : "LATER THAN", cost, more);
    XM_idle_self();
  }
  for (;;) XM_idle_self();
}
