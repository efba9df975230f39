/* Brief, of tests/qemu/hypervisor_hm: a 100 us slot the hypervisor misses
 * once, and a 5 ms one; it only says when it starts. */
#include <xm.h>

void PartitionMain(void) {
  xprintf("Brief: started\n");
  for (;;) XM_idle_self();
}
