// The configuration rules (docs/configuration-rules.md), run at run time on
// tables broken one rule at a time: each message is compared in full, since
// the generator must print the same text.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "stratum/config/check.hpp"
#include "stratum/config/hm.hpp"
#include "tables.hpp"

using namespace stratum::config;
namespace t = stratum::test;

// The compile-time path: valid tables instantiate every rule silently.
static_assert(verify<t::good>());
static_assert(verify<t::big>());

namespace {

std::string msg(const Diagnostic& d) { return d.c_str(); }

template <class T, std::size_t N>
std::vector<T> copy(const T (&a)[N]) {
  return std::vector<T>(a, a + N);
}

// A mutable copy of t::good: tests change its vectors in place (never their
// sizes), the System's spans see the change.
struct Good {
  std::vector<MemoryRegion> regions = copy(t::regions);
  std::vector<MemoryArea> xm = copy(t::xm_areas);
  std::vector<MemoryArea> a0 = copy(t::p0_areas);
  std::vector<MemoryArea> a1 = copy(t::p1_areas);
  std::vector<Slot> slots = copy(t::slots);
  std::vector<Plan> plans = copy(t::plans);
  std::vector<Processor> cpus = copy(t::processors);
  std::vector<Partition> parts = copy(t::partitions);
  System s = t::good;

  Good() {
    plans[0].slots = slots;
    cpus[0].plans = plans;
    parts[0].areas = a0;
    parts[1].areas = a1;
    s.memory_regions = regions;
    s.processors = cpus;
    s.hypervisor.areas = xm;
    s.partitions = parts;
  }
  Good(const Good&) = delete;
  Good& operator=(const Good&) = delete;
};

// Good plus ports and channels: SamplingChannel 0 FlightCtl:Out ->
// IoServer:In, QueuingChannel 0 IoServer:QOut -> FlightCtl:QIn.
struct WithChannels : Good {
  std::vector<Port> ports0 = {{"Out", PortKind::sampling, PortDirection::source},
                              {"QIn", PortKind::queuing, PortDirection::destination}};
  std::vector<Port> ports1 = {{"In", PortKind::sampling, PortDirection::destination},
                              {"QOut", PortKind::queuing, PortDirection::source}};
  std::vector<ChannelEnd> destinations = {{1, "IoServer", "In"}};
  std::vector<SamplingChannel> sampling = {{.max_message_length = 32, .refresh_period_us = 0,
                                            .source = {0, nullptr, "Out"}, .destinations = {}}};
  std::vector<QueuingChannel> queuing = {{.max_message_length = 64, .max_messages = 4,
                                          .source = {1, nullptr, "QOut"}, .destination = {0, "FlightCtl", "QIn"}}};
  WithChannels() {
    parts[0].ports = ports0;
    parts[1].ports = ports1;
    sampling[0].destinations = destinations;
    s.sampling_channels = sampling;
    s.queuing_channels = queuing;
  }
};

}  // namespace

// ----------------------------------------------------------------- all

TEST_CASE("valid tables break no rule") {
  for (const Rule& r : rules) {
    INFO(r.id);
    CHECK(msg(r.check(t::good)) == "");
    CHECK(msg(r.check(t::big)) == "");
  }
  CHECK(first_violation(t::big).empty());
  Good g;
  CHECK(first_violation(g.s).empty());
  WithChannels c;
  CHECK(first_violation(c.s).empty());
}

TEST_CASE("every rule is listed once, and every message starts with its id") {
  CHECK(rule_count == 65);
  for (std::size_t i = 0; i < rule_count; ++i)
    for (std::size_t j = 0; j < i; ++j) CHECK(std::string(rules[i].id) != rules[j].id);
}

// ------------------------------------------------------------ names

TEST_CASE("[NAME-SYNTAX] names use only letters, digits and '_'") {
  const std::string tail = "' is not a valid name: use only letters, digits and '_'";
  {
    Good g;
    g.s.name = "my system";
    CHECK(msg(check_name_syntax(g.s)) == "[NAME-SYNTAX] SystemDescription name 'my system" + tail);
  }
  {
    Good g;
    g.parts[1].name = "Io-Server";
    CHECK(msg(check_name_syntax(g.s)) == "[NAME-SYNTAX] Partition name 'Io-Server" + tail);
  }
  {
    Good g;
    g.plans[0].name = "plan 0";
    CHECK(msg(check_name_syntax(g.s)) == "[NAME-SYNTAX] Plan name 'plan 0" + tail);
    g.plans[0].name = "Plan_0";
    CHECK(check_name_syntax(g.s).empty());
  }
  {
    Good g;
    g.a1[1].name = "shared.page";
    CHECK(msg(check_name_syntax(g.s)) == "[NAME-SYNTAX] Area name 'shared.page" + tail);
  }
  {
    Good g;
    const Device devs[] = {{DeviceKind::uart, "Uart", 0, 115200, 0, 0}, {DeviceKind::uart, "", 1, 9600, 0, 0}};
    g.s.devices = devs;
    CHECK(msg(check_name_syntax(g.s)) == "[NAME-SYNTAX] Device name '" + tail);
  }
  {
    Good g;
    const Port ports[] = {{"in/out", PortKind::sampling, PortDirection::source}};
    g.parts[0].ports = ports;
    CHECK(msg(check_name_syntax(g.s)) == "[NAME-SYNTAX] Port name 'in/out" + tail);
  }
  {
    Good g;  // a required name that is missing altogether
    g.parts[0].name = nullptr;
    CHECK(msg(check_name_syntax(g.s)) == "[NAME-SYNTAX] Partition name '" + tail);
  }
}

TEST_CASE("[PARTITION-ID-SEQUENCE] partition ids follow the order written") {
  Good g;
  g.parts[1].id = 2;
  CHECK(msg(check_partition_id_sequence(g.s)) ==
        "[PARTITION-ID-SEQUENCE] Partition 'IoServer' has id 2; partition ids must be 0, 1, 2, ... in the order "
        "written (expected 1)");
}

TEST_CASE("[PARTITION-NAME-DUPLICATE] the later partition is named") {
  Good g;
  g.parts[1].name = "FlightCtl";
  CHECK(msg(check_partition_name_duplicate(g.s)) ==
        "[PARTITION-NAME-DUPLICATE] Partition 'FlightCtl' (id 1) has the same name as partition 0");
}

TEST_CASE("[PARTITION-COUNT] at most 16 partitions") {
  std::vector<Partition> parts(17, t::partitions[0]);
  for (std::size_t i = 0; i < parts.size(); ++i) parts[i].id = static_cast<std::uint32_t>(i);
  System s = t::good;
  s.partitions = parts;
  CHECK(msg(check_partition_count(s)) == "[PARTITION-COUNT] the system has 17 partitions; the image has room for 16");
  s.partitions = std::span<const Partition>(parts).first(16);
  CHECK(check_partition_count(s).empty());
}

TEST_CASE("[PROCESSOR-ID-SEQUENCE] processor ids follow the order written") {
  Good g;
  g.cpus[0].id = 1;
  CHECK(msg(check_processor_id_sequence(g.s)) ==
        "[PROCESSOR-ID-SEQUENCE] Processor 1 is processor number 0; processor ids must be 0, 1, 2, ... in the order "
        "written");
}

TEST_CASE("[PROCESSOR-FREQUENCY] a whole, non-zero number of MHz") {
  Good g;
  g.cpus[0].frequency_khz = 50500;
  CHECK(msg(check_processor_frequency(g.s)) ==
        "[PROCESSOR-FREQUENCY] Processor 0 frequency 50500kHz is not a whole, non-zero number of MHz: the 1us timer "
        "tick would not be exact");
  g.cpus[0].frequency_khz = 0;
  CHECK(msg(check_processor_frequency(g.s)) ==
        "[PROCESSOR-FREQUENCY] Processor 0 frequency 0kHz is not a whole, non-zero number of MHz: the 1us timer "
        "tick would not be exact");
  g.cpus[0].frequency_khz = 80000;
  CHECK(check_processor_frequency(g.s).empty());
}

