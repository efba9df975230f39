// The kernel on the host: Kernel<SimBoard, S> over the SPARC processor
// logic and a simulated machine (sim_board.hpp). Each test boots a kernel of
// its own (a distinct copy of the tables is a distinct kernel, with its own
// static state), then drives it the way a partition does: registers set as
// libxm sets them, a trap, the result read back from %o0.
//
// The system: 'FlightCtl' (id 0, boot, owns IRQ line 5) in [0, 20ms),
// 'IoServer' (id 1, system, boot, a private area and a read-only one) in
// [20ms, 50ms), 'Spare' (id 2, does not boot) in [50ms, 60ms); major frame 60 ms.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "sim_board.hpp"
#include "stratum/arch/sparc/context.hpp"
#include "stratum/config/model.hpp"
#include "stratum/kernel/kernel.hpp"
#include "tables.hpp"

namespace stratum::test::kernel_fixture {
using namespace stratum::config;

// The memory of the rules' `good` system (tables.hpp), and a third partition.
using stratum::test::p0_areas;
using stratum::test::p1_areas;
using stratum::test::regions;
using stratum::test::xm_areas;
inline constexpr MemoryArea p2_areas[] = {{.start = 0x40400000, .size = 0x10000, .flags = 0, .mapped_at = 0x40400000}};
inline constexpr Slot slots[] = {{.id = 0, .start_us = 0, .duration_us = 20000, .partition_id = 0},
                                 {.id = 1, .start_us = 20000, .duration_us = 30000, .partition_id = 1},
                                 {.id = 2, .start_us = 50000, .duration_us = 10000, .partition_id = 2}};
inline constexpr Plan plans[] = {{.id = 0, .major_frame_us = 60000, .slots = slots}};
inline constexpr Processor processors[] = {{.id = 0, .frequency_khz = 50000, .plans = plans}};
inline constexpr std::uint32_t p0_lines[] = {5};
inline constexpr Partition partitions[] = {
    {.id = 0, .name = "FlightCtl", .flags = partition_flag::boot, .areas = p0_areas, .irq_lines = p0_lines},
    {.id = 1, .name = "IoServer", .flags = partition_flag::system | partition_flag::boot, .areas = p1_areas},
    {.id = 2, .name = "Spare", .flags = 0, .areas = p2_areas}};
inline constexpr System base = {.name = "kernel",
                                .schema_version = schema_version,
                                .memory_regions = regions,
                                .processors = processors,
                                .hypervisor = {.areas = xm_areas},
                                .partitions = partitions};

// Internal linkage from here: test files number their tests from 0 each,
// and must not share a kernel.
namespace {

// A distinct copy of the tables per test: a kernel of its own (of `base`
// or of another system built on it).
template <int Tag, const System& B = base>
constexpr System tables = B;

inline constexpr std::uint32_t p0 = 0x40100000, p1 = 0x40200000, p1_ro = 0x40300000, p2 = 0x40400000;
inline constexpr std::uint32_t slot_start[] = {0, 20000, 50000};

template <int Tag, const System& B = base>
struct Booted {
  using K = stratum::kernel::Kernel<SimBoard, tables<Tag, B>>;
  using Hw = SimHardware;

  // Boots with partition images of `image_bytes` bytes each (0x5a...).
  explicit Booted(std::size_t image_bytes = 64) {
    SimBoard::clear();
    for (int i = 0; i < 3; ++i) Hw::images.emplace_back(image_bytes, static_cast<unsigned char>(0x5a + i));
    K::boot();
  }

  static sparc::Context& ctx(std::size_t i) { return K::Cpu::context(i); }
  static partitionControlTable_t& pct(std::size_t i) { return K::Pct::of(i); }
  static int current() { return K::Cpu::current(); }

  // A trap, entered as traps.S enters the kernel: the trapped context has
  // run, so it is no longer fresh.
  static void enter(std::uint32_t tt) {
    if (current() >= 0) ctx(static_cast<std::size_t>(current())).fresh = 0;
    K::on_trap(tt);
  }

  // The hypervisor's event timer fires at `us` (microseconds since boot).
  static void at(std::uint64_t us) {
    SimBoard::now = us;
    enter(sparc::tt::interrupt_level_1 + 5);
  }
  // Time moves on to `us`, the event timer firing at every deadline the
  // kernel armed on the way (slot boundaries, timers).
  static void run_until(std::uint64_t us) {
    while (SimBoard::deadline > SimBoard::now && SimBoard::deadline < us) at(SimBoard::deadline);
    at(us);
  }
  // Time moves to `offset` us into partition i's slot of major frame `frame`.
  static void in_slot_of(std::size_t i, std::uint64_t offset = 100, std::uint64_t frame = 0) {
    run_until(frame * 60000 + slot_start[i] + offset);
  }

  // A hypercall of the current partition, as libxm makes it: number in %o0,
  // arguments in %o1..%o5, `ta 0x70`; returns %o0.
  static std::int32_t call(std::uint32_t nr, std::initializer_list<std::uint32_t> args = {}) {
    sparc::Context& c = ctx(static_cast<std::size_t>(current()));
    c.o[0] = nr;
    int k = 1;
    for (std::uint32_t a : args) c.o[k++] = a;
    c.pc = 0x40100100;
    c.npc = c.pc + 4;
    enter(sparc::tt::hypercall);
    return static_cast<std::int32_t>(c.o[0]);
  }
  // An assembly hypercall (`ta 0x71`).
  static std::int32_t asm_call(std::uint32_t nr, std::uint32_t arg = 0) {
    sparc::Context& c = ctx(static_cast<std::size_t>(current()));
    c.o[0] = nr;
    c.o[1] = arg;
    enter(sparc::tt::asm_hypercall);
    return static_cast<std::int32_t>(c.o[0]);
  }
  // A processor trap of the current partition.
  static void trap(std::uint32_t tt) { enter(tt); }

  // Everything written so far (the ring emptied first).
  static std::string console() {
    K::Out::flush();
    return SimBoard::console;
  }
};

}  // namespace

inline std::uint32_t hi(std::int64_t v) { return static_cast<std::uint32_t>(static_cast<std::uint64_t>(v) >> 32); }
inline std::uint32_t lo(std::int64_t v) { return static_cast<std::uint32_t>(v); }

}  // namespace stratum::test::kernel_fixture
