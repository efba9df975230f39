// The kernel: a composition of small services, one manual chapter each,
// over the board's processor (`Board::Processor<S>`: on the LEON3 the SPARC
// v8 processor of arch/sparc, in the host tests the same logic over a
// simulated machine). Kernel itself only composes: it starts the system,
// takes every trap, and decides what runs next; a partition restart is the
// list of the services' resets.
//
// One instance per image (everything is static). On SPARC the trap path
// (arch/sparc/traps.S) saves the interrupted context and lands in on_trap();
// whatever the processor's current context is when it returns runs next.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/config/model.hpp"
#include "stratum/console.hpp"
#include "stratum/kernel/boot_report.hpp"
#include "stratum/kernel/faults.hpp"
#include "stratum/kernel/health_monitor.hpp"
#include "stratum/kernel/hm_hypervisor.hpp"
#include "stratum/kernel/hm_log.hpp"
#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/ipvis.hpp"
#include "stratum/kernel/loader.hpp"
#include "stratum/kernel/memory.hpp"
#include "stratum/kernel/objects.hpp"
#include "stratum/kernel/objects/console.hpp"
#include "stratum/kernel/objects/mem.hpp"
#include "stratum/kernel/objects/status.hpp"
#include "stratum/kernel/partitions.hpp"
#include "stratum/kernel/pct.hpp"
#include "stratum/kernel/plans.hpp"
#include "stratum/kernel/ports.hpp"
#include "stratum/kernel/system.hpp"
#include "stratum/kernel/time.hpp"
#include "stratum/kernel/traces.hpp"
#include "stratum/kernel/virtual_traps.hpp"
#include "stratum/layout.hpp"

namespace stratum::kernel {

template <class BoardT, const config::System& S>
class Kernel {
 public:
  using Board = BoardT;
  static constexpr const config::System& system = S;
  using Cpu = typename Board::template Processor<S>;
  using Out = Console<Board>;

  // The services.
  using Pct = kernel::Pct<Kernel>;                      // 6.4.2 the Partition Control Table
  using Memory = PartitionMemory<Kernel>;               // 2.3 what a partition may hand over
  using Partitions = kernel::Partitions<Kernel>;        // 2.4, 5.5 partition management
  using SystemControl = kernel::SystemControl<Kernel>;  // 5.6 system management
  using Plans = kernel::Plans<Kernel>;                  // 2.8 plans and the cyclic scheduler
  using Time = kernel::Time<Kernel>;                    // 2.17, 5.12 clocks and timers
  using VirtualTraps = kernel::VirtualTraps<Kernel>;    // 2.15, 5.11 virtual traps and interrupts
  using Objects = kernel::Objects<Kernel>;              // 5.19 the object interface
  using Faults = kernel::Faults<Kernel>;                // 2.13.3 the default action, fault lines
  using HealthMonitor = kernel::HealthMonitor<Kernel>;  // 2.13 HM events -> configured actions
  using HypervisorHm = kernel::HypervisorHm<Kernel>;    // 2.13 the XMHypervisor table's events
  using HmLog = kernel::HmLog<Kernel>;                  // 2.13.4 the HM log
  using Loader = kernel::Loader<Kernel>;                // 5.5 cold reset: images copied in steps
  using Ports = kernel::Ports<Kernel>;                  // 2.12, 5.9 sampling and queuing ports
  using Ipvis = kernel::Ipvis<Kernel>;                  // 2.15.3 inter-partition virtual interrupts
  using Traces = kernel::Traces<Kernel>;                // 2.16, 5.14 traces

