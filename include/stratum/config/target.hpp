// The facts of the target machine (a LEON3 as QEMU's leon3_generic lays it
// out, shared/notes/leon3-qemu.md) and the limits of Stratum's image, that
// the configuration rules, the page tables and the board all depend on.
// Written once, here: the generator reads this file (generators/xmcf/
// facts.py), so each fact stays one line `inline constexpr <type> <name> =
// <number>;` (or `<name>[] = {<number>, ...};`), with no expression of
// other names.
#pragma once

#include <cstddef>
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

// Interrupt lines: the IRQMP has lines 1 to 15 (0 is no interrupt);
// GPTIMER's two timers interrupt separately; 15 cannot be masked.
inline constexpr std::uint32_t irq_line_last = 15;
inline constexpr std::uint32_t timer_irq[] = {6, 7};
inline constexpr std::uint32_t nmi_irq = 15;

// The image keeps 64KB for PCT pages, one 4KB page per partition.
inline constexpr std::size_t max_partitions = 16;
// The PCT's physicalMemMap has CONFIG_MAX_MEM_AREAS entries.
inline constexpr std::size_t max_partition_areas = 16;
// A port's descriptor is its number among the system's ports, and an
// object descriptor carries 10 bits of it (OBJDESC_BUILD).
inline constexpr std::size_t max_ports = 1024;
// The longest port name the hypervisor compares, in bytes, without its
// terminator (XM_PORT_NAME_MAX - 1 in xm/comm.h).
inline constexpr std::size_t max_port_name = 31;
// Eight inter-partition virtual interrupts, XM_VT_EXT_IPVI0 to 7.
inline constexpr std::size_t max_ipvis = 8;
// The first XMHypervisor area holds the image, then 32KB of stacks, 64KB of PCT pages and
// 64KB of page tables at its top (layout.hpp).
inline constexpr std::uint32_t min_hypervisor_area = 256 * 1024;
// Of the first XMHypervisor area, what is not the image: stacks, PCT pages
// and page tables (layout.hpp); and what the rules keep of the rest for the
// hypervisor's own code and data (about 40KB) before the channels' pool.
inline constexpr std::uint32_t hypervisor_reserved_top = 160 * 1024;
inline constexpr std::uint32_t hypervisor_code_allowance = 64 * 1024;

}  // namespace stratum::target
