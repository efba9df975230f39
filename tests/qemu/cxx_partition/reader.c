/* cxx_partition, Reader: what the C++ partition wrote, one slot later. */
#include <xm.h>

void PartitionMain(void) {
  const xm_s32_t d = XM_create_sampling_port("in", 16, XM_DESTINATION_PORT);
  XM_idle_self(); /* CxxWriter's slot */
  xm_u32_t v = 0, flags = 0;
  const xm_s32_t n = XM_read_sampling_message(d, &v, sizeof v, &flags);
  xprintf("Reader: %d bytes, value %u\n", (int)n, (unsigned)v);
}
