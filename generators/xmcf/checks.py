"""Step 3: the semantic rules. Each rule is one function with a stable id
(the same id the C++ validators in include/stratum/config/check.hpp print);
every rule runs, every violation is reported, then the tool stops.

The rules, their ids and the exact text of their messages are specified in
docs/configuration-rules.md; the C++ layer prints the same text, so any
change here is a change of that document first.

Conventions every rule follows:
  - references (slot -> partition, channel end -> partition and port, ...)
    are resolved by the id/name as written, to the first object that carries
    it; an unresolved reference is reported by its own rule and the rules that
    need the referenced object skip it: nothing here may raise on odd input;
  - when two objects conflict, the one written later is named first and the
    diagnostic points at its line, with a note at the other;
  - an area that runs past 4GB (MEM-AREA-WRAP) is left out of the region,
    overlap and virtual-collision rules: only the wrap is reported;
  - in a plan whose major frame is 0 (PLAN-MAJOR-FRAME), the slots are not
    checked against the frame (SLOT-OUTSIDE-FRAME).
"""
import re

from . import hm
from .diag import Diagnostic, Note
from .units import fmt_area, fmt_size, fmt_time

RULES = []

ADDRESS_SPACE = 1 << 32
# The target's facts: the same numbers as include/stratum/config/target.hpp.
PAGE = 4096
HYPERVISOR_ROOM = 256 * 1024
MAX_PARTITIONS = 16
MAX_IPVIS = 8
IO_WINDOW = (0x80000000, 16 * 1024 * 1024)
IRQ_RESERVED = {6: "which the hypervisor's timers use",
                7: "which the hypervisor's timers use",
                15: "which cannot be masked (LEON3's non-maskable interrupt)"}
MAX_AREAS = 16  # CONFIG_MAX_MEM_AREAS: the PCT's physicalMemMap
# The APB devices the hypervisor drives (shared/notes/leon3-qemu.md), one
# 256-byte APB slot each: no partition gets their I/O ports.
IO_RESERVED = (("console UART", 0x80000100, 256), ("IRQMP", 0x80000200, 256), ("GPTIMER", 0x80000300, 256))

_NAME = re.compile(r"[A-Za-z0-9_]+")


def rule(rule_id):
    def register(fn):
        RULES.append((rule_id, fn))
        return fn
    return register


# ------------------------------------------------------------------ spellings
def _hex(value):
    return f"0x{value:08x}"


def _area(a):
    return fmt_area(a.start, a.size)


def _partition(p):
    return f"Partition '{p.name}'"


def _slot(c, plan, s):
    return f"Processor {c.id} plan {plan.id} slot {s.id}"


def _region(r):
    return f"Region {fmt_area(r.start, r.size)}"


# ------------------------------------------------------------------ helpers
def _overlap(a_start, a_size, b_start, b_size):
    """Half-open ranges, on unbounded integers: nothing wraps."""
    return a_start < b_start + b_size and b_start < a_start + a_size


def _areas_overlap(a, b):
    return _overlap(a.start, a.size, b.start, b.size)


def _wraps(a):
    return a.start + a.size > ADDRESS_SPACE


def _view_wraps(a):
    return a.mapped_at is not None and a.mapped_at + a.size > ADDRESS_SPACE


def _in_space(a):
    """An area the region, overlap and collision rules look at."""
    return not _wraps(a)


def _va(a):
    return a.virtual_start


def _partitions_by_id(system):
    found = {}
    for p in system.partitions:
        found.setdefault(p.id, p)
    return found


def _boots(system, p):
    """A partition boots when it has the boot flag, or when none has it."""
    return "boot" in p.flags or not any("boot" in q.flags for q in system.partitions)


def _owners(system):
    """(owner spelling, areas) of every area list, in the order written."""
    out = [("XMHypervisor", system.hypervisor_areas)]
    if system.rsw_areas:
        out.append(("ResidentSw", system.rsw_areas))
    out += [(_partition(p), p.areas) for p in system.partitions]
    return out


def _out_of_sequence(objects):
    """(position, object) for each object whose id is not its position."""
    return ((k, o) for k, o in enumerate(objects) if o.id != k)


def _plan(processor, plan_id):
    for plan in processor.plans:
        if plan.id == plan_id:
            return plan
    return None


def _channel_ends(system):
    """Every channel end, as (channel spelling, end spelling, end, kind,
    direction), in the order written."""
    ends = []
    for i, ch in enumerate(system.sampling_channels):
        name = f"SamplingChannel {i}"
        if ch.source is not None:
            ends.append((name, "Source", ch.source, "sampling", "source"))
        for k, d in enumerate(ch.destinations):
            ends.append((name, f"Destination {k}", d, "sampling", "destination"))
    for i, ch in enumerate(system.queuing_channels):
        name = f"QueuingChannel {i}"
        if ch.source is not None:
            ends.append((name, "Source", ch.source, "queuing", "source"))
        if ch.destination is not None:
            ends.append((name, "Destination 0", ch.destination, "queuing", "destination"))
    return sorted(ends, key=lambda e: e[2].line)


