// Plans and the cyclic scheduler at run time (manual 2.8): which plan runs,
// which slot is current, what the partition of a starting slot sees of it
// (its PCT's schedInfo and XM_VT_EXT_CYCLIC_SLOT_START), and the end of a
// test run after a given number of major frames. The slot arithmetic itself
// is CyclicScheduler's (scheduler.hpp).
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/model.hpp"
#include "stratum/console.hpp"
#include "stratum/kernel/scheduler.hpp"

extern "C" {
#include "xm/guest.h"
}

#ifndef STRATUM_RUN_MAJOR_FRAMES
// Test and benchmark builds end the run after this many major frames; 0
// (the default) runs for ever.
#define STRATUM_RUN_MAJOR_FRAMES 0
#endif

namespace stratum::kernel {

template <class K>
class Plans {
 public:
  static constexpr std::uint64_t run_major_frames = STRATUM_RUN_MAJOR_FRAMES;

  // The plan the system boots with (plan 0 of processor 0).
  static const config::Plan& initial() {
    for (const config::Plan& p : K::system.processors[0].plans)
      if (p.id == 0) return p;
    return K::system.processors[0].plans[0];
  }

  static const CyclicScheduler& scheduler() { return sched_; }

  // Plan 0 starts now, with its first slot.
  static void start(std::uint64_t now) {
    sched_.start(initial(), now);
    slot_started();
  }

  // Moves the plan on to the interval that contains `now`.
  static void advance_to(std::uint64_t now) {
    while (now >= sched_.current().end) {
      const std::uint64_t frames = sched_.major_frames();
      sched_.advance();
      if (sched_.major_frames() != frames) major_frame_ended();
      slot_started();
    }
  }

  // The partition of the current slot (an index), or -1 in a gap.
  static int slot_partition() { return slot_partition_; }
  static std::uint64_t slot_end() { return sched_.current().end; }

 private:
  // The partition of a starting slot learns which slot it is and, if it
  // asked for it, gets XM_VT_EXT_CYCLIC_SLOT_START; an idle one wakes.
  static void slot_started() {
    const CyclicScheduler::Interval& iv = sched_.current();
    slot_partition_ = -1;
    if (iv.slot < 0) return;
    const config::Slot& s = sched_.plan().slots[static_cast<std::size_t>(iv.slot)];
    const int i = K::Partitions::index_of(s.partition_id);
    slot_partition_ = i;
    if (i < 0) return;
    K::Partitions::woken(static_cast<std::size_t>(i));
    K::Faults::slot_started(static_cast<std::size_t>(i));  // a fault line that waited for its slot
    partitionControlTable_t& t = K::Pct::of(static_cast<std::size_t>(i));
    t.schedInfo.noSlot = static_cast<xm_u32_t>(iv.slot);
    t.schedInfo.id = s.id;
    t.schedInfo.slotDuration = s.duration_us;
    t.schedInfo.planId = sched_.plan().id;
    t.schedInfo.slotStart = static_cast<xmTime_t>(iv.start);
    K::VirtualTraps::raise(static_cast<std::size_t>(i), XM_VT_EXT_CYCLIC_SLOT_START);
  }

  [[gnu::noinline]] static void major_frame_ended() {
    if (run_major_frames != 0 && sched_.major_frames() >= run_major_frames) {
      Line l;
      l << "Stratum: ";
      l.dec(sched_.major_frames()) << " major frames completed; halting the system\n";
      K::shutdown(l.c_str(), 0);
    }
  }

  static inline CyclicScheduler sched_{};
  static inline int slot_partition_ = -1;  // of the current interval
};

}  // namespace stratum::kernel
