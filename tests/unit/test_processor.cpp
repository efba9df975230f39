// The SPARC processor under the kernel (arch/sparc/processor.hpp): what a
// partition switch does to the MMU context, the window-spill ranges and the
// FPU, which moves only between partitions with the fp flag.
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::test::SimBoard;
using stratum::test::SimHardware;

namespace {
inline constexpr Slot fp_slots[] = {{.id = 0, .start_us = 0, .duration_us = 1000, .partition_id = 0},
                                    {.id = 1, .start_us = 1000, .duration_us = 1000, .partition_id = 1},
                                    {.id = 2, .start_us = 2000, .duration_us = 1000, .partition_id = 2}};
inline constexpr Plan fp_plans[] = {{.id = 0, .major_frame_us = 3000, .slots = fp_slots}};
inline constexpr Processor fp_processors[] = {{.id = 0, .frequency_khz = 50000, .plans = fp_plans}};
inline constexpr Partition fp_partitions[] = {
    {.id = 0, .name = "A", .flags = partition_flag::boot | partition_flag::fp, .areas = p0_areas},
    {.id = 1, .name = "B", .flags = partition_flag::boot, .areas = p1_areas},
    {.id = 2, .name = "C", .flags = partition_flag::boot | partition_flag::fp, .areas = p2_areas}};
constexpr System fp_system = {.name = "fp",
                              .schema_version = schema_version,
                              .memory_regions = regions,
                              .processors = fp_processors,
                              .hypervisor = {.areas = xm_areas},
                              .partitions = fp_partitions};
using K = stratum::kernel::Kernel<SimBoard, fp_system>;
}  // namespace

TEST_CASE("a switch flushes the windows, changes the MMU context and the spill ranges; the FPU follows fp partitions") {
  SimBoard::clear();
  K::boot();
  CHECK(K::Cpu::current() == 0);
  CHECK(SimHardware::current == &K::Cpu::context(0));
  CHECK(SimHardware::mmu_context == K::Cpu::Tables::context_of_partition(0));
  CHECK(SimHardware::stack_ranges[0].lo == p0);
  CHECK(SimHardware::stack_ranges[0].hi == p0 + 0x40000 - 64);
  CHECK(SimHardware::stack_ranges[1].hi == 0);  // one writable area
  CHECK((K::Cpu::context(0).psr & PSR_EF) != 0);
  CHECK((K::Cpu::context(1).psr & PSR_EF) == 0);
  CHECK(SimHardware::fpu_restores == 1);  // A takes the FPU
  const int flushes = SimHardware::flushes;
  SimBoard::now = 1000;
  K::on_trap(stratum::sparc::tt::interrupt_level_1 + 5);
  CHECK(SimHardware::flushes > flushes);
  CHECK(SimHardware::mmu_context == K::Cpu::Tables::context_of_partition(1));
  CHECK(SimHardware::stack_ranges[0].lo == p1);
  CHECK(SimHardware::stack_ranges[1].lo == 0);  // the read-only area takes no window
  CHECK(SimHardware::fpu_saves == 0);  // B cannot touch the FPU: A's state stays in it
  SimBoard::now = 2000;
  K::on_trap(stratum::sparc::tt::interrupt_level_1 + 5);
  CHECK(SimHardware::fpu_saves == 1);  // C takes it from A
  CHECK(SimHardware::fpu_restores == 2);
  SimBoard::now = 3000;
  K::on_trap(stratum::sparc::tt::interrupt_level_1 + 5);
  CHECK(SimHardware::fpu_saves == 2);
  CHECK(SimHardware::fpu_restores == 3);
  SimBoard::now = 3500;
  K::on_trap(stratum::sparc::tt::interrupt_level_1 + 5);
  CHECK(SimHardware::fpu_restores == 3);  // still A's
}

namespace {
using T9 = stratum::test::kernel_fixture::Booted<__COUNTER__>;
}  // namespace

