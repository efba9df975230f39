// Rules on ports, channels and inter-partition virtual interrupts
// (docs/configuration-rules.md, "Ports and channels").
//
// A channel is `SamplingChannel {i}` or `QueuingChannel {i}`, its position
// among the channels of its kind; an end is `Source` or `Destination {k}`
// (a queuing channel's only destination is `Destination 0`). The tables keep
// the two kinds in two lists, so where the XML interleaves them the C++ side
// goes through all sampling channels first, then all queuing channels.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "stratum/config/channel_pool.hpp"
#include "stratum/config/diagnostic.hpp"
#include "stratum/config/model.hpp"
#include "stratum/config/target.hpp"

namespace stratum::config {

namespace detail {

struct EndRef {
  bool queuing;         // the channel's kind
  std::size_t channel;  // position among the channels of that kind
  bool source;
  std::size_t destination;  // position among the destinations, when !source
  const ChannelEnd* end;
};

constexpr Diagnostic& channel(Diagnostic& d, bool queuing, std::size_t index) {
  d << (queuing ? "QueuingChannel " : "SamplingChannel ");
  return d.dec(index);
}
// "SamplingChannel 0 Destination 1"
constexpr Diagnostic& end_name(Diagnostic& d, const EndRef& e) {
  channel(d, e.queuing, e.channel) << ' ';
  if (e.source) return d << "Source";
  d << "Destination ";
  return d.dec(e.destination);
}

// Calls f(EndRef) for every channel end in order; stops at the first call
// that returns true and says whether one did.
template <class F>
constexpr bool for_each_end(const System& s, F f) {
  for (std::size_t c = 0; c < s.sampling_channels.size(); ++c) {
    const SamplingChannel& ch = s.sampling_channels[c];
    if (f(EndRef{false, c, true, 0, &ch.source})) return true;
    for (std::size_t k = 0; k < ch.destinations.size(); ++k)
      if (f(EndRef{false, c, false, k, &ch.destinations[k]})) return true;
  }
  for (std::size_t c = 0; c < s.queuing_channels.size(); ++c) {
    const QueuingChannel& ch = s.queuing_channels[c];
    if (f(EndRef{true, c, true, 0, &ch.source})) return true;
    if (f(EndRef{true, c, false, 0, &ch.destination})) return true;
  }
  return false;
}

// The port of partition `p` called `name` (the first, if declared twice).
constexpr const Port* port_by_name(const Partition& p, const char* name) {
  for (const Port& port : p.ports)
    if (same(port.name, name)) return &port;
  return nullptr;
}

// The port a channel end connects, when its partition exists and declares it.
constexpr const Port* port_of(const System& s, const ChannelEnd& e) {
  const Partition* p = partition_by_id(s, e.partition_id);
  return p == nullptr ? nullptr : port_by_name(*p, e.port_name);
}

// "{channel} {end} port '{port}' of Partition '{name}'"
constexpr Diagnostic& end_port(Diagnostic& d, const System& s, const EndRef& e) {
  end_name(d, e) << " port '" << e.end->port_name << "' of ";
  return partition(d, *partition_by_id(s, e.end->partition_id));
}

}  // namespace detail

// [PORT-NAME-DUPLICATE] partitions open ports by name (XM_create_*_port):
// a name must say which one.
constexpr Diagnostic check_port_name_duplicate(const System& s) {
  Diagnostic d;
  // Sorted, so that 1024 ports cost n log n comparisons, not n squared; the
  // second of two equal names (in the order written) is the one reported.
  for (const Partition& p : s.partitions) {
    std::vector<std::size_t> order(p.ports.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const int c = detail::compare(p.ports[a].name, p.ports[b].name);
      return c != 0 ? c < 0 : a < b;
    });
    std::size_t second = p.ports.size();
    for (std::size_t k = 1; k < order.size(); ++k)
      if (detail::same(p.ports[order[k - 1]].name, p.ports[order[k]].name) && order[k] < second)
        second = order[k];
    if (second < p.ports.size()) {
      detail::partition(d << "[PORT-NAME-DUPLICATE] ", p) << " declares port '" << p.ports[second].name << "' twice";
      return d;
    }
  }
  return d;
}

// [PORT-COUNT] a port's descriptor is its number among every port of the
// system, and an object descriptor has room for 1024 of them.
constexpr Diagnostic check_port_count(const System& s) {
  Diagnostic d;
  std::size_t n = 0;
  for (const Partition& p : s.partitions) n += p.ports.size();
  if (n > target::max_ports) {
    d << "[PORT-COUNT] the system has ";
    d.dec(n) << " ports; a port descriptor has room for ";
    d.dec(target::max_ports);
  }
  return d;
}

