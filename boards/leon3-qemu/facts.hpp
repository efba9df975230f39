// What board leon3-qemu is, as far as a system's configuration can ask too
// much of it. Written once, here: rules.hpp's rules (BOARD-PROCESSORS,
// BOARD-VCPUS, BOARD-MEMORY) and warning (BOARD-SLOT-LENGTH) use these
// facts, and the generator reads this file for
// `stratum-gen check --board leon3-qemu` (generators/xmcf/facts.py), so each
// fact stays one line `inline constexpr <type> <name> = <value>;`.
#pragma once

#include <cstddef>
#include <cstdint>

namespace stratum::boards::leon3_qemu {

// The name systems are checked against, as `--board` spells it.
inline constexpr const char* name = "leon3-qemu";
// qemu-system-sparc -M leon3_generic has one processor (it refuses -smp 2).
inline constexpr std::size_t processors = 1;
// The kernel runs one virtual CPU per partition.
inline constexpr std::size_t vcpus_per_partition = 1;
// Its memory (qemu-system-sparc -M leon3_generic with the default -m, as
// run.py starts it): 128MB of RAM at 0x40000000 and the 8MB PROM at 0.
inline constexpr std::uint32_t ram_start = 0x40000000;
inline constexpr std::uint32_t ram_size = 0x08000000;
inline constexpr std::uint32_t rom_start = 0x00000000;
inline constexpr std::uint32_t rom_size = 0x00800000;
// How late a slot may start (BOARD-SLOT-LENGTH warns of slots shorter than
// this): the measured slot-start lateness bound of tests/bench/REPORT.md,
// the longest hypervisor excursion plus the longest slot switch, 5777
// instructions = 185us under run.py's -icount shift=5 (32ns an
// instruction), rounded up with room to 200us as the attack suite's
// VICTIM_LATE_BOUND_US (tests/attacks/main.c) does. A shorter slot can pass
// wholly while the hypervisor is busy (XM_HM_EV_SCHED_ERROR).
inline constexpr std::uint32_t slot_lateness_bound_us = 200;

}  // namespace stratum::boards::leon3_qemu
