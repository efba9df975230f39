/* ghost_ram, Reader: hands the hypervisor its second area, which the board
 * does not have. The hypervisor must refuse or survive; Reader alone may be
 * stopped. */
#include <xm.h>

#define GHOST 0x48000000u

void PartitionMain(void) {
  const xm_s32_t d = XM_create_sampling_port("in", 16, XM_DESTINATION_PORT);
  xprintf("Reader: memory copy into its second area\n");
  static xm_u32_t own[4] = {1, 2, 3, 4};
  xprintf("Reader: copy %d\n", (int)XM_memory_copy(XM_PARTITION_SELF, GHOST, XM_PARTITION_SELF, (xm_u32_t)own, 16));
  xprintf("Reader: sampling read into its second area\n");
  xprintf("Reader: read %d\n", (int)XM_read_sampling_message(d, (void *)GHOST, 16, 0));
}
