"""Interrupt lines and I/O ports (docs/configuration-rules.md, "Hardware
resources"; C++: include/stratum/config/check_hardware.hpp)."""
from ..units import fmt_size
from .common import ADDRESS_SPACE, IO_WINDOW, IO_WINDOW_TEXT, TARGET, Note, hex_, later_pairs, overlap, rule, violation

# Why a line is the hypervisor's.
IRQ_RESERVED = {**{n: "which the hypervisor's timers use" for n in TARGET.timer_irq},
                TARGET.nmi_irq: "which cannot be masked (LEON3's non-maskable interrupt)"}
# The APB devices the hypervisor drives, one APB slot each: no partition
# gets their I/O ports.
IO_RESERVED = (("console UART", TARGET.apbuart), ("IRQMP", TARGET.irqmp), ("GPTIMER", TARGET.gptimer))


@rule
def irq_line_invalid(system):
    last = TARGET.irq_line_last
    for p in system.partitions:
        for n in p.irq_lines:
            if not 1 <= n <= last:
                yield violation(f"Partition '{p.name}' asks for interrupt line {n}; LEON3 lines are 1 to {last}",
                                p.irq_line_no)


@rule
def irq_line_reserved(system):
    for p in system.partitions:
        for n in p.irq_lines:
            if n in IRQ_RESERVED:
                yield violation(f"Partition '{p.name}' asks for interrupt line {n}, {IRQ_RESERVED[n]}",
                                p.irq_line_no)


@rule
def irq_line_shared(system):
    given = {}
    for q in system.partitions:
        for n in q.irq_lines:
            p = given.get(n)
            if p is None:
                given[n] = q
                continue
            yield violation(f"Partition '{q.name}' asks for interrupt line {n}, already given to Partition "
                            f"'{p.name}'", q.irq_line_no,
                            [Note(p.irq_line_no, f"Partition '{p.name}' is given interrupt line {n} here")])


def _ports(port):
    if port.kind == "restricted":
        return f"restricted I/O port {hex_(port.address)} mask {hex_(port.mask)}"
    return f"I/O ports {hex_(port.address)}+{port.count}"


def _verb(port, verb):
    """'I/O ports ... lie', 'restricted I/O port ... lies'."""
    return verb + "s" if port.kind == "restricted" else verb


def _bytes(port):
    """(first byte, bytes) of a Range or a Restricted port: ports are 4 bytes."""
    return port.address, (4 * port.count if port.kind == "range" else 4)


def _in_space(port):
    start, size = _bytes(port)
    return start + size <= ADDRESS_SPACE


@rule
def ioport_align(system):
    for p in system.partitions:
        for port in p.io_ports:
            if port.address % 4:
                yield violation(f"Partition '{p.name}' I/O port {hex_(port.address)} is not aligned to 4 bytes",
                                port.line)


@rule
def ioport_wrap(system):
    for p in system.partitions:
        for port in p.io_ports:
            if not _in_space(port):
                yield violation(f"Partition '{p.name}' {_ports(port)} {_verb(port, 'run')} past the end of the "
                                f"32-bit address space", port.line)


@rule
def ioport_window(system):
    """LEON3 I/O ports are the APB devices' registers, in the I/O window."""
    lo, size = IO_WINDOW
    for p in system.partitions:
        for port in p.io_ports:
            start, n = _bytes(port)
            if _in_space(port) and not (lo <= start and start + n <= lo + size):
                yield violation(f"Partition '{p.name}' {_ports(port)} {_verb(port, 'lie')} outside "
                                f"{IO_WINDOW_TEXT}", port.line)


@rule
def ioport_reserved(system):
    slot = TARGET.apb_slot_size
    for p in system.partitions:
        for port in p.io_ports:
            hit = next(((name, start) for name, start in IO_RESERVED if overlap(*_bytes(port), start, slot)), None)
            if hit is not None:
                yield violation(f"Partition '{p.name}' {_ports(port)} {_verb(port, 'overlap')} the hypervisor's "
                                f"{hit[0]} at {hex_(hit[1])}+{fmt_size(slot)}", port.line)


@rule
def ioport_shared(system):
    """A Range covers [base, base + 4 * noPorts), a Restricted port
    [address, address + 4). Two Restricted ports at the same address are
    IOPORT-MASK-OVERLAP's business."""
    for p, q in later_pairs(system.partitions):
        for b in q.io_ports:
            for a in p.io_ports:
                if a.kind == "restricted" and b.kind == "restricted" and a.address == b.address:
                    continue
                if overlap(*_bytes(a), *_bytes(b)):
                    yield violation(f"Partition '{q.name}' {_ports(b)} overlap Partition '{p.name}' {_ports(a)}",
                                    b.line, [Note(a.line, f"Partition '{p.name}' {_ports(a)} is defined here")])


@rule
def ioport_mask_overlap(system):
    restricted = [(p, port) for p in system.partitions for port in p.io_ports if port.kind == "restricted"]
    for (p, a), (q, b) in later_pairs(restricted):
        if a.address == b.address and a.mask & b.mask:
            yield violation(f"Partition '{q.name}' restricted I/O port {hex_(b.address)} mask {hex_(b.mask)} "
                            f"overlaps the mask {hex_(a.mask)} of Partition '{p.name}'", b.line,
                            [Note(a.line, f"Partition '{p.name}' {_ports(a)} is defined here")])
