// The rules of board leon3-qemu (boards/leon3-qemu/rules.hpp, from its facts
// in facts.hpp, which the generator reads too), on tables broken one rule
// at a time: the same text as `stratum-gen check --board leon3-qemu`.
#include <doctest/doctest.h>

#include <string>

#include "check_fixture.hpp"
#include "rules.hpp"

using namespace stratum::config;
using namespace stratum::test::check;
using namespace stratum::boards::leon3_qemu;
namespace t = stratum::test;

TEST_CASE("[BOARD-PROCESSORS] the board's processors") {
  Good g;
  CHECK(check_board_processors(g.s).empty());
  g.cpus.push_back({.id = 1, .frequency_khz = 50000, .plans = g.plans});
  g.s.processors = g.cpus;
  CHECK(msg(check_board_processors(g.s)) ==
        "[BOARD-PROCESSORS] system 'good' declares 2 processors; board leon3-qemu has 1");
  CHECK(first_violation(g.s).empty());  // a valid configuration, for another board
}

TEST_CASE("[BOARD-VCPUS] one vCPU per partition") {
  Good g;
  g.parts[1].vcpus = 2;
  CHECK(msg(check_board_vcpus(g.s)) ==
        "[BOARD-VCPUS] Partition 'IoServer' has 2 vCPUs; board leon3-qemu runs 1 per partition");
  g.parts[1].vcpus = 1;
  CHECK(check_board_vcpus(g.s).empty());
}

TEST_CASE("[BOARD-MEMORY] regions lie in the board's RAM or PROM") {
  Good g;
  CHECK(check_board_memory(g.s).empty());  // 0x40000000+128MB: all its RAM
  const MemoryRegion big[] = {{.type = RegionType::stram, .start = 0x40000000, .size = 0x10000000}};
  g.s.memory_regions = big;
  CHECK(msg(check_board_memory(g.s)) ==
        "[BOARD-MEMORY] Region 0x40000000+256MB is not memory of board leon3-qemu (RAM 0x40000000+128MB, PROM "
        "0x00000000+8MB)");
  const MemoryRegion rom_and_sdram[] = {{.type = RegionType::rom, .start = 0, .size = 0x800000},
                                        {.type = RegionType::sdram, .start = 0x60000000, .size = 0x1000000}};
  g.s.memory_regions = rom_and_sdram;
  CHECK(msg(check_board_memory(g.s)) ==
        "[BOARD-MEMORY] Region 0x60000000+16MB is not memory of board leon3-qemu (RAM 0x40000000+128MB, PROM "
        "0x00000000+8MB)");
}
