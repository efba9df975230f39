// The rules on names and identifiers
// (include/stratum/config/check_names.hpp), on tables broken one rule at a time.
#include <doctest/doctest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "check_fixture.hpp"

using namespace stratum::config;
using namespace stratum::test::check;
namespace t = stratum::test;

TEST_CASE("[NAME-SYNTAX] partition names use only letters, digits and '_'") {
  const std::string tail = "' is not a valid name: use only letters, digits and '_'";
  {
    Good g;
    g.parts[1].name = "Io-Server";
    CHECK(msg(check_name_syntax(g.s)) == "[NAME-SYNTAX] Partition name 'Io-Server" + tail);
  }
  {
    Good g;  // a required name that is missing altogether
    g.parts[0].name = nullptr;
    CHECK(msg(check_name_syntax(g.s)) == "[NAME-SYNTAX] Partition name '" + tail);
  }
}

TEST_CASE("[NAME-SYNTAX] other names are free text (manual 2.7 restricts partition names only)") {
  Good g;
  g.s.name = "ctl-v1.2";
  g.plans[0].name = "normal mode";
  g.a1[1].name = "shared.page";
  const Device devs[] = {{DeviceKind::uart, "Uart.0", 0, 115200, 0, 0}};
  g.s.devices = devs;
  const Port ports[] = {{"in/out", PortKind::sampling, PortDirection::source}};
  g.parts[0].ports = ports;
  CHECK(check_name_syntax(g.s).empty());
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