TEST_CASE("[DEVICE-NAME-DUPLICATE] device names are unique") {
  Good g;
  const Device devs[] = {{DeviceKind::uart, "Uart", 0, 115200, 0, 0},
                         {DeviceKind::memory_block, "Uart", 0, 0, 0x60000000, 0x1000}};
  g.s.devices = devs;
  CHECK(msg(check_device_name_duplicate(g.s)) == "[DEVICE-NAME-DUPLICATE] Device name 'Uart' is declared twice");
}

TEST_CASE("[DEVICE-UNKNOWN] consoles, the HM device and traces name declared devices") {
  const std::string tail = ", which HwDescription/Devices does not declare";
  const Device devs[] = {{DeviceKind::uart, "Uart", 0, 115200, 0, 0}};
  Good g;
  g.s.hypervisor.console = "Uart";
  CHECK(msg(check_device_unknown(g.s)) == "[DEVICE-UNKNOWN] XMHypervisor console names device 'Uart'" + tail);
  g.s.devices = devs;
  CHECK(check_device_unknown(g.s).empty());
  g.s.hypervisor.hm_device = "Log";
  CHECK(msg(check_device_unknown(g.s)) ==
        "[DEVICE-UNKNOWN] XMHypervisor healthMonitoringDevice names device 'Log'" + tail);
  g.s.hypervisor.hm_device = nullptr;
  g.s.hypervisor.trace.device = "Trace";
  CHECK(msg(check_device_unknown(g.s)) == "[DEVICE-UNKNOWN] XMHypervisor Trace names device 'Trace'" + tail);
  g.s.hypervisor.trace.device = nullptr;
  g.parts[1].console = "Uart1";
  CHECK(msg(check_device_unknown(g.s)) == "[DEVICE-UNKNOWN] Partition 'IoServer' console names device 'Uart1'" + tail);
  g.parts[1].console = "Uart";
  g.parts[1].trace.device = "Mem";
  CHECK(msg(check_device_unknown(g.s)) == "[DEVICE-UNKNOWN] Partition 'IoServer' Trace names device 'Mem'" + tail);
}

// ------------------------------------------------------- scheduling

TEST_CASE("[PLAN-INITIAL-MISSING] every processor has plan 0") {
  Good g;
  g.plans[0].id = 1;
  CHECK(msg(check_plan_initial_missing(g.s)) == "[PLAN-INITIAL-MISSING] Processor 0 has no plan 0 (the initial plan)");
  CHECK(check_plan_id_sequence(g.s).empty());  // only checked when plan 0 exists
}

TEST_CASE("[PLAN-ID-SEQUENCE] plan ids follow the order written") {
  Good g;
  const Plan plans[] = {t::plans[0], {.id = 2, .major_frame_us = 50000, .slots = t::slots}};
  g.cpus[0].plans = plans;
  CHECK(msg(check_plan_id_sequence(g.s)) ==
        "[PLAN-ID-SEQUENCE] Processor 0 plan 2 is plan number 1; plan ids must be 0, 1, 2, ... in the order written");
}

TEST_CASE("[PLAN-MAJOR-FRAME] a major frame is not zero") {
  Good g;
  g.plans[0].major_frame_us = 0;
  CHECK(msg(check_plan_major_frame(g.s)) == "[PLAN-MAJOR-FRAME] Processor 0 plan 0 has a major frame of 0ms");
}

TEST_CASE("[SLOT-ID-SEQUENCE] slot ids follow the order written") {
  Good g;
  g.slots[1].id = 5;
  CHECK(msg(check_slot_id_sequence(g.s)) ==
        "[SLOT-ID-SEQUENCE] Processor 0 plan 0 slot 5 is slot number 1; slot ids must be 0, 1, 2, ... in the order "
        "written");
}

TEST_CASE("[SLOT-EMPTY] no zero-length slot") {
  Good g;
  g.slots[1].duration_us = 0;
  CHECK(msg(check_slot_empty(g.s)) == "[SLOT-EMPTY] Processor 0 plan 0 slot 1 has a duration of 0ms");
}

TEST_CASE("[SLOT-OUTSIDE-FRAME] a slot ends inside its major frame") {
  Good g;
  g.slots[1].duration_us = 31000;
  CHECK(msg(check_slot_outside_frame(g.s)) ==
        "[SLOT-OUTSIDE-FRAME] Processor 0 plan 0 slot 1 ends at 51ms after the major frame of 50ms");
  g.slots[1].duration_us = 30000;  // ending exactly at the frame's end is fine
  CHECK(check_slot_outside_frame(g.s).empty());
  // An end past 32 bits of microseconds is computed, and spelt, in 64 bits.
  g.slots[1].start_us = 0xffffffffu;
  g.slots[1].duration_us = 0xffffffffu;
  CHECK(msg(check_slot_outside_frame(g.s)) ==
        "[SLOT-OUTSIDE-FRAME] Processor 0 plan 0 slot 1 ends at 8589934590us after the major frame of 50ms");
  g.slots[1].start_us = 4000000000u;
  g.slots[1].duration_us = 1000000000u;
  CHECK(msg(check_slot_outside_frame(g.s)) ==
        "[SLOT-OUTSIDE-FRAME] Processor 0 plan 0 slot 1 ends at 5000s after the major frame of 50ms");
}

TEST_CASE("[SLOT-OUTSIDE-FRAME] a plan without a major frame is PLAN-MAJOR-FRAME's alone") {
  Good g;
  g.plans[0].major_frame_us = 0;
  CHECK(check_slot_outside_frame(g.s).empty());
  CHECK_FALSE(check_plan_major_frame(g.s).empty());
}

TEST_CASE("[SLOT-OVERLAP] the later slot is named first") {
  Good g;
  g.slots[1].start_us = 15000;
  CHECK(msg(check_slot_overlap(g.s)) ==
        "[SLOT-OVERLAP] Processor 0 plan 0 slot 1 [15ms, 45ms) overlaps slot 0 [0ms, 20ms)");
  g.slots[1].start_us = 20000;  // back to back
  CHECK(check_slot_overlap(g.s).empty());
  g.slots[0].start_us = 49000;  // written first, runs last
  g.slots[0].duration_us = 1500;
  CHECK(msg(check_slot_overlap(g.s)) ==
        "[SLOT-OVERLAP] Processor 0 plan 0 slot 1 [20ms, 50ms) overlaps slot 0 [49ms, 50500us)");
}

TEST_CASE("[SLOT-PARTITION-UNKNOWN] a slot names an existing partition") {
  Good g;
  g.slots[1].partition_id = 7;
  CHECK(msg(check_slot_partition_unknown(g.s)) ==
        "[SLOT-PARTITION-UNKNOWN] Processor 0 plan 0 slot 1 names partition 7, which does not exist");
  // The other slot rules leave the unknown partition alone.
  CHECK(check_slot_vcpu(g.s).empty());
  CHECK(check_slot_processor(g.s).empty());
}

TEST_CASE("[SLOT-VCPU] a slot runs an existing vCPU") {
  Good g;
  g.slots[1].vcpu_id = 1;
  CHECK(msg(check_slot_vcpu(g.s)) ==
        "[SLOT-VCPU] Processor 0 plan 0 slot 1 runs vCPU 1 of Partition 'IoServer', which has 1 vCPUs");
  g.parts[1].vcpus = 2;
  CHECK(check_slot_vcpu(g.s).empty());
}

TEST_CASE("[SLOT-PROCESSOR] a slot runs a partition allocated to its processor") {
  Good g;
  const std::uint32_t cpu1[] = {1};
  const std::uint32_t cpu0[] = {0};
  g.parts[1].processors = cpu1;
  CHECK(msg(check_slot_processor(g.s)) ==
        "[SLOT-PROCESSOR] Processor 0 plan 0 slot 1 runs Partition 'IoServer', which is not allocated to processor 0");
  g.parts[1].processors = cpu0;
  CHECK(check_slot_processor(g.s).empty());
}

