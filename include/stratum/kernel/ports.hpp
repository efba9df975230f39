// Sampling and queuing ports (manual 2.12, 5.9, 5.9.1): the object classes
// OBJ_CLASS_SAMPLING_PORT and OBJ_CLASS_QUEUING_PORT over the channels of
// the tables, stored in one pool laid out at compile time (channels.hpp).
//
// XM_ctrl_object(OBJDESC_BUILD(class, self, 0), XM_COMM_CREATE_PORT, cmd)
// opens one of the caller's ports by name and returns its number (the
// descriptor); XM_write_object/XM_read_object on OBJDESC_BUILD(class, self,
// number) write (sampling) or send (queuing) and read or receive one
// message. Return codes:
//
//   XM_PERM_ERROR      the descriptor names another partition
//   XM_INVALID_PARAM   not one of the caller's ports, not open, the wrong
//                      class or direction; a pointer outside the caller's
//                      memory; a 0-byte message; a buffer smaller than the
//                      message to receive (the message stays)
//   XM_INVALID_CONFIG  create: a size, count or refreshPeriod that is not
//                      the channel's; write/send: more than maxMessageLength
//   XM_NOT_AVAILABLE   send to a full queue, receive from an empty one
//
// A write or read copies at most the channel's maxMessageLength bytes, its
// buffer checked once for the whole range. Every destination of a channel
// gets XM_VT_EXT_SAMPLING_PORT / XM_VT_EXT_QUEUING_PORT when a message
// arrives (masked at boot). A second create of an open port returns its
// descriptor again (a warm reset keeps the ports open, 5.5, and the code
// that runs again creates them again). A cold reset closes the partition's
// ports (5.5) and empties the queues it receives from (their messages were
// for the life that ended); a sampling channel keeps its last message.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/model.hpp"
#include "stratum/kernel/channels.hpp"
#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/objects.hpp"

extern "C" {
#include "xm/comm.h"
#include "xm/guest.h"
#include "xm/objects.h"
}

namespace stratum::kernel {

template <class K>
class Ports {
  static constexpr const config::System& S = K::system;
  static constexpr std::size_t N = S.partitions.size();

 public:
  static constexpr std::size_t port_count = pool::ports(S);
  static constexpr std::uint64_t pool_bytes = pool::bytes(S);

  // Messages each partition moved (manual 5.15: the status counters).
  struct Counters {
    std::uint64_t sampling_read, sampling_written, queuing_sent, queuing_received;
  };
  static const Counters& counters(Caller i) { return counters_[i]; }
  static const Counters& totals() { return totals_; }

  // A cold reset of partition i: its ports close, the queues it receives
  // from are emptied.
  static void close(Caller i) {
    for (std::uint32_t g = first_[i]; g < first_[i + 1]; ++g) {
      pool_[g] = 0;
      const pool::PortEntry& e = table_[g];
      if (e.kind == config::PortKind::queuing && e.direction == config::PortDirection::destination)
        set32(e.offset + 4, 0);  // count
    }
  }
  // A system reset: every port closed, every channel empty. (Only the
  // headers: a message's bytes past its length are never read, and
  // clearing them all would make the reset's time grow with the pool.)
  static void reset_all() {
    __builtin_memset(pool_, 0, pool::round8(port_count));
    for (std::size_t c = 0; c < channel_at_.size(); ++c) {
      set64(channel_at_[c], 0);                                        // length / head and count
      if (c < S.sampling_channels.size()) set64(channel_at_[c] + 8, 0);  // a sample's time
    }
  }

