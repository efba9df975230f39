// Compile-time checks of the system tables: every rule of
// docs/configuration-rules.md that a table can break.
//
// Each rule is an ordinary constexpr function from the tables to a
// Diagnostic: empty when the rule holds, otherwise one message that starts
// with the rule id in brackets and then reads exactly as the generator's
// (generators/xmcf/rules/<topic>.py, one function per rule, named after its
// id), naming the first offending objects in the order of the XML file. The
// functions run at run time too, which is how the host unit tests drive
// them. They live by topic:
//   check_names.hpp       names and identifiers
//   check_scheduling.hpp  processors, plans, slots
//   check_memory.hpp      regions, areas, the SRMMU's rules
//   check_hardware.hpp    interrupt lines, I/O ports
//   check_channels.hpp    ports, channels, Ipvis
//   check_hm.hpp          health monitor tables (matrix in hm.hpp)
//
// `verify<S>()` turns every rule into a template instantiation of
// `configuration_error<message>`: for a broken rule, GCC's first line reads
//   In instantiation of 'struct stratum::config::configuration_error<
//     stratum::Text<256>{"[MEM-AREA-OVERLAP] Partition 'B' area ... overlaps ..."}>'
// followed by one static_assert; rules that hold leave no trace (they all
// instantiate the same configuration_error<{}>).
//
// The board adds its own rules (Board::valid_for<S>(), BOARD-PROCESSORS,
// BOARD-VCPUS and BOARD-MEMORY, which the generator also checks for the
// board it is given) and warnings (boards/<board>/rules.hpp's
// `board_warnings`, BOARD-SLOT-LENGTH, which valid_for<S>() does not
// consult either);
// the kernel adds the rules that depend on the image (MMU-TABLES-SIZE,
// PCT-ROOM); the generator adds those on the XML text itself (XML, XSD,
// UNIT, TIME-TICK).
//
// The manual's advice (PLAN-MAINTENANCE) is a warning for the generator,
// and never an error here: it is listed in `warnings`, which verify<S>()
// does not consult (GCC has no compile-time warning a constant expression
// can raise that -Werror would not turn into an error).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "stratum/config/check_channels.hpp"
#include "stratum/config/check_hardware.hpp"
#include "stratum/config/check_hm.hpp"
#include "stratum/config/check_memory.hpp"
#include "stratum/config/check_names.hpp"
#include "stratum/config/check_scheduling.hpp"
#include "stratum/config/diagnostic.hpp"
#include "stratum/config/model.hpp"

