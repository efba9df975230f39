// A partition with two virtual CPUs: valid XM_CF, but this kernel runs one
// vCPU per partition, so the image is refused rather than run half of it.
// EXPECT: configuration_error<.*"\[BOARD-VCPUS\] Partition 'A' has 2 vCPUs; board leon3-qemu runs 1 per partition"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea a0[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea a1[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "A", .flags = 0, .areas = a0, .vcpus = 2},
                                           {.id = 1, .name = "B", .flags = 0, .areas = a1}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
static_assert(stratum::config::verify<system>());  // valid as a configuration
}  // namespace cf

template void cf::Image<cf::system>::boot(stratum::kernel::Start);
