// The health monitor, hypervisor scope (manual 2.13.1-2.13.3): the events
// whose scope is the whole system, and the XMHypervisor HealthMonitor table
// that binds them to actions (a partition's own faults are
// health_monitor.hpp's). The table is compile-time data, one byte per event.
//
// Events detected, where, and the default for an event the table does not
// name (every event is logged unless its entry says log="no"; the log
// entry has the sys bit set, the id of the partition concerned, or
// XM_HYPERVISOR_ID when there is none):
//
//   XM_HM_EV_SCHED_ERROR       slots of the plan passed wholly while the
//                              hypervisor could not switch (Plans::advance_to):
//                              their partitions had none of their time. One
//                              event per catch-up. Payload: plan id, the
//                              first missed slot's id, how many were missed,
//                              how late the hypervisor came (us, from the
//                              first one's start). Default IGNORE.
//   XM_HM_EV_UNEXPECTED_TRAP   an interrupt on a line that is not the event
//                              timer's (no other line is unmasked: a spurious
//                              interrupt). Payload: the line. Default IGNORE.
//   XM_HM_EV_SPARCV8_*,        a trap of the hypervisor's own code (fatal):
//   XM_HM_EV_MEM_PROTECTION,   by trap type as for partitions, an MMU refusal
//   XM_HM_EV_UNEXPECTED_TRAP   is MEM_PROTECTION, any other type
//                              UNEXPECTED_TRAP. Default HALT.
//   XM_HM_EV_INTERNAL_ERROR    a check of the hypervisor on its own state
//                              failed: a register window trap on its own
//                              stack (arch/sparc/windows.S), an image whose
//                              layout does not match its tables. Default HALT.
//   XM_HM_EV_WATCHDOG_TIMER    not detected: the board has no watchdog.
//
// Actions (the matrix of generators/xmcf/hm.py says which an event may take):
//   IGNORE                     the system goes on, after the console line.
//   HALT                       the processor halts: the run ends (status 1).
//   COLD_RESET, WARM_RESET,    a system reset of that mode (2.13.2: in this
//   HYPERVISOR_COLD_RESET,     table they act on the processor). For a sound
//   HYPERVISOR_WARM_RESET      hypervisor, SystemControl::reset, as
//                              XM_reset_system does; after a fault of the
//                              hypervisor itself, whose state is suspect, the
//                              hypervisor restarts from its entry point
//                              (restart_hypervisor): .data restored, .bss
//                              zeroed, the HM log and the reset counter kept
//                              (layout.hpp, STRATUM_PERSISTENT); a cold
//                              restart loads every partition image again, a
//                              warm one keeps their memory.
//   SWITCH_TO_MAINTENANCE      plan 1 starts at once (Plans::switch_now).
// A fatal event has nothing to go on with: IGNORE and SWITCH_TO_MAINTENANCE
// (which the matrix allows UNEXPECTED_TRAP) halt it, and say so.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/config/hm.hpp"
#include "stratum/console.hpp"
#include "stratum/kernel/partition.hpp"

extern "C" {
#include "xm/hm.h"
#include "xm/objects.h"
#include "xm/status.h"
}

namespace stratum::kernel {

// How the hypervisor starts (the start-up code's argument to boot).
enum class Start : std::uint32_t { power_on = 0, cold_restart = 1, warm_restart = 2 };

template <class K>
class HypervisorHm {
 public:
  using Action = config::hm::Action;

  // The action the XMHypervisor table binds to `event`; false when it does
  // not name it (the default applies).
  static constexpr bool configured(std::uint32_t event, Action& a) { return table_.configured(event, a); }
  static constexpr bool logged(std::uint32_t event) { return table_.logged(event); }
  // Whether the table binds any event to `a`: the code of an action no
  // entry names is not compiled (`if constexpr`).
  static constexpr bool uses(Action a) { return table_.uses(a); }

