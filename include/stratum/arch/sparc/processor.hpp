// The SPARC v8 processor as the kernel sees it: one saved Context and FPU
// state per partition plus the idle context, the switch between them (its
// register windows, SRMMU context, window-spill ranges and FPU), a
// partition's fresh start, the page tables, and what a trap was.
//
// Everything that names a register, a PSR bit or an SRMMU register is here
// or below (abi.hpp, vcpu.hpp, hardware.hpp, traps.S). `Hw` is the machine:
// sparc::Hardware on a LEON3, a simulation in the host tests.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/arch/sparc/abi.hpp"
#include "stratum/arch/sparc/context.hpp"
#include "stratum/arch/sparc/iret_table.hpp"
#include "stratum/arch/sparc/page_tables.hpp"
#include "stratum/arch/sparc/vcpu.hpp"
#include "stratum/config/check.hpp"
#include "stratum/config/model.hpp"
#include "stratum/kernel/pct.hpp"
#include "stratum/layout.hpp"

extern "C" {
#include "xm/status.h"
}

namespace stratum::sparc {

// The trap path's fast XM_get_time (hypercall.S) tests the clock id against zero.
static_assert(XM_HW_CLOCK == 0);

template <class Hw, const config::System& S>
class Processor {
 public:
  using Context = sparc::Context;
  static constexpr std::size_t N = S.partitions.size();
  static constexpr ImageLayout layout = image_layout(S);
  using Tables = srmmu::PageTables<S, layout.page_tables_base, layout.pct_base>;

  // [MMU-TABLES-SIZE], checked where the tables are made.
  static constexpr bool valid =
      config::configuration_error<srmmu::check_mmu_tables_size<S, layout.page_tables_base, layout.pct_base>()>::ok;

  // The page tables, computed by the compiler; the image's main file puts
  // a copy at layout.page_tables_base. Nothing builds them at boot.
  static constexpr Tables page_tables = Tables::build();
  static_assert(!Tables::fits || srmmu::tables_aligned(page_tables.words, layout.page_tables_base,
                                                       static_cast<std::uint32_t>(N + 1)),
                "the SRMMU tables must sit on multiples of their own size");

  // Level-1 table of partition i's context, for its PCT.
  static constexpr std::uint32_t l1_address(std::size_t i) { return l1_addresses_[i]; }

  // -- start
  static void start_idle() {
    idle_ = {};
    idle_.pc = Hw::idle_pc();
    idle_.npc = idle_.pc + 4;
    idle_.o[6] = Hw::idle_stack_top() - 96;
    idle_.supervisor = PSR_PS;  // its mode after RETT (traps.S ORs it in)
    idle_.fresh = 1;
    current_ = -1;
    Hw::set_current(&idle_);
    Hw::set_stack_ranges(no_ranges_.data());
    Hw::set_user_areas(no_areas_.data());
    Hw::set_iret_table(&Iret::none);
  }
  static void start_mmu() { Hw::mmu_start(Tables::context_table_pointer()); }
  [[noreturn]] static void run() { Hw::first_return(); }

  // The PCT pages, where the image placed them (layout.pct_base).
  static kernel::PctPage* pct_pages() { return Hw::pct_pages(); }

  // Did the link script put the PCT pages and the page tables where the
  // constexpr layout says? Both are written from the same numbers.
  static bool image_matches() { return Hw::image_matches(layout.pct_base, layout.page_tables_base); }

  static std::uint32_t load_image_part(std::size_t i, std::uint32_t offset, std::uint32_t max) {
    return Hw::load_image_part(i, S.partitions[i].areas[0].start, offset, max);
  }
  // The whole image in one step (at boot, before any slot can be delayed).
  static void load_image(std::size_t i) { load_image_part(i, 0, ~std::uint32_t{0}); }
  // n bytes between physical addresses (XM_memory_copy), whatever maps them.
  static void copy_physical(std::uint32_t to, std::uint32_t from, std::uint32_t n) { Hw::copy_physical(to, from, n); }

  // -- partitions' contexts
  static Context& context(std::size_t i) { return parts_[i].ctx; }
  static int current() { return current_; }

