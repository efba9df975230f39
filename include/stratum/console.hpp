// Console output of the hypervisor and of the partitions (XM_write_console),
// over whatever character device the board gives (`Board::console_ready`,
// `Board::console_put`). Formatting reuses Text, so the hypervisor and the
// compile-time diagnostics spell numbers, sizes and times the same way.
//
// Everything goes through one ring of `ring_bytes`, in the order it was
// written, and reaches the UART only while the UART takes it without
// waiting: a message the hypervisor writes on a partition's behalf (a
// fault, a halt) costs a copy into the ring, not the UART's time, so it
// cannot make the next slot start late. The ring is drained a little at a
// time (`drain(max)`): by XM_write_console in its caller's own time, and by
// every reschedule (a bounded chunk). A message that does not fit a full
// ring loses its end, and the next one that fits says how many bytes were
// lost. At boot and at the end of the run the ring is emptied whole.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/util/text.hpp"

namespace stratum {

using Line = Text<160>;

template <class Board>
struct Console {
  static constexpr std::uint32_t ring_bytes = 4096;

  // Queues `s` (a newline as CR LF); returns how many of its bytes fit.
  static std::uint32_t write(const char* s, std::uint32_t n) {
    if (lost_ != 0 && room() >= 32) {
      Line l;
      l << "[console: ";
      l.dec(lost_) << " bytes lost]\n";
      lost_ = 0;
      queue(l.c_str(), l.length);
    }
    const std::uint32_t k = queue(s, n);
    lost_ += n - k;
    return k;
  }
  static void write(const char* s) {
    std::uint32_t n = 0;
    while (s[n] != '\0') ++n;
    write(s, n);
  }
  static void write(const Line& l) { write(l.c_str(), static_cast<std::uint32_t>(l.length)); }

  // Partition bytes: as many as fit whole (never a message cut in two by
  // the ring's end), the caller writes the rest later.
  static std::uint32_t write_some(const char* s, std::uint32_t n) { return queue(s, n); }

  // Moves at most `max` bytes to the UART, while it takes them at once.
  static void drain(std::uint32_t max) {
    for (; max > 0 && head_ != tail_ && Board::console_ready(); --max) {
      Board::console_put(ring_[tail_ & (ring_bytes - 1)]);
      ++tail_;
    }
  }
  // Where the next byte queued goes (free-running), and whether everything
  // queued before `position` has left for the UART.
  static std::uint32_t position() { return head_; }
  static bool drained(std::uint32_t position) { return static_cast<std::int32_t>(tail_ - position) >= 0; }

  // Everything queued, waiting for the UART (boot, the end of the run).
  static void flush() {
    while (head_ != tail_) {
      Board::console_put(ring_[tail_ & (ring_bytes - 1)]);
      ++tail_;
    }
  }

 private:
  static_assert((ring_bytes & (ring_bytes - 1)) == 0, "the ring's size is a power of two");
  static std::uint32_t room() { return ring_bytes - (head_ - tail_); }
  // Copies the bytes that fit, a newline only with its CR.
  static std::uint32_t queue(const char* s, std::uint32_t n) {
    std::uint32_t head = head_, free = room(), k = 0;
    if (n <= free / 2) {
      // All fit even if every byte is a newline: no room to check. (The
      // common case, and the one on the paths that bound the lateness: an
      // HM line, a partition's XM_write_console; 4 instructions a byte less.)
      for (; k < n; ++k) {
        const char c = s[k];
        if (c == '\n') ring_[head++ & (ring_bytes - 1)] = '\r';
        ring_[head++ & (ring_bytes - 1)] = c;
      }
      head_ = head;
      return n;
    }
    for (; k < n; ++k) {
      const char c = s[k];
      if (c == '\n') {
        if (free < 2) break;
        ring_[head++ & (ring_bytes - 1)] = '\r';
        --free;
      } else if (free == 0) {
        break;
      }
      ring_[head++ & (ring_bytes - 1)] = c;
      --free;
    }
    head_ = head;
    return k;
  }

  static inline char ring_[ring_bytes];
  static inline std::uint32_t head_ = 0, tail_ = 0;  // free-running: head_ - tail_ bytes queued
  static inline std::uint32_t lost_ = 0;
};

}  // namespace stratum
