// SRMMU page tables computed by the compiler (SPARC v8 manual, appendix H).
//
// One context per partition (context i+1 for partition index i; context 0
// is the hypervisor's own, used at boot and in the idle loop). Every
// context maps the hypervisor's areas and the trace streams' MemoryBlocks
// identity-mapped and supervisor-only (ACC 7) and the I/O window 0x80000000-0x80ffffff supervisor-only and
// uncached, so a trap never needs to change context. A partition's context
// adds its own areas (at mappedAt, else at their start; ACC 3, or ACC 2 when
// read-only; shared areas ACC 1, or ACC 0 when read-only: never executable;
// uncached when uncacheable; nothing when unmapped) and its PCT page, user
// read-only (ACC 5).
//
// The tables are one flat word array meant to sit at physical address
// `Base`: the context table first (1 KB), then one level-1 table per
// context (1 KB each), then level-2 and level-3 tables (256 bytes each) as
// the mappings need them, so every table sits on a multiple of its own size
// as the SRMMU requires (tables_aligned() proves it). Table descriptors hold physical addresses, which
// is why `Base` is a template argument. The largest page that fits is used:
// 16 MB (level 1), 256 KB (level 2), else 4 KB (level 3).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "stratum/config/model.hpp"
#include "stratum/config/target.hpp"
#include "stratum/layout.hpp"
#include "stratum/util/text.hpp"

namespace stratum::sparc::srmmu {

// ACC field of a PTE (SPARC v8 table H-4): user / supervisor rights.
namespace acc {
inline constexpr std::uint32_t user_r = 0;           // R / R: read-only shared areas
inline constexpr std::uint32_t user_rw = 1;          // RW / RW: shared areas
inline constexpr std::uint32_t user_rx = 2;          // RX / RX: read-only areas
inline constexpr std::uint32_t user_rwx = 3;         // RWX / RWX: partition areas
inline constexpr std::uint32_t user_r_sup_rw = 5;    // R / RW: the PCT
inline constexpr std::uint32_t supervisor_rwx = 7;   // none / RWX: hypervisor, I/O
}  // namespace acc

// A partition's rights on one of its areas. A shared area is never
// executable: another partition may write it, and no partition runs code
// that another can change (issue 9, point 11).
constexpr std::uint32_t area_access(std::uint32_t flags) {
  const bool ro = (flags & config::area_flag::read_only) != 0;
  if (flags & config::area_flag::shared) return ro ? acc::user_r : acc::user_rw;
  return ro ? acc::user_rx : acc::user_rwx;
}

using target::mmu_page;

constexpr std::uint32_t pte(std::uint32_t pa, std::uint32_t access, bool cacheable) {
  return ((pa >> 4) & 0xffffff00u) | (cacheable ? 0x80u : 0u) | (access << 2) | 2u;
}
constexpr std::uint32_t ptd(std::uint32_t table_pa) { return (table_pa >> 4) | 1u; }

struct Mapping {
  std::uint32_t va;
  std::uint32_t pa;
  std::uint32_t size;
  std::uint32_t access;
  bool cacheable;
};

// What context `ctx` maps, as at most `Max` disjoint mappings.
template <std::size_t Max>
struct MappingList {
  std::array<Mapping, Max> m{};
  std::size_t n = 0;
  constexpr void add(const Mapping& x) {
    if (x.size != 0 && n < Max) m[n++] = x;
  }
};

constexpr std::size_t max_mappings(const config::System& s) {
  std::size_t most = 0;
  for (const config::Partition& p : s.partitions) most = p.areas.size() > most ? p.areas.size() : most;
  return 2 * s.hypervisor.areas.size() + 2 + most + s.partitions.size() + 1;  // (+ the trace streams)
}

template <const config::System& S>
constexpr auto mappings_of(std::size_t ctx, std::uint32_t pct_base) {
  MappingList<max_mappings(S)> l;
  // The PCT page of this context's partition is carved out of the
  // hypervisor's identity mapping and given to the user read-only.
  const std::uint32_t pct = ctx == 0 ? 0 : pct_base + mmu_page * static_cast<std::uint32_t>(ctx - 1);
  for (const config::MemoryArea& h : S.hypervisor.areas) {
    if (pct >= h.start && pct - h.start < h.size) {
      l.add({h.start, h.start, pct - h.start, acc::supervisor_rwx, true});
      l.add({pct, pct, mmu_page, acc::user_r_sup_rw, true});
      l.add({pct + mmu_page, pct + mmu_page, h.start + h.size - pct - mmu_page, acc::supervisor_rwx, true});
    } else {
      l.add({h.start, h.start, h.size, acc::supervisor_rwx, true});
    }
  }
  l.add({target::io_window_start, target::io_window_start, target::io_window_size, acc::supervisor_rwx, false});
  // The trace streams' MemoryBlocks (kernel/traces.hpp), like the
  // hypervisor's own memory: the kernel stores an event whoever runs.
  for (std::size_t k = 0; k <= S.partitions.size(); ++k) {
    const config::Trace& t = k < S.partitions.size() ? S.partitions[k].trace : S.hypervisor.trace;
    if (const config::Device* b = config::trace_device(S, t)) l.add({b->start, b->start, b->size, acc::supervisor_rwx, true});
  }
  if (ctx != 0) {
    for (const config::MemoryArea& a : S.partitions[ctx - 1].areas) {
      if (a.flags & config::area_flag::unmapped) continue;
      l.add({a.mapped_at, a.start, a.size, area_access(a.flags), (a.flags & config::area_flag::uncacheable) == 0});
    }
  }
  return l;
}

// The builder: fills `words` (capacity N) and says how many it used.
template <std::size_t N>
struct Build {
  std::array<std::uint32_t, N> words{};
  std::size_t used = 0;
  bool overflow = false;