  // An event found while the hypervisor's state is sound (SCHED_ERROR, a
  // spurious interrupt): logged, then its action. `partition` is the index
  // of the partition concerned, or -1; `payload` is the log entry's (and
  // says what happened, for the console line). Returns when the system goes
  // on (IGNORE, a system reset, the maintenance plan: the caller
  // reschedules).
  //
  // The console line of an IGNOREd event waits, as a partition fault's does
  // (faults.hpp): formatting it costs a few thousand instructions, and these
  // events are found on the slot-switch path, where they would make the
  // next slot later still (a missed slot's line made the next slots missed
  // in turn: a tester's cascade). It is written at the next reschedule in
  // the slot of the partition that ran when the event was found (its own
  // time: its excursion is what made a slot pass), at once when none did,
  // or at the end of the run. One waits at a time; the later ones are
  // counted in it ("and N more").
  [[gnu::cold]] static void event(std::uint32_t event, int partition, const xmWord_t (&payload)[4]) {
    if (logged(event)) K::HmLog::record(event, id_of(partition), payload, false, true);
    Action a = Action::ignore;  // (the default of both)
    configured(event, a);
    if (a == Action::ignore) {
      if (pending_.waiting) {
        ++pending_.more;
        return;
      }
      pending_ = {true, K::Cpu::current(), 0, event, {payload[0], payload[1], payload[2], payload[3]}};
      if (pending_.charged < 0) write_pending();
      return;
    }
    EventLine l;
    describe(l, event, payload) << ": " << action_name(a) << '\n';
    if (a == Action::halt) K::shutdown(l.c_str(), 1);
    K::Out::write(l.c_str(), static_cast<std::uint32_t>(l.length));
    constexpr bool resets = uses(Action::cold_reset) || uses(Action::hypervisor_cold_reset) ||
                            uses(Action::warm_reset) || uses(Action::hypervisor_warm_reset);
    if constexpr (resets) {
      const bool cold = a == Action::cold_reset || a == Action::hypervisor_cold_reset;
      if (cold || a == Action::warm_reset || a == Action::hypervisor_warm_reset) {
        Text<64> why;
        why << "by the health monitor (" << config::hm::events[event].name << ")";
        K::SystemControl::reset(cold ? XM_COLD_RESET : XM_WARM_RESET, why.c_str());
        K::request_reschedule();
      }
    }
    if constexpr (uses(Action::switch_to_maintenance))
      if (a == Action::switch_to_maintenance) K::Plans::switch_now(1, K::Board::now_us());  // (HM-MAINTENANCE-PLAN: there is a plan 1)
  }

  // Partition `next` runs in its slot (a reschedule): the waiting line, if
  // it is charged to it, or when the idle context runs and the partition it
  // is charged to is halted (its slot, then, is nobody's time; else a halted
  // partition's line would never come, nor the later events counted in it).
  // One test on the reschedule path.
  static void running(int next) {
    if (pending_.waiting) [[unlikely]]
      if (pending_.charged == next ||
          (next < 0 && K::Partitions::state(static_cast<Caller>(pending_.charged)) == PartitionState::halted))
        write_pending();
  }

  // The waiting line, now (its partition's time, or the end of the run).
  [[gnu::cold, gnu::noinline]] static void write_pending() {
    if (!pending_.waiting) return;
    EventLine l;
    describe(l, pending_.event, pending_.payload) << ": " << action_name(Action::ignore);
    if (pending_.more != 0) l << " (and ", l.dec(pending_.more), l << " more hypervisor events)";
    l << '\n';
    pending_.waiting = false;
    K::Out::write(l.c_str(), static_cast<std::uint32_t>(l.length));
  }

  // A trap of the hypervisor's own code, reached with traps disabled on the
  // fatal stack (arch/sparc/start.S, stratum_fatal_entry): type tt at pc,
  // npc with PSR psr. Logged, then HALT or a restart; never returns.
  [[noreturn, gnu::cold]] static void fatal(std::uint32_t tt, std::uint32_t pc, std::uint32_t npc, std::uint32_t psr) {
    const auto trap = K::Cpu::describe(K::Cpu::classify(tt), tt);
    // A window trap that reaches here found the hypervisor's own stack
    // unusable: its state, not its code, is wrong.
    const std::uint32_t event = K::Cpu::window_trap(tt) ? XM_HM_EV_INTERNAL_ERROR : K::HealthMonitor::event_of(trap);
    EventLine l;
    l << "\nStratum: " << config::hm::events[event].name << " in the hypervisor: trap ";
    l.hex(tt) << " at pc ";
    l.hex(pc) << " npc ";
    l.hex(npc) << " psr ";
    l.hex(psr);
    if (event == XM_HM_EV_MEM_PROTECTION) l << " address ", l.hex(trap.address);
    const xmWord_t words[4] = {pc, npc, trap.address, tt};
    stop(event, K::Cpu::current(), words, true, l);
  }

