// A sampling channel whose destination is a queuing port.
// EXPECT: configuration_error<.*"\[CHANNEL-PORT-KIND\] SamplingChannel 0 Destination 0 port 'Cmd' of Partition 'Actuator' is a queuing port"
#include "tables_base.hpp"

namespace cf {
inline constexpr MemoryArea a[] = {{.start = 0x40100000, .size = 0x10000, .flags = 0, .mapped_at = 0x40100000}};
inline constexpr MemoryArea b[] = {{.start = 0x40200000, .size = 0x10000, .flags = 0, .mapped_at = 0x40200000}};
inline constexpr Port control_ports[] = {{.name = "Cmd", .kind = PortKind::sampling, .direction = PortDirection::source}};
inline constexpr Port actuator_ports[] = {
    {.name = "Cmd", .kind = PortKind::queuing, .direction = PortDirection::destination}};
inline constexpr Partition partitions[] = {{.id = 0, .name = "Control", .flags = 0, .areas = a, .ports = control_ports},
                                           {.id = 1, .name = "Actuator", .flags = 0, .areas = b, .ports = actuator_ports}};
inline constexpr ChannelEnd to_actuator[] = {{.partition_id = 1, .partition_name = "Actuator", .port_name = "Cmd"}};
inline constexpr SamplingChannel sampling[] = {
    {.max_message_length = 16, .refresh_period_us = 0,
     .source = {.partition_id = 0, .partition_name = nullptr, .port_name = "Cmd"}, .destinations = to_actuator}};
inline constexpr System system = {.name = "cf", .schema_version = schema_version, .memory_regions = regions,
                                  .processors = processors, .hypervisor = {.areas = xm_areas}, .partitions = partitions,
                                  .sampling_channels = sampling};
}  // namespace cf

static_assert(cf::Image<cf::system>::tables_valid);
