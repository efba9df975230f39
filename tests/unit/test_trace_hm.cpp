// A partition's own HM event (kernel/traces.hpp, kernel/health_monitor.hpp;
// manual 2.13.1, 5.14.1): an XM_TRACE_UNRECOVERABLE trace event raises
// XM_HM_EV_PARTITION_ERROR for its partition, stored or filtered out, with
// or without a Trace element; the other criticalities raise nothing. The
// log entry, each configured action, what the call returns, and the default.
// (Its own file: test_traces.cpp holds the streams, test_health_monitor.cpp
// the processor traps' actions.)
#include <doctest/doctest.h>

#include <string>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::config::hm::Action;
using stratum::kernel::PartitionState;

namespace {

inline constexpr Device devices[] = {
    {.kind = DeviceKind::memory_block, .name = "TraceA", .id = 0, .baud_rate = 0, .start = 0x40500000, .size = 0x1000}};

// FlightCtl keeps bit 0 of its trace events and binds PARTITION_ERROR to A
// (logged); IoServer (system) reads the HM log and FlightCtl's stream;
// Spare boots, has no Trace and no table (the default).
template <Action A, bool named = true>
struct Sys {
  static constexpr HmEvent events[] = {
      {"XM_HM_EV_PARTITION_ERROR", stratum::config::hm::action_names[static_cast<unsigned>(A)], true}};
  static constexpr Partition parts[] = {
      {.id = 0, .name = "FlightCtl", .flags = partition_flag::boot, .areas = p0_areas, .irq_lines = p0_lines,
       .hm_events = named ? std::span<const HmEvent>(events) : std::span<const HmEvent>(), .trace = {"TraceA", 0x1}},
      partitions[1],
      {.id = 2, .name = "Spare", .flags = partition_flag::boot, .areas = p2_areas}};
  static constexpr System system = [] {
    System s = base;
    s.partitions = parts;
    s.devices = devices;
    return s;
  }();
};

constexpr std::uint32_t event_at = 0x100, buf_at = 0x400, status_at = 0x300;
constexpr std::uint32_t mem[] = {p0, p1, p2};
constexpr std::uint32_t call_pc = 0x40100100;  // Booted::call's `ta`
constexpr std::uint32_t hm_desc = OBJDESC_BUILD(OBJ_CLASS_HM, XM_HYPERVISOR_ID, 0);
constexpr std::uint32_t trace_desc(std::uint32_t id) { return OBJDESC_BUILD(OBJ_CLASS_TRACE, id, 0); }

template <int Tag, Action A = Action::ignore, bool named = true>
struct T : Booted<Tag, Sys<A, named>::system> {
  using B = Booted<Tag, Sys<A, named>::system>;
  using B::call;
  using Hw = typename B::Hw;

  // XM_trace_event(bitmask, event) of the current partition: code 0x77,
  // criticality `crit`, payload 11, 22, 33, 44.
  static std::int32_t event(std::uint32_t crit, std::uint32_t bitmask = 0x1) {
    const auto self = static_cast<std::uint32_t>(B::current());
    xmTraceEvent_t e{};
    e.opCodeH = crit << TRACE_OPCODE_CRIT_BIT;
    e.opCodeL = 0x77u << TRACE_OPCODE_CODE_BIT;
    e.payload[0] = 11, e.payload[1] = 22, e.payload[2] = 33, e.payload[3] = 44;
    Hw::poke(mem[self] + event_at, e);
    return call(__WRITE_OBJECT_NR, {trace_desc(self), mem[self] + event_at, sizeof(xmTraceEvent_t), bitmask});
  }
  // IoServer's view, in its slot of frame `frame`: HM log entries held.
  static std::int32_t logged(std::uint64_t frame = 0) {
    B::in_slot_of(1, 200, frame);
    REQUIRE(call(__CTRL_OBJECT_NR, {hm_desc, XM_HM_GET_STATUS, p1 + status_at}) == XM_OK);
    return Hw::template peek<xmHmStatus_t>(p1 + status_at).noEvents;
  }
  static xmHmLog_t first_entry() {
    REQUIRE(call(__READ_OBJECT_NR, {hm_desc, p1 + buf_at, sizeof(xmHmLog_t), 0}) == 1);
    return Hw::template peek<xmHmLog_t>(p1 + buf_at);
  }
  static bool line(const std::string& s) { return B::console().find(s) != std::string::npos; }
};

std::uint32_t event_of(const xmHmLog_t& e) { return (e.opCode & HMLOG_OPCODE_EVENT_MASK) >> HMLOG_OPCODE_EVENT_BIT; }

const std::string acted = "Stratum: partition 0 'FlightCtl' XM_HM_EV_PARTITION_ERROR at pc 0x40100104: ";
const char* const halted_line =
    "'FlightCtl' raised XM_HM_EV_PARTITION_ERROR (an XM_TRACE_UNRECOVERABLE trace event): partition halted";

}  // namespace

