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
