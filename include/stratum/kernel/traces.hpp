// Traces (manual 2.16, 5.14, table 2.2): the object class OBJ_CLASS_TRACE.
// Each partition with a Trace element, and the hypervisor with its own, has
// a stream: a ring of xmTraceEvent_t (include/xm/trace.h) in the MemoryBlock
// device its Trace names, holding size / 36 events.
//
// XM_trace_event(bitmask, event): XM_write_object(OBJDESC_BUILD(
// OBJ_CLASS_TRACE, self, 0), event, sizeof(xmTraceEvent_t), flags) where
// the flags word is the bitmask itself (not a pointer: nothing to check).
// The event is stored when bitmask & Trace@bitmask is not 0 (2.16), with
// signature, sequence number, partition id and timestamp (XM_HW_CLOCK, us)
// filled in by the hypervisor. When the ring is full the oldest event is
// overwritten (5.14.2); one the reader had not read yet is counted lost
// (xmTraceStatus_t.lostEvents). The sequence number counts the stream's
// events since boot, modulo 2^28 (its 28 bits of opCodeH). Streams are
// hypervisor state: they survive partition and system resets.
//
// An event of criticality XM_TRACE_UNRECOVERABLE is also an HM event
// (2.13.1: "highly critical tracing messages are considered as HM
// events"; 5.14.1: both the trace is stored and the HM event raised, the
// HM event "regardless of the bitmask"): XM_HM_EV_PARTITION_ERROR of the
// caller, raised after the event is stored or filtered out, and also when
// the caller has no Trace element (the HM event does not depend on a
// stream: a partition's declared failure must not be lost because the
// integrator kept no trace of it). Its action is the caller's HealthMonitor
// table's, by default a halt (health_monitor.hpp, HealthMonitor::raise).
// The call's result is the same as without it, for a caller that goes on.
//
//   XM_OK              stored
//   XM_NO_ACTION       filtered out by the bitmasks: nothing stored
//   XM_INVALID_CONFIG  the caller has no Trace element (the event is read,
//                      and raises its HM event, first)
//   XM_PERM_ERROR      the descriptor names another partition's stream
//   XM_INVALID_PARAM   a size that is not one event; an event outside the
//                      caller's memory (no HM event: nothing was read)
//
// Reading is for system partitions only (table 2.2; XM_PERM_ERROR
// otherwise), one reader per stream (5.14.2: the first system partition to
// use it; XM_PERM_ERROR for any other). A stream is named by the descriptor
// OBJDESC_BUILD(OBJ_CLASS_TRACE, id, 0), id a partition id or
// XM_HYPERVISOR_ID (XM_INVALID_PARAM: no such partition; XM_INVALID_CONFIG:
// it has no Trace element). XM_trace_open(id) is libxm's: it builds the
// descriptor and asks the status, which claims the stream.
//   XM_read_object          at most trace_read_max events, oldest unread
//                           first; returns the events copied (0: none left)
//   XM_seek_object          the read position, in events from the oldest
//                           held (SET), the current one (CUR) or past the
//                           newest (END), clamped to the events held;
//                           returns the new position
//   XM_ctrl_object(XM_TRACE_GET_STATUS, xmTraceStatus_t*)
//
// Every call does bounded work: no loop over the stream (the ring's
// positions are counters; a read copies at most trace_read_max events).
// Where each block may lie is a configuration rule (TRACE-DEVICE,
// config::check_trace_device in check_memory.hpp, and the generator's: inside
// a memory region, in no partition's nor the hypervisor's area, one stream
// per block, whole MMU pages); the page tables map it supervisor-only
// in every context (page_tables.hpp), so the hypervisor reaches it whoever
// runs, and no partition does.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/config/diagnostic.hpp"
#include "stratum/config/model.hpp"
#include "stratum/config/target.hpp"
#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/objects.hpp"

extern "C" {
#include "xm/hm.h"
#include "xm/objects.h"
#include "xm/trace.h"
}

