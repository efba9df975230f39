// The typed hypercall table (kernel/hypercalls.hpp): arguments decoded from
// the argument words by type, numbers dispatched, unknown numbers answered.
// A number bound twice does not compile: tests/compile_fail/hypercall_bound_twice.cpp.
#include <doctest/doctest.h>

#include "stratum/kernel/hypercalls.hpp"

using namespace stratum::kernel;

namespace {
struct Seen {
  Caller who;
  xm_u32_t a;
  xmTime_t t;
  std::uint32_t p;
};
Seen seen;
std::int32_t three(Caller who, xm_u32_t a, xmTime_t t, UserPtr<int> p) {
  seen = {who, a, t, p.address};
  return 3;
}
std::int32_t none(Caller) { return -7; }
std::int32_t five(Caller, xm_s32_t a, xm_u32_t b, xm_u32_t c, xm_u32_t d, xm_s32_t e) { return a + b + c + d + e; }

using Table = hypercall_table<Hypercalls<Bind<9, &three>>, Hypercalls<Bind<0, &none>, Bind<40, &five>>>;
static_assert(Table::numbers_distinct);
}  // namespace

TEST_CASE("arguments are decoded by type: 64-bit ones take two words, high first") {
  const std::uint32_t w[hypercall_words] = {7, 0x00000001, 0x00000002, 0x40100000, 0};
  CHECK(Table::dispatch(9, 4, w) == 3);
  CHECK(seen.who == 4);
  CHECK(seen.a == 7);
  CHECK(seen.t == 0x100000002LL);
  CHECK(seen.p == 0x40100000);
  const std::uint32_t v[hypercall_words] = {1, 2, 3, 4, static_cast<std::uint32_t>(-10)};
  CHECK(Table::dispatch(40, 0, v) == 0);
}

TEST_CASE("every number not bound, and every number past the table, is XM_UNKNOWN_HYPERCALL") {
  const std::uint32_t w[hypercall_words] = {};
  CHECK(Table::dispatch(0, 0, w) == -7);
  for (std::uint32_t nr = 1; nr < NR_HYPERCALLS; ++nr)
    if (nr != 9 && nr != 40) CHECK(Table::dispatch(nr, 0, w) == XM_UNKNOWN_HYPERCALL);
  CHECK(Table::dispatch(NR_HYPERCALLS, 0, w) == XM_UNKNOWN_HYPERCALL);
  CHECK(Table::dispatch(0xffffffffu, 0, w) == XM_UNKNOWN_HYPERCALL);
}
