// What board leon3-qemu is, as far as a system's configuration can ask too
// much of it. Written once, here: board.hpp's rules (BOARD-PROCESSORS,
// BOARD-VCPUS) use these facts, and the generator reads this file for
// `stratum-gen check --board leon3-qemu` (generators/xmcf/facts.py), so each
// fact stays one line `inline constexpr <type> <name> = <value>;`.
#pragma once

#include <cstddef>

namespace stratum::boards::leon3_qemu {

// The name systems are checked against, as `--board` spells it.
inline constexpr const char* name = "leon3-qemu";
// qemu-system-sparc -M leon3_generic has one processor (it refuses -smp 2).
inline constexpr std::size_t processors = 1;
// The kernel runs one virtual CPU per partition.
inline constexpr std::size_t vcpus_per_partition = 1;

}  // namespace stratum::boards::leon3_qemu
