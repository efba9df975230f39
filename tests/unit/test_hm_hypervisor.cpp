// The health monitor, hypervisor scope (kernel/hm_hypervisor.hpp; manual
// 2.13.1-2.13.3): the events the XMHypervisor table takes (a missed slot,
// a spurious interrupt, a trap of the hypervisor's own code, an internal
// error), their defaults, each action the table may bind (each test fails
// if the action is not taken), the log entries with the sys bit and the
// console lines. The restarts of the hypervisor: test_hm_restart.cpp.
#include <doctest/doctest.h>

#include "hm_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::kernel::PartitionState;
using stratum::kernel::Start;
using stratum::test::Restart;
using stratum::test::Shutdown;
using stratum::test::SimBoard;
using stratum::config::hm::Action;
namespace tt = stratum::sparc::tt;

TEST_CASE("SCHED_ERROR: a slot that passed wholly is logged with the sys bit, and ignored by default") {
  using T = H<__COUNTER__>;
  T booted;
  T::miss_slot_1();
  CHECK(T::K::HmLog::logged() == 1);
  // The line waits for the slot of the partition that was running (FlightCtl).
  const char* line = "Stratum: XM_HM_EV_SCHED_ERROR (1 slot of plan 0 from slot 1 passed before the hypervisor could "
                     "start them, 35000 us late): XM_HM_AC_IGNORE\r\n";
  CHECK(T::console().find(line) == std::string::npos);
  T::in_slot_of(0, 100, 1);
  CHECK(T::console().find(line) != std::string::npos);
  CHECK(T::K::SystemControl::resets() == 0);
  REQUIRE(T::read(4) == 1);
  const xmHmLog_t e = T::entry(0);
  CHECK(event_of(e) == XM_HM_EV_SCHED_ERROR);
  CHECK((e.opCode & HMLOG_OPCODE_SYS_MASK) != 0);
  CHECK((e.opCode & HMLOG_OPCODE_VALID_CPUCTXT_MASK) == 0);
  CHECK((e.opCode & HMLOG_OPCODE_PARTID_MASK) == 1);  // IoServer's slot
  CHECK(e.timestamp == 55000);
  CHECK(e.payload[0] == 0);      // plan
  CHECK(e.payload[1] == 1);      // the first slot missed
  CHECK(e.payload[2] == 1);      // how many
  CHECK(e.payload[3] == 35000);  // how late, from its start
}

TEST_CASE("SCHED_ERROR: the slots one catch-up passes are one event; later events while its line waits are counted in it") {
  using T = H<__COUNTER__>;
  T booted;
  T::in_slot_of(0, 19000);
  T::at(61000);  // slots 1 and 2 passed, and slot 0 of the next frame started
  REQUIRE(T::read(4) == 1);
  const xmHmLog_t e = T::entry(0);
  CHECK(e.payload[1] == 1);
  CHECK(e.payload[2] == 2);
  CHECK(e.payload[3] == 41000);
  T::at(62000);                    // FlightCtl's slot, yet it did not run since: FlightCtl runs now
  CHECK(T::console().find("Stratum: XM_HM_EV_SCHED_ERROR (2 slots of plan 0 from slot 1 passed before the hypervisor "
                          "could start them, 41000 us late): XM_HM_AC_IGNORE\r\n") != std::string::npos);
}

TEST_CASE("the line of an ignored hypervisor event waits for its partition; newer ones are counted in it") {
  using T = H<__COUNTER__>;
  T booted;
  T::in_slot_of(0, 19000);
  T::at(55000);                    // a SCHED_ERROR, charged to FlightCtl
  T::enter(tt::interrupt_level_1 + 2);  // a spurious interrupt in Spare's slot (Spare does not boot: idle)
  CHECK(T::K::HmLog::logged() == 2);
  CHECK(T::console().find("XM_HM_EV_") == std::string::npos);
  T::in_slot_of(0, 100, 1);
  CHECK(T::console().find("us late): XM_HM_AC_IGNORE (and 1 more hypervisor events)\r\n") != std::string::npos);
}

