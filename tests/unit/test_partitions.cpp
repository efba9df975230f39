// Partition management (kernel/partitions.hpp, manual 2.4 and 5.5): every
// hypercall and every answer it can give, and the state transitions.
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::test::SimBoard;
using stratum::kernel::PartitionState;
using stratum::test::Shutdown;

TEST_CASE("at boot the partitions flagged boot run in their slots, the others are halted") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::current() == 0);  // slot 0 is FlightCtl's
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  CHECK(T::K::Partitions::state(1) == PartitionState::boot);  // has not run yet
  CHECK(T::K::Partitions::state(2) == PartitionState::halted);
  T::in_slot_of(1);
  CHECK(T::current() == 1);
  CHECK(T::K::Partitions::state(1) == PartitionState::normal);
  T::in_slot_of(2);
  CHECK(T::current() == -1);  // Spare's slot: nobody runs
  // Its image is in memory all the same: a warm reset starts it.
  CHECK(T::Hw::peek<unsigned char>(p2) == 0x5c);
  T::in_slot_of(1, 100, 1);
  CHECK(T::call(__RESET_PARTITION_NR, {2, XM_WARM_RESET, 0}) == XM_OK);
  T::in_slot_of(2, 100, 1);
  CHECK(T::current() == 2);
}

TEST_CASE("a partition starts at its first area with its PCT in %o0 and a copy of its image") {
  using T = Booted<__COUNTER__>;
  T t(100);
  CHECK(T::ctx(0).pc == p0);
  CHECK(T::ctx(0).npc == p0 + 4);
  CHECK(T::ctx(0).o[0] == T::K::Pct::address(0));
  CHECK(T::K::Pct::address(1) == T::K::Pct::address(0) + 4096);
  CHECK(T::Hw::peek<unsigned char>(p0 + 99) == 0x5a);
  CHECK(T::Hw::peek<unsigned char>(p1) == 0x5b);
  CHECK(T::Hw::peek<unsigned char>(p2) == 0x5c);  // Spare does not boot, but is loaded
}

TEST_CASE("XM_halt_partition: self, others for system partitions only, unknown ids") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__HALT_PARTITION_NR, {1}) == XM_PERM_ERROR);     // FlightCtl is not a system partition
  CHECK(T::call(__HALT_PARTITION_NR, {7}) == XM_INVALID_PARAM);  // no partition 7
  CHECK(T::call(__HALT_PARTITION_NR, {0xffffffffu}) == XM_INVALID_PARAM);  // -1 is no id
  T::in_slot_of(1);
  CHECK(T::call(__HALT_PARTITION_NR, {2}) == XM_NO_ACTION);  // already halted
  CHECK(T::call(__HALT_PARTITION_NR, {0}) == XM_OK);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  CHECK(T::call(__HALT_PARTITION_NR, {0}) == XM_NO_ACTION);
  CHECK(T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 0}) == XM_OK);  // alive again
  CHECK(T::call(__HALT_PARTITION_NR, {1}) == XM_OK);                     // itself
  CHECK(T::console().find("Stratum: partition 1 'IoServer' halted itself\r\n") != std::string::npos);
  CHECK(T::current() == -1);
}

TEST_CASE("when every partition is halted the system halts") {
  using T = Booted<__COUNTER__>;
  T t;
  T::call(__HALT_PARTITION_NR, {0});
  T::in_slot_of(1);
  CHECK_THROWS_AS(T::call(__HALT_PARTITION_NR, {1}), Shutdown);
  CHECK(T::console().find("every partition is halted; halting the system") != std::string::npos);
}

