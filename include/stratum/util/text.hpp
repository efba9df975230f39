// A fixed-capacity, constexpr text buffer.
//
// It is a structural type (public members only), so a message built by a
// constexpr validator can travel as a template argument: GCC prints it as a
// string in the "In instantiation of ..." line, which is how a compile-time
// check names the XML objects at fault (see config/check.hpp).
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace stratum {

template <std::size_t Capacity>
struct Text {
  char chars[Capacity]{};
  std::size_t length = 0;

  constexpr bool empty() const { return length == 0; }
  constexpr const char* c_str() const { return chars; }

  [[gnu::noinline]] constexpr Text& operator<<(const char* s) {
    std::size_t n = length;  // (a local: the loop does not reload it through `this`)
    for (; s && *s && n + 1 < Capacity; ++s) chars[n++] = *s;  // always leaves a terminating NUL
    length = n;
    return *this;
  }
  constexpr Text& operator<<(char c) {
    put(c);
    return *this;
  }
  // Unsigned decimal. 64-bit division is done 16 bits at a time so that
  // no libgcc helper is needed (Debian's 32-bit libgcc is built for SPARC
  // v8plus, whose instructions a LEON3 does not have).
  [[gnu::noinline]] constexpr Text& dec(std::uint64_t v) {
    char digits[24]{};
    int n = 0;
    do {
      digits[n++] = static_cast<char>('0' + divmod10(v));
    } while (v != 0);
    while (n > 0) put(digits[--n]);
    return *this;
  }
  static constexpr std::uint32_t divmod10(std::uint64_t& v) {
    std::uint32_t parts[4] = {static_cast<std::uint32_t>(v >> 48) & 0xffff, static_cast<std::uint32_t>(v >> 32) & 0xffff,
                              static_cast<std::uint32_t>(v >> 16) & 0xffff, static_cast<std::uint32_t>(v) & 0xffff};
    std::uint32_t rem = 0;
    for (std::uint32_t& p : parts) {
      const std::uint32_t cur = (rem << 16) | p;
      p = cur / 10;
      rem = cur % 10;
    }
    v = (std::uint64_t{parts[0]} << 48) | (std::uint64_t{parts[1]} << 32) | (std::uint64_t{parts[2]} << 16) | parts[3];
    return rem;
  }
  // 0x-prefixed, eight digits: addresses read the same everywhere.
  [[gnu::noinline]] constexpr Text& hex(std::uint32_t v) {
    *this << "0x";
    for (int shift = 28; shift >= 0; shift -= 4) put("0123456789abcdef"[(v >> shift) & 0xf]);
    return *this;
  }
  // A size in the manual's units: the largest of MB/KB/B that divides it.
  constexpr Text& size(std::uint32_t bytes) {
    if (bytes != 0 && bytes % (1024u * 1024u) == 0) return dec(bytes / (1024u * 1024u)) << "MB";
    if (bytes != 0 && bytes % 1024u == 0) return dec(bytes / 1024u) << "KB";
    return dec(bytes) << "B";
  }
  // A duration in the manual's units: the largest of s/ms/us that divides it.
  // A template so that the hypervisor's 32-bit times divide in 32 bits (it
  // has no 64-bit division); 64-bit ones (slot ends in the configuration
  // checks) only ever run in the compiler.
  template <std::integral U>
  constexpr Text& time_us(U value) {
    using Width = std::conditional_t<(sizeof(U) > 4), std::uint64_t, std::uint32_t>;
    const Width us = static_cast<Width>(value);
    if (us == 0) return *this << "0ms";
    if (us % 1000000u == 0) return dec(us / 1000000u) << "s";
    if (us % 1000u == 0) return dec(us / 1000u) << "ms";
    return dec(us) << "us";
  }
  // "0x40100000+512KB", the generator's spelling of an area.
  constexpr Text& area(std::uint32_t start, std::uint32_t bytes) {
    hex(start) << '+';
    return size(bytes);
  }


  // Public only because structural types may have no private members.
  constexpr void put(char c) {
    if (length + 1 < Capacity) chars[length++] = c;  // always leaves a terminating NUL
  }
};

}  // namespace stratum
