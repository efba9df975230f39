#include <doctest/doctest.h>

#include <string>

#include "sim_board.hpp"
#include "stratum/kernel/boot_report.hpp"
#include "tables.hpp"

using Report = stratum::kernel::BootReport<stratum::test::SimBoard, stratum::test::good>;

TEST_CASE("the hypervisor prints the tables it was built with") {
  stratum::test::SimBoard::console.clear();
  Report::print_configuration();
  CHECK(stratum::test::SimBoard::console ==
        "System 'good': 2 partition(s), 1 processor(s)\r\n"
        "Memory regions:\r\n"
        "  stram 0x40000000+128MB\r\n"
        "XMHypervisor areas:\r\n"
        "    area 0x40000000+512KB\r\n"
        "Partitions:\r\n"
        "  id 0 'FlightCtl' flags: boot\r\n"
        "    area 0x40100000+256KB\r\n"
        "  id 1 'IoServer' flags: system boot\r\n"
        "    area 0x40200000+64KB\r\n"
        "    area 0x40300000+4KB shared read-only\r\n"
        "Processor 0 (50 MHz), plan 0, major frame 50ms:\r\n"
        "  slot 0: start 0ms duration 20ms partition 0 'FlightCtl'\r\n"
        "  slot 1: start 20ms duration 30ms partition 1 'IoServer'\r\n");
}

TEST_CASE("the banner names the board") {
  stratum::test::SimBoard::console.clear();
  Report::print_banner();
  CHECK(stratum::test::SimBoard::console.find("on sim\r\n") != std::string::npos);
}