def _channels(system):
    return ([(f"SamplingChannel {i}", ch) for i, ch in enumerate(system.sampling_channels)] +
            [(f"QueuingChannel {i}", ch) for i, ch in enumerate(system.queuing_channels)])


def _port(p, name):
    for port in p.ports:
        if port.name == name:
            return port
    return None


# ================================================================== names and identifiers
@rule("NAME-SYNTAX")
def name_syntax(system):
    def bad(what, name, line):
        if name is not None and not _NAME.fullmatch(name):
            yield Diagnostic("NAME-SYNTAX",
                             f"{what} '{name}' is not a valid name: use only letters, digits and '_'", line)

    yield from bad("SystemDescription name", system.name, system.line)
    for d in system.devices:
        yield from bad("Device name", d.name, d.line)
    for c in system.processors:
        for plan in c.plans:
            yield from bad("Plan name", plan.name, plan.line)
    for _owner, areas in _owners(system):
        for a in areas:
            yield from bad("Area name", a.name, a.line)
    for p in system.partitions:
        yield from bad("Partition name", p.name, p.line)
        for port in p.ports:
            yield from bad("Port name", port.name, port.line)


@rule("PARTITION-ID-SEQUENCE")
def partition_id_sequence(system):
    for k, p in _out_of_sequence(system.partitions):
        yield Diagnostic("PARTITION-ID-SEQUENCE",
                         f"Partition '{p.name}' has id {p.id}; partition ids must be 0, 1, 2, ... "
                         f"in the order written (expected {k})", p.line)


@rule("PARTITION-NAME-DUPLICATE")
def partition_name_duplicate(system):
    first = {}
    for p in system.partitions:
        q = first.setdefault(p.name, p)
        if q is not p:
            yield Diagnostic("PARTITION-NAME-DUPLICATE",
                             f"Partition '{p.name}' (id {p.id}) has the same name as partition {q.id}", p.line,
                             [Note(q.line, f"Partition '{q.name}' (id {q.id}) is defined here")])


@rule("PARTITION-COUNT")
def partition_count(system):
    n = len(system.partitions)
    if n > MAX_PARTITIONS:
        yield Diagnostic("PARTITION-COUNT", f"the system has {n} partitions; the image has room for 16",
                         system.partitions[MAX_PARTITIONS].line)


@rule("PROCESSOR-ID-SEQUENCE")
def processor_id_sequence(system):
    for k, c in _out_of_sequence(system.processors):
        yield Diagnostic("PROCESSOR-ID-SEQUENCE",
                         f"Processor {c.id} is processor number {k}; processor ids must be 0, 1, 2, ... "
                         f"in the order written", c.line)


@rule("PROCESSOR-FREQUENCY")
def processor_frequency(system):
    for c in system.processors:
        f = c.frequency_khz
        if f == 0 or f % 1000 != 0:
            yield Diagnostic("PROCESSOR-FREQUENCY",
                             f"Processor {c.id} frequency {f}kHz is not a whole, non-zero number of MHz: "
                             f"the 1us timer tick would not be exact", c.line)


@rule("DEVICE-NAME-DUPLICATE")
def device_name_duplicate(system):
    first = {}
    for d in system.devices:
        e = first.setdefault(d.name, d)
        if e is not d:
            yield Diagnostic("DEVICE-NAME-DUPLICATE", f"Device name '{d.name}' is declared twice", d.line,
                             [Note(e.line, f"Device name '{e.name}' is first declared here")])


@rule("DEVICE-UNKNOWN")
def device_unknown(system):
    names = {d.name for d in system.devices}
    uses = [("XMHypervisor console", system.hypervisor_console, system.hypervisor_line),
            ("XMHypervisor healthMonitoringDevice", system.hypervisor_hm_device, system.hypervisor_line)]
    if system.hypervisor_trace is not None:
        uses.append(("XMHypervisor Trace", system.hypervisor_trace.device, system.hypervisor_trace.line))
    for p in system.partitions:
        uses.append((f"Partition '{p.name}' console", p.console, p.line))
        if p.trace is not None:
            uses.append((f"Partition '{p.name}' Trace", p.trace.device, p.trace.line))
    for who, dev, line in uses:
        if dev is not None and dev not in names:
            yield Diagnostic("DEVICE-UNKNOWN",
                             f"{who} names device '{dev}', which HwDescription/Devices does not declare", line)


# ================================================================== scheduling
@rule("PLAN-INITIAL-MISSING")
def plan_initial_missing(system):
    for c in system.processors:
        if _plan(c, 0) is None:
            yield Diagnostic("PLAN-INITIAL-MISSING", f"Processor {c.id} has no plan 0 (the initial plan)", c.line)


@rule("PLAN-ID-SEQUENCE")
def plan_id_sequence(system):
    for c in system.processors:
        if _plan(c, 0) is None:
            continue  # PLAN-INITIAL-MISSING
        for k, plan in _out_of_sequence(c.plans):
            yield Diagnostic("PLAN-ID-SEQUENCE",
                             f"Processor {c.id} plan {plan.id} is plan number {k}; plan ids must be "
                             f"0, 1, 2, ... in the order written", plan.line)


