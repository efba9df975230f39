"""What system.hpp.j2 writes, said once more as data: the fields of each
model aggregate it fills, and the value it means each field to hold.

FIELDS is the generator's idea of include/stratum/config/model.hpp: the
template turns each count into a Boost.PFR `static_assert`, so tables
generated for another shape of the model do not compile. intent() is the
model as the tables should hold it; tests/tables reads the compiled tables
back with Boost.PFR and compares them with it field by field. It is kept
apart from the template on purpose: a template that writes a value into the
wrong field, or formats it wrongly, then disagrees with it.

intent() encodes an aggregate as {"struct": name, "fields": {field: value}},
a span as a list, a C string as a str or None, and an enumerator or a set of
flag bits as {"symbols": [C++ names]}, which only the compiler can value.
"""
SCHEMA_VERSION = 2  # must equal stratum::config::schema_version

# The XML's flag spellings and the model.hpp bits they stand for.
AREA_FLAGS = {"unmapped": "area_flag::unmapped", "shared": "area_flag::shared",
              "read-only": "area_flag::read_only", "uncacheable": "area_flag::uncacheable",
              "iommu": "area_flag::iommu", "rom": "area_flag::rom"}
PARTITION_FLAGS = {"system": "partition_flag::system", "fp": "partition_flag::fp",
                   "boot": "partition_flag::boot"}

# In declaration order, as model.hpp has them.
FIELDS = {
    "MemoryRegion": ("type", "start", "size"),
    "MemoryArea": ("start", "size", "flags", "mapped_at", "name"),
    "HmEvent": ("name", "action", "log"),
    "Trace": ("device", "bitmask"),
    "TemporalRequirements": ("duration_us", "period_us", "given"),
    "IoPort": ("kind", "address", "count", "mask"),
    "Port": ("name", "kind", "direction"),
    "Partition": ("id", "name", "flags", "areas", "console", "processors", "vcpus", "temporal",
                  "irq_lines", "io_ports", "ports", "hm_events", "trace"),
    "Slot": ("id", "start_us", "duration_us", "partition_id", "vcpu_id"),
    "Plan": ("id", "major_frame_us", "slots", "name"),
    "Processor": ("id", "frequency_khz", "plans", "features"),
    "Device": ("kind", "name", "id", "baud_rate", "start", "size"),
    "HypervisorConfig": ("areas", "console", "hm_device", "hm_events", "trace"),
    "ResidentSw": ("areas", "entry_point"),
    "ChannelEnd": ("partition_id", "partition_name", "port_name"),
    "SamplingChannel": ("max_message_length", "refresh_period_us", "source", "destinations",
                        "valid_period_us"),
    "QueuingChannel": ("max_message_length", "max_messages", "source", "destination"),
    "Ipvi": ("id", "source_id", "destination_ids"),
    "System": ("name", "schema_version", "memory_regions", "processors", "hypervisor", "partitions",
               "devices", "resident_sw", "sampling_channels", "queuing_channels", "ipvis", "version"),
}


def _agg(struct, **fields):
    # A field the generator forgets, or one FIELDS does not know, is this
    # module's bug: say so here rather than as a puzzling diff later.
    if tuple(fields) != FIELDS[struct]:
        raise AssertionError(f"tables.intent: {struct} given {tuple(fields)}, FIELDS says {FIELDS[struct]}")
    return {"struct": struct, "fields": fields}


def _sym(*names):
    return {"symbols": list(names)}


def _area(a):
    flags = [AREA_FLAGS[f] for f in a.flags if f in AREA_FLAGS]
    if a.mapped_at is not None:
        flags.append("area_flag::mapped_at")
    return _agg("MemoryArea", start=a.start, size=a.size, flags=_sym(*flags),
                mapped_at=a.virtual_start, name=a.name)


def _hm(e):
    return _agg("HmEvent", name=e.name, action=e.action, log=e.log)


def _trace(t):
    return _agg("Trace", device=t.device if t else None, bitmask=t.bitmask if t else 0)


def _temporal(t):
    return _agg("TemporalRequirements", duration_us=t[0] if t else 0, period_us=t[1] if t else 0,
                given=t is not None)


def _partition(p):
    return _agg(
        "Partition", id=p.id, name=p.name,
        flags=_sym(*(PARTITION_FLAGS[f] for f in p.flags if f in PARTITION_FLAGS)),
        areas=[_area(a) for a in p.areas], console=p.console, processors=list(p.processors),
        vcpus=p.vcpus, temporal=_temporal(p.temporal), irq_lines=list(p.irq_lines),
        io_ports=[_agg("IoPort", kind=_sym(f"IoPortKind::{io.kind}"), address=io.address,
                       count=io.count, mask=io.mask) for io in p.io_ports],
        ports=[_agg("Port", name=port.name, kind=_sym(f"PortKind::{port.kind}"),
                    direction=_sym(f"PortDirection::{port.direction}")) for port in p.ports],
        hm_events=[_hm(e) for e in p.hm_events], trace=_trace(p.trace))


def _processor(cpu):
    plans = [_agg("Plan", id=plan.id, major_frame_us=plan.major_frame_us,
                  slots=[_agg("Slot", id=s.id, start_us=s.start_us, duration_us=s.duration_us,
                              partition_id=s.partition_id, vcpu_id=s.vcpu_id) for s in plan.slots],
                  name=plan.name) for plan in cpu.plans]
    return _agg("Processor", id=cpu.id, frequency_khz=cpu.frequency_khz, plans=plans,
                features=cpu.features)


def _end(e):
    return _agg("ChannelEnd", partition_id=e.partition_id, partition_name=e.partition_name,
                port_name=e.port_name)


def intent(system):
    """`stratum_system::system` as the generator means to write it."""
    s = system
    return _agg(
        "System", name=s.name, schema_version=SCHEMA_VERSION,
        memory_regions=[_agg("MemoryRegion", type=_sym(f"RegionType::{r.type}"), start=r.start, size=r.size)
                        for r in s.regions],
        processors=[_processor(cpu) for cpu in s.processors],
        hypervisor=_agg("HypervisorConfig", areas=[_area(a) for a in s.hypervisor_areas],
                        console=s.hypervisor_console, hm_device=s.hypervisor_hm_device,
                        hm_events=[_hm(e) for e in s.hypervisor_hm_events], trace=_trace(s.hypervisor_trace)),
        partitions=[_partition(p) for p in s.partitions],
        devices=[_agg("Device", kind=_sym(f"DeviceKind::{d.kind}"), name=d.name, id=d.id,
                      baud_rate=d.baud_rate, start=d.start, size=d.size) for d in s.devices],
        resident_sw=_agg("ResidentSw", areas=[_area(a) for a in s.rsw_areas], entry_point=s.rsw_entry_point),
        sampling_channels=[_agg("SamplingChannel", max_message_length=c.max_message_length,
                                refresh_period_us=c.refresh_period_us, source=_end(c.source),
                                destinations=[_end(d) for d in c.destinations],
                                valid_period_us=c.valid_period_us) for c in s.sampling_channels],
        queuing_channels=[_agg("QueuingChannel", max_message_length=c.max_message_length,
                               max_messages=c.max_messages, source=_end(c.source),
                               destination=_end(c.destination)) for c in s.queuing_channels],
        ipvis=[_agg("Ipvi", id=v.id, source_id=v.source_id, destination_ids=list(v.destination_ids))
               for v in s.ipvis],
        version=s.version)
