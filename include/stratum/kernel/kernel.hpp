// The hypervisor's run-time core on SPARC: partitions in user mode, each in
// its own SRMMU context, the cyclic plan driven by a one-shot timer, the
// hypercalls of the manual, virtual traps, and the Partition Control Table.
//
// One instance per image (everything is static): the trap path in traps.S
// saves the interrupted context and calls stratum_trap(), which lands in
// Kernel::on_trap(); whatever stratum_current_context names when it returns
// is what runs next.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/arch/sparc/context.hpp"
#include "stratum/arch/sparc/cpu.hpp"
#include "stratum/arch/sparc/page_tables.hpp"
#include "stratum/config/check.hpp"
#include "stratum/config/model.hpp"
#include "stratum/console.hpp"
#include "stratum/kernel/partition.hpp"
#include "stratum/kernel/scheduler.hpp"
#include "stratum/layout.hpp"
#include "stratum/version.hpp"

extern "C" {
#include "xm/guest.h"
#include "xm/hypercalls.h"
#include "xm/objects.h"
#include "xm/status.h"
}

// Partition images, packed into the hypervisor image by the build
// (boards/leon3-qemu/mkcontainer.py), in partition-id order.
struct StratumContainerEntry {
  const unsigned char* start;
  const unsigned char* end;
};
extern "C" const StratumContainerEntry stratum_container[];
extern "C" char __idle_stack_top[];

namespace stratum::kernel {
struct alignas(4096) PctPage {
  partitionControlTable_t t;
};
static_assert(sizeof(PctPage) == 4096, "the PCT must fit one page");
}  // namespace stratum::kernel

// Defined by the image's main file, in the sections the link script places
// at the addresses of stratum::image_layout().
extern "C" stratum::kernel::PctPage stratum_pct_pages[];
extern "C" const char __stratum_page_tables[];  // start of that section (link script)

#ifndef STRATUM_RUN_MAJOR_FRAMES
// Test and benchmark builds end the run after this many major frames; 0
// (the default) runs for ever.
#define STRATUM_RUN_MAJOR_FRAMES 0
#endif

namespace stratum::kernel {

template <class Board, const config::System& S>
class Kernel {
  using C = Console<Board>;
  static constexpr std::size_t N = S.partitions.size();
  static constexpr ImageLayout layout = image_layout(S);
  static constexpr std::uint64_t run_major_frames = STRATUM_RUN_MAJOR_FRAMES;

  // [PCT-ROOM] one PCT page per partition in the room the image keeps.
  static constexpr config::Diagnostic partition_count_fits() {
    config::Diagnostic d;
    if (N > max_partitions) {
      d << "[PCT-ROOM] system '" << S.name << "' has ";
      d.dec(N) << " partitions; this image layout has room for ";
      d.dec(max_partitions);
    }
    return d;
  }

 public:
  using Tables = sparc::srmmu::PageTables<S, layout.page_tables_base, layout.pct_base>;

  // The rules of this image and board, checked where the tables are made
  // (the configuration's own rules, MMU ones included, are config::verify).
  static constexpr bool image_valid =
      config::configuration_error<sparc::srmmu::check_mmu_tables_size<S, layout.page_tables_base, layout.pct_base>()>::ok &
      config::configuration_error<partition_count_fits()>::ok & Board::template valid_for<S>();

  // The page tables, computed by the compiler; the image's main file puts
  // a copy (stratum_page_tables) at layout.page_tables_base. Nothing builds
  // them at boot.
  static constexpr Tables page_tables = Tables::build();
  static_assert(!Tables::fits || sparc::srmmu::tables_aligned(page_tables.words, layout.page_tables_base,
                                                              static_cast<std::uint32_t>(N + 1)),
                "the SRMMU tables must sit on multiples of their own size");

  [[noreturn]] static void start() {
    check_layout();
    Board::timers_init();
    for (std::size_t i = 0; i < N; ++i) init_partition(i);
    idle_.pc = reinterpret_cast<std::uint32_t>(&stratum_idle_loop);
    idle_.npc = idle_.pc + 4;
    idle_.o[6] = reinterpret_cast<std::uint32_t>(__idle_stack_top) - 96;
    idle_.supervisor = 1;
    idle_.fresh = 1;
    stratum_current_context = &idle_;
    stratum_stack_ranges = no_ranges_.data();

    const bool boot_all = [] {
      for (const config::Partition& p : S.partitions)
        if (p.flags & config::partition_flag::boot) return false;
      return true;  // no partition says `boot`: XtratuM 3's behaviour, boot them all
    }();
    for (std::size_t i = 0; i < N; ++i) {
      if (boot_all || (S.partitions[i].flags & config::partition_flag::boot)) {
        load_image(i);
        restart(i, 0, false);
      } else {
        parts_[i].state = PartitionState::halted;
      }
    }

    sparc::mmu_write(sparc::mmu_reg::context_table, page_tables.context_table_pointer());
    sparc::mmu_set_context(0);
    (void)sparc::mmu_read(sparc::mmu_reg::fault_status);
    sparc::mmu_enable(true);

    Line l;
    l << "Stratum: starting plan 0 (major frame ";
    l.time_us(plan0().major_frame_us) << ")\n";
    C::write(l);
    sched_.start(plan0(), Board::now_us());
    on_slot_start();
    reschedule();
    stratum_first_return();
  }

