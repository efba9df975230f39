// Time and timers (kernel/time.hpp, manual 2.17 and 5.12).
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::test::SimBoard;

TEST_CASE("XM_get_time: the hardware clock, the execution clock, and what is refused") {
  using T = Booted<__COUNTER__>;
  T t;
  SimBoard::now = 1234;
  CHECK(T::call(__GET_TIME_NR, {XM_HW_CLOCK, p0 + 64}) == XM_OK);
  CHECK(T::Hw::peek<xmTime_t>(p0 + 64) == 1234);
  CHECK(T::call(__GET_TIME_NR, {XM_EXEC_CLOCK, p0 + 72}) == XM_OK);
  CHECK(T::Hw::peek<xmTime_t>(p0 + 72) == 1234);  // FlightCtl has run since boot at 0
  CHECK(T::call(__GET_TIME_NR, {2, p0 + 64}) == XM_INVALID_PARAM);            // no clock 2
  CHECK(T::call(__GET_TIME_NR, {XM_HW_CLOCK, p0 + 4}) == XM_INVALID_PARAM);   // not 8-byte aligned
  CHECK(T::call(__GET_TIME_NR, {XM_HW_CLOCK, p1}) == XM_INVALID_PARAM);       // another partition's
  CHECK(T::call(__GET_TIME_NR, {XM_HW_CLOCK, 0x40000000}) == XM_INVALID_PARAM);  // the hypervisor's
  CHECK(T::call(__GET_TIME_NR, {XM_HW_CLOCK, p0 + 0x40000 - 4}) == XM_INVALID_PARAM);  // runs off its area
  CHECK(T::call(__GET_TIME_NR, {XM_HW_CLOCK, 0xfffffff8u}) == XM_INVALID_PARAM);
  T::in_slot_of(1);
  CHECK(T::call(__GET_TIME_NR, {XM_HW_CLOCK, p1_ro}) == XM_INVALID_PARAM);  // read-only area
}

TEST_CASE("the execution clock only advances while the partition runs") {
  using T = Booted<__COUNTER__>;
  T t;
  T::run_until(20000 + 500);  // IoServer's slot: FlightCtl ran [0, 20000)
  CHECK(T::K::Time::exec_clock(0) == 20000);
  CHECK(T::K::Time::exec_clock(1) == 500);
  T::run_until(60000 + 300);  // FlightCtl again
  CHECK(T::K::Time::exec_clock(0) == 20300);
  CHECK(T::K::Time::exec_clock(1) == 30000);
}

TEST_CASE("XM_set_timer: arguments, one-shot and periodic expiry, missed expiries, reset") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__SET_TIMER_NR, {XM_HW_CLOCK, hi(-5), lo(-5), 0, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(__SET_TIMER_NR, {XM_HW_CLOCK, 0, 1000, hi(-1), lo(-1)}) == XM_INVALID_PARAM);
  CHECK(T::call(__SET_TIMER_NR, {3, 0, 1000, 0, 0}) == XM_INVALID_PARAM);
  // Periodic from 1000 us, every 2000 us, unmasked: the event timer is armed for it.
  CHECK(T::call(__CLEAR_IRQ_MASK_NR, {0, 1u << XM_VT_EXT_HW_TIMER}) == XM_OK);
  CHECK(T::call(__SET_TIMER_NR, {XM_HW_CLOCK, 0, 1000, 0, 2000}) == XM_OK);
  CHECK(SimBoard::deadline == 1000);
  T::at(1000);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_HW_TIMER)) != 0);
  CHECK(SimBoard::deadline == 20000);  // pending, not taken (no trap table here): the next expiry adds nothing
  T::pct(0).extIrqsPend = 0;           // (as if taken)
  T::at(1500);
  CHECK(SimBoard::deadline == 3000);
  T::at(9500);  // four expiries missed (no interrupt in between): one interrupt, the next one in the future
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_HW_TIMER)) != 0);
  T::pct(0).extIrqsPend = 0;
  T::at(9501);
  CHECK(SimBoard::deadline == 11000);
  // A timer of 2^32 us and more (64-bit arguments, high word first).
  const std::int64_t far = (std::int64_t{1} << 32) + 5;
  CHECK(T::call(__SET_TIMER_NR, {XM_HW_CLOCK, hi(far), lo(far), 0, 0}) == XM_OK);
  CHECK(SimBoard::deadline == 20000);  // the slot ends first
  // A reset disarms it.
  T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 0});
  T::at(9600);
  CHECK(SimBoard::deadline == 20000);
}