// Issue 9, point 3, and a refused window at a switch: the switch's flush
// spills the outgoing partition's windows; one its stack refuses (a reset's
// first instructions run with %sp = 0, so does a virtual trap handler's) is
// no fault: it is kept in its context and goes back when it next runs.
TEST_CASE("a window refused by the switch's flush is kept for the outgoing partition: nobody is halted") {
  T9 t;
  CHECK(T9::current() == 0);
  SimHardware::refuse_on_flush = 0x40200000;  // FlightCtl's %sp in IoServer's memory
  SimHardware::refused_windows = 2;            // it and the newer one after it
  T9::in_slot_of(1);
  CHECK(T9::current() == 1);
  CHECK(T9::K::Partitions::state(0) != stratum::kernel::PartitionState::halted);
  CHECK(T9::K::Partitions::state(1) != stratum::kernel::PartitionState::halted);
  CHECK(T9::console().find("register window") == std::string::npos);  // no fault, no line
  CHECK(T9::ctx(0).window_count == 2);  // kept in FlightCtl's own context, in order
  CHECK(T9::ctx(0).window_sp == 0x40200000);
  CHECK(T9::ctx(1).window_count == 0);  // nothing of it in IoServer's
  CHECK(SimHardware::window_fault == 0);  // nothing left for IoServer's next trap
  CHECK(T9::call(999) == XM_UNKNOWN_HYPERCALL);
  CHECK(T9::K::Partitions::state(1) != stratum::kernel::PartitionState::halted);
  // FlightCtl runs again in its next slot (traps.S puts its windows back).
  T9::in_slot_of(0, 100, 1);
  CHECK(T9::current() == 0);
  CHECK(T9::K::Partitions::state(0) != stratum::kernel::PartitionState::halted);
}

// Issue 9, point 3: the switch's flush spills the outgoing partition's
// windows; one it refuses is that partition's fault, not the next one's.
TEST_CASE("a refusal still pending at a switch halts the outgoing partition, not the next") {
  using T = stratum::test::kernel_fixture::Booted<__COUNTER__>;
  T t;
  SimHardware::window_fault = 0x40200000 | 1;  // as enter_handler records it (no room for the handler)
  T::in_slot_of(1);
  CHECK(T::current() == 1);
  CHECK(T::K::Partitions::state(0) == stratum::kernel::PartitionState::halted);
  CHECK(T::K::Partitions::state(1) != stratum::kernel::PartitionState::halted);
  // Its line waits for its own next slot: not built inside the switch.
  const std::string line = "'FlightCtl' register window at stack address 0x40200000 is outside its memory";
  CHECK(T::console().find(line) == std::string::npos);
  CHECK(SimHardware::window_fault == 0);  // nothing left for IoServer's next trap
  CHECK(T::call(999) == XM_UNKNOWN_HYPERCALL);
  CHECK(T::K::Partitions::state(1) != stratum::kernel::PartitionState::halted);
  T::in_slot_of(0, 100, 1);
  CHECK(T::console().find(line) != std::string::npos);
}

namespace {
using T10 = stratum::test::kernel_fixture::Booted<__COUNTER__>;
using T11 = stratum::test::kernel_fixture::Booted<__COUNTER__>;
}  // namespace

TEST_CASE("a partition's own SAVE over a bad stack halts it once; its other windows are kept, not charged again") {
  T10 t;
  SimHardware::window_fault = 0x40001fa0 | 1;  // a SAVE of FlightCtl met a bad stack
  T10::trap(stratum::sparc::tt::window_overflow);
  CHECK(T10::K::Partitions::state(0) == stratum::kernel::PartitionState::halted);
  CHECK(T10::console().find("'FlightCtl' register window at stack address 0x40001fa0") != std::string::npos);
  const std::string once = T10::console();
  SimHardware::refuse_on_flush = 0x40001dc0;  // its other windows, at the switch
  T10::in_slot_of(1);
  CHECK(T10::console() == once);
  CHECK(SimHardware::window_fault == 0);
}

TEST_CASE("a partition resetting itself empties its kept windows and gets its stack ranges back") {
  T11 t;
  T11::ctx(0).window_count = 3;  // kept by the kernel's SAVEs at this trap's entry
  T11::ctx(0).window_sp = 0x40200000;
  SimHardware::refuse_on_flush = 0x40200000;
  SimHardware::stack_ranges = nullptr;  // (keeping a window empties them, windows.h)
  T11::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 0});
  CHECK(T11::ctx(0).fresh == 1);
  CHECK(T11::ctx(0).window_count == 0);
  CHECK(SimHardware::window_fault == 0);
  REQUIRE(SimHardware::stack_ranges != nullptr);
  CHECK(SimHardware::stack_ranges[0].lo == p0);
  CHECK(T11::K::Partitions::state(0) != stratum::kernel::PartitionState::halted);
}

TEST_CASE("a cold reset of another partition empties its kept windows") {
  using T = stratum::test::kernel_fixture::Booted<__COUNTER__>;
  T t;
  T::ctx(0).window_count = 2;  // kept at a switch
  T::in_slot_of(1);            // IoServer, the system partition
  CHECK(T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 0}) == XM_OK);
  CHECK(T::ctx(0).window_count == 0);
}

