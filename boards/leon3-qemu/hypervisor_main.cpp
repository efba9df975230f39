// The hypervisor image for one system: the generated tables
// (<system.hpp>, from the build directory) bound to this board.
#include <system.hpp>

#include "board.hpp"
#include "stratum/hypervisor.hpp"
#include "stratum/support/mem.hpp"

namespace {
using Board = stratum::boards::Leon3Qemu;
using Hypervisor = stratum::Hypervisor<Board, stratum_system::system>;
}  // namespace

extern "C" [[noreturn]] void stratum_main() { Hypervisor::boot(); }

// Reached from the trap table for any trap the hypervisor does not expect.
extern "C" [[noreturn]] void stratum_fatal_trap(std::uint32_t tt, std::uint32_t pc, std::uint32_t npc,
                                                std::uint32_t psr) {
  stratum::Line l;
  l << "\nStratum: unexpected trap tt=";
  l.hex(tt) << " pc=";
  l.hex(pc) << " npc=";
  l.hex(npc) << " psr=";
  l.hex(psr) << '\n';
  stratum::Console<Board>::write(l);
  Board::shutdown(1);
}
