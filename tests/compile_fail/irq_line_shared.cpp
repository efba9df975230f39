// Interrupt line 4 given to two partitions.
// EXPECT: configuration_error<.*"\[IRQ-LINE-SHARED\] Partition 'Gnss' asks for interrupt line 4, already given to Partition 'Radio'"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea a[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea b[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr std::uint32_t radio_lines[] = {4};
inline constexpr std::uint32_t gnss_lines[] = {5, 4};
inline constexpr Partition partitions[] = {{.id = 0, .name = "Radio", .flags = 0, .areas = a, .irq_lines = radio_lines},
                                           {.id = 1, .name = "Gnss", .flags = 0, .areas = b, .irq_lines = gnss_lines}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
