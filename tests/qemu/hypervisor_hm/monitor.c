/* Monitor (system partition) of tests/qemu/hypervisor_hm: makes the
 * hypervisor miss a slot, then fault three times, and after each restart
 * reads the HM log (manual 2.13.4) to show what the XMHypervisor table did.
 * `lives` is in .data: a warm restart keeps the partition's memory (it
 * counts on), a cold one loads the image again (it starts over). */
#include <xm.h>

static volatile xm_u32_t lives = 0x100;

static const char *name(unsigned ev) {
  switch (ev) {
    case XM_HM_EV_INTERNAL_ERROR: return "INTERNAL_ERROR";
    case XM_HM_EV_MEM_PROTECTION: return "MEM_PROTECTION";
    case XM_HM_EV_SCHED_ERROR: return "SCHED_ERROR";
    case XM_HM_EV_SPARCV8_ILLEGAL_INSTR: return "SPARCV8_ILLEGAL_INSTR";
    default: return "?";
  }
}

static void read_log(void) {
  xmHmLog_t logs[4];
  xmHmStatus_t st;
  xm_s32_t n;
  XM_hm_status(&st);
  xprintf("Monitor: HM log holds %d, read %d, lost %d\n", (int)st.noEvents, (int)st.currentEvent, (int)st.lostEvents);
  while ((n = XM_hm_read(logs, 4)) > 0) {
    for (xm_s32_t k = 0; k < n; ++k) {
      const xmHmLog_t *l = &logs[k];
      const unsigned ev = (l->opCode & HMLOG_OPCODE_EVENT_MASK) >> HMLOG_OPCODE_EVENT_BIT;
      xprintf("  #%u %s sys %u partition %u at %lld us: ", (unsigned)l->seq, name(ev),
              (unsigned)((l->opCode & HMLOG_OPCODE_SYS_MASK) >> HMLOG_OPCODE_SYS_BIT),
              (unsigned)(l->opCode & HMLOG_OPCODE_PARTID_MASK), (long long)l->timestamp);
      if (l->opCode & HMLOG_OPCODE_VALID_CPUCTXT_MASK)
        xprintf("trap 0x%x at pc 0x%x, address 0x%x\n", (unsigned)l->cpuCtxt.trapType, (unsigned)l->cpuCtxt.pc,
                (unsigned)l->cpuCtxt.faultAddress);
      else
        xprintf("payload %u %u %u %u\n", (unsigned)l->payload[0], (unsigned)l->payload[1], (unsigned)l->payload[2],
                (unsigned)l->payload[3]);
    }
  }
}

static xmTime_t now(void) {
  xmTime_t t = 0;
  XM_get_time(XM_HW_CLOCK, &t);
  return t;
}

static void inject(xm_u32_t kind, const char *what) {
  xprintf("Monitor: the hypervisor %s\n", what);
  XM_hypercall(stratum_inject_fault_nr, kind, 0, 0, 0, 0);
  xprintf("Monitor: NOT RESTARTED\n");
}

/* One write hypercall (libxm writes at most 64 bytes a call) that outlasts
 * Brief's 20 us slot. */
static const char long_line[] = "Monitor: one write, 10 us before its slot ends, outlasts it\n";

void PartitionMain(void) {
  xmSystemStatus_t sys;
  XM_get_system_status(&sys);
  ++lives;
  xprintf("Monitor: after %u system resets, life 0x%x of its memory; XM_hm_open = %d\n", (unsigned)sys.resetCounter,
          (unsigned)lives, (int)XM_hm_open());
  read_log();
  switch (sys.resetCounter) {
    case 0: {
      const partitionControlTable_t *pct = XM_params_get_PCT();
      const xmTime_t end = pct->schedInfo.slotStart + pct->schedInfo.slotDuration;
      while (now() < end - 10) {
      }
      XM_write_console((char *)long_line, sizeof long_line - 1);
      XM_idle_self(); /* until its next slot */
      read_log();
      inject(1, "executes an illegal instruction");
      break;
    }
    case 1: inject(2, "loads from an address nothing maps"); break;
    case 2: inject(3, "finds its own state wrong"); break;
    default: XM_halt_system();
  }
  XM_halt_system();
}