@rule("PLAN-MAJOR-FRAME")
def plan_major_frame(system):
    for c in system.processors:
        for plan in c.plans:
            if plan.major_frame_us == 0:
                yield Diagnostic("PLAN-MAJOR-FRAME", f"Processor {c.id} plan {plan.id} has a major frame of 0ms",
                                 plan.line)


@rule("SLOT-ID-SEQUENCE")
def slot_id_sequence(system):
    for c in system.processors:
        for plan in c.plans:
            for k, s in _out_of_sequence(plan.slots):
                yield Diagnostic("SLOT-ID-SEQUENCE",
                                 f"{_slot(c, plan, s)} is slot number {k}; slot ids must be 0, 1, 2, ... "
                                 f"in the order written", s.line)


@rule("SLOT-EMPTY")
def slot_empty(system):
    for c in system.processors:
        for plan in c.plans:
            for s in plan.slots:
                if s.duration_us == 0:
                    yield Diagnostic("SLOT-EMPTY", f"{_slot(c, plan, s)} has a duration of 0ms", s.line)


@rule("SLOT-OUTSIDE-FRAME")
def slot_outside_frame(system):
    for c in system.processors:
        for plan in c.plans:
            if plan.major_frame_us == 0:
                continue  # PLAN-MAJOR-FRAME
            for s in plan.slots:
                end = s.start_us + s.duration_us
                if end > plan.major_frame_us:
                    yield Diagnostic("SLOT-OUTSIDE-FRAME",
                                     f"{_slot(c, plan, s)} ends at {fmt_time(end)} after the major frame of "
                                     f"{fmt_time(plan.major_frame_us)}", s.line,
                                     [Note(plan.line, f"Processor {c.id} plan {plan.id} has a major frame of "
                                                      f"{fmt_time(plan.major_frame_us)}")])


@rule("SLOT-OVERLAP")
def slot_overlap(system):
    for c in system.processors:
        for plan in c.plans:
            for j, b in enumerate(plan.slots):
                for a in plan.slots[:j]:
                    if _overlap(a.start_us, a.duration_us, b.start_us, b.duration_us):
                        a_end, b_end = a.start_us + a.duration_us, b.start_us + b.duration_us
                        yield Diagnostic(
                            "SLOT-OVERLAP",
                            f"{_slot(c, plan, b)} [{fmt_time(b.start_us)}, {fmt_time(b_end)}) overlaps slot {a.id} "
                            f"[{fmt_time(a.start_us)}, {fmt_time(a_end)})", b.line,
                            [Note(a.line, f"{_slot(c, plan, a)} [{fmt_time(a.start_us)}, {fmt_time(a_end)}) "
                                          f"is defined here")])


@rule("SLOT-PARTITION-UNKNOWN")
def slot_partition_unknown(system):
    parts = _partitions_by_id(system)
    for c in system.processors:
        for plan in c.plans:
            for s in plan.slots:
                if s.partition_id not in parts:
                    yield Diagnostic("SLOT-PARTITION-UNKNOWN",
                                     f"{_slot(c, plan, s)} names partition {s.partition_id}, which does not exist",
                                     s.line)


@rule("SLOT-VCPU")
def slot_vcpu(system):
    parts = _partitions_by_id(system)
    for c in system.processors:
        for plan in c.plans:
            for s in plan.slots:
                p = parts.get(s.partition_id)
                if p is not None and s.vcpu_id >= p.vcpus:
                    yield Diagnostic("SLOT-VCPU",
                                     f"{_slot(c, plan, s)} runs vCPU {s.vcpu_id} of Partition '{p.name}', "
                                     f"which has {p.vcpus} vCPUs", s.line,
                                     [Note(p.line, f"Partition '{p.name}' is defined here")])


@rule("SLOT-PROCESSOR")
def slot_processor(system):
    parts = _partitions_by_id(system)
    for c in system.processors:
        for plan in c.plans:
            for s in plan.slots:
                p = parts.get(s.partition_id)
                if p is not None and p.processors and c.id not in p.processors:
                    yield Diagnostic("SLOT-PROCESSOR",
                                     f"{_slot(c, plan, s)} runs Partition '{p.name}', which is not allocated to "
                                     f"processor {c.id}", s.line,
                                     [Note(p.line, f"Partition '{p.name}' is allocated to processor"
                                                   f"{'s' if len(p.processors) > 1 else ''} "
                                                   f"{', '.join(str(k) for k in p.processors)} here")])


@rule("PARTITION-PROCESSOR-UNKNOWN")
def partition_processor_unknown(system):
    cpus = {c.id for c in system.processors}
    for p in system.partitions:
        for k in p.processors:
            if k not in cpus:
                yield Diagnostic("PARTITION-PROCESSOR-UNKNOWN",
                                 f"Partition '{p.name}' asks for processor {k}, which does not exist", p.line)


@rule("PARTITION-NOT-SCHEDULED")
def partition_not_scheduled(system):
    scheduled = set()
    for c in system.processors:
        plan = _plan(c, 0)
        if plan is not None:
            scheduled.update(s.partition_id for s in plan.slots if s.vcpu_id == 0)
    for p in system.partitions:
        if _boots(system, p) and p.id not in scheduled:
            yield Diagnostic("PARTITION-NOT-SCHEDULED",
                             f"Partition '{p.name}' boots but has no slot in plan 0; it would never run", p.line)


