// The LEON3 board as QEMU 7.2's `leon3_generic` machine models it
// (see shared/notes/leon3-qemu.md): RAM at 0x40000000, APBUART at
// 0x80000100, IRQMP at 0x80000200, GPTIMER at 0x80000300 (40 MHz input,
// timer 1 on IRQ 6, timer 2 on IRQ 7).
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/arch/sparc/hardware.hpp"
#include "stratum/arch/sparc/processor.hpp"
#include "stratum/config/check.hpp"
#include "stratum/config/model.hpp"
#include "stratum/config/target.hpp"
#include "board_clock.h"
#include "facts.hpp"
#include "rules.hpp"

extern "C" [[noreturn]] void stratum_exit(int code);

// The clock's 64-bit extension (now_us), shared with the trap path's fast
// XM_get_time (arch/sparc/hypercall.S, board_clock.h): both read and extend the
// clock the same way, so their readings never go backwards against each
// other. Defined by the image's main file.
struct alignas(8) StratumClock {
  std::uint32_t high;  // bits 63..32 of the clock
  std::uint32_t last;  // the last low word read
};
static_assert(offsetof(StratumClock, high) == BOARD_CLOCK_HIGH && offsetof(StratumClock, last) == BOARD_CLOCK_LAST);
extern "C" StratumClock stratum_clock;

namespace stratum::boards {

struct Leon3Qemu {
  // The board's facts, shared with the generator (facts.hpp); its rules
  // are in rules.hpp.
  static constexpr const char* name = leon3_qemu::name;
  static constexpr std::size_t processors = leon3_qemu::processors;
  static constexpr std::size_t vcpus_per_partition = leon3_qemu::vcpus_per_partition;

  // The processor the kernel runs on, for system S.
  template <const config::System& S>
  using Processor = sparc::Processor<sparc::Hardware, S>;

  // The board's rules for system S, each one compile error of its own.
  // Its warning (BOARD-SLOT-LENGTH, rules.hpp's board_warnings) is not
  // consulted: a warning never fails the build.
  template <const config::System& S>
  static constexpr bool valid_for() {
    return config::configuration_error<leon3_qemu::check_board_processors(S)>::ok &
           config::configuration_error<leon3_qemu::check_board_vcpus(S)>::ok &
           config::configuration_error<leon3_qemu::check_board_memory(S)>::ok;
  }

  static constexpr std::uintptr_t apbuart = target::apbuart;
  static constexpr std::uintptr_t irqmp = target::irqmp;
  static constexpr std::uintptr_t gptimer = target::gptimer;
  static constexpr std::uint32_t gptimer_input_hz = 40'000'000;

  // The hypervisor's clock: GPTIMER prescaled to 1 MHz, so one tick is one
  // microsecond, the unit of every time in the tables.
  static constexpr std::uint32_t tick_us = 1;
  // IRQ line of the one-shot event timer (GPTIMER timer 1).
  static constexpr std::uint32_t event_irq = target::timer_irq[0];

  static volatile std::uint32_t& reg(std::uintptr_t a) { return *reinterpret_cast<volatile std::uint32_t*>(a); }

  // APBUART: data at +0, status at +4 (bit 2, TE: the transmitter FIFO, or
  // holding register, is empty and takes a byte now).
  static bool console_ready() { return (reg(apbuart + 4) & (1u << 2)) != 0; }
  // Waits until it is (the hypervisor's own messages).
  static void console_put(char c) {
    while ((reg(apbuart + 4) & (1u << 2)) == 0) {
    }
    reg(apbuart) = static_cast<unsigned char>(c);
  }

  // GPTIMER: scaler +0x00, scaler reload +0x04; timer n (0-based) at
  // 0x10 + 0x10*n: counter +0, reload +4, control +8 (EN=1, RS=2, LD=4, IE=8).
  static constexpr std::uint32_t t_en = 1, t_rs = 2, t_ld = 4, t_ie = 8;
  static std::uintptr_t timer(int n) { return gptimer + 0x10 + 0x10 * static_cast<std::uintptr_t>(n); }

  static_assert(BOARD_CLOCK_COUNTER == target::gptimer + 0x10 + 0x10 * 1, "the clock is timer 2's counter");

  static void timers_init() {
    reg(gptimer + 0x04) = gptimer_input_hz / 1'000'000 - 1;  // 1 MHz ticks
    reg(gptimer + 0x00) = gptimer_input_hz / 1'000'000 - 1;
    reg(timer(0) + 8) = 0;                                     // event timer: stopped
    // Timer 2 runs free from 0xffffffff down: the clock.
    reg(timer(1) + 4) = 0xffffffffu;
    reg(timer(1) + 8) = t_en | t_rs | t_ld;
    stratum_clock = {0, 0};
    // IRQMP: unmask the event timer's line for processor 0.
    reg(irqmp + 0x40) = 1u << event_irq;
  }

  // Microseconds since timers_init, 64 bits: the 32-bit counter wraps every
  // 71 minutes and is read at least once per slot, so a wrap is never missed.
  // (traps.S does the same in assembly: keep them alike.)
  static std::uint64_t now_us() {
    const std::uint32_t low = ~reg(BOARD_CLOCK_COUNTER);
    if (low < stratum_clock.last) ++stratum_clock.high;
    stratum_clock.last = low;
    return std::uint64_t{stratum_clock.high} << 32 | low;
  }

  // One interrupt at `deadline` (absolute microseconds), replacing any other.
  static void arm_event(std::uint64_t deadline) {
    const std::uint64_t now = now_us();
    std::uint64_t delta = deadline > now ? deadline - now : 1;
    if (delta > 0xffffffffull) delta = 0xffffffffull;
    reg(timer(0) + 8) = 0;
    reg(timer(0) + 4) = static_cast<std::uint32_t>(delta - 1);  // underflow after reload+1 ticks
    reg(timer(0) + 8) = t_en | t_ld | t_ie;                      // one-shot (no RS)
  }

  // Ends the QEMU run: 0 is a clean shutdown, anything else a failure.
  [[noreturn]] static void shutdown(int code) { stratum_exit(code); }
};

}  // namespace stratum::boards
