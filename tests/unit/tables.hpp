// Hand-written tables for the host tests: a valid two-partition system and
// variants that break one rule each.
#pragma once

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

}  // namespace stratum::test
