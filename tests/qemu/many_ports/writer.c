/* many_ports, partition 1: times a write to a sampling channel of 200
 * destinations against the README's lateness bound. */
#include <xm.h>

#define BOUND_US 168

void PartitionMain(void) {
  xmTime_t t0, t1;
  const xm_s32_t d = XM_create_sampling_port("src", 8, XM_SOURCE_PORT);
  xm_u32_t v = 42;
  XM_get_time(XM_HW_CLOCK, &t0);
  const xm_s32_t r = XM_write_sampling_message(d, &v, sizeof v);
  XM_get_time(XM_HW_CLOCK, &t1);
  const xmTime_t us = t1 - t0;
  xprintf("write to 200 destinations: %d\n", (int)r);
  if (us <= BOUND_US)
    xprintf("XM_write_sampling_message: within %d us\n", BOUND_US);
  else
    xprintf("XM_write_sampling_message: %d us, more than the %d us bound\n", (int)us, BOUND_US);
}
