/* Inter-partition communication under attack (issue 10): port descriptors,
 * names, pointers and lengths, a queue flood, IPVIs and memory copies that
 * are not the attacker's. The channels (system.xml): the attacker's 'aOut'
 * (sampling) and 'aQ' (queuing, 4 messages) feed the victim's 'vIn' and
 * 'vQ'; the victim's 'vOut' feeds the attacker's 'aIn'; all 16 bytes. The
 * victim opens its ports and drains its queue every slot. */
#include "attacks.h"
#include <xm/objects.h>

/* Port numbers: the victim's first, in PortTable order. */
#define V_IN 0
#define V_Q 1
#define V_OUT 2
#define A_OUT 3
#define A_Q 4
#define A_IN 5

static char msg[64] __attribute__((aligned(8))) = "attack";
static xm_u32_t own[16] __attribute__((aligned(8)));

static int open_own_ports(void) {
  return XM_create_sampling_port("aOut", 16, XM_SOURCE_PORT) == A_OUT && XM_create_queuing_port("aQ", 4, 16, XM_SOURCE_PORT) == A_Q &&
         XM_create_sampling_port("aIn", 16, XM_DESTINATION_PORT) == A_IN;
}

/* As pointers.c: addresses no call may write (or read, for inputs). */
static xm_u32_t bad(int k) {
  switch (k) {
    case 0: return VICTIM_AREA + 0x100;
    case 1: return HV_CODE;
    case 2: return HV_STACK;
    case 3: return (xm_u32_t)XM_params_get_PCT(); /* readable: only an output must be refused */
    case 4: return XM_params_get_PCT()->arch.ptdL1;
    case 5: return 0x80000100u;
    case 6: return 0;
    case 7: return 0xfffffff8u;
    default: return ATTACKER_AREA + ATTACKER_SIZE - 4; /* straddles its area's end */
  }
}
#define NBAD 9

/* Descriptors that are not its open ports of the right kind and direction. */
int ipc_descriptors(void) {
  xm_u32_t f = 0;
  sweep_start();
  if (!open_own_ports()) return R_BROKEN;
  static const xm_s32_t descs[] = {-1, 1024, 0x7fffffff, (xm_s32_t)0x80000000, V_IN, V_Q, V_OUT, 6, 1023, 0x400 + A_OUT};
  for (int k = 0; k < 10; ++k) {
    sweep(XM_write_sampling_message(descs[k], msg, 4), 1);
    sweep(XM_read_sampling_message(descs[k], msg, 16, &f), 1);
    sweep(XM_send_queuing_message(descs[k], msg, 4), 1);
    sweep(XM_receive_queuing_message(descs[k], msg, 16, &f), 1);
  }
  /* its own ports, the wrong kind or direction */
  sweep(XM_write_sampling_message(A_IN, msg, 4), 1);
  sweep(XM_read_sampling_message(A_OUT, msg, 16, &f), 1);
  sweep(XM_write_sampling_message(A_Q, msg, 4), 1);
  sweep(XM_send_queuing_message(A_OUT, msg, 4), 1);
  sweep(XM_receive_queuing_message(A_Q, msg, 16, &f), 1);
  /* raw descriptors naming the victim, or a port of the victim's */
  sweep(XM_write_object(OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, VICTIM, V_OUT), msg, 4, 0), 1);
  sweep(XM_read_object(OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, VICTIM, V_IN), msg, 16, &f), 1);
  sweep(XM_read_object(OBJDESC_BUILD(OBJ_CLASS_QUEUING_PORT, VICTIM, V_Q), msg, 16, &f), 1);
  sweep(XM_write_object(OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, ATTACKER, V_OUT), msg, 4, 0), 1);
  sweep(XM_read_object(OBJDESC_BUILD(OBJ_CLASS_QUEUING_PORT, ATTACKER, V_Q), msg, 16, &f), 1);
  sweep(XM_write_object(OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, 0x3fff, A_OUT), msg, 4, 0), 1);
  sweep(XM_ctrl_object(OBJDESC_BUILD(OBJ_CLASS_QUEUING_PORT, VICTIM, V_Q), XM_COMM_GET_PORT_STATUS, own), 1);
  sweep(XM_ctrl_object(OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, ATTACKER, A_OUT), 77, own), 1);
  return sweep_end();
}