@rule("PLAN-MAINTENANCE")
def plan_maintenance(system):
    parts = _partitions_by_id(system)
    for c in system.processors:
        plan = _plan(c, 1)
        if plan is None or not plan.slots:
            continue
        first = min(plan.slots, key=lambda s: s.start_us)  # the first written among equals
        p = parts.get(first.partition_id)
        if p is not None and "system" not in p.flags:
            yield Diagnostic("PLAN-MAINTENANCE",
                             f"Processor {c.id} plan 1 (maintenance) starts with slot {first.id} of Partition "
                             f"'{p.name}', which is not a system partition", first.line,
                             [Note(p.line, f"Partition '{p.name}' is defined here, without the system flag")])
        elif p is not None and not _boots(system, p):
            yield Diagnostic("PLAN-MAINTENANCE",
                             f"Processor {c.id} plan 1 (maintenance) starts with slot {first.id} of Partition "
                             f"'{p.name}', which does not boot", first.line,
                             [Note(p.line, f"Partition '{p.name}' is defined here, without the boot flag")])


@rule("TEMPORAL-REQUIREMENTS")
def temporal_requirements(system):
    for p in system.partitions:
        if p.temporal is None:
            continue
        duration, period, line = p.temporal
        if period == 0 or duration > period:
            yield Diagnostic("TEMPORAL-REQUIREMENTS",
                             f"Partition '{p.name}' TemporalRequirements duration {fmt_time(duration)} does not fit "
                             f"its period {fmt_time(period)}", line)


# ================================================================== memory
@rule("MEM-REGION-OVERLAP")
def region_overlap(system):
    for j, b in enumerate(system.regions):
        for a in system.regions[:j]:
            if _overlap(a.start, a.size, b.start, b.size):
                yield Diagnostic("MEM-REGION-OVERLAP", f"{_region(b)} overlaps {_region(a)}", b.line,
                                 [Note(a.line, f"{_region(a)} is defined here")])


@rule("MEM-REGION-WRAP")
def region_wrap(system):
    for r in system.regions:
        if r.end > ADDRESS_SPACE:
            yield Diagnostic("MEM-REGION-WRAP", f"{_region(r)} runs past the end of the 32-bit address space", r.line)


def _in_io_window(start, size):
    return _overlap(start, size, *IO_WINDOW)


@rule("MEM-IO-WINDOW")
def io_window(system):
    """Memory is not the devices: a region or an area (where it lies) in the
    I/O window would hand a partition the hypervisor's devices, or map them
    cacheable."""
    for r in system.regions:
        if _in_io_window(r.start, r.size):
            yield Diagnostic("MEM-IO-WINDOW", f"{_region(r)} overlaps the I/O window 0x80000000+16MB", r.line)
    for owner, areas in _owners(system):
        for a in areas:
            if _in_space(a) and _in_io_window(a.start, a.size):
                yield Diagnostic("MEM-IO-WINDOW", f"{owner} area {_area(a)} overlaps the I/O window "
                                                  f"0x80000000+16MB", a.line)


@rule("MEM-AREA-COUNT")
def area_count(system):
    for p in system.partitions:
        if len(p.areas) > MAX_AREAS:
            yield Diagnostic("MEM-AREA-COUNT",
                             f"Partition '{p.name}' has {len(p.areas)} areas; the PCT describes at most 16",
                             p.areas[MAX_AREAS].line)


@rule("PARTITION-IMAGE-AREA")
def partition_image_area(system):
    """The first area holds the partition's image and its entry point: it is
    loaded there at every cold reset and run from there."""
    for p in system.partitions:
        if not p.areas:
            continue
        a = p.areas[0]
        bad = next((f for f in ("shared", "unmapped", "read-only") if f in a.flags), None)
        if bad:
            yield Diagnostic("PARTITION-IMAGE-AREA",
                             f"Partition '{p.name}' area {_area(a)} holds its image and entry point: it may not "
                             f"be {bad}", a.line)


@rule("MEM-AREA-EMPTY")
def area_empty(system):
    for owner, areas in _owners(system):
        for a in areas:
            if a.size == 0:
                yield Diagnostic("MEM-AREA-EMPTY", f"{owner} area {_area(a)} is empty", a.line)


@rule("MEM-AREA-WRAP")
def area_wrap(system):
    for owner, areas in _owners(system):
        for a in areas:
            if _wraps(a):
                yield Diagnostic("MEM-AREA-WRAP",
                                 f"{owner} area {_area(a)} runs past the end of the 32-bit address space", a.line)
            if _view_wraps(a):
                yield Diagnostic("MEM-AREA-WRAP",
                                 f"{owner} area {_area(a)} mapped at {_hex(a.mapped_at)} runs past the end of "
                                 f"the 32-bit address space", a.line)