TEST_CASE("SCHED_ERROR is not raised for a slot that started late but not past its end, nor for a gap") {
  using T = H<__COUNTER__>;
  T booted;
  T::in_slot_of(0, 19000);
  T::at(49000);  // slot 1 started 29 ms late, 1 ms of it left
  T::at(59000);
  CHECK(T::K::HmLog::logged() == 0);
}

TEST_CASE("SCHED_ERROR with log=\"no\" takes its action unlogged") {
  using T = H<__COUNTER__, Xm<Action::ignore, XM_HM_EV_SCHED_ERROR, false>::system>;
  T booted;
  T::miss_slot_1();
  CHECK(T::K::HmLog::logged() == 0);
  T::in_slot_of(0, 100, 1);
  CHECK(T::console().find("XM_HM_EV_SCHED_ERROR") != std::string::npos);
}

TEST_CASE("SCHED_ERROR -> HALT: the processor halts, status 1") {
  using T = H<__COUNTER__, Xm<Action::halt, XM_HM_EV_SCHED_ERROR>::system>;
  T booted;
  T::in_slot_of(0, 19000);
  try {
    T::at(55000);
    FAIL("not halted");
  } catch (const Shutdown& s) {
    CHECK(s.code == 1);
  }
  CHECK(T::console().find("): XM_HM_AC_HALT\r\n") != std::string::npos);
  CHECK(T::K::HmLog::logged() == 1);
}

TEST_CASE("SCHED_ERROR -> each reset action is a system reset of its mode; plan 0 starts again now") {
  auto check = []<class T>(T, const char* mode, bool reload) {
    const auto steps = T::Hw::image_steps;
    T::miss_slot_1();
    CHECK(T::K::SystemControl::resets() == 1);
    CHECK(T::console().find(std::string("Stratum: system ") + mode + " reset by the health monitor (XM_HM_EV_SCHED_ERROR)") !=
          std::string::npos);
    CHECK(T::pct(0).resetCounter == 1);  // FlightCtl started again, its reset counted
    CHECK((T::Hw::image_steps > steps) == reload);  // the images copied again, or not
    CHECK(T::K::Plans::slot_end() == 55000 + 20000);  // plan 0's first slot, from 55 ms
  };
  check(H<__COUNTER__, Xm<Action::cold_reset, XM_HM_EV_SCHED_ERROR>::system>(64), "cold", true);
  check(H<__COUNTER__, Xm<Action::hypervisor_cold_reset, XM_HM_EV_SCHED_ERROR>::system>(64), "cold", true);
  check(H<__COUNTER__, Xm<Action::warm_reset, XM_HM_EV_SCHED_ERROR>::system>(64), "warm", false);
  check(H<__COUNTER__, Xm<Action::hypervisor_warm_reset, XM_HM_EV_SCHED_ERROR>::system>(64), "warm", false);
}

TEST_CASE("SCHED_ERROR -> SWITCH_TO_MAINTENANCE: plan 1 starts at once") {
  using T = H<__COUNTER__, Xm<Action::switch_to_maintenance, XM_HM_EV_SCHED_ERROR>::system>;
  T booted;
  T::miss_slot_1();
  CHECK(T::K::Plans::scheduler().plan().id == 1);
  CHECK(T::current() == 1);  // IoServer, the maintenance plan's slot
  CHECK(T::pct(0).schedInfo.planId == 1);
}

TEST_CASE("a spurious interrupt is UNEXPECTED_TRAP of the hypervisor: logged with its line, ignored by default") {
  using T = H<__COUNTER__>;
  T booted;
  T::in_slot_of(0, 100);
  T::ctx(0).pc = p0 + 0x80;
  T::enter(tt::interrupt_level_1 + 2);  // line 3
  CHECK(T::current() == 0);
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  // (written at once: the partition it is charged to goes on running)
  CHECK(T::console().find("Stratum: XM_HM_EV_UNEXPECTED_TRAP (interrupt on line 3, which nothing unmasked): "
                          "XM_HM_AC_IGNORE\r\n") != std::string::npos);
  REQUIRE(T::read(4) == 1);
  const xmHmLog_t e = T::entry(0);
  CHECK(event_of(e) == XM_HM_EV_UNEXPECTED_TRAP);
  CHECK((e.opCode & HMLOG_OPCODE_SYS_MASK) != 0);
  CHECK((e.opCode & HMLOG_OPCODE_PARTID_MASK) == 0);  // FlightCtl ran
  CHECK(e.payload[0] == 3);
}

