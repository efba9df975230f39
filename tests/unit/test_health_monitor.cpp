// The health monitor, partition scope (kernel/health_monitor.hpp; manual
// 2.13.1-2.13.3): which event a trap is, and each action of a partition's
// HM table taken when its event occurs (each test fails if it is not), and
// the default for an event the table does not name.
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::kernel::PartitionState;
using stratum::config::hm::Action;
namespace tt = stratum::sparc::tt;

namespace {

// The fixture's system with FlightCtl's table binding event E to action A.
template <Action A, std::uint32_t E = XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION>
struct Hm {
  static constexpr HmEvent events[] = {
      {stratum::config::hm::events[E].name, stratum::config::hm::action_names[static_cast<unsigned>(A)], false}};
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

template <int Tag, Action A, std::uint32_t E = XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION>
using With = Booted<Tag, Hm<A, E>::system>;

// FlightCtl divides by zero at p0 + 0x40.
template <class T>
void divide_by_zero() {
  T::ctx(0).pc = p0 + 0x40;
  T::ctx(0).npc = p0 + 0x44;
  T::trap(tt::division_by_zero);
}

// FlightCtl with a virtual trap table and its virtual traps enabled.
template <class T>
std::uint32_t take_traps() {
  const std::uint32_t table = p0 + 0x1000;
  T::call(sparc_write_tbr_nr, {table});
  T::asm_call(sparc_clear_pil_nr);
  return table;
}

const std::string line_of(const char* action) {
  return std::string("Stratum: partition 0 'FlightCtl' XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION at pc 0x40100040: ") + action;
}

}  // namespace

TEST_CASE("each trap is its event: the SPARC v8 traps by type, MMU refusals and windows are MEM_PROTECTION") {
  using T = Booted<__COUNTER__>;
  using HM = T::K::HealthMonitor;
  using Trap = T::K::Cpu::Trap;
  using stratum::sparc::abi::AccessFault;
  using stratum::sparc::abi::TrapKind;
  const std::pair<std::uint32_t, std::uint32_t> by_tt[] = {
      {0x2b, XM_HM_EV_SPARCV8_WRITE_ERROR},          {0x3c, XM_HM_EV_SPARCV8_INSTR_ACCESS_MMU_MISS},
      {0x21, XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR},   {0x20, XM_HM_EV_SPARCV8_REGISTER_HARDWARE_ERROR},
      {0x01, XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION}, {0x03, XM_HM_EV_SPARCV8_PRIVILEGED_INSTR},
      {0x02, XM_HM_EV_SPARCV8_ILLEGAL_INSTR},        {0x04, XM_HM_EV_SPARCV8_FP_DISABLED},
      {0x24, XM_HM_EV_SPARCV8_CP_DISABLED},          {0x25, XM_HM_EV_SPARCV8_UNIMPLEMENTED_FLUSH},
      {0x0b, XM_HM_EV_SPARCV8_WATCHPOINT_DETECTED},  {0x07, XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED},
      {0x08, XM_HM_EV_SPARCV8_FP_EXCEPTION},         {0x28, XM_HM_EV_SPARCV8_CP_EXCEPTION},
      {0x29, XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR},    {0x2c, XM_HM_EV_SPARCV8_DATA_ACCESS_MMU_MISS},
      {0x09, XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION}, {0x0a, XM_HM_EV_SPARCV8_TAG_OVERFLOW},
      {0x2a, XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION},     {0x85, XM_HM_EV_UNEXPECTED_TRAP},  // ta 5
      {0x13, XM_HM_EV_UNEXPECTED_TRAP}};
  for (const auto& [trap_type, event] : by_tt) {
    CAPTURE(trap_type);
    CHECK(HM::event_of(Trap{stratum::sparc::abi::classify(trap_type), trap_type, 0, AccessFault::none, 0}) == event);
  }
  for (AccessFault f : {AccessFault::invalid_address, AccessFault::protection, AccessFault::privilege}) {
    CHECK(HM::event_of(Trap{TrapKind::data_access, tt::data_access_exception, p1, f, 0}) == XM_HM_EV_MEM_PROTECTION);
    CHECK(HM::event_of(Trap{TrapKind::instruction_access, tt::instruction_access_exception, p1, f, 0}) ==
          XM_HM_EV_MEM_PROTECTION);
  }
  CHECK(HM::event_of(Trap{TrapKind::data_access, tt::data_access_exception, p1, AccessFault::other, 0}) ==
        XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION);
  CHECK(HM::event_of(Trap{TrapKind::window_fault, tt::window_fault, 0x40000100, AccessFault::none, 0}) ==
        XM_HM_EV_MEM_PROTECTION);
  CHECK(std::string(HM::event_name(XM_HM_EV_OVERRUN)) == "XM_HM_EV_OVERRUN");
}

TEST_CASE("the table is compile-time data: a named event has its action, the others none") {
  using T = With<__COUNTER__, Action::warm_reset>;
  Action a{};
  CHECK(T::K::HealthMonitor::configured(0, XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION, a));
  CHECK(a == Action::warm_reset);
  CHECK_FALSE(T::K::HealthMonitor::configured(0, XM_HM_EV_MEM_PROTECTION, a));
  CHECK_FALSE(T::K::HealthMonitor::configured(1, XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION, a));
}

TEST_CASE("IGNORE: the partition goes on after the faulting instruction, its trap table not entered") {
  using T = With<__COUNTER__, Action::ignore>;
  T t;
  take_traps<T>();
  const std::uint32_t vtrap = T::ctx(0).vtrap_pc;
  divide_by_zero<T>();
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  CHECK(T::current() == 0);
  CHECK(T::ctx(0).pc == p0 + 0x44);
  CHECK(T::ctx(0).npc == p0 + 0x48);
  CHECK(T::ctx(0).vtrap_pc == vtrap);
  CHECK(T::console().find(line_of("XM_HM_AC_IGNORE\r\n")) != std::string::npos);
}

TEST_CASE("SHUTDOWN: XM_VT_EXT_SHUTDOWN is pending, the partition goes on after the instruction") {
  using T = With<__COUNTER__, Action::shutdown>;
  T t;
  divide_by_zero<T>();
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  CHECK((T::pct(0).extIrqsPend & (1u << (XM_VT_EXT_SHUTDOWN - XM_VT_EXT_FIRST))) != 0);
  CHECK(T::ctx(0).pc == p0 + 0x44);
  CHECK(T::console().find(line_of("XM_HM_AC_SHUTDOWN")) != std::string::npos);
}

template <class T>
void check_reset(bool cold, const char* action) {
  T t;
  T::Hw::template poke<unsigned char>(p0, 0);  // FlightCtl's image, damaged
  divide_by_zero<T>();
  CHECK(T::K::Partitions::reset_counter(0) == 1);
  CHECK(T::K::Partitions::reset_status(0) == XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION);
  CHECK(T::pct(0).resetStatus == XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION);
  CHECK(T::pct(0).resetCounter == 1);
  CHECK(T::K::Partitions::state(0) == PartitionState::boot);
  CHECK(T::ctx(0).fresh != 0);
  // A cold reset copies the image again (in its own slot: here at once, one
  // step of a 64-byte image); a warm one keeps memory as it is.
  CHECK(T::Hw::template peek<unsigned char>(p0) == (cold ? 0x5a : 0));
  CHECK(T::console().find(line_of(action)) != std::string::npos);
}

TEST_CASE("PARTITION_COLD_RESET and COLD_RESET: the partition restarts from a fresh image, resetStatus the event") {
  check_reset<With<__COUNTER__, Action::partition_cold_reset>>(true, "XM_HM_AC_PARTITION_COLD_RESET");
  check_reset<With<__COUNTER__, Action::cold_reset>>(true, "XM_HM_AC_COLD_RESET");
}

TEST_CASE("PARTITION_WARM_RESET and WARM_RESET: the partition restarts, its image as it is") {
  check_reset<With<__COUNTER__, Action::partition_warm_reset>>(false, "XM_HM_AC_PARTITION_WARM_RESET");
  check_reset<With<__COUNTER__, Action::warm_reset>>(false, "XM_HM_AC_WARM_RESET");
}

TEST_CASE("SUSPEND: the partition is suspended, and resumed goes on after the instruction") {
  using T = With<__COUNTER__, Action::suspend>;
  T t;
  divide_by_zero<T>();
  CHECK(T::K::Partitions::state(0) == PartitionState::suspended);
  CHECK(T::current() == -1);
  CHECK(T::ctx(0).pc == p0 + 0x44);
  CHECK(T::console().find(line_of("XM_HM_AC_SUSPEND")) != std::string::npos);
}

TEST_CASE("HALT: halted even when it could take the trap itself, with today's line") {
  using T = With<__COUNTER__, Action::halt>;
  T t;
  take_traps<T>();
  divide_by_zero<T>();
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  CHECK(T::console().find("'FlightCtl' took trap 0x0000002a at pc 0x40100040") != std::string::npos);
}

TEST_CASE("PROPAGATE: a memory protection fault goes to the partition's handler; with no table it halts") {
  using T = With<__COUNTER__, Action::propagate, XM_HM_EV_MEM_PROTECTION>;
  T t;
  const std::uint32_t table = take_traps<T>();
  T::Hw::fault_status = 2u << 2;  // FT = protection
  T::Hw::fault_address = p1;
  T::trap(tt::data_access_exception);
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  CHECK(T::ctx(0).vtrap_pc == table + tt::data_access_exception * 16);
  CHECK(T::pct(0).arch.faultAddressReg == p1);
  // Its next life has no trap table yet.
  T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 0});
  T::trap(tt::data_access_exception);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  CHECK(T::console().find("'FlightCtl' accessed 0x40200000 (protection)") != std::string::npos);
}