TEST_CASE("[PARTITION-PROCESSOR-UNKNOWN] Partition@processor names existing processors") {
  Good g;
  const std::uint32_t cpus[] = {0, 3};
  g.parts[1].processors = cpus;
  CHECK(msg(check_partition_processor_unknown(g.s)) ==
        "[PARTITION-PROCESSOR-UNKNOWN] Partition 'IoServer' asks for processor 3, which does not exist");
}

TEST_CASE("[PARTITION-NOT-SCHEDULED] a partition that boots has a slot in plan 0") {
  const std::string expected =
      "[PARTITION-NOT-SCHEDULED] Partition 'IoServer' boots but has no slot in plan 0; it would never run";
  Good g;
  g.slots[1].partition_id = 0;
  CHECK(msg(check_partition_not_scheduled(g.s)) == expected);
  g.parts[1].flags = partition_flag::system;  // does not boot: fine
  CHECK(check_partition_not_scheduled(g.s).empty());
  g.parts[0].flags = 0;  // no partition says boot: all of them boot
  CHECK(msg(check_partition_not_scheduled(g.s)) == expected);
}

TEST_CASE("[PLAN-MAINTENANCE] plan 1 starts with a system partition") {
  Good g;
  const Slot maintenance[] = {{.id = 0, .start_us = 10000, .duration_us = 10000, .partition_id = 1},
                              {.id = 1, .start_us = 0, .duration_us = 10000, .partition_id = 0}};
  const Plan plans[] = {t::plans[0], {.id = 1, .major_frame_us = 20000, .slots = maintenance}};
  g.cpus[0].plans = plans;
  // Slot 1 starts first, and FlightCtl is not a system partition.
  CHECK(msg(check_plan_maintenance(g.s)) ==
        "[PLAN-MAINTENANCE] Processor 0 plan 1 (maintenance) starts with slot 1 of Partition 'FlightCtl', which is "
        "not a system partition");
  g.parts[0].flags |= partition_flag::system;
  CHECK(check_plan_maintenance(g.s).empty());
}

TEST_CASE("[TEMPORAL-REQUIREMENTS] the duration fits a non-zero period") {
  Good g;
  g.parts[1].temporal = {.duration_us = 30000, .period_us = 20000};
  CHECK(msg(check_temporal_requirements(g.s)) ==
        "[TEMPORAL-REQUIREMENTS] Partition 'IoServer' TemporalRequirements duration 30ms does not fit its period 20ms");
  g.parts[1].temporal = {.duration_us = 5000, .period_us = 0};
  CHECK(msg(check_temporal_requirements(g.s)) ==
        "[TEMPORAL-REQUIREMENTS] Partition 'IoServer' TemporalRequirements duration 5ms does not fit its period 0ms");
  g.parts[1].temporal = {.duration_us = 20000, .period_us = 20000};
  CHECK(check_temporal_requirements(g.s).empty());
}

// ----------------------------------------------------------- memory

TEST_CASE("[MEM-REGION-OVERLAP] the later region is named first") {
  Good g;
  const MemoryRegion regions[] = {{RegionType::stram, 0x40000000, 0x08000000}, {RegionType::sdram, 0x44000000, 0x1000000}};
  g.s.memory_regions = regions;
  CHECK(msg(check_mem_region_overlap(g.s)) == "[MEM-REGION-OVERLAP] Region 0x44000000+16MB overlaps Region 0x40000000+128MB");
}

TEST_CASE("[MEM-AREA-EMPTY] no area of size 0") {
  Good g;
  g.a1[0].size = 0;
  CHECK(msg(check_mem_area_empty(g.s)) == "[MEM-AREA-EMPTY] Partition 'IoServer' area 0x40200000+0B is empty");
  g.a1[0].size = 0x1000;
  g.xm[0].size = 0;
  CHECK(msg(check_mem_area_empty(g.s)) == "[MEM-AREA-EMPTY] XMHypervisor area 0x40000000+0B is empty");
}

TEST_CASE("[MEM-AREA-WRAP] an area and its view end within 32 bits") {
  Good g;
  g.a1[0] = {.start = 0xfff00000, .size = 0x200000, .flags = 0, .mapped_at = 0xfff00000};
  CHECK(msg(check_mem_area_wrap(g.s)) ==
        "[MEM-AREA-WRAP] Partition 'IoServer' area 0xfff00000+2MB runs past the end of the 32-bit address space");
  g.a1[0].size = 0x100000;  // up to the last byte
  CHECK(check_mem_area_wrap(g.s).empty());
  g.a1[0] = {.start = 0x40200000, .size = 0x10000, .flags = area_flag::mapped_at, .mapped_at = 0xffff8000};
  CHECK(msg(check_mem_area_wrap(g.s)) ==
        "[MEM-AREA-WRAP] Partition 'IoServer' area 0x40200000+64KB mapped at 0xffff8000 runs past the end of the "
        "32-bit address space");
  const MemoryArea rsw[] = {{.start = 0xffffff00, .size = 0x1000, .flags = 0, .mapped_at = 0xffffff00}};
  g.s.resident_sw.areas = rsw;
  CHECK(msg(check_mem_area_wrap(g.s)) ==
        "[MEM-AREA-WRAP] ResidentSw area 0xffffff00+4KB runs past the end of the 32-bit address space");
}

TEST_CASE("[MEM-AREA-WRAP] an area past 4GB is that rule's alone") {
  Good g;
  g.a1[0] = {.start = 0x40000000, .size = 0xf0000000, .flags = 0, .mapped_at = 0x40000000};
  CHECK(msg(first_violation(g.s)) ==
        "[MEM-AREA-WRAP] Partition 'IoServer' area 0x40000000+3840MB runs past the end of the 32-bit address space");
  for (const Rule& r : rules) {
    INFO(r.id);
    if (std::string(r.id) != "MEM-AREA-WRAP") CHECK(msg(r.check(g.s)) == "");
  }
}

TEST_CASE("[MEM-AREA-OUTSIDE-REGION] every area lies inside one region") {
  Good g;
  g.a1[1] = {.start = 0x48000000, .size = 0x1000, .flags = 0, .mapped_at = 0x48000000};
  CHECK(msg(check_mem_area_outside_region(g.s)) ==
        "[MEM-AREA-OUTSIDE-REGION] Partition 'IoServer' area 0x48000000+4KB is not inside any MemoryLayout Region");
  g.a1[1].start = g.a1[1].mapped_at = 0x47fff000;
  g.a1[1].size = 0x2000;  // straddles the region's end
  CHECK(msg(check_mem_area_outside_region(g.s)) ==
        "[MEM-AREA-OUTSIDE-REGION] Partition 'IoServer' area 0x47fff000+8KB is not inside any MemoryLayout Region");
  g.a1[1].size = 0x1000;  // its last page
  CHECK(check_mem_area_outside_region(g.s).empty());
}

TEST_CASE("[MEM-AREA-SELF-OVERLAP] an owner's areas are disjoint") {
  Good g;
  g.a1[1] = {.start = 0x4020f000, .size = 0x1000, .flags = 0, .mapped_at = 0x4020f000};
  CHECK(msg(check_mem_area_self_overlap(g.s)) ==
        "[MEM-AREA-SELF-OVERLAP] Partition 'IoServer' area 0x4020f000+4KB overlaps its own area 0x40200000+64KB");
  const MemoryArea xm[] = {{0x40000000, 0x80000, 0, 0x40000000}, {0x40070000, 0x20000, 0, 0x40070000}};
  Good h;
  h.s.hypervisor.areas = xm;
  CHECK(msg(check_mem_area_self_overlap(h.s)) ==
        "[MEM-AREA-SELF-OVERLAP] XMHypervisor area 0x40070000+128KB overlaps its own area 0x40000000+512KB");
}

TEST_CASE("[MEM-AREA-OVERLAP] the later partition's area is named first") {
  Good g;
  g.a1[0] = {.start = 0x40120000, .size = 0x10000, .flags = 0, .mapped_at = 0x40120000};
  CHECK(msg(check_mem_area_overlap(g.s)) ==
        "[MEM-AREA-OVERLAP] Partition 'IoServer' area 0x40120000+64KB overlaps Partition 'FlightCtl' area "
        "0x40100000+256KB");
}

