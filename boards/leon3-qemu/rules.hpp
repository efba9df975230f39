// The rules of board leon3-qemu: what a valid XM_CF system must not ask of
// it (docs/configuration-rules.md, "Board leon3-qemu"). They read the
// board's facts (facts.hpp), which the generator reads too, so that
// `stratum-gen check --board leon3-qemu` prints the same messages; board.hpp
// applies them where the image is instantiated (Leon3Qemu::valid_for<S>()).
// The board's warning (BOARD-SLOT-LENGTH) is listed apart, in
// `board_warnings`, which valid_for<S>() does not consult: like the
// manual's advice (check.hpp's `warnings`), it never fails a build.
// Kept apart from board.hpp, which is SPARC code, so the host tests can run
// them.
#pragma once

#include "facts.hpp"
#include "stratum/config/check.hpp"
#include "stratum/config/diagnostic.hpp"
#include "stratum/config/model.hpp"
#include "stratum/config/target.hpp"

namespace stratum::boards::leon3_qemu {

// [BOARD-PROCESSORS] the plans of processors the board does not have would
// never run; say so rather than boot a different system.
constexpr config::Diagnostic check_board_processors(const config::System& s) {
  config::Diagnostic d;
  if (s.processors.size() > processors) {
    d << "[BOARD-PROCESSORS] system '" << s.name << "' declares ";
    d.dec(s.processors.size()) << " processors; board " << name << " has ";
    d.dec(processors);
  }
  return d;
}

// [BOARD-VCPUS] a slot for another vCPU would silently run vCPU 0.
constexpr config::Diagnostic check_board_vcpus(const config::System& s) {
  config::Diagnostic d;
  for (const config::Partition& p : s.partitions)
    if (p.vcpus > vcpus_per_partition) {
      config::detail::partition(d << "[BOARD-VCPUS] ", p) << " has ";
      d.dec(p.vcpus) << " vCPUs; board " << name << " runs ";
      d.dec(vcpus_per_partition) << " per partition";
      return d;
    }
  return d;
}

// [BOARD-MEMORY] a region the board does not have: its areas would be
// memory nobody can read or write, and a hypercall that touched them for
// their partition would fault the hypervisor.
constexpr config::Diagnostic check_board_memory(const config::System& s) {
  config::Diagnostic d;
  const auto inside = [](const config::MemoryRegion& r, std::uint64_t start, std::uint64_t size) {
    return r.start >= start && std::uint64_t{r.start} + r.size <= start + size;
  };
  const auto others = [](const config::MemoryRegion& r) {  // MEM-REGION-WRAP's, MEM-IO-WINDOW's
    const std::uint64_t end = std::uint64_t{r.start} + r.size;
    return end > (std::uint64_t{1} << 32) ||
           (r.start < std::uint64_t{target::io_window_start} + target::io_window_size && end > target::io_window_start);
  };
  for (const config::MemoryRegion& r : s.memory_regions)
    if (!others(r) && !inside(r, ram_start, ram_size) && !inside(r, rom_start, rom_size)) {
      d << "[BOARD-MEMORY] Region ";
      d.area(r.start, r.size) << " is not memory of board " << name << " (RAM ";
      d.area(ram_start, ram_size) << ", PROM ";
      d.area(rom_start, rom_size) << ")";
      return d;
    }
  return d;
}

// [BOARD-SLOT-LENGTH] a warning: a slot starts at most
// slot_lateness_bound_us late (facts.hpp), and only a slot at least that
// long is sure to run at all; a shorter one can pass wholly while the
// hypervisor serves another partition (the hypervisor then raises
// XM_HM_EV_SCHED_ERROR). Empty slots are SLOT-EMPTY's.
constexpr config::Diagnostic check_board_slot_length(const config::System& s) {
  config::Diagnostic d;
  for (const config::Processor& c : s.processors)
    for (const config::Plan& p : c.plans)
      for (const config::Slot& sl : p.slots)
        if (sl.duration_us != 0 && sl.duration_us < slot_lateness_bound_us) {
          config::detail::slot(d << "[BOARD-SLOT-LENGTH] ", c, p, sl) << " lasts ";
          d.time_us(sl.duration_us) << ", less than the ";
          d.time_us(slot_lateness_bound_us) << " a slot may start late on board " << name
                                            << ": the hypervisor may miss it wholly (XM_HM_EV_SCHED_ERROR)";
          return d;
        }
  return d;
}

// The board's warnings: tests run them; valid_for<S>() does not.
inline constexpr config::Rule board_warnings[] = {
    {"BOARD-SLOT-LENGTH", check_board_slot_length},
};

}  // namespace stratum::boards::leon3_qemu
