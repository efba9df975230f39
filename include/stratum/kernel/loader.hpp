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
// loaded. A cold reset during a load starts it again. A restart of the
// hypervisor itself (hm_hypervisor.hpp) zeroes this state: which loads were
// under way is kept in kernel/persistent.hpp, and a warm restart, which
// loads no other image, copies those whole before plan 0 starts.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/persistent.hpp"

namespace stratum::kernel {

template <class K>
class Loader {
 public:
  static constexpr std::size_t N = K::system.partitions.size();
  static constexpr std::uint32_t step_bytes = 1024;

  // Partition i's image is to be copied again, from its first byte.
  static void start(Caller i) {
    parts_[i] = {true, 0};
    stratum_persistent.images_loading |= 1u << i;
    K::request_reschedule();
  }
  static bool loading(int i) { return i >= 0 && parts_[i].loading; }

  // One step of partition i's load; returns whether more are needed.
  [[gnu::noinline]] static bool step(Caller i) {
    Load& l = parts_[i];
    const std::uint32_t n = K::Cpu::load_image_part(i, l.offset, step_bytes);
    l.offset += n;
    if (n < step_bytes) {
      l.loading = false;
      stratum_persistent.images_loading &= ~(1u << i);
    }
    return l.loading;
  }

  // At boot, before plan 0 starts (when no slot can be delayed): every
  // image copied whole, including those without the boot flag (a warm
  // reset starts them later); at a warm restart of the hypervisor, which
  // keeps the partitions' memory, only those whose load it cut short.
  static void boot(bool every_image) {
    for (std::size_t i = 0; i < N; ++i)
      if (every_image || ((stratum_persistent.images_loading >> i) & 1u) != 0) K::Cpu::load_image(i);
    stratum_persistent.images_loading = 0;
  }

  // (The loader's state is about memory, not about a life of the partition:
  // a restart does not touch it.)

 private:
  struct Load {
    bool loading;
    std::uint32_t offset;  // bytes copied so far
  };
  static inline Load parts_[N]{};
  static_assert(N <= 32, "one bit per partition in Persistent::images_loading");
};

}  // namespace stratum::kernel
