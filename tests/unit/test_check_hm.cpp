// The rules on the health monitor tables (include/stratum/config/
// check_hm.hpp) and what they rely on of the HM matrix (config/hm.hpp).
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include "check_fixture.hpp"

using namespace stratum::config;
using namespace stratum::test::check;
namespace t = stratum::test;

// The matrix itself is written once, in generators/xmcf/hm.py, and
// hm_matrix.hpp is generated from it (tests/config/facts.py checks that the
// header is fresh); these tests check what the rules and the documentation
// rely on, not the cells one by one again.
namespace {
hm::ActionSet actions(std::initializer_list<const char*> names) {
  hm::ActionSet s = 0;
  for (const char* n : names) {
    hm::Action a{};
    REQUIRE(hm::find_action((std::string("XM_HM_AC_") + n).c_str(), a));
    s |= hm::bit(a);
  }
  return s;
}
const hm::EventInfo& event(const char* name) {
  const hm::EventInfo* e = hm::find_event(name);
  REQUIRE(e != nullptr);
  return *e;
}
}  // namespace

TEST_CASE("the HM matrix: every event has a table, names are unique, PROPAGATE only to a partition") {
  CHECK(hm::event_count == 29);  // manual 2.13.1's ten, one per SPARC v8 trap of listing 5.24
  CHECK(hm::action_count == 12);
  for (std::size_t i = 0; i < hm::event_count; ++i) {
    const hm::EventInfo& e = hm::events[i];
    INFO(e.name);
    CHECK(std::string(e.name).starts_with("XM_HM_EV_"));
    CHECK((e.hypervisor | e.partition) != hm::sets::none);
    CHECK_FALSE(hm::contains(e.hypervisor, hm::Action::propagate));
    for (std::size_t j = 0; j < i; ++j) CHECK(std::string(hm::events[j].name) != e.name);
  }
}

TEST_CASE("the HM matrix: SPARC traps as XtratuM for SPARC v8 names them, in both tables") {
  // A trap taken while the hypervisor runs is the hypervisor's (manual
  // 2.13.1): reset or halt the system, never ignore it; in a partition it
  // may be propagated back to it.
  const hm::EventInfo& divide = event("XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION");
  CHECK(divide.hypervisor == actions({"COLD_RESET", "WARM_RESET", "HYPERVISOR_COLD_RESET", "HYPERVISOR_WARM_RESET",
                                      "HALT"}));
  CHECK(hm::contains(divide.partition, hm::Action::propagate));
  CHECK(hm::find_event("XM_HM_EV_SPARC_DIVISION_BY_ZERO") == nullptr);  // no XtratuM spells it so
  CHECK(hm::find_event("XM_HM_EV_SPARC_DIVIDE_EXCEPTION") == nullptr);  // tables carry the canonical name
  CHECK(hm::contains(event("XM_HM_EV_SCHED_ERROR").hypervisor, hm::Action::halt));
  CHECK_FALSE(hm::contains(event("XM_HM_EV_INTERNAL_ERROR").hypervisor, hm::Action::ignore));
  CHECK(event("XM_HM_EV_OVERRUN").hypervisor == hm::sets::none);
  CHECK(event("XM_HM_EV_WATCHDOG_TIMER").partition == hm::sets::none);
}

TEST_CASE("[HM-EVENT-UNKNOWN] event names are HM events") {
  Good g;
  const HmEvent xm[] = {{"XM_HM_EV_OOPS", "XM_HM_AC_IGNORE", true}};
  g.s.hypervisor.hm_events = xm;
  CHECK(msg(check_hm_event_unknown(g.s)) ==
        "[HM-EVENT-UNKNOWN] XMHypervisor HealthMonitor names event 'XM_HM_EV_OOPS', which is not an HM event");
  const HmEvent short_name[] = {{"OVERRUN", "XM_HM_AC_HALT", true}};  // the prefix is part of the name
  g.s.hypervisor.hm_events = {};
  g.parts[0].hm_events = short_name;
  CHECK(msg(check_hm_event_unknown(g.s)) ==
        "[HM-EVENT-UNKNOWN] Partition 'FlightCtl' HealthMonitor names event 'OVERRUN', which is not an HM event");
}

TEST_CASE("[HM-ACTION-UNKNOWN] action names are HM actions") {
  Good g;
  const HmEvent p[] = {{"XM_HM_EV_OVERRUN", "XM_HM_AC_REBOOT", true}};
  g.parts[1].hm_events = p;
  CHECK(msg(check_hm_action_unknown(g.s)) ==
        "[HM-ACTION-UNKNOWN] Partition 'IoServer' HealthMonitor event XM_HM_EV_OVERRUN names action "
        "'XM_HM_AC_REBOOT', which is not an HM action");
}

