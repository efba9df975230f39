// Rules on memory regions and areas (docs/configuration-rules.md, "Memory"),
// the SRMMU's included: every context is built from these areas, so they are
// checked with the rest of the tables, before any page table is made.
// `{owner}` is `Partition 'Name'`, `XMHypervisor` or `ResidentSw`.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/diagnostic.hpp"
#include "stratum/config/model.hpp"
#include "stratum/config/target.hpp"

namespace stratum::config {

using target::io_window_size;
using target::io_window_start;
using target::mmu_page;

// [MEM-REGION-OVERLAP] the regions describe the board's memory: a byte
// cannot be in two of them.
constexpr Diagnostic check_mem_region_overlap(const System& s) {
  Diagnostic d;
  for (std::size_t j = 0; j < s.memory_regions.size(); ++j)
    for (std::size_t i = 0; i < j; ++i) {
      const MemoryRegion& a = s.memory_regions[i];
      const MemoryRegion& b = s.memory_regions[j];
      if (!detail::intersect(b.start, detail::end(b.start, b.size), a.start, detail::end(a.start, a.size))) continue;
      d << "[MEM-REGION-OVERLAP] Region ";
      d.area(b.start, b.size) << " overlaps Region ";
      d.area(a.start, a.size);
      return d;
    }
  return d;
}

// [MEM-REGION-WRAP] a region past 0xffffffff would wrap to address 0.
constexpr Diagnostic check_mem_region_wrap(const System& s) {
  Diagnostic d;
  for (const MemoryRegion& r : s.memory_regions)
    if (detail::end(r.start, r.size) > (std::uint64_t{1} << 32)) {
      d << "[MEM-REGION-WRAP] Region ";
      d.area(r.start, r.size) << " runs past the end of the 32-bit address space";
      return d;
    }
  return d;
}

namespace detail {
constexpr bool in_io_window(std::uint32_t start, std::uint32_t size) {
  return intersect(start, end(start, size), io_window_start, end(io_window_start, io_window_size));
}
}  // namespace detail

// [MEM-IO-WINDOW] memory is not the devices: a region or an area (where it
// lies) in the I/O window would hand a partition the hypervisor's devices,
// or map them cacheable.
constexpr Diagnostic check_mem_io_window(const System& s) {
  Diagnostic d;
  for (const MemoryRegion& r : s.memory_regions)
    if (detail::in_io_window(r.start, r.size)) {
      d << "[MEM-IO-WINDOW] Region ";
      detail::io_window(d.area(r.start, r.size) << " overlaps ");
      return d;
    }
  for (std::size_t i = 0; i < detail::owner_count(s); ++i) {
    const detail::Owner o = detail::owner(s, i);
    for (const MemoryArea& a : o.areas)
      if (detail::in_space(a) && detail::in_io_window(a.start, a.size)) {
        detail::io_window(detail::owner_area(d << "[MEM-IO-WINDOW] ", o, a) << " overlaps ");
        return d;
      }
  }
  return d;
}

// [MEM-AREA-COUNT] the PCT tells a partition its areas in an array of
// CONFIG_MAX_MEM_AREAS entries.
constexpr Diagnostic check_mem_area_count(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    if (p.areas.size() > target::max_partition_areas) {
      detail::partition(d << "[MEM-AREA-COUNT] ", p) << " has ";
      d.dec(p.areas.size()) << " areas; the PCT describes at most ";
      d.dec(target::max_partition_areas);
      return d;
    }
  return d;
}

// [PARTITION-IMAGE-AREA] the first area holds the partition's image and
// entry point: it is loaded there at every cold reset and run from there,
// so it is the partition's own, mapped and writable.
constexpr Diagnostic check_partition_image_area(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions) {
    if (p.areas.empty()) continue;
    const MemoryArea& a = p.areas[0];
    const char* bad = (a.flags & area_flag::shared)      ? "shared"
                      : (a.flags & area_flag::unmapped)  ? "unmapped"
                      : (a.flags & area_flag::read_only) ? "read-only"
                                                         : nullptr;
    if (bad == nullptr) continue;
    detail::partition(d << "[PARTITION-IMAGE-AREA] ", p) << " area ";
    d.area(a.start, a.size) << " holds its image and entry point: it may not be " << bad;
    return d;
  }
  return d;
}

