// The rules on processors, plans and slots
// (include/stratum/config/check_scheduling.hpp), on tables broken one rule at a time.
#include <doctest/doctest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "check_fixture.hpp"

using namespace stratum::config;
using namespace stratum::test::check;
namespace t = stratum::test;

TEST_CASE("[PLAN-INITIAL-MISSING] every processor has plan 0") {
  Good g;
  g.plans[0].id = 1;
  CHECK(msg(check_plan_initial_missing(g.s)) == "[PLAN-INITIAL-MISSING] Processor 0 has no plan 0 (the initial plan)");
  CHECK(check_plan_id_sequence(g.s).empty());  // only checked when plan 0 exists
}

TEST_CASE("[PLAN-ID-SEQUENCE] plan ids follow the order written") {
  Good g;
  const Plan plans[] = {t::plans[0], {.id = 2, .major_frame_us = 50000, .slots = t::slots}};
  g.cpus[0].plans = plans;
  CHECK(msg(check_plan_id_sequence(g.s)) ==
        "[PLAN-ID-SEQUENCE] Processor 0 plan 2 is plan number 1; plan ids must be 0, 1, 2, ... in the order written");
}

TEST_CASE("[PLAN-MAJOR-FRAME] a major frame is not zero") {
  Good g;
  g.plans[0].major_frame_us = 0;
  CHECK(msg(check_plan_major_frame(g.s)) == "[PLAN-MAJOR-FRAME] Processor 0 plan 0 has a major frame of 0ms");
}

TEST_CASE("[SLOT-ID-SEQUENCE] slot ids follow the order written") {
  Good g;
  g.slots[1].id = 5;
  CHECK(msg(check_slot_id_sequence(g.s)) ==
        "[SLOT-ID-SEQUENCE] Processor 0 plan 0 slot 5 is slot number 1; slot ids must be 0, 1, 2, ... in the order "
        "written");
}

TEST_CASE("[SLOT-EMPTY] no zero-length slot") {
  Good g;
  g.slots[1].duration_us = 0;
  CHECK(msg(check_slot_empty(g.s)) == "[SLOT-EMPTY] Processor 0 plan 0 slot 1 has a duration of 0ms");
}

TEST_CASE("[SLOT-OUTSIDE-FRAME] a slot ends inside its major frame") {
  Good g;
  g.slots[1].duration_us = 31000;
  CHECK(msg(check_slot_outside_frame(g.s)) ==
        "[SLOT-OUTSIDE-FRAME] Processor 0 plan 0 slot 1 ends at 51ms after the major frame of 50ms");
  g.slots[1].duration_us = 30000;  // ending exactly at the frame's end is fine
  CHECK(check_slot_outside_frame(g.s).empty());
  // An end past 32 bits of microseconds is computed, and spelt, in 64 bits.
  g.slots[1].start_us = 0xffffffffu;
  g.slots[1].duration_us = 0xffffffffu;
  CHECK(msg(check_slot_outside_frame(g.s)) ==
        "[SLOT-OUTSIDE-FRAME] Processor 0 plan 0 slot 1 ends at 8589934590us after the major frame of 50ms");
  g.slots[1].start_us = 4000000000u;
  g.slots[1].duration_us = 1000000000u;
  CHECK(msg(check_slot_outside_frame(g.s)) ==
        "[SLOT-OUTSIDE-FRAME] Processor 0 plan 0 slot 1 ends at 5000s after the major frame of 50ms");
}

TEST_CASE("[SLOT-OUTSIDE-FRAME] a plan without a major frame is PLAN-MAJOR-FRAME's alone") {
  Good g;
  g.plans[0].major_frame_us = 0;
  CHECK(check_slot_outside_frame(g.s).empty());
  CHECK_FALSE(check_plan_major_frame(g.s).empty());
}

TEST_CASE("[SLOT-OVERLAP] the later slot is named first") {
  Good g;
  g.slots[1].start_us = 15000;
  CHECK(msg(check_slot_overlap(g.s)) ==
        "[SLOT-OVERLAP] Processor 0 plan 0 slot 1 [15ms, 45ms) overlaps slot 0 [0ms, 20ms)");
  g.slots[1].start_us = 20000;  // back to back
  CHECK(check_slot_overlap(g.s).empty());
  g.slots[0].start_us = 49000;  // written first, runs last
  g.slots[0].duration_us = 1500;
  CHECK(msg(check_slot_overlap(g.s)) ==
        "[SLOT-OVERLAP] Processor 0 plan 0 slot 1 [20ms, 50ms) overlaps slot 0 [49ms, 50500us)");
}

