// The rules on ports, channels and Ipvis
// (include/stratum/config/check_channels.hpp), on tables broken one rule at a time.
#include <doctest/doctest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "check_fixture.hpp"

using namespace stratum::config;
using namespace stratum::test::check;
namespace t = stratum::test;

TEST_CASE("[PORT-NAME-DUPLICATE] port names are unique within a partition") {
  WithChannels c;
  c.ports1[1].name = "In";
  CHECK(msg(check_port_name_duplicate(c.s)) == "[PORT-NAME-DUPLICATE] Partition 'IoServer' declares port 'In' twice");
  c.ports1[1].name = "Out";  // FlightCtl's port name: another partition, fine
  CHECK(check_port_name_duplicate(c.s).empty());
}

TEST_CASE("[CHANNEL-PARTITION-UNKNOWN] a channel end names an existing partition") {
  WithChannels c;
  c.destinations[0].partition_id = 9;
  CHECK(msg(check_channel_partition_unknown(c.s)) ==
        "[CHANNEL-PARTITION-UNKNOWN] SamplingChannel 0 Destination 0 names partition 9, which does not exist");
  // The rules about its port leave it alone.
  CHECK(check_channel_partition_name(c.s).empty());
  CHECK(check_channel_port_unknown(c.s).empty());
  CHECK(check_channel_port_kind(c.s).empty());
}

TEST_CASE("[CHANNEL-PARTITION-NAME] partitionName is the name of partitionId") {
  WithChannels c;
  c.sampling[0].source.partition_name = "IoServer";
  CHECK(msg(check_channel_partition_name(c.s)) ==
        "[CHANNEL-PARTITION-NAME] SamplingChannel 0 Source names partition 0 as 'IoServer', but partition 0 is "
        "'FlightCtl'");
}

TEST_CASE("[CHANNEL-PORT-UNKNOWN] a channel end names a declared port") {
  WithChannels c;
  c.queuing[0].destination.port_name = "Qin";
  CHECK(msg(check_channel_port_unknown(c.s)) ==
        "[CHANNEL-PORT-UNKNOWN] QueuingChannel 0 Destination 0 names port 'Qin', which Partition 'FlightCtl' does "
        "not declare");
}

TEST_CASE("[CHANNEL-PORT-KIND] the port's type matches the channel") {
  WithChannels c;
  c.ports0[0].kind = PortKind::queuing;
  CHECK(msg(check_channel_port_kind(c.s)) ==
        "[CHANNEL-PORT-KIND] SamplingChannel 0 Source port 'Out' of Partition 'FlightCtl' is a queuing port");
  c.ports0[0].kind = PortKind::sampling;
  c.ports1[1].kind = PortKind::sampling;
  CHECK(msg(check_channel_port_kind(c.s)) ==
        "[CHANNEL-PORT-KIND] QueuingChannel 0 Source port 'QOut' of Partition 'IoServer' is a sampling port");
}

TEST_CASE("[CHANNEL-PORT-DIRECTION] a Source names a source port, a Destination a destination port") {
  WithChannels c;
  c.ports1[0].direction = PortDirection::source;
  CHECK(msg(check_channel_port_direction(c.s)) ==
        "[CHANNEL-PORT-DIRECTION] SamplingChannel 0 Destination 0 port 'In' of Partition 'IoServer' is a source port");
  c.ports1[0].direction = PortDirection::destination;
  c.ports1[1].direction = PortDirection::destination;
  CHECK(msg(check_channel_port_direction(c.s)) ==
        "[CHANNEL-PORT-DIRECTION] QueuingChannel 0 Source port 'QOut' of Partition 'IoServer' is a destination port");
}

TEST_CASE("[CHANNEL-PORT-SHARED] a port is connected by one channel end") {
  {
    WithChannels c;
    const ChannelEnd twice[] = {{1, nullptr, "In"}, {1, "IoServer", "In"}};
    c.sampling[0].destinations = twice;
    CHECK(msg(check_channel_port_shared(c.s)) ==
          "[CHANNEL-PORT-SHARED] SamplingChannel 0 Destination 1 port 'In' of Partition 'IoServer' is already "
          "connected by SamplingChannel 0");
  }
  {
    WithChannels c;
    const ChannelEnd dest[] = {{1, nullptr, "In"}};
    const SamplingChannel two[] = {c.sampling[0], {.max_message_length = 8, .refresh_period_us = 0,
                                                   .source = {0, nullptr, "Out"}, .destinations = dest}};
    c.s.sampling_channels = two;
    CHECK(msg(check_channel_port_shared(c.s)) ==
          "[CHANNEL-PORT-SHARED] SamplingChannel 1 Source port 'Out' of Partition 'FlightCtl' is already connected "
          "by SamplingChannel 0");
  }
}

TEST_CASE("[CHANNEL-PORT-UNCONNECTED] every declared port is connected") {
  WithChannels c;
  c.queuing[0].destination.port_name = "QOut";
  c.queuing[0].destination.partition_id = 1;
  c.queuing[0].destination.partition_name = nullptr;
  CHECK(msg(check_channel_port_unconnected(c.s)) ==
        "[CHANNEL-PORT-UNCONNECTED] Partition 'FlightCtl' port 'QIn' is connected to no channel");
}

TEST_CASE("[CHANNEL-PORT-UNCONNECTED] a port is connected when an end names its partition id and its name") {
  WithChannels c;
  c.parts[1].id = 0;  // both partitions say id 0 (PARTITION-ID-SEQUENCE): ends naming 0 count for both
  const ChannelEnd dest[] = {{0, nullptr, "In"}};
  c.sampling[0].destinations = dest;
  c.queuing[0].source.partition_id = 0;
  CHECK(check_channel_port_unconnected(c.s).empty());
}