namespace stratum::kernel {

static_assert(sizeof(xmTraceEvent_t) == 36, "xmTraceEvent_t is packed (listing 5.26)");

template <class K>
class Traces {
  static constexpr const config::System& S = K::system;
  static constexpr std::size_t N = S.partitions.size();
  static constexpr std::uint32_t event_bytes = sizeof(xmTraceEvent_t);
  static constexpr std::uint32_t unrecoverable_bits = std::uint32_t{XM_TRACE_UNRECOVERABLE} << TRACE_OPCODE_CRIT_BIT;

  // Stream k: partition k's, and the hypervisor's at N.
  struct Layout {
    std::uint32_t base = 0;      // the block's address (0: no stream)
    std::uint32_t capacity = 0;  // events
    std::uint32_t bitmask = 0;   // Trace@bitmask
  };
  static constexpr std::array<Layout, N + 1> layout_ = [] {
    std::array<Layout, N + 1> l{};
    for (std::size_t k = 0; k <= N; ++k) {
      const config::Trace& t = k < N ? S.partitions[k].trace : S.hypervisor.trace;
      if (const config::Device* b = config::trace_device(S, t))
        l[k] = {b->start, b->size / event_bytes, t.bitmask};
    }
    return l;
  }();

 public:
  static constexpr std::uint32_t trace_read_max = 16;  // events a read copies at most
  static constexpr bool any = [] {
    for (const Layout& l : layout_)
      if (l.capacity != 0) return true;
    return false;
  }();
  static constexpr std::uint32_t capacity(std::size_t k) { return layout_[k].capacity; }

  // The hypervisor's own event (5.14.1), stored in its stream when bit
  // `module` (TRACE_MODULE_*) of its Trace bitmask is set: partition field
  // XM_HYPERVISOR_ID and the sys bit (the writer), `code` (TRACE_EV_*) in
  // opCodeL's code, payload[0] the module and payload[1] the id of the
  // partition affected. Called on every partition halt (boot included, for
  // a partition without the boot flag) and counted reset.
  static void hypervisor_event(std::uint32_t module, std::uint32_t code, std::uint32_t partition) {
    if constexpr (layout_[N].capacity != 0) {
      if (((layout_[N].bitmask >> module) & 1u) == 0) return;
      xmTraceEvent_t e{};
      e.opCodeL = code << TRACE_OPCODE_CODE_BIT;
      e.payload[0] = module;
      e.payload[1] = partition;
      store(N, e, XM_HYPERVISOR_ID, TRACE_OPCODE_SYS_MASK);
    }
  }

  // XM_trace_event. The event's place is checked before anything else: an
  // XM_TRACE_UNRECOVERABLE one raises the HM event whether it is stored,
  // filtered out or the caller has no stream, so its criticality is always
  // read (only that word, when the event is not stored).
  static std::int32_t write(Caller caller, xmObjDesc_t desc, UserPtr<void> event, xm_u32_t size,
                            UserPtr<xm_u32_t> bitmask) {
    if (OBJDESC_GET_PARTITIONID(desc) != S.partitions[caller].id) return XM_PERM_ERROR;
    if (size != event_bytes || !K::Memory::holds(caller, event.address, event_bytes, false, 1)) return XM_INVALID_PARAM;
    const Layout& l = layout_[caller];
    const bool stream = any && l.capacity != 0;  // (!any: no stream code is compiled)
    std::uint32_t high;                          // opCodeH: its criticality
    std::int32_t r = stream ? XM_NO_ACTION : XM_INVALID_CONFIG;
    if (stream && (bitmask.address & l.bitmask) != 0) {
      xmTraceEvent_t e;  // (packed: any alignment)
      K::Cpu::read_user(&e, event.address, event_bytes);
      high = e.opCodeH;
      store(caller, e, S.partitions[caller].id, 0);
      r = XM_OK;
    } else {
      K::Cpu::read_user(&high, event.address + offsetof(xmTraceEvent_t, opCodeH), sizeof high);
    }
    // One test on the common path; the raise is cold.
    if ((high & TRACE_OPCODE_CRIT_MASK) == unrecoverable_bits) [[unlikely]]
      unrecoverable(caller, event.address);
    return r;
  }