// [MEM-AREA-EMPTY] an area of 0 bytes maps nothing and is always a typo.
constexpr Diagnostic check_mem_area_empty(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < detail::owner_count(s); ++i) {
    const detail::Owner o = detail::owner(s, i);
    for (const MemoryArea& a : o.areas)
      if (a.size == 0) {
        detail::owner_area(d << "[MEM-AREA-EMPTY] ", o, a) << " is empty";
        return d;
      }
  }
  return d;
}

// [MEM-AREA-WRAP] an area running past 0xffffffff would wrap to address 0 in
// every 32-bit computation (overlaps, page tables, pointer checks); its
// mappedAt view too.
constexpr Diagnostic check_mem_area_wrap(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < detail::owner_count(s); ++i) {
    const detail::Owner o = detail::owner(s, i);
    for (const MemoryArea& a : o.areas) {
      if (detail::wraps(a)) {
        detail::owner_area(d << "[MEM-AREA-WRAP] ", o, a) << " runs past the end of the 32-bit address space";
        return d;
      }
      if (detail::view_wraps(a)) {
        detail::owner_area(d << "[MEM-AREA-WRAP] ", o, a) << " mapped at ";
        d.hex(a.mapped_at) << " runs past the end of the 32-bit address space";
        return d;
      }
    }
  }
  return d;
}

// [MEM-AREA-OUTSIDE-REGION] an area outside the board's memory is either a
// typo or a device, and devices are reached through the I/O window.
constexpr Diagnostic check_mem_area_outside_region(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < detail::owner_count(s); ++i) {
    const detail::Owner o = detail::owner(s, i);
    for (const MemoryArea& a : o.areas) {
      if (!detail::in_space(a) || detail::in_io_window(a.start, a.size)) continue;  // MEM-AREA-WRAP, MEM-IO-WINDOW
      bool inside = false;
      for (const MemoryRegion& r : s.memory_regions)
        inside = inside || (r.start <= a.start && detail::end(a.start, a.size) <= detail::end(r.start, r.size));
      if (inside) continue;
      detail::owner_area(d << "[MEM-AREA-OUTSIDE-REGION] ", o, a) << " is not inside any MemoryLayout Region";
      return d;
    }
  }
  return d;
}

// [MEM-AREA-SELF-OVERLAP] two areas of one owner sharing bytes are one area
// written twice, with flags that may contradict each other.
constexpr Diagnostic check_mem_area_self_overlap(const System& s) {
  Diagnostic d;
  for (std::size_t o_i = 0; o_i < detail::owner_count(s); ++o_i) {
    const detail::Owner o = detail::owner(s, o_i);
    for (std::size_t j = 0; j < o.areas.size(); ++j)
      for (std::size_t i = 0; i < j; ++i)
        if (detail::overlap_in_space(o.areas[j], o.areas[i])) {
          detail::owner_area(d << "[MEM-AREA-SELF-OVERLAP] ", o, o.areas[j]) << " overlaps its own area ";
          d.area(o.areas[i].start, o.areas[i].size);
          return d;
        }
  }
  return d;
}

// [MEM-AREA-OVERLAP] spatial isolation: areas of two different partitions
// are disjoint unless both are flagged `shared` (manual 9.1, "memory area
// overlapping"). The later partition's area is named first.
constexpr Diagnostic check_mem_area_overlap(const System& s) {
  Diagnostic d;
  for (std::size_t j = 0; j < s.partitions.size(); ++j)
    for (const MemoryArea& b : s.partitions[j].areas)
      for (std::size_t i = 0; i < j; ++i)
        for (const MemoryArea& a : s.partitions[i].areas) {
          if (!detail::overlap_in_space(a, b)) continue;
          if ((a.flags & area_flag::shared) && (b.flags & area_flag::shared)) continue;
          detail::partition(d << "[MEM-AREA-OVERLAP] ", s.partitions[j]) << " area ";
          d.area(b.start, b.size) << " overlaps ";
          detail::partition(d, s.partitions[i]) << " area ";
          d.area(a.start, a.size);
          return d;
        }
  return d;
}

