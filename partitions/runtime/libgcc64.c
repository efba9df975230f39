/* The 64-bit arithmetic helpers GCC calls on a 32-bit SPARC, written for
 * SPARC v8. Debian's 32-bit libgcc is built for v8plus and would trap on a
 * LEON3, so partitions get these from libxm instead. */

typedef unsigned long long u64;
typedef long long s64;
typedef unsigned int u32;

static u64 udivmod(u64 n, u64 d, u64 *rem) {
  u64 q = 0, r = 0;
  if (d == 0) { /* as the hardware would not: a defined answer, no trap */
    if (rem) *rem = n;
    return ~0ull;
  }
  if ((n >> 32) == 0 && (d >> 32) == 0) { /* the common case: the v8 udiv does it */
    if (rem) *rem = (u32)n % (u32)d;
    return (u32)n / (u32)d;
  }
  for (int i = 63; i >= 0; --i) {
    r = (r << 1) | ((n >> i) & 1);
    if (r >= d) {
      r -= d;
      q |= 1ull << i;
    }
  }
  if (rem) *rem = r;
  return q;
}

u64 __udivdi3(u64 n, u64 d) { return udivmod(n, d, 0); }

u64 __umoddi3(u64 n, u64 d) {
  u64 r;
  udivmod(n, d, &r);
  return r;
}

s64 __divdi3(s64 n, s64 d) {
  int neg = (n < 0) != (d < 0);
  u64 q = udivmod(n < 0 ? 0 - (u64)n : (u64)n, d < 0 ? 0 - (u64)d : (u64)d, 0);
  return neg ? -(s64)q : (s64)q;
}

s64 __moddi3(s64 n, s64 d) {
  u64 r;
  udivmod(n < 0 ? 0 - (u64)n : (u64)n, d < 0 ? 0 - (u64)d : (u64)d, &r);
  return n < 0 ? -(s64)r : (s64)r;
}

s64 __muldi3(s64 a, s64 b) {
  u64 x = (u64)a, y = (u64)b;
  u32 xl = (u32)x, xh = (u32)(x >> 32), yl = (u32)y, yh = (u32)(y >> 32);
  u64 lo = (u64)xl * yl; /* umul: 32x32 -> 64 */
  u32 cross = xl * yh + xh * yl;
  return (s64)(lo + ((u64)cross << 32));
}
