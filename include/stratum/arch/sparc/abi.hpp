// How a partition's trap reaches the kernel on SPARC v8: which trap types
// are hypercalls (manual 6.2: `ta 0x70` raises 0xF0, `ta 0x71` 0xF1), where
// a hypercall's number, arguments and result live (manual 6.2, listing 6.4:
// number in %o0, arguments in %o1..%o5, result in %o0), and which processor
// traps the kernel tells apart (SPARC v8 manual, table 7-1).
//
// Pure functions on a saved Context: they compile and are tested on the host.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/arch/sparc/context.hpp"

namespace stratum::sparc::abi {

// Arguments a hypercall can carry in registers (%o1..%o5), in 32-bit words.
inline constexpr std::size_t max_words = 5;

inline std::uint32_t number(const Context& c) { return c.o[0]; }
// The argument words, where the trap path saved them.
inline const std::uint32_t* words(const Context& c) { return &c.o[1]; }

// The result goes to %o0.
inline void set_result(Context& c, std::int32_t r) { c.o[0] = static_cast<std::uint32_t>(r); }
// Whether the context starts afresh (its %o0 holds its PCT address, which no
// hypercall result may overwrite).
inline bool restarted(const Context& c) { return c.fresh != 0; }

// A trap instruction is not executed again: the partition resumes after it.
inline void step_over_trap(Context& c) {
  c.pc = c.npc;
  c.npc += 4;
}

// What a trap means to the kernel.
enum class TrapKind : std::uint8_t {
  hypercall,               // ta XM_HYPERCALL_TRAP
  asm_hypercall,           // ta XM_ASMHYPERCALL_TRAP: the virtual CPU services (5.13)
  interrupt,               // an interrupt level: the hypervisor's event timer
  window_fault,            // a register window met a stack outside the partition
  instruction_access,      // an instruction fetch the MMU refused
  data_access,             // a load or store the MMU refused
  fp_disabled,             // an FP instruction with PSR.EF clear
  privileged_instruction,  // a supervisor-only instruction in user mode
  other,                   // any other processor or software trap
};

// Hypercalls first, then the event timer's interrupt: the paths that must be
// fast (the expectations keep the compiler from turning the tests into one
// jump table that every trap pays for).
constexpr TrapKind classify(std::uint32_t tt) {
  if (__builtin_expect(tt == tt::hypercall, 1)) return TrapKind::hypercall;
  if (__builtin_expect(tt - tt::interrupt_level_1 <= tt::interrupt_level_15 - tt::interrupt_level_1, 1))
    return TrapKind::interrupt;
  if (tt == tt::asm_hypercall) return TrapKind::asm_hypercall;
  if (tt == tt::window_fault) return TrapKind::window_fault;
  if (tt == tt::instruction_access_exception) return TrapKind::instruction_access;
  if (tt == tt::data_access_exception) return TrapKind::data_access;
  if (tt == tt::fp_disabled) return TrapKind::fp_disabled;
  if (tt == tt::privileged_instruction) return TrapKind::privileged_instruction;
  return TrapKind::other;
}

// An MMU fault as the SRMMU reports it (SPARC v8 manual, appendix H:
// fault status register FT field, bits 4..2).
enum class AccessFault : std::uint8_t { none, invalid_address, protection, privilege, other };

constexpr AccessFault access_fault(std::uint32_t fault_status) {
  switch ((fault_status >> 2) & 7) {
    case 0: return AccessFault::none;
    case 1: return AccessFault::invalid_address;
    case 2: return AccessFault::protection;
    case 3: return AccessFault::privilege;
    default: return AccessFault::other;
  }
}

}  // namespace stratum::sparc::abi
