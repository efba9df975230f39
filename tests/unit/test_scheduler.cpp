#include <doctest/doctest.h>

#include <vector>

#include "stratum/kernel/scheduler.hpp"

using stratum::config::Plan;
using stratum::config::Slot;
using stratum::kernel::CyclicScheduler;

namespace {
// The plan of the manual's table 2.3 (major frame 200 ms), in microseconds.
constexpr Slot table_2_3[] = {
    {0, 0, 20000, 0},       {1, 20000, 10000, 1},   {2, 30000, 10000, 3},  {3, 40000, 30000, 2},
    {4, 70000, 10000, 3},   {5, 100000, 20000, 0},  {6, 120000, 10000, 1}, {7, 130000, 10000, 3},
    {8, 140000, 30000, 2},  {9, 170000, 10000, 3},  {10, 180000, 20000, 4}};
constexpr Plan plan0{0, 200000, table_2_3};

struct Seen {
  int slot;
  std::uint64_t start, end;
  bool operator==(const Seen&) const = default;
};
}  // namespace

TEST_CASE("the cyclic scheduler walks the plan of table 2.3 exactly, gaps included, frame after frame") {
  CyclicScheduler s;
  s.start(plan0, 1000);  // the plan starts whenever boot ends
  std::vector<Seen> seen;
  for (int k = 0; k < 24; ++k) {
    seen.push_back({s.current().slot, s.current().start, s.current().end});
    s.advance();
  }
  const std::vector<Seen> expected = {
      {0, 1000, 21000},       {1, 21000, 31000},      {2, 31000, 41000},      {3, 41000, 71000},
      {4, 71000, 81000},      {-1, 81000, 101000},    {5, 101000, 121000},    {6, 121000, 131000},
      {7, 131000, 141000},    {8, 141000, 171000},    {9, 171000, 181000},    {10, 181000, 201000},
      {0, 201000, 221000},    {1, 221000, 231000},    {2, 231000, 241000},    {3, 241000, 271000},
      {4, 271000, 281000},    {-1, 281000, 301000},   {5, 301000, 321000},    {6, 321000, 331000},
      {7, 331000, 341000},    {8, 341000, 371000},    {9, 371000, 381000},    {10, 381000, 401000}};
  CHECK(seen == expected);
  CHECK(s.major_frames() == 2);
}

TEST_CASE("a plan whose first slot starts late begins with a gap, and a trailing gap ends the frame") {
  static constexpr Slot slots[] = {{0, 5000, 1000, 0}};
  constexpr Plan p{0, 10000, slots};
  CyclicScheduler s;
  s.start(p, 0);
  CHECK(s.current().slot == -1);
  CHECK(s.current().end == 5000);
  s.advance();
  CHECK(s.current().slot == 0);
  CHECK(s.current().end == 6000);
  s.advance();
  CHECK(s.current().slot == -1);
  CHECK(s.current().end == 10000);
  s.advance();
  CHECK(s.major_frames() == 1);
  CHECK(s.current().slot == -1);
  CHECK(s.current().start == 10000);
}

TEST_CASE("a plan switch takes effect at the end of the major frame (manual 2.8.2)") {
  static constexpr Slot a[] = {{0, 0, 4000, 0}, {1, 4000, 6000, 1}};
  static constexpr Slot b[] = {{0, 0, 3000, 1}};
  constexpr Plan pa{0, 10000, a}, pb{2, 3000, b};
  CyclicScheduler s;
  s.start(pa, 0);
  s.request_plan(pb);
  CHECK(s.plan().id == 0);
  s.advance();  // slot 1 of plan 0
  CHECK(s.plan().id == 0);
  CHECK(s.current().slot == 1);
  s.advance();  // end of frame: plan 2 starts
  CHECK(s.plan().id == 2);
  CHECK(s.current().start == 10000);
  CHECK(s.current().end == 13000);
  CHECK(s.plan_switch_time() == 10000);
}
