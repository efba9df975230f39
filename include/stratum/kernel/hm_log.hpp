// The HM log (manual 2.13.4, table 2.2): the object class OBJ_CLASS_HM.
// Every HM event of a partition that its HealthMonitor table marks
// log="yes", and every event the table does not name (the default action:
// an event nobody configured is the one an integrator most needs to hear
// about), is recorded as an xmHmLog_t (include/xm/hm.h) before its action
// runs, in a ring of XM_HM_LOG_CAPACITY entries in hypervisor memory (.bss:
// no partition maps it). When the ring is full the oldest entry is
// overwritten; one the reader had not read yet is counted lost
// (xmHmStatus_t.lostEvents). seq counts the entries logged since boot.
//
// What survives a system reset (XM_reset_system, or an HM reset action):
// the whole log, entries, reader and read position, warm or cold, and also
// when the hypervisor itself restarts after its own fault (its .bss is
// zeroed then, but the log is kernel/persistent.hpp's). The log is how a system
// learns why it was reset: the entry of the event that reset it is there
// for the system partition's new life to read. Only a power-on clears it.
//
// For system partitions only (table 2.2; XM_PERM_ERROR otherwise), one
// reader (the first system partition to use the log; XM_PERM_ERROR for any
// other, as for trace streams, 5.14.2: a shared read position would make
// each reader miss the other's entries). The descriptor is
// OBJDESC_BUILD(OBJ_CLASS_HM, XM_HYPERVISOR_ID, 0) (listing 5.34); any
// other is XM_INVALID_PARAM.
//   XM_read_object          at most hm_read_max entries, oldest unread
//                           first; returns the entries copied (0: none)
//   XM_seek_object          the read position, in entries from the oldest
//                           held (XM_HM_SEEK_SET), the current one (_CUR)
//                           or past the newest (_END), clamped to the
//                           entries held; returns the new position
//   XM_ctrl_object(XM_HM_GET_STATUS, xmHmStatus_t*)
// XM_INVALID_PARAM: a buffer not wholly in the caller's writable memory
// (or misaligned), a size below one entry, an unknown whence or command.
// Every call does bounded work: positions are counters, a read copies at
// most hm_read_max entries, recording copies one.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/objects.hpp"
#include "stratum/kernel/persistent.hpp"

extern "C" {
#include "xm/hm.h"
#include "xm/objects.h"
}

namespace stratum::kernel {

static_assert(sizeof(xmHmLog_t) == 36, "xmHmLog_t is packed (listing 2.2)");

template <class K>
class HmLog {
 public:
  static constexpr std::uint32_t capacity = XM_HM_LOG_CAPACITY;  // entries
  static constexpr std::uint32_t hm_read_max = 8;                // entries a read copies at most
  static constexpr std::uint32_t entry_bytes = sizeof(xmHmLog_t);
  static_assert(capacity > 0 && capacity <= 1024, "XM_HM_LOG_CAPACITY: at least one entry, and a ring that fits the hypervisor's .bss");

  // Records `event` of the partition with id `partition_id`: `ctx` when the
  // event is a processor trap (pc, npc, fault address, trap type), else the
  // payload (the same four words, the last two 0) with validCpuCtxt clear;
  // `sys` when the hypervisor's own table took it (opCode's sys bit).
  static void record(std::uint32_t event, std::uint32_t partition_id, const xmWord_t (&words)[4], bool ctx,
                     bool sys = false) {
    xmHmLog_t& e = log().ring[log().head];
    if (log().written >= capacity && log().position <= log().written - capacity) ++log().lost;  // its oldest, unread
    e.signature = XM_HMLOG_SIGNATURE;
    e.checksum = 0;
    e.opCode = ((event << HMLOG_OPCODE_EVENT_BIT) & HMLOG_OPCODE_EVENT_MASK) |
               (ctx ? HMLOG_OPCODE_VALID_CPUCTXT_MASK : 0u) | (sys ? HMLOG_OPCODE_SYS_MASK : 0u) |
               (partition_id & HMLOG_OPCODE_PARTID_MASK);
    e.seq = static_cast<xm_u32_t>(log().written);
    e.timestamp = static_cast<xmTime_t>(K::Board::now_us());
    for (std::size_t w = 0; w < XM_HMLOG_PAYLOAD_LENGTH; ++w) e.payload[w] = words[w];
    log().head = log().head + 1 == capacity ? 0 : log().head + 1;
    ++log().written;
  }

