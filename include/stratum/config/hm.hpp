// The health monitor's events, actions, and which actions each event may
// take in which table (docs/configuration-rules.md, "The HM matrix"; manual
// 2.13). XtratuM keeps two tables: the XMHypervisor's, for events whose
// scope is the whole system (a fault of the hypervisor itself included), and
// each partition's, for events a partition causes. The XML names events and
// actions as XM_HM_EV_... / XM_HM_AC_...; the vocabulary and the matrix are
// written once, in generators/xmcf/hm.py, and come here through the
// generated hm_matrix.hpp. Event names are canonical: the generator writes
// XtratuM's other spellings (XM_HM_EV_SPARC_... for XM_HM_EV_SPARCV8_...)
// as the canonical one, so these look-ups know no aliases.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "stratum/config/hm_matrix.hpp"
#include "stratum/config/model.hpp"

namespace stratum::config::hm {

inline constexpr std::size_t action_count = sizeof(action_names) / sizeof(action_names[0]);
inline constexpr std::size_t event_count = sizeof(events) / sizeof(events[0]);
static_assert(action_count == static_cast<std::size_t>(Action::switch_to_maintenance) + 1,
              "hm_matrix.hpp: one name per Action");

constexpr bool contains(ActionSet set, Action a) { return (set & bit(a)) != 0; }

namespace detail {
constexpr bool same(const char* a, const char* b) {
  if (a == nullptr || b == nullptr) return false;
  for (; *a != '\0' && *a == *b; ++a, ++b) {
  }
  return *a == *b;
}
}  // namespace detail

// The event called `name`, or nullptr.
constexpr const EventInfo* find_event(const char* name) {
  for (const EventInfo& e : events)
    if (detail::same(e.name, name)) return &e;
  return nullptr;
}

// The action called `name`; false when there is none.
constexpr bool find_action(const char* name, Action& out) {
  for (std::size_t i = 0; i < action_count; ++i)
    if (detail::same(action_names[i], name)) {
      out = static_cast<Action>(i);
      return true;
    }
  return false;
}

// One HealthMonitor table as the kernel looks it up (an XMHypervisor's or a
// partition's; kernel/health_monitor.hpp, kernel/hm_hypervisor.hpp): one
// byte per event, a bit per event for its log flag, a bit per action some
// entry takes. Built at compile time by compile().
struct Table {
  static_assert(event_count <= 32, "one bit per event in Table::log");
  std::array<std::uint8_t, event_count> cells{};  // 0: not named; else 1 + its Action
  std::uint32_t log = 0;                          // bit e: event e is logged (one not named: the default's)
  std::uint32_t actions = 0;                      // bit a: some entry takes Action a
  bool valid = true;  // every name an event and an action (HM-EVENT-UNKNOWN, HM-ACTION-UNKNOWN)

  // The action bound to `event`; false when the table does not name it.
  constexpr bool configured(std::uint32_t event, Action& a) const {
    const std::uint8_t cell = cells[event];
    if (cell == 0) return false;
    a = static_cast<Action>(cell - 1);
    return true;
  }
  constexpr bool logged(std::uint32_t event) const { return ((log >> event) & 1u) != 0; }
  constexpr bool uses(Action a) const { return ((actions >> static_cast<unsigned>(a)) & 1u) != 0; }
};

constexpr Table compile(std::span<const HmEvent> entries) {
  Table t;
  t.log = event_count == 32 ? ~0u : (1u << event_count) - 1;
  for (const HmEvent& e : entries) {
    const EventInfo* ev = find_event(e.name);
    Action a{};
    if (ev == nullptr || !find_action(e.action, a)) {
      t.valid = false;
      continue;
    }
    const auto k = static_cast<std::size_t>(ev - events);
    t.cells[k] = static_cast<std::uint8_t>(static_cast<unsigned>(a) + 1);
    t.actions |= 1u << static_cast<unsigned>(a);
    if (!e.log) t.log &= ~(1u << k);
  }
  return t;
}

}  // namespace stratum::config::hm