@rule("MEM-AREA-OUTSIDE-REGION")
def area_outside_region(system):
    for owner, areas in _owners(system):
        for a in areas:
            if not _in_space(a) or _in_io_window(a.start, a.size):
                continue  # MEM-AREA-WRAP, MEM-IO-WINDOW
            if not any(r.start <= a.start and a.end <= r.end for r in system.regions):
                yield Diagnostic("MEM-AREA-OUTSIDE-REGION",
                                 f"{owner} area {_area(a)} is not inside any MemoryLayout Region", a.line)


@rule("MEM-AREA-SELF-OVERLAP")
def area_self_overlap(system):
    for owner, areas in _owners(system):
        for j, b in enumerate(areas):
            if not _in_space(b):
                continue
            for a in areas[:j]:
                if _in_space(a) and _areas_overlap(a, b):
                    yield Diagnostic("MEM-AREA-SELF-OVERLAP",
                                     f"{owner} area {_area(b)} overlaps its own area {_area(a)}", b.line,
                                     [Note(a.line, f"{owner} area {_area(a)} is defined here")])


@rule("MEM-AREA-OVERLAP")
def partition_areas_disjoint(system):
    """Areas of two different partitions are disjoint unless both are shared."""
    parts = system.partitions
    for j, q in enumerate(parts):
        for p in parts[:j]:
            for b in q.areas:
                for a in p.areas:
                    if not (_in_space(a) and _in_space(b) and _areas_overlap(a, b)):
                        continue
                    if "shared" in a.flags and "shared" in b.flags:
                        continue
                    yield Diagnostic(
                        "MEM-AREA-OVERLAP",
                        f"Partition '{q.name}' area {_area(b)} overlaps Partition '{p.name}' area {_area(a)}",
                        b.line, [Note(a.line, f"Partition '{p.name}' area {_area(a)} is defined here")])


@rule("MEM-AREA-HYPERVISOR")
def hypervisor_areas_private(system):
    """No partition area overlaps the hypervisor's own areas."""
    for p in system.partitions:
        for a in p.areas:
            for h in system.hypervisor_areas:
                if _in_space(a) and _in_space(h) and _areas_overlap(a, h):
                    yield Diagnostic(
                        "MEM-AREA-HYPERVISOR",
                        f"Partition '{p.name}' area {_area(a)} overlaps the XMHypervisor area {_area(h)}",
                        a.line, [Note(h.line, f"XMHypervisor area {_area(h)} is defined here")])


@rule("MEM-AREA-RSW")
def rsw_areas_private(system):
    owners = [("XMHypervisor", system.hypervisor_areas)] + [(_partition(p), p.areas) for p in system.partitions]
    for owner, areas in owners:
        for a in areas:
            for r in system.rsw_areas:
                if _in_space(a) and _in_space(r) and _areas_overlap(a, r):
                    yield Diagnostic("MEM-AREA-RSW",
                                     f"{owner} area {_area(a)} overlaps the ResidentSw area {_area(r)}", a.line,
                                     [Note(r.line, f"ResidentSw area {_area(r)} is defined here")])


@rule("MEM-HYPERVISOR-ROOM")
def hypervisor_room(system):
    if system.hypervisor_areas:
        a = system.hypervisor_areas[0]
        if a.size < HYPERVISOR_ROOM:
            yield Diagnostic("MEM-HYPERVISOR-ROOM",
                             f"the first XMHypervisor area {_area(a)} is smaller than 256KB: it holds the "
                             f"hypervisor image, the PCT pages and the page tables", a.line)


@rule("MMU-ALIGN")
def mmu_align(system):
    for h in system.hypervisor_areas:
        if (h.start | h.size) % PAGE:
            yield Diagnostic("MMU-ALIGN", f"XMHypervisor area {_area(h)} is not aligned to 4KB pages", h.line)
    for p in system.partitions:
        for a in p.areas:
            if (a.start | a.size | _va(a)) % PAGE:
                yield Diagnostic("MMU-ALIGN",
                                 f"Partition '{p.name}' area {_area(a)} (mapped at {_hex(_va(a))}) is not aligned "
                                 f"to 4KB pages", a.line)


@rule("MMU-VIRTUAL-COLLISION")
def mmu_virtual_collision(system):
    """What a partition sees (its mapped areas, at their virtual addresses)
    must not land on the hypervisor's areas (mapped in every context), on
    the I/O window or on another of its own mapped areas.

    An area seen where it lies (no mappedAt, or mappedAt == start) that
    lands on the hypervisor is MEM-AREA-HYPERVISOR's overlap, and two such
    areas of one partition are MEM-AREA-SELF-OVERLAP's: those are not
    reported twice. The I/O window is always checked."""
    def seen(a):
        return "unmapped" not in a.flags and _in_space(a) and not _view_wraps(a)

    def moved(a):
        return _va(a) != a.start

    for p in system.partitions:
        for j, a in enumerate(p.areas):
            if not seen(a):
                continue
            head = f"Partition '{p.name}' area {_area(a)} seen at {_hex(_va(a))} collides with"
            for h in system.hypervisor_areas:
                if moved(a) and _in_space(h) and _overlap(_va(a), a.size, h.start, h.size):
                    yield Diagnostic("MMU-VIRTUAL-COLLISION", f"{head} the XMHypervisor area", a.line,
                                     [Note(h.line, f"XMHypervisor area {_area(h)} is defined here")])
                    break
            if _overlap(_va(a), a.size, *IO_WINDOW) and (moved(a) or not _in_io_window(a.start, a.size)):
                yield Diagnostic("MMU-VIRTUAL-COLLISION", f"{head} the I/O window 0x80000000+16MB", a.line)
            for b in p.areas[:j]:
                if seen(b) and (moved(a) or moved(b)) and _overlap(_va(a), a.size, _va(b), b.size):
                    yield Diagnostic("MMU-VIRTUAL-COLLISION", f"{head} another of its own areas", a.line,
                                     [Note(b.line, f"Partition '{p.name}' area {_area(b)} seen at {_hex(_va(b))} "
                                                   f"is defined here")])
                    break