TEST_CASE("[MEM-AREA-OVERLAP] two shared areas may overlap, one shared is not enough") {
  Good g;
  g.a0[0] = {.start = 0x40300000, .size = 0x1000, .flags = area_flag::shared, .mapped_at = 0x40300000};
  CHECK(check_mem_area_overlap(g.s).empty());  // IoServer's second area is shared too
  g.a0[0].flags = 0;
  CHECK(msg(check_mem_area_overlap(g.s)) ==
        "[MEM-AREA-OVERLAP] Partition 'IoServer' area 0x40300000+4KB overlaps Partition 'FlightCtl' area "
        "0x40300000+4KB");
}

TEST_CASE("[MEM-AREA-OVERLAP] an area ending at 4 GiB does not wrap around") {
  Good g;
  g.a0[0] = {.start = 0xfff00000, .size = 0x100000, .flags = 0, .mapped_at = 0xfff00000};
  g.a1[0] = {.start = 0x00000000, .size = 0x1000, .flags = 0, .mapped_at = 0};
  CHECK(check_mem_area_overlap(g.s).empty());
}

TEST_CASE("[MEM-AREA-HYPERVISOR] a partition area inside the hypervisor's is refused") {
  Good g;
  g.a0[0] = {.start = 0x40040000, .size = 0x1000, .flags = 0, .mapped_at = 0x40040000};
  CHECK(msg(check_mem_area_hypervisor(g.s)) ==
        "[MEM-AREA-HYPERVISOR] Partition 'FlightCtl' area 0x40040000+4KB overlaps the XMHypervisor area "
        "0x40000000+512KB");
}

TEST_CASE("[MEM-AREA-RSW] nothing overlaps the resident software") {
  Good g;
  const MemoryArea rsw[] = {{.start = 0x40100000, .size = 0x1000, .flags = 0, .mapped_at = 0x40100000}};
  g.s.resident_sw.areas = rsw;
  CHECK(msg(check_mem_area_rsw(g.s)) ==
        "[MEM-AREA-RSW] Partition 'FlightCtl' area 0x40100000+256KB overlaps the ResidentSw area 0x40100000+4KB");
  const MemoryArea rsw_xm[] = {{.start = 0x40000000, .size = 0x1000, .flags = 0, .mapped_at = 0x40000000}};
  g.s.resident_sw.areas = rsw_xm;
  CHECK(msg(check_mem_area_rsw(g.s)) ==
        "[MEM-AREA-RSW] XMHypervisor area 0x40000000+512KB overlaps the ResidentSw area 0x40000000+4KB");
  const MemoryArea rsw_ok[] = {{.start = 0x40080000, .size = 0x10000, .flags = 0, .mapped_at = 0x40080000}};
  g.s.resident_sw.areas = rsw_ok;
  CHECK(check_mem_area_rsw(g.s).empty());
}

TEST_CASE("[MEM-HYPERVISOR-ROOM] the first hypervisor area has 256KB") {
  Good g;
  g.xm[0].size = 0x20000;
  CHECK(msg(check_mem_hypervisor_room(g.s)) ==
        "[MEM-HYPERVISOR-ROOM] the first XMHypervisor area 0x40000000+128KB is smaller than 256KB: it holds the "
        "hypervisor image, the PCT pages and the page tables");
  g.xm[0].size = 0x40000;
  CHECK(check_mem_hypervisor_room(g.s).empty());
}

TEST_CASE("[MMU-ALIGN] areas start, end and are mapped on 4KB pages") {
  Good g;
  g.xm[0].size = 0x80800;
  CHECK(msg(check_mmu_align(g.s)) == "[MMU-ALIGN] XMHypervisor area 0x40000000+514KB is not aligned to 4KB pages");
  g.xm[0].size = 0x80000;
  g.a1[0].flags = area_flag::mapped_at;
  g.a1[0].mapped_at = 0x10000400;
  CHECK(msg(check_mmu_align(g.s)) ==
        "[MMU-ALIGN] Partition 'IoServer' area 0x40200000+64KB (mapped at 0x10000400) is not aligned to 4KB pages");
}

TEST_CASE("[MMU-VIRTUAL-COLLISION] what a partition sees lands on nothing of the hypervisor's or its own") {
  Good g;
  g.a1[0].flags = area_flag::mapped_at;
  g.a1[0].mapped_at = 0x80000000;
  CHECK(msg(check_mmu_virtual_collision(g.s)) ==
        "[MMU-VIRTUAL-COLLISION] Partition 'IoServer' area 0x40200000+64KB seen at 0x80000000 collides with the I/O "
        "window 0x80000000+16MB");
  g.a1[0].mapped_at = 0x40200000;
  g.a1[1].flags |= area_flag::mapped_at;
  g.a1[1].mapped_at = 0x40201000;  // the later area is named
  CHECK(msg(check_mmu_virtual_collision(g.s)) ==
        "[MMU-VIRTUAL-COLLISION] Partition 'IoServer' area 0x40300000+4KB seen at 0x40201000 collides with another "
        "of its own areas");
  g.a1[1].flags |= area_flag::unmapped;  // not seen at all
  CHECK(check_mmu_virtual_collision(g.s).empty());
  g.a0[0].flags = area_flag::mapped_at;
  g.a0[0].mapped_at = 0x40070000;
  CHECK(msg(check_mmu_virtual_collision(g.s)) ==
        "[MMU-VIRTUAL-COLLISION] Partition 'FlightCtl' area 0x40100000+256KB seen at 0x40070000 collides with the "
        "XMHypervisor area");
}

TEST_CASE("[MMU-VIRTUAL-COLLISION] areas seen where they lie are the overlap rules' business") {
  Good g;
  g.a0[0] = {.start = 0x40070000, .size = 0x20000, .flags = 0, .mapped_at = 0x40070000};
  CHECK(check_mmu_virtual_collision(g.s).empty());
  CHECK_FALSE(check_mem_area_hypervisor(g.s).empty());
  Good h;
  h.a1[1] = {.start = 0x40208000, .size = 0x1000, .flags = 0, .mapped_at = 0x40208000};
  CHECK(check_mmu_virtual_collision(h.s).empty());
  CHECK_FALSE(check_mem_area_self_overlap(h.s).empty());
  // Memory in the I/O window where it lies is MEM-IO-WINDOW's; a view
  // moved onto the window is this rule's.
  Good i;
  i.a1[1] = {.start = 0x80000000, .size = 0x1000, .flags = 0, .mapped_at = 0x80000000};
  CHECK(check_mmu_virtual_collision(i.s).empty());
  CHECK(check_mem_area_outside_region(i.s).empty());
  CHECK(msg(check_mem_io_window(i.s)) ==
        "[MEM-IO-WINDOW] Partition 'IoServer' area 0x80000000+4KB overlaps the I/O window 0x80000000+16MB");
  Good j;
  j.a1[1] = {.start = 0x40208000, .size = 0x1000, .flags = area_flag::mapped_at, .mapped_at = 0x80fff000};
  CHECK(msg(check_mmu_virtual_collision(j.s)) ==
        "[MMU-VIRTUAL-COLLISION] Partition 'IoServer' area 0x40208000+4KB seen at 0x80fff000 collides with the I/O "
        "window 0x80000000+16MB");
}

TEST_CASE("[MEM-IO-WINDOW] [MEM-REGION-WRAP] regions stay out of the devices and within 32 bits") {
  Good g;
  const MemoryRegion in_window[] = {{RegionType::stram, 0x40000000, 0x08000000}, {RegionType::sdram, 0x80800000, 0x1000}};
  g.s.memory_regions = in_window;
  CHECK(msg(check_mem_io_window(g.s)) == "[MEM-IO-WINDOW] Region 0x80800000+4KB overlaps the I/O window 0x80000000+16MB");
  const MemoryRegion wrapping[] = {{RegionType::stram, 0x40000000, 0x08000000}, {RegionType::sdram, 0xfff00000, 0x200000}};
  g.s.memory_regions = wrapping;
  CHECK(msg(check_mem_region_wrap(g.s)) ==
        "[MEM-REGION-WRAP] Region 0xfff00000+2MB runs past the end of the 32-bit address space");
  const MemoryRegion touching[] = {{RegionType::stram, 0x7ff00000, 0x100000}, {RegionType::sdram, 0x81000000, 0x1000}};
  g.s.memory_regions = touching;
  CHECK(check_mem_io_window(g.s).empty());
  CHECK(check_mem_region_wrap(g.s).empty());
}

