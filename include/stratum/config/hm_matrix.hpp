// Generated from generators/xmcf/hm.py by tests/config/facts.py --update: do not edit.
// The HM vocabulary and matrix, written once in hm.py; config/hm.hpp adds the
// look-ups. Where each cell comes from: docs/configuration-rules.md, "The HM matrix".
#pragma once

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

// A set of actions, one bit per Action.
using ActionSet = std::uint32_t;
constexpr ActionSet bit(Action a) { return ActionSet{1} << static_cast<unsigned>(a); }

namespace sets {
inline constexpr ActionSet none = 0;  // "—": not handled in this table
// H: what acts on the hypervisor, the processor or the plan.
inline constexpr ActionSet H = bit(Action::ignore) | bit(Action::cold_reset) | bit(Action::warm_reset) |
                               bit(Action::hypervisor_cold_reset) | bit(Action::hypervisor_warm_reset) |
                               bit(Action::halt) | bit(Action::switch_to_maintenance);
// HS: the hypervisor itself faulted: only restarting or stopping the system is safe.
inline constexpr ActionSet HS = H & ~(bit(Action::ignore) | bit(Action::switch_to_maintenance));
// P: what acts on the failing partition, or on the whole system because of it.
inline constexpr ActionSet P = bit(Action::ignore) | bit(Action::shutdown) | bit(Action::cold_reset) |
                               bit(Action::warm_reset) | bit(Action::partition_cold_reset) |
                               bit(Action::partition_warm_reset) | bit(Action::hypervisor_cold_reset) |
                               bit(Action::hypervisor_warm_reset) | bit(Action::suspend) | bit(Action::halt) |
                               bit(Action::switch_to_maintenance);
// P_: P without IGNORE: the event must not be let pass.
inline constexpr ActionSet P_ = P & ~(bit(Action::ignore));
// PT: P plus PROPAGATE: a trap the partition can handle itself.
inline constexpr ActionSet PT = P | bit(Action::propagate);
}  // namespace sets

struct EventInfo {
  const char* name;
  ActionSet hypervisor;  // allowed in the XMHypervisor table (none: not handled there)
  ActionSet partition;   // allowed in a partition's table
};

// Manual 2.13.1, then one event per SPARC v8 trap of listing 5.24.
inline constexpr EventInfo events[] = {
    // the hypervisor's own fault
    {"XM_HM_EV_INTERNAL_ERROR", sets::HS, sets::none},
    // taken in the hypervisor or in a partition
    {"XM_HM_EV_UNEXPECTED_TRAP", sets::H, sets::P},
    // raised by the partition itself: propagating it back would loop
    {"XM_HM_EV_PARTITION_ERROR", sets::none, sets::P},
    // a corrupt image must not run
    {"XM_HM_EV_PARTITION_INTEGRITY", sets::none, sets::P_},
    // unrecoverable by definition
    {"XM_HM_EV_PARTITION_UNRECOVERABLE", sets::none, sets::P_},
    // the partition was built for another ABI
    {"XM_HM_EV_INCOMPATIBLE_INTERFACE", sets::none, sets::P_},
    // either XtratuM or a partition made the access
    {"XM_HM_EV_MEM_PROTECTION", sets::HS, sets::PT},
    // the partition overran its slot
    {"XM_HM_EV_OVERRUN", sets::none, sets::P},
    // the plan, not a partition
    {"XM_HM_EV_SCHED_ERROR", sets::H, sets::none},
    // a processor signal
    {"XM_HM_EV_WATCHDOG_TIMER", sets::H, sets::none},
    // SPARC v8 traps (listing 5.24's macro after each), in the hypervisor or in a partition
    {"XM_HM_EV_SPARCV8_WRITE_ERROR", sets::HS, sets::PT},  // DATA_STORE_ERROR
    {"XM_HM_EV_SPARCV8_INSTR_ACCESS_MMU_MISS", sets::HS, sets::PT},  // INSTRUCTION_ACCESS_MMU_MISS
    {"XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR", sets::HS, sets::PT},  // INSTRUCTION_ACCESS_ERROR
    {"XM_HM_EV_SPARCV8_REGISTER_HARDWARE_ERROR", sets::HS, sets::PT},  // R_REGISTER_ACCESS_ERROR
    {"XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION", sets::HS, sets::PT},  // INSTRUCTION_ACCESS_EXCEPTION
    {"XM_HM_EV_SPARCV8_PRIVILEGED_INSTR", sets::HS, sets::PT},  // PRIVILEGED_INSTRUCTION
    {"XM_HM_EV_SPARCV8_ILLEGAL_INSTR", sets::HS, sets::PT},  // ILLEGAL_INSTRUCTION
    {"XM_HM_EV_SPARCV8_FP_DISABLED", sets::HS, sets::PT},  // FP_DISABLED
    {"XM_HM_EV_SPARCV8_CP_DISABLED", sets::HS, sets::PT},  // CP_DISABLED
    {"XM_HM_EV_SPARCV8_UNIMPLEMENTED_FLUSH", sets::HS, sets::PT},  // UNIMPLEMENTED_FLUSH
    {"XM_HM_EV_SPARCV8_WATCHPOINT_DETECTED", sets::HS, sets::PT},  // WATCHPOINT_DETECTED
    {"XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED", sets::HS, sets::PT},  // MEM_ADDRESS_NOT_ALIGNED
    {"XM_HM_EV_SPARCV8_FP_EXCEPTION", sets::HS, sets::PT},  // FP_EXCEPTION
    {"XM_HM_EV_SPARCV8_CP_EXCEPTION", sets::HS, sets::PT},  // CP_EXCEPTION
    {"XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR", sets::HS, sets::PT},  // DATA_ACCESS_ERROR
    {"XM_HM_EV_SPARCV8_DATA_ACCESS_MMU_MISS", sets::HS, sets::PT},  // DATA_ACCESS_MMU_MISS
    {"XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION", sets::HS, sets::PT},  // DATA_ACCESS_EXCEPTION
    {"XM_HM_EV_SPARCV8_TAG_OVERFLOW", sets::HS, sets::PT},  // TAG_OVERFLOW
    {"XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION", sets::HS, sets::PT},  // DIVISION_BY_ZERO
};

}  // namespace stratum::config::hm
