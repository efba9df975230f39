// Virtual traps and interrupts (manual 2.15, 5.11): a partition never sees
// the processor's trap table. Its processor traps, the hardware interrupts
// it owns and the hypervisor's extended interrupts reach it as entries of
// its own virtual trap table (XM_write_register32(TBR_REG32, ...)), through
// the pending and mask words of its PCT and its virtual ET/PIL.
//
// Extended interrupt n (XM_VT_EXT_*, 0..31) is bit n of extIrqsPend and
// extIrqsMask and arrives on vector extIrq2Vector[n] (0xE0 + n).
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"

extern "C" {
#include "xm/guest.h"
}

namespace stratum::kernel {

template <class K>
class VirtualTraps {
 public:
  static constexpr std::size_t N = K::system.partitions.size();

  // Extended interrupt `irq` (XM_VT_EXT_*) is pending for partition i.
  static void raise(Caller i, std::uint32_t irq) { K::Pct::of(i).extIrqsPend |= 1u << (irq - XM_VT_EXT_FIRST); }

  // Has partition i an interrupt pending that it does not mask (hardware
  // or extended)? What wakes an idle partition (5.17).
  static bool interrupt_pending(Caller i) {
    const partitionControlTable_t& t = K::Pct::of(i);
    return ((t.extIrqsPend & ~t.extIrqsMask) | (t.hwIrqsPend & ~t.hwIrqsMask)) != 0;
  }

  // Would extended interrupt `irq` reach partition i now: unmasked, and not
  // already pending (a second expiry adds nothing to a pending one)?
  static bool wants(Caller i, std::uint32_t irq) {
    const partitionControlTable_t& t = K::Pct::of(i);
    return ((t.extIrqsPend | t.extIrqsMask) & (1u << (irq - XM_VT_EXT_FIRST))) == 0;
  }

  // Virtual interrupts delivered to partition i since boot.
  static std::uint64_t delivered(Caller i) { return parts_[i].virqs; }

  // This service's step of a restart: no trap table (Pct::reset masks
  // and clears the rest).
  static void reset(Caller i) { parts_[i].vtbr = 0; }

  static bool has_table(Caller i) { return parts_[i].vtbr != 0; }
  // Does partition i take its traps itself (it has a table and virtual
  // traps enabled)?
  static bool takes_traps(Caller i) { return parts_[i].vtbr != 0 && K::Cpu::traps_enabled(K::Pct::of(i)); }

  // Partition i (the current one) resumes in its handler for `vector`.
  static void deliver(Caller i, std::uint32_t vector) {
    K::Cpu::enter_handler(i, K::Pct::of(i), parts_[i].vtbr + vector * 16);
    ++parts_[i].virqs;
  }

  // The current partition takes its lowest pending unmasked extended
  // interrupt, if its virtual interrupts are open.
  static void deliver_pending(Caller i) {
    partitionControlTable_t& t = K::Pct::of(i);
    if (parts_[i].vtbr == 0 || !K::Cpu::interrupts_open(t)) return;
    const std::uint32_t ext = t.extIrqsPend & ~t.extIrqsMask;
    if (ext == 0) return;
    std::uint32_t n = 0;
    while ((ext & (1u << n)) == 0) ++n;
    t.extIrqsPend &= ~(1u << n);
    deliver(i, t.extIrq2Vector[n]);
  }

  // XM_clear_irqmask (5.11): unmasks hardware and extended interrupts.
  static std::int32_t clear_irqmask(Caller caller, xm_u32_t hwIrqsMask, xm_u32_t extIrqsMask) {
    K::Pct::of(caller).hwIrqsMask &= ~hwIrqsMask;
    K::Pct::of(caller).extIrqsMask &= ~extIrqsMask;
    K::request_reschedule();  // something pending may be deliverable now
    return XM_OK;
  }

  // XM_set_irqmask (5.11): masks them.
  static std::int32_t set_irqmask(Caller caller, xm_u32_t hwIrqsMask, xm_u32_t extIrqsMask) {
    K::Pct::of(caller).hwIrqsMask |= hwIrqsMask;
    K::Pct::of(caller).extIrqsMask |= extIrqsMask;
    return XM_OK;
  }

  // XM_write_register32(TBR_REG32, table) on SPARC (5.13): the partition's
  // virtual trap table, aligned as the processor's and wholly in memory the
  // partition may execute and no other partition can write (not shared).
  static std::int32_t write_tbr(Caller caller, xmAddress_t table) {
    if (!K::Memory::holds_code(caller, table, K::Cpu::trap_table_bytes, K::Cpu::trap_table_align))
      return XM_INVALID_PARAM;
    parts_[caller].vtbr = table;
    K::Pct::of(caller).arch.tbr = table;
    return XM_OK;
  }

  using Hypercalls = kernel::Hypercalls<Bind<__CLEAR_IRQ_MASK_NR, &clear_irqmask>,
                                        Bind<__SET_IRQ_MASK_NR, &set_irqmask>, Bind<sparc_write_tbr_nr, &write_tbr>>;

 private:
  struct Runtime {
    std::uint32_t vtbr;  // its virtual trap table; 0: none yet
    std::uint64_t virqs;
  };
  static inline Runtime parts_[N]{};
};

}  // namespace stratum::kernel
