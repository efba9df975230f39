// Plans at run time (kernel/plans.hpp, manual 2.8): slot starts as the
// partition sees them. The slot arithmetic itself is test_scheduler.cpp's.
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::test::SimBoard;

TEST_CASE("a starting slot fills the partition's schedInfo and raises XM_VT_EXT_CYCLIC_SLOT_START") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::pct(0).schedInfo.noSlot == 0);
  CHECK(T::pct(0).schedInfo.slotDuration == 20000);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_CYCLIC_SLOT_START)) != 0);
  T::in_slot_of(1, 0);
  CHECK(T::pct(1).schedInfo.noSlot == 1);
  CHECK(T::pct(1).schedInfo.id == 1);
  CHECK(T::pct(1).schedInfo.planId == 0);
  CHECK(T::pct(1).schedInfo.slotStart == 20000);
  T::in_slot_of(1, 0, 3);
  CHECK(T::pct(1).schedInfo.slotStart == 3 * 60000 + 20000);
  CHECK(T::K::Plans::scheduler().major_frames() == 3);
}

TEST_CASE("the event timer is armed for the end of the slot, gaps and unused slots included") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(SimBoard::deadline == 20000);
  T::at(20000);
  CHECK(SimBoard::deadline == 50000);
  T::at(50000);  // Spare's slot: it is halted, the processor idles
  CHECK(T::current() == -1);
  CHECK(SimBoard::deadline == 60000);
  T::at(61234);  // a late interrupt: boundaries stay where the plan puts them
  CHECK(T::K::Plans::scheduler().current().start == 60000);
  CHECK(SimBoard::deadline == 80000);
}
