// The hypervisor: one class template instantiated with the board and the
// system tables. Everything the tables promise is checked here, once, when
// the template is instantiated (config::verify); the kernel is only compiled
// for tables that passed, so one mistake gives one error.
#pragma once

#include <cstdint>

#include "stratum/config/check.hpp"
#include "stratum/config/model.hpp"
#include "stratum/kernel/kernel.hpp"

namespace stratum {

template <class Board, const config::System& S>
class Hypervisor {
 public:
  static constexpr bool tables_valid = config::verify<S>();
  using Kernel = kernel::Kernel<Board, S>;

  // Entered from the board's start-up code with a stack and a trap table.
  [[noreturn]] static void boot(kernel::Start how = kernel::Start::power_on) {
    if constexpr (tables_valid && Kernel::image_valid) Kernel::start(how);
    Board::shutdown(1);
  }

  // A trap of the hypervisor's own code (its health monitor's), from the
  // board's fatal entry with traps disabled.
  [[noreturn]] static void fatal(std::uint32_t tt, std::uint32_t pc, std::uint32_t npc, std::uint32_t psr) {
    if constexpr (tables_valid && Kernel::image_valid) Kernel::fatal(tt, pc, npc, psr);
    Board::shutdown(1);
  }

  static void trap(std::uint32_t tt) {
    if constexpr (tables_valid) Kernel::on_trap(tt);
  }
};

}  // namespace stratum
