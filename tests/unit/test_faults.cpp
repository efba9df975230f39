// Partition faults (kernel/faults.hpp): what a processor trap of a
// partition does when its HM table does not name the event (the default;
// test_health_monitor.cpp has the configured actions).
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::kernel::PartitionState;
namespace tt = stratum::sparc::tt;

TEST_CASE("an MMU fault halts the partition, says where, and leaves the SRMMU registers in its PCT") {
  using T = Booted<__COUNTER__>;
  T t;
  T::ctx(0).pc = p0 + 0x40;
  T::Hw::fault_status = 2u << 2;  // FT = protection
  T::Hw::fault_address = p1;
  T::trap(tt::data_access_exception);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  CHECK(T::console().find("Stratum: partition 0 'FlightCtl' accessed 0x40200000 (protection) at pc 0x40100040: "
                          "partition halted\r\n") != std::string::npos);
  CHECK(T::pct(0).arch.faultAddressReg == p1);
  CHECK(T::pct(0).arch.faultStatusReg == 8);
  CHECK(T::current() == -1);
}

TEST_CASE("instruction fetch, privileged instruction, FPU without the fp flag, a bad register window") {
  using T = Booted<__COUNTER__>;
  T t;
  T::Hw::fault_status = 1u << 2;
  T::Hw::fault_address = 0x40000000;
  T::trap(tt::instruction_access_exception);
  CHECK(T::console().find("fetched an instruction at 0x40000000 (not mapped)") != std::string::npos);
  T::in_slot_of(1);
  T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 0});
  T::trap(tt::privileged_instruction);
  CHECK(T::console().find("'IoServer' executed a privileged instruction") != std::string::npos);
  T::in_slot_of(0, 100, 1);
  CHECK_THROWS_AS(T::trap(tt::fp_disabled), stratum::test::Shutdown);  // the last one alive
  CHECK(T::console().find("'FlightCtl' used the FPU at pc 0x40100000 without the fp flag") != std::string::npos);
}

TEST_CASE("a register window the trap path refused halts its owner") {
  using T = Booted<__COUNTER__>;
  T t;
  T::Hw::window_fault = 0x40000101;
  T::trap(tt::window_overflow);
  CHECK(T::console().find("'FlightCtl' register window at stack address 0x40000100 is outside its memory") !=
        std::string::npos);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
}

TEST_CASE("another trap goes to the partition's own trap table, or halts it when it has none") {
  using T = Booted<__COUNTER__>;
  T t;
  const std::uint32_t table = p0 + 0x1000;
  T::call(sparc_write_tbr_nr, {table});
  T::asm_call(sparc_clear_pil_nr);
  T::trap(tt::division_by_zero);
  CHECK(T::ctx(0).vtrap_pc == table + tt::division_by_zero * 16);
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  T::in_slot_of(1);
  T::trap(tt::mem_address_not_aligned);
  CHECK(T::console().find("'IoServer' took trap 0x00000007 at pc ") != std::string::npos);
  CHECK(T::console().find("with no virtual trap table to deliver it to") != std::string::npos);
  CHECK(T::K::Partitions::state(1) == PartitionState::halted);
}

TEST_CASE("a trap taken with virtual traps disabled halts the partition, and the line says so") {
  using T = Booted<__COUNTER__>;
  T t;
  T::call(sparc_write_tbr_nr, {p0 + 0x1000});
  T::asm_call(sparc_set_psr_nr, {0});  // virtual ET off
  T::trap(tt::division_by_zero);
  CHECK(T::console().find("with its virtual traps disabled") != std::string::npos);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
}

TEST_CASE("a fault near its slot end halts at once, its line waits for its next slot (or the end of the run)") {
  using T = Booted<__COUNTER__>;
  T t;
  T::console();
  T::at(20000 - 400);  // FlightCtl's slot ends at 20000: less than the 500 us margin left
  T::ctx(0).pc = 0x40100200;
  T::trap(tt::privileged_instruction);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  CHECK(T::current() == -1);
  const std::string line = "'FlightCtl' executed a privileged instruction at pc 0x40100200: partition halted";
  CHECK(T::console().find(line) == std::string::npos);
  T::in_slot_of(0, 100, 1);  // its next slot (empty: it is halted) writes it
  CHECK(T::console().find(line) != std::string::npos);
  // The last partition alive faults near its slot end: the run ends, and
  // writes the line that would have waited.
  T::in_slot_of(1, 29800, 1);
  CHECK_THROWS_AS(T::trap(tt::privileged_instruction), stratum::test::Shutdown);
  const std::string out = T::console();
  CHECK(out.find("'IoServer' executed a privileged instruction") < out.find("every partition is halted"));
}
