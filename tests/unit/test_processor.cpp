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

// Issue 9, point 3: the switch's flush spills the outgoing partition's
// windows; one it refuses is that partition's fault, not the next one's.
TEST_CASE("a window refused by the switch's flush halts the outgoing partition, not the next") {
  T9 t;
  CHECK(T9::current() == 0);
  SimHardware::refuse_on_flush = 0x40200000;  // FlightCtl's %sp in IoServer's memory
  T9::in_slot_of(1);
  CHECK(T9::current() == 1);
  CHECK(T9::K::Partitions::state(0) == stratum::kernel::PartitionState::halted);
  CHECK(T9::K::Partitions::state(1) != stratum::kernel::PartitionState::halted);
  CHECK(T9::console().find("'FlightCtl' register window at stack address 0x40200000 is outside its memory") !=
        std::string::npos);
  CHECK(SimHardware::window_fault == 0);  // nothing left for IoServer's next trap
  CHECK(T9::call(999) == XM_UNKNOWN_HYPERCALL);
  CHECK(T9::K::Partitions::state(1) != stratum::kernel::PartitionState::halted);
}

namespace {
using T10 = stratum::test::kernel_fixture::Booted<__COUNTER__>;
using T11 = stratum::test::kernel_fixture::Booted<__COUNTER__>;
}  // namespace

TEST_CASE("a partition already halted is not charged again for the windows its flush refuses") {
  T10 t;
  SimHardware::window_fault = 0x40001fa0 | 1;  // a SAVE of FlightCtl met a bad stack
  T10::trap(stratum::sparc::tt::window_overflow);
  CHECK(T10::K::Partitions::state(0) == stratum::kernel::PartitionState::halted);
  const std::string once = T10::console();
  SimHardware::refuse_on_flush = 0x40001dc0;  // its other windows, at the switch
  T10::in_slot_of(1);
  CHECK(T10::console() == once);
  CHECK(SimHardware::window_fault == 0);
}

TEST_CASE("a partition resetting itself leaves no refused window of its old life behind") {
  T11 t;
  SimHardware::refuse_on_flush = 0x40200000;
  T11::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 0});
  CHECK(T11::ctx(0).fresh == 1);
  CHECK(SimHardware::window_fault == 0);
  CHECK(T11::K::Partitions::state(0) != stratum::kernel::PartitionState::halted);
}
