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
inline constexpr std::uint32_t schema_version = 1;

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
}  // namespace area_flag

struct MemoryArea {
  std::uint32_t start;
  std::uint32_t size;
  std::uint32_t flags;      // area_flag bits
  std::uint32_t mapped_at;  // virtual address; equals start unless area_flag::mapped_at
};

// Partition@flags
namespace partition_flag {
inline constexpr std::uint32_t system = 1u << 0;
inline constexpr std::uint32_t fp = 1u << 1;
inline constexpr std::uint32_t boot = 1u << 2;
}  // namespace partition_flag

struct Partition {
  std::uint32_t id;
  const char* name;
  std::uint32_t flags;  // partition_flag bits
  std::span<const MemoryArea> areas;
};

struct Slot {
  std::uint32_t id;
  std::uint32_t start_us;     // offset inside the major frame
  std::uint32_t duration_us;
  std::uint32_t partition_id;
};

struct Plan {
  std::uint32_t id;
  std::uint32_t major_frame_us;
  std::span<const Slot> slots;
};

struct Processor {
  std::uint32_t id;
  std::uint32_t frequency_khz;
  std::span<const Plan> plans;
};

struct HypervisorConfig {
  std::span<const MemoryArea> areas;
};

struct System {
  const char* name;
  std::uint32_t schema_version;  // the config::schema_version the tables were written for
  std::span<const MemoryRegion> memory_regions;
  std::span<const Processor> processors;
  HypervisorConfig hypervisor;
  std::span<const Partition> partitions;
};

constexpr const char* region_type_name(RegionType t) {
  switch (t) {
    case RegionType::stram: return "stram";
    case RegionType::sdram: return "sdram";
    case RegionType::rom: return "rom";
  }
  return "?";
}

}  // namespace stratum::config