  // The object classes (5.19), indexed by OBJ_CLASS_*.
  static constexpr std::array<ObjectClass, object_classes> object_table() {
    std::array<ObjectClass, object_classes> t{};
    t[OBJ_CLASS_CONSOLE] = ConsoleObject<Kernel>::object_class;
    t[OBJ_CLASS_STATUS] = StatusObject<Kernel>::object_class;
    // (no port code in an image whose XML declares no port)
    if constexpr (!S.sampling_channels.empty())
      t[OBJ_CLASS_SAMPLING_PORT] = PortObject<Kernel, config::PortKind::sampling>::object_class;
    if constexpr (!S.queuing_channels.empty())
      t[OBJ_CLASS_QUEUING_PORT] = PortObject<Kernel, config::PortKind::queuing>::object_class;
    t[OBJ_CLASS_MEM] = MemObject<Kernel>::object_class;
    t[OBJ_CLASS_TRACE] = Traces::object_class;
    t[OBJ_CLASS_HM] = HmLog::object_class;  // (without a Trace anywhere: only its refusals)
    return t;
  }

#ifdef STRATUM_FAULT_INJECTION
  // stratum_inject_fault_nr (test images only, xm/hypercalls.h): the
  // hypervisor itself faults, as a bug in it would, for the tests of its
  // health monitor. 1, 2: Cpu::inject_fault's; 3: an internal error.
  // 4 (breakhm): the hypervisor executes an illegal instruction in the next
  // trap it takes while the idle context is current.
  static std::int32_t inject_fault(Caller, xm_u32_t kind) {
    if (kind == 4) {
      inject_when_idle_ = true;
      return XM_OK;
    }
    if (kind == 3) HypervisorHm::internal_error("a check failed (injected by stratum_inject_fault_nr)");
    Cpu::inject_fault(kind);
    return XM_INVALID_PARAM;
  }
  using FaultInjection = kernel::Hypercalls<Bind<stratum_inject_fault_nr, &inject_fault>>;
  static inline bool inject_when_idle_ = false;
#else
  using FaultInjection = kernel::Hypercalls<>;
#endif

  // Every hypercall (5.19, 6.2), by number.
  struct HypercallTable
      : kernel::hypercall_table<typename Partitions::Hypercalls, typename SystemControl::Hypercalls,
                                typename Time::Hypercalls, typename VirtualTraps::Hypercalls,
                                typename Objects::Hypercalls, typename Ipvis::Hypercalls,
                                typename Plans::Hypercalls, FaultInjection> {};

  // The rules of this image and board, checked where their facts live (the
  // configuration's own rules are config::verify's).
  static constexpr bool image_valid = Cpu::valid & config::configuration_error<check_pct_room(S)>::ok &
                                      Board::template valid_for<S>();

  // Everything up to the first partition: the boot report, the partitions
  // that boot loaded and started, plan 0 started, the first slot chosen.
  // `how`: at power-on, or restarting after a fault of the hypervisor itself
  // (HypervisorHm: a system reset that kept the HM log and the reset count).
  [[gnu::cold]] static void boot(Start how = Start::power_on) {
    BootReport<Board, S>::print_banner();
    BootReport<Board, S>::print_configuration();
    if (how != Start::power_on) {
      SystemControl::restarted();
      Line l;
      l << "Stratum: hypervisor restarted (" << (how == Start::cold_restart ? "cold" : "warm")
        << ") by the health monitor; " << (HmLog::recover() ? "HM log kept" : "HM log inconsistent: emptied") << '\n';
      Out::write(l);
    }
    // If the link script and the constexpr layout ever drift, stop rather
    // than run unprotected.
    if (!Cpu::image_matches()) HypervisorHm::internal_error("the image layout does not match the tables (PCT or page tables misplaced)");
    Board::timers_init();
    Cpu::start_idle();
    for (std::size_t i = 0; i < N; ++i) Pct::init(i);
    Loader::boot(how != Start::warm_restart);
    for (std::size_t i = 0; i < N; ++i) boot_partition(i, false, false);
    Cpu::start_mmu();
    Line l;
    l << "Stratum: starting plan 0 (major frame ";
    l.time_us(Plans::initial().major_frame_us) << ")\n";
    Out::write(l);
    Out::flush();
    Plans::start(Board::now_us());
    reschedule();
  }

  [[noreturn]] static void start(Start how = Start::power_on) {
    boot(how);
    Cpu::run();
  }

