// An area the SRMMU cannot map: not on a 4 KB page boundary.
// EXPECT: configuration_error<.*"\[MMU-ALIGN\] Partition 'Odd' area 0x40100800\+4KB \(mapped at 0x40100800\) is not aligned to 4KB pages"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea odd[] = {{.start = 0x40100800, .size = 0x1000, .flags = 0, .mapped_at = 0x40100800}};
inline constexpr MemoryArea other[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "Odd", .flags = 0, .areas = odd},
                                           {.id = 1, .name = "Other", .flags = 0, .areas = other}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
