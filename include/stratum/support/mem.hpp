// The four memory functions GCC may call on its own even in a freestanding
// program (struct copies, zero-initialised buffers). Include this header in
// exactly one translation unit of a freestanding image.
#pragma once

#include <cstddef>

#define STRATUM_NO_BUILTIN_LOOPS __attribute__((optimize("no-tree-loop-distribute-patterns")))

extern "C" {

// Without the attribute, GCC would recognise these loops as memset/memcpy and
// turn them into calls to themselves.
// A word at a time where both ends allow it (a zeroed Line is 160 bytes,
// a port's message is copied between a partition's buffer and the pool):
// the byte loop is four times as long. Ends that share their alignment
// go a byte at a time to a word boundary, then by words; others by four
// bytes an iteration.
STRATUM_NO_BUILTIN_LOOPS void* memset(void* dst, int c, std::size_t n) {
  auto* d = static_cast<unsigned char*>(dst);
  const auto b = static_cast<unsigned char>(c);
  for (; n != 0 && (reinterpret_cast<std::size_t>(d) & 3) != 0; --n) *d++ = b;
  const unsigned v = b * 0x01010101u;
  for (; n >= 4; n -= 4, d += 4) *reinterpret_cast<unsigned*>(d) = v;
  while (n--) *d++ = b;
  return dst;
}

STRATUM_NO_BUILTIN_LOOPS void* memcpy(void* dst, const void* src, std::size_t n) {
  auto* d = static_cast<unsigned char*>(dst);
  const auto* s = static_cast<const unsigned char*>(src);
  if (((reinterpret_cast<std::size_t>(d) ^ reinterpret_cast<std::size_t>(s)) & 3) == 0) {
    for (; n != 0 && (reinterpret_cast<std::size_t>(d) & 3) != 0; --n) *d++ = *s++;
    auto* w = reinterpret_cast<unsigned*>(d);
    const auto* r = reinterpret_cast<const unsigned*>(s);
    for (; n >= 16; n -= 16, w += 4, r += 4) w[0] = r[0], w[1] = r[1], w[2] = r[2], w[3] = r[3];
    for (; n >= 4; n -= 4) *w++ = *r++;
    d = reinterpret_cast<unsigned char*>(w);
    s = reinterpret_cast<const unsigned char*>(r);
  } else {
    for (; n >= 4; n -= 4, d += 4, s += 4) d[0] = s[0], d[1] = s[1], d[2] = s[2], d[3] = s[3];
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
