// break2 (a hostile tester's findings): the README's promises about the
// health monitor's console lines, checked where they do not hold today.
// Each TEST_CASE states the README's promise; those marked
// doctest::should_fail() fail it today (the suite passes while the bug is
// there, and reports "should have failed" once it is fixed: then drop the
// decorator).
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::config::hm::Action;
using stratum::kernel::PartitionState;
using stratum::test::SimBoard;
namespace tt = stratum::sparc::tt;

namespace {

// FlightCtl's table IGNOREs a division by zero (not logged).
struct IgnoreDivide {
  static constexpr HmEvent events[] = {{"XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION", "XM_HM_AC_IGNORE", false}};
  static constexpr Partition parts[] = {
      {.id = 0, .name = "FlightCtl", .flags = partition_flag::boot, .areas = p0_areas, .irq_lines = p0_lines,
       .hm_events = events},
      partitions[1], partitions[2]};
  static constexpr System system = [] {
    System s = base;
    s.partitions = parts;
    return s;
  }();
};

template <class T>
void divide_by_zero_at(std::uint32_t pc) {
  T::ctx(0).pc = pc;
  T::ctx(0).npc = pc + 4;
  T::trap(tt::division_by_zero);
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

// README, "Health monitor": "Every action writes a console line, e.g. ...
// (it waits for the partition's next slot when its slot is nearly over, as
// a halt's does)". Faults keeps one waiting line per partition and a newer
// one replaces it (faults.hpp: "one per partition: a newer one replaces a
// line still waiting"): of two actions in the last 500 us of a slot, only
// the second's line is ever written. (The same drops a reset action's line
// when the restarted partition faults again before its slot ends.)
TEST_CASE("every HM action writes a console line, also two in the last 500 us of a slot" * doctest::should_fail()) {
  using T = Booted<__COUNTER__, IgnoreDivide::system>;
  T t;
  T::in_slot_of(0, 19600);  // 400 us of FlightCtl's slot left: lines wait
  divide_by_zero_at<T>(p0 + 0x40);
  divide_by_zero_at<T>(p0 + 0x80);
  REQUIRE(T::K::Partitions::state(0) == PartitionState::normal);
  T::in_slot_of(0, 100, 1);  // its next slot: the waiting lines
  const std::string c = T::console();
  CHECK(count(c, "XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION at pc 0x40100080: XM_HM_AC_IGNORE") == 1);
  CHECK(count(c, "XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION at pc 0x40100040: XM_HM_AC_IGNORE") == 1);  // fails: replaced
}

// README, "The hypervisor's events": "An IGNOREd event's line waits ... for
// the slot of the partition that was running when it was found ... One line
// waits at a time; later events are counted in it". When that partition
// never runs again (here it halts itself in the hypercall whose excursion
// made a slot pass), the line never comes, nor does any later hypervisor
// event's, in a run that does not end: a spurious interrupt while IoServer
// runs, written at once otherwise, is silenced too. (Both are in the log.)
TEST_CASE("an IGNOREd hypervisor event's line comes even when its partition halts" * doctest::should_fail()) {
  using T = Booted<__COUNTER__>;
  T t;
  T::in_slot_of(0, 19000);
  SimBoard::now = 55000;  // FlightCtl's hypercall ends past IoServer's whole slot [20, 50) ms
  REQUIRE(T::call(__HALT_PARTITION_NR, {0}) == XM_OK);
  REQUIRE(T::K::Partitions::state(0) == PartitionState::halted);
  REQUIRE(T::K::HmLog::logged() == 1);  // the SCHED_ERROR
  T::in_slot_of(1, 100, 3);             // IoServer runs
  T::enter(tt::interrupt_level_1 + 2);  // a spurious interrupt while it does
  REQUIRE(T::K::HmLog::logged() == 2);
  T::in_slot_of(1, 100, 5);
  const std::string c = T::console();
  CHECK(c.find("Stratum: XM_HM_EV_UNEXPECTED_TRAP (interrupt on line 3") != std::string::npos);  // fails
  CHECK(c.find("Stratum: XM_HM_EV_SCHED_ERROR (1 slot of plan 0 from slot 1") != std::string::npos);  // fails
}

namespace {

// Plan 1 (maintenance): FlightCtl [0, 20) ms, Spare's short slot
// [20, 20.1) ms (Spare does not boot: the idle context), IoServer, the
// system partition that is to repair the system, [20.1, 60) ms. The
// XMHypervisor table binds XM_HM_EV_SCHED_ERROR to SWITCH_TO_MAINTENANCE,
// as the README's own example does.
inline constexpr Slot maint_slots[] = {{.id = 0, .start_us = 0, .duration_us = 20000, .partition_id = 0},
                                       {.id = 1, .start_us = 20000, .duration_us = 100, .partition_id = 2},
                                       {.id = 2, .start_us = 20100, .duration_us = 39900, .partition_id = 1}};
inline constexpr Plan maint_plans[] = {plans[0], {.id = 1, .major_frame_us = 60000, .slots = maint_slots}};
inline constexpr Processor maint_processors[] = {{.id = 0, .frequency_khz = 50000, .plans = maint_plans}};
struct SchedToMaintenance {
  static constexpr HmEvent events[] = {{"XM_HM_EV_SCHED_ERROR", "XM_HM_AC_SWITCH_TO_MAINTENANCE", true}};
  static constexpr System system = [] {
    System s = base;
    s.processors = maint_processors;
    s.hypervisor.hm_events = events;
    return s;
  }();
};

}  // namespace

// README, "The hypervisor's events": SWITCH_TO_MAINTENANCE: "plan 1 starts
// at once". When plan 1 already runs, Plans::switch_now starts it again
// from its first slot (scheduler.hpp: maf_start_ = now), so a partition
// whose excursion makes a short slot after its own pass gets its own slot
// again at once, every frame: the maintenance plan's system partition,
// later in the frame, never runs. (With IGNORE it would run 200 us late.)
// Expected: in plan 1 the action changes nothing (already in maintenance),
// and IoServer gets its slot.
TEST_CASE("SWITCH_TO_MAINTENANCE while plan 1 runs does not starve plan 1's later slots" * doctest::should_fail()) {
  using T = Booted<__COUNTER__, SchedToMaintenance::system>;
  T t;
  T::in_slot_of(0, 19000);
  T::at(55000);  // plan 0's slot 1 passed: the maintenance plan from 55 ms
  REQUIRE(T::K::Plans::scheduler().plan().id == 1);
  REQUIRE(T::current() == 0);  // FlightCtl, plan 1's first slot [55, 75) ms
  bool io_server_ran = false;
  std::uint64_t end = 75000;
  for (int frame = 0; frame < 5; ++frame) {
    // FlightCtl's slot ends with an excursion of 200 us (within the
    // README's 176 us bound plus a switch): Spare's 100 us slot passed.
    T::at(end + 200);
    INFO("frame " << frame << ": plan " << T::K::Plans::scheduler().plan().id << ", running " << T::current());
    if (T::current() == 1) io_server_ran = true;
    end = T::K::Plans::slot_end();
    if (T::current() == 1) T::at(end), end = T::K::Plans::slot_end();
  }
  CHECK(io_server_ran);  // fails: FlightCtl's slot starts again every time
  CHECK(T::K::HmLog::logged() == 6);  // (one SCHED_ERROR a frame: that much holds either way)
}
