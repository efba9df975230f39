// The real LEON3 under the kernel: what sparc::Processor asks of the
// machine it runs on, done with the trap path of traps.S and the SRMMU
// registers of cpu.hpp. tests/unit/sim_hardware.hpp is the host's stand-in
// with the same members.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/arch/sparc/context.hpp"
#include "stratum/arch/sparc/cpu.hpp"
#include "stratum/kernel/pct.hpp"

// Partition images, packed into the hypervisor image by the build
// (boards/leon3-qemu/mkcontainer.py), in partition-id order.
struct StratumContainerEntry {
  const unsigned char* start;
  const unsigned char* end;
};
extern "C" const StratumContainerEntry stratum_container[];
extern "C" char __idle_stack_top[];
// Defined by the image's main file, in the sections the link script places
// at the addresses of stratum::image_layout().
extern "C" stratum::kernel::PctPage stratum_pct_pages[];
extern "C" const char __stratum_page_tables[];  // start of that section (link script)

namespace stratum::sparc {

struct Hardware {
  // -- the trap path (traps.S)
  static void set_current(Context* c) { stratum_current_context = c; }
  static void set_stack_ranges(const StackRange* r) { stratum_stack_ranges = r; }
  static void set_user_areas(const UserArea* a) { stratum_user_areas = a; }
  static void set_iret_table(const void* t) { stratum_iret_table = t; }
  static void flush_windows() { stratum_flush_windows(); }
  [[noreturn]] static void first_return() { stratum_first_return(); }
  // A refused window of the current partition, for the exit path to stop it.
  static void record_window_fault(std::uint32_t sp) { stratum_window_fault = sp | 1; }
  // The address of a register window the trap path refused, or 0; reading clears it.
  static std::uint32_t take_window_fault() {
    const std::uint32_t w = stratum_window_fault;
    if (w != 0) stratum_window_fault = 0;
    return w;
  }
  static std::uint32_t idle_pc() { return reinterpret_cast<std::uint32_t>(&stratum_idle_loop); }
  static std::uint32_t idle_stack_top() { return reinterpret_cast<std::uint32_t>(__idle_stack_top); }

  // -- restarting the hypervisor (the health monitor's reset of a hypervisor
  // that faulted): from its entry point, .data restored and .bss zeroed
  // (start.S); `how` is kernel::Start's value, boot's argument.
  [[noreturn]] static void restart_hypervisor(std::uint32_t how) { stratum_restart(how); }

  // -- fault injection, for the tests of the hypervisor-scope health monitor
  // only (STRATUM_FAULT_INJECTION): the hypervisor itself faults as a bug
  // in it would. 1: an illegal instruction (UNIMP); 2: a load from an
  // address nothing maps (no RAM, ROM nor device there on this board).
  static void inject_fault(std::uint32_t kind) {
    if (kind == 1) __asm__ volatile("unimp 0" ::: "memory");
    if (kind == 2) (void)*reinterpret_cast<volatile std::uint32_t*>(0x10000000u);
  }

  // -- the image
  static kernel::PctPage* pct_pages() { return stratum_pct_pages; }
  static bool image_matches(std::uint32_t pct_base, std::uint32_t page_tables_base) {
    return reinterpret_cast<std::uint32_t>(&stratum_pct_pages[0]) == pct_base &&
           reinterpret_cast<std::uint32_t>(__stratum_page_tables) == page_tables_base;
  }

  // -- SRMMU
  static void mmu_start(std::uint32_t context_table_pointer) {
    mmu_write(mmu_reg::context_table, context_table_pointer);
    mmu_set_context(0);
    (void)mmu_read(mmu_reg::fault_status);
    mmu_enable(true);
  }
  static void mmu_switch(std::uint32_t context) { mmu_set_context(context); }
  // Fault status first (reading it clears it), then the fault address.
  static std::uint32_t mmu_fault_status() { return mmu_read(mmu_reg::fault_status); }
  static std::uint32_t mmu_fault_address() { return mmu_read(mmu_reg::fault_address); }

  // -- FPU
  static void fpu_save(FpuContext* to) { stratum_fpu_save(to); }
  static void fpu_restore(const FpuContext* from) { stratum_fpu_restore(from); }

  // -- memory
  // The current partition's memory as it sees it: its MMU context is the
  // current one, and the hypervisor may touch user pages. Word by word when
  // both sides are word aligned (status structures), byte by byte otherwise.
  static void read_user(void* to, std::uint32_t from, std::size_t n) {
    copy(to, reinterpret_cast<const void*>(from), n);
  }
  static void write_user(std::uint32_t to, const void* from, std::size_t n) {
    copy(reinterpret_cast<void*>(to), from, n);
  }
  // One scalar (xmTime_t, a count) where the partition asked: one store.
  template <class T>
  static void store_user(std::uint32_t to, T v) {
    *reinterpret_cast<volatile T*>(to) = v;
  }

  // Copies n bytes between physical addresses (partitions' memory that the
  // current context may not map). Done with the MMU off (the hypervisor is
  // identity mapped, so its own code does not notice) and the windows
  // flushed, so no window of anybody is spilled through the wrong
  // translation meanwhile.
  static void copy_physical(std::uint32_t to, std::uint32_t from, std::size_t n) {
    const bool was_on = mmu_enabled();
    if (was_on) {
      stratum_flush_windows();
      mmu_enable(false);
    }
    copy(reinterpret_cast<void*>(to), reinterpret_cast<const void*>(from), n);
    if (was_on) mmu_enable(true);
  }

  // Copies at most `max` bytes of partition i's image, from byte `offset`,
  // from the container to `physical`; returns how many (fewer than `max`:
  // the image is complete).
  static std::uint32_t load_image_part(std::size_t i, std::uint32_t physical, std::uint32_t offset, std::uint32_t max) {
    const StratumContainerEntry& e = stratum_container[i];
    const auto size = static_cast<std::uint32_t>(e.end - e.start);
    const std::uint32_t n = offset >= size ? 0 : size - offset < max ? size - offset : max;
    if (n == 0) return 0;
    copy_physical(physical + offset, reinterpret_cast<std::uint32_t>(e.start + offset), n);
    return n;
  }

 private:
  // (support/mem.hpp's memcpy: a word at a time when both ends allow it)
  static void copy(void* to, const void* from, std::size_t n) { __builtin_memcpy(to, from, n); }
};

}  // namespace stratum::sparc
