// Partition states (XtratuM manual 2.4).
#pragma once

#include <cstdint>

namespace stratum::kernel {

// (In this order: Partitions compares them, boot and normal run, idle waits
// in its slot.)
enum class PartitionState : std::uint32_t {
  boot,       // (re)started, has not run yet in this life
  normal,     // ready: runs in its slots
  idle,       // gave the rest of its slot away (XM_idle_self) until its next slot
  suspended,  // not scheduled; interrupts stay pending
  halted,     // stopped for good until reset
};

}  // namespace stratum::kernel
