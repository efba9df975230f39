"""Ports, channels and Ipvis (docs/configuration-rules.md, "Ports and
channels"; C++: include/stratum/config/check_channels.hpp)."""
from ..units import fmt_size
from .common import TARGET, Note, area, out_of_sequence, partitions_by_id, repeats, rule, violation


def _port(p, name):
    return next((port for port in p.ports if port.name == name), None)


def _ends(system):
    """Every channel end, as (channel spelling, end spelling, end, kind,
    direction), in the order written."""
    ends = []
    for i, ch in enumerate(system.sampling_channels):
        name = f"SamplingChannel {i}"
        if ch.source is not None:
            ends.append((name, "Source", ch.source, "sampling", "source"))
        ends += [(name, f"Destination {k}", d, "sampling", "destination") for k, d in enumerate(ch.destinations)]
    for i, ch in enumerate(system.queuing_channels):
        name = f"QueuingChannel {i}"
        if ch.source is not None:
            ends.append((name, "Source", ch.source, "queuing", "source"))
        if ch.destination is not None:
            ends.append((name, "Destination 0", ch.destination, "queuing", "destination"))
    return sorted(ends, key=lambda e: e[2].line)


def _resolved_ends(system):
    """The channel ends whose partition and port exist: (channel, end name,
    end, kind, direction, partition, port)."""
    parts = partitions_by_id(system)
    for channel, end_name, end, kind, direction in _ends(system):
        p = parts.get(end.partition_id)
        port = _port(p, end.port_name) if p is not None else None
        if port is not None:
            yield channel, end_name, end, kind, direction, p, port


def _declared_here(p, port):
    return [Note(port.line, f"Partition '{p.name}' port '{port.name}' is declared here")]


def _defined_here(p):
    return [Note(p.line, f"Partition '{p.name}' (id {p.id}) is defined here")]


@rule
def port_name_duplicate(system):
    for p in system.partitions:
        for port, f in repeats(p.ports, lambda port: port.name):
            yield violation(f"Partition '{p.name}' declares port '{port.name}' twice", port.line,
                            [Note(f.line, f"Partition '{p.name}' port '{f.name}' is first declared here")])


@rule
def port_count(system):
    ports = [(p, port) for p in system.partitions for port in p.ports]
    if len(ports) > TARGET.max_ports:
        yield violation(f"the system has {len(ports)} ports; a port descriptor has room for {TARGET.max_ports}",
                        ports[TARGET.max_ports][1].line)


@rule
def port_name_length(system):
    for p in system.partitions:
        for port in p.ports:
            n = len(port.name.encode("utf-8"))
            if n > TARGET.max_port_name:
                yield violation(f"Partition '{p.name}' port '{port.name}' is {n} bytes long; a port name has at most "
                                f"{TARGET.max_port_name} (XM_PORT_NAME_MAX)", port.line)
                return


@rule
def channel_partition_unknown(system):
    parts = partitions_by_id(system)
    for channel, end_name, end, _kind, _direction in _ends(system):
        if end.partition_id not in parts:
            yield violation(f"{channel} {end_name} names partition {end.partition_id}, which does not exist",
                            end.line)


@rule
def channel_partition_name(system):
    parts = partitions_by_id(system)
    for channel, end_name, end, _kind, _direction in _ends(system):
        p = parts.get(end.partition_id)
        if p is not None and end.partition_name is not None and end.partition_name != p.name:
            yield violation(f"{channel} {end_name} names partition {end.partition_id} as '{end.partition_name}', "
                            f"but partition {end.partition_id} is '{p.name}'", end.line, _defined_here(p))


@rule
def channel_port_unknown(system):
    parts = partitions_by_id(system)
    for channel, end_name, end, _kind, _direction in _ends(system):
        p = parts.get(end.partition_id)
        if p is not None and _port(p, end.port_name) is None:
            yield violation(f"{channel} {end_name} names port '{end.port_name}', which Partition '{p.name}' "
                            f"does not declare", end.line, _defined_here(p))