  // XM_trace_read.
  static std::int32_t read(Caller caller, xmObjDesc_t desc, UserPtr<void> buffer, xm_u32_t size, UserPtr<xm_u32_t>) {
    std::int32_t err = XM_OK;
    const int k = reader_stream(caller, desc, err);
    if (k < 0) return err;
    std::uint32_t want = size / event_bytes;
    if (want > trace_read_max) want = trace_read_max;
    if (want == 0 || !K::Memory::holds(caller, buffer.address, want * event_bytes, true, 1)) return XM_INVALID_PARAM;
    State& s = state_[k];
    const Layout& l = layout_[k];
    const std::uint64_t first = oldest(k);
    if (s.position < first) s.position = first;
    const std::uint64_t left = s.written - s.position;
    const std::uint32_t n = left < want ? static_cast<std::uint32_t>(left) : want;
    // At most two runs of the ring (up to its end, then from its start),
    // staged here and handed over in one copy.
    std::uint32_t stage[trace_read_max * event_bytes / 4];
    const std::uint32_t from = slot(k, s.position - first);
    const std::uint32_t run = n < l.capacity - from ? n : l.capacity - from;
    K::Cpu::read_user(stage, l.base + from * event_bytes, run * event_bytes);
    if (run < n) K::Cpu::read_user(reinterpret_cast<char*>(stage) + run * event_bytes, l.base, (n - run) * event_bytes);
    K::Cpu::write_user(buffer.address, stage, n * event_bytes);
    s.position += n;
    return static_cast<std::int32_t>(n);
  }

  // XM_trace_seek.
  static std::int32_t seek(Caller caller, xmObjDesc_t desc, xm_u32_t offset, xm_u32_t whence) {
    std::int32_t err = XM_OK;
    const int k = reader_stream(caller, desc, err);
    if (k < 0) return err;
    State& s = state_[k];
    const std::uint64_t first = oldest(k);
    const std::int64_t held = static_cast<std::int64_t>(s.written - first);
    const std::int64_t at = s.position < first ? 0 : static_cast<std::int64_t>(s.position - first);
    std::int64_t to = static_cast<std::int32_t>(offset);
    switch (whence) {
      case XM_TRACE_SEEK_SET: break;
      case XM_TRACE_SEEK_CUR: to += at; break;
      case XM_TRACE_SEEK_END: to += held; break;
      default: return XM_INVALID_PARAM;
    }
    to = to < 0 ? 0 : (to > held ? held : to);
    s.position = first + static_cast<std::uint64_t>(to);
    return static_cast<std::int32_t>(to);
  }

  // XM_trace_status.
  static std::int32_t ctrl(Caller caller, xmObjDesc_t desc, xm_u32_t cmd, UserPtr<void> arg) {
    std::int32_t err = XM_OK;
    const int k = reader_stream(caller, desc, err);
    if (k < 0) return err;
    if (cmd != XM_TRACE_GET_STATUS) return XM_INVALID_PARAM;
    const State& s = state_[k];
    const std::uint64_t first = oldest(k);
    xmTraceStatus_t st{};
    st.noEvents = static_cast<xm_s32_t>(s.written - first);
    st.maxEvents = static_cast<xm_s32_t>(layout_[k].capacity);
    st.currentEvent = static_cast<xm_s32_t>(s.position < first ? 0 : s.position - first);
    st.lostEvents = static_cast<xm_s32_t>(s.lost > 0x7fffffffu ? 0x7fffffffu : s.lost);
    return K::Memory::put(caller, UserPtr<xmTraceStatus_t>{arg.address}, st) ? XM_OK : XM_INVALID_PARAM;
  }

  static constexpr ObjectClass object_class{.read = &read, .write = &write, .seek = &seek, .ctrl = &ctrl};

 private:
  struct State {
    std::uint64_t written = 0;   // events stored since boot
    std::uint64_t position = 0;  // the reader's next event, counted as `written`
    std::uint64_t lost = 0;      // overwritten before they were read
    std::uint32_t head = 0;      // where the next event goes: written mod capacity
    std::uint8_t reader = 0;     // the reading partition + 1 (0: none yet)
  };
  static inline std::array<State, N + 1> state_{};

  static int stream_of(std::uint32_t id) {
    if (id == XM_HYPERVISOR_ID) return static_cast<int>(N);
    return id < N ? static_cast<int>(id) : -1;
  }

