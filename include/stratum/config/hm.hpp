// The health monitor's events, actions, and which actions each event may
// take in which table (docs/configuration-rules.md, "The HM matrix"; manual
// 2.13). XtratuM keeps two tables: the XMHypervisor's, for events whose
// scope is the whole system, and each partition's, for events a partition
// causes. The XML names events and actions as XM_HM_EV_... / XM_HM_AC_...;
// these tables are the one place that knows the names.
#pragma once

#include <cstddef>
#include <cstdint>

namespace stratum::config::hm {

// Manual 2.13.2, in its order.
enum class Action : std::uint8_t {
  ignore,
  shutdown,
  cold_reset,
  warm_reset,
  partition_cold_reset,
  partition_warm_reset,
  hypervisor_cold_reset,
  hypervisor_warm_reset,
  suspend,
  halt,
  propagate,
  switch_to_maintenance,
};
inline constexpr const char* action_names[] = {
    "XM_HM_AC_IGNORE",
    "XM_HM_AC_SHUTDOWN",
    "XM_HM_AC_COLD_RESET",
    "XM_HM_AC_WARM_RESET",
    "XM_HM_AC_PARTITION_COLD_RESET",
    "XM_HM_AC_PARTITION_WARM_RESET",
    "XM_HM_AC_HYPERVISOR_COLD_RESET",
    "XM_HM_AC_HYPERVISOR_WARM_RESET",
    "XM_HM_AC_SUSPEND",
    "XM_HM_AC_HALT",
    "XM_HM_AC_PROPAGATE",
    "XM_HM_AC_SWITCH_TO_MAINTENANCE",
};
inline constexpr std::size_t action_count = sizeof(action_names) / sizeof(action_names[0]);

// A set of actions, one bit per Action.
using ActionSet = std::uint32_t;
constexpr ActionSet bit(Action a) { return ActionSet{1} << static_cast<unsigned>(a); }
constexpr bool contains(ActionSet set, Action a) { return (set & bit(a)) != 0; }

// The sets of the matrix.
namespace sets {
inline constexpr ActionSet none = 0;  // "—": not handled in this table
// H: the whole system can only be ignored, reset, or sent to maintenance.
inline constexpr ActionSet H = bit(Action::ignore) | bit(Action::hypervisor_cold_reset) |
                               bit(Action::hypervisor_warm_reset) | bit(Action::switch_to_maintenance);
inline constexpr ActionSet H_ = H & ~bit(Action::ignore);
// P: what can be done to (or because of) one partition.
inline constexpr ActionSet P = bit(Action::ignore) | bit(Action::shutdown) | bit(Action::cold_reset) |
                               bit(Action::warm_reset) | bit(Action::partition_cold_reset) |
                               bit(Action::partition_warm_reset) | bit(Action::hypervisor_cold_reset) |
                               bit(Action::hypervisor_warm_reset) | bit(Action::suspend) | bit(Action::halt) |
                               bit(Action::switch_to_maintenance);
inline constexpr ActionSet P_ = P & ~bit(Action::ignore);
// PT: a trap the partition can handle itself, so it may be propagated.
inline constexpr ActionSet PT = P | bit(Action::propagate);
}  // namespace sets

struct EventInfo {
  const char* name;
  ActionSet hypervisor;  // allowed in the XMHypervisor table (none: not handled there)
  ActionSet partition;   // allowed in a partition's table
};

// Manual 2.13.1, then one event per SPARC trap of listing 5.24.
inline constexpr EventInfo events[] = {
    {"XM_HM_EV_INTERNAL_ERROR", sets::H_, sets::none},  // the hypervisor's own fault
    {"XM_HM_EV_SCHED_ERROR", sets::H, sets::none},      // the plan, not a partition
    {"XM_HM_EV_WATCHDOG_TIMER", sets::H, sets::none},   // a processor signal
    {"XM_HM_EV_UNEXPECTED_TRAP", sets::H, sets::P},     // in the hypervisor or in a partition
    {"XM_HM_EV_PARTITION_ERROR", sets::none, sets::P},  // raised by the partition: propagating would loop
    {"XM_HM_EV_PARTITION_INTEGRITY", sets::none, sets::P_},      // a corrupt image must not run
    {"XM_HM_EV_PARTITION_UNRECOVERABLE", sets::none, sets::P_},  // by definition
    {"XM_HM_EV_INCOMPATIBLE_INTERFACE", sets::none, sets::P_},   // built for another ABI
    {"XM_HM_EV_MEM_PROTECTION", sets::none, sets::PT},  // an access outside its areas
    {"XM_HM_EV_OVERRUN", sets::none, sets::P},          // the partition overran its slot
    // Processor traps caused by partition code.
    {"XM_HM_EV_SPARC_DATA_STORE_ERROR", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_INSTRUCTION_ACCESS_MMU_MISS", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_INSTRUCTION_ACCESS_ERROR", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_R_REGISTER_ACCESS_ERROR", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_INSTRUCTION_ACCESS_EXCEPTION", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_PRIVILEGED_INSTRUCTION", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_ILLEGAL_INSTRUCTION", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_FP_DISABLED", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_CP_DISABLED", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_UNIMPLEMENTED_FLUSH", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_WATCHPOINT_DETECTED", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_MEM_ADDRESS_NOT_ALIGNED", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_FP_EXCEPTION", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_CP_EXCEPTION", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_DATA_ACCESS_ERROR", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_DATA_ACCESS_MMU_MISS", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_DATA_ACCESS_EXCEPTION", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_TAG_OVERFLOW", sets::none, sets::PT},
    {"XM_HM_EV_SPARC_DIVISION_BY_ZERO", sets::none, sets::PT},
};
inline constexpr std::size_t event_count = sizeof(events) / sizeof(events[0]);

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
