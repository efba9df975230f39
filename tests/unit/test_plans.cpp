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

// ------------------------------------------------------------ plan switches
// The fixture's partitions over three plans: plan 0 is the fixture's
// (60 ms), plan 1 (maintenance, 40 ms) starts with IoServer, plan 2
// (100 ms) has a gap before IoServer's slot.
namespace {
using namespace stratum::config;
constexpr Slot plan1_slots[] = {{.id = 0, .start_us = 0, .duration_us = 10000, .partition_id = 1},
                                {.id = 1, .start_us = 10000, .duration_us = 20000, .partition_id = 0}};
constexpr Slot plan2_slots[] = {{.id = 0, .start_us = 0, .duration_us = 50000, .partition_id = 0},
                                {.id = 1, .start_us = 60000, .duration_us = 20000, .partition_id = 1}};
constexpr Plan three_plans[] = {{.id = 0, .major_frame_us = 60000, .slots = stratum::test::kernel_fixture::slots},
                                {.id = 1, .major_frame_us = 40000, .slots = plan1_slots},
                                {.id = 2, .major_frame_us = 100000, .slots = plan2_slots}};
constexpr Processor three_plan_cpus[] = {{.id = 0, .frequency_khz = 50000, .plans = three_plans}};
constexpr System plans_system = [] {
  System s = base;
  s.processors = three_plan_cpus;
  return s;
}();

constexpr std::uint32_t status_desc = OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, 0);
constexpr std::uint32_t cur = p1 + 0x100;   // IoServer's currentPlanId
constexpr std::uint32_t stat = p1 + 0x200;  // IoServer's xmPlanStatus_t

template <class T>
xmPlanStatus_t plan_status() {
  REQUIRE(T::call(__CTRL_OBJECT_NR, {status_desc, XM_GET_PLAN_STATUS, stat}) == XM_OK);
  return T::Hw::template peek<xmPlanStatus_t>(stat);
}
template <class T>
std::int32_t switch_plan(std::uint32_t id, std::uint32_t out = cur) {
  return T::call(__SWITCH_SCHED_PLAN_NR, {id, out});
}
}  // namespace

TEST_CASE("XM_switch_sched_plan is for system partitions") {
  using T = Booted<__COUNTER__, plans_system>;
  T t;
  T::run_until(100);  // FlightCtl's slot
  CHECK(switch_plan<T>(1, p0 + 0x100) == XM_PERM_ERROR);
  CHECK(&T::K::Plans::scheduler().next_plan() == &T::K::Plans::scheduler().plan());
}

TEST_CASE("XM_switch_sched_plan refuses unknown plans, plan 0 and bad pointers, and requests nothing then") {
  using T = Booted<__COUNTER__, plans_system>;
  T t;
  T::run_until(20100);  // IoServer's slot
  T::Hw::poke<xm_u32_t>(cur, 77);
  CHECK(switch_plan<T>(3) == XM_INVALID_PARAM);
  CHECK(switch_plan<T>(0xffffffffu) == XM_INVALID_PARAM);
  CHECK(T::Hw::peek<xm_u32_t>(cur) == 77);
  CHECK(switch_plan<T>(1, p0 + 0x100) == XM_INVALID_PARAM);  // another partition's memory
  CHECK(switch_plan<T>(1, cur + 2) == XM_INVALID_PARAM);     // misaligned
  CHECK(switch_plan<T>(1, p1_ro) == XM_INVALID_PARAM);       // read-only
  CHECK(switch_plan<T>(1, 0) == XM_INVALID_PARAM);
  CHECK(plan_status<T>().next == 0);
  // Plan 0 runs and nothing is pending: nothing to do, but the answer is written.
  CHECK(switch_plan<T>(0) == XM_NO_ACTION);
  CHECK(T::Hw::peek<xm_u32_t>(cur) == 0);
  // Plan 0 once left is not a target (manual 2.8.1).
  CHECK(switch_plan<T>(1) == XM_OK);
  T::run_until(60000 + 100);
  CHECK(switch_plan<T>(0) == XM_INVALID_PARAM);
  CHECK(plan_status<T>().next == 1);
}

TEST_CASE("a plan switch takes effect exactly at the end of the major frame, and status follows") {
  using T = Booted<__COUNTER__, plans_system>;
  T t;
  T::run_until(20100);
  xmPlanStatus_t st = plan_status<T>();
  CHECK(st.current == 0);
  CHECK(st.next == 0);
  CHECK(st.prev == -1);
  CHECK(st.switchTime == 0);
  CHECK(switch_plan<T>(1) == XM_OK);
  CHECK(T::Hw::peek<xm_u32_t>(cur) == 0);
  st = plan_status<T>();
  CHECK(st.current == 0);
  CHECK(st.next == 1);
  CHECK(st.prev == -1);
  T::run_until(59999);  // Spare's slot (halted: idle), still plan 0
  CHECK(T::K::Plans::scheduler().plan().id == 0);
  CHECK(SimBoard::deadline == 60000);
  T::at(60000);  // the frame boundary: plan 1 starts with IoServer's slot
  CHECK(T::K::Plans::scheduler().plan().id == 1);
  CHECK(T::current() == 1);
  CHECK(T::pct(1).schedInfo.planId == 1);
  CHECK(T::pct(1).schedInfo.noSlot == 0);
  CHECK(T::pct(1).schedInfo.slotStart == 60000);
  CHECK(T::pct(1).schedInfo.slotDuration == 10000);
  CHECK(T::pct(2).schedInfo.planId == 1);  // no slot in plan 1: follows all the same
  CHECK(SimBoard::deadline == 70000);
  st = plan_status<T>();
  CHECK(st.current == 1);
  CHECK(st.next == 1);
  CHECK(st.prev == 0);
  CHECK(st.switchTime == 60000);
  T::at(70000);  // plan 1's 40 ms frame: FlightCtl, then a gap, then IoServer at 100 ms
  CHECK(T::current() == 0);
  CHECK(T::pct(0).schedInfo.slotStart == 70000);
  CHECK(T::pct(0).schedInfo.planId == 1);
  T::run_until(100000 + 10);
  CHECK(T::current() == 1);
  CHECK(T::pct(1).schedInfo.slotStart == 100000);
}

