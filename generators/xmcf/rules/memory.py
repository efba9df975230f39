"""Memory regions and areas, the SRMMU's rules included (docs/configuration-
rules.md, "Memory"; C++: include/stratum/config/check_memory.hpp)."""
from ..units import fmt_size
from .common import IO_WINDOW, IO_WINDOW_TEXT, PAGE_TEXT, TARGET, Note, area, areas_overlap, hex_, in_io_window, \
    in_space, later_pairs, overlap, owners, partition, region, rule, view_wraps, violation, wraps


@rule
def mem_region_overlap(system):
    for a, b in later_pairs(system.regions):
        if overlap(a.start, a.size, b.start, b.size):
            yield violation(f"{region(b)} overlaps {region(a)}", b.line, [Note(a.line, f"{region(a)} is defined here")])


@rule
def mem_region_wrap(system):
    for r in system.regions:
        if wraps(r):
            yield violation(f"{region(r)} runs past the end of the 32-bit address space", r.line)


@rule
def mem_io_window(system):
    """Memory is not the devices: a region or an area (where it lies) in the
    I/O window would hand a partition the hypervisor's devices, or map them
    cacheable."""
    for r in system.regions:
        if in_io_window(r.start, r.size):
            yield violation(f"{region(r)} overlaps {IO_WINDOW_TEXT}", r.line)
    for owner, areas in owners(system):
        for a in areas:
            if in_space(a) and in_io_window(a.start, a.size):
                yield violation(f"{owner} area {area(a)} overlaps {IO_WINDOW_TEXT}", a.line)


@rule
def mem_area_count(system):
    most = TARGET.max_partition_areas
    for p in system.partitions:
        if len(p.areas) > most:
            yield violation(f"Partition '{p.name}' has {len(p.areas)} areas; the PCT describes at most {most}",
                            p.areas[most].line)


@rule
def partition_image_area(system):
    """The first area holds the partition's image and its entry point: it is
    loaded there at every cold reset and run from there."""
    for p in system.partitions:
        if not p.areas:
            continue
        a = p.areas[0]
        bad = next((f for f in ("shared", "unmapped", "read-only") if f in a.flags), None)
        if bad:
            yield violation(f"Partition '{p.name}' area {area(a)} holds its image and entry point: it may not "
                            f"be {bad}", a.line)


@rule
def mem_area_empty(system):
    for owner, areas in owners(system):
        for a in areas:
            if a.size == 0:
                yield violation(f"{owner} area {area(a)} is empty", a.line)


@rule
def mem_area_wrap(system):
    for owner, areas in owners(system):
        for a in areas:
            if wraps(a):
                yield violation(f"{owner} area {area(a)} runs past the end of the 32-bit address space", a.line)
            if view_wraps(a):
                yield violation(f"{owner} area {area(a)} mapped at {hex_(a.mapped_at)} runs past the end of "
                                f"the 32-bit address space", a.line)


@rule
def mem_area_outside_region(system):
    for owner, areas in owners(system):
        for a in areas:
            if not in_space(a) or in_io_window(a.start, a.size):
                continue  # MEM-AREA-WRAP, MEM-IO-WINDOW
            if not any(r.start <= a.start and a.end <= r.end for r in system.regions):
                yield violation(f"{owner} area {area(a)} is not inside any MemoryLayout Region", a.line)


@rule
def mem_area_self_overlap(system):
    for owner, areas in owners(system):
        for a, b in later_pairs(areas):
            if in_space(a) and in_space(b) and areas_overlap(a, b):
                yield violation(f"{owner} area {area(b)} overlaps its own area {area(a)}", b.line,
                                [Note(a.line, f"{owner} area {area(a)} is defined here")])


@rule
def mem_area_overlap(system):
    """Areas of two different partitions are disjoint unless both are shared."""
    for p, q in later_pairs(system.partitions):
        for b in q.areas:
            for a in p.areas:
                if not (in_space(a) and in_space(b) and areas_overlap(a, b)):
                    continue
                if "shared" in a.flags and "shared" in b.flags:
                    continue
                yield violation(f"Partition '{q.name}' area {area(b)} overlaps Partition '{p.name}' area {area(a)}",
                                b.line, [Note(a.line, f"Partition '{p.name}' area {area(a)} is defined here")])


@rule
def mem_area_hypervisor(system):
    """No partition area overlaps the hypervisor's own areas."""
    for p in system.partitions:
        for a in p.areas:
            for h in system.hypervisor_areas:
                if in_space(a) and in_space(h) and areas_overlap(a, h):
                    yield violation(f"Partition '{p.name}' area {area(a)} overlaps the XMHypervisor area {area(h)}",
                                    a.line, [Note(h.line, f"XMHypervisor area {area(h)} is defined here")])


@rule
def mem_area_rsw(system):
    owners_but_rsw = [("XMHypervisor", system.hypervisor_areas)] + [(partition(p), p.areas)
                                                                    for p in system.partitions]
    for owner, areas in owners_but_rsw:
        for a in areas:
            for r in system.rsw_areas:
                if in_space(a) and in_space(r) and areas_overlap(a, r):
                    yield violation(f"{owner} area {area(a)} overlaps the ResidentSw area {area(r)}", a.line,
                                    [Note(r.line, f"ResidentSw area {area(r)} is defined here")])


