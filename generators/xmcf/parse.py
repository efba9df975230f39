"""Step 1: XML -> validated tree -> model. Syntax, schema and unit errors
become diagnostics with the file's line numbers, all of them at once."""
import re
from pathlib import Path

from lxml import etree

from . import hm, model, units
from .diag import ConfigError, Diagnostic

NS = "http://www.xtratum.org/xm-3.x"
# The manual's text (8.3.2) prescribes the namespace xm-2.3, its listings
# write xm-3.x: both are read, and a file in xm-2.3 is read as xm-3.x.
NAMESPACES = (NS, "http://www.xtratum.org/xm-2.3")
# Where XtratuM loads itself on a LEON when XMHypervisor/PhysicalMemoryArea has no start.
DEFAULT_HYPERVISOR_START = 0x40000000
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "xmcf.xsd"

_XS = "{http://www.w3.org/2001/XMLSchema}"
_UNEXPECTED = re.compile(r"^Element '([^']+)': This element is not expected\.")
_NOT_ALLOWED = re.compile(r"^Element '([^']+)', attribute '([^']+)': The attribute '[^']+' is not allowed\.")


def _q(tag):
    return f"{{{NS}}}{tag}"


def _clean(message):
    # lxml spells elements with their namespace: "{http://...}Slot" -> "Slot".
    return re.sub(r"\{[^}]*\}", "", message)


def _parse(path):
    try:
        return etree.parse(str(path), etree.XMLParser(remove_comments=True, resolve_entities=False,
                                                      no_network=True))
    except etree.XMLSyntaxError as e:
        line = e.lineno or 1
        msg = re.sub(r", line \d+, column \d+$", "", _clean(e.msg))  # the line is printed in front
        raise ConfigError([Diagnostic("XML", f"not well-formed XML: {msg}", line)])
    except OSError as e:
        raise ConfigError([Diagnostic("XML", f"cannot read the file: {e}", 1)])


def _read_as_xm3(root):
    """A file in another namespace of NAMESPACES: its elements renamed into NS."""
    old = etree.QName(root).namespace
    for el in root.iter():
        if isinstance(el.tag, str) and etree.QName(el).namespace == old:
            el.tag = _q(etree.QName(el).localname)
    etree.cleanup_namespaces(root, top_nsmap={None: NS})


def _known_elements(schema_tree):
    return {_q(el.get("name")) for el in schema_tree.iter(f"{_XS}element") if el.get("name")}


def _prune(tree, error, known):
    """Removes what `error` says the schema does not know (an element no
    schema declares anywhere, e.g. a vendor's extension, or an attribute not
    allowed where it is written) and says whether it did. Anything else (a
    missing or misplaced element, a bad value) is not pruned: then no rule
    runs, since the model could not be trusted."""
    m = _UNEXPECTED.match(error.message)
    if m and m.group(1) not in known:
        hits = [el for el in tree.iter(m.group(1)) if el.sourceline == error.line]
        for el in hits:
            el.getparent().remove(el)
        return bool(hits)
    m = _NOT_ALLOWED.match(error.message)
    if m:
        hits = [el for el in tree.iter(m.group(1)) if el.sourceline == error.line and m.group(2) in el.attrib]
        for el in hits:
            del el.attrib[m.group(2)]
        return bool(hits)
    return False


def load_tree(path):
    """(tree, schema diagnostics). Unknown elements and attributes are
    errors, but they are taken out of the tree and the rest is still read,
    so that one vendor extension does not hide every rule: the diagnostics
    come back with the tree. Any other schema error stops here."""
    tree = _parse(path)
    root = tree.getroot()
    tag = etree.QName(root)
    if tag.localname != "SystemDescription" or tag.namespace not in NAMESPACES:
        raise ConfigError([Diagnostic(
            "XSD", f"the root element must be SystemDescription in namespace {' or '.join(NAMESPACES)} "
                   f"(found {tag.localname} in namespace {tag.namespace or 'none'}); "
                   f"write <SystemDescription xmlns=\"{NS}\" ...>", root.sourceline or 1)])
    if tag.namespace != NS:
        _read_as_xm3(root)
    schema_tree = etree.parse(str(SCHEMA_PATH))
    schema, known = etree.XMLSchema(schema_tree), _known_elements(schema_tree)
    found, seen = [], set()
    while not schema.validate(tree):
        errors = [e for e in schema.error_log if (e.line, e.message) not in seen]
        seen.update((e.line, e.message) for e in errors)
        found += [Diagnostic("XSD", _clean(e.message), e.line) for e in errors]
        if not errors or not all([_prune(tree, e, known) for e in errors]):
            raise ConfigError(found)
    return tree, found


