// The rules on regions and areas, the SRMMU's included
// (include/stratum/config/check_memory.hpp), on tables broken one rule at a time.
#include <doctest/doctest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "check_fixture.hpp"

using namespace stratum::config;
using namespace stratum::test::check;
namespace t = stratum::test;

TEST_CASE("[MEM-REGION-OVERLAP] the later region is named first") {
  Good g;
  const MemoryRegion regions[] = {{RegionType::stram, 0x40000000, 0x08000000}, {RegionType::sdram, 0x44000000, 0x1000000}};
  g.s.memory_regions = regions;
  CHECK(msg(check_mem_region_overlap(g.s)) == "[MEM-REGION-OVERLAP] Region 0x44000000+16MB overlaps Region 0x40000000+128MB");
}

TEST_CASE("[MEM-AREA-EMPTY] no area of size 0") {
  Good g;
  g.a1[0].size = 0;
  CHECK(msg(check_mem_area_empty(g.s)) == "[MEM-AREA-EMPTY] Partition 'IoServer' area 0x40200000+0B is empty");
  g.a1[0].size = 0x1000;
  g.xm[0].size = 0;
  CHECK(msg(check_mem_area_empty(g.s)) == "[MEM-AREA-EMPTY] XMHypervisor area 0x40000000+0B is empty");
}

TEST_CASE("[MEM-AREA-WRAP] an area and its view end within 32 bits") {
  Good g;
  g.a1[0] = {.start = 0xfff00000, .size = 0x200000, .flags = 0, .mapped_at = 0xfff00000};
  CHECK(msg(check_mem_area_wrap(g.s)) ==
        "[MEM-AREA-WRAP] Partition 'IoServer' area 0xfff00000+2MB runs past the end of the 32-bit address space");
  g.a1[0].size = 0x100000;  // up to the last byte
  CHECK(check_mem_area_wrap(g.s).empty());
  g.a1[0] = {.start = 0x40200000, .size = 0x10000, .flags = area_flag::mapped_at, .mapped_at = 0xffff8000};
  CHECK(msg(check_mem_area_wrap(g.s)) ==
        "[MEM-AREA-WRAP] Partition 'IoServer' area 0x40200000+64KB mapped at 0xffff8000 runs past the end of the "
        "32-bit address space");
  const MemoryArea rsw[] = {{.start = 0xffffff00, .size = 0x1000, .flags = 0, .mapped_at = 0xffffff00}};
  g.s.resident_sw.areas = rsw;
  CHECK(msg(check_mem_area_wrap(g.s)) ==
        "[MEM-AREA-WRAP] ResidentSw area 0xffffff00+4KB runs past the end of the 32-bit address space");
}

TEST_CASE("[MEM-AREA-WRAP] an area past 4GB is that rule's alone") {
  Good g;
  g.a1[0] = {.start = 0x40000000, .size = 0xf0000000, .flags = 0, .mapped_at = 0x40000000};
  CHECK(msg(first_violation(g.s)) ==
        "[MEM-AREA-WRAP] Partition 'IoServer' area 0x40000000+3840MB runs past the end of the 32-bit address space");
  for (const Rule& r : rules) {
    INFO(r.id);
    if (std::string(r.id) != "MEM-AREA-WRAP") CHECK(msg(r.check(g.s)) == "");
  }
}

TEST_CASE("[MEM-AREA-OUTSIDE-REGION] every area lies inside one region") {
  Good g;
  g.a1[1] = {.start = 0x48000000, .size = 0x1000, .flags = 0, .mapped_at = 0x48000000};
  CHECK(msg(check_mem_area_outside_region(g.s)) ==
        "[MEM-AREA-OUTSIDE-REGION] Partition 'IoServer' area 0x48000000+4KB is not inside any MemoryLayout Region");
  g.a1[1].start = g.a1[1].mapped_at = 0x47fff000;
  g.a1[1].size = 0x2000;  // straddles the region's end
  CHECK(msg(check_mem_area_outside_region(g.s)) ==
        "[MEM-AREA-OUTSIDE-REGION] Partition 'IoServer' area 0x47fff000+8KB is not inside any MemoryLayout Region");
  g.a1[1].size = 0x1000;  // its last page
  CHECK(check_mem_area_outside_region(g.s).empty());
}

