// Rules on names and identifiers (docs/configuration-rules.md, "Names and
// identifiers").
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/diagnostic.hpp"
#include "stratum/config/model.hpp"
#include "stratum/config/target.hpp"

namespace stratum::config {

// [NAME-SYNTAX] manual 2.7 restricts partition names, and only them, to
// letters, digits and '_' (a missing name counts as invalid). Other names
// (the system's, plans', areas', devices', ports') are free text: they are
// only printed, and XtratuM's own systems are called `ctl-v1.2`.
constexpr Diagnostic check_name_syntax(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    if (!detail::valid_name(p.name)) {
      d << "[NAME-SYNTAX] Partition name '" << p.name << "' is not a valid name: use only letters, digits and '_'";
      return d;
    }
  return d;
}

// [PARTITION-ID-SEQUENCE] the id is the partition's index in every table the
// hypervisor keeps (PCT pages, MMU contexts, the partition image container).
constexpr Diagnostic check_partition_id_sequence(const System& s) {
  Diagnostic d;
  for (std::size_t k = 0; k < s.partitions.size(); ++k) {
    const Partition& p = s.partitions[k];
    if (p.id != k) {
      detail::partition(d << "[PARTITION-ID-SEQUENCE] ", p) << " has id ";
      d.dec(p.id) << "; partition ids must be 0, 1, 2, ... in the order written (expected ";
      d.dec(k) << ")";
      return d;
    }
  }
  return d;
}

// [PARTITION-NAME-DUPLICATE] partitions are found by name (channel ends,
// consoles, XM_get_partition_status): two with one name would be ambiguous.
constexpr Diagnostic check_partition_name_duplicate(const System& s) {
  Diagnostic d;
  for (std::size_t j = 0; j < s.partitions.size(); ++j)
    for (std::size_t i = 0; i < j; ++i)
      if (detail::same(s.partitions[i].name, s.partitions[j].name)) {
        detail::partition(d << "[PARTITION-NAME-DUPLICATE] ", s.partitions[j]) << " (id ";
        d.dec(s.partitions[j].id) << ") has the same name as partition ";
        d.dec(s.partitions[i].id);
        return d;
      }
  return d;
}

// [PARTITION-COUNT] the image keeps 64KB for PCT pages, one 4KB page each.
constexpr Diagnostic check_partition_count(const System& s) {
  Diagnostic d;
  if (s.partitions.size() > target::max_partitions) {
    d << "[PARTITION-COUNT] the system has ";
    d.dec(s.partitions.size()) << " partitions; the image has room for ";
    d.dec(target::max_partitions);
  }
  return d;
}

// [PROCESSOR-ID-SEQUENCE] processor ids are the CPU numbers the plans are
// run on.
constexpr Diagnostic check_processor_id_sequence(const System& s) {
  Diagnostic d;
  for (std::size_t k = 0; k < s.processors.size(); ++k)
    if (s.processors[k].id != k) {
      d << "[PROCESSOR-ID-SEQUENCE] Processor ";
      d.dec(s.processors[k].id) << " is processor number ";
      d.dec(k) << "; processor ids must be 0, 1, 2, ... in the order written";
      return d;
    }
  return d;
}

// [PROCESSOR-FREQUENCY] the GPTIMER prescaler divides the clock down to 1us
// ticks: only a whole number of MHz divides exactly.
constexpr Diagnostic check_processor_frequency(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors)
    if (c.frequency_khz == 0 || c.frequency_khz % 1000 != 0) {
      d << "[PROCESSOR-FREQUENCY] Processor ";
      d.dec(c.id) << " frequency ";
      d.dec(c.frequency_khz) << "kHz is not a whole, non-zero number of MHz: the 1us timer tick would not be exact";
      return d;
    }
  return d;
}

// [DEVICE-NAME-DUPLICATE] consoles and traces name devices: a name must say
// which one.
constexpr Diagnostic check_device_name_duplicate(const System& s) {
  Diagnostic d;
  for (std::size_t j = 0; j < s.devices.size(); ++j)
    for (std::size_t i = 0; i < j; ++i)
      if (detail::same(s.devices[i].name, s.devices[j].name)) {
        d << "[DEVICE-NAME-DUPLICATE] Device name '" << s.devices[j].name << "' is declared twice";
        return d;
      }
  return d;
}

// [DEVICE-UNKNOWN] a console, the HM device or a trace that names no device
// would silently lose its output.
constexpr Diagnostic check_device_unknown(const System& s) {
  Diagnostic d;
  const auto unknown = [&s](const char* dev) { return dev != nullptr && !detail::has_device(s, dev); };
  const auto report = [&d](const char* dev) -> Diagnostic& {
    d << " names device '" << dev << "', which HwDescription/Devices does not declare";
    return d;
  };
  if (unknown(s.hypervisor.console)) {
    d << "[DEVICE-UNKNOWN] XMHypervisor console";
    return report(s.hypervisor.console);
  }
  if (unknown(s.hypervisor.hm_device)) {
    d << "[DEVICE-UNKNOWN] XMHypervisor healthMonitoringDevice";
    return report(s.hypervisor.hm_device);
  }
  if (unknown(s.hypervisor.trace.device)) {
    d << "[DEVICE-UNKNOWN] XMHypervisor Trace";
    return report(s.hypervisor.trace.device);
  }
  for (const Partition& p : s.partitions) {
    if (unknown(p.console)) {
      detail::partition(d << "[DEVICE-UNKNOWN] ", p) << " console";
      return report(p.console);
    }
    if (unknown(p.trace.device)) {
      detail::partition(d << "[DEVICE-UNKNOWN] ", p) << " Trace";
      return report(p.trace.device);
    }
  }
  return d;
}

}  // namespace stratum::config
