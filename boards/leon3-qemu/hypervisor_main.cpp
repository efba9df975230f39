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

// The PCT pages and the page tables, in the sections the link script puts
// where the tables say they are.
extern "C" {
[[gnu::section(".stratum_pct")]] stratum::kernel::PctPage stratum_pct_pages[stratum_system::system.partitions.size()];
[[gnu::section(".stratum_page_tables"), gnu::used]] const Hypervisor::Kernel::Cpu::Tables stratum_page_tables =
    Hypervisor::Kernel::Cpu::page_tables;
}

// What outlives a restart of the hypervisor (kernel/persistent.hpp): kept
// out of .bss by the link script, zeroed at power-on by start.S.
extern "C" {
[[gnu::section(".stratum_persistent")]] stratum::kernel::Persistent stratum_persistent;
}

// Shared with arch/sparc/traps.S.
extern "C" {
stratum::sparc::Context* stratum_current_context;
const stratum::sparc::StackRange* stratum_stack_ranges;
const stratum::sparc::UserArea* stratum_user_areas;
const void* stratum_iret_table;
StratumClock stratum_clock;
std::uint32_t stratum_window_fault;
}

extern "C" [[noreturn]] void stratum_main(std::uint32_t how) { Hypervisor::boot(static_cast<stratum::kernel::Start>(how)); }

extern "C" void stratum_trap(std::uint32_t tt) { Hypervisor::trap(tt); }

// Reached from the trap table for any trap the hypervisor itself causes:
// the XMHypervisor health monitor's (kernel/hm_hypervisor.hpp).
extern "C" [[noreturn]] void stratum_fatal_trap(std::uint32_t tt, std::uint32_t pc, std::uint32_t npc,
                                                std::uint32_t psr) {
  Hypervisor::fatal(tt, pc, npc, psr);
}
