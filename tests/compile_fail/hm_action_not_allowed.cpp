// The hypervisor's own internal error may not be ignored.
// EXPECT: configuration_error<.*"\[HM-ACTION-NOT-ALLOWED\] XMHypervisor HealthMonitor event XM_HM_EV_INTERNAL_ERROR may not take action XM_HM_AC_IGNORE"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea a[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea b[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "A", .flags = 0, .areas = a},
                                           {.id = 1, .name = "B", .flags = 0, .areas = b}};
inline constexpr HmEvent xm_hm[] = {
    {.name = "XM_HM_EV_SCHED_ERROR", .action = "XM_HM_AC_HYPERVISOR_WARM_RESET", .log = true},
    {.name = "XM_HM_EV_INTERNAL_ERROR", .action = "XM_HM_AC_IGNORE", .log = true}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas, .hm_events = xm_hm},
                                  .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