TEST_CASE("[SLOT-PARTITION-UNKNOWN] a slot names an existing partition") {
  Good g;
  g.slots[1].partition_id = 7;
  CHECK(msg(check_slot_partition_unknown(g.s)) ==
        "[SLOT-PARTITION-UNKNOWN] Processor 0 plan 0 slot 1 names partition 7, which does not exist");
  // The other slot rules leave the unknown partition alone.
  CHECK(check_slot_vcpu(g.s).empty());
  CHECK(check_slot_processor(g.s).empty());
}

TEST_CASE("[SLOT-VCPU] a slot runs an existing vCPU") {
  Good g;
  g.slots[1].vcpu_id = 1;
  CHECK(msg(check_slot_vcpu(g.s)) ==
        "[SLOT-VCPU] Processor 0 plan 0 slot 1 runs vCPU 1 of Partition 'IoServer', which has 1 vCPUs");
  g.parts[1].vcpus = 2;
  CHECK(check_slot_vcpu(g.s).empty());
}

TEST_CASE("[SLOT-PROCESSOR] a slot runs a partition allocated to its processor") {
  Good g;
  const std::uint32_t cpu1[] = {1};
  const std::uint32_t cpu0[] = {0};
  g.parts[1].processors = cpu1;
  CHECK(msg(check_slot_processor(g.s)) ==
        "[SLOT-PROCESSOR] Processor 0 plan 0 slot 1 runs Partition 'IoServer', which is not allocated to processor 0");
  g.parts[1].processors = cpu0;
  CHECK(check_slot_processor(g.s).empty());
}

TEST_CASE("[PARTITION-PROCESSOR-UNKNOWN] Partition@processor names existing processors") {
  Good g;
  const std::uint32_t cpus[] = {0, 3};
  g.parts[1].processors = cpus;
  CHECK(msg(check_partition_processor_unknown(g.s)) ==
        "[PARTITION-PROCESSOR-UNKNOWN] Partition 'IoServer' asks for processor 3, which does not exist");
}

TEST_CASE("[PARTITION-NOT-SCHEDULED] a partition that boots has a slot in plan 0") {
  const std::string expected =
      "[PARTITION-NOT-SCHEDULED] Partition 'IoServer' boots but has no slot in plan 0; it would never run";
  Good g;
  g.slots[1].partition_id = 0;
  CHECK(msg(check_partition_not_scheduled(g.s)) == expected);
  g.parts[1].flags = partition_flag::system;  // does not boot: fine
  CHECK(check_partition_not_scheduled(g.s).empty());
  g.parts[0].flags = 0;  // no partition says boot: all of them boot
  CHECK(msg(check_partition_not_scheduled(g.s)) == expected);
}

TEST_CASE("[PLAN-MAINTENANCE] plan 1 should start with a system partition: a warning, never an error") {
  Good g;
  const Slot maintenance[] = {{.id = 0, .start_us = 10000, .duration_us = 10000, .partition_id = 1},
                              {.id = 1, .start_us = 0, .duration_us = 10000, .partition_id = 0}};
  const Plan plans[] = {t::plans[0], {.id = 1, .major_frame_us = 20000, .slots = maintenance}};
  g.cpus[0].plans = plans;
  // Slot 1 starts first, and FlightCtl is not a system partition.
  CHECK(msg(check_plan_maintenance(g.s)) ==
        "[PLAN-MAINTENANCE] Processor 0 plan 1 (maintenance) starts with slot 1 of Partition 'FlightCtl', which is "
        "not a system partition");
  CHECK(first_violation(g.s).empty());  // the manual's advice (2.8): the tables are valid
  g.parts[0].flags |= partition_flag::system;
  CHECK(check_plan_maintenance(g.s).empty());
}

TEST_CASE("[TEMPORAL-REQUIREMENTS] the duration fits a non-zero period") {
  Good g;
  g.parts[1].temporal = {.duration_us = 30000, .period_us = 20000};
  CHECK(msg(check_temporal_requirements(g.s)) ==
        "[TEMPORAL-REQUIREMENTS] Partition 'IoServer' TemporalRequirements duration 30ms does not fit its period 20ms");
  g.parts[1].temporal = {.duration_us = 5000, .period_us = 0};
  CHECK(msg(check_temporal_requirements(g.s)) ==
        "[TEMPORAL-REQUIREMENTS] Partition 'IoServer' TemporalRequirements duration 5ms does not fit its period 0ms");
  g.parts[1].temporal = {.duration_us = 20000, .period_us = 20000};
  CHECK(check_temporal_requirements(g.s).empty());
}
