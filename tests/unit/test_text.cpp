#include <doctest/doctest.h>

#include <string>

#include "stratum/util/text.hpp"

using stratum::Text;

TEST_CASE("Text spells numbers, sizes and times in the manual's units") {
  Text<64> t;
  t.hex(0x40100000u) << ' ';
  t.size(512 * 1024) << ' ';
  t.size(128u * 1024 * 1024) << ' ';
  t.size(1000) << ' ';
  t.time_us(1'000'000) << ' ';
  t.time_us(20'000) << ' ';
  t.time_us(1500) << ' ';
  t.time_us(0);
  CHECK(std::string(t.c_str()) == "0x40100000 512KB 128MB 1000B 1s 20ms 1500us 0ms");
}

TEST_CASE("Text never overflows its capacity and stays NUL-terminated") {
  Text<8> t;
  t << "0123456789";
  CHECK(t.length == 7);
  CHECK(std::string(t.c_str()) == "0123456");
}

TEST_CASE("Text works at compile time") {
  constexpr auto t = [] {
    Text<32> x;
    x.area(0x40000000u, 256 * 1024);
    return x;
  }();
  static_assert(t.chars[0] == '0' && t.chars[10] == '+');
  CHECK(std::string(t.c_str()) == "0x40000000+256KB");
}