namespace stratum::config {

// [SCHEMA-VERSION] the tables were written for this version of the model
// (C++ only: hand-written or stale generated tables).
constexpr Diagnostic check_schema_version(const System& s) {
  Diagnostic d;
  if (s.schema_version != schema_version) {
    d << "[SCHEMA-VERSION] tables of system '" << s.name << "' are schema version ";
    d.dec(s.schema_version) << ", this Stratum reads version ";
    d.dec(schema_version) << ": regenerate them";
  }
  return d;
}

struct Rule {
  const char* id;
  Diagnostic (*check)(const System&);
};

// Every rule, in the order of docs/configuration-rules.md.
inline constexpr Rule rules[] = {
    {"SCHEMA-VERSION", check_schema_version},
    // Names and identifiers
    {"NAME-SYNTAX", check_name_syntax},
    {"PARTITION-ID-SEQUENCE", check_partition_id_sequence},
    {"PARTITION-NAME-DUPLICATE", check_partition_name_duplicate},
    {"PARTITION-COUNT", check_partition_count},
    {"PROCESSOR-ID-SEQUENCE", check_processor_id_sequence},
    {"PROCESSOR-FREQUENCY", check_processor_frequency},
    {"DEVICE-NAME-DUPLICATE", check_device_name_duplicate},
    {"DEVICE-UNKNOWN", check_device_unknown},
    // Scheduling
    {"PLAN-INITIAL-MISSING", check_plan_initial_missing},
    {"PLAN-ID-SEQUENCE", check_plan_id_sequence},
    {"PLAN-MAJOR-FRAME", check_plan_major_frame},
    {"SLOT-ID-SEQUENCE", check_slot_id_sequence},
    {"SLOT-EMPTY", check_slot_empty},
    {"SLOT-OUTSIDE-FRAME", check_slot_outside_frame},
    {"SLOT-OVERLAP", check_slot_overlap},
    {"SLOT-PARTITION-UNKNOWN", check_slot_partition_unknown},
    {"SLOT-VCPU", check_slot_vcpu},
    {"SLOT-PROCESSOR", check_slot_processor},
    {"PARTITION-PROCESSOR-UNKNOWN", check_partition_processor_unknown},
    {"PARTITION-NOT-SCHEDULED", check_partition_not_scheduled},
    {"TEMPORAL-REQUIREMENTS", check_temporal_requirements},
    // Memory
    {"MEM-REGION-OVERLAP", check_mem_region_overlap},
    {"MEM-REGION-WRAP", check_mem_region_wrap},
    {"MEM-IO-WINDOW", check_mem_io_window},
    {"MEM-AREA-COUNT", check_mem_area_count},
    {"PARTITION-IMAGE-AREA", check_partition_image_area},
    {"MEM-AREA-EMPTY", check_mem_area_empty},
    {"MEM-AREA-WRAP", check_mem_area_wrap},
    {"MEM-AREA-OUTSIDE-REGION", check_mem_area_outside_region},
    {"MEM-AREA-SELF-OVERLAP", check_mem_area_self_overlap},
    {"MEM-AREA-OVERLAP", check_mem_area_overlap},
    {"MEM-AREA-HYPERVISOR", check_mem_area_hypervisor},
    {"MEM-AREA-RSW", check_mem_area_rsw},
    {"MEM-HYPERVISOR-ROOM", check_mem_hypervisor_room},
    {"MMU-ALIGN", check_mmu_align},
    {"MMU-VIRTUAL-COLLISION", check_mmu_virtual_collision},
    {"TRACE-DEVICE", check_trace_device},
    // Hardware resources
    {"IRQ-LINE-INVALID", check_irq_line_invalid},
    {"IRQ-LINE-RESERVED", check_irq_line_reserved},
    {"IRQ-LINE-SHARED", check_irq_line_shared},
    {"IOPORT-ALIGN", check_ioport_align},
    {"IOPORT-WRAP", check_ioport_wrap},
    {"IOPORT-WINDOW", check_ioport_window},
    {"IOPORT-RESERVED", check_ioport_reserved},
    {"IOPORT-SHARED", check_ioport_shared},
    {"IOPORT-MASK-OVERLAP", check_ioport_mask_overlap},
    // Ports and channels
    {"PORT-NAME-DUPLICATE", check_port_name_duplicate},
    {"PORT-COUNT", check_port_count},
    {"PORT-NAME-LENGTH", check_port_name_length},
    {"CHANNEL-PARTITION-UNKNOWN", check_channel_partition_unknown},
    {"CHANNEL-PARTITION-NAME", check_channel_partition_name},
    {"CHANNEL-PORT-UNKNOWN", check_channel_port_unknown},
    {"CHANNEL-PORT-KIND", check_channel_port_kind},
    {"CHANNEL-PORT-DIRECTION", check_channel_port_direction},
    {"CHANNEL-PORT-SHARED", check_channel_port_shared},
    {"CHANNEL-PORT-UNCONNECTED", check_channel_port_unconnected},
    {"CHANNEL-MESSAGE-SIZE", check_channel_message_size},
    {"CHANNEL-POOL-ROOM", check_channel_pool_room},
    {"IPVI-ID-SEQUENCE", check_ipvi_id_sequence},
    {"IPVI-COUNT", check_ipvi_count},
    {"IPVI-PARTITION-UNKNOWN", check_ipvi_partition_unknown},
    // Health monitor
    {"HM-EVENT-UNKNOWN", check_hm_event_unknown},
    {"HM-ACTION-UNKNOWN", check_hm_action_unknown},
    {"HM-EVENT-LEVEL", check_hm_event_level},
    {"HM-ACTION-NOT-ALLOWED", check_hm_action_not_allowed},
    {"HM-EVENT-DUPLICATE", check_hm_event_duplicate},
    {"HM-MAINTENANCE-PLAN", check_hm_maintenance_plan},
};
inline constexpr std::size_t rule_count = sizeof(rules) / sizeof(rules[0]);

// The manual's advice: what the generator reports as warnings. Tests (and a
// boot report, should one want it) run them; verify<S>() does not.
inline constexpr Rule warnings[] = {
    {"PLAN-MAINTENANCE", check_plan_maintenance},
};

// All the rules at run time: the first message, or an empty Diagnostic.
constexpr Diagnostic first_violation(const System& s) {
  for (const Rule& r : rules) {
    Diagnostic d = r.check(s);
    if (!d.empty()) return d;
  }
  return Diagnostic{};
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

namespace detail {
// One instantiation per rule (not per object): each rule's message is its
// own template argument, so every broken rule is reported in one
// compilation.
template <const System& S, std::size_t... I>
constexpr bool verify_each(std::index_sequence<I...>) {
  return (configuration_error<rules[I].check(S)>::ok & ...);
}
}  // namespace detail

// Every rule, each instantiated on its own, so all broken rules are reported
// in one compilation and a rule that holds costs nothing.
template <const System& S>
constexpr bool verify() {
  return detail::verify_each<S>(std::make_index_sequence<rule_count>{});
}

}  // namespace stratum::config
