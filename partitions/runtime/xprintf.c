/* xprintf and the string helpers of std_c.h, freestanding. The text is
 * formatted into a buffer and written with one XM_write_console. */
#include <stdarg.h>
#include <std_c.h>
#include <xm.h>

#define NO_BUILTIN_LOOPS __attribute__((optimize("no-tree-loop-distribute-patterns")))

NO_BUILTIN_LOOPS void *memset(void *s, int c, size_t n) {
  unsigned char *p = s;
  while (n--) *p++ = (unsigned char)c;
  return s;
}

NO_BUILTIN_LOOPS void *memcpy(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--) *d++ = *s++;
  return dst;
}

NO_BUILTIN_LOOPS void *memmove(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (d < s) {
    while (n--) *d++ = *s++;
  } else {
    while (n--) d[n] = s[n];
  }
  return dst;
}

int memcmp(const void *a, const void *b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (; n--; ++x, ++y)
    if (*x != *y) return *x < *y ? -1 : 1;
  return 0;
}

size_t strlen(const char *s) {
  size_t n = 0;
  while (s[n]) ++n;
  return n;
}

int strcmp(const char *a, const char *b) {
  while (*a && *a == *b) ++a, ++b;
  return (unsigned char)*a - (unsigned char)*b;
}

char *strncpy(char *dst, const char *src, size_t n) {
  size_t i = 0;
  for (; i < n && src[i]; ++i) dst[i] = src[i];
  for (; i < n; ++i) dst[i] = 0;
  return dst;
}

struct out {
  char buf[256];
  int len;
  int total;
};

static void flush(struct out *o) {
  if (o->len > 0) XM_write_console(o->buf, o->len);
  o->len = 0;
}

static void put(struct out *o, char c) {
  if (o->len == (int)sizeof o->buf) flush(o);
  o->buf[o->len++] = c;
  o->total++;
}

/* 64-bit division 16 bits at a time: no libgcc helper (Debian's 32-bit
 * libgcc is built for SPARC v8plus, which a LEON3 cannot run). */
static unsigned divmod(unsigned long long *v, unsigned base) {
  unsigned parts[4] = {(unsigned)(*v >> 48) & 0xffff, (unsigned)(*v >> 32) & 0xffff, (unsigned)(*v >> 16) & 0xffff,
                       (unsigned)*v & 0xffff};
  unsigned rem = 0;
  for (int i = 0; i < 4; ++i) {
    unsigned cur = (rem << 16) | parts[i];
    parts[i] = cur / base;
    rem = cur % base;
  }
  *v = ((unsigned long long)parts[0] << 48) | ((unsigned long long)parts[1] << 32) |
       ((unsigned long long)parts[2] << 16) | parts[3];
  return rem;
}

static void put_number(struct out *o, unsigned long long v, unsigned base, int upper, int negative, int width,
                       char pad, int left) {
  char digits[24];
  int n = 0;
  const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  do {
    digits[n++] = set[divmod(&v, base)];
  } while (v);
  int len = n + (negative ? 1 : 0);
  if (negative && pad == '0') put(o, '-');
  if (!left)
    for (; width > len; --width) put(o, pad);
  if (negative && pad != '0') put(o, '-');
  while (n) put(o, digits[--n]);
  if (left)
    for (; width > len; --width) put(o, ' ');
}

int xprintf(const char *fmt, ...) {
  struct out o;
  o.len = o.total = 0;
  va_list ap;
  va_start(ap, fmt);
  for (const char *p = fmt; *p; ++p) {
    if (*p != '%') {
      put(&o, *p);
      continue;
    }
    ++p;
    int left = 0, width = 0, lng = 0;
    char pad = ' ';
    for (;; ++p) {
      if (*p == '-') left = 1;
      else if (*p == '0') pad = '0';
      else break;
    }
    while (*p >= '0' && *p <= '9') width = width * 10 + (*p++ - '0');
    while (*p == 'l') ++lng, ++p;
    switch (*p) {
      case 'd':
      case 'i': {
        long long v = lng >= 2 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
        put_number(&o, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v, 10, 0, v < 0, width, pad, left);
        break;
      }
      case 'u':
      case 'x':
      case 'X':
      case 'o': {
        unsigned long long v = lng >= 2 ? va_arg(ap, unsigned long long)
                               : lng    ? va_arg(ap, unsigned long)
                                        : va_arg(ap, unsigned);
        unsigned base = *p == 'u' ? 10 : *p == 'o' ? 8 : 16;
        put_number(&o, v, base, *p == 'X', 0, width, pad, left);
        break;
      }
      case 'p':
        put(&o, '0');
        put(&o, 'x');
        put_number(&o, (unsigned long)va_arg(ap, void *), 16, 0, 0, 8, '0', 0);
        break;
      case 'c':
        put(&o, (char)va_arg(ap, int));
        break;
      case 's': {
        const char *s = va_arg(ap, const char *);
        if (!s) s = "(null)";
        int n = (int)strlen(s);
        if (!left)
          for (; width > n; --width) put(&o, ' ');
        while (*s) put(&o, *s++);
        if (left)
          for (; width > n; --width) put(&o, ' ');
        break;
      }
      case '%':
        put(&o, '%');
        break;
      case 0:
        --p;
        break;
      default:
        put(&o, '%');
        put(&o, *p);
    }
  }
  va_end(ap);
  flush(&o);
  return o.total;
}