TEST_CASE("XM_suspend_partition and XM_resume_partition") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__SUSPEND_PARTITION_NR, {1}) == XM_PERM_ERROR);
  CHECK(T::call(__RESUME_PARTITION_NR, {1}) == XM_PERM_ERROR);
  CHECK(T::call(__RESUME_PARTITION_NR, {0}) == XM_NO_ACTION);  // not suspended
  CHECK(T::call(__SUSPEND_PARTITION_NR, {9}) == XM_INVALID_PARAM);
  CHECK(T::call(__RESUME_PARTITION_NR, {9}) == XM_INVALID_PARAM);
  T::in_slot_of(1);
  CHECK(T::call(__SUSPEND_PARTITION_NR, {2}) == XM_INVALID_MODE);  // halted
  CHECK(T::call(__SUSPEND_PARTITION_NR, {0}) == XM_OK);
  CHECK(T::call(__SUSPEND_PARTITION_NR, {0}) == XM_NO_ACTION);
  T::in_slot_of(0, 100, 1);
  CHECK(T::current() == -1);  // suspended: its slot goes unused
  T::in_slot_of(1, 100, 1);
  CHECK(T::call(__RESUME_PARTITION_NR, {0}) == XM_OK);
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  T::in_slot_of(0, 100, 2);
  CHECK(T::current() == 0);
}

TEST_CASE("a partition that suspends itself stays suspended until a system partition resumes it") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__SUSPEND_PARTITION_NR, {0}) == XM_OK);
  CHECK(T::current() == -1);
}

TEST_CASE("XM_reset_partition: modes, counters, status, and a fresh context") {
  using T = Booted<__COUNTER__>;
  T t(64);
  CHECK(T::call(__RESET_PARTITION_NR, {1, XM_WARM_RESET, 0}) == XM_PERM_ERROR);
  CHECK(T::call(__RESET_PARTITION_NR, {0, 2, 0}) == XM_INVALID_PARAM);  // no such mode
  CHECK(T::call(__RESET_PARTITION_NR, {5, XM_COLD_RESET, 0}) == XM_INVALID_PARAM);
  T::in_slot_of(1);
  T::Hw::poke<unsigned char>(p0, 0);  // FlightCtl's image, damaged
  CHECK(T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 42}) == XM_OK);
  CHECK(T::Hw::peek<unsigned char>(p0) == 0);  // warm: memory kept
  CHECK(T::K::Partitions::reset_counter(0) == 1);
  CHECK(T::pct(0).resetCounter == 1);
  CHECK(T::pct(0).resetStatus == 42);
  CHECK(T::K::Partitions::state(0) == PartitionState::boot);
  CHECK(T::call(__RESET_PARTITION_NR, {0, XM_COLD_RESET, 7}) == XM_OK);
  CHECK(T::K::Partitions::reset_counter(0) == 2);
  // Cold: the image is copied again in FlightCtl's own slot, not in this call.
  CHECK(T::Hw::peek<unsigned char>(p0) == 0);
  CHECK(T::K::Loader::loading(0));
  CHECK(T::call(__RESET_PARTITION_NR, {2, XM_COLD_RESET, 0}) == XM_OK);  // a halted one starts
  CHECK(T::K::Partitions::state(2) == PartitionState::boot);
  T::in_slot_of(0, 100, 1);
  CHECK(T::Hw::peek<unsigned char>(p0) == 0x5a);  // one step (a 64-byte image)...
  CHECK(T::current() == -1);
  T::at(SimBoard::now);  // ...and at once it starts
  CHECK(T::current() == 0);
  T::in_slot_of(2, 100, 1);
  T::at(SimBoard::now);
  CHECK(T::current() == 2);
}

TEST_CASE("a cold reset copies the image in bounded steps, in the partition's own slots only") {
  using T = Booted<__COUNTER__>;
  T t(5000);  // five steps of at most 1024 bytes
  T::Hw::poke<unsigned char>(p0 + 4999, 0);
  const int boot_steps = T::Hw::image_steps;
  T::call(__RESET_PARTITION_NR, {0, XM_COLD_RESET, 0});  // itself
  CHECK(T::Hw::image_steps == boot_steps + 1);  // the first step, in its own slot
  CHECK(T::current() == -1);                    // not running half loaded
  T::at(SimBoard::now);
  T::at(SimBoard::now);
  CHECK(T::Hw::image_steps == boot_steps + 3);
  T::at(20000);  // IoServer's slot comes on time, the load waits
  CHECK(T::current() == 1);
  CHECK(T::Hw::image_steps == boot_steps + 3);
  // A warm reset meanwhile does not run the half-loaded image.
  CHECK(T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 0}) == XM_OK);
  T::in_slot_of(0, 100, 1);  // the two last steps (at the slot start, and the next event)
  CHECK(T::Hw::image_steps == boot_steps + 5);
  CHECK(T::Hw::peek<unsigned char>(p0 + 4999) == 0x5a);
  CHECK(T::current() == -1);
  T::at(SimBoard::now);
  CHECK(T::current() == 0);
  CHECK_FALSE(T::K::Loader::loading(0));
}