  // Every trap that is not a register-window trap: `tt` is the SPARC trap
  // type, or sparc::tt::window_fault.
  static void on_trap(std::uint32_t tt) {
    const int who = current_;
    if (who >= 0) parts_[who].ctx.fresh = 0;
    if (stratum_window_fault != 0) {
      const std::uint32_t where = stratum_window_fault & ~1u;
      stratum_window_fault = 0;
      if (who >= 0) {
        Line l;
        l << "register window at stack address ";
        l.hex(where) << " is outside its memory";
        fault(who, l.c_str());
      }
    } else if (tt == sparc::tt::hypercall && who >= 0) {
      // Most hypercalls change nothing the scheduler looks at: they return
      // straight to the caller (a due timer interrupt is taken right after).
      if (!hypercall(who)) return;
    } else if (tt == sparc::tt::asm_hypercall && who >= 0) {
      if (!asm_hypercall(who)) return;
    } else if (tt >= sparc::tt::interrupt_level_1 && tt <= sparc::tt::interrupt_level_15) {
      ++system_irqs_;  // the event timer: time is looked at below
    } else if (who >= 0) {
      exception(who, tt);
    }
    reschedule();
  }

 private:
  // ---------------------------------------------------------------- layout
  static void check_layout() {
    // The linker script and the constexpr layout are written from the same
    // numbers; if they ever drift, stop here rather than run unprotected.
    if (reinterpret_cast<std::uint32_t>(&pct_pages_[0].t) != layout.pct_base
        || reinterpret_cast<std::uint32_t>(__stratum_page_tables) != layout.page_tables_base) {
      C::write("Stratum: the image layout does not match the tables (PCT or page tables misplaced)\n");
      Board::shutdown(1);
    }
  }

  // Level-1 table of each partition's context, for its PCT (taken from the
  // tables at compile time, so the tables themselves are not copied here).
  static constexpr auto l1_addresses_ = [] {
    std::array<std::uint32_t, N> a{};
    // Tables that do not fit are MMU-TABLES-SIZE's error: read nothing then.
    if constexpr (Tables::fits)
      for (std::size_t i = 0; i < N; ++i) a[i] = page_tables.l1_address(Tables::context_of_partition(i));
    return a;
  }();

  static const config::Plan& plan0() {
    for (const config::Plan& p : S.processors[0].plans)
      if (p.id == 0) return p;
    return S.processors[0].plans[0];
  }

  // -------------------------------------------------------- stack ranges
  static constexpr std::size_t max_areas = [] {
    std::size_t m = 0;
    for (const config::Partition& p : S.partitions) m = p.areas.size() > m ? p.areas.size() : m;
    return m;
  }();

  // Where each partition's register windows may be spilled: its writable,
  // mapped areas, as the partition sees them.
  static constexpr auto stack_ranges_ = [] {
    std::array<std::array<sparc::StackRange, max_areas + 1>, N> r{};
    for (std::size_t i = 0; i < N; ++i) {
      std::size_t k = 0;
      for (const config::MemoryArea& a : S.partitions[i].areas) {
        if (a.flags & (config::area_flag::unmapped | config::area_flag::read_only)) continue;
        if (a.size < 64) continue;
        r[i][k++] = {a.mapped_at, a.mapped_at + a.size - 64};
      }
    }
    return r;
  }();
  static constexpr std::array<sparc::StackRange, 1> no_ranges_{};

  // ------------------------------------------------------------ partitions
  static config::Partition const& cfg(std::size_t i) { return S.partitions[i]; }

  static void init_partition(std::size_t i) {
    partitionControlTable_t& t = pct_pages_[i].t;
    auto* raw = reinterpret_cast<volatile std::uint32_t*>(&t);
    for (std::size_t w = 0; w < sizeof(t) / 4; ++w) raw[w] = 0;
    t.magic = XM_PCT_MAGIC;
    t.xmVersion = 0x00010000u;
    t.xmAbiVersion = XM_ABI_VERSION;
    t.xmApiVersion = XM_API_VERSION;
    t.partCtrlTabSize = sizeof(t);
    t.cpuKhz = S.processors[0].frequency_khz;
    t.id = cfg(i).id;
    t.noVCpus = 1;
    t.flags = cfg(i).flags;
    t.noPhysicalMemAreas = static_cast<xm_s32_t>(cfg(i).areas.size());
    for (std::size_t c = 0; c + 1 < CONFIG_ID_STRING_LENGTH && cfg(i).name[c]; ++c)
      t.name[c] = static_cast<xm_u8_t>(cfg(i).name[c]);
    t.arch.ptdL1 = l1_addresses_[i];
    for (std::size_t v = 0; v < NO_TRAPS; ++v) t.trap2Vector[v] = static_cast<xm_u16_t>(v);
    for (std::size_t v = 0; v < CONFIG_NO_HWIRQS; ++v)
      t.hwIrq2Vector[v] = static_cast<xm_u16_t>(XM_VT_HW_BASE_VECTOR + v);
    for (std::size_t v = 0; v < XM_VT_EXT_MAX; ++v)
      t.extIrq2Vector[v] = static_cast<xm_u16_t>(XM_VT_EXT_BASE_VECTOR + v);
    std::size_t k = 0;
    for (const config::MemoryArea& a : cfg(i).areas) {
      if (k == CONFIG_MAX_MEM_AREAS) break;
      t.physicalMemMap[k++] = {a.start, a.mapped_at, a.size, a.flags};
    }
  }