TEST_CASE("[PARTITION-IMAGE-AREA] [MEM-AREA-COUNT] the image area is the partition's own; 16 areas at most") {
  Good g;
  CHECK(check_partition_image_area(g.s).empty());
  g.a0[0].flags = area_flag::shared;
  CHECK(msg(check_partition_image_area(g.s)).ends_with("holds its image and entry point: it may not be shared"));
  g.a0[0].flags = area_flag::unmapped;
  CHECK(msg(check_partition_image_area(g.s)).ends_with("it may not be unmapped"));
  g.a0[0].flags = area_flag::read_only;
  CHECK(msg(check_partition_image_area(g.s)).starts_with("[PARTITION-IMAGE-AREA] Partition "));
  MemoryArea many[17]{};
  for (std::uint32_t k = 0; k < 17; ++k) many[k] = {0x40400000 + k * 0x1000, 0x1000, 0, 0x40400000 + k * 0x1000};
  Good h;
  Partition parts[2] = {h.s.partitions[0], h.s.partitions[1]};
  parts[1].areas = many;
  h.s.partitions = parts;
  CHECK(msg(check_mem_area_count(h.s)) == "[MEM-AREA-COUNT] Partition '" + std::string(parts[1].name) +
                                              "' has 17 areas; the PCT describes at most 16");
  parts[1].areas = std::span<const MemoryArea>(many, 16);
  CHECK(check_mem_area_count(h.s).empty());
}

TEST_CASE("[IOPORT-WRAP] [IOPORT-WINDOW] [IOPORT-RESERVED] ports are device registers the hypervisor does not use") {
  Good g;
  Partition parts[2] = {g.s.partitions[0], g.s.partitions[1]};
  g.s.partitions = parts;
  const IoPort wrap[] = {{IoPortKind::range, 0xfffffffc, 2, 0xffffffff}};
  parts[0].io_ports = wrap;
  CHECK(msg(check_ioport_wrap(g.s)).ends_with("I/O ports 0xfffffffc+2 run past the end of the 32-bit address space"));
  CHECK(check_ioport_window(g.s).empty());  // IOPORT-WRAP's alone
  const IoPort outside[] = {{IoPortKind::restricted, 0x00003000, 1, 0xff}};
  parts[0].io_ports = outside;
  CHECK(msg(check_ioport_window(g.s)).ends_with(
      "restricted I/O port 0x00003000 mask 0x000000ff lies outside the I/O window 0x80000000+16MB"));
  const IoPort edge[] = {{IoPortKind::range, 0x80fffffc, 1, 0xffffffff}};
  parts[0].io_ports = edge;
  CHECK(check_ioport_window(g.s).empty());
  CHECK(check_ioport_wrap(g.s).empty());
  const IoPort timer[] = {{IoPortKind::range, 0x800002fc, 2, 0xffffffff}};
  parts[0].io_ports = timer;
  CHECK(msg(check_ioport_reserved(g.s)).ends_with(
      "I/O ports 0x800002fc+2 overlap the hypervisor's IRQMP at 0x80000200+256B"));
  const IoPort free_slot[] = {{IoPortKind::range, 0x80000400, 64, 0xffffffff}};
  parts[0].io_ports = free_slot;
  CHECK(check_ioport_reserved(g.s).empty());
}

// --------------------------------------------------------- hardware

TEST_CASE("[IRQ-LINE-INVALID] lines 1 to 15") {
  Good g;
  const std::uint32_t zero[] = {0};
  const std::uint32_t big[] = {4, 16};
  g.parts[1].irq_lines = zero;
  CHECK(msg(check_irq_line_invalid(g.s)) ==
        "[IRQ-LINE-INVALID] Partition 'IoServer' asks for interrupt line 0; LEON3 lines are 1 to 15");
  g.parts[1].irq_lines = big;
  CHECK(msg(check_irq_line_invalid(g.s)) ==
        "[IRQ-LINE-INVALID] Partition 'IoServer' asks for interrupt line 16; LEON3 lines are 1 to 15");
}

TEST_CASE("[IRQ-LINE-RESERVED] lines 6 and 7 are the timers'") {
  Good g;
  const std::uint32_t lines[] = {5, 7};
  g.parts[0].irq_lines = lines;
  CHECK(msg(check_irq_line_reserved(g.s)) ==
        "[IRQ-LINE-RESERVED] Partition 'FlightCtl' asks for interrupt line 7, which the hypervisor's timers use");
}

TEST_CASE("[IRQ-LINE-SHARED] a line goes to one partition, once") {
  Good g;
  const std::uint32_t l0[] = {4};
  const std::uint32_t l1[] = {5, 4};
  const std::uint32_t twice[] = {4, 4};
  g.parts[0].irq_lines = l0;
  g.parts[1].irq_lines = l1;
  CHECK(msg(check_irq_line_shared(g.s)) ==
        "[IRQ-LINE-SHARED] Partition 'IoServer' asks for interrupt line 4, already given to Partition 'FlightCtl'");
  g.parts[1].irq_lines = {};
  g.parts[0].irq_lines = twice;
  CHECK(msg(check_irq_line_shared(g.s)) ==
        "[IRQ-LINE-SHARED] Partition 'FlightCtl' asks for interrupt line 4, already given to Partition 'FlightCtl'");
}

TEST_CASE("[IOPORT-ALIGN] I/O ports are word aligned") {
  Good g;
  const IoPort io[] = {{IoPortKind::restricted, 0x80000902, 1, 0xff}};
  g.parts[1].io_ports = io;
  CHECK(msg(check_ioport_align(g.s)) == "[IOPORT-ALIGN] Partition 'IoServer' I/O port 0x80000902 is not aligned to 4 bytes");
}

TEST_CASE("[IOPORT-SHARED] ports of two partitions do not overlap") {
  Good g;
  const IoPort range[] = {{IoPortKind::range, 0x80000900, 4, 0xffffffff}};  // 0x80000900-0x8000090f
  const IoPort restricted[] = {{IoPortKind::restricted, 0x8000090c, 1, 0xff}};
  const IoPort range2[] = {{IoPortKind::range, 0x80000908, 2, 0xffffffff}};
  const IoPort after[] = {{IoPortKind::range, 0x80000910, 2, 0xffffffff}};
  g.parts[0].io_ports = range;
  g.parts[1].io_ports = restricted;
  CHECK(msg(check_ioport_shared(g.s)) ==
        "[IOPORT-SHARED] Partition 'IoServer' restricted I/O port 0x8000090c mask 0x000000ff overlap Partition "
        "'FlightCtl' I/O ports 0x80000900+4");
  g.parts[1].io_ports = range2;
  CHECK(msg(check_ioport_shared(g.s)) ==
        "[IOPORT-SHARED] Partition 'IoServer' I/O ports 0x80000908+2 overlap Partition 'FlightCtl' I/O ports "
        "0x80000900+4");
  g.parts[1].io_ports = after;
  CHECK(check_ioport_shared(g.s).empty());
  // Restricted ports at different addresses: the bytes decide.
  const IoPort r0[] = {{IoPortKind::restricted, 0x80000a00, 1, 0xff}};
  const IoPort r1[] = {{IoPortKind::restricted, 0x80000a02, 1, 0xff00}};
  g.parts[0].io_ports = r0;
  g.parts[1].io_ports = r1;
  CHECK(msg(check_ioport_shared(g.s)) ==
        "[IOPORT-SHARED] Partition 'IoServer' restricted I/O port 0x80000a02 mask 0x0000ff00 overlap Partition "
        "'FlightCtl' restricted I/O port 0x80000a00 mask 0x000000ff");
}

