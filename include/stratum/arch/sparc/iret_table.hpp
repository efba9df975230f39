// The tables the trap path's fast XM_sparc_iret (iret.S) checks the
// current partition's handler against, one per partition, made by the
// compiler from the system tables; Processor points stratum_iret_table at
// the current one at each switch (the idle context's is empty).
//
// Each list is UserArea's {start, span} ending with span 0 (context.hpp),
// so that the fast path accepts only what the general path (vcpu.hpp,
// asm_hypercall) accepts and leaves the rest to it:
//  - stacks: where the handler window's %sp may be, 8-byte aligned, for its
//    64-byte save area to lie in a writable area (read_frame's
//    Memory::holds(sp, 64, true, 8), and the rule of stratum_stack_ranges);
//  - code: where a return PC or nPC may be, word aligned (`code(pc)`,
//    Memory::holds(pc, 4, false, 4): any mapped area);
//  - pct: its PCT, where the hypervisor writes it (Pct::of).
// Left out, as for the fast XM_get_time's list: areas too small for the
// object, and any that would wrap past 4 GB.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/arch/sparc/asm.h"
#include "stratum/arch/sparc/context.hpp"
#include "stratum/arch/sparc/vcpu.hpp"
#include "stratum/config/model.hpp"
#include "stratum/kernel/pct.hpp"

namespace stratum::sparc {

// iret.S reads and writes these PCT words.
// (each pending word and its mask one doubleword: LDD; the PCT is page aligned)
static_assert(offsetof(partitionControlTable_t, iFlags) == PCT_IFLAGS);
static_assert(offsetof(partitionControlTable_t, hwIrqsPend) == PCT_HW_PEND);
static_assert(offsetof(partitionControlTable_t, hwIrqsMask) == PCT_HW_PEND + 4 && PCT_HW_PEND % 8 == 0);
static_assert(offsetof(partitionControlTable_t, extIrqsPend) == PCT_EXT_PEND);
static_assert(offsetof(partitionControlTable_t, extIrqsMask) == PCT_EXT_PEND + 4 && PCT_EXT_PEND % 8 == 0);
static_assert(alignof(kernel::PctPage) % 8 == 0);
static_assert(XM_IFLAGS_ET == IFLAGS_ET && XM_IFLAGS_PIL_MASK == IFLAGS_PIL);

template <const config::System& S, std::uint32_t pct_base>
struct IretTables {
  static constexpr std::size_t N = S.partitions.size();
  static constexpr std::size_t max_areas = [] {
    std::size_t m = 0;
    for (const config::Partition& p : S.partitions) m = p.areas.size() > m ? p.areas.size() : m;
    return m;
  }();

  struct alignas(8) Table {  // (LDD in iret.S)
    std::uint32_t pct;
    std::uint32_t code_offset;  // offsetof(Table, code), for the assembly
    std::array<UserArea, max_areas + 1> stacks;
    std::array<UserArea, max_areas + 1> code;
  };
  static_assert(offsetof(Table, pct) == IRET_PCT && offsetof(Table, code_offset) == IRET_CODE_OFFSET &&
                offsetof(Table, stacks) == IRET_STACKS);

  // Partition i's areas with none of the `excluded` flags where an object
  // of `object` bytes may start: start .. start + span.
  static constexpr auto list(std::size_t i, std::uint32_t object, std::uint32_t excluded) {
    std::array<UserArea, max_areas + 1> r{};
    std::size_t k = 0;
    for (const config::MemoryArea& a : S.partitions[i].areas) {
      if ((a.flags & excluded) != 0 || a.size <= object || std::uint64_t{a.mapped_at} + a.size > 0x1'0000'0000ull)
        continue;
      r[k++] = {a.mapped_at, a.size - object};
    }
    return r;
  }

  static constexpr auto tables = [] {
    std::array<Table, N> r{};
    for (std::size_t i = 0; i < N; ++i) {
      r[i].pct = pct_base + static_cast<std::uint32_t>(i * sizeof(kernel::PctPage));
      r[i].code_offset = offsetof(Table, code);
      r[i].stacks = list(i, vcpu::window_bytes, config::area_flag::unmapped | config::area_flag::read_only);
      r[i].code = list(i, 4, config::area_flag::unmapped);
    }
    return r;
  }();
  static constexpr Table none{0, offsetof(Table, code), {}, {}};  // the idle context: nothing
};

}  // namespace stratum::sparc