  template <config::PortKind kind>
  static std::int32_t ctrl(Caller caller, xmObjDesc_t desc, xm_u32_t cmd, UserPtr<void> arg) {
    if (OBJDESC_GET_PARTITIONID(desc) != S.partitions[caller].id) return XM_PERM_ERROR;
    if (cmd == XM_COMM_GET_PORT_STATUS) return status<kind>(caller, desc, arg.address);
    if (cmd != XM_COMM_CREATE_PORT && cmd != XM_COMM_GET_PORT_INFO) return XM_INVALID_PARAM;
    xmCommPortCmd_t c;
    if (!K::Memory::get(caller, UserPtr<xmCommPortCmd_t>{arg.address}, c)) return XM_INVALID_PARAM;
    const int g = by_name(caller, c.portName, kind);
    if (g < 0) return XM_INVALID_PARAM;
    const pool::PortEntry& e = table_[static_cast<std::size_t>(g)];
    if (cmd == XM_COMM_GET_PORT_INFO) return info(caller, e, arg.address);
    if (c.direction != direction_code(e.direction)) return XM_INVALID_PARAM;
    if (c.maxMsgSize != max_length(e)) return XM_INVALID_CONFIG;
    if constexpr (kind == config::PortKind::queuing) {
      if (c.maxNoMsgs != S.queuing_channels[e.channel].max_messages) return XM_INVALID_CONFIG;
    } else if (c.refreshPeriod != XM_NO_REFRESH_CHECK &&
               c.refreshPeriod != xmTime_t{config::refresh_period(S.sampling_channels[e.channel])}) {
      return XM_INVALID_CONFIG;
    }
    pool_[static_cast<std::size_t>(g)] = 1;
    return g;
  }

  // XM_write_sampling_message / XM_send_queuing_message.
  template <config::PortKind kind>
  static std::int32_t write(Caller caller, xmObjDesc_t desc, UserPtr<void> buffer, xm_u32_t size) {
    std::int32_t err = XM_OK;
    const pool::PortEntry* e = open_port(caller, desc, kind, config::PortDirection::source, err);
    if (e == nullptr) return err;
    if (size == 0) return XM_INVALID_PARAM;
    if (size > max_length(*e)) return XM_INVALID_CONFIG;
    if (!K::Memory::holds(caller, buffer.address, size, false, 1)) return XM_INVALID_PARAM;
    if constexpr (kind == config::PortKind::sampling) {
      K::Cpu::read_user(pool_ + e->offset + pool::sampling_header, buffer.address, size);
      set32(e->offset, size);
      set64(e->offset + 8, K::Board::now_us());
      tally(caller, &Counters::sampling_written);
      for (const config::ChannelEnd& d : S.sampling_channels[e->channel].destinations)
        notify(caller, d.partition_id, XM_VT_EXT_SAMPLING_PORT);
      return XM_OK;
    } else {
      const config::QueuingChannel& ch = S.queuing_channels[e->channel];
      const std::uint32_t head = get32(e->offset), n = get32(e->offset + 4);
      if (n == ch.max_messages) return XM_NOT_AVAILABLE;
      const std::uint32_t at = slot(*e, wrap(head + n, ch.max_messages));
      K::Cpu::read_user(pool_ + at + pool::slot_header, buffer.address, size);
      set32(at, size);
      set32(e->offset + 4, n + 1);
      tally(caller, &Counters::queuing_sent);
      notify(caller, ch.destination.partition_id, XM_VT_EXT_QUEUING_PORT);
      return XM_OK;
    }
  }

  // XM_read_sampling_message / XM_receive_queuing_message: the bytes
  // received (0: no message yet, sampling only).
  template <config::PortKind kind>
  static std::int32_t read(Caller caller, xmObjDesc_t desc, UserPtr<void> buffer, xm_u32_t size, UserPtr<xm_u32_t> flags) {
    std::int32_t err = XM_OK;
    const pool::PortEntry* e = open_port(caller, desc, kind, config::PortDirection::destination, err);
    if (e == nullptr) return err;
    const std::uint32_t room = size < max_length(*e) ? size : max_length(*e);
    if (room == 0 || !K::Memory::holds(caller, buffer.address, room, true, 1)) return XM_INVALID_PARAM;
    if (flags.address != 0 && !K::Memory::holds(caller, flags.address, 4, true, 4)) return XM_INVALID_PARAM;
    std::uint32_t at, length, f = 0;
    if constexpr (kind == config::PortKind::sampling) {
      at = e->offset;
      length = get32(at);
      if (length != 0 && valid(*e, get64(at + 8))) f = XM_COMM_MSG_VALID;
      at += pool::sampling_header;
    } else {
      const config::QueuingChannel& ch = S.queuing_channels[e->channel];
      const std::uint32_t head = get32(e->offset), n = get32(e->offset + 4);
      if (n == 0) return XM_NOT_AVAILABLE;
      at = slot(*e, head);
      length = get32(at);
      at += pool::slot_header;
      if (length <= room) {
        set32(e->offset, wrap(head + 1, ch.max_messages));
        set32(e->offset + 4, n - 1);
      }
    }
    if (length > room) return XM_INVALID_PARAM;  // whole messages only
    K::Cpu::write_user(buffer.address, pool_ + at, length);
    if (flags.address != 0) K::Cpu::store_user(flags.address, f);
    if (length != 0) tally(caller, kind == config::PortKind::sampling ? &Counters::sampling_read : &Counters::queuing_received);
    return static_cast<std::int32_t>(length);
  }