/* Names: not its own, not terminated, in memory it may not read, ports of
 * another kind or direction, sizes that are not the channel's. */
int ipc_create(void) {
  sweep_start();
  for (int k = 0; k < NBAD; ++k)
    if (k != 3) sweep(XM_create_sampling_port((char *)bad(k), 16, XM_SOURCE_PORT), 1);
  sweep(XM_create_sampling_port("vIn", 16, XM_DESTINATION_PORT), 1); /* the victim's */
  sweep(XM_create_sampling_port("vOut", 16, XM_SOURCE_PORT), 1);
  sweep(XM_create_queuing_port("vQ", 4, 16, XM_DESTINATION_PORT), 1);
  sweep(XM_create_queuing_port("aOut", 4, 16, XM_SOURCE_PORT), 1);   /* a sampling port */
  sweep(XM_create_sampling_port("aQ", 16, XM_SOURCE_PORT), 1);       /* a queuing port */
  sweep(XM_create_sampling_port("aOut", 16, XM_DESTINATION_PORT), 1);
  sweep(XM_create_sampling_port("aOut", 16, 0xffffffffu), 1);
  sweep(XM_create_sampling_port("aOut", 17, XM_SOURCE_PORT), 1);
  sweep(XM_create_sampling_port("aOut", 0xffffffffu, XM_SOURCE_PORT), 1);
  sweep(XM_create_sampling_port("aOut", 16, XM_SOURCE_PORT, 1), 1);
  sweep(XM_create_queuing_port("aQ", 5, 16, XM_SOURCE_PORT), 1);
  sweep(XM_create_queuing_port("aQ", 0x80000004u, 16, XM_SOURCE_PORT), 1);
  /* "aOut" without its terminator in the last 4 bytes of its area (above
   * its stack): the hypervisor must not read past the area for the rest. */
  char *end = (char *)(ATTACKER_AREA + ATTACKER_SIZE - 4);
  end[0] = 'a', end[1] = 'O', end[2] = 'u', end[3] = 't';
  sweep(XM_create_sampling_port(end, 16, XM_SOURCE_PORT), 1);
  /* a long name that starts like one of its ports */
  static char longname[2048];
  for (int k = 0; k < 2047; ++k) longname[k] = "aOut"[k % 4];
  sweep(XM_create_sampling_port(longname, 16, XM_SOURCE_PORT), 1);
  /* the command itself in memory it may not read */
  for (int k = 0; k < NBAD; ++k)
    if (k != 3) sweep(XM_ctrl_object(OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, ATTACKER, 0), XM_COMM_CREATE_PORT, (void *)bad(k)), 1);
  return sweep_end();
}

/* Every pointer argument of the port calls. */
int ipc_pointers(void) {
  xmSamplingPortInfo_t si;
  xmQueuingPortInfo_t qi;
  sweep_start();
  if (!open_own_ports()) return R_BROKEN;
  for (int k = 0; k < NBAD; ++k) {
    const int out = k != 3; /* the PCT is readable (an input), not writable */
    sweep(XM_write_sampling_message(A_OUT, (void *)bad(k), 8), out);
    sweep(XM_send_queuing_message(A_Q, (void *)bad(k), 8), out);
    sweep(XM_read_sampling_message(A_IN, (void *)bad(k), 16, 0), 1);
    /* (flags may be null, and the last 4 bytes of its area are its own) */
    sweep(XM_read_sampling_message(A_IN, msg, 16, (xm_u32_t *)bad(k)), k != 6 && k != 8);
    sweep(XM_get_sampling_port_status(A_OUT, (xmSamplingPortStatus_t *)bad(k)), 1);
    sweep(XM_get_queuing_port_status(A_Q, (xmQueuingPortStatus_t *)bad(k)), 1);
    sweep(XM_get_sampling_port_info((char *)bad(k), &si), 1);
    sweep(XM_get_queuing_port_info((char *)bad(k), &qi), 1);
  }
  return sweep_end();
}