TEST_CASE("switching on and back: 1, then 2, then 1 again") {
  using T = Booted<__COUNTER__, plans_system>;
  T t;
  T::run_until(20100);
  CHECK(switch_plan<T>(1) == XM_OK);
  T::run_until(60000 + 100);  // plan 1, IoServer's slot
  CHECK(switch_plan<T>(1) == XM_NO_ACTION);
  CHECK(switch_plan<T>(2) == XM_OK);
  CHECK(T::Hw::peek<xm_u32_t>(cur) == 1);
  T::run_until(99999);
  CHECK(T::K::Plans::scheduler().plan().id == 1);
  T::at(100000);
  CHECK(T::K::Plans::scheduler().plan().id == 2);
  CHECK(T::current() == 0);
  CHECK(T::pct(0).schedInfo.planId == 2);
  CHECK(T::pct(0).schedInfo.slotStart == 100000);
  T::run_until(160000 + 100);  // plan 2's IoServer slot, after the gap
  CHECK(T::current() == 1);
  CHECK(T::pct(1).schedInfo.slotStart == 160000);
  xmPlanStatus_t st = plan_status<T>();
  CHECK(st.current == 2);
  CHECK(st.prev == 1);
  CHECK(st.switchTime == 100000);
  CHECK(switch_plan<T>(1) == XM_OK);
  CHECK(T::Hw::peek<xm_u32_t>(cur) == 2);
  T::run_until(199999);
  CHECK(T::K::Plans::scheduler().plan().id == 2);
  T::at(200000);
  CHECK(T::K::Plans::scheduler().plan().id == 1);
  CHECK(T::current() == 1);
  st = plan_status<T>();
  CHECK(st.current == 1);
  CHECK(st.prev == 2);
  CHECK(st.switchTime == 200000);
}

TEST_CASE("a second request in the same major frame replaces the first; the current plan cancels it") {
  using T = Booted<__COUNTER__, plans_system>;
  T t;
  T::run_until(20100);
  CHECK(switch_plan<T>(1) == XM_OK);
  CHECK(switch_plan<T>(0) == XM_OK);  // plan 0 still runs: a cancellation, not a switch back
  CHECK(plan_status<T>().next == 0);
  CHECK(switch_plan<T>(1) == XM_OK);
  CHECK(switch_plan<T>(2) == XM_OK);
  CHECK(plan_status<T>().next == 2);
  T::run_until(60000 + 10);
  CHECK(T::K::Plans::scheduler().plan().id == 2);
  CHECK(T::current() == 0);
  T::run_until(120000 + 100);  // IoServer's slot of plan 2
  CHECK(switch_plan<T>(1) == XM_OK);
  CHECK(switch_plan<T>(2) == XM_OK);  // pending 1: asking for the current plan cancels it
  xmPlanStatus_t st = plan_status<T>();
  CHECK(st.current == 2);
  CHECK(st.next == 2);
  CHECK(switch_plan<T>(2) == XM_NO_ACTION);
  T::run_until(160000 + 10);
  CHECK(T::K::Plans::scheduler().plan().id == 2);
  CHECK(T::K::Plans::scheduler().plan_switch_time() == 60000);
}

TEST_CASE("the health monitor's hooks: request_switch at the frame end, switch_now at once") {
  using T = Booted<__COUNTER__, plans_system>;
  T t;
  CHECK(!T::K::Plans::request_switch(3));
  CHECK(!T::K::Plans::switch_now(3, 0));
  T::run_until(30000);  // IoServer's slot of plan 0, cut short below
  CHECK(T::K::Plans::switch_now(1, 30000));
  T::at(30000);
  CHECK(T::K::Plans::scheduler().plan().id == 1);
  CHECK(T::current() == 1);
  CHECK(T::pct(1).schedInfo.slotStart == 30000);
  CHECK(SimBoard::deadline == 40000);
  xmPlanStatus_t st = plan_status<T>();
  CHECK(st.current == 1);
  CHECK(st.prev == 0);
  CHECK(st.switchTime == 30000);
  CHECK(T::K::Plans::request_switch(2));
  T::run_until(70000 + 10);  // plan 1's frame from 30 ms ends at 70 ms
  CHECK(T::K::Plans::scheduler().plan().id == 2);
  CHECK(T::pct(0).schedInfo.slotStart == 70000);
}

TEST_CASE("a system reset starts plan 0 again with switchTime 0 and prev -1") {
  using T = Booted<__COUNTER__, plans_system>;
  T t;
  T::run_until(20100);
  CHECK(switch_plan<T>(1) == XM_OK);
  T::run_until(60000 + 100);
  T::call(__RESET_SYSTEM_NR, {XM_WARM_RESET});  // (IoServer restarts: %o0 is its PCT's address)
  CHECK(T::K::Plans::scheduler().plan().id == 0);
  const xmPlanStatus_t st = [] {
    T::run_until(60100 + 20000 + 100);  // IoServer's slot of the new plan 0
    return plan_status<T>();
  }();
  CHECK(st.current == 0);
  CHECK(st.next == 0);
  CHECK(st.prev == -1);
  CHECK(st.switchTime == 0);
}
