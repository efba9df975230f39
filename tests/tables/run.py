#!/usr/bin/python3
"""The generated tables read back: for every valid system of the corpus,
what the compiled system.hpp holds must be what the generator meant to write.

For each XML: `stratum-gen generate` writes system.hpp and, through its
debug hook (STRATUM_GEN_INTENT, generators/xmcf/emit.py), the intent as JSON;
a native program (dump.cpp, linked with a file that includes that
system.hpp) prints the tables back with Boost.PFR; the two are compared and
the first difference is reported with its path (`partitions[2].areas[1].size`).
Systems that board leon3-qemu cannot run (--other-board) are generated with
`--board none`.

Then the Boost.PFR shape checks are tried for the LEON3 on one system.hpp:
they hold against the model, and fail with the template's message against a
model whose MemoryArea has grown a field. (Every other system.hpp is
compiled for the LEON3 by the image builds and the config tests.)
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
NATIVE_FLAGS = ["-std=c++20", "-O0", "-Wall", "-Wextra", "-Werror"]
CROSS_FLAGS = ["-std=c++20", "-m32", "-mcpu=leon3", "-fno-pic", "-ffreestanding", "-fno-exceptions",
               "-fno-rtti", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"]
# Each system's part of the dump program (dump.cpp says why).
SYSTEM_TU = """#include <system.hpp>
const stratum::config::System& generated_system() { return stratum_system::system; }
"""
SHAPE_MESSAGE = re.compile(r"stratum::config::MemoryArea does not have the \d+ fields they fill; "
                           r"regenerate system\.hpp")


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "LC_ALL": "C", **kw.pop("env", {})},
                       **kw)
    return p.returncode, p.stdout + p.stderr


def show(v):
    # Addresses and sizes read better in hex, as the XML and system.hpp write them.
    return f"{v:#x}" if type(v) is int and v >= 4096 else repr(v)


def compare(want, got, path, symbols):
    """The first difference between the intent `want` and the tables `got`, or None."""
    where = path or "system"
    if isinstance(want, dict) and "struct" in want:
        fields = want["fields"]
        if not isinstance(got, list) or len(got) != len(fields):
            n = len(got) if isinstance(got, list) else "no"
            return f"{where}: the tables' {want['struct']} has {n} fields, the generator wrote {len(fields)}"
        for (name, w), g in zip(fields.items(), got):
            d = compare(w, g, f"{path}.{name}" if path else name, symbols)
            if d:
                return d
        return None
    if isinstance(want, dict) and "symbols" in want:
        unknown = [s for s in want["symbols"] if s not in symbols]
        if unknown:
            return f"{where}: the generator writes {unknown[0]}, which tests/tables/dump.cpp does not value"
        value = 0
        for s in want["symbols"]:
            value |= symbols[s]
        if value != got:
            meant = " | ".join(want["symbols"]) or "0"
            return f"{where}: the tables hold {show(got)}, the generator meant {meant} = {show(value)}"
        return None
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            n = len(got) if isinstance(got, list) else repr(got)
            return f"{where}: the tables hold {n} elements, the generator meant {len(want)}"
        for i, (w, g) in enumerate(zip(want, got)):
            d = compare(w, g, f"{path}[{i}]", symbols)
            if d:
                return d
        return None
    if type(want) is not type(got) or want != got:
        return f"{where}: the tables hold {show(got)}, the generator meant {show(want)}"
    return None


def check_system(a, xml, board, outdir):
    """None when the tables of `xml`, generated for `board`, read back as
    meant, else what went wrong."""
    intent = outdir / "intent.json"
    intent.unlink(missing_ok=True)  # a stale one would hide a generator that no longer writes it
    rc, out = run([sys.executable, a.generator, "generate", str(xml), "--board", board, "-o", str(outdir)],
                  env={"STRATUM_GEN_INTENT": str(intent)})
    if rc != 0:
        return f"generate failed:\n{out}"
    include = [f"-I{outdir}", f"-I{a.source_root / 'include'}"]
    exe = outdir / "dump"
    rc, out = run([a.cxx, *NATIVE_FLAGS, *include, "-x", "c++", "-", "-x", "none", str(a.dump_o), "-o", str(exe)],
                  input=SYSTEM_TU)
    if rc != 0:
        return f"system.hpp does not compile on the host, or dump.o does not link with it:\n{out}"
    p = subprocess.run([str(exe)], capture_output=True)
    if p.returncode != 0:
        return f"dump exited with {p.returncode}:\n{p.stderr.decode(errors='replace')}"
    got = json.loads(p.stdout.decode())
    return compare(json.loads(intent.read_text()), got["system"], "", got["symbols"])


def check_shape_guard(a, outdir):
    """The template's shape checks hold for the LEON3, and fire on a model
    that is not the one the tables were generated for (here: MemoryArea with
    one field more)."""
    rc, out = run([a.cross_cxx, *CROSS_FLAGS, f"-I{outdir}", f"-I{a.source_root / 'include'}", "-x", "c++", "-"],
                  input="#include <system.hpp>\n")
    if rc != 0:
        return f"shape guard: {outdir / 'system.hpp'} does not compile for the LEON3:\n{out}"
    shadow = outdir / "shadow"
    shutil.rmtree(shadow, ignore_errors=True)
    shutil.copytree(a.source_root / "include" / "stratum" / "config", shadow / "stratum" / "config")
    model = shadow / "stratum" / "config" / "model.hpp"
    text, n = re.subn(r"(struct MemoryArea \{\n)", r"\1  std::uint32_t grown_since = 0;\n", model.read_text())
    if n != 1:
        return "shape guard: struct MemoryArea not found in model.hpp"
    model.write_text(text)
    include = [f"-I{outdir}", f"-I{shadow}", f"-I{a.source_root / 'include'}"]
    rc, out = run([a.cross_cxx, *CROSS_FLAGS, *include, "-x", "c++", "-"], input="#include <system.hpp>\n")
    if rc == 0 or not SHAPE_MESSAGE.search(out):
        return f"shape guard: a grown MemoryArea must fail with '{SHAPE_MESSAGE.pattern}' (exit {rc}):\n{out}"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--generator", required=True)
    ap.add_argument("--cxx", required=True, help="native C++ compiler")
    ap.add_argument("--cross-cxx", required=True, help="the LEON3 C++ compiler")
    ap.add_argument("--source-root", required=True, type=Path)
    ap.add_argument("--workdir", required=True, type=Path)
    ap.add_argument("--valid", action="append", default=[], help="a directory searched for *.xml")
    ap.add_argument("--other-board", action="append", default=[],
                    help="a directory of valid systems that board leon3-qemu cannot run "
                         "(generated with --board none)")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()

    a.workdir.mkdir(parents=True, exist_ok=True)
    a.dump_o = a.workdir / "dump.o"
    rc, out = run([a.cxx, *NATIVE_FLAGS, f"-I{a.source_root / 'include'}", "-c", str(HERE / "dump.cpp"),
                   "-o", str(a.dump_o)])
    if rc != 0:
        sys.exit(f"FAIL tests/tables/dump.cpp does not compile:\n{out}")
    corpus = sorted((x, board) for roots, board in ((a.valid, "leon3-qemu"), (a.other_board, "none"))
                    for root in roots for x in Path(root).rglob("*.xml"))
    if not corpus:
        sys.exit("tables: no XML found under --valid or --other-board")
    outdirs = [a.workdir / f"{x.parent.name}__{x.stem}" for x, _ in corpus]
    with ThreadPoolExecutor(a.jobs) as pool:
        results = list(pool.map(lambda c: check_system(a, *c[0], c[1]), zip(corpus, outdirs)))
    corpus = [x for x, _ in corpus]
    failures = [f"{x}: {r}" for x, r in zip(corpus, results) if r]
    print(f"tables: {len(corpus) - len(failures)} of {len(corpus)} systems read back as generated")
    passed = [o for o, r in zip(outdirs, results) if not r]
    guard = check_shape_guard(a, passed[0]) if passed else "shape guard: no system.hpp to try it on"
    print(f"tables: the shape checks {'FAILED' if guard else 'hold on the LEON3 and fire on a grown model'}")
    failures += [guard] if guard else []
    for f in failures:
        lines = f.splitlines()
        more = [f"[{len(lines) - 20} more lines]"] if len(lines) > 20 else []
        print("FAIL " + "\n".join(lines[:20] + more))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
