// Hand-written tables for the host tests: a valid two-partition system
// (`good`), which the tests copy and break one rule at a time, and the
// largest valid system (`big`: 16 partitions, 20 slots, every kind of
// object), which also measures what verify<> costs the compiler.
#pragma once

#include <cstdint>

#include "stratum/config/model.hpp"

namespace stratum::test {
using namespace stratum::config;

inline constexpr MemoryRegion regions[] = {{.type = RegionType::stram, .start = 0x40000000, .size = 0x08000000}};
inline constexpr MemoryArea xm_areas[] = {{.start = 0x40000000, .size = 0x80000, .flags = 0, .mapped_at = 0x40000000}};
inline constexpr MemoryArea p0_areas[] = {{.start = 0x40100000, .size = 0x40000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea p1_areas[] = {
    {.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000},
    {.start = 0x40300000, .size = 0x1000, .flags = area_flag::shared | area_flag::read_only, .mapped_at = 0x40300000}};
inline constexpr Slot slots[] = {{.id = 0, .start_us = 0, .duration_us = 20000, .partition_id = 0},
                                 {.id = 1, .start_us = 20000, .duration_us = 30000, .partition_id = 1}};
inline constexpr Plan plans[] = {{.id = 0, .major_frame_us = 50000, .slots = slots}};
inline constexpr Processor processors[] = {{.id = 0, .frequency_khz = 50000, .plans = plans}};
inline constexpr Partition partitions[] = {
    {.id = 0, .name = "FlightCtl", .flags = partition_flag::boot, .areas = p0_areas},
    {.id = 1, .name = "IoServer", .flags = partition_flag::system | partition_flag::boot, .areas = p1_areas}};
inline constexpr System good = {.name = "good",
                                .schema_version = schema_version,
                                .memory_regions = regions,
                                .processors = processors,
                                .hypervisor = {.areas = xm_areas},
                                .partitions = partitions};

// ------------------------------------------------------------------ big
namespace big_tables {
inline constexpr MemoryRegion regions[] = {
    {.type = RegionType::rom, .start = 0x00000000, .size = 0x00800000},
    {.type = RegionType::stram, .start = 0x40000000, .size = 0x08000000},
    {.type = RegionType::sdram, .start = 0x60000000, .size = 0x04000000}};
inline constexpr Device devices[] = {
    {.kind = DeviceKind::uart, .name = "Uart", .id = 0, .baud_rate = 115200, .start = 0, .size = 0},
    {.kind = DeviceKind::memory_block, .name = "TraceMem", .id = 0, .baud_rate = 0, .start = 0x60000000,
     .size = 0x10000},
    // One stream per block (TRACE-DEVICE): the hypervisor's own.
    {.kind = DeviceKind::memory_block, .name = "XmTraceMem", .id = 0, .baud_rate = 0, .start = 0x60010000,
     .size = 0x10000}};
inline constexpr MemoryArea xm_areas[] = {
    {.start = 0x40000000, .size = 0x80000, .flags = 0, .mapped_at = 0x40000000, .name = "XmImage"}};
inline constexpr MemoryArea rsw_areas[] = {{.start = 0x00000000, .size = 0x20000, .flags = 0, .mapped_at = 0}};
inline constexpr HmEvent xm_hm[] = {
    {.name = "XM_HM_EV_INTERNAL_ERROR", .action = "XM_HM_AC_HYPERVISOR_COLD_RESET", .log = true},
    {.name = "XM_HM_EV_SCHED_ERROR", .action = "XM_HM_AC_SWITCH_TO_MAINTENANCE", .log = true},
    {.name = "XM_HM_EV_UNEXPECTED_TRAP", .action = "XM_HM_AC_IGNORE", .log = false}};

// Partition k owns 256KB at 0x40100000 + k * 256KB; every partition also
// maps one shared page.
#define STRATUM_TEST_AREA(k)                                                                \
  {.start = 0x40100000u + (k) * 0x40000u, .size = 0x40000, .flags = 0, .mapped_at = 0x40100000u + (k) * 0x40000u}, \
      {.start = 0x60100000, .size = 0x1000, .flags = area_flag::shared, .mapped_at = 0x60100000, .name = "Mailbox"}
inline constexpr MemoryArea a0[] = {STRATUM_TEST_AREA(0)};
inline constexpr MemoryArea a1[] = {STRATUM_TEST_AREA(1)};
inline constexpr MemoryArea a2[] = {STRATUM_TEST_AREA(2)};
inline constexpr MemoryArea a3[] = {STRATUM_TEST_AREA(3)};
inline constexpr MemoryArea a4[] = {
    {.start = 0x40200000, .size = 0x40000, .flags = 0, .mapped_at = 0x40200000},
    {.start = 0x60200000, .size = 0x4000, .flags = area_flag::mapped_at | area_flag::uncacheable,
     .mapped_at = 0x10000000}};
inline constexpr MemoryArea a5[] = {
    {.start = 0x40240000, .size = 0x40000, .flags = 0, .mapped_at = 0x40240000},
    {.start = 0x60300000, .size = 0x1000, .flags = area_flag::unmapped, .mapped_at = 0x60300000}};
inline constexpr MemoryArea a6[] = {STRATUM_TEST_AREA(6)};
inline constexpr MemoryArea a7[] = {STRATUM_TEST_AREA(7)};
inline constexpr MemoryArea a8[] = {STRATUM_TEST_AREA(8)};
inline constexpr MemoryArea a9[] = {STRATUM_TEST_AREA(9)};
inline constexpr MemoryArea a10[] = {STRATUM_TEST_AREA(10)};
inline constexpr MemoryArea a11[] = {STRATUM_TEST_AREA(11)};
inline constexpr MemoryArea a12[] = {STRATUM_TEST_AREA(12)};
inline constexpr MemoryArea a13[] = {STRATUM_TEST_AREA(13)};
inline constexpr MemoryArea a14[] = {STRATUM_TEST_AREA(14)};
inline constexpr MemoryArea a15[] = {STRATUM_TEST_AREA(15)};
#undef STRATUM_TEST_AREA

inline constexpr std::uint32_t cpu0[] = {0};
inline constexpr std::uint32_t irq1[] = {4};
inline constexpr std::uint32_t irq2[] = {5, 8};
inline constexpr IoPort io1[] = {{.kind = IoPortKind::range, .address = 0x80000900, .count = 4, .mask = 0xffffffff}};
inline constexpr IoPort io2[] = {{.kind = IoPortKind::restricted, .address = 0x80000a00, .count = 1, .mask = 0x000000ff}};
inline constexpr IoPort io3[] = {{.kind = IoPortKind::restricted, .address = 0x80000a00, .count = 1, .mask = 0x0000ff00},
                                 {.kind = IoPortKind::range, .address = 0x80000b00, .count = 2, .mask = 0xffffffff}};

inline constexpr Port ports0[] = {{.name = "CmdOut", .kind = PortKind::sampling, .direction = PortDirection::source}};
inline constexpr Port cmd_in[] = {{.name = "CmdIn", .kind = PortKind::sampling, .direction = PortDirection::destination}};
inline constexpr Port ports4[] = {{.name = "CmdIn", .kind = PortKind::sampling, .direction = PortDirection::destination},
                                  {.name = "LogOut", .kind = PortKind::queuing, .direction = PortDirection::source}};
inline constexpr Port ports5[] = {{.name = "LogIn", .kind = PortKind::queuing, .direction = PortDirection::destination}};

inline constexpr HmEvent hm0[] = {{.name = "XM_HM_EV_PARTITION_ERROR", .action = "XM_HM_AC_HALT", .log = true}};
inline constexpr HmEvent hm1[] = {
    {.name = "XM_HM_EV_MEM_PROTECTION", .action = "XM_HM_AC_PROPAGATE", .log = true},
    {.name = "XM_HM_EV_OVERRUN", .action = "XM_HM_AC_SUSPEND", .log = false},
    {.name = "XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION", .action = "XM_HM_AC_PARTITION_WARM_RESET", .log = false},
    {.name = "XM_HM_EV_PARTITION_INTEGRITY", .action = "XM_HM_AC_SWITCH_TO_MAINTENANCE", .log = true}};

inline constexpr Partition partitions[] = {
    {.id = 0, .name = "SystemMngmt", .flags = partition_flag::system | partition_flag::boot, .areas = a0,
     .console = "Uart", .ports = ports0, .hm_events = hm0, .trace = {.device = "TraceMem", .bitmask = 0x3}},
    {.id = 1, .name = "FlightControl", .flags = partition_flag::boot | partition_flag::fp, .areas = a1,
     .console = "Uart", .temporal = {.duration_us = 10000, .period_us = 100000}, .irq_lines = irq1, .io_ports = io1,
     .ports = cmd_in, .hm_events = hm1},
    {.id = 2, .name = "FlightMngmt", .flags = partition_flag::boot, .areas = a2, .processors = cpu0,
     .irq_lines = irq2, .io_ports = io2, .ports = cmd_in},
    {.id = 3, .name = "IOProcessing", .flags = partition_flag::boot, .areas = a3, .vcpus = 2, .io_ports = io3,
     .ports = cmd_in},
    {.id = 4, .name = "Logger", .flags = partition_flag::boot, .areas = a4, .ports = ports4},
    {.id = 5, .name = "LogStore", .flags = partition_flag::boot, .areas = a5, .ports = ports5},
    {.id = 6, .name = "P6", .flags = partition_flag::boot, .areas = a6, .ports = cmd_in},
    {.id = 7, .name = "P7", .flags = partition_flag::boot, .areas = a7, .ports = cmd_in},
    {.id = 8, .name = "P8", .flags = partition_flag::boot, .areas = a8, .ports = cmd_in},
    {.id = 9, .name = "P9", .flags = partition_flag::boot, .areas = a9},
    {.id = 10, .name = "P10", .flags = partition_flag::boot, .areas = a10},
    {.id = 11, .name = "P11", .flags = partition_flag::boot, .areas = a11},
    {.id = 12, .name = "P12", .flags = partition_flag::boot, .areas = a12},
    {.id = 13, .name = "P13", .flags = partition_flag::boot, .areas = a13},
    {.id = 14, .name = "P14", .flags = partition_flag::boot, .areas = a14},
    // Not booted, so it needs no slot in plan 0; plan 1 runs it.
    {.id = 15, .name = "Spare", .flags = 0, .areas = a15},
};

// Plan 0: 20 slots of 10ms; partition 3 runs both its vCPUs.
inline constexpr Slot plan0_slots[] = {
    {.id = 0, .start_us = 0, .duration_us = 10000, .partition_id = 0},
    {.id = 1, .start_us = 10000, .duration_us = 10000, .partition_id = 1},
    {.id = 2, .start_us = 20000, .duration_us = 10000, .partition_id = 2},
    {.id = 3, .start_us = 30000, .duration_us = 10000, .partition_id = 3},
    {.id = 4, .start_us = 40000, .duration_us = 10000, .partition_id = 3, .vcpu_id = 1},
    {.id = 5, .start_us = 50000, .duration_us = 10000, .partition_id = 4},
    {.id = 6, .start_us = 60000, .duration_us = 10000, .partition_id = 5},
    {.id = 7, .start_us = 70000, .duration_us = 10000, .partition_id = 6},
    {.id = 8, .start_us = 80000, .duration_us = 10000, .partition_id = 7},
    {.id = 9, .start_us = 90000, .duration_us = 10000, .partition_id = 8},
    {.id = 10, .start_us = 100000, .duration_us = 10000, .partition_id = 9},
    {.id = 11, .start_us = 110000, .duration_us = 10000, .partition_id = 10},
    {.id = 12, .start_us = 120000, .duration_us = 10000, .partition_id = 11},
    {.id = 13, .start_us = 130000, .duration_us = 10000, .partition_id = 12},
    {.id = 14, .start_us = 140000, .duration_us = 10000, .partition_id = 13},
    {.id = 15, .start_us = 150000, .duration_us = 10000, .partition_id = 14},
    {.id = 16, .start_us = 160000, .duration_us = 10000, .partition_id = 0},
    {.id = 17, .start_us = 170000, .duration_us = 10000, .partition_id = 1},
    {.id = 18, .start_us = 180000, .duration_us = 10000, .partition_id = 2},
    {.id = 19, .start_us = 190000, .duration_us = 1500, .partition_id = 4},
};
// Plan 1 (maintenance): written out of time order; the slot at 0ms is the
// system partition's.
inline constexpr Slot plan1_slots[] = {
    {.id = 0, .start_us = 50000, .duration_us = 50000, .partition_id = 15},
    {.id = 1, .start_us = 0, .duration_us = 50000, .partition_id = 0}};
inline constexpr Plan plans[] = {{.id = 0, .major_frame_us = 200000, .slots = plan0_slots, .name = "Nominal"},
                                 {.id = 1, .major_frame_us = 100000, .slots = plan1_slots, .name = "Maintenance"}};
inline constexpr Processor processors[] = {{.id = 0, .frequency_khz = 50000, .plans = plans}};

inline constexpr ChannelEnd cmd_destinations[] = {
    {.partition_id = 1, .partition_name = "FlightControl", .port_name = "CmdIn"},
    {.partition_id = 2, .partition_name = nullptr, .port_name = "CmdIn"},
    {.partition_id = 3, .partition_name = nullptr, .port_name = "CmdIn"},
    {.partition_id = 4, .partition_name = "Logger", .port_name = "CmdIn"},
    {.partition_id = 6, .partition_name = nullptr, .port_name = "CmdIn"},
    {.partition_id = 7, .partition_name = nullptr, .port_name = "CmdIn"},
    {.partition_id = 8, .partition_name = nullptr, .port_name = "CmdIn"}};
inline constexpr SamplingChannel sampling[] = {
    {.max_message_length = 64, .refresh_period_us = 100000,
     .source = {.partition_id = 0, .partition_name = "SystemMngmt", .port_name = "CmdOut"},
     .destinations = cmd_destinations}};
inline constexpr QueuingChannel queuing[] = {
    {.max_message_length = 128, .max_messages = 16,
     .source = {.partition_id = 4, .partition_name = nullptr, .port_name = "LogOut"},
     .destination = {.partition_id = 5, .partition_name = "LogStore", .port_name = "LogIn"}}};

inline constexpr std::uint32_t to_all[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
inline constexpr std::uint32_t to_0[] = {0};
inline constexpr Ipvi ipvis[] = {{.id = 0, .source_id = 0, .destination_ids = to_all},
                                 {.id = 1, .source_id = 1, .destination_ids = to_0},
                                 {.id = 2, .source_id = 2, .destination_ids = to_0},
                                 {.id = 3, .source_id = 3, .destination_ids = to_0},
                                 {.id = 4, .source_id = 4, .destination_ids = to_0},
                                 {.id = 5, .source_id = 5, .destination_ids = to_0},
                                 {.id = 6, .source_id = 6, .destination_ids = to_0},
                                 {.id = 7, .source_id = 7, .destination_ids = to_0}};
}  // namespace big_tables

inline constexpr System big = {.name = "big_system",
                               .schema_version = schema_version,
                               .memory_regions = big_tables::regions,
                               .processors = big_tables::processors,
                               .hypervisor = {.areas = big_tables::xm_areas,
                                              .console = "Uart",
                                              .hm_device = "TraceMem",
                                              .hm_events = big_tables::xm_hm,
                                              .trace = {.device = "XmTraceMem", .bitmask = 0x1}},
                               .partitions = big_tables::partitions,
                               .devices = big_tables::devices,
                               .resident_sw = {.areas = big_tables::rsw_areas, .entry_point = 0},
                               .sampling_channels = big_tables::sampling,
                               .queuing_channels = big_tables::queuing,
                               .ipvis = big_tables::ipvis,
                               .version = "1.0.0"};

}  // namespace stratum::test