 private:
  static constexpr auto table_ = pool::port_table<S>();
  static constexpr auto first_ = pool::first_ports<S>();
  static constexpr auto channel_at_ = pool::channel_offsets<S>();
  static constexpr auto sorted_ = pool::ports_by_name<S>();
  static_assert(pool_bytes < (std::uint64_t{1} << 31), "the channels' pool is larger than 2 GB (CHANNEL-POOL-ROOM)");
  static constexpr std::size_t longest_name = [] {
    std::size_t m = 0;
    for (const config::Partition& p : S.partitions)
      for (const config::Port& port : p.ports) {
        std::size_t n = 0;
        while (port.name[n]) ++n;
        m = n > m ? n : m;
      }
    return m;
  }();

  static std::uint32_t direction_code(config::PortDirection d) {
    return d == config::PortDirection::source ? XM_SOURCE_PORT : XM_DESTINATION_PORT;
  }
  static std::uint32_t max_length(const pool::PortEntry& e) {
    return e.kind == config::PortKind::sampling ? S.sampling_channels[e.channel].max_message_length
                                                : S.queuing_channels[e.channel].max_message_length;
  }
  // A ring index past its end comes round (k < 2 * n: no division).
  static std::uint32_t wrap(std::uint32_t k, std::uint32_t n) { return k >= n ? k - n : k; }
  static std::uint32_t slot(const pool::PortEntry& e, std::uint32_t k) {
    return e.offset + pool::queue_header + k * static_cast<std::uint32_t>(pool::slot_bytes(S.queuing_channels[e.channel]));
  }
  // A sampling message written at `written` is valid while younger than
  // the channel's refreshPeriod (for ever without one).
  static bool valid(const pool::PortEntry& e, std::uint64_t written) {
    const std::uint32_t period = config::refresh_period(S.sampling_channels[e.channel]);
    return period == 0 || K::Board::now_us() - written <= period;
  }

  // The caller's open port of `kind` and `direction` the descriptor names.
  static const pool::PortEntry* open_port(Caller caller, xmObjDesc_t desc, config::PortKind kind,
                                          config::PortDirection direction, std::int32_t& err) {
    if (OBJDESC_GET_PARTITIONID(desc) != S.partitions[caller].id) {
      err = XM_PERM_ERROR;
      return nullptr;
    }
    const std::uint32_t g = OBJDESC_GET_ID(desc);
    if (g < first_[caller] || g >= first_[caller + 1] || pool_[g] == 0 || table_[g].kind != kind ||
        table_[g].direction != direction) {
      err = XM_INVALID_PARAM;
      return nullptr;
    }
    return &table_[g];
  }

  // The number of the caller's port of `kind` whose name the caller's
  // string at `name` is; -1 if none (a string longer than every name of
  // the caller's ports, or not the caller's memory, names none). A binary
  // search: log2(its ports) + 1 comparisons of at most 32 bytes.
  static int by_name(Caller caller, std::uint32_t name, config::PortKind kind) {
    char s[longest_name + 1];
    const std::uint32_t n = K::Memory::readable_run(caller, name, longest_name + 1);
    if (n == 0) return -1;
    K::Cpu::read_user(s, name, n);
    std::uint32_t length = 0;
    while (length < n && s[length] != 0) ++length;
    if (length == n) return -1;  // no terminator where a name could end
    const int g = pool::find_port<S>(sorted_, caller, s);
    return g >= 0 && table_[static_cast<std::size_t>(g)].kind == kind ? g : -1;
  }

  static std::int32_t info(Caller caller, const pool::PortEntry& e, std::uint32_t arg) {
    xmCommPortCmd_t c{};
    K::Cpu::read_user(&c, arg, sizeof c);
    c.maxMsgSize = max_length(e);
    c.direction = direction_code(e.direction);
    c.maxNoMsgs = e.kind == config::PortKind::queuing ? S.queuing_channels[e.channel].max_messages : 0;
    c.refreshPeriod = e.kind == config::PortKind::sampling ? config::refresh_period(S.sampling_channels[e.channel]) : 0;
    return K::Memory::put(caller, UserPtr<xmCommPortCmd_t>{arg}, c) ? XM_OK : XM_INVALID_PARAM;
  }

