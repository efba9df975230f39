/* Monitor of tests/qemu/hm_idle_fault: arms the injected fault for the next
 * trap the hypervisor takes while the idle context is current, and idles.
 * The hypervisor restarts (its table's warm restart); in its next life the
 * Monitor prints the HM log's entry and halts the system. */
#include <xm.h>

void PartitionMain(void) {
  xmSystemStatus_t sys;
  XM_get_system_status(&sys);
  if (sys.resetCounter == 0) {
    xprintf("Monitor: arm = %d\n", (int)XM_hypercall(stratum_inject_fault_nr, 4, 0, 0, 0, 0));
    XM_idle_self();
    xprintf("Monitor: RAN AGAIN after the hypervisor's fault\n");
    XM_halt_system();
  }
  xmHmLog_t log;
  XM_hm_open();
  while (XM_hm_read(&log, 1) == 1)
    xprintf("Monitor: after %u system resets, HM log #%u: event %u sys %u trap 0x%x\n", (unsigned)sys.resetCounter,
            (unsigned)log.seq, (unsigned)((log.opCode & HMLOG_OPCODE_EVENT_MASK) >> HMLOG_OPCODE_EVENT_BIT),
            (unsigned)((log.opCode & HMLOG_OPCODE_SYS_MASK) >> HMLOG_OPCODE_SYS_BIT), (unsigned)log.cpuCtxt.trapType);
  XM_halt_system();
}