  // Partition i starts afresh at `entry` with `pct` in %o0 (manual 5.5).
  // The FPU is enabled (PSR.EF) only for partitions with the fp flag; the
  // others take fp_disabled at their first FP instruction and never have
  // FPU state. A restarted fp partition starts with a clean FPU: zeros,
  // FSR 0 (round to nearest, no traps enabled).
  static void restart(std::size_t i, std::uint32_t entry, std::uint32_t pct) {
    PartitionCpu& p = parts_[i];
    if (static_cast<int>(i) == current_) {
      Hw::flush_windows();           // its windows die with it (kept ones with the context below):
      (void)Hw::take_window_fault();  // one its old life left on a bad stack is no fault of the new
      Hw::set_stack_ranges(stack_ranges_[i].data());  // (keeping a window emptied them: windows.h)
    }
    // Everything but the kept windows' registers, which are read only up to
    // window_count (0 now): clearing the 448 bytes would lengthen a reset.
    __builtin_memset(&p.ctx, 0, offsetof(Context, windows));
    p.ctx.pc = entry;
    p.ctx.npc = entry + 4;
    p.ctx.o[0] = pct;
    p.ctx.fresh = 1;
    if (has_fpu(i)) {
      p.ctx.psr = PSR_EF;
      p.fpu = {};
      // Still the FPU's owner: its registers hold the old run's values.
      // Running on after resetting itself it gets clean ones now; otherwise
      // the next switch to it loads them.
      if (fpu_owner_ == static_cast<int>(i)) {
        if (static_cast<int>(i) == current_) Hw::fpu_restore(&p.fpu);
        else fpu_owner_ = -1;
      }
    }
  }

  // Makes partition `next` (or the idle context, -1) the one that runs when
  // the trap returns; `flushed()` runs once the outgoing context's windows
  // are out of the register file (the kernel's accounting of who ran until
  // when). A window whose stack is not the outgoing partition's own memory
  // is no fault of it: it is kept in its context (windows.h) and goes back
  // into the register file when it next runs. Returns whether a refused
  // window was still pending for the outgoing context (a virtual trap with
  // no window left for its handler, see enter_handler): its fault,
  // described by refused_window(), never the next one's.
  template <class Flushed>
  static bool switch_to(int next, Flushed flushed) {
    if (next == current_) return false;
    // Every window of the outgoing context goes to its own stack, while its
    // MMU context and stack ranges are still in force.
    Hw::flush_windows();
    const std::uint32_t refused = Hw::take_window_fault();
    if (refused != 0) window_fault_ = refused;
    flushed();
    current_ = next;
    if (next < 0) {
      Hw::set_current(&idle_);
      Hw::set_stack_ranges(no_ranges_.data());
      Hw::set_user_areas(no_areas_.data());
      Hw::set_iret_table(&Iret::none);
      Hw::mmu_switch(0);
      return refused != 0;
    }
    const auto i = static_cast<std::size_t>(next);
    Hw::set_current(&parts_[i].ctx);
    Hw::set_stack_ranges(stack_ranges_[i].data());
    Hw::set_user_areas(user_areas_[i].data());  // (with the MMU context: the fast path's check and store agree)
    Hw::set_iret_table(&Iret::tables[i]);
    Hw::mmu_switch(Tables::context_of_partition(i));
    // The FPU changes hands only between fp partitions, and only when the
    // next one is not already its owner: the others cannot touch it.
    if (has_fpu(i) && fpu_owner_ != next) {
      if (fpu_owner_ >= 0) Hw::fpu_save(&parts_[static_cast<std::size_t>(fpu_owner_)].fpu);
      Hw::fpu_restore(&parts_[i].fpu);
      fpu_owner_ = next;
    }
    return refused != 0;
  }
  static auto refused_window() { return describe(abi::TrapKind::window_fault, tt::window_fault); }

  // Spills the current context's windows (before the system halts).
  static void flush_windows() { Hw::flush_windows(); }

  // -- traps
  // What trap `tt` is, by its type alone (a trap of the hypervisor itself).
  static constexpr abi::TrapKind classify(std::uint32_t tt) { return abi::classify(tt); }
  // A register window trap (overflow, underflow): one that reaches the
  // hypervisor's fatal path found its own stack unusable.
  static constexpr bool window_trap(std::uint32_t tt) { return tt == tt::window_overflow || tt == tt::window_underflow; }
  // The interrupt line of an interrupt trap.
  static constexpr std::uint32_t interrupt_line(std::uint32_t tt) { return tt - tt::interrupt_level_1 + 1; }
  [[noreturn]] static void restart_hypervisor(std::uint32_t how) { Hw::restart_hypervisor(how); }
  static void inject_fault(std::uint32_t kind) { Hw::inject_fault(kind); }