  // The hypervisor found its own state wrong (`what`): XM_HM_EV_INTERNAL_ERROR.
  [[noreturn, gnu::cold]] static void internal_error(const char* what) {
    EventLine l;
    l << "\nStratum: XM_HM_EV_INTERNAL_ERROR in the hypervisor: " << what;
    const xmWord_t words[4] = {};
    stop(XM_HM_EV_INTERNAL_ERROR, K::Cpu::current(), words, false, l);
  }

  static constexpr const char* action_name(Action a) { return config::hm::action_names[static_cast<unsigned>(a)]; }

 private:
  // "Stratum: <event> (<what happened>)", from the log entry's payload.
  using EventLine = Text<224>;  // (a description with four addresses or a count, and the action)
  static EventLine& describe(EventLine& l, std::uint32_t event, const xmWord_t (&p)[4]) {
    l << "Stratum: " << config::hm::events[event].name << " (";
    if (event == XM_HM_EV_SCHED_ERROR) {
      l.dec(p[2]) << (p[2] == 1 ? " slot" : " slots") << " of plan ";
      l.dec(p[0]) << " from slot ";
      l.dec(p[1]) << " passed before the hypervisor could start them, ";
      l.dec(p[3]) << " us late)";
    } else {
      l << "interrupt on line ";
      l.dec(p[0]) << ", which nothing unmasked)";
    }
    return l;
  }

  // The line of an IGNOREd event, waiting (event()).
  struct Pending {
    bool waiting;
    int charged;        // the partition whose reschedule writes it
    std::uint32_t more; // events after it, while it waited
    std::uint32_t event;
    xmWord_t payload[4];
  };
  static inline Pending pending_{};

  static std::uint32_t id_of(int partition) {
    return partition >= 0 ? K::system.partitions[static_cast<std::size_t>(partition)].id : XM_HYPERVISOR_ID;
  }

  // The end of a fatal event: logged, its line (begun in `l`) finished and
  // written out at once (nothing drains the console after this), then a
  // restart or the halt.
  [[noreturn]] static void stop(std::uint32_t event, int partition, const xmWord_t (&words)[4], bool ctx, EventLine& l) {
    // (the faulty hypervisor may have left the log's positions out of the
    // ring: a record there would write anywhere)
    if (!K::HmLog::recover()) l << " (HM log inconsistent: emptied)";
    if (logged(event)) K::HmLog::record(event, id_of(partition), words, ctx, true);
    Action a = Action::halt;
    const bool named = configured(event, a);
    Start restart = Start::power_on;
    if (a == Action::cold_reset || a == Action::hypervisor_cold_reset) restart = Start::cold_restart;
    if (a == Action::warm_reset || a == Action::hypervisor_warm_reset) restart = Start::warm_restart;
    l << ": " << action_name(a);
    if (restart == Start::power_on && a != Action::halt) l << " (nothing to go on with: halted)";
    if (!named) l << " (the default)";
    l << '\n';
    K::Out::write(l.c_str(), static_cast<std::uint32_t>(l.length));
    K::Out::flush();
    if (restart != Start::power_on) K::Cpu::restart_hypervisor(static_cast<std::uint32_t>(restart));
    K::Board::shutdown(1);
  }

  static constexpr config::hm::Table table_ = config::hm::compile(K::system.hypervisor.hm_events);
  static_assert(table_.valid, "the XMHypervisor HealthMonitor names an event or action that is not XtratuM's (config::verify)");
};

}  // namespace stratum::kernel