  // Copies the partition's image from the container to its first area.
  // Physical addresses: done with the MMU off (the hypervisor is identity
  // mapped, so its own code does not notice) and the windows flushed, so
  // no window of anybody is spilled through the wrong translation meanwhile.
  static void load_image(std::size_t i) {
    const bool was_on = sparc::mmu_enabled();
    if (was_on) {
      stratum_flush_windows();
      sparc::mmu_enable(false);
    }
    const StratumContainerEntry& e = stratum_container[i];
    auto* dst = reinterpret_cast<unsigned char*>(cfg(i).areas[0].start);
    for (const unsigned char* p = e.start; p < e.end; ++p) *dst++ = *p;
    if (was_on) sparc::mmu_enable(true);
  }

  // (Re)starts partition i at its entry point (manual 5.5): a fresh context,
  // all virtual interrupts masked, its PCT address in %o0.
  // The fp flag: the partition may use the FPU (PSR.EF), and its FPU state
  // is kept across switches.
  static bool has_fpu(std::size_t i) { return (cfg(i).flags & config::partition_flag::fp) != 0; }

  static void restart(std::size_t i, std::uint32_t status, bool count) {
    PartitionRuntime& p = parts_[i];
    if (static_cast<int>(i) == current_) stratum_flush_windows();  // its windows die with it
    p.ctx = {};
    p.ctx.pc = cfg(i).areas[0].mapped_at;
    p.ctx.npc = p.ctx.pc + 4;
    p.ctx.o[0] = reinterpret_cast<std::uint32_t>(&pct_pages_[i].t);
    p.ctx.fresh = 1;
    // The FPU is enabled (PSR.EF) only for partitions with the fp flag; the
    // others take fp_disabled on their first FP instruction and never have
    // FPU state. A restarted fp partition starts with a clean FPU: zeros,
    // FSR 0 (round to nearest, no traps enabled).
    if (has_fpu(i)) {
      p.ctx.psr = PSR_EF;
      p.fpu = {};
      // Still the FPU's owner: its registers hold the old run's values.
      // Running on after resetting itself it gets clean ones now; otherwise
      // the next switch to it loads them.
      if (fpu_owner_ == static_cast<int>(i)) {
        if (static_cast<int>(i) == current_) stratum_fpu_restore(&p.fpu);
        else fpu_owner_ = -1;
      }
    }
    p.state = PartitionState::boot;  // normal once it first runs
    if (count) ++p.reset_counter;
    p.reset_status = status;
    p.hw_timer_at = p.exec_timer_at = 0;
    p.vtbr = 0;
    partitionControlTable_t& t = pct_pages_[i].t;
    t.resetCounter = p.reset_counter;
    t.resetStatus = status;
    t.iFlags = 0;
    t.hwIrqsPend = t.extIrqsPend = 0;
    t.hwIrqsMask = t.extIrqsMask = 0xffffffffu;
    t.arch.tbr = 0;
  }

  static std::uint64_t exec_clock(std::size_t i) {
    const PartitionRuntime& p = parts_[i];
    std::uint64_t t = p.exec_clock_us;
    if (static_cast<int>(i) == current_) t += Board::now_us() - p.running_since;
    return t;
  }

  static bool runnable(int i) {
    return i >= 0 && (parts_[i].state == PartitionState::normal || parts_[i].state == PartitionState::boot);
  }

  // -------------------------------------------------------- context switch
  static sparc::Context& ctx_of(int i) { return i < 0 ? idle_ : parts_[i].ctx; }

  static void switch_to(int next) {
    if (next == current_) return;
    // Every window of the outgoing context goes to its own stack, while its
    // MMU context and stack ranges are still in force.
    stratum_flush_windows();
    const std::uint64_t now = Board::now_us();
    if (current_ >= 0) parts_[current_].exec_clock_us += now - parts_[current_].running_since;
    current_ = next;
    stratum_current_context = &ctx_of(next);
    if (next >= 0) {
      parts_[next].running_since = now;
      if (parts_[next].state == PartitionState::boot) parts_[next].state = PartitionState::normal;
      stratum_stack_ranges = stack_ranges_[next].data();
      sparc::mmu_set_context(Tables::context_of_partition(static_cast<std::size_t>(next)));
      // The FPU changes hands only between fp partitions, and only when the
      // next one is not already its owner: the others cannot touch it.
      if (has_fpu(static_cast<std::size_t>(next)) && fpu_owner_ != next) {
        if (fpu_owner_ >= 0) stratum_fpu_save(&parts_[fpu_owner_].fpu);
        stratum_fpu_restore(&parts_[next].fpu);
        fpu_owner_ = next;
      }
    } else {
      stratum_stack_ranges = no_ranges_.data();
      sparc::mmu_set_context(0);
    }
  }

  // -------------------------------------------------------------- schedule
  static void on_slot_start() {
    const CyclicScheduler::Interval& iv = sched_.current();
    if (iv.slot < 0) return;
    const config::Slot& s = sched_.plan().slots[static_cast<std::size_t>(iv.slot)];
    const int i = index_of(s.partition_id);
    if (i < 0) return;
    PartitionRuntime& p = parts_[i];
    if (p.state == PartitionState::idle) p.state = PartitionState::normal;
    partitionControlTable_t& t = pct_pages_[i].t;
    t.schedInfo.noSlot = static_cast<xm_u32_t>(iv.slot);
    t.schedInfo.id = s.id;
    t.schedInfo.slotDuration = s.duration_us;
    t.schedInfo.planId = sched_.plan().id;
    t.schedInfo.slotStart = static_cast<xmTime_t>(iv.start);
    raise_ext(static_cast<std::size_t>(i), XM_VT_EXT_CYCLIC_SLOT_START);
  }

