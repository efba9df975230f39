// Traces (kernel/traces.hpp; manual 2.16, 5.14, table 2.2): the filter by
// both bitmasks, the ring when full, who may read, hostile descriptors,
// pointers and ids, seek and status, the hypervisor's own stream, where the
// blocks may lie and how every context maps them.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "kernel_fixture.hpp"
#include "stratum/arch/sparc/page_tables.hpp"
#include "stratum/layout.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::test::SimBoard;

namespace {

// FlightCtl keeps bits 0 and 1, IoServer (system) bit 0, Spare has no
// Trace; the hypervisor keeps its partition events (module 1).
inline constexpr Device devices[] = {
    {.kind = DeviceKind::memory_block, .name = "TraceA", .id = 0, .baud_rate = 0, .start = 0x40500000, .size = 0x1000},
    {.kind = DeviceKind::memory_block, .name = "TraceB", .id = 0, .baud_rate = 0, .start = 0x40510000, .size = 0x2000},
    {.kind = DeviceKind::memory_block, .name = "TraceH", .id = 0, .baud_rate = 0, .start = 0x40520000, .size = 0x1000}};
inline constexpr Partition traced_partitions[] = {
    {.id = 0, .name = "FlightCtl", .flags = partition_flag::boot, .areas = p0_areas, .trace = {"TraceA", 0x3}},
    {.id = 1, .name = "IoServer", .flags = partition_flag::system | partition_flag::boot, .areas = p1_areas,
     .trace = {"TraceB", 0x1}},
    {.id = 2, .name = "Spare", .flags = partition_flag::boot, .areas = p2_areas}};
inline constexpr System traced = [] {
  System s = base;
  s.partitions = traced_partitions;
  s.devices = devices;
  s.hypervisor.trace = {"TraceH", 1u << TRACE_MODULE_PARTITION};
  return s;
}();

constexpr std::uint32_t mem[] = {p0, p1, p2};
constexpr std::uint32_t event_at = 0x100, buf_at = 0x400, status_at = 0x300;
constexpr std::uint32_t desc(std::uint32_t id) { return OBJDESC_BUILD(OBJ_CLASS_TRACE, id, 0); }

template <int Tag>
struct Tr : Booted<Tag, traced> {
  using B = Booted<Tag, traced>;
  using B::call;
  using Hw = typename B::Hw;
  static std::uint32_t self() { return static_cast<std::uint32_t>(B::current()); }
  static std::uint32_t at(std::uint32_t offset) { return mem[self()] + offset; }

  // XM_trace_event(bitmask, event) as libxm makes it: code, criticality and
  // the first payload word chosen by the caller.
  static std::int32_t event(std::uint32_t bitmask, std::uint32_t code, std::uint32_t payload = 0, std::uint32_t crit = 0) {
    xmTraceEvent_t e{};
    e.opCodeH = 0xfffffff0u | (crit << TRACE_OPCODE_CRIT_BIT) | TRACE_OPCODE_SYS_MASK;  // forged sequence and sys bit
    e.opCodeL = (code << TRACE_OPCODE_CODE_BIT) | 0xffffu;                              // forged vCPU and partition
    e.payload[0] = payload;
    e.timestamp = -1;
    Hw::poke(at(event_at), e);
    return call(__WRITE_OBJECT_NR, {desc(self()), at(event_at), sizeof(xmTraceEvent_t), bitmask});
  }
  static std::int32_t status(std::uint32_t d, xmTraceStatus_t& st) {
    const std::int32_t r = call(__CTRL_OBJECT_NR, {d, XM_TRACE_GET_STATUS, at(status_at)});
    st = Hw::template peek<xmTraceStatus_t>(at(status_at));
    return r;
  }
  // Reads up to `n` events into the caller's buffer; returns the count.
  static std::int32_t read(std::uint32_t d, std::uint32_t n = 1) {
    return call(__READ_OBJECT_NR, {d, at(buf_at), n * static_cast<std::uint32_t>(sizeof(xmTraceEvent_t)), 0});
  }
  static xmTraceEvent_t got(std::uint32_t k = 0) {
    return Hw::template peek<xmTraceEvent_t>(at(buf_at) + k * static_cast<std::uint32_t>(sizeof(xmTraceEvent_t)));
  }
  static std::int32_t seek(std::uint32_t d, std::int32_t offset, std::uint32_t whence) {
    return call(__SEEK_OBJECT_NR, {d, static_cast<std::uint32_t>(offset), whence});
  }
};

std::uint32_t code_of(const xmTraceEvent_t& e) { return (e.opCodeL & TRACE_OPCODE_CODE_MASK) >> TRACE_OPCODE_CODE_BIT; }
std::uint32_t seq_of(const xmTraceEvent_t& e) { return e.opCodeH >> TRACE_OPCODE_SEQ_BIT; }

}  // namespace