// XM_sparc_flush_regwin and XM_sparc_iret ask, in the partition's own time,
// for its windows on its stack: a window its stack refuses is its fault.
TEST_CASE("XM_sparc_flush_regwin with a window its stack refuses halts the partition in its own time") {
  using T = stratum::test::kernel_fixture::Booted<__COUNTER__>;
  T t;
  CHECK(T::asm_call(sparc_flush_regwin_nr) == XM_OK);  // a good stack: nothing kept
  CHECK(T::K::Partitions::state(0) != stratum::kernel::PartitionState::halted);
  SimHardware::refuse_on_flush = 0x4005c000;  // the hypervisor's stack
  T::asm_call(sparc_flush_regwin_nr);
  CHECK(T::K::Partitions::state(0) == stratum::kernel::PartitionState::halted);
  CHECK(T::console().find("'FlightCtl' register window at stack address 0x4005c000 is outside its memory") !=
        std::string::npos);
  CHECK(SimHardware::window_fault == 0);
}

TEST_CASE("XM_sparc_iret whose frame could not be flushed to its stack halts the partition, reading nothing") {
  using T = stratum::test::kernel_fixture::Booted<__COUNTER__>;
  T t;
  const std::uint32_t sp = p0 + 0x1000;
  T::ctx(0).o[6] = sp;  // a good frame at the handler's %sp ...
  SimHardware::poke<std::uint32_t>(sp + 4, p0 + 0x100);
  SimHardware::poke<std::uint32_t>(sp + 8, p0 + 0x104);
  SimHardware::refuse_on_flush = 0x40101000;  // ... but an older window's stack is refused
  const std::uint32_t pc = T::ctx(0).pc;
  T::asm_call(sparc_iret_nr);
  CHECK(T::K::Partitions::state(0) == stratum::kernel::PartitionState::halted);
  CHECK(T::console().find("'FlightCtl' register window at stack address 0x40101000 is outside its memory") !=
        std::string::npos);
  CHECK(T::ctx(0).pc != p0 + 0x100);  // the frame was not taken
  (void)pc;
}

TEST_CASE("a virtual trap with every window kept leaves no room for the handler's: the partition's fault") {
  using T = stratum::test::kernel_fixture::Booted<__COUNTER__>;
  T t;
  constexpr std::uint32_t table = p0 + 0x10000;
  T::call(sparc_write_tbr_nr, {table});
  T::asm_call(sparc_clear_pil_nr);
  // No window kept: the windows stay in the register file (the trap path
  // gives the handler the one below the partition's): nothing is flushed.
  const int flushes = SimHardware::flushes;
  T::trap(stratum::sparc::tt::division_by_zero);
  CHECK(SimHardware::flushes == flushes);
  CHECK(T::ctx(0).vtrap_pc == table + stratum::sparc::tt::division_by_zero * 16);
  T::ctx(0).vtrap_pc = 0;  // (the exit path entered the handler)
  T::pct(0).iFlags |= XM_IFLAGS_ET;
  // One kept already (the kernel's SAVEs at the trap): every window is
  // flushed first, and those refused join it.
  T::ctx(0).window_count = 1;
  T::ctx(0).window_sp = 0x40101000;
  SimHardware::refuse_on_flush = 0x40101000;
  SimHardware::refused_windows = NWINDOWS - 3;  // room for the handler's window below them
  T::trap(stratum::sparc::tt::division_by_zero);
  CHECK(SimHardware::flushes == flushes + 1);
  CHECK(T::ctx(0).vtrap_pc == table + stratum::sparc::tt::division_by_zero * 16);
  CHECK(SimHardware::window_fault == 0);
  T::ctx(0).vtrap_pc = 0;  // (the exit path put the windows back and entered the handler)
  T::ctx(0).window_count = 1;
  T::pct(0).iFlags |= XM_IFLAGS_ET;
  SimHardware::refuse_on_flush = 0x40101000;
  SimHardware::refused_windows = NWINDOWS - 2;  // every window: none left for the handler
  T::trap(stratum::sparc::tt::division_by_zero);
  CHECK(SimHardware::window_fault == (0x40101000 | 1));  // the exit path stops it (TT_WINDOW_FAULT)
  T::trap(stratum::sparc::tt::window_fault);
  CHECK(T::K::Partitions::state(0) == stratum::kernel::PartitionState::halted);
}