  static void on_major_frame() {
    if (run_major_frames != 0 && sched_.major_frames() >= run_major_frames) {
      stratum_flush_windows();
      Line l;
      l << "Stratum: ";
      l.dec(sched_.major_frames()) << " major frames completed; halting the system\n";
      C::write(l);
      Board::shutdown(0);
    }
  }

  static void reschedule() {
    const std::uint64_t now = Board::now_us();
    while (now >= sched_.current().end) {
      const std::uint64_t frames = sched_.major_frames();
      sched_.advance();
      if (sched_.major_frames() != frames) on_major_frame();
      on_slot_start();
    }
    bool any_alive = false;
    for (std::size_t i = 0; i < N; ++i) any_alive |= parts_[i].state != PartitionState::halted;
    if (!any_alive) {
      stratum_flush_windows();
      C::write("Stratum: every partition is halted; halting the system\n");
      Board::shutdown(0);
    }
    const CyclicScheduler::Interval& iv = sched_.current();
    int next = -1;
    if (iv.slot >= 0) next = index_of(sched_.plan().slots[static_cast<std::size_t>(iv.slot)].partition_id);
    if (!runnable(next)) next = -1;
    switch_to(next);

    std::uint64_t deadline = iv.end;
    if (current_ >= 0) {
      check_timers(static_cast<std::size_t>(current_), now);
      const PartitionRuntime& p = parts_[current_];
      if (p.hw_timer_at > 0 && static_cast<std::uint64_t>(p.hw_timer_at) < deadline)
        deadline = static_cast<std::uint64_t>(p.hw_timer_at);
      if (p.exec_timer_at > 0) {
        const std::uint64_t ec = exec_clock(static_cast<std::size_t>(current_));
        const std::uint64_t at = now + (static_cast<std::uint64_t>(p.exec_timer_at) > ec
                                            ? static_cast<std::uint64_t>(p.exec_timer_at) - ec
                                            : 0);
        if (at < deadline) deadline = at;
      }
      deliver_pending(static_cast<std::size_t>(current_));
    }
    Board::arm_event(deadline);
  }

  static void check_timers(std::size_t i, std::uint64_t now) {
    PartitionRuntime& p = parts_[i];
    // Expiries missed while the partition was not running make one
    // interrupt, and a periodic timer goes on from its next future expiry.
    const auto expire = [](std::int64_t& at, std::int64_t interval, std::uint64_t t) {
      if (at <= 0 || static_cast<std::uint64_t>(at) > t) return false;
      if (interval <= 0) {
        at = 0;
      } else {
        while (static_cast<std::uint64_t>(at) <= t) at += interval;
      }
      return true;
    };
    if (expire(p.hw_timer_at, p.hw_timer_interval, now)) raise_ext(i, XM_VT_EXT_HW_TIMER);
    if (expire(p.exec_timer_at, p.exec_timer_interval, exec_clock(i))) raise_ext(i, XM_VT_EXT_EXEC_TIMER);
  }

  // ------------------------------------------------------- virtual traps
  static void raise_ext(std::size_t i, std::uint32_t irq) {
    pct_pages_[i].t.extIrqsPend |= 1u << (irq - XM_VT_EXT_FIRST);
  }

  static bool virtual_traps_open(std::size_t i) {
    const partitionControlTable_t& t = pct_pages_[i].t;
    return parts_[i].vtbr != 0 && (t.iFlags & XM_IFLAGS_ET) != 0;
  }

  // Makes partition i (the current one) resume in its handler for `vector`.
  static void deliver(std::size_t i, std::uint32_t vector) {
    PartitionRuntime& p = parts_[i];
    partitionControlTable_t& t = pct_pages_[i].t;
    stratum_flush_windows();  // the handler gets the window below the partition's
    p.ctx.vtrap_pc = p.vtbr + vector * 16;
    p.ctx.vtrap_l0 = (p.ctx.psr & PSR_ICC) | (t.iFlags & (XM_IFLAGS_ET | XM_IFLAGS_PIL_MASK));
    t.iFlags &= ~XM_IFLAGS_ET;  // no nesting until the handler's iret
    ++p.virqs;
  }

  static void deliver_pending(std::size_t i) {
    partitionControlTable_t& t = pct_pages_[i].t;
    if (!virtual_traps_open(i) || (t.iFlags & XM_IFLAGS_PIL_MASK) == XM_IFLAGS_PIL_MASK) return;
    const std::uint32_t ext = t.extIrqsPend & ~t.extIrqsMask;
    if (ext == 0) return;
    std::uint32_t n = 0;
    while ((ext & (1u << n)) == 0) ++n;
    t.extIrqsPend &= ~(1u << n);
    deliver(i, t.extIrq2Vector[n]);
  }