@rule
def mem_hypervisor_room(system):
    room = TARGET.min_hypervisor_area
    if system.hypervisor_areas and system.hypervisor_areas[0].size < room:
        a = system.hypervisor_areas[0]
        yield violation(f"the first XMHypervisor area {area(a)} is smaller than {fmt_size(room)}: it holds the "
                        f"hypervisor image, the PCT pages and the page tables", a.line)


@rule
def mmu_align(system):
    page = TARGET.mmu_page
    for h in system.hypervisor_areas:
        if (h.start | h.size) % page:
            yield violation(f"XMHypervisor area {area(h)} is not aligned to {PAGE_TEXT}", h.line)
    for p in system.partitions:
        for a in p.areas:
            if (a.start | a.size | a.virtual_start) % page:
                yield violation(f"Partition '{p.name}' area {area(a)} (mapped at {hex_(a.virtual_start)}) is not "
                                f"aligned to {PAGE_TEXT}", a.line)


@rule
def mmu_virtual_collision(system):
    """What a partition sees (its mapped areas, at their virtual addresses)
    must not land on the hypervisor's areas (mapped in every context), on
    the I/O window or on another of its own mapped areas.

    An area seen where it lies (no mappedAt, or mappedAt == start) that
    lands on the hypervisor is MEM-AREA-HYPERVISOR's overlap, and two such
    areas of one partition are MEM-AREA-SELF-OVERLAP's: those are not
    reported twice. The I/O window is always checked."""
    def seen(a):
        return "unmapped" not in a.flags and in_space(a) and not view_wraps(a)

    def moved(a):
        return a.virtual_start != a.start

    for p in system.partitions:
        for j, a in enumerate(p.areas):
            if not seen(a):
                continue
            va = a.virtual_start
            head = f"Partition '{p.name}' area {area(a)} seen at {hex_(va)} collides with"
            hit = next((h for h in system.hypervisor_areas
                        if moved(a) and in_space(h) and overlap(va, a.size, h.start, h.size)), None)
            if hit is not None:
                yield violation(f"{head} the XMHypervisor area", a.line,
                                [Note(hit.line, f"XMHypervisor area {area(hit)} is defined here")])
            if overlap(va, a.size, *IO_WINDOW) and (moved(a) or not in_io_window(a.start, a.size)):
                yield violation(f"{head} {IO_WINDOW_TEXT}", a.line)
            for b in p.areas[:j]:
                if seen(b) and (moved(a) or moved(b)) and overlap(va, a.size, b.virtual_start, b.size):
                    yield violation(f"{head} another of its own areas", a.line,
                                    [Note(b.line, f"Partition '{p.name}' area {area(b)} seen at "
                                                  f"{hex_(b.virtual_start)} is defined here")])
                    break


@rule
def trace_device(system):
    """A trace stream is hypervisor memory: whole pages the page tables map
    supervisor-only, inside a region, that no area reaches, one per block.
    The Traces in the order written (XMHypervisor's first), and for each the
    first condition it breaks, as the C++ layer checks them; a device nobody
    declares is DEVICE-UNKNOWN's."""
    traces = [("XMHypervisor", system.hypervisor_trace)] + [(p.name, p.trace) for p in system.partitions]
    traces = [(who, t) for who, t in traces if t is not None and t.device is not None]
    declared = {d.name for d in system.devices}
    blocks = {}
    for d in system.devices:
        if d.kind == "memory_block":
            blocks.setdefault(d.name, d)
    areas = [(o, a) for o, list_ in owners(system) if o != "ResidentSw" for a in list_]
    streams = {}  # block name -> (owner, Trace) of the first Trace to name it
    for who, t in traces:
        if t.device not in declared:
            continue
        text = f"{who} Trace device '{t.device}' "
        b = blocks.get(t.device)
        here = Note(t.line, f"{who} Trace is defined here")
        if b is None:
            yield violation(text + "is not a MemoryBlock", t.line)
            continue
        page = TARGET.mmu_page
        if b.size == 0 or b.start % page or b.size % page:
            yield violation(text + f"must be whole {PAGE_TEXT}, at least one", b.line, [here])
            continue
        if not any(b.start >= r.start and b.start + b.size <= r.start + r.size for r in system.regions):
            yield violation(text + "lies outside every memory region", b.line, [here])
            continue
        hit = next(((o, a) for o, a in areas if overlap(a.start, a.size, b.start, b.size)), None)
        if hit is not None:
            yield violation(text + "overlaps a memory area: no partition may reach a trace stream", b.line,
                            [here, Note(hit[1].line, f"{hit[0]} area {area(hit[1])} is defined here")])
            continue
        first = streams.setdefault(b.name, (who, t))
        if first[1] is not t:
            yield violation(text + "is another Trace's stream", t.line,
                            [Note(first[1].line, f"{first[0]} Trace names device '{t.device}' here")])
