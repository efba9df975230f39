// The health monitor, hypervisor scope (kernel/hm_hypervisor.hpp; manual
// 2.13.1-2.13.3): the events the XMHypervisor table takes (a missed slot,
// a spurious interrupt, a trap of the hypervisor's own code, an internal
// error), their defaults, each action the table may bind (each test fails
// if the action is not taken), the log entries with the sys bit, and what a
// restart of the hypervisor keeps.
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::kernel::PartitionState;
using stratum::kernel::Start;
using stratum::test::Restart;
using stratum::test::Shutdown;
using stratum::test::SimBoard;
using stratum::config::hm::Action;
namespace tt = stratum::sparc::tt;

namespace {

constexpr const char* name_of(Action a) { return stratum::config::hm::action_names[static_cast<unsigned>(a)]; }

// The fixture's system with a maintenance plan (IoServer all frame long),
// and an XMHypervisor table binding event E to action A (logged or not).
inline constexpr Slot maintenance_slots[] = {{.id = 0, .start_us = 0, .duration_us = 60000, .partition_id = 1}};
inline constexpr Plan two_plans[] = {plans[0], {.id = 1, .major_frame_us = 60000, .slots = maintenance_slots}};
inline constexpr Processor two_plan_processors[] = {{.id = 0, .frequency_khz = 50000, .plans = two_plans}};

template <Action A, std::uint32_t E, bool Log = true>
struct Xm {
  static constexpr HmEvent events[] = {{stratum::config::hm::events[E].name, name_of(A), Log}};
  static constexpr System system = [] {
    System s = base;
    s.processors = two_plan_processors;
    s.hypervisor.hm_events = events;
    return s;
  }();
};
inline constexpr System unconfigured = [] {
  System s = base;
  s.processors = two_plan_processors;
  return s;
}();

constexpr std::uint32_t event_of(const xmHmLog_t& e) { return (e.opCode & HMLOG_OPCODE_EVENT_MASK) >> HMLOG_OPCODE_EVENT_BIT; }
constexpr std::uint32_t desc = OBJDESC_BUILD(OBJ_CLASS_HM, XM_HYPERVISOR_ID, 0);
constexpr std::uint32_t buf_at = p1 + 0x400;

template <int Tag, const System& S = unconfigured>
struct H : Booted<Tag, S> {
  using B = Booted<Tag, S>;
  // Slot 1 (IoServer, [20, 50) ms) passes wholly while the hypervisor is
  // busy: the event timer comes next at 55 ms, in Spare's slot.
  static void miss_slot_1() {
    B::in_slot_of(0, 19000);
    B::at(55000);
  }
  // IoServer (system) reads up to n entries of the log in its next slot.
  static std::int32_t read(std::uint32_t n) {
    B::in_slot_of(1, 100, 1);
    return B::call(__READ_OBJECT_NR, {desc, buf_at, n * static_cast<std::uint32_t>(sizeof(xmHmLog_t)), 0});
  }
  static xmHmLog_t entry(std::uint32_t k) { return B::Hw::template peek<xmHmLog_t>(buf_at + k * sizeof(xmHmLog_t)); }
};

}  // namespace