  // XM_hm_read.
  static std::int32_t read(Caller caller, xmObjDesc_t desc, UserPtr<void> buffer, xm_u32_t size, UserPtr<xm_u32_t>) {
    if (const std::int32_t err = check(caller, desc); err != XM_OK) return err;
    std::uint32_t want = size / entry_bytes;
    if (want > hm_read_max) want = hm_read_max;
    if (want == 0 || !K::Memory::holds(caller, buffer.address, want * entry_bytes, true, 4)) return XM_INVALID_PARAM;
    const std::uint64_t first = oldest();
    if (log().position < first) log().position = first;
    const std::uint64_t left = log().written - log().position;
    const std::uint32_t n = left < want ? static_cast<std::uint32_t>(left) : want;
    // Staged in order (the ring may wrap), then handed over in one copy.
    xmHmLog_t stage[hm_read_max];
    for (std::uint32_t k = 0; k < n; ++k) stage[k] = log().ring[slot(log().position - first + k)];
    if (n != 0) K::Cpu::write_user(buffer.address, stage, n * entry_bytes);
    log().position += n;
    return static_cast<std::int32_t>(n);
  }

  // XM_hm_seek.
  static std::int32_t seek(Caller caller, xmObjDesc_t desc, xm_u32_t offset, xm_u32_t whence) {
    if (const std::int32_t err = check(caller, desc); err != XM_OK) return err;
    const std::uint64_t first = oldest();
    const std::int64_t held = static_cast<std::int64_t>(log().written - first);
    const std::int64_t at = log().position < first ? 0 : static_cast<std::int64_t>(log().position - first);
    std::int64_t to = static_cast<std::int32_t>(offset);
    switch (whence) {
      case XM_HM_SEEK_SET: break;
      case XM_HM_SEEK_CUR: to += at; break;
      case XM_HM_SEEK_END: to += held; break;
      default: return XM_INVALID_PARAM;
    }
    to = to < 0 ? 0 : (to > held ? held : to);
    log().position = first + static_cast<std::uint64_t>(to);
    return static_cast<std::int32_t>(to);
  }

  // XM_hm_status (and XM_hm_open, which asks it to become the reader).
  static std::int32_t ctrl(Caller caller, xmObjDesc_t desc, xm_u32_t cmd, UserPtr<void> arg) {
    if (const std::int32_t err = check(caller, desc); err != XM_OK) return err;
    if (cmd != XM_HM_GET_STATUS) return XM_INVALID_PARAM;
    const std::uint64_t first = oldest();
    xmHmStatus_t st{};
    st.noEvents = static_cast<xm_s32_t>(log().written - first);
    st.maxEvents = static_cast<xm_s32_t>(capacity);
    st.currentEvent = static_cast<xm_s32_t>(log().position < first ? 0 : log().position - first);
    st.lostEvents = static_cast<xm_s32_t>(log().lost > 0x7fffffffu ? 0x7fffffffu : log().lost);
    return K::Memory::put(caller, UserPtr<xmHmStatus_t>{arg.address}, st) ? XM_OK : XM_INVALID_PARAM;
  }

  static constexpr ObjectClass object_class{.read = &read, .seek = &seek, .ctrl = &ctrl};

  // Entries logged since power-on (tests, the benchmark).
  static std::uint64_t logged() { return log().written; }

  // At a restart of the hypervisor: the log is kept (kernel/persistent.hpp),
  // unless the fault that caused the restart left its positions
  // inconsistent, which would make a read or a record go out of the ring;
  // then it starts empty. Returns whether it was kept.
  static bool recover() {
    const HmLogState& l = log();
    const bool sound = l.head < capacity && l.head == l.written % capacity && l.position <= l.written &&
                       l.reader <= K::system.partitions.size();
    if (!sound) log().written = log().position = log().lost = log().head = log().reader = 0;
    return sound;
  }

 private:
  // (the log outlives a restart of the hypervisor: kernel/persistent.hpp)
  static HmLogState& log() { return stratum_persistent.hm_log; }

  // XM_OK when `caller` may read through `desc`; the first system partition
  // to use the log becomes its only reader.
  static std::int32_t check(Caller caller, xmObjDesc_t desc) {
    if (!K::Partitions::is_system(caller)) return XM_PERM_ERROR;
    if (desc != OBJDESC_BUILD(OBJ_CLASS_HM, XM_HYPERVISOR_ID, 0)) return XM_INVALID_PARAM;
    if (log().reader != 0 && log().reader != caller + 1) return XM_PERM_ERROR;
    log().reader = static_cast<std::uint32_t>(caller + 1);
    return XM_OK;
  }

  // The number (as log().written) of the oldest entry held.
  static std::uint64_t oldest() { return log().written > capacity ? log().written - capacity : 0; }

  // The ring slot of the entry `rel` after the oldest held (rel < capacity).
  static std::uint32_t slot(std::uint64_t rel) {
    const std::uint32_t first = log().written >= capacity ? log().head : 0;
    const std::uint32_t at = first + static_cast<std::uint32_t>(rel);
    return at >= capacity ? at - capacity : at;
  }
};

}  // namespace stratum::kernel
