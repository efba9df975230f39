// The cyclic scheduler (XtratuM manual 2.8): a plan is a major frame (MAF)
// cut into slots; the MAF repeats for ever. Time is split into intervals,
// each either a slot or a gap no slot covers. Boundaries are computed from
// the previous planned boundary, never from when the interrupt was served,
// so interrupt latency never accumulates into drift.
//
// Pure logic on microsecond integers: the kernel drives it from the timer,
// the host tests from a loop.
#pragma once

#include <cstdint>

#include "stratum/config/model.hpp"

namespace stratum::kernel {

class CyclicScheduler {
 public:
  struct Interval {
    std::int32_t slot;    // index into the plan's slots, or -1 for a gap
    std::uint64_t start;  // absolute microseconds
    std::uint64_t end;
  };

  constexpr void start(const config::Plan& plan, std::uint64_t t0) {
    plan_ = &plan;
    next_plan_ = &plan;
    prev_plan_ = nullptr;
    maf_start_ = t0;
    frames_ = 0;
    switch_time_ = 0;  // (manual 5.7.2: zero after a reset, as prev is -1)
    plan_switches_ = 0;
    current_ = interval_at(0);
  }

  constexpr const Interval& current() const { return current_; }
  constexpr const config::Plan& plan() const { return *plan_; }
  constexpr const config::Plan& next_plan() const { return *next_plan_; }
  // The plan that ran before the current one, or null until the first switch.
  constexpr const config::Plan* prev_plan() const { return prev_plan_; }
  constexpr std::uint64_t major_frame_start() const { return maf_start_; }
  constexpr std::uint64_t major_frames() const { return frames_; }
  // When the last switch took effect (absolute microseconds), 0 before any.
  constexpr std::uint64_t plan_switch_time() const { return switch_time_; }
  constexpr std::uint32_t plan_switches() const { return plan_switches_; }

  // Takes effect at the end of the current major frame (manual 2.8.2); a
  // later request before then replaces this one (5.7.2), and requesting the
  // current plan cancels a pending switch.
  constexpr void request_plan(const config::Plan& p) { next_plan_ = &p; }

  // `p` starts now, its first major frame at `t` (the HM's switch to
  // maintenance, manual 2.8.2: the current slot is cut short). A pending
  // request is dropped: `p` is what runs.
  constexpr void switch_now(const config::Plan& p, std::uint64_t t) {
    if (&p != plan_) {
      prev_plan_ = plan_;
      ++plan_switches_;
    }
    plan_ = next_plan_ = &p;
    maf_start_ = t;
    switch_time_ = t;
    current_ = interval_at(0);
  }

  // Moves to the interval that starts where the current one ends; returns
  // whether a new plan starts with it.
  constexpr bool advance() {
    bool switched = false;
    std::uint64_t off = current_.end - maf_start_;
    if (off >= plan_->major_frame_us) {
      maf_start_ += plan_->major_frame_us;
      ++frames_;
      off = 0;
      if (next_plan_ != plan_) {
        prev_plan_ = plan_;
        plan_ = next_plan_;
        switch_time_ = maf_start_;
        ++plan_switches_;
        switched = true;
      }
    }
    current_ = interval_at(static_cast<std::uint32_t>(off));  // (below the major frame: 32 bits)
    return switched;
  }

 private:
  // The interval at `off` microseconds into the major frame (off < its length).
  constexpr Interval interval_at(std::uint32_t off) const {
    std::uint32_t next_start = plan_->major_frame_us;
    for (std::size_t i = 0; i < plan_->slots.size(); ++i) {
      const config::Slot& s = plan_->slots[i];
      if (s.start_us <= off && off - s.start_us < s.duration_us)
        return {static_cast<std::int32_t>(i), maf_start_ + off, maf_start_ + s.start_us + s.duration_us};
      if (s.start_us > off && s.start_us < next_start) next_start = s.start_us;
    }
    return {-1, maf_start_ + off, maf_start_ + next_start};
  }

  const config::Plan* plan_ = nullptr;
  const config::Plan* next_plan_ = nullptr;
  const config::Plan* prev_plan_ = nullptr;
  std::uint64_t maf_start_ = 0;
  std::uint64_t frames_ = 0;
  std::uint64_t switch_time_ = 0;
  std::uint32_t plan_switches_ = 0;
  Interval current_{-1, 0, 0};
};

}  // namespace stratum::kernel