  // The stream a reader's descriptor names; the first system partition to
  // use a stream becomes its only reader (5.14.2).
  static int reader_stream(Caller caller, xmObjDesc_t desc, std::int32_t& err) {
    err = XM_PERM_ERROR;
    if (!K::Partitions::is_system(caller)) return -1;
    err = XM_INVALID_PARAM;
    const int k = OBJDESC_GET_ID(desc) == 0 ? stream_of(OBJDESC_GET_PARTITIONID(desc)) : -1;
    if (k < 0) return -1;
    err = XM_INVALID_CONFIG;
    if (!any || layout_[k].capacity == 0) return -1;
    State& s = state_[k];
    err = XM_PERM_ERROR;
    if (s.reader != 0 && s.reader != caller + 1) return -1;
    s.reader = static_cast<std::uint8_t>(caller + 1);
    return k;
  }

  // The number (as `written`) of the oldest event stream k holds.
  static std::uint64_t oldest(int k) {
    const std::uint64_t w = state_[k].written, c = layout_[k].capacity;
    return w > c ? w - c : 0;
  }

  // The ring slot of the event `rel` after the oldest held (rel < capacity).
  static std::uint32_t slot(int k, std::uint64_t rel) {
    const State& s = state_[k];
    const std::uint32_t c = layout_[k].capacity;
    const std::uint32_t first = s.written >= c ? s.head : 0;
    const std::uint32_t at = first + static_cast<std::uint32_t>(rel);
    return at >= c ? at - c : at;
  }

  // XM_HM_EV_PARTITION_ERROR for the caller's XM_TRACE_UNRECOVERABLE event
  // at `event` (5.14.1): logged with the event's code and its first three
  // payload words (an HM log entry has four: the fourth does not fit), then
  // its table's action or the default halt (HealthMonitor::raise). Whatever
  // the action, write() returns as it would without it: a caller the
  // action restarted is not given a result (Kernel::hypercall), one halted
  // never reads it, one that goes on reads it.
  // (Not inlined: the event is read again here, off the common path; the
  // caller has not run since, so it is the event write() saw.)
  [[gnu::cold, gnu::noinline]] static void unrecoverable(Caller caller, std::uint32_t event) {
    xmTraceEvent_t e;
    K::Cpu::read_user(&e, event, event_bytes);
    const xmWord_t words[4] = {(e.opCodeL & TRACE_OPCODE_CODE_MASK) >> TRACE_OPCODE_CODE_BIT, e.payload[0], e.payload[1],
                               e.payload[2]};
    K::HealthMonitor::raise(caller, XM_HM_EV_PARTITION_ERROR, words,
                            "raised XM_HM_EV_PARTITION_ERROR (an XM_TRACE_UNRECOVERABLE trace event)");
  }

  // Stores e as stream k's next event; what the writer may not choose
  // (sequence, sys bit, partition, vCPU, time) is the hypervisor's.
  static void store(std::size_t k, xmTraceEvent_t& e, std::uint32_t partition_id, std::uint32_t sys) {
    State& s = state_[k];
    const Layout& l = layout_[k];
    if (s.written >= l.capacity && s.position <= s.written - l.capacity) ++s.lost;  // its oldest, unread
    e.signature = XMTRACE_SIGNATURE;
    e.checksum = 0;
    e.opCodeH = (static_cast<std::uint32_t>(s.written) << TRACE_OPCODE_SEQ_BIT) | (e.opCodeH & TRACE_OPCODE_CRIT_MASK) | sys;
    e.opCodeL = (e.opCodeL & TRACE_OPCODE_CODE_MASK) | (partition_id & 0xffu);
    e.timestamp = static_cast<xmTime_t>(K::Board::now_us());
    // The block is mapped supervisor-only in every context: the kernel
    // reaches it through the current one, as it reaches a partition's memory.
    K::Cpu::write_user(l.base + s.head * event_bytes, &e, event_bytes);
    s.head = s.head + 1 == l.capacity ? 0 : s.head + 1;
    ++s.written;
  }
};

}  // namespace stratum::kernel
