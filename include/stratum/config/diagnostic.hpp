// What every configuration rule is built from: the Diagnostic it returns and
// the helpers that spell objects the way docs/configuration-rules.md (and so
// the generator) spells them.
//
// The rules run in constant evaluation on whatever tables they are given,
// including hand-written ones: names may be nullptr, ids may be duplicated or
// name nothing, sizes may reach past 4 GB. Nothing here indexes by an id
// from the tables, dereferences a name without testing it, or adds two
// 32-bit values in 32 bits: any of those would stop the compiler with an
// error about the checker instead of the rule's message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "stratum/config/model.hpp"
#include "stratum/config/target.hpp"
#include "stratum/util/text.hpp"

namespace stratum::config {

using Diagnostic = Text<256>;

namespace detail {

// Exclusive end of [start, start + size) without wrapping.
constexpr std::uint64_t end(std::uint32_t start, std::uint32_t size) { return std::uint64_t{start} + size; }

// [a, a + as) and [b, b + bs) share a byte. The same formula everywhere (and
// in the generator), zero-sized intervals included.
constexpr bool intersect(std::uint64_t a, std::uint64_t a_end, std::uint64_t b, std::uint64_t b_end) {
  return a < b_end && b < a_end;
}
constexpr bool overlap(const MemoryArea& a, const MemoryArea& b) {
  return intersect(a.start, end(a.start, a.size), b.start, end(b.start, b.size));
}

// An area that runs past 4GB is MEM-AREA-WRAP's alone: the region, overlap
// and collision rules leave it out (the generator does the same).
constexpr bool wraps(const MemoryArea& a) { return end(a.start, a.size) > (std::uint64_t{1} << 32); }
constexpr bool view_wraps(const MemoryArea& a) {
  return (a.flags & area_flag::mapped_at) != 0 && end(a.mapped_at, a.size) > (std::uint64_t{1} << 32);
}
constexpr bool in_space(const MemoryArea& a) { return !wraps(a); }
// Two areas the overlap rules compare: both within 32 bits, sharing a byte.
constexpr bool overlap_in_space(const MemoryArea& a, const MemoryArea& b) {
  return in_space(a) && in_space(b) && overlap(a, b);
}

// String equality; a missing (nullptr) string equals nothing, not even
// another missing one.
constexpr bool same(const char* a, const char* b) {
  if (a == nullptr || b == nullptr) return false;
  for (; *a != '\0' && *a == *b; ++a, ++b) {
  }
  return *a == *b;
}

// Byte order of two strings, as strcmp; a missing string sorts first.
constexpr int compare(const char* a, const char* b) {
  if (a == nullptr || b == nullptr) return (b == nullptr) - (a == nullptr);
  for (; *a != '\0' && *a == *b; ++a, ++b) {
  }
  return static_cast<unsigned char>(*a) - static_cast<unsigned char>(*b);
}

// Letters, digits and '_', at least one of them.
constexpr bool valid_name(const char* n) {
  if (n == nullptr || *n == '\0') return false;
  for (; *n != '\0'; ++n) {
    const char c = *n;
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// A partition boots when it has the boot flag, or when none has it.
constexpr bool boots(const System& s, const Partition& p) {
  if (p.flags & partition_flag::boot) return true;
  for (const Partition& q : s.partitions)
    if (q.flags & partition_flag::boot) return false;
  return true;
}

constexpr Diagnostic& partition(Diagnostic& d, const Partition& p) { return d << "Partition '" << p.name << "'"; }

// The first partition with this id (ids are looked up, never used as
// indexes); nullptr when none has it.
constexpr const Partition* partition_by_id(const System& s, std::uint32_t id) {
  for (const Partition& p : s.partitions)
    if (p.id == id) return &p;
  return nullptr;
}

// The first plan of processor `c` with this id, or nullptr.
constexpr const Plan* plan_by_id(const Processor& c, std::uint32_t id) {
  for (const Plan& p : c.plans)
    if (p.id == id) return &p;
  return nullptr;
}
constexpr bool has_plan(const Processor& c, std::uint32_t id) { return plan_by_id(c, id) != nullptr; }

constexpr bool has_device(const System& s, const char* name) {
  for (const Device& dev : s.devices)
    if (same(dev.name, name)) return true;
  return false;
}

// The owners of memory areas, in the order of the XML file: XMHypervisor,
// ResidentSw, then every partition.
struct Owner {
  const Partition* partition;  // nullptr for the hypervisor and the resident software
  bool resident_sw;
  std::span<const MemoryArea> areas;
};
constexpr std::size_t owner_count(const System& s) { return 2 + s.partitions.size(); }
constexpr Owner owner(const System& s, std::size_t i) {
  if (i == 0) return {nullptr, false, s.hypervisor.areas};
  if (i == 1) return {nullptr, true, s.resident_sw.areas};
  return {&s.partitions[i - 2], false, s.partitions[i - 2].areas};
}
constexpr Diagnostic& put(Diagnostic& d, const Owner& o) {
  if (o.partition != nullptr) return partition(d, *o.partition);
  return d << (o.resident_sw ? "ResidentSw" : "XMHypervisor");
}
// "the I/O window 0x80000000+16MB"
constexpr Diagnostic& io_window(Diagnostic& d) {
  d << "the I/O window ";
  return d.area(target::io_window_start, target::io_window_size);
}

// "{owner} area 0x40100000+256KB"
constexpr Diagnostic& owner_area(Diagnostic& d, const Owner& o, const MemoryArea& a) {
  put(d, o) << " area ";
  return d.area(a.start, a.size);
}

}  // namespace detail
}  // namespace stratum::config
