// Tables written for another version of the configuration model.
// EXPECT: configuration_error<.*"\[SCHEMA-VERSION\] tables of system 'old' are schema version 0, this Stratum reads version 2: regenerate them"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea a[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea b[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "A", .flags = 0, .areas = a},
                                           {.id = 1, .name = "B", .flags = 0, .areas = b}};
inline constexpr System system = {.name = "old", .schema_version = 0, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
