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

#include <cstddef>

#include "stratum/config/hm_matrix.hpp"

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

}  // namespace stratum::config::hm
