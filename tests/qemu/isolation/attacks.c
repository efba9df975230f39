/* The partitions of the isolation test, one program: each partition picks
 * its part by its id (from its PCT). */
#include <xm.h>

#define VICTIM_AREA 0x40100000u
#define HYPERVISOR_AREA 0x40000000u

static xm_u32_t data[256]; /* the victim's own data, checked every slot */

static xm_u32_t checksum(void) {
  xm_u32_t sum = 0;
  for (int i = 0; i < 256; ++i) sum = sum * 31 + data[i];
  return sum;
}

static volatile int slot;
void ExtIrqHandler(xm_s32_t irq) {
  if (irq == XM_VT_EXT_CYCLIC_SLOT_START) ++slot;
}

static void victim(void) {
  for (int i = 0; i < 256; ++i) data[i] = (xm_u32_t)i * 2654435761u;
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_enable_irqs();
  for (int seen = 0;;) {
    if (slot != seen) {
      seen = slot;
      xprintf("Victim: slot %d, data checksum 0x%08x\n", seen, (unsigned)checksum());
    }
  }
}

static void write_other(void) {
  xprintf("WriteOther: writing into Victim's area at 0x%08x\n", VICTIM_AREA + 0x100);
  *(volatile xm_u32_t *)(VICTIM_AREA + 0x100) = 0xdeadbeef;
  xprintf("WriteOther: still running: isolation is broken\n");
}

static void write_hypervisor(void) {
  xprintf("WriteHypervisor: writing into the hypervisor at 0x%08x\n", HYPERVISOR_AREA + 0x1000);
  *(volatile xm_u32_t *)(HYPERVISOR_AREA + 0x1000) = 0xdeadbeef;
  xprintf("WriteHypervisor: still running: isolation is broken\n");
}

static void write_pct(void) {
  partitionControlTable_t *pct = XM_params_get_PCT();
  xprintf("WritePct: making itself a system partition through its PCT\n");
  *(volatile xm_u32_t *)&pct->flags = XM_PART_SYSTEM;
  xprintf("WritePct: still running: isolation is broken\n");
}

static void privileged(void) {
  xprintf("Privileged: writing %%psr to raise its interrupt level\n");
  __asm__ volatile("wr %%g0, 0xf00, %%psr" ::: "memory");
  xprintf("Privileged: still running: isolation is broken\n");
}

static void bad_pointers(void) {
  xprintf("BadPointers: XM_get_time into Victim's memory -> %d\n",
          (int)XM_get_time(XM_HW_CLOCK, (xmTime_t *)(VICTIM_AREA + 0x100)));
  xprintf("BadPointers: XM_get_time into the hypervisor -> %d\n",
          (int)XM_get_time(XM_HW_CLOCK, (xmTime_t *)(HYPERVISOR_AREA + 0x1000)));
  xprintf("BadPointers: XM_get_time to a misaligned address -> %d\n",
          (int)XM_get_time(XM_HW_CLOCK, (xmTime_t *)((xm_u32_t)data + 2)));
  xprintf("BadPointers: XM_write_console from the hypervisor -> %d\n",
          (int)XM_write_console((char *)HYPERVISOR_AREA, 64));
  xprintf("BadPointers: XM_write_console wrapping around 4 GB -> %d\n",
          (int)XM_write_console((char *)0xfffffff0u, 64));
  xprintf("BadPointers: XM_get_partition_status into its PCT -> %d\n",
          (int)XM_get_partition_status(XM_PARTITION_SELF, (xmPartitionStatus_t *)XM_params_get_PCT()));
  xprintf("BadPointers: XM_write_register32(TBR, hypervisor) -> %d\n",
          (int)XM_write_register32(TBR_REG32, HYPERVISOR_AREA));
  xprintf("BadPointers: unknown hypercall 999 -> %d\n", (int)XM_hypercall(999, 0, 0, 0, 0, 0));
  xprintf("BadPointers: done, all refused\n");
  XM_halt_partition(XM_PARTITION_SELF);
}

static void bad_stack(void) {
  xprintf("BadStack: pointing its stack at the hypervisor and calling deeper\n");
  /* Every SAVE below needs a window; the hypervisor spills the oldest ones
   * to the stack pointers they hold, which now point at its own memory. */
  __asm__ volatile(
      "mov %0, %%sp\n"
      "save %%sp, -96, %%sp\n save %%sp, -96, %%sp\n save %%sp, -96, %%sp\n save %%sp, -96, %%sp\n"
      "save %%sp, -96, %%sp\n save %%sp, -96, %%sp\n save %%sp, -96, %%sp\n save %%sp, -96, %%sp\n"
      "restore\n restore\n restore\n restore\n restore\n restore\n restore\n restore\n" ::"r"(HYPERVISOR_AREA + 0x2000)
      : "memory");
  xprintf("BadStack: still running: isolation is broken\n");
}

/* A trap the partition takes itself: `ta 5` is software trap 0x85, which
 * the hypervisor delivers to the partition's own trap table. */
void ExceptionHandler(xm_s32_t trapNr) {
  xprintf("OwnTrap: caught trap 0x%x in its own trap table, halting\n", (unsigned)trapNr);
  XM_halt_partition(XM_PARTITION_SELF);
}

static void own_trap(void) {
  XM_enable_irqs();
  xprintf("OwnTrap: ta 5\n");
  __asm__ volatile("ta 5" ::: "memory");
  xprintf("OwnTrap: still running after its handler halted it\n");
}

void PartitionMain(void) {
  switch (XM_params_get_PCT()->id) {
    case 0: victim(); break;
    case 1: write_other(); break;
    case 2: write_hypervisor(); break;
    case 3: write_pct(); break;
    case 4: privileged(); break;
    case 5: bad_pointers(); break;
    case 6: bad_stack(); break;
    case 7: own_trap(); break;
  }
  for (;;) XM_idle_self();
}
