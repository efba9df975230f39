"""Step 1: XML -> validated tree -> model. Syntax, schema and unit errors
become diagnostics with the file's line numbers, all of them at once."""
import re
from pathlib import Path

from lxml import etree

from . import model, units
from .diag import ConfigError, Diagnostic

NS = "http://www.xtratum.org/xm-3.x"
SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "xmcf.xsd"


def _q(tag):
    return f"{{{NS}}}{tag}"


def _clean(message):
    # lxml spells elements with their namespace: "{http://...}Slot" -> "Slot".
    return re.sub(r"\{[^}]*\}", "", message)


def load_tree(path):
    try:
        tree = etree.parse(str(path), etree.XMLParser(remove_comments=True, resolve_entities=False,
                                                      no_network=True))
    except etree.XMLSyntaxError as e:
        line = e.lineno or 1
        msg = re.sub(r", line \d+, column \d+$", "", _clean(e.msg))  # the line is printed in front
        raise ConfigError([Diagnostic("XML", f"not well-formed XML: {msg}", line)])
    except OSError as e:
        raise ConfigError([Diagnostic("XML", f"cannot read the file: {e}", 1)])
    root = tree.getroot()
    if root.tag != _q("SystemDescription"):
        tag = etree.QName(root)
        raise ConfigError([Diagnostic(
            "XSD", f"the root element must be SystemDescription in namespace {NS} "
                   f"(found {tag.localname} in namespace {tag.namespace or 'none'}); "
                   f"write <SystemDescription xmlns=\"{NS}\" ...>", root.sourceline or 1)])
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))
    if not schema.validate(tree):
        raise ConfigError([Diagnostic("XSD", _clean(e.message), e.line) for e in schema.error_log])
    return tree


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
            self.errors.append(Diagnostic("UNIT", f"{etree.QName(el).localname}@{attr}: {e}",
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
                              line=a.sourceline))
    return out


def build_model(tree):
    root = tree.getroot()
    r = _Reader()
    system = model.System(name=root.get("name"), version=root.get("version"), line=root.sourceline)

    hw = root.find(_q("HwDescription"))
    for reg in hw.iterfind(f"{_q('MemoryLayout')}/{_q('Region')}"):
        system.regions.append(model.Region(type=reg.get("type"), start=r.get(reg, "start", units.hex_u32),
                                           size=r.get(reg, "size", units.size), line=reg.sourceline))
    for cpu in hw.iterfind(f"{_q('ProcessorTable')}/{_q('Processor')}"):
        proc = model.Processor(id=int(cpu.get("id")), frequency_khz=r.get(cpu, "frequency", units.frequency_khz),
                               plans=[], line=cpu.sourceline)
        for plan in cpu.iterfind(f".//{_q('Plan')}"):
            p = model.Plan(id=int(plan.get("id")), major_frame_us=r.get(plan, "majorFrame", units.time_us),
                           slots=[], line=plan.sourceline)
            for s in plan.iterfind(_q("Slot")):
                p.slots.append(model.Slot(id=int(s.get("id")), start_us=r.get(s, "start", units.time_us),
                                          duration_us=r.get(s, "duration", units.time_us),
                                          partition_id=int(s.get("partitionId")), line=s.sourceline))
            proc.plans.append(p)
        system.processors.append(proc)

    xm = root.find(_q("XMHypervisor"))
    system.hypervisor_areas = _areas(r, xm.find(_q("PhysicalMemoryAreas")))

    for part in root.iterfind(f"{_q('PartitionTable')}/{_q('Partition')}"):
        system.partitions.append(model.Partition(
            id=int(part.get("id")), name=part.get("name"),
            flags=[f for f in (part.get("flags") or "").split() if f != "none"],
            areas=_areas(r, part.find(_q("PhysicalMemoryAreas"))), line=part.sourceline))

    if r.errors:
        raise ConfigError(r.errors)
    return system


def load(path):
    return build_model(load_tree(path))