TEST_CASE("the event timer's interrupt is not an HM event") {
  using T = H<__COUNTER__>;
  T booted;
  T::run_until(130000);
  CHECK(T::K::HmLog::logged() == 0);
}

// README, "The hypervisor's events": "An IGNOREd event's line waits ... for
// the slot of the partition that was running when it was found ... One line
// waits at a time; later events are counted in it". When that partition
// never runs again (here it halts itself in the hypercall whose excursion
// made a slot pass), the line never comes, nor does any later hypervisor
// event's, in a run that does not end: a spurious interrupt while IoServer
// runs, written at once otherwise, is silenced too. (Both are in the log.)
TEST_CASE("an IGNOREd hypervisor event's line comes even when its partition halts") {
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
  CHECK(c.find("Stratum: XM_HM_EV_UNEXPECTED_TRAP (interrupt on line 3") != std::string::npos);
  CHECK(c.find("Stratum: XM_HM_EV_SCHED_ERROR (1 slot of plan 0 from slot 1") != std::string::npos);
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
TEST_CASE("SWITCH_TO_MAINTENANCE while plan 1 runs does not starve plan 1's later slots") {
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
  CHECK(io_server_ran);
  CHECK(T::K::HmLog::logged() == 6);  // (one SCHED_ERROR a frame: that much holds either way)
}

namespace {
// Plan 1 (maintenance): IoServer [0, 20) ms, FlightCtl [20, 40), Spare's
// short slot [40, 40.1) (Spare does not boot), FlightCtl [40.1, 60); plan 2:
// IoServer alone. SCHED_ERROR -> SWITCH_TO_MAINTENANCE.
inline constexpr Slot maint2_slots[] = {{.id = 0, .start_us = 0, .duration_us = 20000, .partition_id = 1},
                                        {.id = 1, .start_us = 20000, .duration_us = 20000, .partition_id = 0},
                                        {.id = 2, .start_us = 40000, .duration_us = 100, .partition_id = 2},
                                        {.id = 3, .start_us = 40100, .duration_us = 19900, .partition_id = 0}};
inline constexpr Slot plan2_slots[] = {{.id = 0, .start_us = 0, .duration_us = 60000, .partition_id = 1}};
inline constexpr Plan three_plans[] = {plans[0], {.id = 1, .major_frame_us = 60000, .slots = maint2_slots},
                                       {.id = 2, .major_frame_us = 60000, .slots = plan2_slots}};
inline constexpr Processor three_plan_processors[] = {{.id = 0, .frequency_khz = 50000, .plans = three_plans}};
inline constexpr System sched_to_maintenance_3 = [] {
  System s = SchedToMaintenance::system;
  s.processors = three_plan_processors;
  return s;
}();
}  // namespace

TEST_CASE("SWITCH_TO_MAINTENANCE while plan 1 runs cancels a switch XM_switch_sched_plan asked for") {
  using T = Booted<__COUNTER__, sched_to_maintenance_3>;
  T t;
  T::in_slot_of(0, 19000);
  T::at(55000);  // plan 0's slot 1 passed: plan 1 from 55 ms, IoServer [55, 75) ms
  REQUIRE(T::K::Plans::scheduler().plan().id == 1);
  REQUIRE(T::current() == 1);
  REQUIRE(T::call(__SWITCH_SCHED_PLAN_NR, {2, p1 + 0x100}) == XM_OK);  // plan 2 from 115 ms
  T::at(75100);
  T::at(95200);  // Spare's [95, 95.1) ms passed: SCHED_ERROR, maintenance while in plan 1
  CHECK(T::K::HmLog::logged() == 2);
  CHECK(T::K::Plans::scheduler().plan().id == 1);
  CHECK(T::current() == 0);  // FlightCtl's [95.1, 115) ms: plan 1 went on where it was
  T::at(115100);
  CHECK(T::K::Plans::scheduler().plan().id == 1);  // the request for plan 2 was cancelled
  CHECK(T::current() == 1);
}
