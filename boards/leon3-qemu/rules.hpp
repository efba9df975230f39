// The rules of board leon3-qemu: what a valid XM_CF system must not ask of
// it (docs/configuration-rules.md, "Board leon3-qemu"). They read the
// board's facts (facts.hpp), which the generator reads too, so that
// `stratum-gen check --board leon3-qemu` prints the same messages; board.hpp
// applies them where the image is instantiated (Leon3Qemu::valid_for<S>()).
// Kept apart from board.hpp, which is SPARC code, so the host tests can run
// them.
#pragma once

#include "facts.hpp"
#include "stratum/config/diagnostic.hpp"
#include "stratum/config/model.hpp"

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

}  // namespace stratum::boards::leon3_qemu