TEST_CASE("SCHED_ERROR: a slot that passed wholly is logged with the sys bit, and ignored by default") {
  using T = H<__COUNTER__>;
  T booted;
  T::miss_slot_1();
  CHECK(T::K::HmLog::logged() == 1);
  CHECK(T::console().find("Stratum: XM_HM_EV_SCHED_ERROR (slot 1 of plan 0 passed before the hypervisor could start it, "
                          "35000 us late): XM_HM_AC_IGNORE\r\n") != std::string::npos);
  CHECK(T::K::SystemControl::resets() == 0);
  REQUIRE(T::read(4) == 1);
  const xmHmLog_t e = T::entry(0);
  CHECK(event_of(e) == XM_HM_EV_SCHED_ERROR);
  CHECK((e.opCode & HMLOG_OPCODE_SYS_MASK) != 0);
  CHECK((e.opCode & HMLOG_OPCODE_VALID_CPUCTXT_MASK) == 0);
  CHECK((e.opCode & HMLOG_OPCODE_PARTID_MASK) == 1);  // IoServer's slot
  CHECK(e.timestamp == 55000);
  CHECK(e.payload[0] == 0);
  CHECK(e.payload[1] == 1);
  CHECK(e.payload[2] == 20000);
  CHECK(e.payload[3] == 35000);
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
  check(H<__COUNTER__, Xm<Action::cold_reset, XM_HM_EV_SCHED_ERROR>::system>(), "cold", true);
  check(H<__COUNTER__, Xm<Action::hypervisor_cold_reset, XM_HM_EV_SCHED_ERROR>::system>(), "cold", true);
  check(H<__COUNTER__, Xm<Action::warm_reset, XM_HM_EV_SCHED_ERROR>::system>(), "warm", false);
  check(H<__COUNTER__, Xm<Action::hypervisor_warm_reset, XM_HM_EV_SCHED_ERROR>::system>(), "warm", false);
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

TEST_CASE("a trap of the hypervisor's own code: its event, logged with the context; HALT by default") {
  using T = H<__COUNTER__>;
  T booted;
  T::in_slot_of(0, 100);
  try {
    T::K::fatal(0x02, 0x40001234, 0x40001238, 0x4000f0);
    FAIL("not halted");
  } catch (const Shutdown& s) {
    CHECK(s.code == 1);
  }
  CHECK(T::console().find("Stratum: XM_HM_EV_SPARCV8_ILLEGAL_INSTR in the hypervisor: trap 0x00000002 at pc 0x40001234") !=
        std::string::npos);
  CHECK(T::console().find(": XM_HM_AC_HALT (the default)\r\n") != std::string::npos);
  CHECK(T::K::HmLog::logged() == 1);
}

TEST_CASE("a hypervisor trap's event: an MMU refusal is MEM_PROTECTION, a window trap INTERNAL_ERROR") {
  using T = H<__COUNTER__>;
  T booted;
  T::Hw::fault_status = 1u << 2;  // FT = invalid address
  T::Hw::fault_address = 0x10000000;
  CHECK_THROWS_AS(T::K::fatal(0x09, 0x40001000, 0x40001004, 0), Shutdown);
  CHECK(T::console().find("XM_HM_EV_MEM_PROTECTION in the hypervisor: trap 0x00000009 at pc 0x40001000 npc 0x40001004 "
                          "psr 0x00000000 address 0x10000000") != std::string::npos);
  CHECK_THROWS_AS(T::K::fatal(0x05, 0x40001000, 0x40001004, 0), Shutdown);
  CHECK(T::console().find("XM_HM_EV_INTERNAL_ERROR in the hypervisor: trap 0x00000005") != std::string::npos);
  CHECK_THROWS_AS(T::K::fatal(0x83, 0x40001000, 0x40001004, 0), Shutdown);
  CHECK(T::console().find("XM_HM_EV_UNEXPECTED_TRAP in the hypervisor: trap 0x00000083") != std::string::npos);
  CHECK(T::K::HmLog::logged() == 3);
}

TEST_CASE("a hypervisor trap -> HYPERVISOR_WARM_RESET: the hypervisor restarts warm, keeping the log and counting the reset") {
  using T = H<__COUNTER__, Xm<Action::hypervisor_warm_reset, XM_HM_EV_SPARCV8_ILLEGAL_INSTR>::system>;
  T booted;
  T::in_slot_of(0, 100);
  std::uint32_t how = 0;
  try {
    T::K::fatal(0x02, 0x40001234, 0x40001238, 0);
    FAIL("not restarted");
  } catch (const Restart& r) {
    how = r.how;
  }
  CHECK(how == static_cast<std::uint32_t>(Start::warm_restart));
  CHECK(T::console().find(": XM_HM_AC_HYPERVISOR_WARM_RESET\r\n") != std::string::npos);
  T::Hw::images.clear();  // a warm restart loads no image (a load would fail the test: no image to copy)
  T::K::boot(static_cast<Start>(how));
  CHECK(T::console().find("Stratum: hypervisor restarted (warm) by the health monitor; HM log kept\r\n") != std::string::npos);
  CHECK(T::K::SystemControl::resets() == 1);
  REQUIRE(T::read(4) == 1);
  const xmHmLog_t e = T::entry(0);
  CHECK(event_of(e) == XM_HM_EV_SPARCV8_ILLEGAL_INSTR);
  CHECK((e.opCode & HMLOG_OPCODE_SYS_MASK) != 0);
  CHECK((e.opCode & HMLOG_OPCODE_VALID_CPUCTXT_MASK) != 0);
  CHECK(e.cpuCtxt.pc == 0x40001234);
}

TEST_CASE("a hypervisor trap -> COLD_RESET, HYPERVISOR_COLD_RESET, WARM_RESET: a restart of that mode") {
  auto check = []<class T>(T, Start how) {
    try {
      T::K::fatal(0x02, 0x40001234, 0x40001238, 0);
      FAIL("not restarted");
    } catch (const Restart& r) {
      CHECK(r.how == static_cast<std::uint32_t>(how));
    }
  };
  check(H<__COUNTER__, Xm<Action::cold_reset, XM_HM_EV_SPARCV8_ILLEGAL_INSTR>::system>(), Start::cold_restart);
  check(H<__COUNTER__, Xm<Action::hypervisor_cold_reset, XM_HM_EV_SPARCV8_ILLEGAL_INSTR>::system>(), Start::cold_restart);
  check(H<__COUNTER__, Xm<Action::warm_reset, XM_HM_EV_SPARCV8_ILLEGAL_INSTR>::system>(), Start::warm_restart);
}

TEST_CASE("a hypervisor trap -> IGNORE (UNEXPECTED_TRAP may take it): nothing to go on with, halted") {
  using T = H<__COUNTER__, Xm<Action::ignore, XM_HM_EV_UNEXPECTED_TRAP>::system>;
  T booted;
  CHECK_THROWS_AS(T::K::fatal(0x83, 0x40001000, 0x40001004, 0), Shutdown);
  CHECK(T::console().find(": XM_HM_AC_IGNORE (nothing to go on with: halted)\r\n") != std::string::npos);
}

TEST_CASE("an internal error is INTERNAL_ERROR, halted by default") {
  using T = H<__COUNTER__>;
  T booted;
  CHECK_THROWS_AS(T::K::HypervisorHm::internal_error("a check failed"), Shutdown);
  CHECK(T::console().find("Stratum: XM_HM_EV_INTERNAL_ERROR in the hypervisor: a check failed: XM_HM_AC_HALT (the default)\r\n") !=
        std::string::npos);
  CHECK(T::K::HmLog::logged() == 1);
}