# ================================================================== hardware resources
@rule("IRQ-LINE-INVALID")
def irq_line_invalid(system):
    for p in system.partitions:
        for n in p.irq_lines:
            if not 1 <= n <= 15:
                yield Diagnostic("IRQ-LINE-INVALID",
                                 f"Partition '{p.name}' asks for interrupt line {n}; LEON3 lines are 1 to 15",
                                 p.irq_line_no)


@rule("IRQ-LINE-RESERVED")
def irq_line_reserved(system):
    for p in system.partitions:
        for n in p.irq_lines:
            if n in IRQ_RESERVED:
                yield Diagnostic("IRQ-LINE-RESERVED",
                                 f"Partition '{p.name}' asks for interrupt line {n}, {IRQ_RESERVED[n]}",
                                 p.irq_line_no)


@rule("IRQ-LINE-SHARED")
def irq_line_shared(system):
    given = {}
    for q in system.partitions:
        for n in q.irq_lines:
            p = given.get(n)
            if p is None:
                given[n] = q
                continue
            yield Diagnostic("IRQ-LINE-SHARED",
                             f"Partition '{q.name}' asks for interrupt line {n}, already given to Partition "
                             f"'{p.name}'", q.irq_line_no,
                             [Note(p.irq_line_no, f"Partition '{p.name}' is given interrupt line {n} here")])


def _io_ports(port):
    if port.kind == "restricted":
        return f"restricted I/O port {_hex(port.address)} mask {_hex(port.mask)}"
    return f"I/O ports {_hex(port.address)}+{port.count}"


def _io_bytes(port):
    """(first byte, bytes) of a Range or a Restricted port."""
    return port.address, (4 * port.count if port.kind == "range" else 4)


@rule("IOPORT-ALIGN")
def ioport_align(system):
    for p in system.partitions:
        for port in p.io_ports:
            if port.address % 4:
                yield Diagnostic("IOPORT-ALIGN",
                                 f"Partition '{p.name}' I/O port {_hex(port.address)} is not aligned to 4 bytes",
                                 port.line)


@rule("IOPORT-WRAP")
def ioport_wrap(system):
    for p in system.partitions:
        for port in p.io_ports:
            if not _io_in_space(port):
                yield Diagnostic("IOPORT-WRAP", f"Partition '{p.name}' {_io_ports(port)} {_verb(port, 'run')} past "
                                                f"the end of the 32-bit address space", port.line)


def _verb(port, verb):
    """'I/O ports ... lie', 'restricted I/O port ... lies'."""
    return verb + "s" if port.kind == "restricted" else verb


def _io_in_space(port):
    start, size = _io_bytes(port)
    return start + size <= ADDRESS_SPACE


@rule("IOPORT-WINDOW")
def ioport_window(system):
    """LEON3 I/O ports are the APB devices' registers, in the I/O window."""
    lo, size = IO_WINDOW
    for p in system.partitions:
        for port in p.io_ports:
            start, n = _io_bytes(port)
            if _io_in_space(port) and not (lo <= start and start + n <= lo + size):
                yield Diagnostic("IOPORT-WINDOW", f"Partition '{p.name}' {_io_ports(port)} {_verb(port, 'lie')} "
                                                  f"outside the I/O window 0x80000000+16MB", port.line)


@rule("IOPORT-RESERVED")
def ioport_reserved(system):
    for p in system.partitions:
        for port in p.io_ports:
            for name, start, size in IO_RESERVED:
                if _overlap(*_io_bytes(port), start, size):
                    yield Diagnostic("IOPORT-RESERVED",
                                     f"Partition '{p.name}' {_io_ports(port)} {_verb(port, 'overlap')} the "
                                     f"hypervisor's {name} at {_hex(start)}+{size}B", port.line)
                    break


@rule("IOPORT-SHARED")
def ioport_shared(system):
    """Ports are 4 bytes: a Range covers [base, base + 4 * noPorts), a
    Restricted port [address, address + 4). Two Restricted ports at the same
    address are IOPORT-MASK-OVERLAP's business."""
    parts = system.partitions
    for j, q in enumerate(parts):
        for p in parts[:j]:
            for b in q.io_ports:
                for a in p.io_ports:
                    if a.kind == "restricted" and b.kind == "restricted" and a.address == b.address:
                        continue
                    if _overlap(*_io_bytes(a), *_io_bytes(b)):
                        yield Diagnostic("IOPORT-SHARED",
                                         f"Partition '{q.name}' {_io_ports(b)} overlap Partition '{p.name}' "
                                         f"{_io_ports(a)}", b.line,
                                         [Note(a.line, f"Partition '{p.name}' {_io_ports(a)} is defined here")])


