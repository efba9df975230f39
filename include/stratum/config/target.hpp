// The facts of the target machine (a LEON3 as QEMU's leon3_generic lays it
// out, shared/notes/leon3-qemu.md) that the configuration rules, the page
// tables and the board all depend on, written once. The generator's
// checks.py spells the same numbers for the XML side.
#pragma once

#include <cstdint>

namespace stratum::target {

// The SRMMU's smallest page.
inline constexpr std::uint32_t mmu_page = 4096;

// The AMBA I/O window: devices, never memory. Every context maps it
// supervisor-only and uncached for the hypervisor.
inline constexpr std::uint32_t io_window_start = 0x80000000u;
inline constexpr std::uint32_t io_window_size = 0x01000000u;

// The APB devices the hypervisor drives, one 256-byte APB slot each.
inline constexpr std::uint32_t apb_slot_size = 256;
inline constexpr std::uint32_t apbuart = 0x80000100u;
inline constexpr std::uint32_t irqmp = 0x80000200u;
inline constexpr std::uint32_t gptimer = 0x80000300u;

// Interrupt lines: GPTIMER's two timers (separate interrupts), and the
// line the processor cannot mask.
inline constexpr std::uint32_t timer_irq[] = {6, 7};
inline constexpr std::uint32_t nmi_irq = 15;

}  // namespace stratum::target
