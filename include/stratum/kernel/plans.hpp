// Plans and the cyclic scheduler at run time (manual 2.8): which plan runs,
// which slot is current, what the partition of a starting slot sees of it
// (its PCT's schedInfo and XM_VT_EXT_CYCLIC_SLOT_START), switching plans
// (2.8.2, 5.7.2: XM_switch_sched_plan, and the hooks the health monitor
// will use), and the end of a test run after a given number of major
// frames. The slot arithmetic itself is CyclicScheduler's (scheduler.hpp);
// every plan is the tables' constexpr data, so a switch only moves a pointer.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/model.hpp"
#include "stratum/console.hpp"
#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/scheduler.hpp"

extern "C" {
#include "xm/guest.h"
#include "xm/hm.h"
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

  // Plan `id` of processor 0, or null when it has none (the generator's
  // PLAN-ID-SEQUENCE makes the ids 0, 1, 2, ...: the id is the index).
  static const config::Plan* find(std::uint32_t id) {
    const auto& plans = K::system.processors[0].plans;
    return id < plans.size() ? &plans[id] : nullptr;
  }

  // XM_switch_sched_plan (manual 2.8.2, 5.7.2; system partitions only,
  // table 2.2): plan `newPlanId` starts at the end of the current major
  // frame, exactly at its boundary; a second call before then replaces the
  // first, and naming the current plan cancels a pending switch. Writes the
  // current plan's id to *currentPlanId.
  // Returns XM_OK; XM_PERM_ERROR for a partition without the `system` flag;
  // XM_INVALID_PARAM for a plan the processor does not have, for plan 0
  // (2.8.1: "it is not legal to switch back to this plan"; only a system
  // reset runs it again) or when currentPlanId is not the caller's writable
  // memory (nothing is requested then); XM_NO_ACTION when newPlanId already
  // runs and no switch is pending.
  static std::int32_t switch_sched_plan(Caller caller, xm_u32_t newPlanId, UserPtr<xm_u32_t> currentPlanId) {
    if (!K::Partitions::is_system(caller)) return XM_PERM_ERROR;
    const config::Plan* p = find(newPlanId);
    const bool running = p == &sched_.plan();
    if (p == nullptr || (newPlanId == 0 && !running)) return XM_INVALID_PARAM;
    if (!K::Memory::put(caller, currentPlanId, xm_u32_t{sched_.plan().id})) return XM_INVALID_PARAM;
    if (running && &sched_.next_plan() == p) return XM_NO_ACTION;
    request_switch(newPlanId);
    return XM_OK;
  }

  using Hypercalls = kernel::Hypercalls<Bind<__SWITCH_SCHED_PLAN_NR, &switch_sched_plan>>;

  // Plan `planId` starts at the end of the current major frame (2.8.2), as
  // XM_switch_sched_plan asks, with no permission check (the caller decides).
  // Returns false, and changes nothing, for a plan the processor does not
  // have. The health monitor's hook, with switch_now below.
  static bool request_switch(std::uint32_t planId) {
    const config::Plan* p = find(planId);
    if (p == nullptr) return false;
    sched_.request_plan(*p);
    return true;
  }

  // Plan `planId` starts now (absolute microseconds), its first slot at
  // once and the current one cut short: what XM_HM_AC_SWITCH_TO_MAINTENANCE
  // does with plan 1 (2.8.2: that switch "is synchronous"). Returns false,
  // and changes nothing, for a plan the processor does not have; otherwise
  // asks for a reschedule (K::request_reschedule), which the trap being
  // handled then runs.
  // A plan that already runs goes on where it is (a pending switch away
  // from it is cancelled): starting it again from its first slot would give
  // that slot's partition, whose excursion may be what raised the event,
  // its slot again at once, every time, and the plan's later slots (the
  // maintenance plan's system partition) none (a tester's finding).
  static bool switch_now(std::uint32_t planId, std::uint64_t now) {
    const config::Plan* p = find(planId);
    if (p == nullptr) return false;
    if (p == &sched_.plan()) {
      sched_.request_plan(*p);
      return true;
    }
    sched_.switch_now(*p, now);
    plan_started();
    slot_started();
    K::request_reschedule();
    return true;
  }

  // Plan 0 starts now, with its first slot.
  static void start(std::uint64_t now) {
    sched_.start(initial(), now);
    slot_started();
  }

  // Moves the plan on to the interval that contains `now`. Slots that
  // passed wholly on the way are one XM_HM_EV_SCHED_ERROR (slots_missed).
  static void advance_to(std::uint64_t now) {
    std::uint32_t missed = 0;
    while (now >= sched_.current().end) {
      const std::uint64_t frames = sched_.major_frames();
      const bool switched = sched_.advance();
      if (sched_.major_frames() != frames) major_frame_ended();
      if (switched) plan_started();
      slot_started();
      if (now >= sched_.current().end && sched_.current().slot >= 0) [[unlikely]]
        if (missed++ == 0)
          first_missed_ = {&sched_.plan(), &sched_.plan().slots[static_cast<std::size_t>(sched_.current().slot)],
                           sched_.current().start, slot_partition_};
    }
    if (missed != 0) [[unlikely]] slots_missed(missed, now);
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

  // Every PCT's planId follows at once (a partition without a slot in the
  // new plan would otherwise keep the old one). Nothing is printed: this is
  // on the slot-switch path, where every instruction delays the new plan's
  // first slot (a one-line console message cost 1000 instructions there, in
  // tests/bench/worst); the partitions' slot-start lines show the switch.
  [[gnu::cold, gnu::noinline]] static void plan_started() {
    const std::uint32_t id = sched_.plan().id;
    for (std::size_t i = 0; i < K::system.partitions.size(); ++i) K::Pct::of(i).schedInfo.planId = id;
  }

  // Slots passed wholly while the hypervisor was busy, and their
  // partitions had none of their time: the XMHypervisor table's
  // XM_HM_EV_SCHED_ERROR (hm_hypervisor.hpp), with the plan, the first
  // missed slot, how many, and how late the hypervisor came (us).
  struct Missed {
    const config::Plan* plan;
    const config::Slot* slot;
    std::uint64_t start;
    int partition;
  };
  [[gnu::cold, gnu::noinline]] static void slots_missed(std::uint32_t n, std::uint64_t now) {
    const Missed& m = first_missed_;
    const xmWord_t payload[4] = {m.plan->id, m.slot->id, n, static_cast<xmWord_t>(now - m.start)};
    K::HypervisorHm::event(XM_HM_EV_SCHED_ERROR, m.partition, payload);
  }
  static inline Missed first_missed_{};

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
