// The configuration model: what an XM_CF file says, as plain constexpr data.
//
// Every aggregate here is reflectable with Boost.PFR (no bases, no const
// members, no user constructors). Lists are spans over arrays the generator
// (or a person writing tables by hand) defines next to the System object;
// counts are never stored beside a list, they are the span's size.
//
// Units: addresses and sizes in bytes, times in microseconds, frequencies in
// kHz, exactly as the generator normalises the manual's units (512KB, 20ms,
// 50Mhz).
#pragma once

#include <cstdint>
#include <span>

namespace stratum::config {

// Bumped whenever the shape of these tables changes; generated headers carry
// the version they were written for and the hypervisor checks it.
inline constexpr std::uint32_t schema_version = 2;

// MemoryLayout/Region@type
enum class RegionType : std::uint8_t { stram, sdram, rom };

struct MemoryRegion {
  RegionType type;
  std::uint32_t start;
  std::uint32_t size;
};

// PhysicalMemoryAreas/Area@flags, one bit each.
namespace area_flag {
inline constexpr std::uint32_t unmapped = 1u << 0;
inline constexpr std::uint32_t shared = 1u << 1;
inline constexpr std::uint32_t read_only = 1u << 2;
inline constexpr std::uint32_t uncacheable = 1u << 3;
inline constexpr std::uint32_t iommu = 1u << 4;
inline constexpr std::uint32_t mapped_at = 1u << 5;  // set when @mappedAt is given
inline constexpr std::uint32_t rom = 1u << 6;
}  // namespace area_flag

struct MemoryArea {
  std::uint32_t start;
  std::uint32_t size;
  std::uint32_t flags;      // area_flag bits
  std::uint32_t mapped_at;  // virtual address; equals start unless area_flag::mapped_at
  const char* name = nullptr;  // Area@name, optional
};

// Partition@flags
namespace partition_flag {
inline constexpr std::uint32_t system = 1u << 0;
inline constexpr std::uint32_t fp = 1u << 1;
inline constexpr std::uint32_t boot = 1u << 2;
}  // namespace partition_flag

// HealthMonitor/Event: names as XtratuM spells them (XM_HM_EV_..., XM_HM_AC_...),
// the event's canonical spelling (the generator writes XM_HM_EV_SPARC_... as
// XM_HM_EV_SPARCV8_...); config/hm.hpp knows the events, the actions and
// which may go together.
struct HmEvent {
  const char* name;
  const char* action;
  bool log;
};

// Trace: where traces go (a Devices name) and which are kept.
struct Trace {
  const char* device = nullptr;  // nullptr: no Trace element
  std::uint32_t bitmask = 0;
};

// TemporalRequirements: the partition wants `duration_us` in every
// `period_us`.
struct TemporalRequirements {
  std::uint32_t duration_us = 0;
  std::uint32_t period_us = 0;
  bool given = false;  // the element is written (0/0 without it: no requirement)
};

// HwResources/IoPorts: a Range of `count` 32-bit ports from `address`, or
// one Restricted port of which only the `mask` bits are the partition's.
enum class IoPortKind : std::uint8_t { range, restricted };
struct IoPort {
  IoPortKind kind;
  std::uint32_t address;
  std::uint32_t count;  // ports in a Range; 1 for Restricted
  std::uint32_t mask;   // Restricted@mask; 0xffffffff when absent or for a Range
};

// PortTable/Port.
enum class PortKind : std::uint8_t { sampling, queuing };
enum class PortDirection : std::uint8_t { source, destination };
struct Port {
  const char* name;
  PortKind kind;
  PortDirection direction;
};

struct Partition {
  std::uint32_t id;
  const char* name;
  std::uint32_t flags;  // partition_flag bits
  std::span<const MemoryArea> areas;
  const char* console = nullptr;            // Partition@console, a Devices name
  std::span<const std::uint32_t> processors{};  // Partition@processor; empty: processor 0
  std::uint32_t vcpus = 1;                  // Partition@noVCpus
  TemporalRequirements temporal{};
  std::span<const std::uint32_t> irq_lines{};  // HwResources/Interrupts@lines
  std::span<const IoPort> io_ports{};
  std::span<const Port> ports{};
  std::span<const HmEvent> hm_events{};
  Trace trace{};
};

struct Slot {
  std::uint32_t id;
  std::uint32_t start_us;     // offset inside the major frame
  std::uint32_t duration_us;
  std::uint32_t partition_id;
  std::uint32_t vcpu_id = 0;
};

struct Plan {
  std::uint32_t id;
  std::uint32_t major_frame_us;
  std::span<const Slot> slots;
  const char* name = nullptr;
};

struct Processor {
  std::uint32_t id;
  std::uint32_t frequency_khz;
  std::span<const Plan> plans;
  const char* features = nullptr;
};

// HwDescription/Devices: a Uart or a MemoryBlock, named so that consoles
// and traces can refer to them.
enum class DeviceKind : std::uint8_t { uart, memory_block };
struct Device {
  DeviceKind kind;
  const char* name;
  std::uint32_t id;         // Uart@id
  std::uint32_t baud_rate;  // Uart@baudRate
  std::uint32_t start;      // MemoryBlock@start
  std::uint32_t size;       // MemoryBlock@size
};

struct HypervisorConfig {
  std::span<const MemoryArea> areas;
  const char* console = nullptr;  // XMHypervisor@console
  const char* hm_device = nullptr;  // XMHypervisor@healthMonitoringDevice
  std::span<const HmEvent> hm_events{};
  Trace trace{};
};

struct ResidentSw {
  std::span<const MemoryArea> areas{};
  std::uint32_t entry_point = 0;
};

// Channels: one Source and its Destinations, each naming a partition (by
// id, and optionally by name too) and one of its ports.
struct ChannelEnd {
  std::uint32_t partition_id;
  const char* partition_name;  // nullptr when not written
  const char* port_name;
};

struct SamplingChannel {
  std::uint32_t max_message_length;
  std::uint32_t refresh_period_us;  // 0: not given
  ChannelEnd source;
  std::span<const ChannelEnd> destinations;
  std::uint32_t valid_period_us = 0;  // validPeriod: XtratuM 2/3's name of refreshPeriod
};

// How long a message stays valid, microseconds (0: for ever): refreshPeriod,
// or validPeriod when a system written for XtratuM 2/3 gives that instead.
constexpr std::uint32_t refresh_period(const SamplingChannel& c) {
  return c.refresh_period_us != 0 ? c.refresh_period_us : c.valid_period_us;
}

struct QueuingChannel {
  std::uint32_t max_message_length;
  std::uint32_t max_messages;  // maxNoMessages
  ChannelEnd source;
  ChannelEnd destination;
};

// Ipvi: inter-partition virtual interrupt `id`, raised by the source
// partition, delivered to the destinations.
struct Ipvi {
  std::uint32_t id;
  std::uint32_t source_id;
  std::span<const std::uint32_t> destination_ids;
};

struct System {
  const char* name;
  std::uint32_t schema_version;  // the config::schema_version the tables were written for
  std::span<const MemoryRegion> memory_regions;
  std::span<const Processor> processors;
  HypervisorConfig hypervisor;
  std::span<const Partition> partitions;
  std::span<const Device> devices{};
  ResidentSw resident_sw{};
  std::span<const SamplingChannel> sampling_channels{};
  std::span<const QueuingChannel> queuing_channels{};
  std::span<const Ipvi> ipvis{};
  const char* version = "";  // SystemDescription@version
};

// The MemoryBlock a Trace names (nullptr: no Trace element, or no block of
// that name): a trace stream's memory (kernel/traces.hpp).
constexpr const Device* trace_device(const System& s, const Trace& t) {
  if (t.device == nullptr) return nullptr;
  for (const Device& d : s.devices) {
    if (d.kind != DeviceKind::memory_block) continue;
    const char *a = d.name, *b = t.device;
    for (; *a != '\0' && *a == *b; ++a, ++b) {
    }
    if (*a == *b) return &d;
  }
  return nullptr;
}

constexpr const char* region_type_name(RegionType t) {
  switch (t) {
    case RegionType::stram: return "stram";
    case RegionType::sdram: return "sdram";
    case RegionType::rom: return "rom";
  }
  return "?";
}

}  // namespace stratum::config
