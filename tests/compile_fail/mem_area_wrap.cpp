// An area running past 4 GiB: the rule's message, not an overflow in some
// 32-bit computation of its end.
// EXPECT: configuration_error<.*"\[MEM-AREA-WRAP\] Partition 'Top' area 0xfff00000\+2MB runs past the end of the 32-bit address space"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea top[] = {{.start = 0xfff00000, .size = 0x200000, .flags = 0, .mapped_at = 0xfff00000}};
inline constexpr MemoryArea b[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "Top", .flags = 0, .areas = top},
                                           {.id = 1, .name = "B", .flags = 0, .areas = b}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
