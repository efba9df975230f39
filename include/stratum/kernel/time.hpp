// Time and timers (manual 2.17, 5.12): the hardware clock (XM_HW_CLOCK, the
// board's microseconds since boot), each partition's execution clock
// (XM_EXEC_CLOCK: only advances while the partition runs) and one timer per
// clock and partition, one-shot or periodic, which raise
// XM_VT_EXT_HW_TIMER / XM_VT_EXT_EXEC_TIMER when they expire. All times are
// microseconds (xmTime_t).
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"
#include "stratum/util/arith.hpp"

extern "C" {
#include "xm/guest.h"
#include "xm/status.h"
}

namespace stratum::kernel {

template <class K>
class Time {
 public:
  static constexpr std::size_t N = K::system.partitions.size();

  // Microseconds partition i has run, by the hardware clock `now`.
  static std::uint64_t exec_clock(Caller i, std::uint64_t now) {
    const Clocks& p = parts_[i];
    // (`now` may be read just before i was switched in)
    return p.exec_us + (static_cast<int>(i) == running_ && now > p.running_since ? now - p.running_since : 0);
  }
  static std::uint64_t exec_clock(Caller i) { return exec_clock(i, K::Board::now_us()); }

  // The processor passes from `running_` to `next` (-1: nobody) at `now`.
  static void switched(int next, std::uint64_t now) {
    if (running_ >= 0) parts_[running_].exec_us += now - parts_[running_].running_since;
    running_ = next;
    if (next >= 0) parts_[next].running_since = now;
  }

  // This service's step of a restart, and of a halt: no timer armed.
  static void reset(Caller i) { disarm(i); }
  static void disarm(Caller i) { parts_[i].hw.at = parts_[i].exec.at = 0; }

  // Raises the interrupts of partition i's timers that expired by `now`.
  static void expire(Caller i, std::uint64_t now) {
    if (parts_[i].hw.expire(now)) K::VirtualTraps::raise(i, XM_VT_EXT_HW_TIMER);
    if (parts_[i].exec.armed() && parts_[i].exec.expire(exec_clock(i, now)))
      K::VirtualTraps::raise(i, XM_VT_EXT_EXEC_TIMER);
  }

  // The earliest of `deadline` and the next expiry of partition i's timers
  // whose interrupt it would get (its execution clock advances only while
  // it runs: an idle partition's execution-clock timer cannot expire). A
  // masked or already pending timer interrupt needs no event: its expiries
  // are caught up at the next reschedule, so a masked 1 us timer costs its
  // partition nothing.
  static std::uint64_t next_expiry(Caller i, std::uint64_t now, std::uint64_t deadline) {
    const Clocks& p = parts_[i];
    if (p.hw.armed() && p.hw.at < deadline && K::VirtualTraps::wants(i, XM_VT_EXT_HW_TIMER)) deadline = p.hw.at;
    if (p.exec.armed() && static_cast<int>(i) == running_ && K::VirtualTraps::wants(i, XM_VT_EXT_EXEC_TIMER)) {
      const std::uint64_t ec = exec_clock(i, now), at = p.exec.at;
      const std::uint64_t when = now + (at > ec ? at - ec : 0);
      if (when < deadline) deadline = when;
    }
    return deadline;
  }

  // XM_get_time (5.12): the clock's value in microseconds.
  static std::int32_t get_time(Caller caller, xm_u32_t clockId, UserPtr<xmTime_t> time) {
    std::uint64_t t;
    if (clockId == XM_HW_CLOCK)
      t = K::Board::now_us();
    else if (clockId == XM_EXEC_CLOCK)
      t = exec_clock(caller);
    else
      return XM_INVALID_PARAM;
    return K::Memory::put(caller, time, static_cast<xmTime_t>(t)) ? XM_OK : XM_INVALID_PARAM;
  }

  // XM_set_timer (5.12): the first expiry at `absTime` on the clock, then
  // every `interval` (0: once); absTime 0 disarms.
  static std::int32_t set_timer(Caller caller, xm_u32_t clockId, xmTime_t absTime, xmTime_t interval) {
    if (absTime < 0 || interval < 0) return XM_INVALID_PARAM;
    Timer* t = clockId == XM_HW_CLOCK ? &parts_[caller].hw : clockId == XM_EXEC_CLOCK ? &parts_[caller].exec : nullptr;
    if (t == nullptr) return XM_INVALID_PARAM;
    t->at = static_cast<std::uint64_t>(absTime);  // (both checked not negative above)
    t->interval = static_cast<std::uint64_t>(interval);
    K::request_reschedule();
    return XM_OK;
  }

  using Hypercalls = kernel::Hypercalls<Bind<__GET_TIME_NR, &get_time>, Bind<__SET_TIMER_NR, &set_timer>>;

 private:
  struct Timer {
    std::uint64_t at;  // next expiry on its clock, microseconds; 0: disarmed
    std::uint64_t interval;  // 0: once

    bool armed() const { return at != 0; }

    // Expiries missed while the partition was not running make one
    // interrupt, and a periodic timer goes on from its next future expiry:
    // computed in one step, whatever the period and however long the
    // partition was away (a 1 us period at any uptime costs one division).
    // A next expiry past the end of time (MAX_XMTIME) disarms the timer.
    bool expire(std::uint64_t t) {
      if (!armed() || at > t) return false;
      expired(t);
      return true;
    }
    // (out of line: the common reschedule finds no timer expired)
    [[gnu::noinline]] void expired(std::uint64_t t) {
      if (interval == 0) {
        at = 0;
        return;
      }
      const std::uint64_t first = at, period = interval;
      const std::uint64_t periods = util::udiv64(t - first, period) + 1;  // expiries up to t, the first included
      // (no wrap: first <= t and both periods * period and the sum stay
      // below t + period < 2^64, since clock values and periods are < 2^63)
      const std::uint64_t next = first + periods * period;
      at = next > static_cast<std::uint64_t>(MAX_XMTIME) ? 0 : next;
    }
  };
  struct Clocks {
    std::uint64_t exec_us;        // time run, up to running_since
    std::uint64_t running_since;  // when it was last switched in (valid while running)
    Timer hw;
    Timer exec;
  };
  static inline Clocks parts_[N]{};
  static inline int running_ = -1;
};

}  // namespace stratum::kernel