  // ------------------------------------------------------------ faults
  // Stands in for the health monitor until it exists: the partition is
  // halted and the console says what it tried.
  static void fault(int i, const char* what) {
    Line l;
    l << "Stratum: partition " ;
    l.dec(cfg(static_cast<std::size_t>(i)).id) << " '" << cfg(static_cast<std::size_t>(i)).name << "' " << what
      << ": partition halted\n";
    C::write(l);
    halt(static_cast<std::size_t>(i));
  }

  static void halt(std::size_t i) {
    parts_[i].state = PartitionState::halted;
    parts_[i].hw_timer_at = parts_[i].exec_timer_at = 0;
  }

  static void exception(int i, std::uint32_t tt) {
    sparc::Context& c = parts_[i].ctx;
    Line l;
    if (tt == sparc::tt::data_access_exception || tt == sparc::tt::instruction_access_exception) {
      const std::uint32_t fsr = sparc::mmu_read(sparc::mmu_reg::fault_status);
      const std::uint32_t far = sparc::mmu_read(sparc::mmu_reg::fault_address);
      const std::uint32_t ft = (fsr >> 2) & 7;
      pct_pages_[i].t.arch.faultStatusReg = fsr;
      pct_pages_[i].t.arch.faultAddressReg = far;
      l << (tt == sparc::tt::data_access_exception ? "accessed " : "fetched an instruction at ");
      l.hex(far) << (ft == 1 ? " (not mapped)" : ft == 2 ? " (protection)" : ft == 3 ? " (privilege)" : "")
                 << " at pc ";
      l.hex(c.pc);
      fault(i, l.c_str());
      return;
    }
    if (tt == sparc::tt::fp_disabled && !has_fpu(static_cast<std::size_t>(i))) {
      l << "used the FPU at pc ";
      l.hex(c.pc) << " without the fp flag";
      fault(i, l.c_str());
      return;
    }
    if (tt == sparc::tt::privileged_instruction) {
      l << "executed a privileged instruction at pc ";
      l.hex(c.pc);
      fault(i, l.c_str());
      return;
    }
    // Anything else is the partition's own business when it has a trap
    // table to take it (manual 5.11.3); otherwise it cannot go on.
    if (virtual_traps_open(static_cast<std::size_t>(i))) {
      deliver(static_cast<std::size_t>(i), pct_pages_[i].t.trap2Vector[tt & 0xff]);
      return;
    }
    l << "took trap ";
    l.hex(tt) << " at pc ";
    l.hex(c.pc) << " with no virtual trap table to deliver it to";
    fault(i, l.c_str());
  }

  // ------------------------------------------------------------ hypercalls
  // Is [addr, addr+size) inside one of partition i's mapped areas (writable
  // ones when `write`), and aligned to `align`? Every pointer a partition
  // passes is checked with this before the kernel touches it.
  static bool user_ok(std::size_t i, std::uint32_t addr, std::uint32_t size, bool write, std::uint32_t align) {
    if (align > 1 && (addr & (align - 1)) != 0) return false;
    for (const config::MemoryArea& a : cfg(i).areas) {
      if (a.flags & config::area_flag::unmapped) continue;
      if (write && (a.flags & config::area_flag::read_only)) continue;
      if (addr >= a.mapped_at && std::uint64_t{addr} - a.mapped_at + size <= a.size) return true;
    }
    return false;
  }

  static int index_of(std::uint32_t id) {
    for (std::size_t i = 0; i < N; ++i)
      if (cfg(i).id == id) return static_cast<int>(i);
    return -1;
  }

  static bool is_system(std::size_t i) { return (cfg(i).flags & config::partition_flag::system) != 0; }

  // The target of a partition service: itself (XM_PARTITION_SELF or its own
  // id) or, for system partitions only, any partition (manual table 2.2).
  static int target(std::size_t caller, std::uint32_t id, std::int32_t& err) {
    if (id == static_cast<std::uint32_t>(XM_PARTITION_SELF) || id == cfg(caller).id) return static_cast<int>(caller);
    const int t = index_of(id);
    if (t < 0) {
      err = XM_INVALID_PARAM;
      return -1;
    }
    if (!is_system(caller)) {
      err = XM_PERM_ERROR;
      return -1;
    }
    return t;
  }

  using Handler = std::int32_t (*)(std::size_t caller, sparc::Context& c);

  static std::int32_t hc_unknown(std::size_t, sparc::Context&) { return XM_UNKNOWN_HYPERCALL; }

  static std::int32_t hc_halt_partition(std::size_t caller, sparc::Context& c) {
    std::int32_t err = XM_OK;
    const int t = target(caller, c.o[1], err);
    if (t < 0) return err;
    if (parts_[t].state == PartitionState::halted) return XM_NO_ACTION;
    if (t == static_cast<int>(caller)) {
      Line l;
      l << "Stratum: partition ";
      l.dec(cfg(caller).id) << " '" << cfg(caller).name << "' halted itself\n";
      C::write(l);
    }
    halt(static_cast<std::size_t>(t));
    return XM_OK;
  }

  static std::int32_t hc_suspend_partition(std::size_t caller, sparc::Context& c) {
    std::int32_t err = XM_OK;
    const int t = target(caller, c.o[1], err);
    if (t < 0) return err;
    PartitionState& st = parts_[t].state;
    if (st == PartitionState::halted) return XM_INVALID_MODE;
    if (st == PartitionState::suspended) return XM_NO_ACTION;
    st = PartitionState::suspended;
    return XM_OK;
  }