  // What trap `tt` was. A register window the trap path refused wins: the
  // trap path entered the kernel because of it. (traps.S already marked the
  // trapped context as not fresh.)
  static abi::TrapKind take_trap(std::uint32_t tt) {
    const std::uint32_t w = Hw::take_window_fault();
    if (w == 0) return abi::classify(tt);
    window_fault_ = w;
    return abi::TrapKind::window_fault;
  }

  // The details of a trap that is not a hypercall, for the fault path.
  struct Trap {
    abi::TrapKind kind;
    std::uint32_t tt;
    std::uint32_t address;  // window_fault: the refused stack; access faults: the fault address
    abi::AccessFault fault;
    std::uint32_t fault_status;  // raw SRMMU register, for the PCT
  };
  static Trap describe(abi::TrapKind kind, std::uint32_t tt) {
    Trap t{kind, tt, 0, abi::AccessFault::none, 0};
    if (kind == abi::TrapKind::window_fault) t.address = window_fault_ & ~1u;
    if (kind == abi::TrapKind::data_access || kind == abi::TrapKind::instruction_access) {
      t.fault_status = Hw::mmu_fault_status();
      t.address = Hw::mmu_fault_address();
      t.fault = abi::access_fault(t.fault_status);
    }
    return t;
  }

  static std::uint32_t pc(std::size_t i) { return parts_[i].ctx.pc; }
  // Partition i goes on after the instruction that trapped (the health
  // monitor's IGNORE, 2.13.2): executed again, it would trap again.
  static void skip_instruction(std::size_t i) { abi::step_over_trap(parts_[i].ctx); }

  // -- hypercalls (manual 6.2): the call of partition i, its result
  struct Call {
    std::uint32_t number;
    const std::uint32_t* words;  // abi::max_words of them
  };
  static Call take_hypercall(std::size_t i) {
    Context& c = parts_[i].ctx;
    abi::step_over_trap(c);
    return {abi::number(c), abi::words(c)};
  }
  static void set_result(std::size_t i, std::int32_t r) { abi::set_result(parts_[i].ctx, r); }
  static bool restarted(std::size_t i) { return abi::restarted(parts_[i].ctx); }

  // -- the virtual processor (manual 2.15, 5.13)
  static constexpr std::uint32_t trap_table_bytes = vcpu::trap_table_bytes;
  static constexpr std::uint32_t trap_table_align = vcpu::trap_table_align;
  static bool interrupts_open(const partitionControlTable_t& t) { return vcpu::interrupts_open(t); }
  static bool traps_enabled(const partitionControlTable_t& t) { return vcpu::traps_enabled(t); }

  // Partition i (the current one) resumes in its handler at `handler`, in
  // the window below the partition's (traps.S zeroes it and those below).
  // With no window kept in the context the windows stay where they are:
  // the partition has at most NWINDOWS - 2 live windows besides any the
  // kernel keeps later (one of all NWINDOWS - 1 left at the trap, to its
  // stack or kept), so there is room. With some kept, they are all flushed
  // first and go back into the register file with the handler's below
  // them; all NWINDOWS - 1 of them leave no room for it: the partition's
  // fault (every window live over a bad stack).
  static void enter_handler(std::size_t i, partitionControlTable_t& t, std::uint32_t handler) {
    Context& c = parts_[i].ctx;
    if (c.window_count != 0) {
      Hw::flush_windows();
      if (c.window_count >= NWINDOWS - 1) Hw::record_window_fault(c.window_sp);
    }
    vcpu::enter_handler(c, t, handler);
  }

  // An assembly hypercall of partition i (the current one); `holds(addr,
  // bytes, write, align)` says whether that is the partition's own memory
  // (writable when `write`). XM_sparc_flush_regwin and XM_sparc_iret ask
  // for the windows on the stack, in the partition's own time: a window
  // its stack refused (kept in the context instead, windows.h) is its
  // fault, bad_window, described by refused_window(); XM_sparc_iret would
  // otherwise read a frame that is not there.
  template <class Holds>
  static vcpu::Result asm_hypercall(std::size_t i, partitionControlTable_t& t, Holds holds) {
    Context& c = parts_[i].ctx;
    bool kept = false;
    const vcpu::Result r = vcpu::asm_hypercall(
        c, t,
        [&] {
          Hw::flush_windows();
          kept = c.window_count != 0;
        },
        [&](std::uint32_t sp, std::uint32_t* w) {
          if (kept || !holds(sp, vcpu::window_bytes, true, vcpu::window_align)) return false;
          Hw::read_user(w, sp, vcpu::window_bytes);
          return true;
        },
        [&](std::uint32_t pc) { return holds(pc, 4, false, 4); });
    if (!kept) return r;
    window_fault_ = c.window_sp | 1;
    return vcpu::Result::bad_window;
  }

