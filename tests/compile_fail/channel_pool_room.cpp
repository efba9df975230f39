// A queue too large for the hypervisor's memory: the compiler refuses the
// image, naming the rule (issue 10: the pool is sized at compile time).
// EXPECT: configuration_error<.*"\[CHANNEL-POOL-ROOM\] the channels need 1612816B of hypervisor memory; the first XMHypervisor area 0x40000000\+512KB has room for 288KB
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea a[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea b[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Port logger_ports[] = {{.name = "Log", .kind = PortKind::queuing, .direction = PortDirection::source}};
inline constexpr Port store_ports[] = {{.name = "Log", .kind = PortKind::queuing, .direction = PortDirection::destination}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "Logger", .flags = 0, .areas = a, .ports = logger_ports},
                                           {.id = 1, .name = "Store", .flags = 0, .areas = b, .ports = store_ports}};
inline constexpr QueuingChannel queuing[] = {
    {.max_message_length = 1000, .max_messages = 1600, .source = {.partition_id = 0, .partition_name = nullptr, .port_name = "Log"},
     .destination = {.partition_id = 1, .partition_name = nullptr, .port_name = "Log"}}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas}, .partitions = partitions,
                                  .queuing_channels = queuing};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
