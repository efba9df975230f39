"""Step 4: model -> C++ tables and link scripts, through Jinja2 templates
that only format (StrictUndefined: a missing value is a bug, not a blank)."""
import json
import os
import re
from pathlib import Path

import jinja2

from . import tables
from .tables import SCHEMA_VERSION

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# A debug hook for tests/tables: when set, emit() also writes there, as
# JSON, what it means system.hpp to hold (tables.intent).
INTENT_ENV = "STRATUM_GEN_INTENT"


def _cstr(s):
    out = ['"']
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        else:
            out.extend(f"\\{b:03o}" for b in ch.encode())  # octal: never more than 3 digits
    out.append('"')
    return "".join(out)


def _area_flags(area):
    bits = [tables.AREA_FLAGS[f] for f in area.flags if f in tables.AREA_FLAGS]
    if area.mapped_at is not None:
        bits.append("area_flag::mapped_at")
    return " | ".join(bits) or "0"


def _partition_flags(p):
    return " | ".join(tables.PARTITION_FLAGS[f] for f in p.flags if f in tables.PARTITION_FLAGS) or "0"


def environment():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             line_statement_prefix="%%", trim_blocks=True, lstrip_blocks=True)
    env.filters["hex"] = lambda v: f"0x{v:08x}"
    env.filters["cstr"] = _cstr
    env.filters["cstr_or_null"] = lambda s: "nullptr" if s is None else _cstr(s)
    env.filters["area_flags"] = _area_flags
    env.filters["partition_flags"] = _partition_flags
    return env


def _write_if_changed(path, text):
    text = re.sub(r"\n{3,}", "\n\n", text)  # the macros' empty expansions
    path = Path(path)
    if path.exists() and path.read_text() == text:
        return
    path.write_text(text)


def outputs(system):
    return ["system.hpp", "hypervisor.ld"] + [f"partition_{p.id}.ld" for p in system.partitions]


def emit(system, source, outdir):
    env = environment()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    ctx = dict(system=system, source=source, schema_version=SCHEMA_VERSION, shapes=tables.FIELDS)
    if os.environ.get(INTENT_ENV):
        Path(os.environ[INTENT_ENV]).write_text(json.dumps(tables.intent(system), indent=1) + "\n")
    _write_if_changed(outdir / "system.hpp", env.get_template("system.hpp.j2").render(ctx))
    _write_if_changed(outdir / "hypervisor.ld", env.get_template("hypervisor.ld.j2").render(ctx))
    for p in system.partitions:
        _write_if_changed(outdir / f"partition_{p.id}.ld",
                          env.get_template("partition.ld.j2").render(ctx, partition=p))
