// System management (manual 5.6): halting and resetting the whole system,
// for system partitions only, and the system-wide counters that
// XM_get_system_status reports.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/console.hpp"
#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/persistent.hpp"
#include "stratum/util/text.hpp"

extern "C" {
#include "xm/status.h"
}

namespace stratum::kernel {

template <class K>
class SystemControl {
 public:
  static std::uint32_t resets() { return stratum_persistent.system_resets; }
  static std::uint64_t irqs() { return irqs_; }
  static void count_irq() { ++irqs_; }

  // XM_halt_system (5.6): the run ends (on the QEMU board, QEMU exits 0).
  static std::int32_t halt_system(Caller caller) {
    if (!K::Partitions::is_system(caller)) return XM_PERM_ERROR;
    Line l;
    l << "Stratum: system halted by partition ";
    l.dec(K::system.partitions[caller].id) << " '" << K::system.partitions[caller].name << "'\n";
    K::shutdown(l.c_str(), 0);
  }

  // XM_reset_system (5.6): the system starts again as it booted: the
  // partitions that boot restart (a cold reset reloads their images), the
  // others are halted, and plan 0 starts from its first slot.
  [[gnu::cold]] static std::int32_t reset_system(Caller caller, xm_u32_t resetMode) {
    if (!K::Partitions::is_system(caller)) return XM_PERM_ERROR;
    if (resetMode != XM_COLD_RESET && resetMode != XM_WARM_RESET) return XM_INVALID_PARAM;
    reset(resetMode, caller, "by partition ");
    return XM_OK;
  }

  // The system reset itself (XM_COLD_RESET or XM_WARM_RESET), which
  // partition `cause` asked for, or caused (a partition table's
  // XM_HM_AC_HYPERVISOR_*_RESET, manual 2.13.2); `by` starts the console
  // line's cause ("by partition ").
  [[gnu::cold]] static void reset(xm_u32_t resetMode, Caller cause, const char* by) {
    Text<96> why;
    why << by;
    why.dec(K::system.partitions[cause].id) << " '" << K::system.partitions[cause].name << "'";
    reset(resetMode, why.c_str());
  }

  // The same, for a cause that is not a partition (the XMHypervisor table's
  // reset actions, kernel/hm_hypervisor.hpp): "Stratum: system <mode> reset
  // <why>". The hypervisor goes on: its state is sound (a fault of the
  // hypervisor itself restarts it instead, Kernel::restart_hypervisor).
  [[gnu::cold]] static void reset(xm_u32_t resetMode, const char* why) {
    ++stratum_persistent.system_resets;
    Line l;
    l << "Stratum: system " << (resetMode == XM_COLD_RESET ? "cold" : "warm") << " reset " << why << '\n';
    K::Out::write(l);
    K::Ports::reset_all();  // every channel empty, every port closed, as at boot
    for (std::size_t i = 0; i < K::system.partitions.size(); ++i) K::boot_partition(i, resetMode == XM_COLD_RESET, true);
    K::Plans::start(K::Board::now_us());
  }

  // The hypervisor restarted after its own fault: one more system reset.
  static void restarted() { ++stratum_persistent.system_resets; }

  using Hypercalls = kernel::Hypercalls<Bind<__HALT_SYSTEM_NR, &halt_system>, Bind<__RESET_SYSTEM_NR, &reset_system>>;

 private:
  static inline std::uint64_t irqs_ = 0;
};

}  // namespace stratum::kernel
