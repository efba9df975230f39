/* Monitor (system) of tests/qemu/hm_warm_load: once Big has zeroed its
 * .data, resets it cold; after Big's short slot (a few load steps), makes
 * the hypervisor fault (HYPERVISOR_WARM_RESET). After the restart it lets
 * Big print, then halts the system. */
#include <xm.h>

void PartitionMain(void) {
  xmSystemStatus_t sys;
  XM_get_system_status(&sys);
  xprintf("Monitor: after %u system resets\n", (unsigned)sys.resetCounter);
  if (sys.resetCounter == 0) {
    XM_idle_self(); /* slot 2, frame 0 */
    XM_idle_self(); /* slot 0, frame 1: Big has zeroed its blob */
    xprintf("Monitor: XM_reset_partition(Big, cold) = %d\n", (int)XM_reset_partition(1, XM_COLD_RESET, 0));
    XM_idle_self(); /* slot 2, frame 1: Big's slot 1 loaded part of its image */
    xprintf("Monitor: the hypervisor executes an illegal instruction\n");
    XM_hypercall(stratum_inject_fault_nr, 1, 0, 0, 0, 0);
    xprintf("Monitor: NOT RESTARTED\n");
  }
  XM_idle_self();
  XM_idle_self();
  XM_idle_self();
  XM_halt_system();
}
