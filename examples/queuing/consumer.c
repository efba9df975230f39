/* Consumer: takes at most three messages a slot, slower than Producer, and
 * checks that they arrive as "msg 1", "msg 2", ... with none lost, doubled
 * or out of order. In its last slot it empties the queue. */
#include <xm.h>
#include "std_c.h"

static int parse(const char *m, int len) {
  int n = 0;
  for (int k = 4; k < len; ++k) n = n * 10 + (m[k] - '0');
  return (len > 4 && memcmp(m, "msg ", 4) == 0) ? n : -1;
}

void PartitionMain(void) {
  const int desc = XM_create_queuing_port("in", 4, 16, XM_DESTINATION_PORT);
  xprintf("Consumer: port 'in' is descriptor %d; 3 messages of 16 bytes: %d; sending: %d\n", desc,
          XM_create_queuing_port("in", 3, 16, XM_DESTINATION_PORT), XM_send_queuing_message(desc, "x", 1));
  int expected = 1, wrong = 0, slots = 0;
  for (;;) {
    const xmTime_t slot = XM_params_get_PCT()->schedInfo.slotStart;
    const int take = ++slots < 5 ? 3 : 100;
    char m[16];
    int got = 0;
    xm_s32_t r = XM_OK;
    xm_u32_t flags = 0;
    if (slots == 1) xprintf("Consumer: into 4 bytes: %d\n", XM_receive_queuing_message(desc, m, 4, &flags));
    while (got < take && (r = XM_receive_queuing_message(desc, m, sizeof m)) > 0) {
      const int n = parse(m, r);
      if (n != expected) ++wrong;
      expected = n + 1;
      ++got;
    }
    xmQueuingPortStatus_t st;
    XM_get_queuing_port_status(desc, &st);
    xprintf("Consumer: took %d, up to msg %d, %d out of order; %u left%s\n", got, expected - 1, wrong, st.noMsgs,
            r == XM_NOT_AVAILABLE ? "; the queue is empty" : "");
    while (XM_params_get_PCT()->schedInfo.slotStart == slot) XM_idle_self();
  }
}