class _Reader:
    """Turns attribute text into numbers, collecting unit errors."""

    def __init__(self):
        self.errors = []

    def get(self, el, attr, conv, default=None):
        text = el.get(attr)
        if text is None:
            return default
        try:
            return conv(text)
        except units.UnitError as e:
            self.errors.append(Diagnostic(e.rule, f"{etree.QName(el).localname}@{attr}: {e}",
                                          el.sourceline))
            return default if default is not None else 0


def _areas(r, parent):
    out = []
    if parent is None:
        return out
    for a in parent.iterfind(_q("Area")):
        out.append(model.Area(start=r.get(a, "start", units.hex_u32),
                              size=r.get(a, "size", units.size),
                              flags=(a.get("flags") or "").split(),
                              mapped_at=r.get(a, "mappedAt", units.hex_u32),
                              line=a.sourceline, name=a.get("name")))
    return out


def _hm_events(parent):
    if parent is None:
        return []
    return [model.HmEvent(name=hm.canonical(e.get("name")), action=e.get("action"),
                          log=e.get("log") in ("yes", "true"), line=e.sourceline, written=e.get("name"))
            for e in parent.iterfind(_q("Event"))]


def _trace(r, el):
    if el is None:
        return None
    return model.Trace(device=el.get("device"), bitmask=r.get(el, "bitmask", units.hex_u32, 0), line=el.sourceline)


def _end(r, el):
    return model.ChannelEnd(partition_id=r.get(el, "partitionId", units.u32, 0),
                            partition_name=el.get("partitionName"), port_name=el.get("portName"),
                            line=el.sourceline)