@rule("IOPORT-MASK-OVERLAP")
def ioport_mask_overlap(system):
    restricted = [(p, port) for p in system.partitions for port in p.io_ports if port.kind == "restricted"]
    for j, (q, b) in enumerate(restricted):
        for p, a in restricted[:j]:
            if a.address == b.address and a.mask & b.mask:
                yield Diagnostic("IOPORT-MASK-OVERLAP",
                                 f"Partition '{q.name}' restricted I/O port {_hex(b.address)} mask {_hex(b.mask)} "
                                 f"overlaps the mask {_hex(a.mask)} of Partition '{p.name}'", b.line,
                                 [Note(a.line, f"Partition '{p.name}' {_io_ports(a)} is defined here")])


# ================================================================== ports and channels
@rule("PORT-NAME-DUPLICATE")
def port_name_duplicate(system):
    for p in system.partitions:
        first = {}
        for port in p.ports:
            f = first.setdefault(port.name, port)
            if f is not port:
                yield Diagnostic("PORT-NAME-DUPLICATE", f"Partition '{p.name}' declares port '{port.name}' twice",
                                 port.line, [Note(f.line, f"Partition '{p.name}' port '{f.name}' is first "
                                                          f"declared here")])


@rule("CHANNEL-PARTITION-UNKNOWN")
def channel_partition_unknown(system):
    parts = _partitions_by_id(system)
    for channel, end_name, end, _kind, _direction in _channel_ends(system):
        if end.partition_id not in parts:
            yield Diagnostic("CHANNEL-PARTITION-UNKNOWN",
                             f"{channel} {end_name} names partition {end.partition_id}, which does not exist",
                             end.line)


@rule("CHANNEL-PARTITION-NAME")
def channel_partition_name(system):
    parts = _partitions_by_id(system)
    for channel, end_name, end, _kind, _direction in _channel_ends(system):
        p = parts.get(end.partition_id)
        if p is not None and end.partition_name is not None and end.partition_name != p.name:
            yield Diagnostic("CHANNEL-PARTITION-NAME",
                             f"{channel} {end_name} names partition {end.partition_id} as '{end.partition_name}', "
                             f"but partition {end.partition_id} is '{p.name}'", end.line,
                             [Note(p.line, f"Partition '{p.name}' (id {p.id}) is defined here")])


def _resolved_ends(system):
    """The channel ends whose partition and port exist: (channel, end name,
    end, kind, direction, partition, port)."""
    parts = _partitions_by_id(system)
    for channel, end_name, end, kind, direction in _channel_ends(system):
        p = parts.get(end.partition_id)
        port = _port(p, end.port_name) if p is not None else None
        if port is not None:
            yield channel, end_name, end, kind, direction, p, port


@rule("CHANNEL-PORT-UNKNOWN")
def channel_port_unknown(system):
    parts = _partitions_by_id(system)
    for channel, end_name, end, _kind, _direction in _channel_ends(system):
        p = parts.get(end.partition_id)
        if p is not None and _port(p, end.port_name) is None:
            yield Diagnostic("CHANNEL-PORT-UNKNOWN",
                             f"{channel} {end_name} names port '{end.port_name}', which Partition '{p.name}' "
                             f"does not declare", end.line,
                             [Note(p.line, f"Partition '{p.name}' (id {p.id}) is defined here")])


@rule("CHANNEL-PORT-KIND")
def channel_port_kind(system):
    for channel, end_name, end, kind, _direction, p, port in _resolved_ends(system):
        if port.kind != kind:
            yield Diagnostic("CHANNEL-PORT-KIND",
                             f"{channel} {end_name} port '{port.name}' of Partition '{p.name}' is a {port.kind} port",
                             end.line, [Note(port.line, f"Partition '{p.name}' port '{port.name}' is declared here")])


@rule("CHANNEL-PORT-DIRECTION")
def channel_port_direction(system):
    for channel, end_name, end, _kind, direction, p, port in _resolved_ends(system):
        if port.direction != direction:
            yield Diagnostic("CHANNEL-PORT-DIRECTION",
                             f"{channel} {end_name} port '{port.name}' of Partition '{p.name}' is a "
                             f"{port.direction} port",
                             end.line, [Note(port.line, f"Partition '{p.name}' port '{port.name}' is declared here")])


@rule("CHANNEL-PORT-SHARED")
def channel_port_shared(system):
    first = {}
    for channel, end_name, end, _kind, _direction, p, port in _resolved_ends(system):
        key = (end.partition_id, port.name)
        other = first.setdefault(key, (channel, end_name, end))
        if other[2] is not end:
            yield Diagnostic("CHANNEL-PORT-SHARED",
                             f"{channel} {end_name} port '{port.name}' of Partition '{p.name}' is already connected "
                             f"by {other[0]}", end.line,
                             [Note(other[2].line, f"{other[0]} {other[1]} connects it here")])