TEST_CASE("missed expiries are caught up in one step, whatever the period and the uptime") {
  using T = Booted<__COUNTER__>;
  T t;
  // From 1 us, every 1 us; FlightCtl next runs 100000 major frames later
  // (6000 s): one interrupt, and the next expiry is the next microsecond.
  CHECK(T::call(__CLEAR_IRQ_MASK_NR, {0, 1u << XM_VT_EXT_HW_TIMER}) == XM_OK);
  CHECK(T::call(__SET_TIMER_NR, {XM_HW_CLOCK, 0, 1, 0, 1}) == XM_OK);
  const std::uint64_t later = 100000ull * 60000 + 100;
  T::at(later);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_HW_TIMER)) != 0);
  T::pct(0).extIrqsPend = 0;  // (as if taken)
  T::at(later);
  CHECK(SimBoard::deadline == later + 1);
  // A period that would carry the next expiry past MAX_XMTIME: this expiry
  // is the last, and the slot end is the next event.
  T::pct(0).extIrqsPend = 0;
  const std::int64_t huge = MAX_XMTIME - 10;
  CHECK(T::call(__SET_TIMER_NR, {XM_HW_CLOCK, hi(later + 200), lo(later + 200), hi(huge), lo(huge)}) == XM_OK);
  T::at(later + 300);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_HW_TIMER)) != 0);
  CHECK(SimBoard::deadline == 100000ull * 60000 + 20000);
}

TEST_CASE("a masked timer interrupt arms no event: a 1 us masked timer costs its partition nothing") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__SET_TIMER_NR, {XM_HW_CLOCK, 0, 1, 0, 1}) == XM_OK);  // masked (the reset state)
  CHECK(SimBoard::deadline == 20000);                                 // the slot end, not every microsecond
  T::at(5000);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_HW_TIMER)) != 0);  // its expiries still count
  CHECK(SimBoard::deadline == 20000);
  // Unmasking it (the pending one aside) arms the event for the next expiry.
  T::pct(0).extIrqsPend = 0;
  CHECK(T::call(__CLEAR_IRQ_MASK_NR, {0, 1u << XM_VT_EXT_HW_TIMER}) == XM_OK);
  CHECK(SimBoard::deadline == 5001);
}

TEST_CASE("the execution-clock timer expires on the partition's own time") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__CLEAR_IRQ_MASK_NR, {0, 1u << XM_VT_EXT_EXEC_TIMER}) == XM_OK);
  CHECK(T::call(__SET_TIMER_NR, {XM_EXEC_CLOCK, 0, 25000, 0, 0}) == XM_OK);
  T::run_until(19999);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_EXEC_TIMER)) == 0);
  T::in_slot_of(0, 4000, 1);  // 60000 + 4000: FlightCtl has run 20000 + 4000
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_EXEC_TIMER)) == 0);
  CHECK(SimBoard::deadline == 65000);
  T::in_slot_of(0, 5000, 1);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_EXEC_TIMER)) != 0);
}

TEST_CASE("a halted partition's timers are disarmed") {
  using T = Booted<__COUNTER__>;
  T t;
  T::call(__SET_TIMER_NR, {XM_HW_CLOCK, 0, 30000, 0, 0});
  T::in_slot_of(1);
  T::call(__HALT_PARTITION_NR, {0});
  T::at(30000);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_HW_TIMER)) == 0);
}
