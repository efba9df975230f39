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

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/config/channel_pool.hpp"
#include "stratum/config/diagnostic.hpp"
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

// Partition i's ports are [first_port[i], first_port[i + 1]).
template <const config::System& S>
constexpr std::array<std::uint32_t, S.partitions.size() + 1> first_ports() {
  std::array<std::uint32_t, S.partitions.size() + 1> f{};
  for (std::size_t i = 0; i < S.partitions.size(); ++i)
    f[i + 1] = f[i] + static_cast<std::uint32_t>(S.partitions[i].ports.size());
  return f;
}

// Every port of the system, by number.
template <const config::System& S>
constexpr std::array<const config::Port*, ports(S)> port_list() {
  std::array<const config::Port*, ports(S)> t{};
  std::size_t g = 0;
  for (const config::Partition& p : S.partitions)
    for (const config::Port& port : p.ports) t[g++] = &port;
  return t;
}

// Port numbers with each partition's range sorted by name, so that a name
// is found in log2(ports) comparisons, at compile time (the channel ends)
// and in XM_create_*_port (bounded by the number of the caller's ports,
// not by their order).
template <const config::System& S>
constexpr std::array<std::uint16_t, ports(S)> ports_by_name() {
  constexpr auto first = first_ports<S>();
  constexpr auto list = port_list<S>();
  std::array<std::uint16_t, ports(S)> t{};
  for (std::size_t g = 0; g < t.size(); ++g) t[g] = static_cast<std::uint16_t>(g);
  for (std::size_t i = 0; i < S.partitions.size(); ++i)
    std::sort(t.begin() + first[i], t.begin() + first[i + 1],
              [&](std::uint16_t a, std::uint16_t b) { return config::detail::compare(list[a]->name, list[b]->name) < 0; });
  return t;
}

// The number of partition i's port called `name`, or -1: a binary search
// of its sorted range.
template <const config::System& S, class Names>
constexpr int find_port(const Names& sorted, std::size_t i, const char* name) {
  constexpr auto first = first_ports<S>();
  constexpr auto list = port_list<S>();
  std::uint32_t lo = first[i], hi = first[i + 1];
  while (lo < hi) {
    const std::uint32_t mid = lo + (hi - lo) / 2;
    const int c = config::detail::compare(name, list[sorted[mid]]->name);
    if (c == 0) return sorted[mid];
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return -1;
}

// Every port with its channel and the channel's place in the pool: each
// channel end finds its port by name (ends x log2(ports) comparisons).
template <const config::System& S>
constexpr std::array<PortEntry, ports(S)> port_table() {
  constexpr auto list = port_list<S>();
  constexpr auto sorted = ports_by_name<S>();
  constexpr auto first = first_ports<S>();
  std::array<PortEntry, ports(S)> t{};
  for (std::uint32_t i = 0; i < S.partitions.size(); ++i)
    for (std::uint32_t g = first[i]; g < first[i + 1]; ++g) t[g] = {i, list[g]->kind, list[g]->direction, 0, 0, list[g]};
  const auto connect = [&](const config::ChannelEnd& end, std::uint32_t channel, std::uint64_t at) {
    if (end.partition_id >= S.partitions.size()) return;  // (refused by the rules)
    const int g = find_port<S>(sorted, end.partition_id, end.port_name);
    if (g >= 0) t[static_cast<std::size_t>(g)].channel = channel, t[static_cast<std::size_t>(g)].offset = static_cast<std::uint32_t>(at);
  };
  std::uint64_t at = round8(ports(S));
  for (std::uint32_t c = 0; c < S.sampling_channels.size(); ++c) {
    const config::SamplingChannel& ch = S.sampling_channels[c];
    connect(ch.source, c, at);
    for (const config::ChannelEnd& d : ch.destinations) connect(d, c, at);
    at += sampling_bytes(ch);
  }
  for (std::uint32_t c = 0; c < S.queuing_channels.size(); ++c) {
    const config::QueuingChannel& ch = S.queuing_channels[c];
    connect(ch.source, c, at);
    connect(ch.destination, c, at);
    at += queuing_bytes(ch);
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

}  // namespace stratum::kernel::pool