TEST_CASE("HYPERVISOR_WARM_RESET and HYPERVISOR_COLD_RESET: the system resets as XM_reset_system does") {
  using W = With<__COUNTER__, Action::hypervisor_warm_reset>;
  {
    W t;
    W::Hw::poke<unsigned char>(p0, 0);
    divide_by_zero<W>();
    CHECK(W::K::SystemControl::resets() == 1);
    CHECK(W::K::Partitions::reset_counter(1) == 1);  // every partition, not only the failing one
    CHECK(W::K::Partitions::reset_counter(0) == 1);
    CHECK(W::Hw::peek<unsigned char>(p0) == 0);  // warm: memory kept
    CHECK(W::console().find("Stratum: system warm reset by the health monitor for partition 0 'FlightCtl'") !=
          std::string::npos);
  }
  using C = With<__COUNTER__, Action::hypervisor_cold_reset>;
  C t;
  C::Hw::poke<unsigned char>(p0, 0);
  divide_by_zero<C>();
  CHECK(C::K::SystemControl::resets() == 1);
  CHECK(C::Hw::peek<unsigned char>(p0) == 0x5a);  // cold: the image copied again
  CHECK(C::console().find("Stratum: system cold reset by the health monitor") != std::string::npos);
}

// The Hm system with a maintenance plan: plan 1 gives IoServer (system)
// the whole 60 ms frame.
inline constexpr Slot maintenance_slots[] = {{.id = 0, .start_us = 0, .duration_us = 60000, .partition_id = 1}};
inline constexpr Plan two_plans[] = {plans[0], {.id = 1, .major_frame_us = 60000, .slots = maintenance_slots}};
inline constexpr Processor two_plan_cpu[] = {{.id = 0, .frequency_khz = 50000, .plans = two_plans}};
inline constexpr System with_maintenance = [] {
  System s = Hm<Action::switch_to_maintenance>::system;
  s.processors = two_plan_cpu;
  return s;
}();