def build_model(tree):
    root = tree.getroot()
    r = _Reader()
    system = model.System(name=root.get("name"), version=root.get("version"), line=root.sourceline)

    hw = root.find(_q("HwDescription"))
    for reg in hw.iterfind(f"{_q('MemoryLayout')}/{_q('Region')}"):
        system.regions.append(model.Region(type=reg.get("type"), start=r.get(reg, "start", units.hex_u32),
                                           size=r.get(reg, "size", units.size), line=reg.sourceline))
    for cpu in hw.iterfind(f"{_q('ProcessorTable')}/{_q('Processor')}"):
        proc = model.Processor(id=r.get(cpu, "id", units.u32), frequency_khz=r.get(cpu, "frequency", units.frequency_khz),
                               plans=[], line=cpu.sourceline, features=cpu.get("features"))
        for plan in cpu.iterfind(f".//{_q('Plan')}"):
            p = model.Plan(id=r.get(plan, "id", units.u32), major_frame_us=r.get(plan, "majorFrame", units.time_us),
                           slots=[], line=plan.sourceline, name=plan.get("name"))
            for s in plan.iterfind(_q("Slot")):
                p.slots.append(model.Slot(id=r.get(s, "id", units.u32), start_us=r.get(s, "start", units.time_us),
                                          duration_us=r.get(s, "duration", units.time_us),
                                          partition_id=r.get(s, "partitionId", units.u32), line=s.sourceline,
                                          vcpu_id=r.get(s, "vCpuId", units.u32, 0)))
            proc.plans.append(p)
        system.processors.append(proc)
    devices = hw.find(_q("Devices"))
    if devices is not None:
        for d in devices:
            if d.tag == _q("Uart"):
                system.devices.append(model.Device(kind="uart", name=d.get("name"), line=d.sourceline,
                                                   id=r.get(d, "id", units.u32), baud_rate=r.get(d, "baudRate", units.u32)))
            elif d.tag == _q("MemoryBlock"):
                system.devices.append(model.Device(kind="memory_block", name=d.get("name"), line=d.sourceline,
                                                   start=r.get(d, "start", units.hex_u32), size=r.get(d, "size", units.size)))

    xm = root.find(_q("XMHypervisor"))
    system.hypervisor_line = xm.sourceline
    system.hypervisor_areas = _areas(r, xm.find(_q("PhysicalMemoryAreas")))
    single = xm.find(_q("PhysicalMemoryArea"))
    if single is not None:
        system.hypervisor_areas.append(model.Area(
            start=r.get(single, "start", units.hex_u32, DEFAULT_HYPERVISOR_START), size=r.get(single, "size", units.size),
            flags=(single.get("flags") or "").split(), mapped_at=None, line=single.sourceline))
    if (single is None) == (xm.find(_q("PhysicalMemoryAreas")) is None):
        raise ConfigError([Diagnostic("XSD", "XMHypervisor needs either PhysicalMemoryAreas or one "
                                             "PhysicalMemoryArea (not both, not neither)", xm.sourceline)])
    system.hypervisor_console = xm.get("console")
    system.hypervisor_hm_device = xm.get("healthMonitoringDevice") or xm.get("healthMonitorDevice")
    system.hypervisor_hm_events = _hm_events(xm.find(_q("HealthMonitor")))
    system.hypervisor_trace = _trace(r, xm.find(_q("Trace")))

    rsw = root.find(_q("ResidentSw"))
    if rsw is not None:
        system.rsw_areas = _areas(r, rsw.find(_q("PhysicalMemoryAreas")))
        system.rsw_entry_point = r.get(rsw, "entryPoint", units.hex_u32, 0)

    for part in root.iterfind(f"{_q('PartitionTable')}/{_q('Partition')}"):
        p = model.Partition(
            id=r.get(part, "id", units.u32), name=part.get("name"),
            flags=[f for f in (part.get("flags") or "").split() if f != "none"],
            areas=_areas(r, part.find(_q("PhysicalMemoryAreas"))), line=part.sourceline,
            console=part.get("console"), processors=r.get(part, "processor", units.u32_list, []),
            vcpus=r.get(part, "noVCpus", units.u32, 1))
        tr = part.find(_q("TemporalRequirements"))
        if tr is not None:
            p.temporal = (r.get(tr, "duration", units.time_us), r.get(tr, "period", units.time_us), tr.sourceline)
        hwr = part.find(_q("HwResources"))
        if hwr is not None:
            irq = hwr.find(_q("Interrupts"))
            if irq is not None:
                p.irq_lines = r.get(irq, "lines", units.u32_list, [])
                p.irq_line_no = irq.sourceline
            io = hwr.find(_q("IoPorts"))
            if io is not None:
                for port in io:
                    if port.tag == _q("Range"):
                        p.io_ports.append(model.IoPort(kind="range", address=r.get(port, "base", units.hex_u32),
                                                       count=r.get(port, "noPorts", units.u32), mask=0xFFFFFFFF,
                                                       line=port.sourceline))
                    elif port.tag == _q("Restricted"):
                        p.io_ports.append(model.IoPort(kind="restricted", address=r.get(port, "address", units.hex_u32),
                                                       count=1, mask=r.get(port, "mask", units.hex_u32, 0xFFFFFFFF),
                                                       line=port.sourceline))
        for port in part.iterfind(f"{_q('PortTable')}/{_q('Port')}"):
            p.ports.append(model.Port(name=port.get("name"), kind=port.get("type"), direction=port.get("direction"),
                                      line=port.sourceline))
        p.hm_events = _hm_events(part.find(_q("HealthMonitor")))
        p.trace = _trace(r, part.find(_q("Trace")))
        system.partitions.append(p)

    channels = root.find(_q("Channels"))
    if channels is not None:
        for ch in channels:
            if ch.tag == _q("SamplingChannel"):
                system.sampling_channels.append(model.SamplingChannel(
                    max_message_length=r.get(ch, "maxMessageLength", units.size),
                    refresh_period_us=r.get(ch, "refreshPeriod", units.time_us, 0),
                    valid_period_us=r.get(ch, "validPeriod", units.time_us, 0),
                    source=_end(r, ch.find(_q("Source"))),
                    destinations=[_end(r, d) for d in ch.iterfind(_q("Destination"))], line=ch.sourceline))
            elif ch.tag == _q("QueuingChannel"):
                system.queuing_channels.append(model.QueuingChannel(
                    max_message_length=r.get(ch, "maxMessageLength", units.size),
                    max_messages=r.get(ch, "maxNoMessages", units.u32),
                    source=_end(r, ch.find(_q("Source"))), destination=_end(r, ch.find(_q("Destination"))),
                    line=ch.sourceline))
            elif ch.tag == _q("Ipvi"):
                system.ipvis.append(model.Ipvi(id=r.get(ch, "id", units.u32), source_id=r.get(ch, "sourceId", units.u32),
                                               destination_ids=r.get(ch, "destinationId", units.u32_list, []),
                                               line=ch.sourceline))

    if r.errors:
        raise ConfigError(r.errors)
    return system


def load(path):
    """(system, schema diagnostics): see load_tree."""
    tree, schema_errors = load_tree(path)
    try:
        return build_model(tree), schema_errors
    except ConfigError as e:
        raise ConfigError(schema_errors + e.diagnostics) from None
