// Rules on the hardware resources partitions are given: interrupt lines and
// I/O ports (docs/configuration-rules.md, "Hardware resources").
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/diagnostic.hpp"
#include "stratum/config/model.hpp"
#include "stratum/config/target.hpp"

namespace stratum::config {

// [IRQ-LINE-INVALID] the LEON3 interrupt controller has lines 1 to
// target::irq_line_last (0 is no interrupt).
constexpr Diagnostic check_irq_line_invalid(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (std::uint32_t n : p.irq_lines)
      if (n < 1 || n > target::irq_line_last) {
        detail::partition(d << "[IRQ-LINE-INVALID] ", p) << " asks for interrupt line ";
        d.dec(n) << "; LEON3 lines are 1 to ";
        d.dec(target::irq_line_last);
        return d;
      }
  return d;
}

// [IRQ-LINE-RESERVED] GPTIMER timers 1 and 2 (lines 6 and 7) drive the
// scheduler and the partitions' clocks.
constexpr Diagnostic check_irq_line_reserved(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (std::uint32_t n : p.irq_lines)
      if (n == target::timer_irq[0] || n == target::timer_irq[1] || n == target::nmi_irq) {
        detail::partition(d << "[IRQ-LINE-RESERVED] ", p) << " asks for interrupt line ";
        d.dec(n) << (n == target::nmi_irq ? ", which cannot be masked (LEON3's non-maskable interrupt)"
                                          : ", which the hypervisor's timers use");
        return d;
      }
  return d;
}

// [IRQ-LINE-SHARED] an interrupt is delivered to one partition: two owners
// (or one listing it twice) would race to acknowledge it. A line listed
// twice by one partition names that partition twice.
constexpr Diagnostic check_irq_line_shared(const System& s) {
  Diagnostic d;
  for (std::size_t j = 0; j < s.partitions.size(); ++j) {
    const Partition& q = s.partitions[j];
    for (std::size_t l = 0; l < q.irq_lines.size(); ++l) {
      const std::uint32_t n = q.irq_lines[l];
      const Partition* owner = nullptr;
      for (std::size_t i = 0; i < j && owner == nullptr; ++i)
        for (std::uint32_t m : s.partitions[i].irq_lines)
          if (m == n) owner = &s.partitions[i];
      for (std::size_t k = 0; k < l && owner == nullptr; ++k)
        if (q.irq_lines[k] == n) owner = &q;
      if (owner == nullptr) continue;
      detail::partition(d << "[IRQ-LINE-SHARED] ", q) << " asks for interrupt line ";
      d.dec(n) << ", already given to ";
      detail::partition(d, *owner);
      return d;
    }
  }
  return d;
}

// [IOPORT-ALIGN] I/O ports are 32-bit registers, reached with word loads
// and stores, which trap on an address that is not a multiple of 4.
constexpr Diagnostic check_ioport_align(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (const IoPort& io : p.io_ports)
      if (io.address % 4 != 0) {
        detail::partition(d << "[IOPORT-ALIGN] ", p) << " I/O port ";
        d.hex(io.address) << " is not aligned to 4 bytes";
        return d;
      }
  return d;
}

namespace detail {
// The bytes a port entry covers: `count` 32-bit ports, or one restricted.
constexpr std::uint64_t io_end(const IoPort& io) {
  return std::uint64_t{io.address} + 4 * std::uint64_t{io.kind == IoPortKind::range ? io.count : 1u};
}
// "I/O ports 0x80000100+4" / "restricted I/O port 0x80000100 mask 0x0000ff00"
constexpr Diagnostic& io_ports(Diagnostic& d, const IoPort& io) {
  if (io.kind == IoPortKind::range) {
    d << "I/O ports ";
    d.hex(io.address) << '+';
    return d.dec(io.count);
  }
  d << "restricted I/O port ";
  d.hex(io.address) << " mask ";
  return d.hex(io.mask);
}
// "I/O ports ... lie", "restricted I/O port ... lies"
constexpr const char* verb(const IoPort& io, const char* plural, const char* singular) {
  return io.kind == IoPortKind::range ? plural : singular;
}
constexpr bool io_in_space(const IoPort& io) { return io_end(io) <= (std::uint64_t{1} << 32); }
}  // namespace detail

// [IOPORT-WRAP] ports past 0xffffffff would wrap to address 0.
constexpr Diagnostic check_ioport_wrap(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (const IoPort& io : p.io_ports)
      if (!detail::io_in_space(io)) {
        detail::io_ports(detail::partition(d << "[IOPORT-WRAP] ", p) << ' ', io)
            << ' ' << detail::verb(io, "run", "runs") << " past the end of the 32-bit address space";
        return d;
      }
  return d;
}

// [IOPORT-WINDOW] LEON3 I/O ports are the APB devices' registers, in the
// I/O window.
constexpr Diagnostic check_ioport_window(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (const IoPort& io : p.io_ports)
      if (detail::io_in_space(io) &&
          !(io.address >= target::io_window_start &&
            detail::io_end(io) <= std::uint64_t{target::io_window_start} + target::io_window_size)) {
        detail::io_ports(detail::partition(d << "[IOPORT-WINDOW] ", p) << ' ', io)
            << ' ' << detail::verb(io, "lie", "lies") << " outside ";
        detail::io_window(d);
        return d;
      }
  return d;
}

// [IOPORT-RESERVED] the APB devices the hypervisor drives (one 256-byte APB
// slot each) are never a partition's.
constexpr Diagnostic check_ioport_reserved(const System& s) {
  struct Reserved {
    const char* name;
    std::uint32_t start;
  };
  constexpr Reserved reserved[] = {
      {"console UART", target::apbuart}, {"IRQMP", target::irqmp}, {"GPTIMER", target::gptimer}};
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (const IoPort& io : p.io_ports)
      for (const Reserved& r : reserved)
        if (detail::intersect(io.address, detail::io_end(io), r.start, std::uint64_t{r.start} + target::apb_slot_size)) {
          detail::io_ports(detail::partition(d << "[IOPORT-RESERVED] ", p) << ' ', io)
              << ' ' << detail::verb(io, "overlap", "overlaps") << " the hypervisor's " << r.name << " at ";
          d.hex(r.start) << '+';
          d.size(target::apb_slot_size);
          return d;
        }
  return d;
}

// [IOPORT-SHARED] an I/O port belongs to one partition. A Range covers
// [base, base + 4 * noPorts), a Restricted port [address, address + 4).
// Two restricted ports at one address are the exception (each partition owns
// only its mask's bits); whether their masks are disjoint is
// IOPORT-MASK-OVERLAP's business. The later partition's ports are named
// first.
constexpr Diagnostic check_ioport_shared(const System& s) {
  Diagnostic d;
  for (std::size_t j = 0; j < s.partitions.size(); ++j)
    for (const IoPort& b : s.partitions[j].io_ports)
      for (std::size_t i = 0; i < j; ++i)
        for (const IoPort& a : s.partitions[i].io_ports) {
          if (a.kind == IoPortKind::restricted && b.kind == IoPortKind::restricted && a.address == b.address)
            continue;
          if (!detail::intersect(b.address, detail::io_end(b), a.address, detail::io_end(a))) continue;
          detail::partition(d << "[IOPORT-SHARED] ", s.partitions[j]) << ' ';
          detail::io_ports(d, b) << " overlap ";
          detail::partition(d, s.partitions[i]) << ' ';
          detail::io_ports(d, a);
          return d;
        }
  return d;
}

// [IOPORT-MASK-OVERLAP] restricted ports at one address split the register's
// bits between their owners: a bit in two masks would have two owners. Two
// entries of one partition are compared too (that partition is named twice).
constexpr Diagnostic check_ioport_mask_overlap(const System& s) {
  Diagnostic d;
  for (std::size_t j = 0; j < s.partitions.size(); ++j) {
    const Partition& q = s.partitions[j];
    for (std::size_t l = 0; l < q.io_ports.size(); ++l) {
      const IoPort& b = q.io_ports[l];
      if (b.kind != IoPortKind::restricted) continue;
      for (std::size_t i = 0; i <= j; ++i) {
        const Partition& p = s.partitions[i];
        const std::size_t before = i == j ? l : p.io_ports.size();
        for (std::size_t k = 0; k < before; ++k) {
          const IoPort& a = p.io_ports[k];
          if (a.kind != IoPortKind::restricted || a.address != b.address || (a.mask & b.mask) == 0) continue;
          detail::partition(d << "[IOPORT-MASK-OVERLAP] ", q) << " restricted I/O port ";
          d.hex(b.address) << " mask ";
          d.hex(b.mask) << " overlaps the mask ";
          d.hex(a.mask) << " of ";
          detail::partition(d, p);
          return d;
        }
      }
    }
  }
  return d;
}

}  // namespace stratum::config
