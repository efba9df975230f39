// The hypervisor state that outlives a restart of the hypervisor itself (a
// reset action for its own fault, kernel/hm_hypervisor.hpp): the HM log and
// the system's reset counter. One object, `stratum_persistent`, defined by
// the board's image in section .stratum_persistent, which the link script
// keeps out of .bss; the start-up code (arch/sparc/start.S) zeroes it at
// power-on only. (A plain global: GCC ignores a section attribute on a
// template's static member, so the services' own statics cannot carry it.)
#pragma once

#include <array>
#include <cstdint>

extern "C" {
#include "xm/hm.h"
}

namespace stratum::kernel {

// HmLog's ring and positions (kernel/hm_log.hpp says what each means).
struct HmLogState {
  std::array<xmHmLog_t, XM_HM_LOG_CAPACITY> ring;
  std::uint64_t written;   // entries logged since power-on
  std::uint64_t position;  // the reader's next entry, counted as written
  std::uint64_t lost;      // overwritten before they were read
  std::uint32_t head;      // where the next entry goes: written mod capacity
  std::uint32_t reader;    // the reading partition + 1 (0: none yet)
};

struct Persistent {
  HmLogState hm_log;
  std::uint32_t system_resets;  // XM_get_system_status's resetCounter
};

}  // namespace stratum::kernel

extern "C" stratum::kernel::Persistent stratum_persistent;
