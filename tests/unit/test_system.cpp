// System management (kernel/system.hpp, manual 5.6).
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::kernel::PartitionState;
using stratum::test::Shutdown;
using stratum::test::SimBoard;

TEST_CASE("XM_halt_system: system partitions only; the run ends cleanly") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__HALT_SYSTEM_NR) == XM_PERM_ERROR);
  T::in_slot_of(1);
  try {
    T::call(__HALT_SYSTEM_NR);
    FAIL("XM_halt_system returned");
  } catch (const Shutdown& s) {
    CHECK(s.code == 0);
  }
  CHECK(T::console().find("Stratum: system halted by partition 1 'IoServer'\r\n") != std::string::npos);
}

TEST_CASE("XM_reset_system: modes, every partition restarted, plan 0 again, the counter") {
  using T = Booted<__COUNTER__>;
  T t(16);
  CHECK(T::call(__RESET_SYSTEM_NR, {XM_WARM_RESET}) == XM_PERM_ERROR);
  T::in_slot_of(1, 1000);
  CHECK(T::call(__RESET_SYSTEM_NR, {5}) == XM_INVALID_PARAM);
  T::Hw::poke<unsigned char>(p0, 0);
  const std::uint64_t when = SimBoard::now;
  T::call(__RESET_SYSTEM_NR, {XM_COLD_RESET});
  CHECK(T::console().find("Stratum: system cold reset by partition 1 'IoServer'\r\n") != std::string::npos);
  CHECK(T::K::SystemControl::resets() == 1);
  CHECK(T::Hw::peek<unsigned char>(p0) == 0x5a);  // reloaded
  CHECK(T::K::Partitions::reset_counter(0) == 1);
  CHECK(T::K::Partitions::reset_counter(1) == 1);
  CHECK(T::K::Plans::scheduler().current().start == when);  // plan 0 from its first slot
  CHECK(T::current() == -1);  // its image copied in its slot first (one step here)
  T::at(SimBoard::now);
  CHECK(T::current() == 0);
  CHECK(T::K::Partitions::state(1) == PartitionState::boot);
  CHECK(T::K::Partitions::state(2) == PartitionState::halted);  // it does not boot
  // XM_get_system_status reports it.
  T::run_until(when + 20000 + 100);
  T::at(SimBoard::now);
  REQUIRE(T::current() == 1);
  CHECK(T::call(__CTRL_OBJECT_NR, {OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, 0), XM_GET_SYSTEM_STATUS, p1}) ==
        XM_OK);
  CHECK(T::Hw::peek<xmSystemStatus_t>(p1).resetCounter == 1);
}