TEST_CASE("[MEM-AREA-SELF-OVERLAP] an owner's areas are disjoint") {
  Good g;
  g.a1[1] = {.start = 0x4020f000, .size = 0x1000, .flags = 0, .mapped_at = 0x4020f000};
  CHECK(msg(check_mem_area_self_overlap(g.s)) ==
        "[MEM-AREA-SELF-OVERLAP] Partition 'IoServer' area 0x4020f000+4KB overlaps its own area 0x40200000+64KB");
  const MemoryArea xm[] = {{0x40000000, 0x80000, 0, 0x40000000}, {0x40070000, 0x20000, 0, 0x40070000}};
  Good h;
  h.s.hypervisor.areas = xm;
  CHECK(msg(check_mem_area_self_overlap(h.s)) ==
        "[MEM-AREA-SELF-OVERLAP] XMHypervisor area 0x40070000+128KB overlaps its own area 0x40000000+512KB");
}

TEST_CASE("[MEM-AREA-OVERLAP] the later partition's area is named first") {
  Good g;
  g.a1[0] = {.start = 0x40120000, .size = 0x10000, .flags = 0, .mapped_at = 0x40120000};
  CHECK(msg(check_mem_area_overlap(g.s)) ==
        "[MEM-AREA-OVERLAP] Partition 'IoServer' area 0x40120000+64KB overlaps Partition 'FlightCtl' area "
        "0x40100000+256KB");
}

TEST_CASE("[MEM-AREA-OVERLAP] two shared areas may overlap, one shared is not enough") {
  Good g;
  g.a0[0] = {.start = 0x40300000, .size = 0x1000, .flags = area_flag::shared, .mapped_at = 0x40300000};
  CHECK(check_mem_area_overlap(g.s).empty());  // IoServer's second area is shared too
  g.a0[0].flags = 0;
  CHECK(msg(check_mem_area_overlap(g.s)) ==
        "[MEM-AREA-OVERLAP] Partition 'IoServer' area 0x40300000+4KB overlaps Partition 'FlightCtl' area "
        "0x40300000+4KB");
}

TEST_CASE("[MEM-AREA-OVERLAP] an area ending at 4 GiB does not wrap around") {
  Good g;
  g.a0[0] = {.start = 0xfff00000, .size = 0x100000, .flags = 0, .mapped_at = 0xfff00000};
  g.a1[0] = {.start = 0x00000000, .size = 0x1000, .flags = 0, .mapped_at = 0};
  CHECK(check_mem_area_overlap(g.s).empty());
}

TEST_CASE("[MEM-AREA-HYPERVISOR] a partition area inside the hypervisor's is refused") {
  Good g;
  g.a0[0] = {.start = 0x40040000, .size = 0x1000, .flags = 0, .mapped_at = 0x40040000};
  CHECK(msg(check_mem_area_hypervisor(g.s)) ==
        "[MEM-AREA-HYPERVISOR] Partition 'FlightCtl' area 0x40040000+4KB overlaps the XMHypervisor area "
        "0x40000000+512KB");
}

