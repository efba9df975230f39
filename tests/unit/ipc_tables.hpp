// The kernel fixture's system with channels and Ipvis, for the port and
// Ipvi tests:
//
//   SamplingChannel 0  FlightCtl 'Temp' -> IoServer 'TempIn', Spare 'TempIn2'
//                      48 bytes, refreshPeriod 5 ms
//   SamplingChannel 1  IoServer 'Cmd' -> FlightCtl 'CmdIn', 7 bytes, no refreshPeriod
//   QueuingChannel 0   FlightCtl 'Log' -> IoServer 'LogIn', 16 bytes, 3 messages
//   Ipvi 0             FlightCtl -> IoServer, Spare
//   Ipvi 1             IoServer -> FlightCtl
//
// Port numbers: FlightCtl Temp 0, CmdIn 1, Log 2; IoServer TempIn 3,
// Cmd 4, LogIn 5; Spare TempIn2 6.
#pragma once

#include "kernel_fixture.hpp"

namespace stratum::test::ipc {
using namespace stratum::config;
using kernel_fixture::base;

inline constexpr Port p0_ports[] = {{"Temp", PortKind::sampling, PortDirection::source},
                                    {"CmdIn", PortKind::sampling, PortDirection::destination},
                                    {"Log", PortKind::queuing, PortDirection::source}};
inline constexpr Port p1_ports[] = {{"TempIn", PortKind::sampling, PortDirection::destination},
                                    {"Cmd", PortKind::sampling, PortDirection::source},
                                    {"LogIn", PortKind::queuing, PortDirection::destination}};
inline constexpr Port p2_ports[] = {{"TempIn2", PortKind::sampling, PortDirection::destination}};

inline constexpr Partition partitions[] = {
    {.id = 0, .name = "FlightCtl", .flags = partition_flag::boot, .areas = kernel_fixture::p0_areas,
     .irq_lines = kernel_fixture::p0_lines, .ports = p0_ports},
    {.id = 1, .name = "IoServer", .flags = partition_flag::system | partition_flag::boot,
     .areas = kernel_fixture::p1_areas, .ports = p1_ports},
    {.id = 2, .name = "Spare", .flags = partition_flag::boot, .areas = kernel_fixture::p2_areas, .ports = p2_ports}};

inline constexpr ChannelEnd temp_destinations[] = {{1, nullptr, "TempIn"}, {2, nullptr, "TempIn2"}};
inline constexpr ChannelEnd cmd_destinations[] = {{0, nullptr, "CmdIn"}};
inline constexpr SamplingChannel sampling[] = {
    {.max_message_length = 48, .refresh_period_us = 5000, .source = {0, nullptr, "Temp"}, .destinations = temp_destinations},
    {.max_message_length = 7, .refresh_period_us = 0, .source = {1, nullptr, "Cmd"}, .destinations = cmd_destinations}};
inline constexpr QueuingChannel queuing[] = {
    {.max_message_length = 16, .max_messages = 3, .source = {0, nullptr, "Log"}, .destination = {1, nullptr, "LogIn"}}};
inline constexpr std::uint32_t ipvi0_to[] = {1, 2};
inline constexpr std::uint32_t ipvi1_to[] = {0};
inline constexpr Ipvi ipvis[] = {{.id = 0, .source_id = 0, .destination_ids = ipvi0_to},
                                 {.id = 1, .source_id = 1, .destination_ids = ipvi1_to}};

inline constexpr System system = [] {
  System s = base;
  s.partitions = partitions;
  s.sampling_channels = sampling;
  s.queuing_channels = queuing;
  s.ipvis = ipvis;
  return s;
}();

}  // namespace stratum::test::ipc