TEST_CASE("[IOPORT-MASK-OVERLAP] restricted ports at one address have disjoint masks") {
  Good g;
  const IoPort low[] = {{IoPortKind::restricted, 0x80000a00, 1, 0x000000ff}};
  const IoPort high[] = {{IoPortKind::restricted, 0x80000a00, 1, 0x0000ff00}};
  const IoPort mid[] = {{IoPortKind::restricted, 0x80000a00, 1, 0x00000180}};
  g.parts[0].io_ports = low;
  g.parts[1].io_ports = high;
  CHECK(check_ioport_mask_overlap(g.s).empty());
  CHECK(check_ioport_shared(g.s).empty());  // disjoint masks: the port is shared by design
  g.parts[1].io_ports = mid;
  CHECK(msg(check_ioport_mask_overlap(g.s)) ==
        "[IOPORT-MASK-OVERLAP] Partition 'IoServer' restricted I/O port 0x80000a00 mask 0x00000180 overlaps the mask "
        "0x000000ff of Partition 'FlightCtl'");
  CHECK(check_ioport_shared(g.s).empty());  // one message for one mistake
}

// ------------------------------------------------ ports and channels

TEST_CASE("[PORT-NAME-DUPLICATE] port names are unique within a partition") {
  WithChannels c;
  c.ports1[1].name = "In";
  CHECK(msg(check_port_name_duplicate(c.s)) == "[PORT-NAME-DUPLICATE] Partition 'IoServer' declares port 'In' twice");
  c.ports1[1].name = "Out";  // FlightCtl's port name: another partition, fine
  CHECK(check_port_name_duplicate(c.s).empty());
}

TEST_CASE("[CHANNEL-PARTITION-UNKNOWN] a channel end names an existing partition") {
  WithChannels c;
  c.destinations[0].partition_id = 9;
  CHECK(msg(check_channel_partition_unknown(c.s)) ==
        "[CHANNEL-PARTITION-UNKNOWN] SamplingChannel 0 Destination 0 names partition 9, which does not exist");
  // The rules about its port leave it alone.
  CHECK(check_channel_partition_name(c.s).empty());
  CHECK(check_channel_port_unknown(c.s).empty());
  CHECK(check_channel_port_kind(c.s).empty());
}

TEST_CASE("[CHANNEL-PARTITION-NAME] partitionName is the name of partitionId") {
  WithChannels c;
  c.sampling[0].source.partition_name = "IoServer";
  CHECK(msg(check_channel_partition_name(c.s)) ==
        "[CHANNEL-PARTITION-NAME] SamplingChannel 0 Source names partition 0 as 'IoServer', but partition 0 is "
        "'FlightCtl'");
}

TEST_CASE("[CHANNEL-PORT-UNKNOWN] a channel end names a declared port") {
  WithChannels c;
  c.queuing[0].destination.port_name = "Qin";
  CHECK(msg(check_channel_port_unknown(c.s)) ==
        "[CHANNEL-PORT-UNKNOWN] QueuingChannel 0 Destination 0 names port 'Qin', which Partition 'FlightCtl' does "
        "not declare");
}

TEST_CASE("[CHANNEL-PORT-KIND] the port's type matches the channel") {
  WithChannels c;
  c.ports0[0].kind = PortKind::queuing;
  CHECK(msg(check_channel_port_kind(c.s)) ==
        "[CHANNEL-PORT-KIND] SamplingChannel 0 Source port 'Out' of Partition 'FlightCtl' is a queuing port");
  c.ports0[0].kind = PortKind::sampling;
  c.ports1[1].kind = PortKind::sampling;
  CHECK(msg(check_channel_port_kind(c.s)) ==
        "[CHANNEL-PORT-KIND] QueuingChannel 0 Source port 'QOut' of Partition 'IoServer' is a sampling port");
}

TEST_CASE("[CHANNEL-PORT-DIRECTION] a Source names a source port, a Destination a destination port") {
  WithChannels c;
  c.ports1[0].direction = PortDirection::source;
  CHECK(msg(check_channel_port_direction(c.s)) ==
        "[CHANNEL-PORT-DIRECTION] SamplingChannel 0 Destination 0 port 'In' of Partition 'IoServer' is a source port");
  c.ports1[0].direction = PortDirection::destination;
  c.ports1[1].direction = PortDirection::destination;
  CHECK(msg(check_channel_port_direction(c.s)) ==
        "[CHANNEL-PORT-DIRECTION] QueuingChannel 0 Source port 'QOut' of Partition 'IoServer' is a destination port");
}

TEST_CASE("[CHANNEL-PORT-SHARED] a port is connected by one channel end") {
  {
    WithChannels c;
    const ChannelEnd twice[] = {{1, nullptr, "In"}, {1, "IoServer", "In"}};
    c.sampling[0].destinations = twice;
    CHECK(msg(check_channel_port_shared(c.s)) ==
          "[CHANNEL-PORT-SHARED] SamplingChannel 0 Destination 1 port 'In' of Partition 'IoServer' is already "
          "connected by SamplingChannel 0");
  }
  {
    WithChannels c;
    const ChannelEnd dest[] = {{1, nullptr, "In"}};
    const SamplingChannel two[] = {c.sampling[0], {.max_message_length = 8, .refresh_period_us = 0,
                                                   .source = {0, nullptr, "Out"}, .destinations = dest}};
    c.s.sampling_channels = two;
    CHECK(msg(check_channel_port_shared(c.s)) ==
          "[CHANNEL-PORT-SHARED] SamplingChannel 1 Source port 'Out' of Partition 'FlightCtl' is already connected "
          "by SamplingChannel 0");
  }
}

TEST_CASE("[CHANNEL-PORT-UNCONNECTED] every declared port is connected") {
  WithChannels c;
  c.queuing[0].destination.port_name = "QOut";
  c.queuing[0].destination.partition_id = 1;
  c.queuing[0].destination.partition_name = nullptr;
  CHECK(msg(check_channel_port_unconnected(c.s)) ==
        "[CHANNEL-PORT-UNCONNECTED] Partition 'FlightCtl' port 'QIn' is connected to no channel");
}

TEST_CASE("[CHANNEL-PORT-UNCONNECTED] a port is connected when an end names its partition id and its name") {
  WithChannels c;
  c.parts[1].id = 0;  // both partitions say id 0 (PARTITION-ID-SEQUENCE): ends naming 0 count for both
  const ChannelEnd dest[] = {{0, nullptr, "In"}};
  c.sampling[0].destinations = dest;
  c.queuing[0].source.partition_id = 0;
  CHECK(check_channel_port_unconnected(c.s).empty());
}

TEST_CASE("[CHANNEL-MESSAGE-SIZE] maxMessageLength is not zero") {
  WithChannels c;
  c.queuing[0].max_message_length = 0;
  CHECK(msg(check_channel_message_size(c.s)) == "[CHANNEL-MESSAGE-SIZE] QueuingChannel 0 has a maxMessageLength of 0B");
  c.queuing[0].max_message_length = 1;
  c.sampling[0].max_message_length = 0;
  CHECK(msg(check_channel_message_size(c.s)) ==
        "[CHANNEL-MESSAGE-SIZE] SamplingChannel 0 has a maxMessageLength of 0B");
}

TEST_CASE("[IPVI-ID-SEQUENCE] Ipvi ids follow the order written") {
  Good g;
  const std::uint32_t to1[] = {1};
  const Ipvi ipvis[] = {{0, 0, to1}, {2, 0, to1}};
  g.s.ipvis = ipvis;
  CHECK(msg(check_ipvi_id_sequence(g.s)) ==
        "[IPVI-ID-SEQUENCE] Ipvi 2 is Ipvi number 1; Ipvi ids must be 0, 1, 2, ... in the order written");
}

