// Rules on processors, cyclic plans and slots (docs/configuration-rules.md,
// "Scheduling"). Plans and slots are named by their ids as written:
// "Processor 0 plan 1 slot 3".
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/diagnostic.hpp"
#include "stratum/config/model.hpp"

namespace stratum::config {

namespace detail {
constexpr Diagnostic& plan(Diagnostic& d, const Processor& c, const Plan& p) {
  d << "Processor ";
  d.dec(c.id) << " plan ";
  return d.dec(p.id);
}
constexpr Diagnostic& slot(Diagnostic& d, const Processor& c, const Plan& p, const Slot& s) {
  plan(d, c, p) << " slot ";
  return d.dec(s.id);
}
constexpr std::uint64_t slot_end(const Slot& s) { return end(s.start_us, s.duration_us); }
}  // namespace detail

// [PLAN-INITIAL-MISSING] a processor starts plan 0 at boot (manual 2.8).
constexpr Diagnostic check_plan_initial_missing(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors)
    if (!detail::has_plan(c, 0)) {
      d << "[PLAN-INITIAL-MISSING] Processor ";
      d.dec(c.id) << " has no plan 0 (the initial plan)";
      return d;
    }
  return d;
}

// [PLAN-ID-SEQUENCE] XM_switch_sched_plan names plans by id, which the
// hypervisor uses as an index. Only checked when plan 0 exists (else
// PLAN-INITIAL-MISSING says what is wrong).
constexpr Diagnostic check_plan_id_sequence(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors) {
    if (!detail::has_plan(c, 0)) continue;
    for (std::size_t k = 0; k < c.plans.size(); ++k)
      if (c.plans[k].id != k) {
        detail::plan(d << "[PLAN-ID-SEQUENCE] ", c, c.plans[k]) << " is plan number ";
        d.dec(k) << "; plan ids must be 0, 1, 2, ... in the order written";
        return d;
      }
  }
  return d;
}

// [PLAN-MAJOR-FRAME] a plan of zero length would re-arm the timer for ever
// without running anything.
constexpr Diagnostic check_plan_major_frame(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors)
    for (const Plan& p : c.plans)
      if (p.major_frame_us == 0) {
        detail::plan(d << "[PLAN-MAJOR-FRAME] ", c, p) << " has a major frame of 0ms";
        return d;
      }
  return d;
}

// [SLOT-ID-SEQUENCE] slot ids are what XM_get_plan_status and the
// cyclic-slot-start interrupt report; they follow the order written.
constexpr Diagnostic check_slot_id_sequence(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors)
    for (const Plan& p : c.plans)
      for (std::size_t k = 0; k < p.slots.size(); ++k)
        if (p.slots[k].id != k) {
          detail::slot(d << "[SLOT-ID-SEQUENCE] ", c, p, p.slots[k]) << " is slot number ";
          d.dec(k) << "; slot ids must be 0, 1, 2, ... in the order written";
          return d;
        }
  return d;
}

// [SLOT-EMPTY] a zero-length slot is a mistake, not a way to skip a
// partition, and would fire a timer with no time to run.
constexpr Diagnostic check_slot_empty(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors)
    for (const Plan& p : c.plans)
      for (const Slot& sl : p.slots)
        if (sl.duration_us == 0) {
          detail::slot(d << "[SLOT-EMPTY] ", c, p, sl) << " has a duration of 0ms";
          return d;
        }
  return d;
}

// [SLOT-OUTSIDE-FRAME] the scheduler restarts the plan at the end of the
// major frame: a slot reaching past it would be cut short. Not checked in a
// plan whose major frame is 0 (PLAN-MAJOR-FRAME says what is wrong).
constexpr Diagnostic check_slot_outside_frame(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors)
    for (const Plan& p : c.plans) {
      if (p.major_frame_us == 0) continue;  // PLAN-MAJOR-FRAME
      for (const Slot& sl : p.slots)
        if (detail::slot_end(sl) > p.major_frame_us) {
          detail::slot(d << "[SLOT-OUTSIDE-FRAME] ", c, p, sl) << " ends at ";
          d.time_us(detail::slot_end(sl)) << " after the major frame of ";
          d.time_us(p.major_frame_us);
          return d;
        }
    }
  return d;
}

// [SLOT-OVERLAP] one processor runs one slot at a time: overlapping slots
// would steal time promised to another partition. The later-written slot is
// named first.
constexpr Diagnostic check_slot_overlap(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors)
    for (const Plan& p : c.plans)
      for (std::size_t j = 0; j < p.slots.size(); ++j)
        for (std::size_t i = 0; i < j; ++i) {
          const Slot& a = p.slots[i];
          const Slot& b = p.slots[j];
          if (!detail::intersect(b.start_us, detail::slot_end(b), a.start_us, detail::slot_end(a))) continue;
          detail::slot(d << "[SLOT-OVERLAP] ", c, p, b) << " [";
          d.time_us(b.start_us) << ", ";
          d.time_us(detail::slot_end(b)) << ") overlaps slot ";
          d.dec(a.id) << " [";
          d.time_us(a.start_us) << ", ";
          d.time_us(detail::slot_end(a)) << ")";
          return d;
        }
  return d;
}

