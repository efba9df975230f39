// Hand-written tables that forget the hypervisor's own memory: the image
// layout must not read a missing area; the rule says what is wrong.
// EXPECT: configuration_error<.*"\[MEM-HYPERVISOR-ROOM\] the system has no XMHypervisor area: it holds the hypervisor image, the PCT pages and the page tables"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea p0[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea p1[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "A", .flags = 0, .areas = p0},
                                           {.id = 1, .name = "B", .flags = 0, .areas = p1}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