  // -- the current partition's memory, as it sees it
  static void read_user(void* to, std::uint32_t from, std::size_t n) { Hw::read_user(to, from, n); }
  static void write_user(std::uint32_t to, const void* from, std::size_t n) { Hw::write_user(to, from, n); }
  template <class T>
  static void store_user(std::uint32_t to, T v) {
    Hw::store_user(to, v);
  }

  static bool has_fpu(std::size_t i) { return (S.partitions[i].flags & config::partition_flag::fp) != 0; }

 private:
  struct PartitionCpu {
    Context ctx;
    FpuContext fpu;  // its FPU state while another fp partition owns the FPU
  };

  static constexpr auto l1_addresses_ = [] {
    std::array<std::uint32_t, N> a{};
    // Tables that do not fit are MMU-TABLES-SIZE's error: read nothing then.
    if constexpr (Tables::fits)
      for (std::size_t i = 0; i < N; ++i) a[i] = page_tables.l1_address(Tables::context_of_partition(i));
    return a;
  }();

  static constexpr std::size_t max_areas = [] {
    std::size_t m = 0;
    for (const config::Partition& p : S.partitions) m = p.areas.size() > m ? p.areas.size() : m;
    return m;
  }();

  // The areas a partition may write, as it sees them (the two tables below).
  static constexpr bool writable(const config::MemoryArea& a) {
    return (a.flags & (config::area_flag::unmapped | config::area_flag::read_only)) == 0;
  }

  // Where each partition's register windows may be spilled: its writable,
  // mapped areas, as the partition sees them. A list ends with {0, 0}.
  static constexpr auto stack_ranges_ = [] {
    std::array<std::array<StackRange, max_areas + 1>, N> r{};
    for (std::size_t i = 0; i < N; ++i) {
      std::size_t k = 0;
      for (const config::MemoryArea& a : S.partitions[i].areas) {
        if (!writable(a) || a.size < 64) continue;
        r[i][k++] = {a.mapped_at, a.mapped_at + a.size - 64};
      }
    }
    return r;
  }();
  static constexpr std::array<StackRange, 1> no_ranges_{};

  // Where the trap path's fast XM_get_time (hypercall.S) may store the 8 bytes
  // of the time for each partition (context.hpp, UserArea): exactly the
  // areas Memory::holds(i, addr, 8, write) accepts — mapped, not read-only,
  // as the partition sees them — so both paths answer alike. Not
  // stratum_stack_ranges: that list is emptied while windows are kept.
  // Left out (the general path decides): areas of 8 bytes or less, and any
  // that would wrap past 4 GB (span's unsigned compare relies on neither).
  static constexpr auto user_areas_ = [] {
    std::array<std::array<UserArea, max_areas + 1>, N> r{};
    for (std::size_t i = 0; i < N; ++i) {
      std::size_t k = 0;
      for (const config::MemoryArea& a : S.partitions[i].areas) {
        if (!writable(a) || a.size <= 8 || std::uint64_t{a.mapped_at} + a.size > 0x1'0000'0000ull) continue;
        r[i][k++] = {a.mapped_at, a.size - 8};
      }
    }
    return r;
  }();
  static constexpr std::array<UserArea, 1> no_areas_{};

 public:
  // The fast XM_sparc_iret's tables (iret_table.hpp), one per partition.
  using Iret = IretTables<S, layout.pct_base>;
  using IretTable = typename Iret::Table;

  // Partition i's lists, for the host tests.
  static constexpr const UserArea* user_areas(std::size_t i) { return user_areas_[i].data(); }
  static constexpr const IretTable& iret_table(std::size_t i) { return Iret::tables[i]; }

 private:

  static inline PartitionCpu parts_[N]{};
  static inline Context idle_{};
  static inline int current_ = -1;
  static inline int fpu_owner_ = -1;  // whose state the FPU registers hold
  static inline std::uint32_t window_fault_ = 0;  // of the trap being handled
};

}  // namespace stratum::sparc
