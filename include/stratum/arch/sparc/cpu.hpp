// Processor-level operations the kernel needs, as small inline assembly
// (SPARC v8 manual terms; SRMMU registers through ASI 0x19, TLB flush
// through ASI 0x18, as measured on QEMU's LEON3).
#pragma once

#include <cstdint>

namespace stratum::sparc {

namespace mmu_reg {
inline constexpr std::uint32_t control = 0x000;
inline constexpr std::uint32_t context_table = 0x100;
inline constexpr std::uint32_t context = 0x200;
inline constexpr std::uint32_t fault_status = 0x300;   // cleared by reading it
inline constexpr std::uint32_t fault_address = 0x400;
}  // namespace mmu_reg

inline std::uint32_t mmu_read(std::uint32_t reg) {
  std::uint32_t v;
  asm volatile("lda [%1] 0x19, %0" : "=r"(v) : "r"(reg) : "memory");
  return v;
}

inline void mmu_write(std::uint32_t reg, std::uint32_t v) {
  asm volatile("sta %0, [%1] 0x19" : : "r"(v), "r"(reg) : "memory");
}

inline void tlb_flush_all() { asm volatile("sta %%g0, [%0] 0x18" : : "r"(0x400u) : "memory"); }

inline bool mmu_enabled() { return (mmu_read(mmu_reg::control) & 1u) != 0; }

inline void mmu_enable(bool on) {
  const std::uint32_t c = mmu_read(mmu_reg::control);
  mmu_write(mmu_reg::control, on ? (c | 1u) : (c & ~1u));
  tlb_flush_all();
}

inline void mmu_set_context(std::uint32_t ctx) { mmu_write(mmu_reg::context, ctx); }

}  // namespace stratum::sparc
