// The rules of board leon3-qemu (boards/leon3-qemu/rules.hpp, from its facts
// in facts.hpp, which the generator reads too), on tables broken one rule
// at a time, and its warning (BOARD-SLOT-LENGTH): the same text as
// `stratum-gen check --board leon3-qemu`.
#include <doctest/doctest.h>

#include <iterator>
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

// A constant expression, as the board's rules are (valid_for<S>() instantiates
// those; this one no build consults).
static_assert(check_board_slot_length(t::good).empty());
static_assert(check_board_slot_length(t::big).empty());

TEST_CASE("[BOARD-SLOT-LENGTH] slots at least as long as the lateness bound: a warning, never an error") {
  Good g;
  CHECK(check_board_slot_length(g.s).empty());
  CHECK(slot_lateness_bound_us == 200);  // REPORT.md's 192us, rounded up as the attack suite does
  Slot slots[] = {{.id = 0, .start_us = 0, .duration_us = 20000, .partition_id = 0},
                  {.id = 1, .start_us = 20000, .duration_us = slot_lateness_bound_us, .partition_id = 1},
                  {.id = 2, .start_us = 30000, .duration_us = 20, .partition_id = 1},
                  {.id = 3, .start_us = 40000, .duration_us = 199, .partition_id = 0}};
  const Plan plans[] = {{.id = 0, .major_frame_us = 50000, .slots = slots}};
  g.cpus[0].plans = plans;
  // Slot 1 lasts the bound exactly: it is sure to run. Slot 2 is the first shorter one.
  CHECK(msg(check_board_slot_length(g.s)) ==
        "[BOARD-SLOT-LENGTH] Processor 0 plan 0 slot 2 lasts 20us, less than the 200us a slot may start late on "
        "board leon3-qemu: the hypervisor may miss it wholly (XM_HM_EV_SCHED_ERROR)");
  CHECK(first_violation(g.s).empty());  // XtratuM accepts it: the tables are valid
  CHECK(check_board_processors(g.s).empty());
  CHECK(check_board_vcpus(g.s).empty());
  CHECK(check_board_memory(g.s).empty());
  slots[2].duration_us = 1000;
  CHECK(msg(check_board_slot_length(g.s)) ==
        "[BOARD-SLOT-LENGTH] Processor 0 plan 0 slot 3 lasts 199us, less than the 200us a slot may start late on "
        "board leon3-qemu: the hypervisor may miss it wholly (XM_HM_EV_SCHED_ERROR)");
  slots[3].duration_us = 0;  // an empty slot is SLOT-EMPTY's, not this warning's
  CHECK(check_board_slot_length(g.s).empty());
  CHECK(msg(check_slot_empty(g.s)).starts_with("[SLOT-EMPTY] "));
}

TEST_CASE("the board's warnings: listed apart from its rules, silent on valid tables") {
  CHECK(std::size(board_warnings) == 1);
  CHECK(std::string(board_warnings[0].id) == "BOARD-SLOT-LENGTH");
  for (const Rule& w : board_warnings) {
    INFO(w.id);
    for (const Rule& r : rules) CHECK(std::string(w.id) != r.id);
    for (const Rule& r : warnings) CHECK(std::string(w.id) != r.id);
    CHECK(msg(w.check(t::good)) == "");
    CHECK(msg(w.check(t::big)) == "");
  }
}
