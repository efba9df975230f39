// libxm from a C++ partition (README: "usable from C and C++"), compiled with
// the project's own warnings (warning_level=2, werror): the manual's port
// listings 5.17 and 5.18 as a C++ programmer writes them, a string literal for
// the port's name. Compiled only (tests/meson.build: libxm-from-cxx).
#include <xm.h>

#define PORT_NAME "port1"
#define PORT_SIZE 48

extern "C" void PartitionMain(void) {
  const xm_s32_t out = XM_create_sampling_port("port1", 48, XM_SOURCE_PORT);
  const xm_s32_t in = XM_create_sampling_port(PORT_NAME, PORT_SIZE, XM_DESTINATION_PORT, 15000);
  const xm_s32_t q = XM_create_queuing_port("out", 4, 16, XM_SOURCE_PORT);
  xmSamplingPortInfo_t si;
  xmQueuingPortInfo_t qi;
  (void)XM_get_sampling_port_info("port1", &si);
  (void)XM_get_queuing_port_info("out", &qi);
  char buf[16];
  xm_u32_t flags = 0;
  (void)XM_read_sampling_message(in, buf, sizeof buf, &flags);
  (void)XM_receive_queuing_message(q, buf, sizeof buf);
  (void)XM_receive_queuing_message(q, buf, sizeof buf, &flags);
  (void)XM_write_sampling_message(out, buf, sizeof buf);
  xprintf("%d %d %d\n", static_cast<int>(out), static_cast<int>(in), static_cast<int>(q));
}
