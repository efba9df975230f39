// The HM log (kernel/hm_log.hpp; manual 2.13.4, table 2.2): which events are
// logged (log="yes", the default action's) and which are not (log="no"),
// the entry's fields, the ring when full, read / seek / status, who may
// read, hostile descriptors and pointers, and the log kept across a system
// reset. (Its own file: test_health_monitor.cpp holds the actions.)
#include <doctest/doctest.h>

#include "hm_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::kernel::PartitionState;
using stratum::test::SimBoard;
namespace tt = stratum::sparc::tt;

namespace {

// FlightCtl: a division by zero is logged and warm-resets it; a privileged
// instruction halts it unlogged; every other event takes the default, logged.
inline constexpr HmEvent events[] = {
    {"XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION", "XM_HM_AC_PARTITION_WARM_RESET", true},
    {"XM_HM_EV_SPARCV8_PRIVILEGED_INSTR", "XM_HM_AC_HALT", false}};
inline constexpr Partition parts[] = {
    {.id = 0, .name = "FlightCtl", .flags = partition_flag::boot, .areas = p0_areas, .irq_lines = p0_lines,
     .hm_events = events},
    partitions[1], partitions[2]};
inline constexpr System logged_system = [] {
  System s = base;
  s.partitions = parts;
  return s;
}();

constexpr std::uint32_t status_at = p1 + 0x300;  // (event_of, desc, buf_at: hm_fixture.hpp)

template <int Tag>
struct L : Booted<Tag, logged_system> {
  using B = Booted<Tag, logged_system>;
  using Log = typename B::K::HmLog;
  // FlightCtl traps (tt) at p0 + 0x40, in its slot.
  static void fault(std::uint32_t trap_type, std::uint64_t at = 100) {
    B::in_slot_of(0, at);
    B::ctx(0).pc = p0 + 0x40;
    B::ctx(0).npc = p0 + 0x44;
    B::trap(trap_type);
  }
  static xmHmStatus_t status() {
    REQUIRE(B::call(__CTRL_OBJECT_NR, {desc, XM_HM_GET_STATUS, status_at}) == XM_OK);
    return B::Hw::template peek<xmHmStatus_t>(status_at);
  }
  static std::int32_t read(std::uint32_t n, std::uint32_t at = buf_at) {
    return B::call(__READ_OBJECT_NR, {desc, at, n * static_cast<std::uint32_t>(sizeof(xmHmLog_t)), 0});
  }
  static xmHmLog_t entry(std::uint32_t k) { return B::Hw::template peek<xmHmLog_t>(buf_at + k * sizeof(xmHmLog_t)); }
  static void record(std::uint32_t n) {
    const xmWord_t w[4] = {1, 2, 3, 4};
    for (std::uint32_t k = 0; k < n; ++k) Log::record(XM_HM_EV_PARTITION_ERROR, 2, w, false);
  }
};

}  // namespace

TEST_CASE("an event with log=\"yes\" is logged before its action: the entry's fields") {
  using T = L<__COUNTER__>;
  T booted;
  T::fault(tt::division_by_zero, 1234);
  REQUIRE(T::Log::logged() == 1);
  CHECK(T::pct(0).resetCounter == 1);  // the action ran too
  T::in_slot_of(1);
  CHECK(T::read(4) == 1);
  const xmHmLog_t e = T::entry(0);
  CHECK(e.signature == XM_HMLOG_SIGNATURE);
  CHECK(event_of(e) == XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION);
  CHECK((e.opCode & HMLOG_OPCODE_PARTID_MASK) == 0);
  CHECK((e.opCode & HMLOG_OPCODE_VALID_CPUCTXT_MASK) != 0);
  CHECK((e.opCode & HMLOG_OPCODE_SYS_MASK) == 0);
  CHECK(e.seq == 0);
  CHECK(e.timestamp == 1234);
  CHECK(e.cpuCtxt.pc == p0 + 0x40);
  CHECK(e.cpuCtxt.npc == p0 + 0x44);
  CHECK(e.cpuCtxt.trapType == tt::division_by_zero);
  CHECK(T::read(4) == 0);  // nothing left
}

TEST_CASE("log=\"no\" is not logged; an event the table does not name (the default) is") {
  {
    using T = L<__COUNTER__>;
    T booted;
    T::fault(tt::privileged_instruction);
    CHECK(T::K::Partitions::state(0) == PartitionState::halted);
    CHECK(T::Log::logged() == 0);
  }
  {
    using T = L<__COUNTER__>;
    T booted;
    T::fault(tt::illegal_instruction);
    CHECK(T::Log::logged() == 1);
  }
}

TEST_CASE("a full ring keeps the newest entries and counts the unread ones it overwrote") {
  using T = L<__COUNTER__>;
  T booted;
  T::in_slot_of(1);
  T::record(T::Log::capacity + 8);
  xmHmStatus_t st = T::status();
  CHECK(st.noEvents == 32);
  CHECK(st.maxEvents == 32);
  CHECK(st.currentEvent == 0);
  CHECK(st.lostEvents == 8);
  CHECK(T::read(100) == static_cast<std::int32_t>(T::Log::hm_read_max));  // at most 8 per call
  CHECK(T::entry(0).seq == 8);                                              // the oldest held
  CHECK(T::entry(7).seq == 15);
  T::record(8);  // overwrites 8..15, already read: not lost
  st = T::status();
  CHECK(st.lostEvents == 8);
  CHECK(st.currentEvent == 0);  // the reader's next (16) is now the oldest held
  CHECK(T::read(1) == 1);
  CHECK(T::entry(0).seq == 16);
}