/* Lengths: 0, one past the channel's, huge, negative. */
int ipc_lengths(void) {
  sweep_start();
  if (!open_own_ports()) return R_BROKEN;
  static const xm_u32_t lengths[] = {0, 17, 64, 0x7fffffffu, 0x80000000u, 0xffffffffu};
  for (int k = 0; k < 6; ++k) {
    sweep(XM_write_sampling_message(A_OUT, msg, lengths[k]), 1);
    sweep(XM_send_queuing_message(A_Q, msg, lengths[k]), 1);
  }
  sweep(XM_read_sampling_message(A_IN, msg, 0, 0), 1);
  sweep(XM_write_sampling_message(A_OUT, msg, 16), 0); /* the channel's own maximum: fine */
  return sweep_end();
}

/* Sends far more than the queue holds: every send past the fourth answers
 * XM_NOT_AVAILABLE at once, the victim (which drains its queue) is not
 * slowed, and no message is longer than 16 bytes when it arrives. */
int queue_flood(void) {
  if (!open_own_ports()) return R_BROKEN;
  int ok = 0, full = 0, other = 0;
  for (int k = 0; k < 100; ++k) {
    const xm_s32_t r = XM_send_queuing_message(A_Q, msg, 16);
    if (r == XM_OK) ++ok;
    else if (r == XM_NOT_AVAILABLE) ++full;
    else ++other;
  }
  xprintf(" %d full", full);
  return ok <= 4 && other == 0 ? R_HANDLED : R_BROKEN;
}

/* Ipvis it is not the source of, numbers that are no Ipvi. */
int ipvi_hostile(void) {
  sweep_start();
  static const xm_u32_t numbers[] = {0, 1, 2, 7, 8, 255, 256, 0x80000000u, 0xffffffffu};
  for (int k = 0; k < 9; ++k) sweep(XM_hypercall(__RAISE_IPVI_NR, numbers[k], 0, 0, 0, 0), 1);
  for (int k = 0; k < 200; ++k) /* a storm of refused raises */
    if (XM_raise_ipvi(1) >= 0) return R_BROKEN;
  return sweep_end();
}

/* XM_memory_copy from a partition that is not system: only within its own
 * memory, never from or into anybody else's or the hypervisor's. */
int memcopy_hostile(void) {
  sweep_start();
  const xm_u32_t self = XM_PARTITION_SELF, o = (xm_u32_t)own;
  sweep(XM_memory_copy(VICTIM, VICTIM_AREA + 0x100, self, o, 16), 1);
  sweep(XM_memory_copy(self, o, VICTIM, VICTIM_AREA + 0x100, 16), 1);
  sweep(XM_memory_copy(REFEREE, REFEREE_AREA, self, o, 16), 1);
  sweep(XM_memory_copy(0x4000 + VICTIM, VICTIM_AREA + 0x100, self, o, 16), 1); /* an alias of the victim's id */
  sweep(XM_memory_copy(3, o, self, o + 32, 16), 1);
  for (int k = 0; k < NBAD; ++k) {
    sweep(XM_memory_copy(self, bad(k), self, o, 16), 1);
    sweep(XM_memory_copy(self, o, self, bad(k), 16), k != 3);
  }
  sweep(XM_memory_copy(self, o, self, o + 8, 16), 1); /* overlapping */
  sweep(XM_memory_copy(self, o, self, ATTACKER_AREA, 0xffffffffu), 1);
  sweep(XM_memory_copy(self, o, self, ATTACKER_AREA, ATTACKER_SIZE), 1); /* its whole area onto itself */
  sweep(XM_memory_copy(self, SHARED_AREA + 0xc00, self, o, 16), 0);      /* the shared page is its own */
  xmMemoryCopyCmd_t c = {VICTIM, VICTIM_AREA, self, o, 16};
  sweep(XM_ctrl_object(OBJDESC_BUILD(OBJ_CLASS_MEM, VICTIM, 0), XM_MEM_COPY, &c), 1);
  return sweep_end();
}