  // A trap of the hypervisor's own code (the start-up code's fatal entry).
  [[noreturn]] static void fatal(std::uint32_t tt, std::uint32_t pc, std::uint32_t npc, std::uint32_t psr) {
    HypervisorHm::fatal(tt, pc, npc, psr);
  }

  // Every trap that is not a register-window trap the processor handled.
  static void on_trap(std::uint32_t tt) {
    const int who = Cpu::current();
#ifdef STRATUM_FAULT_INJECTION
    if (who < 0 && inject_when_idle_) {
      inject_when_idle_ = false;
      Cpu::inject_fault(1);
    }
#endif
    const auto kind = Cpu::take_trap(tt);
    using Kind = decltype(kind);
    // Hypercalls first, and most return straight to their caller: the path
    // that must be fast.
    if (kind == Kind::hypercall && who >= 0) [[likely]] {
      if (!hypercall(static_cast<Caller>(who))) return;
    } else if (kind == Kind::asm_hypercall && who >= 0) {
      if (!asm_hypercall(static_cast<Caller>(who))) return;
    } else if (kind == Kind::interrupt) {
      SystemControl::count_irq();  // the event timer: time is looked at below
      if (Cpu::interrupt_line(tt) != Board::event_irq) [[unlikely]]
        spurious_interrupt(Cpu::interrupt_line(tt), who);
    } else if (who >= 0) {
      Faults::exception(static_cast<Caller>(who), Cpu::describe(kind, tt));
    }  // else: only the idle context runs without a partition, and it only waits
    reschedule();
  }

  // Partition i starts a new life at its entry point; the list of every
  // service's reset, one line each.
  static void restart(Caller i, std::uint32_t status, bool count) {
    Cpu::restart(i, S.partitions[i].areas[0].mapped_at, Pct::address(i));  // registers, FPU
    Pct::reset(i);                                                          // masks, pending, iFlags
    Partitions::reset(i, status, count);                                    // state, reset counter
    Time::reset(i);                                                         // timers
    VirtualTraps::reset(i);                                                 // trap table
    if (count) Traces::hypervisor_event(TRACE_MODULE_PARTITION, TRACE_EV_PART_RESET, S.partitions[i].id);
    request_reschedule();
  }

  // Partition i as at boot: started from its image (loaded again first,
  // in steps, when `load`) if it boots, halted otherwise.
  static void boot_partition(Caller i, bool load, bool count) {
    if (!Partitions::boots(i)) return halt(i);
    if (load) cold(i);
    restart(i, 0, count);
  }

  // What a cold reset of partition i adds to a restart (5.5): its image
  // copied again, in steps; its ports closed.
  static void cold(Caller i) {
    Loader::start(i);
    Ports::close(i);
  }

  // Partition i stops until a reset.
  static void halt(Caller i) {
    Partitions::set_halted(i);
    Time::disarm(i);
    Traces::hypervisor_event(TRACE_MODULE_PARTITION, TRACE_EV_PART_HALT, S.partitions[i].id);
    request_reschedule();
  }

  // A service changed what the scheduler looks at (states, timers, masks).
  static void request_reschedule() { reschedule_ = true; }

  // Ends the run with a last console line (0: clean, anything else a failure).
  [[noreturn, gnu::cold]] static void shutdown(const char* why, int code) {
    Cpu::flush_windows();
    Faults::write_all();
    HypervisorHm::write_pending();
    Out::write(why);
    Out::flush();
    Board::shutdown(code);
  }

 private:
  static constexpr std::size_t N = S.partitions.size();

  // Returns whether the scheduler must run before the caller resumes.
  static bool hypercall(Caller who) {
    const typename Cpu::Call call = Cpu::take_hypercall(who);
    // (reschedule_ is false here: every request is followed by a reschedule,
    // which clears it. An unknown number sets nothing: most are answered
    // before the kernel, by the trap path.)
    const std::int32_t r = HypercallTable::dispatch(call.number, who, call.words);
    if (!reschedule_) [[likely]] {
      Cpu::set_result(who, r);
      return false;
    }
    // Only a call that requests a reschedule can have restarted its caller,
    // whose %o0 then holds its PCT address, not a result.
    if (!Cpu::restarted(who)) Cpu::set_result(who, r);
    return true;
  }

