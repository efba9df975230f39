// An area mapped (mappedAt) onto the hypervisor's addresses, which every
// context maps for the hypervisor.
// EXPECT: configuration_error<.*"\[MMU-VIRTUAL-COLLISION\] Partition 'Sneaky' area 0x40100000\+4KB seen at 0x40001000 collides with the XMHypervisor area"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea sneaky[] = {
    {.start = 0x40100000, .size = 0x1000, .flags = area_flag::mapped_at, .mapped_at = 0x40001000}};
inline constexpr MemoryArea other[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "Sneaky", .flags = 0, .areas = sneaky},
                                           {.id = 1, .name = "Other", .flags = 0, .areas = other}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