// [PORT-NAME-LENGTH] the hypervisor compares at most 31 bytes of a name
// (XM_PORT_NAME_MAX, terminator included, in xm/comm.h).
constexpr Diagnostic check_port_name_length(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (const Port& port : p.ports) {
      std::size_t n = 0;
      while (port.name != nullptr && port.name[n]) ++n;
      if (n > target::max_port_name) {
        detail::partition(d << "[PORT-NAME-LENGTH] ", p) << " port '" << port.name << "' is ";
        d.dec(n) << " bytes long; a port name has at most ";
        d.dec(target::max_port_name) << " (XM_PORT_NAME_MAX)";
        return d;
      }
    }
  return d;
}

// [CHANNEL-PARTITION-UNKNOWN] a channel end for no partition connects
// nothing.
constexpr Diagnostic check_channel_partition_unknown(const System& s) {
  Diagnostic d;
  detail::for_each_end(s, [&](const detail::EndRef& e) {
    if (detail::partition_by_id(s, e.end->partition_id) != nullptr) return false;
    detail::end_name(d << "[CHANNEL-PARTITION-UNKNOWN] ", e) << " names partition ";
    d.dec(e.end->partition_id) << ", which does not exist";
    return true;
  });
  return d;
}

// [CHANNEL-PARTITION-NAME] partitionName is written to say which partition
// the id means; when the two disagree one of them is wrong.
constexpr Diagnostic check_channel_partition_name(const System& s) {
  Diagnostic d;
  detail::for_each_end(s, [&](const detail::EndRef& e) {
    const Partition* p = detail::partition_by_id(s, e.end->partition_id);
    if (p == nullptr || e.end->partition_name == nullptr || detail::same(e.end->partition_name, p->name)) return false;
    detail::end_name(d << "[CHANNEL-PARTITION-NAME] ", e) << " names partition ";
    d.dec(e.end->partition_id) << " as '" << e.end->partition_name << "', but partition ";
    d.dec(e.end->partition_id) << " is '" << p->name << "'";
    return true;
  });
  return d;
}

// [CHANNEL-PORT-UNKNOWN] the port a channel end connects is one its
// partition declares in its PortTable.
constexpr Diagnostic check_channel_port_unknown(const System& s) {
  Diagnostic d;
  detail::for_each_end(s, [&](const detail::EndRef& e) {
    const Partition* p = detail::partition_by_id(s, e.end->partition_id);
    if (p == nullptr || detail::port_by_name(*p, e.end->port_name) != nullptr) return false;
    detail::end_name(d << "[CHANNEL-PORT-UNKNOWN] ", e) << " names port '" << e.end->port_name << "', which ";
    detail::partition(d, *p) << " does not declare";
    return true;
  });
  return d;
}

// [CHANNEL-PORT-KIND] a sampling port keeps the last message, a queuing port
// a FIFO: the port and its channel must agree on which.
constexpr Diagnostic check_channel_port_kind(const System& s) {
  Diagnostic d;
  detail::for_each_end(s, [&](const detail::EndRef& e) {
    const Port* port = detail::port_of(s, *e.end);
    const PortKind want = e.queuing ? PortKind::queuing : PortKind::sampling;
    if (port == nullptr || port->kind == want) return false;
    detail::end_port(d << "[CHANNEL-PORT-KIND] ", s, e) << " is a "
                                                        << (port->kind == PortKind::queuing ? "queuing" : "sampling")
                                                        << " port";
    return true;
  });
  return d;
}

// [CHANNEL-PORT-DIRECTION] a Source writes, a Destination reads: the port's
// direction says which the partition does.
constexpr Diagnostic check_channel_port_direction(const System& s) {
  Diagnostic d;
  detail::for_each_end(s, [&](const detail::EndRef& e) {
    const Port* port = detail::port_of(s, *e.end);
    const PortDirection want = e.source ? PortDirection::source : PortDirection::destination;
    if (port == nullptr || port->direction == want) return false;
    detail::end_port(d << "[CHANNEL-PORT-DIRECTION] ", s, e)
        << " is a " << (port->direction == PortDirection::source ? "source" : "destination") << " port";
    return true;
  });
  return d;
}

// [CHANNEL-PORT-SHARED] a port belongs to one channel end: connected twice,
// its messages would go (or come from) two places. The earlier connection
// is named as `{other channel}`.
constexpr Diagnostic check_channel_port_shared(const System& s) {
  Diagnostic d;
  detail::for_each_end(s, [&](const detail::EndRef& e) {
    if (detail::port_of(s, *e.end) == nullptr) return false;
    const detail::EndRef* before = nullptr;
    detail::EndRef first{};
    detail::for_each_end(s, [&](const detail::EndRef& o) {
      if (o.end == e.end) return true;  // reached e itself: only earlier ends count
      if (o.end->partition_id == e.end->partition_id && detail::same(o.end->port_name, e.end->port_name)) {
        first = o;
        before = &first;
        return true;
      }
      return false;
    });
    if (before == nullptr) return false;
    detail::end_port(d << "[CHANNEL-PORT-SHARED] ", s, e) << " is already connected by ";
    detail::channel(d, before->queuing, before->channel);
    return true;
  });
  return d;
}