  static bool asm_hypercall(Caller who) {
    const auto r = Cpu::asm_hypercall(who, Pct::of(who), [who](std::uint32_t addr, std::uint32_t size, bool write, std::uint32_t align) {
      return Memory::holds(who, addr, size, write, align);
    });
    using Result = decltype(r);
    if (r == Result::bad_return_frame) Faults::fault(who, "returned from a virtual trap with an invalid stack pointer");
    if (r == Result::bad_return_pc) Faults::fault(who, "returned from a virtual trap to a pc or npc outside its code");
    if (r == Result::bad_window) Faults::exception(who, Cpu::refused_window());
    return r != Result::done;
  }

  // Moves the plan to now and runs whoever it says, or nobody.
  static void reschedule() {
    const std::uint64_t now = Board::now_us();
    Plans::advance_to(now);
    if (!Partitions::any_alive()) shutdown("Stratum: every partition is halted; halting the system\n", 0);
    const int slot = Plans::slot_partition();
    int next = -1;
    bool in_slot = false;  // the slot's partition runs or waits in it: its timers count
    if (slot >= 0 && !Loader::loading(slot) && Partitions::takes_slot(static_cast<Caller>(slot))) {
      const auto i = static_cast<Caller>(slot);
      in_slot = true;
      Time::expire(i, now);
      // An idle partition is ready again when an interrupt arrives (5.17).
      if (Partitions::state(i) == PartitionState::idle && VirtualTraps::interrupt_pending(i)) Partitions::woken(i);
      if (Partitions::runnable(slot)) next = slot;
    }
    if (const int out = Cpu::current(); next != out) {
      // A window the flush cannot put on the outgoing partition's stack is
      // kept for it (Cpu::switch_to); only a refusal still pending from its
      // own time is its fault (once: a halted partition's are the same fault).
      if (Cpu::switch_to(next, [next] { Time::switched(next, Board::now_us()); }) && out >= 0 &&
          Partitions::state(static_cast<Caller>(out)) != PartitionState::halted) {
        reschedule_ = false;  // (what was asked before is being done)
        Faults::exception(static_cast<Caller>(out), Cpu::refused_window());
        // Its HM action changed what the scheduler looks at (a system reset,
        // the maintenance plan, a halt): `next` was chosen before; choose
        // again. Once: `next` has not run since, so its switch out refuses
        // no window.
        if (reschedule_) return reschedule();
      }
      if (next >= 0) Partitions::running(static_cast<Caller>(next));
    }
    HypervisorHm::running(next);  // (a hypervisor event's line charged to it)
    if (next >= 0) VirtualTraps::deliver_pending(static_cast<Caller>(next));  // (before the timers are looked at)
    std::uint64_t deadline = Plans::slot_end();
    if (in_slot) {
      deadline = Time::next_expiry(static_cast<Caller>(slot), now, deadline);
    } else if (Loader::loading(slot)) {
      Loader::step(static_cast<Caller>(slot));  // in its own slot, then at once the next step (or its start)
      deadline = now;
    }
    Board::arm_event(deadline);
    Out::drain(console_drain);  // what the hypervisor wrote goes out a little at a time
    reschedule_ = false;        // whatever was requested until here is done
  }

  // An interrupt on a line no one unmasked: XM_HM_EV_UNEXPECTED_TRAP of the
  // hypervisor's table (hm_hypervisor.hpp), while partition `who` ran (or
  // the idle context, -1).
  [[gnu::cold, gnu::noinline]] static void spurious_interrupt(std::uint32_t line, int who) {
    const xmWord_t payload[4] = {line, 0, 0, 0};
    HypervisorHm::event(XM_HM_EV_UNEXPECTED_TRAP, who, payload);
  }

  static constexpr std::uint32_t console_drain = 16;  // bytes a reschedule moves to the UART at most
  static inline bool reschedule_ = false;
};

}  // namespace stratum::kernel