TEST_CASE("only XM_TRACE_UNRECOVERABLE raises PARTITION_ERROR; the entry holds code and payload, no CPU context") {
  using S = T<__COUNTER__>;
  S boot;
  S::in_slot_of(0, 1000);
  CHECK(S::event(XM_TRACE_NOTIFY) == XM_OK);
  CHECK(S::event(XM_TRACE_DEBUG) == XM_OK);
  CHECK(S::event(XM_TRACE_WARNING) == XM_OK);
  CHECK(S::logged() == 0);
  S::in_slot_of(0, 1234, 1);
  CHECK(S::event(XM_TRACE_UNRECOVERABLE) == XM_OK);  // stored, and IGNORE: the call returns
  CHECK(S::logged(1) == 1);
  const xmHmLog_t e = S::first_entry();
  CHECK(e.signature == XM_HMLOG_SIGNATURE);
  CHECK(event_of(e) == XM_HM_EV_PARTITION_ERROR);
  CHECK((e.opCode & HMLOG_OPCODE_PARTID_MASK) == 0);
  CHECK((e.opCode & HMLOG_OPCODE_VALID_CPUCTXT_MASK) == 0);
  CHECK(e.timestamp == 60000 + 1234);
  CHECK(e.payload[0] == 0x77);  // the trace event's code, then its first three payload words
  CHECK(e.payload[1] == 11);
  CHECK(e.payload[2] == 22);
  CHECK(e.payload[3] == 33);
  // The trace itself is stored as well (5.14.1), its criticality kept.
  REQUIRE(S::call(__READ_OBJECT_NR, {trace_desc(0), p1 + buf_at, 4 * sizeof(xmTraceEvent_t), 0}) == 4);
  const auto last = S::Hw::peek<xmTraceEvent_t>(p1 + buf_at + 3 * sizeof(xmTraceEvent_t));
  CHECK(((last.opCodeH & TRACE_OPCODE_CRIT_MASK) >> TRACE_OPCODE_CRIT_BIT) == XM_TRACE_UNRECOVERABLE);
}

TEST_CASE("raised when the bitmasks filter the event out, and for a partition without a Trace") {
  using S = T<__COUNTER__>;
  S boot;
  S::in_slot_of(0);
  CHECK(S::event(XM_TRACE_UNRECOVERABLE, 0x2) == XM_NO_ACTION);  // not in FlightCtl's 0x1
  CHECK(S::K::Partitions::state(0) == PartitionState::normal);
  CHECK(S::logged() == 1);
  CHECK(S::call(__CTRL_OBJECT_NR, {trace_desc(0), XM_TRACE_GET_STATUS, p1 + status_at}) == XM_OK);
  CHECK(S::Hw::peek<xmTraceStatus_t>(p1 + status_at).noEvents == 0);  // nothing stored
  // Spare has no Trace and no table: XM_INVALID_CONFIG, and the default halts it.
  S::in_slot_of(2);
  CHECK(S::event(XM_TRACE_WARNING) == XM_INVALID_CONFIG);
  CHECK(S::K::Partitions::state(2) == PartitionState::normal);
  S::event(XM_TRACE_UNRECOVERABLE);
  CHECK(S::K::Partitions::state(2) == PartitionState::halted);
  CHECK(S::line("'Spare' raised XM_HM_EV_PARTITION_ERROR (an XM_TRACE_UNRECOVERABLE trace event): partition halted"));
  CHECK(S::logged(1) == 2);
  S::first_entry();
  const xmHmLog_t e = S::first_entry();
  CHECK(event_of(e) == XM_HM_EV_PARTITION_ERROR);
  CHECK((e.opCode & HMLOG_OPCODE_PARTID_MASK) == 2);
}

