/* Monitor: the channel's second destination. At the start of each of its
 * slots it reads the last message (written in Writer's slot, 10-20 ms
 * earlier: younger than the channel's 15 ms refreshPeriod, valid), waits
 * until the same message is older than 15 ms and reads it again (now
 * invalid). It also counts the XM_VT_EXT_SAMPLING_PORT notifications. */
#include <xm.h>

static volatile int notified;

void ExtIrqHandler(xm_s32_t irq) {
  if (irq == XM_VT_EXT_SAMPLING_PORT) ++notified;
}

static void show(int desc, const char *when) {
  int value = 0;
  xm_u32_t flags = 0;
  xmSamplingPortStatus_t st;
  xmTime_t now;
  const xm_s32_t n = XM_read_sampling_message(desc, &value, sizeof value, &flags);
  XM_get_sampling_port_status(desc, &st);
  XM_get_time(XM_HW_CLOCK, &now);
  xprintf("Monitor: %s: %d bytes, value %d, written %lld us ago, %s\n", when, n, value,
          (long long)(now - st.timestamp), (flags & XM_COMM_MSG_VALID) ? "valid" : "not valid");
}

void PartitionMain(void) {
  xmSamplingPortInfo_t info;
  if (XM_get_sampling_port_info("monitorIn", &info) == XM_OK)
    xprintf("Monitor: port '%s': %u bytes, refreshPeriod %lld us, %s\n", info.portName, info.maxMsgSize,
            (long long)info.refreshPeriod, info.direction == XM_DESTINATION_PORT ? "destination" : "source");
  xprintf("Monitor: as a source: %d\n", XM_create_sampling_port("monitorIn", 48, XM_SOURCE_PORT));
  xprintf("Monitor: with 32 bytes: %d\n", XM_create_sampling_port("monitorIn", 32, XM_DESTINATION_PORT));
  xprintf("Monitor: refreshPeriod 10 ms: %d\n", XM_create_sampling_port("monitorIn", 48, XM_DESTINATION_PORT, 10000));
  xprintf("Monitor: another partition's port: %d\n", XM_create_sampling_port("port2", 48, XM_DESTINATION_PORT));
  const int desc = XM_create_sampling_port("monitorIn", 48, XM_DESTINATION_PORT, 15000);
  int value = 0;
  xprintf("Monitor: port descriptor %d; writing to it: %d\n", desc, XM_write_sampling_message(desc, &value, 4));
  XM_unmask_irq(XM_VT_EXT_SAMPLING_PORT);
  XM_enable_irqs();
  for (;;) {
    const xmTime_t slot = XM_params_get_PCT()->schedInfo.slotStart;
    show(desc, "slot start");
    xmSamplingPortStatus_t st;
    xmTime_t now;
    XM_get_sampling_port_status(desc, &st);
    do XM_get_time(XM_HW_CLOCK, &now);
    while (now - st.timestamp <= 15000);
    show(desc, "15 ms on  ");
    xprintf("Monitor: %d notifications so far\n", notified);
    while (XM_params_get_PCT()->schedInfo.slotStart == slot) XM_idle_self();  /* until its next slot */
  }
}
