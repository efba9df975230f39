// The health monitor, partition scope (manual 2.13.1-2.13.3): a fault of a
// partition is an HM event; the partition's HealthMonitor table
// (config::Partition::hm_events) says which action it takes; an event the
// table does not name takes the default, which is the stand-in this
// replaces (Faults::by_default: the isolation faults halt, any other trap
// goes to the partition's virtual trap table, or halts it without one).
//
// The event -> action table is compile-time data, one byte per event and
// partition (XM_HM_MAX_EVENTS bytes each): the look-up is an index, and
// nothing here loops. Every action ends in a console line (Faults' deferred
// one), so that what the health monitor did is never silent.
//
// The HM log (2.13.4, kernel/hm_log.hpp): an event is recorded before its
// action runs when its table entry says log="yes", or when the table does
// not name it (the default action is logged). Not yet: the XMHypervisor
// table (the hypervisor's own faults).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/config/hm.hpp"
#include "stratum/kernel/hypercalls.hpp"

extern "C" {
#include "xm/guest.h"
#include "xm/hm.h"
#include "xm/status.h"
}

namespace stratum::kernel {

namespace hm_ids {
// XM_HM_EV_* (xm/hm.h) are the indices of config::hm::events: checked by name.
#define STRATUM_HM_ID(e) {e, #e}
struct Id {
  std::uint32_t id;
  const char* name;
};
inline constexpr Id ids[] = {
    STRATUM_HM_ID(XM_HM_EV_INTERNAL_ERROR), STRATUM_HM_ID(XM_HM_EV_UNEXPECTED_TRAP),
    STRATUM_HM_ID(XM_HM_EV_PARTITION_ERROR), STRATUM_HM_ID(XM_HM_EV_PARTITION_INTEGRITY),
    STRATUM_HM_ID(XM_HM_EV_PARTITION_UNRECOVERABLE), STRATUM_HM_ID(XM_HM_EV_INCOMPATIBLE_INTERFACE),
    STRATUM_HM_ID(XM_HM_EV_MEM_PROTECTION), STRATUM_HM_ID(XM_HM_EV_OVERRUN),
    STRATUM_HM_ID(XM_HM_EV_SCHED_ERROR), STRATUM_HM_ID(XM_HM_EV_WATCHDOG_TIMER),
    STRATUM_HM_ID(XM_HM_EV_SPARCV8_WRITE_ERROR), STRATUM_HM_ID(XM_HM_EV_SPARCV8_INSTR_ACCESS_MMU_MISS),
    STRATUM_HM_ID(XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR), STRATUM_HM_ID(XM_HM_EV_SPARCV8_REGISTER_HARDWARE_ERROR),
    STRATUM_HM_ID(XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION), STRATUM_HM_ID(XM_HM_EV_SPARCV8_PRIVILEGED_INSTR),
    STRATUM_HM_ID(XM_HM_EV_SPARCV8_ILLEGAL_INSTR), STRATUM_HM_ID(XM_HM_EV_SPARCV8_FP_DISABLED),
    STRATUM_HM_ID(XM_HM_EV_SPARCV8_CP_DISABLED), STRATUM_HM_ID(XM_HM_EV_SPARCV8_UNIMPLEMENTED_FLUSH),
    STRATUM_HM_ID(XM_HM_EV_SPARCV8_WATCHPOINT_DETECTED), STRATUM_HM_ID(XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED),
    STRATUM_HM_ID(XM_HM_EV_SPARCV8_FP_EXCEPTION), STRATUM_HM_ID(XM_HM_EV_SPARCV8_CP_EXCEPTION),
    STRATUM_HM_ID(XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR), STRATUM_HM_ID(XM_HM_EV_SPARCV8_DATA_ACCESS_MMU_MISS),
    STRATUM_HM_ID(XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION), STRATUM_HM_ID(XM_HM_EV_SPARCV8_TAG_OVERFLOW),
    STRATUM_HM_ID(XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION),
};
#undef STRATUM_HM_ID
static_assert(sizeof(ids) / sizeof(ids[0]) == config::hm::event_count && XM_HM_MAX_EVENTS == config::hm::event_count,
              "xm/hm.h: one XM_HM_EV_* per config::hm::events entry");
static_assert([] {
  for (std::size_t i = 0; i < config::hm::event_count; ++i)
    if (ids[i].id != i || !config::hm::detail::same(ids[i].name, config::hm::events[i].name)) return false;
  return true;
}(), "xm/hm.h: XM_HM_EV_* numbered in the order of config::hm::events");
}  // namespace hm_ids

template <class K>
class HealthMonitor {
 public:
  using Action = config::hm::Action;
  using Trap = typename K::Cpu::Trap;
  using Kind = decltype(Trap{}.kind);
  using Fault = decltype(Trap{}.fault);
  static constexpr std::size_t N = K::system.partitions.size();