  static std::int32_t hc_resume_partition(std::size_t caller, sparc::Context& c) {
    std::int32_t err = XM_OK;
    const int t = target(caller, c.o[1], err);
    if (t < 0) return err;
    PartitionState& st = parts_[t].state;
    if (st != PartitionState::suspended) return XM_NO_ACTION;
    st = PartitionState::normal;
    return XM_OK;
  }

  static std::int32_t hc_reset_partition(std::size_t caller, sparc::Context& c) {
    std::int32_t err = XM_OK;
    const int t = target(caller, c.o[1], err);
    if (t < 0) return err;
    const std::uint32_t mode = c.o[2];
    if (mode != XM_COLD_RESET && mode != XM_WARM_RESET) return XM_INVALID_PARAM;
    if (mode == XM_COLD_RESET) load_image(static_cast<std::size_t>(t));
    restart(static_cast<std::size_t>(t), c.o[3], true);
    return XM_OK;
  }

  static std::int32_t hc_shutdown_partition(std::size_t caller, sparc::Context& c) {
    std::int32_t err = XM_OK;
    const int t = target(caller, c.o[1], err);
    if (t < 0) return err;
    if (parts_[t].state == PartitionState::halted) return XM_INVALID_MODE;
    raise_ext(static_cast<std::size_t>(t), XM_VT_EXT_SHUTDOWN);
    return XM_OK;
  }

  static std::int32_t hc_halt_system(std::size_t caller, sparc::Context&) {
    if (!is_system(caller)) return XM_PERM_ERROR;
    stratum_flush_windows();
    Line l;
    l << "Stratum: system halted by partition ";
    l.dec(cfg(caller).id) << " '" << cfg(caller).name << "'\n";
    C::write(l);
    Board::shutdown(0);
  }

  static std::int32_t hc_reset_system(std::size_t caller, sparc::Context& c) {
    if (!is_system(caller)) return XM_PERM_ERROR;
    const std::uint32_t mode = c.o[1];
    if (mode != XM_COLD_RESET && mode != XM_WARM_RESET) return XM_INVALID_PARAM;
    ++system_resets_;
    Line l;
    l << "Stratum: system " << (mode == XM_COLD_RESET ? "cold" : "warm") << " reset by partition ";
    l.dec(cfg(caller).id) << " '" << cfg(caller).name << "'\n";
    C::write(l);
    for (std::size_t i = 0; i < N; ++i) {
      if (mode == XM_COLD_RESET) load_image(i);
      restart(i, 0, true);
    }
    sched_.start(plan0(), Board::now_us());
    on_slot_start();
    return XM_OK;
  }

  static std::int32_t hc_idle_self(std::size_t caller, sparc::Context&) {
    parts_[caller].state = PartitionState::idle;
    return XM_OK;
  }

  static std::int32_t hc_get_time(std::size_t caller, sparc::Context& c) {
    const std::uint32_t clock = c.o[1], ptr = c.o[2];
    if (!user_ok(caller, ptr, sizeof(xmTime_t), true, 8)) return XM_INVALID_PARAM;
    std::uint64_t t;
    if (clock == XM_HW_CLOCK)
      t = Board::now_us();
    else if (clock == XM_EXEC_CLOCK)
      t = exec_clock(caller);
    else
      return XM_INVALID_PARAM;
    *reinterpret_cast<volatile xmTime_t*>(ptr) = static_cast<xmTime_t>(t);
    return XM_OK;
  }

  static std::int64_t join(std::uint32_t hi, std::uint32_t lo) {
    return static_cast<std::int64_t>((std::uint64_t{hi} << 32) | lo);
  }

  static std::int32_t hc_set_timer(std::size_t caller, sparc::Context& c) {
    const std::uint32_t clock = c.o[1];
    const std::int64_t at = join(c.o[2], c.o[3]), interval = join(c.o[4], c.o[5]);
    if (at < 0 || interval < 0) return XM_INVALID_PARAM;
    PartitionRuntime& p = parts_[caller];
    if (clock == XM_HW_CLOCK) {
      p.hw_timer_at = at;
      p.hw_timer_interval = interval;
    } else if (clock == XM_EXEC_CLOCK) {
      p.exec_timer_at = at;
      p.exec_timer_interval = interval;
    } else {
      return XM_INVALID_PARAM;
    }
    return XM_OK;
  }

  static std::int32_t hc_write_object(std::size_t caller, sparc::Context& c) {
    const std::uint32_t desc = c.o[1], buf = c.o[2], size = c.o[3];
    if (OBJDESC_GET_CLASS(desc) != OBJ_CLASS_CONSOLE) return XM_INVALID_PARAM;
    if (size > 4096 || !user_ok(caller, buf, size, false, 1)) return XM_INVALID_PARAM;
    const auto* s = reinterpret_cast<const char*>(buf);
    for (std::uint32_t k = 0; k < size; ++k) {
      if (s[k] == '\n') Board::console_put('\r');
      Board::console_put(s[k]);
    }
    return static_cast<std::int32_t>(size);
  }