TEST_CASE("an event is stored when its bit is set both in the call and in the partition's Trace bitmask") {
  using T = Tr<0>;
  T boot;
  T::in_slot_of(0, 1234);
  CHECK(T::event(0x4, 1) == XM_NO_ACTION);  // not in FlightCtl's 0x3
  CHECK(T::event(0x2, 2, 0xabcd, XM_TRACE_WARNING) == XM_OK);
  CHECK(T::event(0x0, 3) == XM_NO_ACTION);
  T::in_slot_of(1, 500);
  CHECK(T::event(0x2, 4) == XM_NO_ACTION);  // not in IoServer's 0x1
  CHECK(T::event(0x3, 5) == XM_OK);
  xmTraceStatus_t st{};
  CHECK(T::status(desc(0), st) == XM_OK);
  CHECK(st.noEvents == 1);
  CHECK(st.maxEvents == 0x1000 / 36);
  CHECK(st.currentEvent == 0);
  CHECK(st.lostEvents == 0);
  REQUIRE(T::read(desc(0), 4) == 1);
  const xmTraceEvent_t e = T::got();
  CHECK(e.signature == XMTRACE_SIGNATURE);
  CHECK(code_of(e) == 2);
  CHECK((e.opCodeL & TRACE_OPCODE_PARTID_MASK) == 0);                       // the hypervisor's, not the forged 0xff
  CHECK((e.opCodeL & TRACE_OPCODE_VCPUID_MASK) == 0);
  CHECK(seq_of(e) == 0);
  CHECK((e.opCodeH & TRACE_OPCODE_SYS_MASK) == 0);                          // a partition cannot claim the hypervisor's bit
  CHECK(((e.opCodeH & TRACE_OPCODE_CRIT_MASK) >> TRACE_OPCODE_CRIT_BIT) == XM_TRACE_WARNING);
  CHECK(e.timestamp == 1234);                                               // XM_HW_CLOCK when stored
  CHECK(e.payload[0] == 0xabcd);
  CHECK(T::read(desc(0)) == 0);                                             // nothing left
  REQUIRE(T::read(desc(1)) == 1);
  CHECK(code_of(T::got()) == 5);
  CHECK((T::got().opCodeL & TRACE_OPCODE_PARTID_MASK) == 1);
}

