/* Producer: sends "msg <n>" for n = 1, 2, ... as fast as the queue takes
 * them; when it answers XM_NOT_AVAILABLE (full) the same message is sent
 * again in the next slot, so nothing is lost. */
#include <xm.h>

/* "msg <n>" into buf; returns its length (no NUL sent). */
static int format_msg(char *buf, int n) {
  char digits[12];
  int d = 0, len = 0;
  do digits[d++] = (char)('0' + n % 10);
  while ((n /= 10) > 0);
  buf[len++] = 'm', buf[len++] = 's', buf[len++] = 'g', buf[len++] = ' ';
  while (d > 0) buf[len++] = digits[--d];
  return len;
}

static void wait_next_slot(void) {
  const xmTime_t slot = XM_params_get_PCT()->schedInfo.slotStart;
  while (XM_params_get_PCT()->schedInfo.slotStart == slot) XM_idle_self();
}

void PartitionMain(void) {
  const int desc = XM_create_queuing_port("out", 4, 16, XM_SOURCE_PORT);
  xprintf("Producer: port 'out' is descriptor %d; 17 bytes: %d; receiving: %d\n", desc,
          XM_send_queuing_message(desc, "seventeen bytes!!", 17), XM_receive_queuing_message(desc, (void *)0x40100000, 16));
  int n = 1;
  for (;;) {
    int sent = 0;
    xm_s32_t r;
    char msg[16];
    for (;;) {
      const int len = format_msg(msg, n);
      r = XM_send_queuing_message(desc, msg, (xm_u32_t)len);
      if (r != XM_OK) break;
      ++sent;
      ++n;
    }
    xmQueuingPortStatus_t st;
    XM_get_queuing_port_status(desc, &st);
    xprintf("Producer: sent %d, up to msg %d; then %s; %u of %u queued\n", sent, n - 1,
            r == XM_NOT_AVAILABLE ? "full" : "error", st.noMsgs, st.maxNoMsgs);
    wait_next_slot();
  }
}