// The trap path's fast XM_get_time (hypercall.S) checks `time` against the
// current partition's UserArea list with one unsigned compare: the same
// answer as Memory::holds(i, time, 8, write, 8) for every 8-byte aligned
// address, and the list follows each switch (the idle context has none).
namespace {
bool fast_accepts(const stratum::sparc::UserArea* a, std::uint32_t t) {
  if ((t & 7) != 0) return false;
  for (; a->span != 0; ++a)
    if (t - a->start <= a->span) return true;
  return false;
}
}  // namespace

TEST_CASE("the fast XM_get_time's writable areas are exactly what Memory::holds accepts for 8 bytes") {
  SimBoard::clear();
  K::boot();
  REQUIRE(SimHardware::user_areas == K::Cpu::user_areas(0));
  for (std::size_t i = 0; i < fp_system.partitions.size(); ++i) {
    const auto* areas = K::Cpu::user_areas(i);
    const std::uint32_t tries[] = {0u, 8u, p0 - 8, p0, p0 + 8, p0 + 0x40000 - 8, p0 + 0x40000, p1 - 8, p1,
                                   p1 + 0x40000 - 8, p1 + 0x40000, p1_ro, p1_ro + 8, p2 - 8, p2, p2 + 0x10000 - 8,
                                   p2 + 0x10000, 0xfffffff8u, 0x80000000u};
    for (const std::uint32_t t : tries)
      for (const std::uint32_t d : {0u, 4u}) {
        CAPTURE(i);
        CAPTURE(t + d);
        CHECK(fast_accepts(areas, t + d) == K::Memory::holds(static_cast<stratum::kernel::Caller>(i), t + d, 8, true, 8));
      }
  }
  SimBoard::now = 1000;
  K::on_trap(stratum::sparc::tt::interrupt_level_1 + 5);
  CHECK(SimHardware::user_areas == K::Cpu::user_areas(1));
  CHECK(fast_accepts(SimHardware::user_areas, p1));
  CHECK(!fast_accepts(SimHardware::user_areas, p1_ro));  // the read-only area is not in the list
  CHECK(!fast_accepts(SimHardware::user_areas, p0));
}

// The trap path's fast XM_sparc_iret (iret.S) checks the handler's %sp and
// the return PC/nPC against the current partition's IretTable with the
// same unsigned compare: the same answers as the general path's
// Memory::holds(sp, 64, write, 8) and Memory::holds(pc, 4, read, 4), and
// the table follows each switch, with the partition's PCT.
namespace {
bool iret_accepts(const stratum::sparc::UserArea* a, std::uint32_t x, std::uint32_t align) {
  if ((x & (align - 1)) != 0) return false;
  for (; a->span != 0; ++a)
    if (x - a->start <= a->span) return true;
  return false;
}
}  // namespace

TEST_CASE("the fast XM_sparc_iret's stack and code areas are exactly what the general path accepts") {
  SimBoard::clear();
  K::boot();
  REQUIRE(SimHardware::iret_table == &K::Cpu::iret_table(0));
  for (std::size_t i = 0; i < fp_system.partitions.size(); ++i) {
    const auto& t = K::Cpu::iret_table(i);
    const auto c = static_cast<stratum::kernel::Caller>(i);
    CHECK(t.pct == K::Pct::address(c));
    CHECK(t.code_offset == offsetof(K::Cpu::IretTable, code));
    const std::uint32_t tries[] = {0u, 8u, p0 - 64, p0 - 8, p0, p0 + 8, p0 + 0x40000 - 64, p0 + 0x40000 - 8, p0 + 0x40000,
                                   p1 - 64, p1, p1 + 0x40000 - 64, p1 + 0x40000, p1_ro, p1_ro + 8, p1_ro + 0x1000 - 8,
                                   p2 - 8, p2, p2 + 0x10000 - 64, p2 + 0x10000 - 8, p2 + 0x10000, 0xfffffff8u, 0x80000000u};
    for (const std::uint32_t x : tries)
      for (const std::uint32_t d : {0u, 2u, 4u, 56u, 60u}) {
        CAPTURE(i);
        CAPTURE(x + d);
        CHECK(iret_accepts(t.stacks.data(), x + d, 8) == K::Memory::holds(c, x + d, 64, true, 8));
        CHECK(iret_accepts(t.code.data(), x + d, 4) == K::Memory::holds(c, x + d, 4, false, 4));
      }
  }
  SimBoard::now = 1000;
  K::on_trap(stratum::sparc::tt::interrupt_level_1 + 5);
  CHECK(SimHardware::iret_table == &K::Cpu::iret_table(1));
}
