/* Monitor of tests/qemu/hm_idle_fault: arms the injected fault for the next
 * trap taken in the idle loop, idles, and halts the system if it ever runs
 * again. */
#include <xm.h>

void PartitionMain(void) {
  xprintf("Monitor: arm = %d\n", (int)XM_hypercall(stratum_inject_fault_nr, 4, 0, 0, 0, 0));
  XM_idle_self();
  xprintf("Monitor: RAN AGAIN after the hypervisor's fault\n");
  XM_halt_system();
}