TEST_CASE("[IPVI-COUNT] at most 8 Ipvis") {
  Good g;
  const std::uint32_t to1[] = {1};
  std::vector<Ipvi> ipvis;
  for (std::uint32_t i = 0; i < 9; ++i) ipvis.push_back({i, 0, to1});
  g.s.ipvis = ipvis;
  CHECK(msg(check_ipvi_count(g.s)) == "[IPVI-COUNT] the system has 9 Ipvis; there are 8 inter-partition virtual interrupts");
  g.s.ipvis = std::span<const Ipvi>(ipvis).first(8);
  CHECK(check_ipvi_count(g.s).empty());
}

TEST_CASE("[IPVI-PARTITION-UNKNOWN] Ipvi ends are existing partitions") {
  Good g;
  const std::uint32_t to1[] = {1};
  const std::uint32_t to15[] = {1, 5};
  const Ipvi from4[] = {{0, 4, to1}};
  const Ipvi to5[] = {{0, 0, to15}};
  g.s.ipvis = from4;
  CHECK(msg(check_ipvi_partition_unknown(g.s)) ==
        "[IPVI-PARTITION-UNKNOWN] Ipvi 0 source names partition 4, which does not exist");
  g.s.ipvis = to5;
  CHECK(msg(check_ipvi_partition_unknown(g.s)) ==
        "[IPVI-PARTITION-UNKNOWN] Ipvi 0 destination names partition 5, which does not exist");
}

// --------------------------------------------------- health monitor

TEST_CASE("the HM matrix of the documentation") {
  CHECK(hm::event_count == 29);
  CHECK(hm::action_count == 12);
  const auto sets_of = [](const char* name) {
    const hm::EventInfo* e = hm::find_event(name);
    REQUIRE(e != nullptr);
    return std::pair{e->hypervisor, e->partition};
  };
  const auto set = [](std::initializer_list<const char*> names) {
    hm::ActionSet s = 0;
    for (const char* n : names) {
      hm::Action a{};
      REQUIRE(hm::find_action((std::string("XM_HM_AC_") + n).c_str(), a));
      s |= hm::bit(a);
    }
    return s;
  };
  const hm::ActionSet H = set({"IGNORE", "HYPERVISOR_COLD_RESET", "HYPERVISOR_WARM_RESET", "SWITCH_TO_MAINTENANCE"});
  const hm::ActionSet P = set({"IGNORE", "SHUTDOWN", "COLD_RESET", "WARM_RESET", "PARTITION_COLD_RESET",
                               "PARTITION_WARM_RESET", "HYPERVISOR_COLD_RESET", "HYPERVISOR_WARM_RESET", "SUSPEND",
                               "HALT", "SWITCH_TO_MAINTENANCE"});
  const hm::ActionSet ignore = set({"IGNORE"});
  const hm::ActionSet PT = P | set({"PROPAGATE"});
  CHECK(sets_of("XM_HM_EV_INTERNAL_ERROR") == std::pair{H & ~ignore, hm::ActionSet{0}});
  CHECK(sets_of("XM_HM_EV_SCHED_ERROR") == std::pair{H, hm::ActionSet{0}});
  CHECK(sets_of("XM_HM_EV_WATCHDOG_TIMER") == std::pair{H, hm::ActionSet{0}});
  CHECK(sets_of("XM_HM_EV_UNEXPECTED_TRAP") == std::pair{H, P});
  CHECK(sets_of("XM_HM_EV_PARTITION_ERROR") == std::pair{hm::ActionSet{0}, P});
  CHECK(sets_of("XM_HM_EV_PARTITION_INTEGRITY") == std::pair{hm::ActionSet{0}, P & ~ignore});
  CHECK(sets_of("XM_HM_EV_PARTITION_UNRECOVERABLE") == std::pair{hm::ActionSet{0}, P & ~ignore});
  CHECK(sets_of("XM_HM_EV_INCOMPATIBLE_INTERFACE") == std::pair{hm::ActionSet{0}, P & ~ignore});
  CHECK(sets_of("XM_HM_EV_MEM_PROTECTION") == std::pair{hm::ActionSet{0}, PT});
  CHECK(sets_of("XM_HM_EV_OVERRUN") == std::pair{hm::ActionSet{0}, P});
  for (const char* trap :
       {"DATA_STORE_ERROR", "INSTRUCTION_ACCESS_MMU_MISS", "INSTRUCTION_ACCESS_ERROR", "R_REGISTER_ACCESS_ERROR",
        "INSTRUCTION_ACCESS_EXCEPTION", "PRIVILEGED_INSTRUCTION", "ILLEGAL_INSTRUCTION", "FP_DISABLED", "CP_DISABLED",
        "UNIMPLEMENTED_FLUSH", "WATCHPOINT_DETECTED", "MEM_ADDRESS_NOT_ALIGNED", "FP_EXCEPTION", "CP_EXCEPTION",
        "DATA_ACCESS_ERROR", "DATA_ACCESS_MMU_MISS", "DATA_ACCESS_EXCEPTION", "TAG_OVERFLOW", "DIVISION_BY_ZERO"}) {
    INFO(trap);
    CHECK(sets_of((std::string("XM_HM_EV_SPARC_") + trap).c_str()) == std::pair{hm::ActionSet{0}, PT});
  }
}

TEST_CASE("[HM-EVENT-UNKNOWN] event names are HM events") {
  Good g;
  const HmEvent xm[] = {{"XM_HM_EV_OOPS", "XM_HM_AC_IGNORE", true}};
  g.s.hypervisor.hm_events = xm;
  CHECK(msg(check_hm_event_unknown(g.s)) ==
        "[HM-EVENT-UNKNOWN] XMHypervisor HealthMonitor names event 'XM_HM_EV_OOPS', which is not an HM event");
  const HmEvent short_name[] = {{"OVERRUN", "XM_HM_AC_HALT", true}};  // the prefix is part of the name
  g.s.hypervisor.hm_events = {};
  g.parts[0].hm_events = short_name;
  CHECK(msg(check_hm_event_unknown(g.s)) ==
        "[HM-EVENT-UNKNOWN] Partition 'FlightCtl' HealthMonitor names event 'OVERRUN', which is not an HM event");
}

TEST_CASE("[HM-ACTION-UNKNOWN] action names are HM actions") {
  Good g;
  const HmEvent p[] = {{"XM_HM_EV_OVERRUN", "XM_HM_AC_REBOOT", true}};
  g.parts[1].hm_events = p;
  CHECK(msg(check_hm_action_unknown(g.s)) ==
        "[HM-ACTION-UNKNOWN] Partition 'IoServer' HealthMonitor event XM_HM_EV_OVERRUN names action "
        "'XM_HM_AC_REBOOT', which is not an HM action");
}

TEST_CASE("[HM-EVENT-LEVEL] an event is handled in its own table") {
  Good g;
  const HmEvent p[] = {{"XM_HM_EV_SCHED_ERROR", "XM_HM_AC_IGNORE", true}};
  g.parts[1].hm_events = p;
  CHECK(msg(check_hm_event_level(g.s)) ==
        "[HM-EVENT-LEVEL] Partition 'IoServer' HealthMonitor cannot handle event XM_HM_EV_SCHED_ERROR: it is handled "
        "in the XMHypervisor HealthMonitor table");
  g.parts[1].hm_events = {};
  const HmEvent xm[] = {{"XM_HM_EV_UNEXPECTED_TRAP", "XM_HM_AC_IGNORE", true},
                        {"XM_HM_EV_OVERRUN", "XM_HM_AC_IGNORE", true}};
  g.s.hypervisor.hm_events = xm;
  CHECK(msg(check_hm_event_level(g.s)) ==
        "[HM-EVENT-LEVEL] XMHypervisor HealthMonitor cannot handle event XM_HM_EV_OVERRUN: it is handled in the "
        "partition HealthMonitor table");
  CHECK(check_hm_action_not_allowed(g.s).empty());  // one message for one mistake
}

