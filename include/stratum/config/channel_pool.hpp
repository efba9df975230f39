// The size of the channels' pool in hypervisor memory (manual 2.12), as
// the kernel lays it out (kernel/channels.hpp) and the rule
// CHANNEL-POOL-ROOM bounds it; generators/xmcf/rules/channels.py has the
// same formula. Bytes, every block 8-aligned:
//
//   open flags       round8(ports of the system)
//   SamplingChannel  16 + round8(maxMessageLength)
//   QueuingChannel   8 + maxNoMessages * (8 + round8(maxMessageLength))
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/model.hpp"

namespace stratum::config::pool {

constexpr std::uint64_t round8(std::uint64_t n) { return (n + 7u) & ~std::uint64_t{7}; }

inline constexpr std::uint32_t sampling_header = 16;
inline constexpr std::uint32_t queue_header = 8;
inline constexpr std::uint32_t slot_header = 8;

constexpr std::uint64_t sampling_bytes(const config::SamplingChannel& c) {
  return sampling_header + round8(c.max_message_length);
}
constexpr std::uint64_t slot_bytes(const config::QueuingChannel& c) { return slot_header + round8(c.max_message_length); }
constexpr std::uint64_t queuing_bytes(const config::QueuingChannel& c) {
  return queue_header + std::uint64_t{c.max_messages} * slot_bytes(c);
}

constexpr std::size_t ports(const config::System& s) {
  std::size_t n = 0;
  for (const config::Partition& p : s.partitions) n += p.ports.size();
  return n;
}

// The whole pool, bytes.
constexpr std::uint64_t bytes(const config::System& s) {
  std::uint64_t n = round8(ports(s));
  for (const config::SamplingChannel& c : s.sampling_channels) n += sampling_bytes(c);
  for (const config::QueuingChannel& c : s.queuing_channels) n += queuing_bytes(c);
  return n;
}

}  // namespace stratum::config::pool