TEST_CASE("a full ring overwrites its oldest events and counts the unread ones lost") {
  using T = Tr<1>;
  T boot;
  const std::int32_t cap = static_cast<std::int32_t>(T::K::Traces::capacity(0));
  T::in_slot_of(0);
  for (std::int32_t k = 0; k < cap + 5; ++k) REQUIRE(T::event(0x1, static_cast<std::uint32_t>(k)) == XM_OK);
  T::in_slot_of(1);
  xmTraceStatus_t st{};
  CHECK(T::status(desc(0), st) == XM_OK);
  CHECK(st.noEvents == cap);
  CHECK(st.lostEvents == 5);
  // At most trace_read_max events per call, oldest first.
  CHECK(T::read(desc(0), 100) == static_cast<std::int32_t>(T::K::Traces::trace_read_max));
  CHECK(seq_of(T::got(0)) == 5);
  CHECK(code_of(T::got(0)) == 5);
  CHECK(code_of(T::got(15)) == 20);
  CHECK(T::status(desc(0), st) == XM_OK);
  CHECK(st.currentEvent == 16);
  // Seek: from the oldest held, the current one, past the newest; clamped.
  CHECK(T::seek(desc(0), -1, XM_TRACE_SEEK_END) == cap - 1);
  REQUIRE(T::read(desc(0), 2) == 1);
  CHECK(code_of(T::got()) == static_cast<std::uint32_t>(cap + 4));
  CHECK(T::seek(desc(0), 3, XM_TRACE_SEEK_SET) == 3);
  CHECK(T::seek(desc(0), -2, XM_TRACE_SEEK_CUR) == 1);
  CHECK(T::seek(desc(0), -50, XM_TRACE_SEEK_CUR) == 0);
  CHECK(T::seek(desc(0), 1000, XM_TRACE_SEEK_SET) == cap);
  CHECK(T::seek(desc(0), 0, 7) == XM_INVALID_PARAM);
  // A read across the ring's end: the oldest held is in slot 5.
  CHECK(T::seek(desc(0), cap - 8, XM_TRACE_SEEK_SET) == cap - 8);
  REQUIRE(T::read(desc(0), 8) == 8);
  for (std::uint32_t j = 0; j < 8; ++j) CHECK(code_of(T::got(j)) == static_cast<std::uint32_t>(cap - 3) + j);
  CHECK(T::seek(desc(0), 1000, XM_TRACE_SEEK_SET) == cap);
  // Overwriting events already read loses nothing more.
  T::in_slot_of(0, 100, 1);
  CHECK(T::event(0x1, 999) == XM_OK);
  T::in_slot_of(1, 100, 1);
  CHECK(T::status(desc(0), st) == XM_OK);
  CHECK(st.lostEvents == 5);
  CHECK(st.currentEvent == cap - 1);  // the position stays on the same event
  REQUIRE(T::read(desc(0)) == 1);
  CHECK(code_of(T::got()) == 999);
}

TEST_CASE("only system partitions read, one reader per stream; a partition without Trace gets XM_INVALID_CONFIG") {
  using T = Tr<2>;
  T boot;
  T::in_slot_of(0);
  xmTraceStatus_t st{};
  CHECK(T::status(desc(0), st) == XM_PERM_ERROR);
  CHECK(T::read(desc(0)) == XM_PERM_ERROR);
  CHECK(T::seek(desc(1), 0, XM_TRACE_SEEK_SET) == XM_PERM_ERROR);
  // Only one's own stream is written.
  xmTraceEvent_t e{};
  T::Hw::poke(T::at(event_at), e);
  CHECK(T::call(__WRITE_OBJECT_NR, {desc(1), T::at(event_at), 36, 1}) == XM_PERM_ERROR);
  T::in_slot_of(2);
  CHECK(T::event(0xffffffff, 1) == XM_INVALID_CONFIG);  // Spare has no Trace
  T::in_slot_of(1, 100, 1);
  CHECK(T::status(desc(2), st) == XM_INVALID_CONFIG);
  CHECK(T::status(desc(3), st) == XM_INVALID_PARAM);
  CHECK(T::status(desc(0x3fff), st) == XM_INVALID_PARAM);
  CHECK(T::status(desc(XM_HYPERVISOR_ID), st) == XM_OK);
}

namespace {
inline constexpr Partition two_readers_partitions[] = {
    traced_partitions[0], traced_partitions[1],
    {.id = 2, .name = "Spare", .flags = partition_flag::system | partition_flag::boot, .areas = p2_areas}};
inline constexpr System two_readers = [] {
  System s = traced;
  s.partitions = two_readers_partitions;
  return s;
}();
}  // namespace

