// A valid two-processor system (XtratuM allows it) built for the one-CPU
// QEMU board: processor 1's plan would never run, so the image is refused.
// EXPECT: configuration_error<.*"\[BOARD-PROCESSORS\] system 'cf' declares 2 processors; board leon3-qemu has 1"
#include "tables_base.hpp"

namespace cf {
inline constexpr Slot cpu1_slots[] = {{.id = 0, .start_us = 0, .duration_us = 20000, .partition_id = 1}};
inline constexpr Plan cpu1_plans[] = {{.id = 0, .major_frame_us = 50000, .slots = cpu1_slots}};
inline constexpr Processor two_cpus[] = {{.id = 0, .frequency_khz = 50000, .plans = plans},
                                         {.id = 1, .frequency_khz = 50000, .plans = cpu1_plans}};
inline constexpr MemoryArea a0[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea a1[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "A", .flags = 0, .areas = a0},
                                           {.id = 1, .name = "B", .flags = 0, .areas = a1}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = two_cpus, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
static_assert(stratum::config::verify<system>());  // valid as a configuration
}  // namespace cf

// Instantiating the image is what meets the board.
template void cf::Image<cf::system>::boot(stratum::kernel::Start);