  constexpr std::size_t alloc(std::size_t count) {
    const std::size_t at = used;
    if (used + count > N) {
      overflow = true;
      return 0;
    }
    used += count;
    return at;
  }

  // The table below entry `e` (a word index), allocating it if needed.
  constexpr std::size_t table_below(std::uint32_t base, std::size_t e) {
    if ((words[e] & 3u) == 1u) return ((words[e] & ~3u) << 4) / 4 - base / 4;
    const std::size_t t = alloc(64);
    if (!overflow) words[e] = ptd(base + static_cast<std::uint32_t>(t) * 4);
    return t;
  }

  constexpr void map(std::uint32_t base, std::size_t l1, const Mapping& m) {
    std::uint64_t off = 0;
    while (off < m.size && !overflow) {
      const std::uint32_t va = m.va + static_cast<std::uint32_t>(off);
      const std::uint32_t pa = m.pa + static_cast<std::uint32_t>(off);
      const std::uint64_t left = m.size - off;
      const std::size_t e1 = l1 + (va >> 24);
      if ((va & 0xffffffu) == 0 && (pa & 0xffffffu) == 0 && left >= 0x1000000u && words[e1] == 0) {
        words[e1] = pte(pa, m.access, m.cacheable);
        off += 0x1000000u;
        continue;
      }
      const std::size_t l2 = table_below(base, e1);
      const std::size_t e2 = l2 + ((va >> 18) & 0x3fu);
      if ((va & 0x3ffffu) == 0 && (pa & 0x3ffffu) == 0 && left >= 0x40000u && words[e2] == 0) {
        words[e2] = pte(pa, m.access, m.cacheable);
        off += 0x40000u;
        continue;
      }
      const std::size_t l3 = table_below(base, e2);
      words[l3 + ((va >> 12) & 0x3fu)] = pte(pa, m.access, m.cacheable);
      off += mmu_page;
    }
  }
};

template <const config::System& S, std::uint32_t Base, std::size_t N>
constexpr Build<N> build_tables(std::uint32_t pct_base) {
  Build<N> b;
  constexpr std::size_t contexts = S.partitions.size() + 1;
  b.alloc(256);  // the context table
  // All level-1 tables come first: each must be aligned to its own size
  // (1 KB), which only holds while nothing smaller was allocated before it.
  const std::size_t first_l1 = b.alloc(256 * contexts);
  if (b.overflow) return b;
  for (std::size_t c = 0; c < contexts; ++c) {
    const std::size_t l1 = first_l1 + 256 * c;
    b.words[c] = ptd(Base + static_cast<std::uint32_t>(l1) * 4);
    const auto l = mappings_of<S>(c, pct_base);
    for (std::size_t k = 0; k < l.n; ++k) b.map(Base, l1, l.m[k]);
  }
  return b;
}

template <const config::System& S, std::uint32_t Base, std::uint32_t PctBase>
struct PageTables {
  // A first build into the whole reserve tells how many words are needed.
  static constexpr std::size_t capacity = page_tables_reserve / 4;
  static constexpr std::size_t words_needed = [] {
    const auto b = build_tables<S, Base, capacity>(PctBase);
    return b.overflow ? capacity + 1 : b.used;
  }();
  static constexpr bool fits = words_needed <= capacity;
  static constexpr std::size_t word_count = fits ? words_needed : 1;

  alignas(1024) std::array<std::uint32_t, word_count> words;

  static constexpr PageTables build() {
    PageTables t{};
    if constexpr (fits) t.words = build_tables<S, Base, word_count>(PctBase).words;
    return t;
  }

