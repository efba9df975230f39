// The channels' storage (manual 2.12): one pool in hypervisor memory, laid
// out by the compiler from the tables, with nothing in it for what the XML
// does not declare. Offsets and sizes in bytes, every block 8-aligned:
//
//   open flags      one byte per port of the system       round8(ports)
//   SamplingChannel header (length, time written) + data  16 + round8(maxMessageLength)
//   QueuingChannel  header (head, count) + a ring of      8 + maxNoMessages *
//                   maxNoMessages slots (length + data)       (8 + round8(maxMessageLength))
//
// Ports are numbered across the system (partition 0's ports in PortTable
// order, then partition 1's, ...): a port's number is its descriptor. The
// tables are valid (config::verify): every port is connected to exactly one
// channel end of its own kind and direction.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/config/channel_pool.hpp"
#include "stratum/config/model.hpp"

namespace stratum::kernel::pool {

// (The sizes are the configuration's, which its rule CHANNEL-POOL-ROOM checks.)
using config::pool::bytes;
using config::pool::ports;
using config::pool::queue_header;
using config::pool::queuing_bytes;
using config::pool::round8;
using config::pool::sampling_bytes;
using config::pool::sampling_header;
using config::pool::slot_bytes;
using config::pool::slot_header;

// One port of the system, as the tables give it.
struct PortEntry {
  std::uint32_t partition;  // index (= id)
  config::PortKind kind;
  config::PortDirection direction;
  std::uint32_t channel;    // among the channels of its kind
  std::uint32_t offset;     // of the channel's block in the pool
  const config::Port* port;
};

namespace detail {
constexpr bool same(const char* a, const char* b) {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}
constexpr bool connects(const config::ChannelEnd& e, const config::Partition& p, const config::Port& port) {
  return e.partition_id == p.id && same(e.port_name, port.name);
}
}  // namespace detail

// Every port with its channel and the channel's place in the pool.
template <const config::System& S>
constexpr std::array<PortEntry, ports(S)> port_table() {
  std::array<PortEntry, ports(S)> t{};
  std::size_t g = 0;
  for (std::uint32_t i = 0; i < S.partitions.size(); ++i) {
    const config::Partition& p = S.partitions[i];
    for (const config::Port& port : p.ports) {
      PortEntry& e = t[g++];
      e = {i, port.kind, port.direction, 0, 0, &port};
      std::uint64_t at = round8(ports(S));
      bool found = false;
      for (std::uint32_t c = 0; c < S.sampling_channels.size(); ++c) {
        const config::SamplingChannel& ch = S.sampling_channels[c];
        bool here = port.kind == config::PortKind::sampling && detail::connects(ch.source, p, port);
        for (const config::ChannelEnd& d : ch.destinations)
          here = here || (port.kind == config::PortKind::sampling && detail::connects(d, p, port));
        if (here && !found) e.channel = c, e.offset = static_cast<std::uint32_t>(at), found = true;
        at += sampling_bytes(ch);
      }
      for (std::uint32_t c = 0; c < S.queuing_channels.size(); ++c) {
        const config::QueuingChannel& ch = S.queuing_channels[c];
        const bool here = port.kind == config::PortKind::queuing &&
                          (detail::connects(ch.source, p, port) || detail::connects(ch.destination, p, port));
        if (here && !found) e.channel = c, e.offset = static_cast<std::uint32_t>(at), found = true;
        at += queuing_bytes(ch);
      }
    }
  }
  return t;
}

// Where each channel's block starts: sampling channels, then queuing ones.
template <const config::System& S>
constexpr std::array<std::uint32_t, S.sampling_channels.size() + S.queuing_channels.size()> channel_offsets() {
  std::array<std::uint32_t, S.sampling_channels.size() + S.queuing_channels.size()> t{};
  std::uint64_t at = round8(ports(S));
  std::size_t k = 0;
  for (const config::SamplingChannel& c : S.sampling_channels) t[k++] = static_cast<std::uint32_t>(at), at += sampling_bytes(c);
  for (const config::QueuingChannel& c : S.queuing_channels) t[k++] = static_cast<std::uint32_t>(at), at += queuing_bytes(c);
  return t;
}

// Partition i's ports are [first_port[i], first_port[i + 1]).
template <const config::System& S>
constexpr std::array<std::uint32_t, S.partitions.size() + 1> first_ports() {
  std::array<std::uint32_t, S.partitions.size() + 1> f{};
  for (std::size_t i = 0; i < S.partitions.size(); ++i)
    f[i + 1] = f[i] + static_cast<std::uint32_t>(S.partitions[i].ports.size());
  return f;
}

}  // namespace stratum::kernel::pool
