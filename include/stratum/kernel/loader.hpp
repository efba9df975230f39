// Loading a partition's image again (manual 5.5: XM_reset_partition with
// XM_COLD_RESET, and XM_reset_system cold): the image is copied from the
// container in steps of at most `step_bytes`, each in the partition's own
// slot, and the partition runs its first instruction only when its image is
// whole. No hypercall copies an image in one non-preemptible step: a step
// is a bounded delay (step_bytes of copying) for whatever runs next, a
// 240 KB image does not stall the system for 60 ms. (The first boot loads
// every image before plan 0 starts, when no slot can be delayed.)
//
// A load, once begun, goes on until it is complete, whatever happens to the
// partition meanwhile (a warm reset, a halt): its memory is never run half
// loaded. A cold reset during a load starts it again.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"

namespace stratum::kernel {

template <class K>
class Loader {
 public:
  static constexpr std::size_t N = K::system.partitions.size();
  static constexpr std::uint32_t step_bytes = 1024;

  // Partition i's image is to be copied again, from its first byte.
  static void start(Caller i) {
    parts_[i] = {true, 0};
    K::request_reschedule();
  }
  static bool loading(int i) { return i >= 0 && parts_[i].loading; }

  // One step of partition i's load; returns whether more are needed.
  [[gnu::noinline]] static bool step(Caller i) {
    Load& l = parts_[i];
    const std::uint32_t n = K::Cpu::load_image_part(i, l.offset, step_bytes);
    l.offset += n;
    if (n < step_bytes) l.loading = false;
    return l.loading;
  }

  // (The loader's state is about memory, not about a life of the partition:
  // a restart does not touch it.)

 private:
  struct Load {
    bool loading;
    std::uint32_t offset;  // bytes copied so far
  };
  static inline Load parts_[N]{};
};

}  // namespace stratum::kernel