  static constexpr std::uint32_t context_of_partition(std::size_t index) {
    return static_cast<std::uint32_t>(index + 1);
  }
  // The SRMMU context table pointer register: the table's address >> 4.
  static constexpr std::uint32_t context_table_pointer() { return Base >> 4; }
  constexpr std::uint32_t l1_address(std::uint32_t ctx) const { return (words[ctx] & ~3u) << 4; }
};

// ------------------------------------------------------------------ walker
struct Translation {
  bool valid;
  std::uint32_t pa;
  std::uint32_t access;
  bool cacheable;
};

// What the SRMMU does with virtual address `va` in context `ctx`, reading
// tables that live at `base` (host tests and static_asserts use it).
template <std::size_t N>
constexpr Translation translate(const std::array<std::uint32_t, N>& w, std::uint32_t base, std::uint32_t ctx,
                                std::uint32_t va) {
  const auto at = [&](std::uint32_t pa) -> std::uint32_t {
    const std::uint32_t i = (pa - base) / 4;
    return i < N ? w[i] : 0;
  };
  std::uint32_t e = ctx < 256 ? w[ctx] : 0;
  const std::uint32_t shifts[3] = {24, 18, 12};
  const std::uint32_t masks[3] = {0xff, 0x3f, 0x3f};
  for (int level = 0; level < 3; ++level) {
    if ((e & 3u) != 1u) return {false, 0, 0, false};  // must be a table descriptor here
    const std::uint32_t table = (e & ~3u) << 4;
    e = at(table + ((va >> shifts[level]) & masks[level]) * 4);
    if ((e & 3u) == 2u) {
      const std::uint32_t span_mask = (1u << shifts[level]) - 1;
      return {true, ((e & 0xffffff00u) << 4) | (va & span_mask), (e >> 2) & 7u, (e & 0x80u) != 0};
    }
  }
  return {false, 0, 0, false};
}

// Every table descriptor reachable from the context table points at a
// table aligned to its own size (level 1: 1 KB, levels 2 and 3: 256 B) and
// lying inside the array. QEMU ignores the low bits; a LEON3 does not.
template <std::size_t N>
constexpr bool tables_aligned(const std::array<std::uint32_t, N>& w, std::uint32_t base, std::uint32_t contexts) {
  if (base % 1024 != 0) return false;
  const auto table_ok = [&](std::uint32_t desc, std::uint32_t bytes, std::uint32_t& first) {
    const std::uint32_t t = (desc & ~3u) << 4;
    if (t % bytes != 0 || t < base || (t - base) / 4 + bytes / 4 > N) return false;
    first = (t - base) / 4;
    return true;
  };
  for (std::uint32_t c = 0; c < contexts && c < N; ++c) {
    if ((w[c] & 3u) != 1u) return false;
    std::uint32_t l1 = 0;
    if (!table_ok(w[c], 1024, l1)) return false;
    for (std::uint32_t i = 0; i < 256; ++i) {
      if ((w[l1 + i] & 3u) != 1u) continue;
      std::uint32_t l2 = 0;
      if (!table_ok(w[l1 + i], 256, l2)) return false;
      for (std::uint32_t j = 0; j < 64; ++j) {
        if ((w[l2 + j] & 3u) != 1u) continue;
        std::uint32_t l3 = 0;
        if (!table_ok(w[l2 + j], 256, l3)) return false;
        for (std::uint32_t k = 0; k < 64; ++k)
          if ((w[l3 + k] & 3u) == 1u) return false;  // no level 4
      }
    }
  }
  return true;
}

// User-mode rights of an ACC value (SPARC v8 table H-4).
constexpr bool user_can_read(std::uint32_t a) { return a == 0 || a == 1 || a == 2 || a == 3 || a == 5; }
constexpr bool user_can_write(std::uint32_t a) { return a == 1 || a == 3; }
constexpr bool user_can_execute(std::uint32_t a) { return a == 2 || a == 3 || a == 4; }

// ------------------------------------------------------------ validators
using Diagnostic = Text<256>;

// MMU-ALIGN and MMU-VIRTUAL-COLLISION, the rules on the areas these tables
// are built from, are checked with the other rules (config/check_memory.hpp).

// [MMU-TABLES-SIZE] the tables fit the room the image keeps for them.
template <const config::System& S, std::uint32_t Base, std::uint32_t PctBase>
constexpr Diagnostic check_mmu_tables_size() {
  Diagnostic d;
  if (!PageTables<S, Base, PctBase>::fits) {
    d << "[MMU-TABLES-SIZE] the page tables of system '" << S.name << "' need more than ";
    d.size(page_tables_reserve) << "; use fewer or better aligned areas";
  }
  return d;
}

}  // namespace stratum::sparc::srmmu
