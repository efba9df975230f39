// The LEON3 board as QEMU 7.2's `leon3_generic` machine models it
// (see shared/notes/leon3-qemu.md): RAM at 0x40000000, APBUART at
// 0x80000100, IRQMP at 0x80000200, GPTIMER at 0x80000300 (40 MHz input).
#pragma once

#include <cstdint>

extern "C" [[noreturn]] void stratum_exit(int code);

namespace stratum::boards {

struct Leon3Qemu {
  static constexpr const char* name = "leon3-qemu";

  static constexpr std::uintptr_t apbuart = 0x80000100;
  static constexpr std::uintptr_t irqmp = 0x80000200;
  static constexpr std::uintptr_t gptimer = 0x80000300;
  static constexpr std::uint32_t gptimer_input_hz = 40'000'000;

  // APBUART registers: data at +0, status at +4 (bit 2: transmitter FIFO empty).
  static void console_put(char c) {
    auto* const data = reinterpret_cast<volatile std::uint32_t*>(apbuart);
    auto* const status = reinterpret_cast<volatile std::uint32_t*>(apbuart + 4);
    while ((*status & (1u << 2)) == 0) {
    }
    *data = static_cast<unsigned char>(c);
  }

  // Ends the QEMU run: 0 is a clean shutdown, anything else a failure.
  [[noreturn]] static void shutdown(int code) { stratum_exit(code); }
};

}  // namespace stratum::boards