  static std::int32_t hc_ctrl_object(std::size_t caller, sparc::Context& c) {
    const std::uint32_t desc = c.o[1], cmd = c.o[2], arg = c.o[3];
    if (OBJDESC_GET_CLASS(desc) != OBJ_CLASS_STATUS) return XM_INVALID_PARAM;
    switch (cmd) {
      case XM_GET_PARTITION_STATUS: {
        std::int32_t err = XM_OK;
        const int t = target(caller, OBJDESC_GET_PARTITIONID(desc) == 0x3fffu ? static_cast<std::uint32_t>(XM_PARTITION_SELF)
                                                                             : OBJDESC_GET_PARTITIONID(desc),
                             err);
        if (t < 0) return err;
        if (!user_ok(caller, arg, sizeof(xmPartitionStatus_t), true, 8)) return XM_INVALID_PARAM;
        auto& st = *reinterpret_cast<xmPartitionStatus_t*>(arg);
        const PartitionRuntime& p = parts_[t];
        st = {};
        st.state = status_of(p.state);
        st.noVIrqs = p.virqs;
        st.resetCounter = p.reset_counter;
        st.resetStatus = p.reset_status;
        st.execClock = static_cast<xmTime_t>(exec_clock(static_cast<std::size_t>(t)));
        return XM_OK;
      }
      case XM_GET_SYSTEM_STATUS: {
        if (!is_system(caller)) return XM_PERM_ERROR;
        if (!user_ok(caller, arg, sizeof(xmSystemStatus_t), true, 8)) return XM_INVALID_PARAM;
        auto& st = *reinterpret_cast<xmSystemStatus_t*>(arg);
        st = {};
        st.resetCounter = system_resets_;
        st.noIrqs = system_irqs_;
        st.currentMaf = sched_.major_frames();
        return XM_OK;
      }
      case XM_GET_PLAN_STATUS: {
        if (!user_ok(caller, arg, sizeof(xmPlanStatus_t), true, 8)) return XM_INVALID_PARAM;
        auto& st = *reinterpret_cast<xmPlanStatus_t*>(arg);
        st.switchTime = static_cast<xmTime_t>(sched_.plan_switch_time());
        st.current = static_cast<xm_s32_t>(sched_.plan().id);
        st.next = static_cast<xm_s32_t>(sched_.next_plan().id);
        st.prev = -1;
        return XM_OK;
      }
      case XM_GET_PHYSMEM_MAP: {
        const std::uint32_t max = OBJDESC_GET_ID(desc);
        const std::uint32_t n = static_cast<std::uint32_t>(cfg(caller).areas.size());
        const std::uint32_t k = n < max ? n : max;
        if (!user_ok(caller, arg, k * sizeof(xmPhysicalMemMap_t), true, 4)) return XM_INVALID_PARAM;
        auto* out = reinterpret_cast<xmPhysicalMemMap_t*>(arg);
        for (std::uint32_t j = 0; j < k; ++j) {
          const config::MemoryArea& a = cfg(caller).areas[j];
          out[j] = {a.start, a.mapped_at, a.size, a.flags};
        }
        return static_cast<std::int32_t>(n);
      }
      default:
        return XM_INVALID_PARAM;
    }
  }

  static xm_u32_t status_of(PartitionState s) {
    switch (s) {
      case PartitionState::boot:
      case PartitionState::normal: return XM_STATUS_READY;
      case PartitionState::idle: return XM_STATUS_IDLE;
      case PartitionState::suspended: return XM_STATUS_SUSPENDED;
      case PartitionState::halted: return XM_STATUS_HALTED;
    }
    return XM_STATUS_HALTED;
  }

  static std::int32_t hc_clear_irqmask(std::size_t caller, sparc::Context& c) {
    pct_pages_[caller].t.hwIrqsMask &= ~c.o[1];
    pct_pages_[caller].t.extIrqsMask &= ~c.o[2];
    return XM_OK;
  }

  static std::int32_t hc_set_irqmask(std::size_t caller, sparc::Context& c) {
    pct_pages_[caller].t.hwIrqsMask |= c.o[1];
    pct_pages_[caller].t.extIrqsMask |= c.o[2];
    return XM_OK;
  }

  static std::int32_t hc_write_tbr(std::size_t caller, sparc::Context& c) {
    const std::uint32_t tbr = c.o[1];
    // A SPARC trap table is 4 KB aligned and the whole of it must be the
    // partition's own memory.
    if (!user_ok(caller, tbr, NO_TRAPS * 16, false, 4096)) return XM_INVALID_PARAM;
    parts_[caller].vtbr = tbr;
    pct_pages_[caller].t.arch.tbr = tbr;
    return XM_OK;
  }

  static constexpr std::array<Handler, NR_HYPERCALLS> hypercalls_ = [] {
    std::array<Handler, NR_HYPERCALLS> t{};
    for (Handler& h : t) h = &hc_unknown;
    t[__HALT_PARTITION_NR] = &hc_halt_partition;
    t[__SUSPEND_PARTITION_NR] = &hc_suspend_partition;
    t[__RESUME_PARTITION_NR] = &hc_resume_partition;
    t[__RESET_PARTITION_NR] = &hc_reset_partition;
    t[__SHUTDOWN_PARTITION_NR] = &hc_shutdown_partition;
    t[__HALT_SYSTEM_NR] = &hc_halt_system;
    t[__RESET_SYSTEM_NR] = &hc_reset_system;
    t[__IDLE_SELF_NR] = &hc_idle_self;
    t[__GET_TIME_NR] = &hc_get_time;
    t[__SET_TIMER_NR] = &hc_set_timer;
    t[__WRITE_OBJECT_NR] = &hc_write_object;
    t[__CTRL_OBJECT_NR] = &hc_ctrl_object;
    t[__CLEAR_IRQ_MASK_NR] = &hc_clear_irqmask;
    t[__SET_IRQ_MASK_NR] = &hc_set_irqmask;
    t[sparc_write_tbr_nr] = &hc_write_tbr;
    return t;
  }();

