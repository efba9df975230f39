// A partition area reaching into the hypervisor's own memory.
// EXPECT: configuration_error<.*"\[MEM-AREA-HYPERVISOR\] Partition 'Intruder' area 0x4007f000\+8KB overlaps the XMHypervisor area 0x40000000\+512KB"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea intruder[] = {{.start = 0x4007f000, .size = 0x2000, .flags = 0, .mapped_at = 0x4007f000}};
inline constexpr MemoryArea other[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "Intruder", .flags = 0, .areas = intruder},
                                           {.id = 1, .name = "Other", .flags = 0, .areas = other}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