TEST_CASE("[HM-ACTION-NOT-ALLOWED] the matrix") {
  Good g;
  const HmEvent xm[] = {{"XM_HM_EV_INTERNAL_ERROR", "XM_HM_AC_IGNORE", true}};
  g.s.hypervisor.hm_events = xm;
  CHECK(msg(check_hm_action_not_allowed(g.s)) ==
        "[HM-ACTION-NOT-ALLOWED] XMHypervisor HealthMonitor event XM_HM_EV_INTERNAL_ERROR may not take action "
        "XM_HM_AC_IGNORE");
  g.s.hypervisor.hm_events = {};
  const HmEvent p[] = {{"XM_HM_EV_MEM_PROTECTION", "XM_HM_AC_PROPAGATE", true},
                       {"XM_HM_EV_PARTITION_ERROR", "XM_HM_AC_PROPAGATE", true}};
  g.parts[1].hm_events = p;
  CHECK(msg(check_hm_action_not_allowed(g.s)) ==
        "[HM-ACTION-NOT-ALLOWED] Partition 'IoServer' HealthMonitor event XM_HM_EV_PARTITION_ERROR may not take "
        "action XM_HM_AC_PROPAGATE");
}

TEST_CASE("[HM-EVENT-DUPLICATE] an event appears once per table") {
  Good g;
  const HmEvent p[] = {{"XM_HM_EV_OVERRUN", "XM_HM_AC_IGNORE", true},
                       {"XM_HM_EV_MEM_PROTECTION", "XM_HM_AC_HALT", true},
                       {"XM_HM_EV_OVERRUN", "XM_HM_AC_HALT", true}};
  g.parts[1].hm_events = p;
  CHECK(msg(check_hm_event_duplicate(g.s)) ==
        "[HM-EVENT-DUPLICATE] Partition 'IoServer' HealthMonitor lists event XM_HM_EV_OVERRUN twice");
  g.parts[0].hm_events = std::span<const HmEvent>(p).first(1);  // another table: fine
  g.parts[1].hm_events = std::span<const HmEvent>(p).first(2);
  CHECK(check_hm_event_duplicate(g.s).empty());
}

TEST_CASE("[HM-MAINTENANCE-PLAN] switching to maintenance needs plan 1 everywhere") {
  Good g;
  const HmEvent xm[] = {{"XM_HM_EV_SCHED_ERROR", "XM_HM_AC_SWITCH_TO_MAINTENANCE", true}};
  g.s.hypervisor.hm_events = xm;
  CHECK(msg(check_hm_maintenance_plan(g.s)) ==
        "[HM-MAINTENANCE-PLAN] XMHypervisor HealthMonitor event XM_HM_EV_SCHED_ERROR switches to the maintenance "
        "plan, but processor 0 has no plan 1");
  const Slot maintenance[] = {{.id = 0, .start_us = 0, .duration_us = 10000, .partition_id = 1}};
  const Plan plans[] = {t::plans[0], {.id = 1, .major_frame_us = 10000, .slots = maintenance}};
  g.cpus[0].plans = plans;
  CHECK(check_hm_maintenance_plan(g.s).empty());
}

// ----------------------------------------------------------- schema

TEST_CASE("[SCHEMA-VERSION] tables of another schema version are refused") {
  System s = t::good;
  s.schema_version = schema_version + 1;
  CHECK(msg(check_schema_version(s)) ==
        "[SCHEMA-VERSION] tables of system 'good' are schema version 3, this Stratum reads version 2: regenerate them");
}

// ------------------------------------------------------- robustness
//
// Tables that break everything at once, with missing names, ids naming
// nothing and values at the edges of 32 bits: every rule still runs to the
// end in constant evaluation (undefined behaviour there would be a compile
// error), so the compiler can always print the rule's message.
namespace hostile {
inline constexpr MemoryRegion regions[] = {{RegionType::stram, 0xffff0000, 0xffffffff}, {RegionType::rom, 0, 0}};
inline constexpr MemoryArea areas[] = {
    {0xffffffff, 0xffffffff, area_flag::mapped_at | area_flag::shared, 0xffffffff, nullptr},
    {0, 0, area_flag::unmapped, 0, ""},
    {0x80000000, 0xffffffff, 0, 0x80000000, "x y"}};
inline constexpr Slot slots[] = {{7, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {7, 0, 0, 3, 9}};
inline constexpr Slot no_slots[1] = {};
inline constexpr Plan plans[] = {{1, 0, slots, nullptr}, {1, 0xffffffff, std::span<const Slot>(no_slots, 0), "?"}};
inline constexpr Processor cpus[] = {{3, 1, plans, nullptr}, {3, 0xffffffff, {}, nullptr}};
inline constexpr std::uint32_t ids[] = {0xffffffff, 0, 6, 6, 99};
inline constexpr IoPort io[] = {{IoPortKind::range, 0xfffffffe, 0xffffffff, 0},
                                {IoPortKind::restricted, 0xfffffffc, 1, 0xffffffff}};
inline constexpr Port ports[] = {{nullptr, PortKind::queuing, PortDirection::source},
                                 {nullptr, PortKind::queuing, PortDirection::source}};
inline constexpr HmEvent hm[] = {{nullptr, nullptr, false},
                                 {"XM_HM_EV_OVERRUN", "XM_HM_AC_SWITCH_TO_MAINTENANCE", true},
                                 {"XM_HM_EV_OVERRUN", "XM_HM_AC_PROPAGATE", true}};
inline constexpr Partition parts[] = {
    {.id = 5, .name = nullptr, .flags = 0xffffffff, .areas = areas, .console = "nowhere", .processors = ids,
     .vcpus = 0, .temporal = {1, 0}, .irq_lines = ids, .io_ports = io, .ports = ports, .hm_events = hm,
     .trace = {"x", 0}},
    {.id = 5, .name = nullptr, .flags = 0, .areas = areas, .irq_lines = ids, .io_ports = io, .ports = ports}};
inline constexpr ChannelEnd ends[] = {{5, nullptr, nullptr}, {5, "other", nullptr}, {77, "x", "y"}};
inline constexpr SamplingChannel sampling[] = {{0, 0, {5, nullptr, nullptr}, ends, 0}};
inline constexpr QueuingChannel queuing[] = {{0, 0, {5, "y", nullptr}, {0xffffffff, nullptr, nullptr}}};
inline constexpr Ipvi ipvis[] = {{9, 0xffffffff, ids}};
inline constexpr Device devices[] = {{DeviceKind::uart, nullptr, 0, 0, 0, 0}, {DeviceKind::uart, nullptr, 0, 0, 0, 0}};
inline constexpr System system = {.name = nullptr,
                                  .schema_version = 0xffffffff,
                                  .memory_regions = regions,
                                  .processors = cpus,
                                  .hypervisor = {.areas = areas, .console = "", .hm_device = nullptr, .hm_events = hm},
                                  .partitions = parts,
                                  .devices = devices,
                                  .resident_sw = {.areas = areas},
                                  .sampling_channels = sampling,
                                  .queuing_channels = queuing,
                                  .ipvis = ipvis,
                                  .version = nullptr};
inline constexpr System empty = {.name = "", .schema_version = schema_version, .memory_regions = {},
                                 .processors = {}, .hypervisor = {.areas = {}}, .partitions = {}};

// Every rule, evaluated by the compiler; how many of them complain.
constexpr std::size_t broken(const System& s) {
  std::size_t n = 0;
  for (const Rule& r : rules) n += r.check(s).empty() ? 0 : 1;
  return n;
}
static_assert(broken(system) > 30);
static_assert(broken(empty) == 2);  // NAME-SYNTAX (a system needs a name), MEM-HYPERVISOR-ROOM
}  // namespace hostile

TEST_CASE("hostile tables: every rule gives a message, none reads out of bounds") {
  for (const Rule& r : rules) {
    INFO(r.id);
    const std::string m = msg(r.check(hostile::system));
    if (!m.empty()) CHECK(m.starts_with("[" + std::string(r.id) + "] "));
  }
  CHECK(msg(check_name_syntax(hostile::empty)) ==
        "[NAME-SYNTAX] SystemDescription name '' is not a valid name: use only letters, digits and '_'");
}