TEST_CASE("a stream has one reader: the first system partition to use it") {
  using T = Booted<5, two_readers>;
  T boot;
  T::in_slot_of(1);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc(0), XM_TRACE_GET_STATUS, p1 + status_at}) == XM_OK);
  T::in_slot_of(2);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc(0), XM_TRACE_GET_STATUS, p2 + status_at}) == XM_PERM_ERROR);
  CHECK(T::call(__SEEK_OBJECT_NR, {desc(0), 0, XM_TRACE_SEEK_SET}) == XM_PERM_ERROR);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc(1), XM_TRACE_GET_STATUS, p2 + status_at}) == XM_OK);  // another stream
}

TEST_CASE("in a system without any Trace, the calls get the answers of a partition without one") {
  using T = Booted<6>;
  T boot;
  T::in_slot_of(0);
  CHECK(T::call(__WRITE_OBJECT_NR, {desc(0), p0 + event_at, 36, 1}) == XM_INVALID_CONFIG);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc(0), XM_TRACE_GET_STATUS, p0 + status_at}) == XM_PERM_ERROR);
  T::in_slot_of(1);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc(0), XM_TRACE_GET_STATUS, p1 + status_at}) == XM_INVALID_CONFIG);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc(XM_HYPERVISOR_ID), XM_TRACE_GET_STATUS, p1 + status_at}) == XM_INVALID_CONFIG);
  CHECK(T::call(__READ_OBJECT_NR, {desc(9), p1 + buf_at, 36, 0}) == XM_INVALID_PARAM);
}

