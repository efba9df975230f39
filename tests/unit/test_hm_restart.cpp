// The hypervisor-scope HM after a fault of the hypervisor itself
// (kernel/hm_hypervisor.hpp: fatal, internal_error; start.S's restart):
// the event of each trap, its log entry, HALT by default, a restart of each
// mode and what it keeps (the HM log, the reset counter, the loads under way).
#include <doctest/doctest.h>

#include "hm_fixture.hpp"

using stratum::kernel::Start;
using stratum::test::Restart;
using stratum::test::Shutdown;

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
  check(H<__COUNTER__, Xm<Action::cold_reset, XM_HM_EV_SPARCV8_ILLEGAL_INSTR>::system>(64), Start::cold_restart);
  check(H<__COUNTER__, Xm<Action::hypervisor_cold_reset, XM_HM_EV_SPARCV8_ILLEGAL_INSTR>::system>(64), Start::cold_restart);
  check(H<__COUNTER__, Xm<Action::warm_reset, XM_HM_EV_SPARCV8_ILLEGAL_INSTR>::system>(64), Start::warm_restart);
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

TEST_CASE("a warm restart copies whole the images whose load it cut short, and no other") {
  using T = H<__COUNTER__, Xm<Action::hypervisor_warm_reset, XM_HM_EV_SPARCV8_ILLEGAL_INSTR>::system>;
  T booted(4096);  // four load steps
  T::in_slot_of(1);
  REQUIRE(T::call(__RESET_PARTITION_NR, {0, XM_COLD_RESET, 0}) == XM_OK);  // FlightCtl: a load begins
  T::Hw::template poke<std::uint32_t>(p0 + 0x800, 0);                       // not copied yet
  T::Hw::template poke<std::uint32_t>(p2 + 0x800, 0x11111111);              // Spare's memory, as it left it
  CHECK_THROWS_AS(T::K::fatal(0x02, 0x40001234, 0x40001238, 0), Restart);
  T::K::boot(Start::warm_restart);
  CHECK(T::Hw::template peek<std::uint32_t>(p0 + 0x800) == 0x5a5a5a5au);  // whole before it runs
  CHECK(T::Hw::template peek<std::uint32_t>(p2 + 0x800) == 0x11111111u);  // kept: a warm restart
  CHECK(stratum_persistent.images_loading == 0);
}

