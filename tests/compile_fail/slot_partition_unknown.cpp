// A slot for a partition id that does not exist: the rule's message, not an
// out-of-bounds error from whatever indexes partitions by that id.
// EXPECT: configuration_error<.*"\[SLOT-PARTITION-UNKNOWN\] Processor 0 plan 0 slot 1 names partition 7, which does not exist"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea a[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea b[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "A", .flags = partition_flag::boot, .areas = a},
                                           {.id = 1, .name = "B", .flags = 0, .areas = b}};
inline constexpr Slot typo[] = {{.id = 0, .start_us = 0, .duration_us = 20000, .partition_id = 0},
                                {.id = 1, .start_us = 20000, .duration_us = 30000, .partition_id = 7}};
inline constexpr Plan plan0[] = {{.id = 0, .major_frame_us = 50000, .slots = typo}};
inline constexpr Processor cpu0[] = {{.id = 0, .frequency_khz = 50000, .plans = plan0}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = cpu0, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
