// Rules on the health monitor tables (docs/configuration-rules.md, "Health
// monitor"), against the matrix of config/hm.hpp (written once, in
// generators/xmcf/hm.py). A table is `XMHypervisor HealthMonitor` or
// `Partition 'Name' HealthMonitor`; events are named canonically, actions
// as written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "stratum/config/diagnostic.hpp"
#include "stratum/config/hm.hpp"
#include "stratum/config/model.hpp"

namespace stratum::config {

namespace detail {
struct HmTable {
  const Partition* partition;  // nullptr: the XMHypervisor's
  std::span<const HmEvent> events;
};
constexpr std::size_t hm_table_count(const System& s) { return 1 + s.partitions.size(); }
constexpr HmTable hm_table(const System& s, std::size_t i) {
  if (i == 0) return {nullptr, s.hypervisor.hm_events};
  return {&s.partitions[i - 1], s.partitions[i - 1].hm_events};
}
constexpr Diagnostic& put(Diagnostic& d, const HmTable& t) {
  if (t.partition == nullptr) return d << "XMHypervisor HealthMonitor";
  return partition(d, *t.partition) << " HealthMonitor";
}
// The actions this table may give the event (0 when it does not handle it).
constexpr hm::ActionSet allowed(const HmTable& t, const hm::EventInfo& e) {
  return t.partition == nullptr ? e.hypervisor : e.partition;
}
}  // namespace detail

// [HM-EVENT-UNKNOWN] an event name the hypervisor does not know would never
// be raised: the handling written for it would silently not exist.
constexpr Diagnostic check_hm_event_unknown(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < detail::hm_table_count(s); ++i) {
    const detail::HmTable t = detail::hm_table(s, i);
    for (const HmEvent& e : t.events)
      if (hm::find_event(e.name) == nullptr) {
        detail::put(d << "[HM-EVENT-UNKNOWN] ", t) << " names event '" << e.name << "', which is not an HM event";
        return d;
      }
  }
  return d;
}

// [HM-ACTION-UNKNOWN] likewise for the action taken.
constexpr Diagnostic check_hm_action_unknown(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < detail::hm_table_count(s); ++i) {
    const detail::HmTable t = detail::hm_table(s, i);
    for (const HmEvent& e : t.events) {
      hm::Action a{};
      if (hm::find_action(e.action, a)) continue;
      detail::put(d << "[HM-ACTION-UNKNOWN] ", t) << " event " << e.name << " names action '" << e.action
                                                  << "', which is not an HM action";
      return d;
    }
  }
  return d;
}

// [HM-EVENT-LEVEL] each event is handled in the table of its scope (manual
// 2.13.3): an entry in the other table would never be consulted.
constexpr Diagnostic check_hm_event_level(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < detail::hm_table_count(s); ++i) {
    const detail::HmTable t = detail::hm_table(s, i);
    for (const HmEvent& e : t.events) {
      const hm::EventInfo* info = hm::find_event(e.name);
      if (info == nullptr || detail::allowed(t, *info) != hm::sets::none) continue;
      detail::put(d << "[HM-EVENT-LEVEL] ", t) << " cannot handle event " << e.name << ": it is handled in the "
                                               << (t.partition == nullptr ? "partition HealthMonitor"
                                                                          : "XMHypervisor HealthMonitor")
                                               << " table";
      return d;
    }
  }
  return d;
}

// [HM-ACTION-NOT-ALLOWED] the matrix of config/hm.hpp: e.g. a fault of the
// hypervisor itself is never ignored, a partition's own error is never
// propagated back to it.
constexpr Diagnostic check_hm_action_not_allowed(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < detail::hm_table_count(s); ++i) {
    const detail::HmTable t = detail::hm_table(s, i);
    for (const HmEvent& e : t.events) {
      const hm::EventInfo* info = hm::find_event(e.name);
      hm::Action a{};
      if (info == nullptr || !hm::find_action(e.action, a)) continue;
      const hm::ActionSet set = detail::allowed(t, *info);
      if (set == hm::sets::none || hm::contains(set, a)) continue;
      detail::put(d << "[HM-ACTION-NOT-ALLOWED] ", t) << " event " << e.name << " may not take action " << e.action;
      return d;
    }
  }
  return d;
}

// [HM-EVENT-DUPLICATE] an event has one action per table; a second entry
// would contradict or repeat the first.
constexpr Diagnostic check_hm_event_duplicate(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < detail::hm_table_count(s); ++i) {
    const detail::HmTable t = detail::hm_table(s, i);
    for (std::size_t j = 0; j < t.events.size(); ++j)
      for (std::size_t k = 0; k < j; ++k)
        if (detail::same(t.events[k].name, t.events[j].name)) {
          detail::put(d << "[HM-EVENT-DUPLICATE] ", t) << " lists event " << t.events[j].name << " twice";
          return d;
        }
  }
  return d;
}

// [HM-MAINTENANCE-PLAN] XM_HM_AC_SWITCH_TO_MAINTENANCE switches every
// processor to plan 1, the maintenance plan: each processor has one.
constexpr Diagnostic check_hm_maintenance_plan(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < detail::hm_table_count(s); ++i) {
    const detail::HmTable t = detail::hm_table(s, i);
    for (const HmEvent& e : t.events) {
      hm::Action a{};
      if (!hm::find_action(e.action, a) || a != hm::Action::switch_to_maintenance) continue;
      for (const Processor& c : s.processors)
        if (!detail::has_plan(c, 1)) {
          detail::put(d << "[HM-MAINTENANCE-PLAN] ", t) << " event " << e.name
                                                        << " switches to the maintenance plan, but processor ";
          d.dec(c.id) << " has no plan 1";
          return d;
        }
    }
  }
  return d;
}

}  // namespace stratum::config
