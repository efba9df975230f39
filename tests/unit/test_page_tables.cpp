// The compile-time SRMMU tables, walked the way the SRMMU walks them: no
// partition reaches another's private memory, the hypervisor, the I/O
// window, or writes its own PCT; the supervisor reaches the hypervisor and
// I/O in every context.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "stratum/arch/sparc/page_tables.hpp"
#include "stratum/config/check.hpp"
#include "stratum/layout.hpp"

using namespace stratum::config;
namespace mmu = stratum::sparc::srmmu;

namespace {
inline constexpr MemoryRegion regions[] = {{RegionType::stram, 0x40000000, 0x08000000}};
inline constexpr MemoryArea xm[] = {{0x40000000, 0x80000, 0, 0x40000000}};
// A: 256 KB aligned (level-2 pages), plus a read-only and an uncacheable area.
inline constexpr MemoryArea a_areas[] = {
    {0x40100000, 0x40000, 0, 0x40100000},
    {0x40180000, 0x3000, area_flag::read_only, 0x40180000},
    {0x40190000, 0x1000, area_flag::uncacheable, 0x40190000}};
// B: unaligned to 256 KB (level-3 pages), a mappedAt area, an unmapped one,
// and a shared area that C maps too.
inline constexpr MemoryArea b_areas[] = {
    {0x40201000, 0x5000, 0, 0x40201000},
    {0x40300000, 0x2000, area_flag::mapped_at, 0x10000000},
    {0x40400000, 0x1000, area_flag::unmapped, 0x40400000},
    {0x40500000, 0x1000, area_flag::shared, 0x40500000}};
inline constexpr MemoryArea c_areas[] = {{0x41000000, 0x1000000, 0, 0x41000000},  // a whole 16 MB page
                                         {0x40500000, 0x1000, area_flag::shared, 0x40500000}};
inline constexpr Slot slots[] = {{0, 0, 1000, 0}, {1, 1000, 1000, 1}, {2, 2000, 1000, 2}};
inline constexpr Plan plans[] = {{0, 3000, slots}};
inline constexpr Processor cpus[] = {{0, 50000, plans}};
inline constexpr Partition parts[] = {
    {0, "A", 0, a_areas}, {1, "B", 0, b_areas}, {2, "C", 0, c_areas}};
inline constexpr System sys = {"mmu", schema_version, regions, cpus, {xm}, parts};

constexpr stratum::ImageLayout layout = stratum::image_layout(sys);
using Tables = mmu::PageTables<sys, layout.page_tables_base, layout.pct_base>;
constexpr Tables tables = Tables::build();

// Checked by the compiler: the builder is constexpr end to end.
static_assert(Tables::fits);
static_assert(mmu::translate(tables.words, layout.page_tables_base, 1, 0x40100010).pa == 0x40100010);
static_assert(mmu::translate(tables.words, layout.page_tables_base, 2, 0x10001004).pa == 0x40301004);
static_assert(!mmu::translate(tables.words, layout.page_tables_base, 1, 0x40201000).valid);
static_assert(check_mmu_align(sys).empty() && check_mmu_virtual_collision(sys).empty());
// Each table is aligned to its own size (level 1: 1 KB, below: 256 B).
static_assert(mmu::tables_aligned(tables.words, layout.page_tables_base, 4));

mmu::Translation walk(std::uint32_t ctx, std::uint32_t va) {
  return mmu::translate(tables.words, layout.page_tables_base, ctx, va);
}

bool inside(std::uint32_t pa, const MemoryArea& a) { return pa >= a.start && pa - a.start < a.size; }

// Every page of interest: all of every area, seen from its physical and its
// virtual address, the pages just around them, the hypervisor and the I/O
// window's ends.
std::vector<std::uint32_t> probe_pages() {
  std::vector<std::uint32_t> v;
  auto add_range = [&](std::uint32_t start, std::uint32_t size) {
    for (std::uint64_t p = start; p < std::uint64_t{start} + size; p += 0x1000) v.push_back(static_cast<std::uint32_t>(p));
    v.push_back(start - 0x1000);
    v.push_back(start + size);
  };
  for (const Partition& p : parts)
    for (const MemoryArea& a : p.areas) {
      add_range(a.start, a.size > 0x100000 ? 0x100000 : a.size);  // a sample of the 16 MB area
      add_range(a.mapped_at, a.size > 0x100000 ? 0x100000 : a.size);
    }
  add_range(xm[0].start, xm[0].size);
  add_range(0x80000000, 0x2000);
  add_range(0x80ffe000, 0x2000);
  return v;
}
}  // namespace