// [MEM-AREA-HYPERVISOR] no partition area may overlap the hypervisor's own:
// a partition writing there would own the machine.
constexpr Diagnostic check_mem_area_hypervisor(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (const MemoryArea& a : p.areas)
      for (const MemoryArea& h : s.hypervisor.areas)
        if (detail::overlap_in_space(a, h)) {
          detail::partition(d << "[MEM-AREA-HYPERVISOR] ", p) << " area ";
          d.area(a.start, a.size) << " overlaps the XMHypervisor area ";
          d.area(h.start, h.size);
          return d;
        }
  return d;
}

// [MEM-AREA-RSW] the resident software (the boot loader) stays in memory and
// runs again at a cold reset: nothing may overwrite it.
constexpr Diagnostic check_mem_area_rsw(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < detail::owner_count(s); ++i) {
    const detail::Owner o = detail::owner(s, i);
    if (o.resident_sw) continue;
    for (const MemoryArea& a : o.areas)
      for (const MemoryArea& r : s.resident_sw.areas)
        if (detail::overlap_in_space(a, r)) {
          detail::owner_area(d << "[MEM-AREA-RSW] ", o, a) << " overlaps the ResidentSw area ";
          d.area(r.start, r.size);
          return d;
        }
  }
  return d;
}

// [MEM-HYPERVISOR-ROOM] the first XMHypervisor area holds the image, then
// its 32KB of stacks, 64KB of PCT pages and 64KB of page tables at its top (layout.hpp).
constexpr Diagnostic check_mem_hypervisor_room(const System& s) {
  Diagnostic d;
  if (s.hypervisor.areas.empty()) {
    d << "[MEM-HYPERVISOR-ROOM] the system has no XMHypervisor area: it holds the hypervisor image, the PCT "
         "pages and the page tables";
  } else if (s.hypervisor.areas[0].size < target::min_hypervisor_area) {
    const MemoryArea& a = s.hypervisor.areas[0];
    d << "[MEM-HYPERVISOR-ROOM] the first XMHypervisor area ";
    d.area(a.start, a.size) << " is smaller than ";
    d.size(target::min_hypervisor_area) << ": it holds the hypervisor image, the PCT pages and the page tables";
  }
  return d;
}

// [MMU-ALIGN] the SRMMU maps 4KB pages: areas start, end and are mapped on
// page boundaries, or a partition would see (or miss) bytes around them.
constexpr Diagnostic check_mmu_align(const System& s) {
  Diagnostic d;
  for (const MemoryArea& h : s.hypervisor.areas)
    if ((h.start | h.size) % mmu_page != 0) {
      d << "[MMU-ALIGN] XMHypervisor area ";
      d.area(h.start, h.size) << " is not aligned to ";
      d.size(mmu_page) << " pages";
      return d;
    }
  for (const Partition& p : s.partitions)
    for (const MemoryArea& a : p.areas)
      if ((a.start | a.size | a.mapped_at) % mmu_page != 0) {
        detail::partition(d << "[MMU-ALIGN] ", p) << " area ";
        d.area(a.start, a.size) << " (mapped at ";
        d.hex(a.mapped_at) << ") is not aligned to ";
        d.size(mmu_page) << " pages";
        return d;
      }
  return d;
}