  template <config::PortKind kind>
  static std::int32_t status(Caller caller, xmObjDesc_t desc, std::uint32_t arg) {
    std::int32_t err = XM_OK;
    const std::uint32_t g = OBJDESC_GET_ID(desc);
    const pool::PortEntry* e = open_port(caller, desc, kind, g < port_count ? table_[g].direction : config::PortDirection::source, err);
    if (e == nullptr) return err;
    if constexpr (kind == config::PortKind::sampling) {
      xmSamplingPortStatus_t st{};
      st.refreshPeriod = config::refresh_period(S.sampling_channels[e->channel]);
      st.maxMsgSize = max_length(*e);
      st.lastMsgSize = get32(e->offset);
      st.timestamp = st.lastMsgSize ? static_cast<xmTime_t>(get64(e->offset + 8)) : 0;
      st.flags = st.lastMsgSize && valid(*e, get64(e->offset + 8)) ? XM_COMM_MSG_VALID : 0;
      return K::Memory::put(caller, UserPtr<xmSamplingPortStatus_t>{arg}, st) ? XM_OK : XM_INVALID_PARAM;
    } else {
      xmQueuingPortStatus_t st{};
      st.maxMsgSize = max_length(*e);
      st.maxNoMsgs = S.queuing_channels[e->channel].max_messages;
      st.noMsgs = get32(e->offset + 4);
      return K::Memory::put(caller, UserPtr<xmQueuingPortStatus_t>{arg}, st) ? XM_OK : XM_INVALID_PARAM;
    }
  }

  // A message arrived for partition `id`: its extended interrupt is
  // pending (taken at once if the destination is the caller itself and
  // does not mask it).
  static void notify(Caller caller, std::uint32_t id, std::uint32_t irq) {
    if (id == caller && K::VirtualTraps::wants(caller, irq)) K::request_reschedule();
    K::VirtualTraps::raise(id, irq);
  }

  static void tally(Caller i, std::uint64_t Counters::*c) {
    ++(counters_[i].*c);
    ++(totals_.*c);
  }

  // Header words: 4-aligned (8 for a time) by the layout, so one load or store each.
  static std::uint32_t get32(std::uint32_t at) {
    std::uint32_t v;
    __builtin_memcpy(&v, __builtin_assume_aligned(pool_ + at, 4), 4);
    return v;
  }
  static std::uint64_t get64(std::uint32_t at) {
    std::uint64_t v;
    __builtin_memcpy(&v, __builtin_assume_aligned(pool_ + at, 8), 8);
    return v;
  }
  static void set32(std::uint32_t at, std::uint32_t v) { __builtin_memcpy(__builtin_assume_aligned(pool_ + at, 4), &v, 4); }
  static void set64(std::uint32_t at, std::uint64_t v) { __builtin_memcpy(__builtin_assume_aligned(pool_ + at, 8), &v, 8); }

  // The pool: open flags (a byte per port), then the channels.
  alignas(8) static inline std::uint8_t pool_[pool_bytes ? pool_bytes : 8]{};
  static inline Counters counters_[N]{};
  static inline Counters totals_{};
};

// The two object classes (5.19) over Ports.
template <class K, config::PortKind Kind>
struct PortObject {
  static std::int32_t read(Caller c, xmObjDesc_t d, UserPtr<void> b, xm_u32_t size, UserPtr<xm_u32_t> flags) {
    return K::Ports::template read<Kind>(c, d, b, size, flags);
  }
  static std::int32_t write(Caller c, xmObjDesc_t d, UserPtr<void> b, xm_u32_t size, UserPtr<xm_u32_t>) {
    return K::Ports::template write<Kind>(c, d, b, size);
  }
  static std::int32_t ctrl(Caller c, xmObjDesc_t d, xm_u32_t cmd, UserPtr<void> arg) {
    return K::Ports::template ctrl<Kind>(c, d, cmd, arg);
  }
  static constexpr ObjectClass object_class{.read = &read, .write = &write, .ctrl = &ctrl};
};

}  // namespace stratum::kernel