TEST_CASE("[MEM-AREA-RSW] nothing overlaps the resident software") {
  Good g;
  const MemoryArea rsw[] = {{.start = 0x40100000, .size = 0x1000, .flags = 0, .mapped_at = 0x40100000}};
  g.s.resident_sw.areas = rsw;
  CHECK(msg(check_mem_area_rsw(g.s)) ==
        "[MEM-AREA-RSW] Partition 'FlightCtl' area 0x40100000+256KB overlaps the ResidentSw area 0x40100000+4KB");
  const MemoryArea rsw_xm[] = {{.start = 0x40000000, .size = 0x1000, .flags = 0, .mapped_at = 0x40000000}};
  g.s.resident_sw.areas = rsw_xm;
  CHECK(msg(check_mem_area_rsw(g.s)) ==
        "[MEM-AREA-RSW] XMHypervisor area 0x40000000+512KB overlaps the ResidentSw area 0x40000000+4KB");
  const MemoryArea rsw_ok[] = {{.start = 0x40080000, .size = 0x10000, .flags = 0, .mapped_at = 0x40080000}};
  g.s.resident_sw.areas = rsw_ok;
  CHECK(check_mem_area_rsw(g.s).empty());
}

TEST_CASE("[MEM-HYPERVISOR-ROOM] the first hypervisor area has 256KB") {
  Good g;
  g.xm[0].size = 0x20000;
  CHECK(msg(check_mem_hypervisor_room(g.s)) ==
        "[MEM-HYPERVISOR-ROOM] the first XMHypervisor area 0x40000000+128KB is smaller than 256KB: it holds the "
        "hypervisor image, the PCT pages and the page tables");
  g.xm[0].size = 0x40000;
  CHECK(check_mem_hypervisor_room(g.s).empty());
}

TEST_CASE("[MMU-ALIGN] areas start, end and are mapped on 4KB pages") {
  Good g;
  g.xm[0].size = 0x80800;
  CHECK(msg(check_mmu_align(g.s)) == "[MMU-ALIGN] XMHypervisor area 0x40000000+514KB is not aligned to 4KB pages");
  g.xm[0].size = 0x80000;
  g.a1[0].flags = area_flag::mapped_at;
  g.a1[0].mapped_at = 0x10000400;
  CHECK(msg(check_mmu_align(g.s)) ==
        "[MMU-ALIGN] Partition 'IoServer' area 0x40200000+64KB (mapped at 0x10000400) is not aligned to 4KB pages");
}

TEST_CASE("[MMU-VIRTUAL-COLLISION] what a partition sees lands on nothing of the hypervisor's or its own") {
  Good g;
  g.a1[0].flags = area_flag::mapped_at;
  g.a1[0].mapped_at = 0x80000000;
  CHECK(msg(check_mmu_virtual_collision(g.s)) ==
        "[MMU-VIRTUAL-COLLISION] Partition 'IoServer' area 0x40200000+64KB seen at 0x80000000 collides with the I/O "
        "window 0x80000000+16MB");
  g.a1[0].mapped_at = 0x40200000;
  g.a1[1].flags |= area_flag::mapped_at;
  g.a1[1].mapped_at = 0x40201000;  // the later area is named
  CHECK(msg(check_mmu_virtual_collision(g.s)) ==
        "[MMU-VIRTUAL-COLLISION] Partition 'IoServer' area 0x40300000+4KB seen at 0x40201000 collides with another "
        "of its own areas");
  g.a1[1].flags |= area_flag::unmapped;  // not seen at all
  CHECK(check_mmu_virtual_collision(g.s).empty());
  g.a0[0].flags = area_flag::mapped_at;
  g.a0[0].mapped_at = 0x40070000;
  CHECK(msg(check_mmu_virtual_collision(g.s)) ==
        "[MMU-VIRTUAL-COLLISION] Partition 'FlightCtl' area 0x40100000+256KB seen at 0x40070000 collides with the "
        "XMHypervisor area");
}

