"""Names and identifiers (docs/configuration-rules.md, "Names and
identifiers"; C++: include/stratum/config/check_names.hpp)."""
import re

from .common import TARGET, Note, out_of_sequence, repeats, rule, violation

_NAME = re.compile(r"[A-Za-z0-9_]+")


@rule
def name_syntax(system):
    """Manual 2.7 restricts partition names, and only them, to letters,
    digits and '_'. Other names (the system's, plans', areas', devices',
    ports') are free text of XML (XtratuM's own systems are called
    `ctl-v1.2`): they are only printed."""
    for p in system.partitions:
        if p.name is not None and not _NAME.fullmatch(p.name):
            yield violation(f"Partition name '{p.name}' is not a valid name: use only letters, digits and '_'",
                            p.line)


@rule
def partition_id_sequence(system):
    for k, p in out_of_sequence(system.partitions):
        yield violation(f"Partition '{p.name}' has id {p.id}; partition ids must be 0, 1, 2, ... "
                        f"in the order written (expected {k})", p.line)


@rule
def partition_name_duplicate(system):
    for p, q in repeats(system.partitions, lambda p: p.name):
        yield violation(f"Partition '{p.name}' (id {p.id}) has the same name as partition {q.id}", p.line,
                        [Note(q.line, f"Partition '{q.name}' (id {q.id}) is defined here")])


@rule
def partition_count(system):
    n, room = len(system.partitions), TARGET.max_partitions
    if n > room:
        yield violation(f"the system has {n} partitions; the image has room for {room}",
                        system.partitions[room].line)


@rule
def processor_id_sequence(system):
    for k, c in out_of_sequence(system.processors):
        yield violation(f"Processor {c.id} is processor number {k}; processor ids must be 0, 1, 2, ... "
                        f"in the order written", c.line)


@rule
def processor_frequency(system):
    for c in system.processors:
        f = c.frequency_khz
        if f == 0 or f % 1000 != 0:
            yield violation(f"Processor {c.id} frequency {f}kHz is not a whole, non-zero number of MHz: "
                            f"the 1us timer tick would not be exact", c.line)


@rule
def device_name_duplicate(system):
    for d, e in repeats(system.devices, lambda d: d.name):
        yield violation(f"Device name '{d.name}' is declared twice", d.line,
                        [Note(e.line, f"Device name '{e.name}' is first declared here")])


@rule
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
            yield violation(f"{who} names device '{dev}', which HwDescription/Devices does not declare", line)
