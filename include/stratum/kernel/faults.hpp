// What happens when a partition faults (manual 2.13.1, 5.11.3): the fault
// is an HM event, and the health monitor (health_monitor.hpp) executes the
// action the partition's table binds to it. Here: the default for an event
// the table does not name, and the console lines. The default is the
// stand-in that came before the health monitor: a fault that breaks the
// partition's isolation halts the partition with a console line saying what
// it tried; any other processor trap is the partition's own business when
// it has a virtual trap table to take it, and halts it otherwise.
//
// The halt is immediate; the line may wait. Building and queueing it takes
// a few thousand instructions, and a fault just before a slot boundary (or
// found in the switch itself) would make the next partition start that much
// later. So the fault is recorded, and its line written at once only while
// the faulting partition's own slot has `report_margin_us` left; otherwise at
// the start of that partition's next slot (its own time), or at the end of
// the run, whichever comes first. The other actions' lines wait the same
// way. One line a partition waits at a time, and a partition's line is not
// written while its previous one is still in the console ring: the bytes
// would go out in another partition's time (a reschedule drains 16, a
// partition's XM_write_console its own and whatever is before them), and
// a partition faulting in a loop would fill the ring for everybody (a
// tester's flood). An action that finds a line waiting, or its previous
// one not out yet, is counted in the line that waits ("and N more HM
// actions"), unless it halts the partition: a halt's line replaces the
// waiting one (and counts it). Every action is in the HM log when its
// table logs it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/hm.hpp"
#include "stratum/console.hpp"
#include "stratum/kernel/hypercalls.hpp"

namespace stratum::kernel {

template <class K>
struct Faults {
  using Trap = typename K::Cpu::Trap;
  using Kind = decltype(Trap{}.kind);
  using Fault = decltype(Trap{}.fault);
  static constexpr std::size_t N = K::system.partitions.size();
  static constexpr std::uint64_t report_margin_us = 500;

  // Partition i broke a rule for `what` it did (a string that outlives the
  // run): the health monitor's XM_HM_EV_MEM_PROTECTION.
  static void fault(Caller i, const char* what) { K::HealthMonitor::fault(i, what); }

  // A processor trap of partition i (the current one, or for a register
  // window refused in a switch the outgoing one): the health monitor's.
  static void exception(Caller i, const Trap& trap) {
    // (whatever the action: a handler, or the next life, may read them)
    if (trap.kind == Kind::data_access || trap.kind == Kind::instruction_access) {
      partitionControlTable_t& t = K::Pct::of(i);
      t.arch.faultStatusReg = trap.fault_status;
      t.arch.faultAddressReg = trap.address;
    }
    K::HealthMonitor::exception(i, trap);
  }

  // The default for a trap its partition's HM table does not name.
  static void by_default(Caller i, const Trap& trap) {
    switch (trap.kind) {
      case Kind::window_fault:
      case Kind::privileged_instruction:
      case Kind::data_access:
      case Kind::instruction_access:
        break;
      case Kind::fp_disabled:
        if (!K::Cpu::has_fpu(i)) break;
        [[fallthrough]];
      default:
        if (K::VirtualTraps::takes_traps(i)) return K::VirtualTraps::deliver(i, K::Pct::of(i).trap2Vector[trap.tt & 0xff]);
    }
    stop(i, trap);
  }

  // Partition i is halted, with the line saying why.
  static void stop(Caller i, const Trap& trap) { report(i, {true, true, 0, {}, trap, K::Cpu::pc(i), nullptr}); }
  static void stop(Caller i, const char* what) { report(i, {true, true, 0, {}, Trap{}, K::Cpu::pc(i), what}); }

  // The health monitor took action `a` (not a halt) for `event` of
  // partition i: its line, which names both.
  static void acted(Caller i, std::uint32_t event, config::hm::Action a) {
    report(i, {true, false, event, a, Trap{}, K::Cpu::pc(i), nullptr});
  }

  // Partition i's slot starts: its line, if one waits.
  static void slot_started(Caller i) {
    if (reports_[i].pending) write(i);
  }
  // The end of the run: every line that waits.
  [[gnu::cold]] static void write_all() {
    for (std::size_t i = 0; i < N; ++i)
      if (reports_[i].pending) write(i);
  }

 private:
  struct Report {
    bool pending;
    bool halted;  // else: `event` took `action`
    std::uint32_t event;
    config::hm::Action action;
    Trap trap;
    std::uint32_t pc;
    const char* what;  // a fault() line, or nullptr: the trap's
  };
  static inline Report reports_[N]{};
  struct Lines {
    std::uint32_t more;       // actions counted in the waiting line
    std::uint32_t queued_to;  // the console position after its last line
  };
  static inline Lines lines_[N]{};

  static void report(Caller i, const Report& r) {
    if (r.halted) K::halt(i);
    Report& w = reports_[i];
    if (w.pending) {
      ++lines_[i].more;
      if (!r.halted) return;  // (counted: the waiting line stays)
    }
    w = r;
    // (in a switch the slot is already the next partition's: not its time)
    if (K::Out::drained(lines_[i].queued_to) && K::Plans::slot_partition() == static_cast<int>(i) &&
        K::Plans::slot_end() > K::Board::now_us() + report_margin_us)
      write(i);
  }

  [[gnu::cold]] static void write(Caller i) {
    Report& r = reports_[i];
    r.pending = false;
    Text<224> l;
    l << "Stratum: partition ";
    l.dec(K::system.partitions[i].id) << " '" << K::system.partitions[i].name << "' ";
    if (!r.halted) {
      l << K::HealthMonitor::event_name(r.event) << " at pc ";
      l.hex(r.pc) << ": " << K::HealthMonitor::action_name(r.action);
      return finish(i, l, "");
    }
    if (r.what) {
      l << r.what;
    } else {
      const Trap& t = r.trap;
      switch (t.kind) {
        case Kind::window_fault:
          l << "register window at stack address ";
          l.hex(t.address) << " is outside its memory";
          break;
        case Kind::data_access:
        case Kind::instruction_access:
          l << (t.kind == Kind::data_access ? "accessed " : "fetched an instruction at ");
          l.hex(t.address) << (t.fault == Fault::invalid_address ? " (not mapped)"
                               : t.fault == Fault::protection    ? " (protection)"
                               : t.fault == Fault::privilege     ? " (privilege)"
                                                                 : "")
                           << " at pc ";
          l.hex(r.pc);
          break;
        case Kind::fp_disabled:
          if (!K::Cpu::has_fpu(i)) {
            l << "used the FPU at pc ";
            l.hex(r.pc) << " without the fp flag";
            break;
          }
          [[fallthrough]];
        default:
          l << "took trap ";
          l.hex(t.tt) << " at pc ";
          l.hex(r.pc) << (K::VirtualTraps::has_table(i) ? " with its virtual traps disabled"
                                                         : " with no virtual trap table to deliver it to");
          break;
        case Kind::privileged_instruction:
          l << "executed a privileged instruction at pc ";
          l.hex(r.pc);
          break;
      }
    }
    finish(i, l, ": partition halted");
  }

  // The line's end, the actions counted in it, and where it ends in the ring.
  static void finish(Caller i, Text<224>& l, const char* end) {
    l << end;
    if (lines_[i].more != 0) {
      l << " (and ";
      l.dec(lines_[i].more) << " more HM actions)";
    }
    l << '\n';
    lines_[i].more = 0;
    K::Out::write(l.c_str(), static_cast<std::uint32_t>(l.length));
    lines_[i].queued_to = K::Out::position();
  }
};

}  // namespace stratum::kernel