// [CHANNEL-PORT-UNCONNECTED] a declared port no channel connects can never
// carry a message; it is a leftover or a typo in a channel end. A port is
// connected when a channel end names its partition's id and its name.
constexpr Diagnostic check_channel_port_unconnected(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (const Port& port : p.ports) {
      const bool connected = detail::for_each_end(s, [&](const detail::EndRef& e) {
        return e.end->partition_id == p.id && detail::same(e.end->port_name, port.name);
      });
      if (connected) continue;
      detail::partition(d << "[CHANNEL-PORT-UNCONNECTED] ", p) << " port '" << port.name
                                                               << "' is connected to no channel";
      return d;
    }
  return d;
}

// [CHANNEL-MESSAGE-SIZE] a channel carries messages of up to
// maxMessageLength bytes: 0 carries nothing.
constexpr Diagnostic check_channel_message_size(const System& s) {
  Diagnostic d;
  const auto report = [&d](bool queuing, std::size_t c) {
    detail::channel(d << "[CHANNEL-MESSAGE-SIZE] ", queuing, c) << " has a maxMessageLength of 0B";
    return d;
  };
  for (std::size_t c = 0; c < s.sampling_channels.size(); ++c)
    if (s.sampling_channels[c].max_message_length == 0) return report(false, c);
  for (std::size_t c = 0; c < s.queuing_channels.size(); ++c)
    if (s.queuing_channels[c].max_message_length == 0) return report(true, c);
  return d;
}

// [CHANNEL-POOL-ROOM] the channels' messages and queues live in the
// hypervisor's memory (config/channel_pool.hpp): in the first XMHypervisor
// area, above its code and data and below its stacks, PCT pages and page
// tables. (The link checks the rest: the partition images it also holds.)
constexpr Diagnostic check_channel_pool_room(const System& s) {
  Diagnostic d;
  if (s.hypervisor.areas.empty()) return d;  // MEM-HYPERVISOR-ROOM
  const MemoryArea& a = s.hypervisor.areas[0];
  const std::uint64_t kept = std::uint64_t{target::hypervisor_reserved_top} + target::hypervisor_code_allowance;
  const std::uint64_t room = a.size > kept ? a.size - kept : 0;
  const std::uint64_t need = pool::bytes(s);
  if (need > room) {
    d << "[CHANNEL-POOL-ROOM] the channels need ";
    d.size(need > 0xffffffffu ? 0xffffffffu : static_cast<std::uint32_t>(need)) << " of hypervisor memory; the first XMHypervisor area ";
    d.area(a.start, a.size) << " has room for ";
    d.size(static_cast<std::uint32_t>(room)) << " (its size less ";
    d.size(target::hypervisor_reserved_top) << " of stacks, PCT pages and page tables and ";
    d.size(target::hypervisor_code_allowance) << " of hypervisor code and data)";
  }
  return d;
}

// [IPVI-ID-SEQUENCE] XM_raise_ipvi names an Ipvi by id, which selects the
// virtual interrupt XM_VT_EXT_IPVI0 + id.
constexpr Diagnostic check_ipvi_id_sequence(const System& s) {
  Diagnostic d;
  for (std::size_t k = 0; k < s.ipvis.size(); ++k)
    if (s.ipvis[k].id != k) {
      d << "[IPVI-ID-SEQUENCE] Ipvi ";
      d.dec(s.ipvis[k].id) << " is Ipvi number ";
      d.dec(k) << "; Ipvi ids must be 0, 1, 2, ... in the order written";
      return d;
    }
  return d;
}

// [IPVI-COUNT] there are eight inter-partition virtual interrupts,
// XM_VT_EXT_IPVI0 to XM_VT_EXT_IPVI7.
constexpr Diagnostic check_ipvi_count(const System& s) {
  Diagnostic d;
  if (s.ipvis.size() > target::max_ipvis) {
    d << "[IPVI-COUNT] the system has ";
    d.dec(s.ipvis.size()) << " Ipvis; there are ";
    d.dec(target::max_ipvis) << " inter-partition virtual interrupts";
  }
  return d;
}

// [IPVI-PARTITION-UNKNOWN] an Ipvi is raised by its source partition and
// delivered to its destinations: all of them exist.
constexpr Diagnostic check_ipvi_partition_unknown(const System& s) {
  Diagnostic d;
  const auto report = [&d](const Ipvi& v, const char* role, std::uint32_t pid) {
    d << "[IPVI-PARTITION-UNKNOWN] Ipvi ";
    d.dec(v.id) << ' ' << role << " names partition ";
    d.dec(pid) << ", which does not exist";
    return d;
  };
  for (const Ipvi& v : s.ipvis) {
    if (detail::partition_by_id(s, v.source_id) == nullptr) return report(v, "source", v.source_id);
    for (std::uint32_t pid : v.destination_ids)
      if (detail::partition_by_id(s, pid) == nullptr) return report(v, "destination", pid);
  }
  return d;
}

}  // namespace stratum::config