  // The event of a partition's processor trap (docs/configuration-rules.md,
  // "Event names": the SPARC v8 traps of listing 5.24 by trap type). An MMU
  // refusal of memory the partition does not own, and a register window on
  // a stack outside its memory, are XM_HM_EV_MEM_PROTECTION; a trap with no
  // event of its own (a `ta n`, say) is XM_HM_EV_UNEXPECTED_TRAP.
  static constexpr std::uint32_t event_of(const Trap& t) {
    if (t.kind == Kind::window_fault) return XM_HM_EV_MEM_PROTECTION;
    if ((t.kind == Kind::data_access || t.kind == Kind::instruction_access) &&
        (t.fault == Fault::invalid_address || t.fault == Fault::protection || t.fault == Fault::privilege))
      return XM_HM_EV_MEM_PROTECTION;
    switch (t.tt) {
      case 0x2b: return XM_HM_EV_SPARCV8_WRITE_ERROR;
      case 0x3c: return XM_HM_EV_SPARCV8_INSTR_ACCESS_MMU_MISS;
      case 0x21: return XM_HM_EV_SPARCV8_INSTR_ACCESS_ERROR;
      case 0x20: return XM_HM_EV_SPARCV8_REGISTER_HARDWARE_ERROR;
      case 0x01: return XM_HM_EV_SPARCV8_INSTR_ACCESS_EXCEPTION;
      case 0x03: return XM_HM_EV_SPARCV8_PRIVILEGED_INSTR;
      case 0x02: return XM_HM_EV_SPARCV8_ILLEGAL_INSTR;
      case 0x04: return XM_HM_EV_SPARCV8_FP_DISABLED;
      case 0x24: return XM_HM_EV_SPARCV8_CP_DISABLED;
      case 0x25: return XM_HM_EV_SPARCV8_UNIMPLEMENTED_FLUSH;
      case 0x0b: return XM_HM_EV_SPARCV8_WATCHPOINT_DETECTED;
      case 0x07: return XM_HM_EV_SPARCV8_MEM_ADDR_NOT_ALIGNED;
      case 0x08: return XM_HM_EV_SPARCV8_FP_EXCEPTION;
      case 0x28: return XM_HM_EV_SPARCV8_CP_EXCEPTION;
      case 0x29: return XM_HM_EV_SPARCV8_DATA_ACCESS_ERROR;
      case 0x2c: return XM_HM_EV_SPARCV8_DATA_ACCESS_MMU_MISS;
      case 0x09: return XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION;
      case 0x0a: return XM_HM_EV_SPARCV8_TAG_OVERFLOW;
      case 0x2a: return XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION;
      default: return XM_HM_EV_UNEXPECTED_TRAP;
    }
  }

  // The action partition i's table binds to `event`; false when the table
  // does not name it (the default applies).
  static constexpr bool configured(Caller i, std::uint32_t event, Action& a) {
    if constexpr (tables_.actions == 0) return false;  // (no table: no action code in the image)
    return tables_.of[i].configured(event, a);
  }

  // Whether some partition's table binds an event to `a`: the code of an
  // action no table names is not compiled (act(), `if constexpr`).
  static constexpr bool uses(Action a) { return ((tables_.actions >> static_cast<unsigned>(a)) & 1u) != 0; }

  // Whether partition i's `event` is logged: its entry's log flag, or for
  // an event its table does not name, yes (the default's).
  static constexpr bool logged(Caller i, std::uint32_t event) { return tables_.of[i].logged(event); }

  // A processor trap of partition i: its event's action, or the default.
  // pc/npc are the trapping instruction's; "resume" steps over it.
  static void exception(Caller i, const Trap& t) {
    const std::uint32_t event = event_of(t);
    // (first: a reset action gives the partition a new pc)
    if (logged(i, event)) {
      const auto& c = K::Cpu::context(i);
      const xmWord_t words[4] = {c.pc, c.npc, t.address, t.tt};
      K::HmLog::record(event, K::system.partitions[i].id, words, true);
    }
    Action a{};
    if (!configured(i, event, a)) return K::Faults::by_default(i, t);
    // A refused register window has no instruction to step over, and may
    // have been found in a switch (its owner not running): it can only stop
    // or restart its owner.
    const bool resumable = t.kind != Kind::window_fault;
    if (a == Action::propagate && resumable && K::VirtualTraps::takes_traps(i))
      return K::VirtualTraps::deliver(i, K::Pct::of(i).trap2Vector[t.tt & 0xff]);
    act(i, event, a, resumable, true, [&] { K::Faults::stop(i, t); });
  }

  // An event partition i raises itself (manual 2.13.1: "events detected
  // and triggered by partition code"), not a processor trap: nothing to
  // propagate, and its hypercall's trap instruction is already stepped
  // over, so every action that lets it go on resumes it after the call.
  // Logged (table's log flag) with validCpuCtxt clear and `payload` as the
  // entry's four words. An event the table does not name halts the
  // partition with the line "<what>: partition halted" (`what` outlives
  // the run and names the event): both events raised this way say the
  // partition cannot be trusted to go on (below), so the default stops it
  // rather than guess a restart the integrator did not choose.
  //   XM_HM_EV_MEM_PROTECTION   a rule a hypercall checks was broken
  //                             (fault(), below)
  //   XM_HM_EV_PARTITION_ERROR  an XM_TRACE_UNRECOVERABLE trace event
  //                             (5.14.1, traces.hpp): the partition itself
  //                             declared its error unrecoverable, so going
  //                             on unasked would contradict it
  // Cold: only a partition in trouble comes here, never a fast path.
  [[gnu::cold]] static void raise(Caller i, std::uint32_t event, const xmWord_t (&payload)[4], const char* what) {
    if (logged(i, event)) K::HmLog::record(event, K::system.partitions[i].id, payload, false);
    Action a{};
    if (!configured(i, event, a)) return K::Faults::stop(i, what);
    act(i, event, a, true, false, [&] { K::Faults::stop(i, what); });
  }