// [SLOT-PARTITION-UNKNOWN] a slot for a partition that does not exist would
// run nothing, or, indexed blindly, someone else.
constexpr Diagnostic check_slot_partition_unknown(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors)
    for (const Plan& p : c.plans)
      for (const Slot& sl : p.slots)
        if (detail::partition_by_id(s, sl.partition_id) == nullptr) {
          detail::slot(d << "[SLOT-PARTITION-UNKNOWN] ", c, p, sl) << " names partition ";
          d.dec(sl.partition_id) << ", which does not exist";
          return d;
        }
  return d;
}

// [SLOT-VCPU] a slot runs one of the partition's virtual CPUs; there is no
// vCPU beyond noVCpus.
constexpr Diagnostic check_slot_vcpu(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors)
    for (const Plan& p : c.plans)
      for (const Slot& sl : p.slots) {
        const Partition* part = detail::partition_by_id(s, sl.partition_id);
        if (part == nullptr || sl.vcpu_id < part->vcpus) continue;
        detail::slot(d << "[SLOT-VCPU] ", c, p, sl) << " runs vCPU ";
        d.dec(sl.vcpu_id) << " of ";
        detail::partition(d, *part) << ", which has ";
        d.dec(part->vcpus) << " vCPUs";
        return d;
      }
  return d;
}

namespace detail {
constexpr bool allocated_to(const Partition& p, std::uint32_t cpu) {
  for (std::uint32_t k : p.processors)
    if (k == cpu) return true;
  return false;
}
}  // namespace detail

// [SLOT-PROCESSOR] a partition given Partition@processor runs only there.
constexpr Diagnostic check_slot_processor(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors)
    for (const Plan& p : c.plans)
      for (const Slot& sl : p.slots) {
        const Partition* part = detail::partition_by_id(s, sl.partition_id);
        if (part == nullptr || part->processors.empty() || detail::allocated_to(*part, c.id)) continue;
        detail::slot(d << "[SLOT-PROCESSOR] ", c, p, sl) << " runs ";
        detail::partition(d, *part) << ", which is not allocated to processor ";
        d.dec(c.id);
        return d;
      }
  return d;
}

// [PARTITION-PROCESSOR-UNKNOWN] Partition@processor names processors of the
// ProcessorTable.
constexpr Diagnostic check_partition_processor_unknown(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions)
    for (std::uint32_t k : p.processors) {
      bool found = false;
      for (const Processor& c : s.processors) found = found || c.id == k;
      if (found) continue;
      detail::partition(d << "[PARTITION-PROCESSOR-UNKNOWN] ", p) << " asks for processor ";
      d.dec(k) << ", which does not exist";
      return d;
    }
  return d;
}

// [PARTITION-NOT-SCHEDULED] a partition that boots but has no slot in the
// initial plan would wait for ever; almost always a typo in a slot's
// partitionId. All partitions boot when none has the `boot` flag (XtratuM
// 3's behaviour, which the kernel keeps).
constexpr Diagnostic check_partition_not_scheduled(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions) {
    if (!detail::boots(s, p)) continue;
    bool scheduled = false;
    for (const Processor& c : s.processors)
      if (const Plan* plan0 = detail::plan_by_id(c, 0))
        for (const Slot& sl : plan0->slots) scheduled = scheduled || (sl.partition_id == p.id && sl.vcpu_id == 0);
    if (scheduled) continue;
    detail::partition(d << "[PARTITION-NOT-SCHEDULED] ", p) << " boots but has no slot in plan 0; it would never run";
    return d;
  }
  return d;
}

// [PLAN-MAINTENANCE] plan 1 is the maintenance plan the HM switches to
// (manual 2.8): its first slot (the smallest start; the first written among
// equal starts) must give the time to a system partition, which is the only
// kind that can act on the others.
constexpr Diagnostic check_plan_maintenance(const System& s) {
  Diagnostic d;
  for (const Processor& c : s.processors) {
    const Plan* p = detail::plan_by_id(c, 1);
    if (p == nullptr || p->slots.empty()) continue;
    const Slot* first = &p->slots[0];
    for (const Slot& sl : p->slots)
      if (sl.start_us < first->start_us) first = &sl;
    const Partition* part = detail::partition_by_id(s, first->partition_id);
    if (part == nullptr) continue;
    const bool system = (part->flags & partition_flag::system) != 0;
    if (system && detail::boots(s, *part)) continue;
    d << "[PLAN-MAINTENANCE] Processor ";
    d.dec(c.id) << " plan 1 (maintenance) starts with slot ";
    d.dec(first->id) << " of ";
    detail::partition(d, *part) << (system ? ", which does not boot" : ", which is not a system partition");
    return d;
  }
  return d;
}

// [TEMPORAL-REQUIREMENTS] the partition asks for `duration` in every
// `period`: more than the period, or a zero period, cannot be met. Both 0
// and not `given` means the element is absent.
constexpr Diagnostic check_temporal_requirements(const System& s) {
  Diagnostic d;
  for (const Partition& p : s.partitions) {
    const TemporalRequirements& t = p.temporal;
    if (!t.given && t.duration_us == 0 && t.period_us == 0) continue;
    if (t.period_us != 0 && t.duration_us <= t.period_us) continue;
    detail::partition(d << "[TEMPORAL-REQUIREMENTS] ", p) << " TemporalRequirements duration ";
    d.time_us(t.duration_us) << " does not fit its period ";
    d.time_us(t.period_us);
    return d;
  }
  return d;
}

}  // namespace stratum::config
