// Typed hypercalls (manual 5.19, 6.2). Each handler is a function with the
// manual's prototype after the caller: `get_time(Caller, xm_u32_t clockId,
// UserPtr<xmTime_t> time)` for XM_get_time(clockId, time). A service lists
// its handlers with their numbers (`Bind<__GET_TIME_NR, &get_time>`); the
// kernel joins the lists into one table, built at compile time, where a
// number bound twice does not compile and an unbound one answers
// XM_UNKNOWN_HYPERCALL.
//
// Arguments arrive as the architecture's 32-bit words (on SPARC %o1..%o5);
// a 64-bit argument (xmTime_t) takes two, the high word first, as libxm
// passes it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

extern "C" {
#include "xm/hypercalls.h"
#include "xm/xm_types.h"
}

namespace stratum::kernel {

// The calling partition: its index in the tables (not its id).
using Caller = std::size_t;

// A pointer a partition handed over: an address as the partition sees it.
// Only PartitionMemory reads or writes through it, after checking it.
template <class T>
struct UserPtr {
  std::uint32_t address;
};

// The words a hypercall's arguments arrive in: `hypercall_words` of them,
// read where the architecture saved them.
inline constexpr std::size_t hypercall_words = 5;
using Words = const std::uint32_t*;

namespace hc {

template <class T>
inline constexpr std::size_t words_of = 1;  // xm_u32_t, xm_s32_t, UserPtr<T>
template <>
inline constexpr std::size_t words_of<xm_s64_t> = 2;
template <>
inline constexpr std::size_t words_of<xm_u64_t> = 2;

template <class T>
T decode(Words w, std::size_t at) {
  if constexpr (words_of<T> == 2)
    return static_cast<T>((std::uint64_t{w[at]} << 32) | w[at + 1]);
  else if constexpr (requires { T{}.address; })
    return T{w[at]};
  else
    return static_cast<T>(w[at]);
}

template <class... A>
constexpr std::array<std::size_t, sizeof...(A)> offsets() {
  std::array<std::size_t, sizeof...(A)> r{};
  [[maybe_unused]] std::size_t at = 0, k = 0;
  ((r[k++] = at, at += words_of<A>), ...);
  return r;
}

using Handler = std::int32_t (*)(Caller, Words);

}  // namespace hc

// Hypercall number `Nr` is handled by `Fn`.
template <std::uint32_t Nr, auto Fn>
struct Bind;

template <std::uint32_t Nr, class... A, std::int32_t (*Fn)(Caller, A...)>
struct Bind<Nr, Fn> {
  static constexpr std::uint32_t number = Nr;
  static_assert((hc::words_of<A> + ... + 0) <= hypercall_words,
                "a hypercall's arguments must fit the five argument words");
  static_assert(Nr < NR_HYPERCALLS, "a hypercall number must be below NR_HYPERCALLS");

  static std::int32_t call(Caller who, Words w) {
    return [&]<std::size_t... K>(std::index_sequence<K...>) {
      [[maybe_unused]] constexpr auto at = hc::offsets<A...>();
      return Fn(who, hc::decode<A>(w, at[K])...);
    }(std::index_sequence_for<A...>{});
  }
};

// A service's hypercalls.
template <class... B>
struct Hypercalls {};

namespace hc {

template <class... L>
struct Join;
template <class... B>
struct Join<Hypercalls<B...>> {
  using type = Hypercalls<B...>;
};
template <class... B, class... C, class... L>
struct Join<Hypercalls<B...>, Hypercalls<C...>, L...> {
  using type = typename Join<Hypercalls<B..., C...>, L...>::type;
};

// Instantiated once per bound number: a number bound twice fails here, and
// the compiler names the number in the template arguments.
template <std::uint32_t Nr, std::size_t TimesBound>
struct bound_once {
  static_assert(TimesBound == 1, "this hypercall number is bound twice in the hypercall table");
  static constexpr bool ok = true;
};

template <std::uint32_t Nr, std::uint32_t... All>
inline constexpr std::size_t count = ((All == Nr ? 1u : 0u) + ... + 0u);

inline std::int32_t unknown(Caller, Words) { return XM_UNKNOWN_HYPERCALL; }

}  // namespace hc

template <class List>
struct HypercallTable;

// The table of every service's hypercalls, indexed by number.
template <class... B>
struct HypercallTable<Hypercalls<B...>> {
  static constexpr bool numbers_distinct = (hc::bound_once<B::number, hc::count<B::number, B::number...>>::ok && ...);

  static constexpr std::array<hc::Handler, NR_HYPERCALLS> handlers = [] {
    std::array<hc::Handler, NR_HYPERCALLS> t{};
    for (hc::Handler& h : t) h = &hc::unknown;
    ((t[B::number] = &B::call), ...);
    return t;
  }();


  static std::int32_t dispatch(std::uint32_t nr, Caller who, Words w) {
    return nr < NR_HYPERCALLS ? handlers[nr](who, w) : XM_UNKNOWN_HYPERCALL;
  }
};

template <class... Lists>
using hypercall_table = HypercallTable<typename hc::Join<Lists...>::type>;

}  // namespace stratum::kernel