TEST_CASE("a partition's user accesses reach exactly its own areas, with their rights") {
  for (std::size_t i = 0; i < std::size(parts); ++i) {
    const std::uint32_t ctx = Tables::context_of_partition(i);
    for (std::uint32_t va : probe_pages()) {
      const mmu::Translation t = walk(ctx, va);
      if (!t.valid || (!mmu::user_can_read(t.access) && !mmu::user_can_write(t.access) && !mmu::user_can_execute(t.access)))
        continue;
      // The only user-visible page outside its areas is its PCT, read-only.
      const std::uint32_t pct = layout.pct_base + 0x1000 * static_cast<std::uint32_t>(i);
      if ((va & ~0xfffu) == pct) {
        CHECK(t.access == mmu::acc::user_r_sup_rw);
        CHECK_FALSE(mmu::user_can_write(t.access));
        continue;
      }
      bool own = false;
      for (const MemoryArea& a : parts[i].areas) {
        if (a.flags & area_flag::unmapped) continue;
        if (va >= a.mapped_at && va - a.mapped_at < a.size) {
          own = true;
          CHECK(t.pa == a.start + (va - a.mapped_at));
          CHECK(mmu::user_can_write(t.access) == !(a.flags & area_flag::read_only));
          // Code runs only from memory no other partition can write.
          CHECK(mmu::user_can_execute(t.access) == !(a.flags & area_flag::shared));
          CHECK(t.cacheable == !(a.flags & area_flag::uncacheable));
        }
      }
      INFO("partition ", parts[i].name, " reaches va ", va, " -> pa ", t.pa);
      CHECK(own);
    }
  }
}

TEST_CASE("no partition reaches another's private memory, the hypervisor or the I/O window in user mode") {
  for (std::size_t i = 0; i < std::size(parts); ++i) {
    const std::uint32_t ctx = Tables::context_of_partition(i);
    for (std::uint32_t va : probe_pages()) {
      const mmu::Translation t = walk(ctx, va);
      if (!t.valid || t.access == mmu::acc::supervisor_rwx) continue;
      INFO("partition ", parts[i].name, " va ", va, " pa ", t.pa);
      const bool pct_page = (t.pa & ~0xfffu) == layout.pct_base + 0x1000 * i;
      CHECK((!inside(t.pa, xm[0]) || pct_page));
      CHECK_FALSE((t.pa >= 0x80000000u && t.pa < 0x81000000u));
      for (std::size_t j = 0; j < std::size(parts); ++j) {
        if (j == i) continue;
        for (const MemoryArea& b : parts[j].areas) {
          if (!inside(t.pa, b)) continue;
          bool shared_both = false;
          for (const MemoryArea& a : parts[i].areas)
            shared_both |= inside(t.pa, a) && (a.flags & area_flag::shared) && (b.flags & area_flag::shared);
          CHECK(shared_both);
        }
      }
    }
  }
}

TEST_CASE("the supervisor reaches the hypervisor and the I/O window in every context") {
  for (std::uint32_t ctx = 0; ctx <= std::size(parts); ++ctx) {
    for (std::uint32_t va = xm[0].start; va < xm[0].start + xm[0].size; va += 0x1000) {
      const mmu::Translation t = walk(ctx, va);
      CHECK(t.valid);
      CHECK(t.pa == va);
    }
    const mmu::Translation io = walk(ctx, 0x80000100);
    CHECK(io.valid);
    CHECK(io.access == mmu::acc::supervisor_rwx);
    CHECK_FALSE(io.cacheable);
  }
}

TEST_CASE("large pages are used where the mapping allows them") {
  // C's 16 MB area: one level-1 PTE; A's 256 KB area: one level-2 PTE.
  const std::uint32_t l1c = tables.l1_address(Tables::context_of_partition(2));
  const std::uint32_t e = tables.words[(l1c - layout.page_tables_base) / 4 + (0x41000000u >> 24)];
  CHECK((e & 3u) == 2u);
  // Context table, four level-1 tables, and 13 level-2/3 tables: context 0
  // one (the hypervisor's two 256 KB pages); A three (the PCT's page, its
  // small areas); B six (its unaligned area, mappedAt, shared area); C three.
  CHECK(Tables::word_count == 256 + 4 * 256 + 64 * 13);
}

TEST_CASE("misaligned and colliding areas are refused with the objects named") {
  static constexpr MemoryArea bad_align[] = {{0x40100800, 0x1000, 0, 0x40100800}};
  static constexpr MemoryArea on_xm[] = {{0x40100000, 0x1000, area_flag::mapped_at, 0x40001000}};
  static constexpr Partition p1[] = {{0, "Odd", 0, bad_align}};
  static constexpr Partition p2[] = {{0, "Sneaky", 0, on_xm}};
  System s = sys;
  s.partitions = p1;
  CHECK(std::string(check_mmu_align(s).c_str()) ==
        "[MMU-ALIGN] Partition 'Odd' area 0x40100800+4KB (mapped at 0x40100800) is not aligned to 4KB pages");
  s.partitions = p2;
  CHECK(std::string(check_mmu_virtual_collision(s).c_str()) ==
        "[MMU-VIRTUAL-COLLISION] Partition 'Sneaky' area 0x40100000+4KB seen at 0x40001000 collides with the "
        "XMHypervisor area");
}
