/* ghost_ram, Writer: one message, then a line every slot. */
#include <xm.h>

void PartitionMain(void) {
  const xm_s32_t d = XM_create_sampling_port("out", 16, XM_SOURCE_PORT);
  xm_u32_t v = 7;
  xprintf("Writer: write %d\n", (int)XM_write_sampling_message(d, &v, sizeof v));
  for (int k = 0; k < 3; ++k) {
    xprintf("Writer: still running\n");
    XM_idle_self();
  }
}
