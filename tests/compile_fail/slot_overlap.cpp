// Two slots of plan 0 sharing 5ms: the later-written slot is named first.
// EXPECT: configuration_error<.*"\[SLOT-OVERLAP\] Processor 0 plan 0 slot 1 \[15ms, 45ms\) overlaps slot 0 \[0ms, 20ms\)"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea a[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea b[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "A", .flags = 0, .areas = a},
                                           {.id = 1, .name = "B", .flags = 0, .areas = b}};
inline constexpr Slot overlapping[] = {{.id = 0, .start_us = 0, .duration_us = 20000, .partition_id = 0},
                                       {.id = 1, .start_us = 15000, .duration_us = 30000, .partition_id = 1}};
inline constexpr Plan plan0[] = {{.id = 0, .major_frame_us = 50000, .slots = overlapping}};
inline constexpr Processor cpu0[] = {{.id = 0, .frequency_khz = 50000, .plans = plan0}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = cpu0, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