TEST_CASE("[CHANNEL-MESSAGE-SIZE] maxMessageLength is not zero") {
  WithChannels c;
  c.queuing[0].max_message_length = 0;
  CHECK(msg(check_channel_message_size(c.s)) == "[CHANNEL-MESSAGE-SIZE] QueuingChannel 0 has a maxMessageLength of 0B");
  c.queuing[0].max_message_length = 1;
  c.sampling[0].max_message_length = 0;
  CHECK(msg(check_channel_message_size(c.s)) ==
        "[CHANNEL-MESSAGE-SIZE] SamplingChannel 0 has a maxMessageLength of 0B");
}

TEST_CASE("[PORT-COUNT] at most 1024 ports in the system") {
  Good g;
  std::vector<Port> ports(1024, Port{"p", PortKind::sampling, PortDirection::source});
  std::vector<std::string> names(1025);
  for (std::size_t k = 0; k < ports.size(); ++k) names[k] = "p" + std::to_string(k), ports[k].name = names[k].c_str();
  g.parts[0].ports = ports;
  CHECK(check_port_count(g.s).empty());
  CHECK(check_port_name_duplicate(g.s).empty());
  std::vector<Port> one = {{"q", PortKind::sampling, PortDirection::source}};
  g.parts[1].ports = one;
  CHECK(msg(check_port_count(g.s)) == "[PORT-COUNT] the system has 1025 ports; a port descriptor has room for 1024");
  // (the duplicate check sorts: 1024 names cost n log n, and it names the second)
  ports[700].name = names[3].c_str();
  g.parts[0].ports = ports;
  CHECK(msg(check_port_name_duplicate(g.s)) == "[PORT-NAME-DUPLICATE] Partition 'FlightCtl' declares port 'p3' twice");
}

TEST_CASE("[PORT-NAME-LENGTH] a port name has at most 31 bytes") {
  Good g;
  std::vector<Port> ports = {{"abcdefghijklmnopqrstuvwxyz01234", PortKind::sampling, PortDirection::source}};
  g.parts[0].ports = ports;
  CHECK(check_port_name_length(g.s).empty());
  ports[0].name = "abcdefghijklmnopqrstuvwxyz012345";
  g.parts[0].ports = ports;
  CHECK(msg(check_port_name_length(g.s)) ==
        "[PORT-NAME-LENGTH] Partition 'FlightCtl' port 'abcdefghijklmnopqrstuvwxyz012345' is 32 bytes long; a port "
        "name has at most 31 (XM_PORT_NAME_MAX)");
}

TEST_CASE("[CHANNEL-POOL-ROOM] the channels' pool fits the hypervisor's area") {
  WithChannels c;
  // 4 ports (8), Out (16 + 32), a queue of n messages of 64 bytes (8 + n * 72);
  // the 512KB area keeps 512 - 160 - 64 = 288KB (294912 bytes) for it.
  CHECK(stratum::config::pool::bytes(c.s) == 8 + 48 + 8 + 4 * 72);
  c.queuing[0].max_messages = 4095;
  CHECK(stratum::config::pool::bytes(c.s) == 294904);
  CHECK(check_channel_pool_room(c.s).empty());
  c.queuing[0].max_messages = 4096;
  CHECK(msg(check_channel_pool_room(c.s)) ==
        "[CHANNEL-POOL-ROOM] the channels need 294976B of hypervisor memory; the first XMHypervisor area "
        "0x40000000+512KB has room for 288KB (its size less 160KB of stacks, PCT pages and page tables and 64KB "
        "of hypervisor code and data)");
  c.queuing[0].max_messages = 0xffffffffu;  // no overflow: 64-bit sizes
  CHECK(!check_channel_pool_room(c.s).empty());
}

TEST_CASE("[IPVI-ID-SEQUENCE] Ipvi ids follow the order written") {
  Good g;
  const std::uint32_t to1[] = {1};
  const Ipvi ipvis[] = {{0, 0, to1}, {2, 0, to1}};
  g.s.ipvis = ipvis;
  CHECK(msg(check_ipvi_id_sequence(g.s)) ==
        "[IPVI-ID-SEQUENCE] Ipvi 2 is Ipvi number 1; Ipvi ids must be 0, 1, 2, ... in the order written");
}

TEST_CASE("[IPVI-COUNT] at most 8 Ipvis") {
  Good g;
  const std::uint32_t to1[] = {1};
  std::vector<Ipvi> ipvis;
  for (std::uint32_t i = 0; i < 9; ++i) ipvis.push_back({i, 0, to1});
  g.s.ipvis = ipvis;
  CHECK(msg(check_ipvi_count(g.s)) == "[IPVI-COUNT] the system has 9 Ipvis; there are 8 inter-partition virtual interrupts");
  g.s.ipvis = std::span<const Ipvi>(ipvis).first(8);
  CHECK(check_ipvi_count(g.s).empty());
}

TEST_CASE("[IPVI-PARTITION-UNKNOWN] Ipvi ends are existing partitions") {
  Good g;
  const std::uint32_t to1[] = {1};
  const std::uint32_t to15[] = {1, 5};
  const Ipvi from4[] = {{0, 4, to1}};
  const Ipvi to5[] = {{0, 0, to15}};
  g.s.ipvis = from4;
  CHECK(msg(check_ipvi_partition_unknown(g.s)) ==
        "[IPVI-PARTITION-UNKNOWN] Ipvi 0 source names partition 4, which does not exist");
  g.s.ipvis = to5;
  CHECK(msg(check_ipvi_partition_unknown(g.s)) ==
        "[IPVI-PARTITION-UNKNOWN] Ipvi 0 destination names partition 5, which does not exist");
}