  // Hypercalls after which the scheduler must look again (states, timers,
  // masks, pending interrupts); the others return to the caller at once.
  static constexpr bool reschedules(std::uint32_t nr) {
    switch (nr) {
      case __HALT_PARTITION_NR:
      case __SUSPEND_PARTITION_NR:
      case __RESUME_PARTITION_NR:
      case __RESET_PARTITION_NR:
      case __SHUTDOWN_PARTITION_NR:
      case __RESET_SYSTEM_NR:
      case __IDLE_SELF_NR:
      case __SET_TIMER_NR:
      case __CLEAR_IRQ_MASK_NR:
        return true;
      default:
        return false;
    }
  }

  // Returns whether the scheduler must run before the caller resumes.
  static bool hypercall(int who) {
    sparc::Context& c = parts_[who].ctx;
    const std::uint32_t nr = c.o[0];
    // The trap returns after the `ta`, never to it.
    c.pc = c.npc;
    c.npc += 4;
    const std::int32_t r = nr < NR_HYPERCALLS ? hypercalls_[nr](static_cast<std::size_t>(who), c) : XM_UNKNOWN_HYPERCALL;
    // A reset partition starts afresh: its %o0 is the PCT, not a result.
    if (!c.fresh) c.o[0] = static_cast<std::uint32_t>(r);
    return r == XM_OK && reschedules(nr);
  }

  // The SPARC services on the virtual processor state (manual 5.13).
  // Returns whether the scheduler must run (interrupts may have opened).
  static bool asm_hypercall(int who) {
    const std::size_t i = static_cast<std::size_t>(who);
    sparc::Context& c = parts_[i].ctx;
    partitionControlTable_t& t = pct_pages_[i].t;
    const std::uint32_t nr = c.o[0];
    c.pc = c.npc;
    c.npc += 4;
    std::int32_t r = XM_OK;
    switch (nr) {
      case sparc_iret_nr:
        iret(i);
        return true;
      case sparc_flush_regwin_nr:
        stratum_flush_windows();
        break;
      case sparc_get_psr_nr:
        r = static_cast<std::int32_t>((c.psr & PSR_ICC) | (t.iFlags & (XM_IFLAGS_ET | XM_IFLAGS_PIL_MASK)));
        break;
      case sparc_set_psr_nr:
        c.psr = (c.psr & ~PSR_ICC) | (c.o[1] & PSR_ICC);
        t.iFlags = (t.iFlags & ~(XM_IFLAGS_ET | XM_IFLAGS_PIL_MASK)) | (c.o[1] & (XM_IFLAGS_ET | XM_IFLAGS_PIL_MASK));
        break;
      case sparc_set_pil_nr:
        t.iFlags |= XM_IFLAGS_PIL_MASK;
        break;
      case sparc_clear_pil_nr:
        t.iFlags &= ~XM_IFLAGS_PIL_MASK;
        t.iFlags |= XM_IFLAGS_ET;
        break;
      default:
        r = XM_UNKNOWN_HYPERCALL;
    }
    c.o[0] = static_cast<std::uint32_t>(r);
    return nr == sparc_set_psr_nr || nr == sparc_clear_pil_nr;
  }

  // Return from a virtual trap handler: the handler's window holds, as a
  // real trap leaves them, %l0 = the virtual PSR and %l1/%l2 = where to go
  // back to, and its %i registers are the interrupted window's %o. After a
  // flush all of that is in the partition's memory at the handler's %sp.
  static bool iret(std::size_t i) {
    sparc::Context& c = parts_[i].ctx;
    stratum_flush_windows();
    const std::uint32_t sp = c.o[6];
    if (!user_ok(i, sp, 64, true, 8)) {
      fault(static_cast<int>(i), "returned from a virtual trap with an invalid stack pointer");
      return false;
    }
    const auto* w = reinterpret_cast<const std::uint32_t*>(sp);
    const std::uint32_t l0 = w[0], l1 = w[1], l2 = w[2];
    for (int k = 0; k < 8; ++k) c.o[k] = w[8 + k];
    c.pc = l1;
    c.npc = l2;
    c.psr = (c.psr & ~PSR_ICC) | (l0 & PSR_ICC);
    partitionControlTable_t& t = pct_pages_[i].t;
    t.iFlags = (t.iFlags & ~(XM_IFLAGS_ET | XM_IFLAGS_PIL_MASK)) | (l0 & (XM_IFLAGS_ET | XM_IFLAGS_PIL_MASK));
    return true;
  }

  // --------------------------------------------------------------- state
  static inline PartitionRuntime parts_[N]{};
  static inline sparc::Context idle_{};
  static inline int current_ = -1;
  static inline int fpu_owner_ = -1;  // whose state the FPU registers hold
  static inline CyclicScheduler sched_{};
  static inline std::uint32_t system_resets_ = 0;
  static inline std::uint64_t system_irqs_ = 0;
  // One page per partition, mapped read-only into it (manual 6.4.2); the
  // storage is the board image's (stratum_pct_pages, in its own section).
  static constexpr PctPage* pct_pages_ = stratum_pct_pages;

};

}  // namespace stratum::kernel
