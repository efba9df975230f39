#include <doctest/doctest.h>

#include <string>

#include "stratum/config/check.hpp"
#include "tables.hpp"

using namespace stratum::config;
namespace t = stratum::test;

// The compile-time path: valid tables instantiate every rule silently.
static_assert(verify<t::good>());

TEST_CASE("valid tables break no rule") {
  CHECK(check_schema_version(t::good).empty());
  CHECK(check_partition_areas_disjoint(t::good).empty());
  CHECK(check_hypervisor_areas_private(t::good).empty());
}

TEST_CASE("[MEM-AREA-OVERLAP] names both partitions and both areas") {
  static constexpr MemoryArea clash[] = {{.start = 0x40120000, .size = 0x10000, .flags = 0, .mapped_at = 0x40120000}};
  static constexpr Partition parts[] = {t::partitions[0],
                                        {.id = 1, .name = "IoServer", .flags = 0, .areas = clash}};
  System s = t::good;
  s.partitions = parts;
  CHECK(std::string(check_partition_areas_disjoint(s).c_str()) ==
        "[MEM-AREA-OVERLAP] Partition 'FlightCtl' area 0x40100000+256KB overlaps "
        "Partition 'IoServer' area 0x40120000+64KB");
}

TEST_CASE("[MEM-AREA-OVERLAP] two shared areas may overlap, one shared is not enough") {
  static constexpr MemoryArea a[] = {{.start = 0x40300000, .size = 0x1000, .flags = area_flag::shared, .mapped_at = 0x40300000}};
  static constexpr MemoryArea b[] = {{.start = 0x40300800, .size = 0x1000, .flags = area_flag::shared, .mapped_at = 0x40300800}};
  static constexpr MemoryArea c[] = {{.start = 0x40300800, .size = 0x1000, .flags = 0, .mapped_at = 0x40300800}};
  static constexpr Partition both_shared[] = {{.id = 0, .name = "A", .flags = 0, .areas = a},
                                              {.id = 1, .name = "B", .flags = 0, .areas = b}};
  static constexpr Partition one_shared[] = {{.id = 0, .name = "A", .flags = 0, .areas = a},
                                             {.id = 1, .name = "C", .flags = 0, .areas = c}};
  System s = t::good;
  s.partitions = both_shared;
  CHECK(check_partition_areas_disjoint(s).empty());
  s.partitions = one_shared;
  CHECK_FALSE(check_partition_areas_disjoint(s).empty());
}

TEST_CASE("[MEM-AREA-OVERLAP] an area ending at 4 GiB does not wrap around") {
  static constexpr MemoryArea top[] = {{.start = 0xfff00000, .size = 0x100000, .flags = 0, .mapped_at = 0xfff00000}};
  static constexpr MemoryArea low[] = {{.start = 0x00000000, .size = 0x1000, .flags = 0, .mapped_at = 0}};
  static constexpr Partition parts[] = {{.id = 0, .name = "Top", .flags = 0, .areas = top},
                                        {.id = 1, .name = "Low", .flags = 0, .areas = low}};
  System s = t::good;
  s.partitions = parts;
  CHECK(check_partition_areas_disjoint(s).empty());
}

TEST_CASE("[MEM-AREA-HYPERVISOR] a partition area inside the hypervisor's is refused") {
  static constexpr MemoryArea inside[] = {{.start = 0x40040000, .size = 0x1000, .flags = 0, .mapped_at = 0x40040000}};
  static constexpr Partition parts[] = {{.id = 0, .name = "Intruder", .flags = 0, .areas = inside}};
  System s = t::good;
  s.partitions = parts;
  CHECK(std::string(check_hypervisor_areas_private(s).c_str()) ==
        "[MEM-AREA-HYPERVISOR] Partition 'Intruder' area 0x40040000+4KB overlaps the XMHypervisor area "
        "0x40000000+512KB");
}

TEST_CASE("[SCHEMA-VERSION] tables of another schema version are refused") {
  System s = t::good;
  s.schema_version = schema_version + 1;
  CHECK(std::string(check_schema_version(s).c_str()).starts_with("[SCHEMA-VERSION] tables of system 'good'"));
}