// [MMU-VIRTUAL-COLLISION] a partition's context also maps the hypervisor's
// areas and the I/O window (supervisor-only, so that a trap never changes
// context): what the partition sees (at mappedAt, else at its start) must
// not land on them, nor on another of its own mapped areas. An area seen
// where it lies that lands on the hypervisor is MEM-AREA-HYPERVISOR's
// overlap, and two such areas of one partition MEM-AREA-SELF-OVERLAP's: only
// a moved view (mappedAt != start) makes those collisions this rule's. The
// I/O window is always checked. Of two own areas the later one is named.
constexpr Diagnostic check_mmu_virtual_collision(const System& s) {
  Diagnostic d;
  const auto seen = [](const MemoryArea& a) {
    return (a.flags & area_flag::unmapped) == 0 && detail::in_space(a) && !detail::view_wraps(a);
  };
  const auto moved = [](const MemoryArea& a) { return a.mapped_at != a.start; };
  const auto hits = [](std::uint32_t a, std::uint32_t as, std::uint32_t b, std::uint32_t bs) {
    return detail::intersect(a, detail::end(a, as), b, detail::end(b, bs));
  };
  for (const Partition& p : s.partitions) {
    for (std::size_t i = 0; i < p.areas.size(); ++i) {
      const MemoryArea& a = p.areas[i];
      if (!seen(a)) continue;
      const auto report = [&](const char* what) -> Diagnostic& {
        detail::partition(d << "[MMU-VIRTUAL-COLLISION] ", p) << " area ";
        d.area(a.start, a.size) << " seen at ";
        d.hex(a.mapped_at) << " collides with " << what;
        return d;
      };
      if (moved(a))
        for (const MemoryArea& h : s.hypervisor.areas)
          if (detail::in_space(h) && hits(a.mapped_at, a.size, h.start, h.size)) return report("the XMHypervisor area");
      if (hits(a.mapped_at, a.size, io_window_start, io_window_size) &&
          (moved(a) || !detail::in_io_window(a.start, a.size)))  // else MEM-IO-WINDOW's
        return detail::io_window(report(""));
      for (std::size_t j = 0; j < i; ++j) {
        const MemoryArea& b = p.areas[j];
        if (seen(b) && (moved(a) || moved(b)) && hits(a.mapped_at, a.size, b.mapped_at, b.size))
          return report("another of its own areas");
      }
    }
  }
  return d;
}

// [TRACE-DEVICE] every Trace names a MemoryBlock of whole MMU pages inside a
// memory region, outside every partition's and the hypervisor's areas (the
// page tables map it supervisor-only: only the hypervisor reaches it), used
// by no other Trace. Traces in the order written: XMHypervisor's, then the
// partitions'. A Trace naming no declared device is DEVICE-UNKNOWN's.
constexpr Diagnostic check_trace_device(const System& s) {
  Diagnostic d;
  const std::size_t n = s.partitions.size();
  auto trace_of = [&](std::size_t k) -> const Trace& { return k == 0 ? s.hypervisor.trace : s.partitions[k - 1].trace; };
  auto owner = [&](std::size_t k) -> const char* { return k == 0 ? "XMHypervisor" : s.partitions[k - 1].name; };
  for (std::size_t k = 0; k <= n; ++k) {
    const Trace& t = trace_of(k);
    if (t.device == nullptr || !detail::has_device(s, t.device)) continue;
    const Device* b = trace_device(s, t);
    d << "[TRACE-DEVICE] " << owner(k) << " Trace device '" << t.device << "' ";
    if (b == nullptr) return d << "is not a MemoryBlock", d;
    if (b->size == 0 || b->start % mmu_page != 0 || b->size % mmu_page != 0)
      return d << "must be whole 4KB pages, at least one", d;
    bool in_region = false;
    for (const MemoryRegion& r : s.memory_regions)
      if (b->start >= r.start && std::uint64_t{b->start} + b->size <= std::uint64_t{r.start} + r.size) in_region = true;
    if (!in_region) return d << "lies outside every memory region", d;
    bool clash = false;
    auto hits = [&](const MemoryArea& a) {
      return std::uint64_t{a.start} < std::uint64_t{b->start} + b->size &&
             std::uint64_t{b->start} < std::uint64_t{a.start} + a.size;
    };
    for (const MemoryArea& a : s.hypervisor.areas) clash |= hits(a);
    for (const Partition& p : s.partitions)
      for (const MemoryArea& a : p.areas) clash |= hits(a);
    if (clash) return d << "overlaps a memory area: no partition may reach a trace stream", d;
    for (std::size_t j = 0; j < k; ++j)
      if (trace_device(s, trace_of(j)) == b) return d << "is another Trace's stream", d;
    d = Diagnostic{};
  }
  return d;
}

}  // namespace stratum::config
