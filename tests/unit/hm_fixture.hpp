// The fixture of the HM tests that read the log (test_hm_hypervisor.cpp,
// test_hm_restart.cpp, test_hm_log.cpp): the kernel fixture's system with a maintenance
// plan and an XMHypervisor table of one entry, and a booted kernel that
// misses a slot and reads the HM log as IoServer.
#pragma once

#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::config::hm::Action;

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
  explicit H(std::size_t image_bytes = 64) : B(image_bytes) {}
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