TEST_CASE("[MMU-VIRTUAL-COLLISION] areas seen where they lie are the overlap rules' business") {
  Good g;
  g.a0[0] = {.start = 0x40070000, .size = 0x20000, .flags = 0, .mapped_at = 0x40070000};
  CHECK(check_mmu_virtual_collision(g.s).empty());
  CHECK_FALSE(check_mem_area_hypervisor(g.s).empty());
  Good h;
  h.a1[1] = {.start = 0x40208000, .size = 0x1000, .flags = 0, .mapped_at = 0x40208000};
  CHECK(check_mmu_virtual_collision(h.s).empty());
  CHECK_FALSE(check_mem_area_self_overlap(h.s).empty());
  // Memory in the I/O window where it lies is MEM-IO-WINDOW's; a view
  // moved onto the window is this rule's.
  Good i;
  i.a1[1] = {.start = 0x80000000, .size = 0x1000, .flags = 0, .mapped_at = 0x80000000};
  CHECK(check_mmu_virtual_collision(i.s).empty());
  CHECK(check_mem_area_outside_region(i.s).empty());
  CHECK(msg(check_mem_io_window(i.s)) ==
        "[MEM-IO-WINDOW] Partition 'IoServer' area 0x80000000+4KB overlaps the I/O window 0x80000000+16MB");
  Good j;
  j.a1[1] = {.start = 0x40208000, .size = 0x1000, .flags = area_flag::mapped_at, .mapped_at = 0x80fff000};
  CHECK(msg(check_mmu_virtual_collision(j.s)) ==
        "[MMU-VIRTUAL-COLLISION] Partition 'IoServer' area 0x40208000+4KB seen at 0x80fff000 collides with the I/O "
        "window 0x80000000+16MB");
}

TEST_CASE("[MEM-IO-WINDOW] [MEM-REGION-WRAP] regions stay out of the devices and within 32 bits") {
  Good g;
  const MemoryRegion in_window[] = {{RegionType::stram, 0x40000000, 0x08000000}, {RegionType::sdram, 0x80800000, 0x1000}};
  g.s.memory_regions = in_window;
  CHECK(msg(check_mem_io_window(g.s)) == "[MEM-IO-WINDOW] Region 0x80800000+4KB overlaps the I/O window 0x80000000+16MB");
  const MemoryRegion wrapping[] = {{RegionType::stram, 0x40000000, 0x08000000}, {RegionType::sdram, 0xfff00000, 0x200000}};
  g.s.memory_regions = wrapping;
  CHECK(msg(check_mem_region_wrap(g.s)) ==
        "[MEM-REGION-WRAP] Region 0xfff00000+2MB runs past the end of the 32-bit address space");
  const MemoryRegion touching[] = {{RegionType::stram, 0x7ff00000, 0x100000}, {RegionType::sdram, 0x81000000, 0x1000}};
  g.s.memory_regions = touching;
  CHECK(check_mem_io_window(g.s).empty());
  CHECK(check_mem_region_wrap(g.s).empty());
}

TEST_CASE("[PARTITION-IMAGE-AREA] [MEM-AREA-COUNT] the image area is the partition's own; 16 areas at most") {
  Good g;
  CHECK(check_partition_image_area(g.s).empty());
  g.a0[0].flags = area_flag::shared;
  CHECK(msg(check_partition_image_area(g.s)).ends_with("holds its image and entry point: it may not be shared"));
  g.a0[0].flags = area_flag::unmapped;
  CHECK(msg(check_partition_image_area(g.s)).ends_with("it may not be unmapped"));
  g.a0[0].flags = area_flag::read_only;
  CHECK(msg(check_partition_image_area(g.s)).starts_with("[PARTITION-IMAGE-AREA] Partition "));
  MemoryArea many[17]{};
  for (std::uint32_t k = 0; k < 17; ++k) many[k] = {0x40400000 + k * 0x1000, 0x1000, 0, 0x40400000 + k * 0x1000};
  Good h;
  Partition parts[2] = {h.s.partitions[0], h.s.partitions[1]};
  parts[1].areas = many;
  h.s.partitions = parts;
  CHECK(msg(check_mem_area_count(h.s)) == "[MEM-AREA-COUNT] Partition '" + std::string(parts[1].name) +
                                              "' has 17 areas; the PCT describes at most 16");
  parts[1].areas = std::span<const MemoryArea>(many, 16);
  CHECK(check_mem_area_count(h.s).empty());
}
