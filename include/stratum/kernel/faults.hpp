// What happens when a partition faults (manual 2.13.1, 5.11.3). Until the
// health monitor exists, this stands in for it: a fault that breaks the
// partition's isolation halts the partition with a console line saying what
// it tried; any other processor trap is the partition's own business when
// it has a virtual trap table to take it, and halts it otherwise.
#pragma once

#include <cstdint>

#include "stratum/console.hpp"
#include "stratum/kernel/hypercalls.hpp"

namespace stratum::kernel {

template <class K>
struct Faults {
  using Trap = typename K::Cpu::Trap;
  using Kind = decltype(Trap{}.kind);
  using Fault = decltype(Trap{}.fault);

  // Partition i is stopped for `what` it did.
  [[gnu::cold]] static void fault(Caller i, const char* what) {
    Line l = about(i);
    l << what;
    stop(i, l);
  }

  // A processor trap of partition i (the current one).
  [[gnu::cold]] static void exception(Caller i, const Trap& trap) {
    Line l = about(i);  // (one line built once: this may run in a slot switch)
    const std::uint32_t pc = K::Cpu::pc(i);
    switch (trap.kind) {
      case Kind::window_fault:
        l << "register window at stack address ";
        l.hex(trap.address) << " is outside its memory";
        return stop(i, l);
      case Kind::data_access:
      case Kind::instruction_access: {
        partitionControlTable_t& t = K::Pct::of(i);
        t.arch.faultStatusReg = trap.fault_status;
        t.arch.faultAddressReg = trap.address;
        l << (trap.kind == Kind::data_access ? "accessed " : "fetched an instruction at ");
        l.hex(trap.address) << (trap.fault == Fault::invalid_address ? " (not mapped)"
                                : trap.fault == Fault::protection    ? " (protection)"
                                : trap.fault == Fault::privilege     ? " (privilege)"
                                                                     : "")
                            << " at pc ";
        l.hex(pc);
        return stop(i, l);
      }
      case Kind::fp_disabled:
        if (K::Cpu::has_fpu(i)) break;
        l << "used the FPU at pc ";
        l.hex(pc) << " without the fp flag";
        return stop(i, l);
      case Kind::privileged_instruction:
        l << "executed a privileged instruction at pc ";
        l.hex(pc);
        return stop(i, l);
      default:
        break;
    }
    if (K::VirtualTraps::takes_traps(i)) return K::VirtualTraps::deliver(i, K::Pct::of(i).trap2Vector[trap.tt & 0xff]);
    l << "took trap ";
    l.hex(trap.tt) << " at pc ";
    l.hex(pc) << (K::VirtualTraps::has_table(i) ? " with its virtual traps disabled" : " with no virtual trap table to deliver it to");
    stop(i, l);
  }

 private:
  // "Stratum: partition 3 'Name' ", the start of every line.
  static Line about(Caller i) {
    Line l;
    l << "Stratum: partition ";
    l.dec(K::system.partitions[i].id) << " '" << K::system.partitions[i].name << "' ";
    return l;
  }
  static void stop(Caller i, Line& l) {
    l << ": partition halted\n";
    K::Out::write(l);
    K::halt(i);
  }
};

}  // namespace stratum::kernel