TEST_CASE("SWITCH_TO_MAINTENANCE: plan 1 starts at once, the failing partition waits suspended") {
  using T = Booted<__COUNTER__, with_maintenance>;
  T t;
  T::in_slot_of(0, 5000);  // FlightCtl's slot, plan 0
  divide_by_zero<T>();
  CHECK(T::K::Plans::scheduler().plan().id == 1);
  CHECK(T::K::Partitions::state(0) == PartitionState::suspended);
  CHECK(T::current() == 1);               // the maintenance plan's slot, now
  CHECK(T::ctx(0).pc == p0 + 0x44);      // it will go on after its fault when resumed
  CHECK(T::console().find("XM_HM_AC_SWITCH_TO_MAINTENANCE") != std::string::npos);
}

TEST_CASE("an event the table does not name takes the default: today's halt or propagation") {
  using T = With<__COUNTER__, Action::ignore>;
  T t;
  const std::uint32_t table = take_traps<T>();
  T::ctx(0).pc = p0 + 0x80;
  T::trap(tt::mem_address_not_aligned);  // not named, a trap it takes: propagated
  CHECK(T::ctx(0).vtrap_pc == table + tt::mem_address_not_aligned * 16);
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  T::trap(tt::privileged_instruction);  // not named, an isolation fault: halted
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  CHECK(T::console().find("'FlightCtl' executed a privileged instruction") != std::string::npos);
}

