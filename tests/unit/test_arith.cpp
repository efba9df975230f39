// 64-bit division without libgcc (util/arith.hpp).
#include <doctest/doctest.h>

#include <cstdint>

#include "stratum/util/arith.hpp"

using stratum::util::udiv64;

TEST_CASE("udiv64 agrees with the compiler's division, 32-bit and 64-bit operands") {
  const std::uint64_t values[] = {0, 1, 2, 3, 7, 10, 999, 0xffffffffu, 0x100000000ull, 0x123456789abcdefull,
                                  0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull};
  for (std::uint64_t n : values)
    for (std::uint64_t d : values)
      if (d != 0) CHECK(udiv64(n, d) == n / d);
  static_assert(udiv64(6000000000ull, 7) == 857142857ull);
}
