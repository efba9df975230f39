// The four memory functions GCC may call on its own even in a freestanding
// program (struct copies, zero-initialised buffers). Include this header in
// exactly one translation unit of a freestanding image.
#pragma once

#include <cstddef>

#define STRATUM_NO_BUILTIN_LOOPS __attribute__((optimize("no-tree-loop-distribute-patterns")))

extern "C" {

// Without the attribute, GCC would recognise these loops as memset/memcpy and
// turn them into calls to themselves.
// A word at a time where both ends allow it (a zeroed Line is 160 bytes):
// the byte loop is four times as long.
STRATUM_NO_BUILTIN_LOOPS void* memset(void* dst, int c, std::size_t n) {
  auto* d = static_cast<unsigned char*>(dst);
  if (((reinterpret_cast<std::size_t>(d) | n) & 3) == 0) {
    const unsigned v = static_cast<unsigned char>(c) * 0x01010101u;
    for (auto* w = reinterpret_cast<unsigned*>(d); n != 0; n -= 4) *w++ = v;
    return dst;
  }
  while (n--) *d++ = static_cast<unsigned char>(c);
  return dst;
}

STRATUM_NO_BUILTIN_LOOPS void* memcpy(void* dst, const void* src, std::size_t n) {
  auto* d = static_cast<unsigned char*>(dst);
  const auto* s = static_cast<const unsigned char*>(src);
  if (((reinterpret_cast<std::size_t>(d) | reinterpret_cast<std::size_t>(s) | n) & 3) == 0) {
    auto* w = reinterpret_cast<unsigned*>(d);
    const auto* r = reinterpret_cast<const unsigned*>(s);
    for (; n != 0; n -= 4) *w++ = *r++;
    return dst;
  }
  while (n--) *d++ = *s++;
  return dst;
}

STRATUM_NO_BUILTIN_LOOPS void* memmove(void* dst, const void* src, std::size_t n) {
  auto* d = static_cast<unsigned char*>(dst);
  const auto* s = static_cast<const unsigned char*>(src);
  if (d < s) {
    while (n--) *d++ = *s++;
  } else {
    while (n--) d[n] = s[n];
  }
  return dst;
}

STRATUM_NO_BUILTIN_LOOPS int memcmp(const void* a, const void* b, std::size_t n) {
  const auto* x = static_cast<const unsigned char*>(a);
  const auto* y = static_cast<const unsigned char*>(b);
  for (; n--; ++x, ++y)
    if (*x != *y) return *x < *y ? -1 : 1;
  return 0;
}
}
