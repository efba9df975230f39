// What the trap path saves of a partition, and the few globals the
// assembly shares with the C++ kernel (see traps.S for the invariants).
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/arch/sparc/asm.h"

namespace stratum::sparc {

struct alignas(8) Context {  // ldd/std in traps.S need 8-byte alignment
  std::uint32_t psr;
  std::uint32_t pc;
  std::uint32_t npc;
  std::uint32_t y;
  std::uint32_t g[8];
  std::uint32_t o[8];             // the partition's %o registers
  std::uint32_t fresh;            // never ran since (re)start: no window to restore
  std::uint32_t vtrap_pc;         // resume in a new window at this handler
  std::uint32_t vtrap_l0;
  std::uint32_t supervisor;       // the idle context
  // Register windows a spill by the hypervisor could not put on the
  // partition's stack (its %sp is not the partition's writable memory):
  // kept here, oldest first, each as %l0-%l7, %i0-%i7, and put back into
  // the register file before the partition runs again (traps.S). Empty
  // whenever the partition runs.
  std::uint32_t window_count;
  std::uint32_t window_sp;        // the stack the oldest of them was refused
  std::uint32_t window_ranges;    // the partition's stratum_stack_ranges (traps.S puts them back)
  std::uint32_t window_pad;
  std::uint32_t windows[NWINDOWS - 1][16];
};

static_assert(offsetof(Context, psr) == CTX_PSR);
static_assert(offsetof(Context, pc) == CTX_PC);
static_assert(offsetof(Context, npc) == CTX_NPC);
static_assert(offsetof(Context, y) == CTX_Y);
static_assert(offsetof(Context, g) == CTX_G);
static_assert(offsetof(Context, o) == CTX_O);
static_assert(offsetof(Context, fresh) == CTX_FRESH);
static_assert(offsetof(Context, vtrap_pc) == CTX_VTRAP_PC);
static_assert(offsetof(Context, vtrap_l0) == CTX_VTRAP_L0);
static_assert(offsetof(Context, supervisor) == CTX_SUPERVISOR);
static_assert(offsetof(Context, window_count) == CTX_WBUF_N);
static_assert(offsetof(Context, window_sp) == CTX_WBUF_SP);
static_assert(offsetof(Context, window_ranges) == CTX_WBUF_RANGES);
static_assert(offsetof(Context, windows) == CTX_WBUF);
static_assert(sizeof(Context) == CTX_SIZE);

// The floating-point unit's state (SPARC v8 manual 4.4): %f0-%f31 as 16
// doubles and the FSR, in the layout stratum_fpu_save/restore use.
struct alignas(8) FpuContext {
  std::uint64_t f[16];
  std::uint32_t fsr;
};
static_assert(offsetof(FpuContext, fsr) == 128);

// A range of valid stack pointers for window spills: lo <= %sp <= hi.
// A list ends with {0, 0}.
struct alignas(8) StackRange {  // (LDD in windows.S's flush)
  std::uint32_t lo;
  std::uint32_t hi;
};

// One of the current partition's writable areas as the trap path's fast
// XM_get_time (hypercall.S) checks a pointer against it: an 8-byte object may
// start at start .. start + span (span = the area's size - 8: the whole
// object inside the area, no address computed past it, so nothing wraps).
// A list ends with span = 0 (an area of 8 bytes or less is left out: the
// general path still takes it).
struct alignas(8) UserArea {  // (LDD in traps.S)
  std::uint32_t start;
  std::uint32_t span;
};

// SPARC trap types (v8 manual, table 7-1) the kernel tells apart.
namespace tt {
inline constexpr std::uint32_t instruction_access_exception = 0x01;
inline constexpr std::uint32_t illegal_instruction = 0x02;
inline constexpr std::uint32_t privileged_instruction = 0x03;
inline constexpr std::uint32_t fp_disabled = 0x04;
inline constexpr std::uint32_t window_overflow = 0x05;
inline constexpr std::uint32_t window_underflow = 0x06;
inline constexpr std::uint32_t mem_address_not_aligned = 0x07;
inline constexpr std::uint32_t fp_exception = 0x08;
inline constexpr std::uint32_t data_access_exception = 0x09;
inline constexpr std::uint32_t tag_overflow = 0x0a;
inline constexpr std::uint32_t interrupt_level_1 = 0x11;
inline constexpr std::uint32_t interrupt_level_15 = 0x1f;
inline constexpr std::uint32_t division_by_zero = 0x2a;
inline constexpr std::uint32_t hypercall = 0xf0;
inline constexpr std::uint32_t asm_hypercall = 0xf1;
inline constexpr std::uint32_t window_fault = TT_WINDOW_FAULT;
}  // namespace tt

}  // namespace stratum::sparc

extern "C" {
extern stratum::sparc::Context* stratum_current_context;
extern const stratum::sparc::StackRange* stratum_stack_ranges;
extern const stratum::sparc::UserArea* stratum_user_areas;
extern const void* stratum_iret_table;  // Processor::IretTable of the current partition
extern std::uint32_t stratum_window_fault;
void stratum_flush_windows();
void stratum_idle_loop();
[[noreturn]] void stratum_first_return();
[[noreturn]] void stratum_restart(std::uint32_t how);  // start.S: the hypervisor from its entry point again
void stratum_fpu_save(stratum::sparc::FpuContext* to);
void stratum_fpu_restore(const stratum::sparc::FpuContext* from);
}
