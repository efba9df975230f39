// Compile-time checks of the system tables.
//
// Each rule is an ordinary constexpr function from the tables to a
// Diagnostic: empty when the rule holds, otherwise one message that names the
// rule id (the same id the generator prints) and the objects at fault. The
// functions run at run time too, which is how the host unit tests drive them.
//
// `verify<S>()` turns every rule into a template instantiation of
// `configuration_error<message>`: for a broken rule, GCC's first line reads
//   In instantiation of 'struct stratum::config::configuration_error<
//     stratum::Text<256>{"[MEM-AREA-OVERLAP] Partition 'A' area ... overlaps ..."}>'
// followed by one static_assert; rules that hold leave no trace.
#pragma once

#include <cstdint>

#include "stratum/config/model.hpp"
#include "stratum/util/text.hpp"

namespace stratum::config {

using Diagnostic = Text<256>;

namespace detail {
constexpr bool overlap(const MemoryArea& a, const MemoryArea& b) {
  // 64-bit ends: an area that reaches 0xffffffff must not wrap to 0.
  const std::uint64_t a_end = std::uint64_t{a.start} + a.size;
  const std::uint64_t b_end = std::uint64_t{b.start} + b.size;
  return a.start < b_end && b.start < a_end;
}
}  // namespace detail

// [SCHEMA-VERSION] the tables were written for this version of the model.
constexpr Diagnostic check_schema_version(const System& s) {
  Diagnostic d;
  if (s.schema_version != schema_version) {
    d << "[SCHEMA-VERSION] tables of system '" << s.name << "' are schema version ";
    d.dec(s.schema_version) << ", this Stratum reads version ";
    d.dec(schema_version) << ": regenerate them";
  }
  return d;
}

// [MEM-AREA-OVERLAP] areas of two different partitions must be disjoint
// unless both are flagged `shared` (manual 9.1, "memory area overlapping").
constexpr Diagnostic check_partition_areas_disjoint(const System& s) {
  Diagnostic d;
  for (std::size_t i = 0; i < s.partitions.size(); ++i)
    for (std::size_t j = i + 1; j < s.partitions.size(); ++j)
      for (const MemoryArea& a : s.partitions[i].areas)
        for (const MemoryArea& b : s.partitions[j].areas) {
          if (!detail::overlap(a, b)) continue;
          if ((a.flags & area_flag::shared) && (b.flags & area_flag::shared)) continue;
          d << "[MEM-AREA-OVERLAP] Partition '" << s.partitions[i].name << "' area ";
          d.area(a.start, a.size) << " overlaps Partition '" << s.partitions[j].name << "' area ";
          d.area(b.start, b.size);
          return d;
        }
  return d;
}

// [MEM-AREA-HYPERVISOR] no partition area may overlap the hypervisor's own.
constexpr Diagnostic check_hypervisor_areas_private(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (const MemoryArea& a : p.areas)
      for (const MemoryArea& h : s.hypervisor.areas)
        if (detail::overlap(a, h)) {
          d << "[MEM-AREA-HYPERVISOR] Partition '" << p.name << "' area ";
          d.area(a.start, a.size) << " overlaps the XMHypervisor area ";
          d.area(h.start, h.size);
          return d;
        }
  return d;
}

// The error a broken rule turns into. The message is the template argument,
// so it is printed by the compiler in the line naming this instantiation.
template <Diagnostic Message>
struct configuration_error {
  static_assert(Message.empty(),
                "the system tables break the configuration rule quoted in the "
                "'configuration_error<...>' line above");
  static constexpr bool ok = Message.empty();
};

// Every rule, each instantiated on its own, so all broken rules are reported
// in one compilation and a rule that holds costs nothing.
template <const System& S>
constexpr bool verify() {
  return configuration_error<check_schema_version(S)>::ok &
         configuration_error<check_partition_areas_disjoint(S)>::ok &
         configuration_error<check_hypervisor_areas_private(S)>::ok;
}

}  // namespace stratum::config
