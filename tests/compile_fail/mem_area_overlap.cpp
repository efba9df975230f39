// Two partitions whose areas overlap, written by hand (no generator).
// The later partition is named first.
// EXPECT: configuration_error<.*"\[MEM-AREA-OVERLAP\] Partition 'IoServer' area 0x40120000\+64KB overlaps Partition 'FlightCtl' area 0x40100000\+256KB"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea flight_ctl[] = {{.start = 0x40100000, .size = 0x40000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea io_server[] = {{.start = 0x40120000, .size = 0x10000, .flags = 0, .mapped_at = 0x40120000}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "FlightCtl", .flags = 0, .areas = flight_ctl},
                                           {.id = 1, .name = "IoServer", .flags = 0, .areas = io_server}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas}, .partitions = partitions};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
