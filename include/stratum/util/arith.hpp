// 64-bit unsigned division without libgcc (Debian's 32-bit libgcc is SPARC
// v8plus code, which a LEON3 cannot run): the processor's 32-bit divide when
// both operands fit, otherwise binary long division, at most 64 steps, a
// constant bound whatever the values.
#pragma once

#include <cstdint>

namespace stratum::util {

// n / d for d != 0 (d == 0 gives all ones, as no caller divides by zero).
constexpr std::uint64_t udiv64(std::uint64_t n, std::uint64_t d) {
  if (d == 0) return ~std::uint64_t{0};
  if ((n >> 32) == 0 && (d >> 32) == 0) return static_cast<std::uint32_t>(n) / static_cast<std::uint32_t>(d);
  std::uint64_t q = 0, r = 0;
  for (int bit = 63; bit >= 0; --bit) {
    r = (r << 1) | ((n >> bit) & 1);
    if (r >= d) {
      r -= d;
      q |= std::uint64_t{1} << bit;
    }
  }
  return q;
}

}  // namespace stratum::util