@rule("CHANNEL-PORT-UNCONNECTED")
def channel_port_unconnected(system):
    connected = {(end.partition_id, end.port_name) for _c, _e, end, _k, _d in _channel_ends(system)}
    for p in system.partitions:
        for port in p.ports:
            if (p.id, port.name) not in connected:
                yield Diagnostic("CHANNEL-PORT-UNCONNECTED",
                                 f"Partition '{p.name}' port '{port.name}' is connected to no channel", port.line)


@rule("CHANNEL-MESSAGE-SIZE")
def channel_message_size(system):
    for name, ch in _channels(system):
        if ch.max_message_length == 0:
            yield Diagnostic("CHANNEL-MESSAGE-SIZE", f"{name} has a maxMessageLength of {fmt_size(0)}", ch.line)


@rule("IPVI-ID-SEQUENCE")
def ipvi_id_sequence(system):
    for k, v in _out_of_sequence(system.ipvis):
        yield Diagnostic("IPVI-ID-SEQUENCE",
                         f"Ipvi {v.id} is Ipvi number {k}; Ipvi ids must be 0, 1, 2, ... in the order written",
                         v.line)


@rule("IPVI-COUNT")
def ipvi_count(system):
    n = len(system.ipvis)
    if n > MAX_IPVIS:
        yield Diagnostic("IPVI-COUNT", f"the system has {n} Ipvis; there are 8 inter-partition virtual interrupts",
                         system.ipvis[MAX_IPVIS].line)


@rule("IPVI-PARTITION-UNKNOWN")
def ipvi_partition_unknown(system):
    parts = _partitions_by_id(system)
    for v in system.ipvis:
        for which, pid in [("source", v.source_id)] + [("destination", d) for d in v.destination_ids]:
            if pid not in parts:
                yield Diagnostic("IPVI-PARTITION-UNKNOWN",
                                 f"Ipvi {v.id} {which} names partition {pid}, which does not exist", v.line)


# ================================================================== health monitor
def _hm_tables(system):
    yield "XMHypervisor HealthMonitor", hm.HYPERVISOR, system.hypervisor_hm_events
    for p in system.partitions:
        yield f"Partition '{p.name}' HealthMonitor", hm.PARTITION, p.hm_events


@rule("HM-EVENT-UNKNOWN")
def hm_event_unknown(system):
    for table, _level, events in _hm_tables(system):
        for e in events:
            if not hm.is_event(e.name):
                yield Diagnostic("HM-EVENT-UNKNOWN", f"{table} names event '{e.name}', which is not an HM event",
                                 e.line)


@rule("HM-ACTION-UNKNOWN")
def hm_action_unknown(system):
    for table, _level, events in _hm_tables(system):
        for e in events:
            if not hm.is_action(e.action):
                yield Diagnostic("HM-ACTION-UNKNOWN",
                                 f"{table} event {e.name} names action '{e.action}', which is not an HM action",
                                 e.line)


@rule("HM-EVENT-LEVEL")
def hm_event_level(system):
    for table, level, events in _hm_tables(system):
        for e in events:
            if hm.is_event(e.name) and not hm.handled_at(e.name, level):
                other = hm.TABLE_NAME[hm.other_level(e.name, level)]
                yield Diagnostic("HM-EVENT-LEVEL",
                                 f"{table} cannot handle event {e.name}: it is handled in the {other} table", e.line)


@rule("HM-ACTION-NOT-ALLOWED")
def hm_action_not_allowed(system):
    for table, level, events in _hm_tables(system):
        for e in events:
            if (hm.is_event(e.name) and hm.handled_at(e.name, level) and hm.is_action(e.action)
                    and e.action not in hm.allowed(e.name, level)):
                yield Diagnostic("HM-ACTION-NOT-ALLOWED", f"{table} event {e.name} may not take action {e.action}",
                                 e.line)


@rule("HM-EVENT-DUPLICATE")
def hm_event_duplicate(system):
    for table, _level, events in _hm_tables(system):
        first = {}
        for e in events:
            f = first.setdefault(e.name, e)
            if f is not e:
                yield Diagnostic("HM-EVENT-DUPLICATE", f"{table} lists event {e.name} twice", e.line,
                                 [Note(f.line, f"{table} lists event {f.name} here first")])


@rule("HM-MAINTENANCE-PLAN")
def hm_maintenance_plan(system):
    for table, _level, events in _hm_tables(system):
        for e in events:
            if e.action != hm.SWITCH_TO_MAINTENANCE:
                continue
            for c in system.processors:
                if _plan(c, 1) is None:
                    yield Diagnostic("HM-MAINTENANCE-PLAN",
                                     f"{table} event {e.name} switches to the maintenance plan, but processor "
                                     f"{c.id} has no plan 1", e.line,
                                     [Note(c.line, f"Processor {c.id} is defined here")])


def run_all(system):
    found = []
    for _rule_id, fn in RULES:
        found.extend(fn(system))
    return sorted(found, key=lambda d: d.line)