TEST_CASE("hostile descriptors, pointers and sizes are refused before any byte moves") {
  using T = Tr<3>;
  T boot;
  T::in_slot_of(0);
  CHECK(T::call(__WRITE_OBJECT_NR, {desc(0), 0x40000000, 36, 1}) == XM_INVALID_PARAM);       // the hypervisor
  CHECK(T::call(__WRITE_OBJECT_NR, {desc(0), 0x40500000, 36, 1}) == XM_INVALID_PARAM);       // its own stream's block
  CHECK(T::call(__WRITE_OBJECT_NR, {desc(0), p0 + 0x40000 - 20, 36, 1}) == XM_INVALID_PARAM);  // past its area
  CHECK(T::call(__WRITE_OBJECT_NR, {desc(0), T::at(event_at), 35, 1}) == XM_INVALID_PARAM);
  CHECK(T::call(__WRITE_OBJECT_NR, {desc(0), T::at(event_at), 72, 1}) == XM_INVALID_PARAM);
  T::in_slot_of(1);
  xmTraceStatus_t st{};
  CHECK(T::status(desc(0), st) == XM_OK);
  CHECK(st.noEvents == 0);
  CHECK(T::call(__CTRL_OBJECT_NR, {desc(0), XM_TRACE_GET_STATUS, 0x40300000}) == XM_INVALID_PARAM);  // read-only area
  CHECK(T::call(__CTRL_OBJECT_NR, {desc(0), XM_TRACE_GET_STATUS, 0x40500000}) == XM_INVALID_PARAM);  // the block
  CHECK(T::call(__CTRL_OBJECT_NR, {desc(0), 9, T::at(status_at)}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {OBJDESC_BUILD(OBJ_CLASS_TRACE, 0, 1), XM_TRACE_GET_STATUS, T::at(status_at)}) ==
        XM_INVALID_PARAM);  // an object id that is no stream
  CHECK(T::call(__READ_OBJECT_NR, {desc(0), 0x40300000, 36, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(__READ_OBJECT_NR, {desc(0), 0x40000000, 36, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(__READ_OBJECT_NR, {desc(0), T::at(buf_at), 35, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(__READ_OBJECT_NR, {desc(0), 0x4020fff0, 36, 0}) == XM_INVALID_PARAM);  // runs past the area
  CHECK(T::call(__READ_OBJECT_NR, {desc(0), T::at(buf_at), 0xffffffff, 0}) == 0);   // 16 events fit: none to read
}

TEST_CASE("the hypervisor's stream records partition halts and resets with its sys bit") {
  using T = Tr<4>;
  T boot;
  T::in_slot_of(0, 777);
  CHECK(T::call(__HALT_PARTITION_NR, {0}) == XM_OK);
  T::in_slot_of(1);
  CHECK(T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 0}) == XM_OK);
  const std::uint32_t h = desc(XM_HYPERVISOR_ID);
  REQUIRE(T::read(h, 4) == 2);
  const xmTraceEvent_t halt = T::got(0), reset = T::got(1);
  CHECK((halt.opCodeL & TRACE_OPCODE_PARTID_MASK) == XM_HYPERVISOR_ID);
  CHECK((halt.opCodeH & TRACE_OPCODE_SYS_MASK) != 0);
  CHECK(code_of(halt) == TRACE_EV_PART_HALT);
  CHECK(halt.payload[0] == TRACE_MODULE_PARTITION);
  CHECK(halt.payload[1] == 0);
  CHECK(halt.timestamp == 777);
  CHECK(code_of(reset) == TRACE_EV_PART_RESET);
  CHECK(seq_of(reset) == 1);
}

namespace {
namespace mmu = stratum::sparc::srmmu;
constexpr stratum::ImageLayout layout = stratum::image_layout(traced);
using Tables = mmu::PageTables<traced, layout.page_tables_base, layout.pct_base>;
constexpr Tables mmu_tables = Tables::build();
static_assert(Tables::fits);

}  // namespace

TEST_CASE("every context maps each trace block supervisor-only, identity-mapped") {
  for (std::uint32_t ctx = 0; ctx <= 3; ++ctx)
    for (const Device& d : devices)
      for (std::uint32_t va = d.start; va < d.start + d.size; va += 0x1000) {
        const mmu::Translation t = mmu::translate(mmu_tables.words, layout.page_tables_base, ctx, va);
        CHECK(t.valid);
        CHECK(t.pa == va);
        CHECK(t.access == mmu::acc::supervisor_rwx);
      }
}

TEST_CASE("a trace block in a partition's or the hypervisor's memory, misaligned, outside RAM or shared is refused") {
  auto check = [](const Device& d, const char* trace_owner_device, const std::string& expected) {
    Device ds[] = {d};
    System s = traced;
    s.devices = ds;
    s.hypervisor.trace = {trace_owner_device, 1};
    Partition ps[] = {traced_partitions[0], traced_partitions[1], traced_partitions[2]};
    ps[0].trace = {"T", 1};
    ps[1].trace = {};
    s.partitions = ps;
    const std::string got = stratum::config::check_trace_device(s).c_str();
    CHECK(got == expected);
  };
  const char* pre = "[TRACE-DEVICE] FlightCtl Trace device 'T' ";
  check({DeviceKind::memory_block, "T", 0, 0, 0x40600000, 0x1000}, nullptr, "");
  check({DeviceKind::memory_block, "T", 0, 0, 0x40101000, 0x1000}, nullptr,
        std::string(pre) + "overlaps a memory area: no partition may reach a trace stream");
  check({DeviceKind::memory_block, "T", 0, 0, 0x40070000, 0x20000}, nullptr,
        std::string(pre) + "overlaps a memory area: no partition may reach a trace stream");
  check({DeviceKind::memory_block, "T", 0, 0, 0x40600100, 0x1000}, nullptr, std::string(pre) + "must be whole 4KB pages, at least one");
  check({DeviceKind::memory_block, "T", 0, 0, 0x60000000, 0x1000}, nullptr, std::string(pre) + "lies outside every memory region");
  check({DeviceKind::uart, "T", 0, 115200, 0, 0}, nullptr, std::string(pre) + "is not a MemoryBlock");
  // XMHypervisor's Trace is written first: the partition's is the other stream.
  check({DeviceKind::memory_block, "T", 0, 0, 0x40600000, 0x1000}, "T", std::string(pre) + "is another Trace's stream");
  // A device nobody declares is DEVICE-UNKNOWN's, not this rule's.
  check({DeviceKind::memory_block, "U", 0, 0, 0x40600000, 0x1000}, nullptr, "");
  CHECK(stratum::config::check_trace_device(traced).empty());
}
