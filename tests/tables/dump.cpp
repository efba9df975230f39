// The generated tables of one system printed back as JSON, for
// tests/tables/run.py to compare with what the generator meant to write
// (generators/xmcf/tables.py). Compiled once; run.py links it with each
// system's own small file that defines generated_system(), so that only
// system.hpp is compiled again per system.
//
// Walked with Boost.PFR, so no field is listed here: a field the model gains
// is printed without anyone touching this file. PFR 1.81 knows no field
// names, so an aggregate is printed as the list of its fields in declaration
// order and run.py names them. Enumerators and flag bits are printed as
// numbers; "symbols" gives the compiler's value of every name the generator
// may write for them, so run.py never guesses one.
#include <boost/pfr/core.hpp>
#include <cstdint>
#include <cstdio>
#include <span>
#include <type_traits>

#include "stratum/config/model.hpp"

const stratum::config::System& generated_system();

namespace {

using namespace stratum::config;

template <class T>
inline constexpr bool is_span = false;
template <class T, std::size_t N>
inline constexpr bool is_span<std::span<T, N>> = true;

template <class T>
inline constexpr bool unprintable = false;

void put_string(const char* s) {
  if (s == nullptr) {
    std::fputs("null", stdout);
    return;
  }
  std::putchar('"');
  for (; *s != '\0'; ++s) {
    const auto c = static_cast<unsigned char>(*s);
    if (c == '"' || c == '\\') {
      std::printf("\\%c", c);
    } else if (c < 0x20) {
      std::printf("\\u%04x", c);
    } else {
      std::putchar(c);  // UTF-8 goes through as bytes: run.py decodes it
    }
  }
  std::putchar('"');
}

template <class T>
void put(const T& v) {
  if constexpr (std::is_same_v<T, const char*>) {
    put_string(v);
  } else if constexpr (std::is_same_v<T, bool>) {
    std::fputs(v ? "true" : "false", stdout);
  } else if constexpr (std::is_enum_v<T>) {
    std::printf("%llu", static_cast<unsigned long long>(static_cast<std::underlying_type_t<T>>(v)));
  } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
    std::printf("%lld", static_cast<long long>(v));
  } else if constexpr (std::is_integral_v<T>) {
    std::printf("%llu", static_cast<unsigned long long>(v));
  } else if constexpr (is_span<T>) {
    std::putchar('[');
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i != 0) std::putchar(',');
      put(v[i]);
    }
    std::putchar(']');
  } else if constexpr (std::is_aggregate_v<T>) {
    std::putchar('[');
    boost::pfr::for_each_field(v, [](const auto& field, std::size_t i) {
      if (i != 0) std::putchar(',');
      put(field);
    });
    std::putchar(']');
  } else {
    static_assert(unprintable<T>, "tests/tables/dump.cpp: teach put() this field type of the model");
  }
}

struct Symbol {
  const char* name;
  unsigned long long value;
};
#define SYMBOL(x) Symbol{#x, static_cast<unsigned long long>(x)}
constexpr Symbol symbols[] = {
    SYMBOL(RegionType::stram),        SYMBOL(RegionType::sdram),          SYMBOL(RegionType::rom),
    SYMBOL(area_flag::unmapped),      SYMBOL(area_flag::shared),          SYMBOL(area_flag::read_only),
    SYMBOL(area_flag::uncacheable),   SYMBOL(area_flag::iommu),           SYMBOL(area_flag::mapped_at),
    SYMBOL(area_flag::rom),           SYMBOL(partition_flag::system),     SYMBOL(partition_flag::fp),
    SYMBOL(partition_flag::boot),     SYMBOL(IoPortKind::range),          SYMBOL(IoPortKind::restricted),
    SYMBOL(PortKind::sampling),       SYMBOL(PortKind::queuing),          SYMBOL(PortDirection::source),
    SYMBOL(PortDirection::destination), SYMBOL(DeviceKind::uart),         SYMBOL(DeviceKind::memory_block),
};
#undef SYMBOL

}  // namespace

int main() {
  std::fputs("{\"symbols\": {", stdout);
  const char* sep = "";
  for (const Symbol& s : symbols) {
    std::printf("%s\"%s\": %llu", sep, s.name, s.value);
    sep = ", ";
  }
  std::fputs("},\n\"system\": ", stdout);
  put(generated_system());
  std::fputs("}\n", stdout);
  return 0;
}