TEST_CASE("seek: SET, CUR, END, clamped; an unknown whence refused") {
  using T = L<__COUNTER__>;
  T booted;
  T::in_slot_of(1);
  T::record(5);
  CHECK(T::call(__SEEK_OBJECT_NR, {desc, 3, XM_HM_SEEK_SET}) == 3);
  CHECK(T::call(__SEEK_OBJECT_NR, {desc, static_cast<std::uint32_t>(-1), XM_HM_SEEK_CUR}) == 2);
  CHECK(T::call(__SEEK_OBJECT_NR, {desc, 0, XM_HM_SEEK_END}) == 5);
  CHECK(T::call(__SEEK_OBJECT_NR, {desc, 100, XM_HM_SEEK_SET}) == 5);
  CHECK(T::call(__SEEK_OBJECT_NR, {desc, static_cast<std::uint32_t>(-100), XM_HM_SEEK_CUR}) == 0);
  CHECK(T::call(__SEEK_OBJECT_NR, {desc, 0, 7}) == XM_INVALID_PARAM);
  CHECK(T::call(__SEEK_OBJECT_NR, {desc, 4, XM_HM_SEEK_SET}) == 4);
  CHECK(T::read(8) == 1);
  CHECK(T::entry(0).seq == 4);
  CHECK(T::status().currentEvent == 5);
}

TEST_CASE("only system partitions read the log; hostile descriptors and pointers are refused") {
  using T = L<__COUNTER__>;
  T booted;
  T::in_slot_of(0);  // FlightCtl: not a system partition
  CHECK(T::call(__CTRL_OBJECT_NR, {desc, XM_HM_GET_STATUS, p0 + 0x300}) == XM_PERM_ERROR);
  CHECK(T::call(__READ_OBJECT_NR, {desc, p0 + 0x400, sizeof(xmHmLog_t), 0}) == XM_PERM_ERROR);
  CHECK(T::call(__SEEK_OBJECT_NR, {desc, 0, XM_HM_SEEK_SET}) == XM_PERM_ERROR);
  T::in_slot_of(1);
  T::record(3);
  const std::uint32_t e = sizeof(xmHmLog_t);
  CHECK(T::call(__CTRL_OBJECT_NR, {OBJDESC_BUILD(OBJ_CLASS_HM, 1, 0), XM_HM_GET_STATUS, status_at}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc | 1, XM_HM_GET_STATUS, status_at}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc, 9, status_at}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc, XM_HM_GET_STATUS, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc, XM_HM_GET_STATUS, p0 + 0x300}) == XM_INVALID_PARAM);  // FlightCtl's
  CHECK(T::call(__READ_OBJECT_NR, {desc, p0 + 0x400, e, 0}) == XM_INVALID_PARAM);               // not its own
  CHECK(T::call(__READ_OBJECT_NR, {desc, p1_ro, e, 0}) == XM_INVALID_PARAM);                    // read-only
  CHECK(T::call(__READ_OBJECT_NR, {desc, buf_at + 1, e, 0}) == XM_INVALID_PARAM);               // misaligned
  CHECK(T::call(__READ_OBJECT_NR, {desc, p1 + 0x10000 - e / 2, e, 0}) == XM_INVALID_PARAM);      // runs past its end
  CHECK(T::call(__READ_OBJECT_NR, {desc, 0xfffffff0u, 8 * e, 0}) == XM_INVALID_PARAM);          // wraps
  CHECK(T::call(__READ_OBJECT_NR, {desc, buf_at, e - 1, 0}) == XM_INVALID_PARAM);               // below one entry
  CHECK(T::call(__WRITE_OBJECT_NR, {desc, buf_at, e, 0}) == XM_INVALID_PARAM);                  // no writing
  CHECK(T::status().currentEvent == 0);  // nothing refused moved the reader
  CHECK(T::read(8) == 3);
}

TEST_CASE("the log survives a warm system reset: the new life reads why") {
  using T = L<__COUNTER__>;
  T booted;
  T::fault(tt::division_by_zero);
  T::in_slot_of(1);
  const std::uint32_t resets = T::K::SystemControl::resets();
  T::call(__RESET_SYSTEM_NR, {XM_WARM_RESET});  // (its %o0: its new life's PCT)
  CHECK(T::K::SystemControl::resets() == resets + 1);
  T::run_until(SimBoard::now + slot_start[1] + 100);  // plan 0 again, from the reset
  REQUIRE(T::current() == 1);
  const xmHmStatus_t st = T::status();
  CHECK(st.noEvents == 1);
  CHECK(T::read(1) == 1);
  CHECK(event_of(T::entry(0)) == XM_HM_EV_SPARCV8_DIVIDE_EXCEPTION);
}
