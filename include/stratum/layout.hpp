// Where the hypervisor image keeps the things the page tables must know the
// address of, and its stacks. They live at the top of the first
// XMHypervisor area, at offsets that depend on nothing but the area (a
// stack address is the same whatever the code's size); the
// generated link script (generators/templates/hypervisor.ld.j2) places the
// sections at the same offsets, and the kernel checks at boot that it did.
#pragma once

#include <cstdint>

#include "stratum/config/diagnostic.hpp"
#include "stratum/config/model.hpp"

namespace stratum {

// Room for the compile-time page tables and for the PCT pages (one 4 KB
// page per partition, so at most 16 partitions).
inline constexpr std::uint32_t page_tables_reserve = 64 * 1024;
inline constexpr std::uint32_t pct_reserve = 64 * 1024;
inline constexpr std::uint32_t max_partitions = pct_reserve / 4096;
// The hypervisor's stacks, right below the PCT pages.
inline constexpr std::uint32_t stacks_reserve = 32 * 1024;

struct ImageLayout {
  std::uint32_t pct_base;
  std::uint32_t page_tables_base;
  std::uint32_t stacks_base;  // the stacks are [stacks_base, pct_base)
};

constexpr ImageLayout image_layout(const config::System& s) {
  if (s.hypervisor.areas.empty()) return {0, 0, 0};  // MEM-HYPERVISOR-ROOM reports it
  const config::MemoryArea& xm = s.hypervisor.areas[0];
  const std::uint32_t end = xm.start + xm.size;
  return {end - page_tables_reserve - pct_reserve, end - page_tables_reserve,
          end - page_tables_reserve - pct_reserve - stacks_reserve};
}

// [PCT-ROOM] one PCT page per partition in the room the image keeps.
constexpr config::Diagnostic check_pct_room(const config::System& s) {
  config::Diagnostic d;
  if (s.partitions.size() > max_partitions) {
    d << "[PCT-ROOM] system '" << s.name << "' has ";
    d.dec(s.partitions.size()) << " partitions; this image layout has room for ";
    d.dec(max_partitions);
  }
  return d;
}

}  // namespace stratum
