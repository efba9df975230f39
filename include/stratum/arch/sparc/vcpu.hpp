// The SPARC virtual processor of a partition (manual 5.13 and 2.15): its
// virtual PSR (condition codes in the saved PSR, ET and PIL in the PCT's
// iFlags), entering a handler of its virtual trap table the way a real trap
// enters the processor's, and the assembly hypercalls (`ta 0x71`):
// sparc_iret, sparc_flush_regwin, sparc_get_psr, sparc_set_psr,
// sparc_set_pil, sparc_clear_pil.
//
// Pure logic on a saved Context and a PCT: compiled and tested on the host.
#pragma once

#include <cstdint>

#include "stratum/arch/sparc/abi.hpp"
#include "stratum/arch/sparc/context.hpp"

extern "C" {
#include "xm/guest.h"
#include "xm/hypercalls.h"
}

namespace stratum::sparc::vcpu {

// A SPARC trap table: 256 entries of four instructions, on a 4 KB boundary
// (TBR.TBA holds bits 31..12).
inline constexpr std::uint32_t trap_table_bytes = NO_TRAPS * 16;
inline constexpr std::uint32_t trap_table_align = 4096;

// What a frame below a handler holds after a flush: the handler window's
// %l0..%l7 and %i0..%i7 (16 words, 64 bytes), 8-byte aligned.
inline constexpr std::uint32_t window_bytes = 64;
inline constexpr std::uint32_t window_align = 8;

inline constexpr std::uint32_t flag_bits = XM_IFLAGS_ET | XM_IFLAGS_PIL_MASK;

// Virtual traps are enabled (ET) and not every level masked (PIL 15).
inline bool interrupts_open(const partitionControlTable_t& t) {
  return (t.iFlags & XM_IFLAGS_ET) != 0 && (t.iFlags & XM_IFLAGS_PIL_MASK) != XM_IFLAGS_PIL_MASK;
}
inline bool traps_enabled(const partitionControlTable_t& t) { return (t.iFlags & XM_IFLAGS_ET) != 0; }

// The partition resumes in its handler at `handler` in a new window, with
// %l0 = its virtual PSR and %l1/%l2 = where it was (traps.S makes the window).
// No nesting until the handler's iret. The handler's window is the one
// below the partition's (Processor::enter_handler, traps.S).
inline void enter_handler(Context& c, partitionControlTable_t& t, std::uint32_t handler) {
  c.vtrap_pc = handler;
  c.vtrap_l0 = (c.psr & PSR_ICC) | (t.iFlags & flag_bits);
  t.iFlags &= ~XM_IFLAGS_ET;
}

enum class Result : std::uint8_t {
  done,              // resume the caller
  reschedule,        // interrupts may have opened: the kernel looks again
  bad_return_frame,  // sparc_iret with a stack that is not the partition's
  bad_return_pc,     // sparc_iret to a PC or nPC that is not the partition's code
  bad_window,        // (Processor) a window the flush could not put on its stack
};

// One assembly hypercall of the current partition, whose windows `flush`
// spills to its stack; `read_frame(sp, words)` reads the 16 words at the
// handler's stack pointer if they are the partition's writable memory and
// returns false otherwise; `code(pc)` says whether pc is a word-aligned
// address of the partition's own memory. The result in %o0 is XM_OK or, for
// sparc_get_psr, the virtual PSR.
template <class Flush, class ReadFrame, class Code>
Result asm_hypercall(Context& c, partitionControlTable_t& t, Flush flush, ReadFrame read_frame, Code code) {
  const std::uint32_t nr = abi::number(c);
  const std::uint32_t arg = c.o[1];
  abi::step_over_trap(c);
  std::int32_t r = XM_OK;
  Result next = Result::done;
  switch (nr) {
    case sparc_iret_nr: {
      // (The trap path answers most irets itself, iret.S, with the same
      // checks, and comes here for everything it does not accept.)
      // The handler's window holds, as a real trap leaves them, %l0 = the
      // virtual PSR and %l1/%l2 = where to go back to; its %i registers are
      // the interrupted window's %o. After a flush all of that is in the
      // partition's memory at the handler's %sp.
      flush();
      std::uint32_t w[16];
      if (!read_frame(c.o[6], w)) return Result::bad_return_frame;
      const std::uint32_t l0 = w[0];
      // The exit path jumps to PC and returns (RETT) to nPC with traps
      // disabled: a misaligned one would put the processor in error mode.
      // Both are the partition's, or nothing of the frame is taken.
      if (!code(w[1]) || !code(w[2])) return Result::bad_return_pc;
      for (int k = 0; k < 8; ++k) c.o[k] = w[8 + k];
      c.pc = w[1];
      c.npc = w[2];
      c.psr = (c.psr & ~PSR_ICC) | (l0 & PSR_ICC);
      t.iFlags = (t.iFlags & ~flag_bits) | (l0 & flag_bits);
      return Result::reschedule;  // %o0 is the interrupted code's own
    }
    case sparc_flush_regwin_nr:
      flush();
      break;
    case sparc_get_psr_nr:
      r = static_cast<std::int32_t>((c.psr & PSR_ICC) | (t.iFlags & flag_bits));
      break;
    case sparc_set_psr_nr:
      c.psr = (c.psr & ~PSR_ICC) | (arg & PSR_ICC);
      t.iFlags = (t.iFlags & ~flag_bits) | (arg & flag_bits);
      next = Result::reschedule;
      break;
    case sparc_set_pil_nr:
      t.iFlags |= XM_IFLAGS_PIL_MASK;
      break;
    case sparc_clear_pil_nr:
      t.iFlags &= ~XM_IFLAGS_PIL_MASK;
      t.iFlags |= XM_IFLAGS_ET;
      next = Result::reschedule;
      break;
    default:
      r = XM_UNKNOWN_HYPERCALL;
  }
  c.o[0] = static_cast<std::uint32_t>(r);
  return next;
}

}  // namespace stratum::sparc::vcpu
