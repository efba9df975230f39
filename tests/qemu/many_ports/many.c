/* many_ports, partition 0: times XM_create_sampling_port of its last port and
 * XM_get_sampling_port_info of a name none of its 200 ports has (each compared
 * with every port's name) against the README's lateness bound. */
#include <xm.h>

#define BOUND_US 168

static void report(const char *what, xmTime_t t0, xmTime_t t1) {
  const xmTime_t us = t1 - t0;
  if (us <= BOUND_US)
    xprintf("%s: within %d us\n", what, BOUND_US);
  else
    xprintf("%s: %d us, more than the %d us bound\n", what, (int)us, BOUND_US);
}

void PartitionMain(void) {
  xmTime_t t0, t1;
  xmSamplingPortInfo_t info;
  XM_get_time(XM_HW_CLOCK, &t0);
  const xm_s32_t d = XM_create_sampling_port("sensor_channel_long_prefix__199", 8, XM_DESTINATION_PORT);
  XM_get_time(XM_HW_CLOCK, &t1);
  xprintf("create: descriptor %d\n", (int)d);
  report("XM_create_sampling_port, the 200th name", t0, t1);
  XM_get_time(XM_HW_CLOCK, &t0);
  const xm_s32_t r = XM_get_sampling_port_info("sensor_channel_long_prefix__x99", &info);
  XM_get_time(XM_HW_CLOCK, &t1);
  xprintf("info of an unknown name: %d\n", (int)r);
  report("XM_get_sampling_port_info, no such name", t0, t1);
}
