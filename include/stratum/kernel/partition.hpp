// Partition states (XtratuM manual 2.4) and what the kernel keeps per
// partition besides its saved registers.
#pragma once

#include <cstdint>

#include "stratum/arch/sparc/context.hpp"

namespace stratum::kernel {

enum class PartitionState : std::uint32_t {
  boot,       // (re)started, has not run yet in this life
  normal,     // ready: runs in its slots
  idle,       // gave the rest of its slot away (XM_idle_self) until its next slot
  suspended,  // not scheduled; interrupts stay pending
  halted,     // stopped for good until reset
};

constexpr const char* state_name(PartitionState s) {
  switch (s) {
    case PartitionState::boot: return "boot";
    case PartitionState::normal: return "normal";
    case PartitionState::idle: return "idle";
    case PartitionState::suspended: return "suspended";
    case PartitionState::halted: return "halted";
  }
  return "?";
}

struct PartitionRuntime {
  sparc::Context ctx;
  PartitionState state;
  std::uint32_t reset_counter;
  std::uint32_t reset_status;
  std::uint64_t exec_clock_us;     // time run, up to running_since
  std::uint64_t running_since;     // when it was last switched in (valid while current)
  std::uint64_t virqs;
  std::int64_t hw_timer_at;        // 0: disarmed
  std::int64_t hw_timer_interval;
  std::int64_t exec_timer_at;      // on the partition's execution clock
  std::int64_t exec_timer_interval;
  std::uint32_t vtbr;              // its virtual trap table (XM_write_register32 / write_tbr)
  sparc::FpuContext fpu;           // its FPU state while another fp partition owns the FPU
};

}  // namespace stratum::kernel
