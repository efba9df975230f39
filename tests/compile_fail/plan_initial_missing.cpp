// A processor whose plans start at 1: there is nothing to run at boot.
// EXPECT: configuration_error<.*"\[PLAN-INITIAL-MISSING\] Processor 0 has no plan 0 \(the initial plan\)"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea a[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea b[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "A", .flags = partition_flag::system, .areas = a},
                                           {.id = 1, .name = "B", .flags = 0, .areas = b}};
inline constexpr Plan plan1[] = {{.id = 1, .major_frame_us = 50000, .slots = slots}};
inline constexpr Processor cpu0[] = {{.id = 0, .frequency_khz = 50000, .plans = plan1}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = cpu0, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
