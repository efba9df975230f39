"""Processors, plans and slots (docs/configuration-rules.md, "Scheduling";
C++: include/stratum/config/check_scheduling.hpp)."""
from ..units import fmt_time
from .common import Note, advice, all_slots, boots, later_pairs, out_of_sequence, overlap, partitions_by_id, \
    plan_by_id, rule, slot, violation


@rule
def plan_initial_missing(system):
    for c in system.processors:
        if plan_by_id(c, 0) is None:
            yield violation(f"Processor {c.id} has no plan 0 (the initial plan)", c.line)


@rule
def plan_id_sequence(system):
    for c in system.processors:
        if plan_by_id(c, 0) is None:
            continue  # PLAN-INITIAL-MISSING
        for k, plan in out_of_sequence(c.plans):
            yield violation(f"Processor {c.id} plan {plan.id} is plan number {k}; plan ids must be "
                            f"0, 1, 2, ... in the order written", plan.line)


@rule
def plan_major_frame(system):
    for c in system.processors:
        for plan in c.plans:
            if plan.major_frame_us == 0:
                yield violation(f"Processor {c.id} plan {plan.id} has a major frame of 0ms", plan.line)


@rule
def slot_id_sequence(system):
    for c in system.processors:
        for plan in c.plans:
            for k, s in out_of_sequence(plan.slots):
                yield violation(f"{slot(c, plan, s)} is slot number {k}; slot ids must be 0, 1, 2, ... "
                                f"in the order written", s.line)


@rule
def slot_empty(system):
    for c, plan, s in all_slots(system):
        if s.duration_us == 0:
            yield violation(f"{slot(c, plan, s)} has a duration of 0ms", s.line)


@rule
def slot_outside_frame(system):
    for c, plan, s in all_slots(system):
        end, frame = s.start_us + s.duration_us, plan.major_frame_us
        if frame != 0 and end > frame:  # a frame of 0 is PLAN-MAJOR-FRAME's
            yield violation(f"{slot(c, plan, s)} ends at {fmt_time(end)} after the major frame of "
                            f"{fmt_time(frame)}", s.line,
                            [Note(plan.line, f"Processor {c.id} plan {plan.id} has a major frame of "
                                             f"{fmt_time(frame)}")])


@rule
def slot_overlap(system):
    def span(s):
        return f"[{fmt_time(s.start_us)}, {fmt_time(s.start_us + s.duration_us)})"

    for c in system.processors:
        for plan in c.plans:
            for a, b in later_pairs(plan.slots):
                if overlap(a.start_us, a.duration_us, b.start_us, b.duration_us):
                    yield violation(f"{slot(c, plan, b)} {span(b)} overlaps slot {a.id} {span(a)}", b.line,
                                    [Note(a.line, f"{slot(c, plan, a)} {span(a)} is defined here")])


@rule
def slot_partition_unknown(system):
    parts = partitions_by_id(system)
    for c, plan, s in all_slots(system):
        if s.partition_id not in parts:
            yield violation(f"{slot(c, plan, s)} names partition {s.partition_id}, which does not exist", s.line)


@rule
def slot_vcpu(system):
    parts = partitions_by_id(system)
    for c, plan, s in all_slots(system):
        p = parts.get(s.partition_id)
        if p is not None and s.vcpu_id >= p.vcpus:
            yield violation(f"{slot(c, plan, s)} runs vCPU {s.vcpu_id} of Partition '{p.name}', "
                            f"which has {p.vcpus} vCPUs", s.line,
                            [Note(p.line, f"Partition '{p.name}' is defined here")])


@rule
def slot_processor(system):
    parts = partitions_by_id(system)
    for c, plan, s in all_slots(system):
        p = parts.get(s.partition_id)
        if p is not None and p.processors and c.id not in p.processors:
            cpus = ", ".join(str(k) for k in p.processors)
            yield violation(f"{slot(c, plan, s)} runs Partition '{p.name}', which is not allocated to "
                            f"processor {c.id}", s.line,
                            [Note(p.line, f"Partition '{p.name}' is allocated to processor"
                                          f"{'s' if len(p.processors) > 1 else ''} {cpus} here")])


@rule
def partition_processor_unknown(system):
    cpus = {c.id for c in system.processors}
    for p in system.partitions:
        for k in p.processors:
            if k not in cpus:
                yield violation(f"Partition '{p.name}' asks for processor {k}, which does not exist", p.line)


@rule
def partition_not_scheduled(system):
    scheduled = set()
    for c in system.processors:
        plan = plan_by_id(c, 0)
        if plan is not None:
            scheduled.update(s.partition_id for s in plan.slots if s.vcpu_id == 0)
    for p in system.partitions:
        if boots(system, p) and p.id not in scheduled:
            yield violation(f"Partition '{p.name}' boots but has no slot in plan 0; it would never run", p.line)


@advice
def plan_maintenance(system):
    """Manual 2.8: "it is advisable to allocate the first slot of this plan
    to a system partition" (plan 1, the maintenance plan). Advice, so a
    warning; a partition that never boots could not do the maintenance
    either."""
    parts = partitions_by_id(system)
    for c in system.processors:
        plan = plan_by_id(c, 1)
        if plan is None or not plan.slots:
            continue
        first = min(plan.slots, key=lambda s: s.start_us)  # the first written among equals
        p = parts.get(first.partition_id)
        if p is None:
            continue
        head = f"Processor {c.id} plan 1 (maintenance) starts with slot {first.id} of Partition '{p.name}'"
        if "system" not in p.flags:
            yield violation(f"{head}, which is not a system partition", first.line,
                            [Note(p.line, f"Partition '{p.name}' is defined here, without the system flag")])
        elif not boots(system, p):
            yield violation(f"{head}, which does not boot", first.line,
                            [Note(p.line, f"Partition '{p.name}' is defined here, without the boot flag")])


@rule
def temporal_requirements(system):
    for p in system.partitions:
        if p.temporal is None:
            continue
        duration, period, line = p.temporal
        if period == 0 or duration > period:
            yield violation(f"Partition '{p.name}' TemporalRequirements duration {fmt_time(duration)} does not "
                            f"fit its period {fmt_time(period)}", line)