TEST_CASE("a rule a hypercall checks is MEM_PROTECTION: IGNORE lets the partition go on") {
  using T = With<__COUNTER__, Action::ignore, XM_HM_EV_MEM_PROTECTION>;
  T t;
  T::K::Faults::fault(0, "returned from a virtual trap with an invalid stack pointer");
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  CHECK(T::console().find("'FlightCtl' XM_HM_EV_MEM_PROTECTION at pc ") != std::string::npos);
}

// A window refused in the switch out of FlightCtl (its handler's window,
// no room left: enter_handler records it) is found after IoServer was
// chosen; FlightCtl's MEM_PROTECTION resets the system, whose plan 0 starts
// now with FlightCtl's slot: IoServer must not run in it.
TEST_CASE("a system reset by the action of a window refused in a switch chooses who runs again") {
  using T = With<__COUNTER__, Action::hypervisor_warm_reset, XM_HM_EV_MEM_PROTECTION>;
  T t;
  take_traps<T>();
  T::ctx(0).window_count = 1;  // a window kept from before (its stack refused it)
  T::ctx(0).window_sp = 0x40000100;
  T::Hw::refuse_on_flush = 0x40000100;  // the handler's flush keeps every window: none left for it
  T::Hw::refused_windows = NWINDOWS - 1;
  stratum::test::SimBoard::now = 20050;  // past FlightCtl's slot: the trap's reschedule switches
  T::trap(tt::division_by_zero);  // not named: propagated to its handler
  CHECK(T::K::SystemControl::resets() == 1);
  CHECK(T::current() == 0);
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
}

namespace {
std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}
}  // namespace

// Two actions in the last 500 us of a slot: the first one's line waits for
// the partition's next slot and counts the second (a tester found the
// second replacing the first, which was then never written).
TEST_CASE("an HM action while a line of its partition waits is counted in that line") {
  using T = With<__COUNTER__, Action::ignore>;
  T t;
  T::in_slot_of(0, 19600);  // 400 us of FlightCtl's slot left: lines wait
  divide_by_zero<T>();      // at p0 + 0x40
  T::ctx(0).pc = p0 + 0x80;
  T::ctx(0).npc = p0 + 0x84;
  T::trap(tt::division_by_zero);
  REQUIRE(T::K::Partitions::state(0) == PartitionState::normal);
  T::in_slot_of(0, 100, 1);  // its next slot: the waiting lines
  const std::string c = T::console();
  CHECK(count(c, "XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION at pc 0x40100040: XM_HM_AC_IGNORE (and 1 more HM actions)\r\n") == 1);
  CHECK(count(c, "at pc 0x40100080") == 0);
}