TEST_CASE("a bad event pointer or size raises nothing: nothing was read") {
  using S = T<__COUNTER__, Action::halt>;
  S boot;
  S::in_slot_of(0);
  CHECK(S::call(__WRITE_OBJECT_NR, {trace_desc(0), 0x40000000, 36, 1}) == XM_INVALID_PARAM);
  CHECK(S::call(__WRITE_OBJECT_NR, {trace_desc(0), p0 + event_at, 35, 1}) == XM_INVALID_PARAM);
  CHECK(S::call(__WRITE_OBJECT_NR, {trace_desc(1), p0 + event_at, 36, 1}) == XM_PERM_ERROR);
  CHECK(S::K::Partitions::state(0) == PartitionState::normal);
  CHECK(S::logged() == 0);
}

TEST_CASE("IGNORE: the call returns its result and the partition goes on after it") {
  using S = T<__COUNTER__, Action::ignore>;
  S boot;
  S::in_slot_of(0);
  CHECK(S::event(XM_TRACE_UNRECOVERABLE) == XM_OK);
  CHECK(S::K::Partitions::state(0) == PartitionState::normal);
  CHECK(S::current() == 0);
  CHECK(S::ctx(0).pc == call_pc + 4);
  CHECK(S::line(acted + "XM_HM_AC_IGNORE"));
}

TEST_CASE("PARTITION_WARM_RESET: restarted, resetStatus PARTITION_ERROR, its registers not clobbered by a result") {
  using S = T<__COUNTER__, Action::partition_warm_reset>;
  S boot;
  S::in_slot_of(0);
  const std::int32_t r = S::event(XM_TRACE_UNRECOVERABLE);
  CHECK(S::K::Partitions::reset_counter(0) == 1);
  CHECK(S::K::Partitions::reset_status(0) == XM_HM_EV_PARTITION_ERROR);
  CHECK(S::pct(0).resetStatus == XM_HM_EV_PARTITION_ERROR);
  CHECK(S::ctx(0).fresh != 0);
  CHECK(S::ctx(0).pc == p0);  // its entry point
  CHECK(static_cast<std::uint32_t>(r) == S::K::Pct::address(0));  // %o0: its PCT, as at boot
  CHECK(S::line(acted + "XM_HM_AC_PARTITION_WARM_RESET"));
}

TEST_CASE("HYPERVISOR_WARM_RESET: the system resets, the caller restarted as every partition") {
  using S = T<__COUNTER__, Action::hypervisor_warm_reset>;
  S boot;
  S::in_slot_of(0);
  const std::int32_t r = S::event(XM_TRACE_UNRECOVERABLE, 0x2);
  CHECK(S::K::SystemControl::resets() == 1);
  CHECK(S::ctx(0).fresh != 0);
  CHECK(static_cast<std::uint32_t>(r) == S::K::Pct::address(0));
}

TEST_CASE("HALT: halted with its line") {
  using S = T<__COUNTER__, Action::halt>;
  S boot;
  S::in_slot_of(0);
  S::event(XM_TRACE_UNRECOVERABLE);
  CHECK(S::K::Partitions::state(0) == PartitionState::halted);
  CHECK(S::current() != 0);
  CHECK(S::line(halted_line));
}

TEST_CASE("SUSPEND: suspended; resumed, it finds the call's result and goes on after it") {
  using S = T<__COUNTER__, Action::suspend>;
  S boot;
  S::in_slot_of(0);
  S::event(XM_TRACE_UNRECOVERABLE, 0x2);
  CHECK(S::K::Partitions::state(0) == PartitionState::suspended);
  CHECK(S::current() == -1);
  CHECK(static_cast<std::int32_t>(S::ctx(0).o[0]) == XM_NO_ACTION);
  CHECK(S::ctx(0).pc == call_pc + 4);
  CHECK(S::line(acted + "XM_HM_AC_SUSPEND"));
}

TEST_CASE("the default, for a table that does not name PARTITION_ERROR: halted, logged") {
  using S = T<__COUNTER__, Action::ignore, false>;
  S boot;
  S::in_slot_of(0);
  S::event(XM_TRACE_UNRECOVERABLE);
  CHECK(S::K::Partitions::state(0) == PartitionState::halted);
  CHECK(S::line(halted_line));
  CHECK(S::logged() == 1);
  CHECK(event_of(S::first_entry()) == XM_HM_EV_PARTITION_ERROR);
}
