// The rules on interrupt lines and I/O ports
// (include/stratum/config/check_hardware.hpp), on tables broken one rule at a time.
#include <doctest/doctest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "check_fixture.hpp"

using namespace stratum::config;
using namespace stratum::test::check;
namespace t = stratum::test;

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
