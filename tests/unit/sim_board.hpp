// A simulated board and machine for host tests: the kernel's real SPARC
// logic (sparc::Processor) over a machine whose console is a string, whose
// clock is set by the test, whose memory is a sparse byte map addressed as
// partitions see it, and whose shutdown throws instead of ending the process.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "stratum/arch/sparc/processor.hpp"
#include "stratum/config/model.hpp"
#include "stratum/kernel/pct.hpp"
#include "stratum/kernel/persistent.hpp"

namespace stratum::test {

// Board::shutdown(code), as an exception the test catches.
struct Shutdown {
  int code;
};
// Hardware::restart_hypervisor(how), likewise: the test boots the kernel
// again with `how` (the simulated machine zeroes no .bss: what a restart
// must not keep, the test does not look at).
struct Restart {
  std::uint32_t how;
};

struct SimHardware {
  static inline sparc::Context* current = nullptr;
  static inline const sparc::StackRange* stack_ranges = nullptr;
  static inline const sparc::UserArea* user_areas = nullptr;
  static inline const void* iret_table = nullptr;
  static inline std::uint32_t window_fault = 0;  // set by a test: the next trap met a bad window
  static inline std::uint32_t refuse_on_flush = 0;  // set by a test: the next flush refuses a window here
  static inline std::uint32_t refused_windows = 1;  // ... and keeps this many (it and the newer ones)
  static inline std::uint32_t fault_status = 0, fault_address = 0;
  static inline std::uint32_t mmu_context = 0;
  static inline bool mmu_on = false;
  static inline int flushes = 0, fpu_saves = 0, fpu_restores = 0;
  static inline std::vector<std::vector<unsigned char>> images;  // the container, by partition
  static inline std::map<std::uint32_t, std::array<unsigned char, 4096>> memory;
  alignas(4096) static inline kernel::PctPage pct[16];

  static void clear() {
    current = nullptr;
    stack_ranges = nullptr;
    user_areas = nullptr;
    iret_table = nullptr;
    window_fault = refuse_on_flush = fault_status = fault_address = mmu_context = 0;
    refused_windows = 1;
    mmu_on = false;
    flushes = fpu_saves = fpu_restores = 0;
    images.clear();
    image_steps = 0;
    memory.clear();
  }

  [[noreturn]] static void restart_hypervisor(std::uint32_t how) { throw Restart{how}; }

  static void set_current(sparc::Context* c) { current = c; }
  static void set_stack_ranges(const sparc::StackRange* r) { stack_ranges = r; }
  static void set_user_areas(const sparc::UserArea* a) { user_areas = a; }
  static void set_iret_table(const void* t) { iret_table = t; }
  // A refused window is kept in the current context, as windows.h does it
  // (BUFFER_WINDOW): it and every newer one, their registers marked.
  static void flush_windows() {
    ++flushes;
    if (refuse_on_flush != 0 && current != nullptr) {
      if (current->window_count == 0) current->window_sp = refuse_on_flush;
      for (std::uint32_t k = 0; k < refused_windows && current->window_count < NWINDOWS - 1; ++k)
        current->windows[current->window_count++][0] = refuse_on_flush;
    }
    refuse_on_flush = 0;
  }
  static void record_window_fault(std::uint32_t sp) { window_fault = sp | 1; }
  [[noreturn]] static void first_return() { throw Shutdown{-1}; }
  static std::uint32_t take_window_fault() {
    const std::uint32_t w = window_fault;
    window_fault = 0;
    return w;
  }
  static std::uint32_t idle_pc() { return 0x40001000u; }
  static std::uint32_t idle_stack_top() { return 0x40002000u; }

  static kernel::PctPage* pct_pages() { return pct; }
  static bool image_matches(std::uint32_t, std::uint32_t) { return true; }

  static void mmu_start(std::uint32_t) { mmu_on = true; }
  static void mmu_switch(std::uint32_t c) { mmu_context = c; }
  static std::uint32_t mmu_fault_status() { return fault_status; }
  static std::uint32_t mmu_fault_address() { return fault_address; }

  static void fpu_save(sparc::FpuContext*) { ++fpu_saves; }
  static void fpu_restore(const sparc::FpuContext*) { ++fpu_restores; }

  static unsigned char& byte(std::uint32_t a) { return memory[a & ~0xfffu][a & 0xfffu]; }
  static void read_user(void* to, std::uint32_t from, std::size_t n) {
    auto* d = static_cast<unsigned char*>(to);
    for (std::size_t k = 0; k < n; ++k) d[k] = byte(from + static_cast<std::uint32_t>(k));
  }
  static void write_user(std::uint32_t to, const void* from, std::size_t n) {
    const auto* s = static_cast<const unsigned char*>(from);
    for (std::size_t k = 0; k < n; ++k) byte(to + static_cast<std::uint32_t>(k)) = s[k];
  }
  template <class T>
  static void store_user(std::uint32_t to, T v) {
    write_user(to, &v, sizeof v);
  }
  // (The simulated memory is one address space: physical = as partitions see it.)
  static inline int physical_copies = 0;
  static void copy_physical(std::uint32_t to, std::uint32_t from, std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) byte(to + static_cast<std::uint32_t>(k)) = byte(from + static_cast<std::uint32_t>(k));
    ++physical_copies;
  }
  static inline int image_steps = 0;  // load_image_part calls that copied something
  static std::uint32_t load_image_part(std::size_t i, std::uint32_t physical, std::uint32_t offset, std::uint32_t max) {
    const std::size_t size = i < images.size() ? images[i].size() : 0;
    const std::uint32_t n = offset >= size ? 0 : static_cast<std::uint32_t>(size - offset < max ? size - offset : max);
    if (n > 0) {
      write_user(physical + offset, images[i].data() + offset, n);
      ++image_steps;
    }
    return n;
  }

  // Typed helpers for tests.
  template <class T>
  static T peek(std::uint32_t a) {
    T v;
    read_user(&v, a, sizeof v);
    return v;
  }
  template <class T>
  static void poke(std::uint32_t a, const T& v) {
    write_user(a, &v, sizeof v);
  }
};

struct SimBoard {
  static constexpr const char* name = "sim";
  static constexpr std::size_t processors = 1;
  static constexpr std::uint32_t event_irq = 6;  // Booted::at's interrupt

  template <const config::System& S>
  using Processor = sparc::Processor<SimHardware, S>;
  template <const config::System&>
  static constexpr bool valid_for() {
    return true;
  }

  static inline std::string console;
  static inline std::uint64_t now = 0;        // microseconds, set by the test
  static inline std::uint64_t deadline = 0;   // the last arm_event
  static inline long console_room = -1;       // bytes the UART takes before it is busy; -1: no limit
  static bool console_ready() { return console_room != 0; }
  static void console_put(char c) {
    console += c;
    if (console_room > 0) --console_room;
  }
  static void timers_init() {}
  static std::uint64_t now_us() { return now; }
  static void arm_event(std::uint64_t at) { deadline = at; }
  [[noreturn]] static void shutdown(int code) { throw Shutdown{code}; }

  // A power-on: the persistent state too (one for every kernel of the
  // process, tests/unit/main.cpp).
  static void clear() {
    stratum_persistent = {};
    console.clear();
    console_room = -1;
    now = deadline = 0;
    SimHardware::clear();
  }
};

}  // namespace stratum::test