TEST_CASE("[HM-EVENT-LEVEL] an event is handled in its own table") {
  Good g;
  const HmEvent p[] = {{"XM_HM_EV_SCHED_ERROR", "XM_HM_AC_IGNORE", true}};
  g.parts[1].hm_events = p;
  CHECK(msg(check_hm_event_level(g.s)) ==
        "[HM-EVENT-LEVEL] Partition 'IoServer' HealthMonitor cannot handle event XM_HM_EV_SCHED_ERROR: it is handled "
        "in the XMHypervisor HealthMonitor table");
  g.parts[1].hm_events = {};
  const HmEvent xm[] = {{"XM_HM_EV_UNEXPECTED_TRAP", "XM_HM_AC_IGNORE", true},
                        {"XM_HM_EV_OVERRUN", "XM_HM_AC_IGNORE", true}};
  g.s.hypervisor.hm_events = xm;
  CHECK(msg(check_hm_event_level(g.s)) ==
        "[HM-EVENT-LEVEL] XMHypervisor HealthMonitor cannot handle event XM_HM_EV_OVERRUN: it is handled in the "
        "partition HealthMonitor table");
  CHECK(check_hm_action_not_allowed(g.s).empty());  // one message for one mistake
}

TEST_CASE("[HM-ACTION-NOT-ALLOWED] the matrix") {
  Good g;
  const HmEvent xm[] = {{"XM_HM_EV_INTERNAL_ERROR", "XM_HM_AC_IGNORE", true}};
  g.s.hypervisor.hm_events = xm;
  CHECK(msg(check_hm_action_not_allowed(g.s)) ==
        "[HM-ACTION-NOT-ALLOWED] XMHypervisor HealthMonitor event XM_HM_EV_INTERNAL_ERROR may not take action "
        "XM_HM_AC_IGNORE");
  g.s.hypervisor.hm_events = {};
  const HmEvent p[] = {{"XM_HM_EV_MEM_PROTECTION", "XM_HM_AC_PROPAGATE", true},
                       {"XM_HM_EV_PARTITION_ERROR", "XM_HM_AC_PROPAGATE", true}};
  g.parts[1].hm_events = p;
  CHECK(msg(check_hm_action_not_allowed(g.s)) ==
        "[HM-ACTION-NOT-ALLOWED] Partition 'IoServer' HealthMonitor event XM_HM_EV_PARTITION_ERROR may not take "
        "action XM_HM_AC_PROPAGATE");
}

TEST_CASE("[HM-EVENT-DUPLICATE] an event appears once per table") {
  Good g;
  const HmEvent p[] = {{"XM_HM_EV_OVERRUN", "XM_HM_AC_IGNORE", true},
                       {"XM_HM_EV_MEM_PROTECTION", "XM_HM_AC_HALT", true},
                       {"XM_HM_EV_OVERRUN", "XM_HM_AC_HALT", true}};
  g.parts[1].hm_events = p;
  CHECK(msg(check_hm_event_duplicate(g.s)) ==
        "[HM-EVENT-DUPLICATE] Partition 'IoServer' HealthMonitor lists event XM_HM_EV_OVERRUN twice");
  g.parts[0].hm_events = std::span<const HmEvent>(p).first(1);  // another table: fine
  g.parts[1].hm_events = std::span<const HmEvent>(p).first(2);
  CHECK(check_hm_event_duplicate(g.s).empty());
}

TEST_CASE("[HM-MAINTENANCE-PLAN] switching to maintenance needs plan 1 everywhere") {
  Good g;
  const HmEvent xm[] = {{"XM_HM_EV_SCHED_ERROR", "XM_HM_AC_SWITCH_TO_MAINTENANCE", true}};
  g.s.hypervisor.hm_events = xm;
  CHECK(msg(check_hm_maintenance_plan(g.s)) ==
        "[HM-MAINTENANCE-PLAN] XMHypervisor HealthMonitor event XM_HM_EV_SCHED_ERROR switches to the maintenance "
        "plan, but processor 0 has no plan 1");
  const Slot maintenance[] = {{.id = 0, .start_us = 0, .duration_us = 10000, .partition_id = 1}};
  const Plan plans[] = {t::plans[0], {.id = 1, .major_frame_us = 10000, .slots = maintenance}};
  g.cpus[0].plans = plans;
  CHECK(check_hm_maintenance_plan(g.s).empty());
}