TEST_CASE("a partition that resets itself starts afresh: %o0 is its PCT, not a result") {
  using T = Booted<__COUNTER__>;
  T t;
  T::ctx(0).g[3] = 0x1234;
  T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 3});
  CHECK(T::current() == 0);
  CHECK(T::ctx(0).o[0] == T::K::Pct::address(0));
  CHECK(T::ctx(0).pc == p0);
  CHECK(T::ctx(0).g[3] == 0);
  CHECK(T::pct(0).resetStatus == 3);
}

TEST_CASE("XM_shutdown_partition raises XM_VT_EXT_SHUTDOWN") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__SHUTDOWN_PARTITION_NR, {1}) == XM_PERM_ERROR);
  CHECK(T::call(__SHUTDOWN_PARTITION_NR, {0}) == XM_OK);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_SHUTDOWN)) != 0);
  T::in_slot_of(1);
  CHECK(T::call(__SHUTDOWN_PARTITION_NR, {2}) == XM_INVALID_MODE);  // halted
  CHECK(T::call(__SHUTDOWN_PARTITION_NR, {3}) == XM_INVALID_PARAM);
}

TEST_CASE("an idle partition is woken by its own timer when it expires, not at its next slot") {
  // Listing 5.23's pattern: arm a timer, unmask it, XM_idle_self().
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__SET_TIMER_NR, {XM_HW_CLOCK, 0, 5000, 0, 0}) == XM_OK);
  CHECK(T::call(__CLEAR_IRQ_MASK_NR, {0, 1u << XM_VT_EXT_HW_TIMER}) == XM_OK);
  CHECK(T::call(__IDLE_SELF_NR) == XM_OK);
  CHECK(T::current() == -1);
  CHECK(SimBoard::deadline == 5000);  // the event timer waits for its timer, not the slot end
  T::at(5000);
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  CHECK(T::current() == 0);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_HW_TIMER)) != 0);
}

TEST_CASE("an idle partition stays idle for a masked interrupt, and for another partition's") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__SET_TIMER_NR, {XM_HW_CLOCK, 0, 5000, 0, 0}) == XM_OK);  // masked (reset state)
  CHECK(T::call(__IDLE_SELF_NR) == XM_OK);
  T::at(5000);
  CHECK(T::K::Partitions::state(0) == PartitionState::idle);
  CHECK(T::current() == -1);
  // IoServer's timer expires in its own slot only: FlightCtl sleeps on.
  T::in_slot_of(1);
  CHECK(T::call(__SET_TIMER_NR, {XM_HW_CLOCK, 0, 60000 + 5000, 0, 0}) == XM_OK);
  CHECK(T::call(__CLEAR_IRQ_MASK_NR, {0, 1u << XM_VT_EXT_HW_TIMER}) == XM_OK);
  CHECK(T::call(__IDLE_SELF_NR) == XM_OK);
  T::in_slot_of(0, 100, 1);  // FlightCtl's next slot wakes it (2.4)
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  CHECK(T::call(__IDLE_SELF_NR) == XM_OK);
  T::at(60000 + 5000);
  CHECK(T::K::Partitions::state(0) == PartitionState::idle);
  CHECK(T::current() == -1);
}

TEST_CASE("XM_get_vcpuid: the caller's virtual CPU is 0") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__GET_VCPUID_NR) == 0);
  T::in_slot_of(1);
  CHECK(T::call(__GET_VCPUID_NR) == 0);
}

TEST_CASE("XM_idle_self gives the slot away until the partition's next slot") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__IDLE_SELF_NR) == XM_OK);
  CHECK(T::K::Partitions::state(0) == PartitionState::idle);
  CHECK(T::current() == -1);
  T::in_slot_of(1);
  T::in_slot_of(0, 100, 1);
  CHECK(T::K::Partitions::state(0) == PartitionState::normal);
  CHECK(T::current() == 0);
}