@rule
def channel_port_kind(system):
    for channel, end_name, end, kind, _direction, p, port in _resolved_ends(system):
        if port.kind != kind:
            yield violation(f"{channel} {end_name} port '{port.name}' of Partition '{p.name}' is a {port.kind} port",
                            end.line, _declared_here(p, port))


@rule
def channel_port_direction(system):
    for channel, end_name, end, _kind, direction, p, port in _resolved_ends(system):
        if port.direction != direction:
            yield violation(f"{channel} {end_name} port '{port.name}' of Partition '{p.name}' is a "
                            f"{port.direction} port", end.line, _declared_here(p, port))


@rule
def channel_port_shared(system):
    ends = list(_resolved_ends(system))
    for (channel, end_name, end, _k, _d, p, port), other in repeats(ends, lambda e: (e[2].partition_id, e[6].name)):
        yield violation(f"{channel} {end_name} port '{port.name}' of Partition '{p.name}' is already connected "
                        f"by {other[0]}", end.line, [Note(other[2].line, f"{other[0]} {other[1]} connects it here")])


@rule
def channel_port_unconnected(system):
    connected = {(end.partition_id, end.port_name) for _c, _e, end, _k, _d in _ends(system)}
    for p in system.partitions:
        for port in p.ports:
            if (p.id, port.name) not in connected:
                yield violation(f"Partition '{p.name}' port '{port.name}' is connected to no channel", port.line)


@rule
def channel_message_size(system):
    channels = ([(f"SamplingChannel {i}", ch) for i, ch in enumerate(system.sampling_channels)] +
                [(f"QueuingChannel {i}", ch) for i, ch in enumerate(system.queuing_channels)])
    for name, ch in channels:
        if ch.max_message_length == 0:
            yield violation(f"{name} has a maxMessageLength of {fmt_size(0)}", ch.line)


def _round8(n):
    return (n + 7) & ~7


def channel_pool_bytes(system):
    """The channels' pool in hypervisor memory, bytes
    (include/stratum/config/channel_pool.hpp has the same formula)."""
    n = _round8(sum(len(p.ports) for p in system.partitions))
    n += sum(16 + _round8(ch.max_message_length) for ch in system.sampling_channels)
    n += sum(8 + ch.max_messages * (8 + _round8(ch.max_message_length)) for ch in system.queuing_channels)
    return n


@rule
def channel_pool_room(system):
    if not system.hypervisor_areas:
        return
    a = system.hypervisor_areas[0]
    room = max(a.size - TARGET.hypervisor_reserved_top - TARGET.hypervisor_code_allowance, 0)
    need = channel_pool_bytes(system)
    if need > room:
        yield violation(f"the channels need {fmt_size(min(need, 0xffffffff))} of hypervisor memory; the first XMHypervisor "
                        f"area {area(a)} has room for {fmt_size(room)} (its size less "
                        f"{fmt_size(TARGET.hypervisor_reserved_top)} of stacks, PCT pages and page tables and "
                        f"{fmt_size(TARGET.hypervisor_code_allowance)} of hypervisor code and data)", a.line)


@rule
def ipvi_id_sequence(system):
    for k, v in out_of_sequence(system.ipvis):
        yield violation(f"Ipvi {v.id} is Ipvi number {k}; Ipvi ids must be 0, 1, 2, ... in the order written",
                        v.line)


@rule
def ipvi_count(system):
    n, most = len(system.ipvis), TARGET.max_ipvis
    if n > most:
        yield violation(f"the system has {n} Ipvis; there are {most} inter-partition virtual interrupts",
                        system.ipvis[most].line)


@rule
def ipvi_partition_unknown(system):
    parts = partitions_by_id(system)
    for v in system.ipvis:
        for which, pid in [("source", v.source_id)] + [("destination", d) for d in v.destination_ids]:
            if pid not in parts:
                yield violation(f"Ipvi {v.id} {which} names partition {pid}, which does not exist", v.line)