  // Partition i broke a rule a hypercall checks (`what` outlives the run:
  // a virtual trap return to memory not its own): XM_HM_EV_MEM_PROTECTION,
  // logged with pc, npc, 0, 0.
  static void fault(Caller i, const char* what) {
    const auto& c = K::Cpu::context(i);
    const xmWord_t words[4] = {c.pc, c.npc, 0, 0};
    raise(i, XM_HM_EV_MEM_PROTECTION, words, what);
  }

  // The XM_HM_EV_* and XM_HM_AC_* names, for the console line.
  static constexpr const char* event_name(std::uint32_t event) { return config::hm::events[event].name; }
  static constexpr const char* action_name(Action a) { return config::hm::action_names[static_cast<unsigned>(a)]; }

 private:
  // Executes action `a` for `event` of partition i (manual 2.13.2). `halt`
  // is the halt with its line; `resumable`: the partition may go on after
  // the fault; `step`: going on means stepping over the faulting
  // instruction (a processor trap: the instruction would fault again).
  template <class Halt>
  static void act(Caller i, std::uint32_t event, Action a, bool resumable, bool step, Halt halt) {
    // (each action's code only in an image whose tables name it: uses())
    if constexpr (uses(Action::ignore) || uses(Action::shutdown) || uses(Action::suspend)) {
      if (a == Action::ignore || a == Action::shutdown || a == Action::suspend) {
        if (!resumable) return halt();
        K::Faults::acted(i, event, a);
        if (step) K::Cpu::skip_instruction(i);
        // A suspended partition resumed later goes on after the fault.
        if constexpr (uses(Action::shutdown))
          if (a == Action::shutdown) K::VirtualTraps::raise(i, XM_VT_EXT_SHUTDOWN);
        if constexpr (uses(Action::suspend))
          if (a == Action::suspend) K::Partitions::suspend_partition(i, K::system.partitions[i].id);
        K::request_reschedule();
        return;
      }
    }
    if constexpr (uses(Action::cold_reset) || uses(Action::partition_cold_reset) || uses(Action::warm_reset) ||
                  uses(Action::partition_warm_reset)) {
      const bool cold = a == Action::cold_reset || a == Action::partition_cold_reset;
      if (cold || a == Action::warm_reset || a == Action::partition_warm_reset) {
        // (manual 2.13.2: "the failing partition/processor": in a partition
        // table, the partition; its new life finds the event in resetStatus)
        K::Faults::acted(i, event, a);
        if (cold) K::cold(i);
        K::restart(i, event, true);
        return;
      }
    }
    if constexpr (uses(Action::hypervisor_cold_reset) || uses(Action::hypervisor_warm_reset)) {
      if (a == Action::hypervisor_cold_reset || a == Action::hypervisor_warm_reset) {
        K::Faults::acted(i, event, a);
        K::SystemControl::reset(a == Action::hypervisor_cold_reset ? XM_COLD_RESET : XM_WARM_RESET, i,
                                "by the health monitor for partition ");
        return;
      }
    }
    if constexpr (uses(Action::switch_to_maintenance)) {
      if (a == Action::switch_to_maintenance) {
        // Plan 1 starts at once (2.8.2: this switch is synchronous; the
        // rules make every system with this action have a plan 1). The
        // failing partition waits suspended, after its fault, for the
        // maintenance plan's system partition to resume or reset it; one
        // that cannot go on is halted.
        // (its line first, while the slot is still its own)
        if (!resumable) {
          halt();
        } else {
          K::Faults::acted(i, event, a);
          if (step) K::Cpu::skip_instruction(i);
          K::Partitions::suspend_partition(i, K::system.partitions[i].id);
        }
        K::Plans::switch_now(1, K::Board::now_us());
        K::request_reschedule();
        return;
      }
    }
    halt();  // HALT, or a PROPAGATE not taken: no table, traps disabled, or nothing to propagate
  }

  // Each partition's table (config::hm::Table), and the actions any of them takes.
  struct Tables {
    std::array<config::hm::Table, N> of{};
    std::uint32_t actions = 0;
    bool valid = true;
  };
  static constexpr Tables tables_ = [] {
    Tables t;
    for (std::size_t i = 0; i < N; ++i) {
      t.of[i] = config::hm::compile(K::system.partitions[i].hm_events);
      t.actions |= t.of[i].actions;
      t.valid = t.valid && t.of[i].valid;
    }
    return t;
  }();
  static_assert(tables_.valid, "a partition HealthMonitor names an event or action that is not XtratuM's (config::verify)");
};

}  // namespace stratum::kernel
