"""What the compile-fail suite and the property test share: which rules
only one layer checks, and how the C++ layer is run on a system.

The C++ layer of an XML file is: `stratum-gen generate --no-check` (the
tables, rules bypassed), then the hypervisor image's main file compiled
against them; the rules it breaks are the `configuration_error<...>`
instantiations in the compiler's output.
"""
import os
import re
import subprocess
import sys
from pathlib import Path

# Mistakes the tables cannot express: only the generator sees them.
GENERATOR_ONLY = {"XML", "XSD", "UNIT", "TIME-TICK"}
# Rules of the image: only the compiler checks them, and they may accompany
# a configuration rule (PCT-ROOM with PARTITION-COUNT). The board's rules
# (BOARD-...) are checked by both layers, for board leon3-qemu; its warning
# (BOARD-SLOT-LENGTH), like the manual's advice, fails neither layer.
COMPILER_ONLY = {"SCHEMA-VERSION", "MMU-TABLES-SIZE", "PCT-ROOM"}

CXX_FLAGS = ["-std=c++20", "-m32", "-mcpu=leon3", "-fno-pic", "-ffreestanding", "-fno-exceptions",
             "-fno-rtti", "-Wall", "-Wextra", "-fsyntax-only"]
COMPILER_RULE = re.compile(r"configuration_error<[\w:]*Diagnostic\{\"\[([A-Z0-9-]+)\]")


def compile_(cxx, includes, source):
    """(exit status, output) of a syntax-only compile for the LEON3."""
    cmd = [cxx, *CXX_FLAGS, *[f"-I{i}" for i in includes], str(source)]
    p = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"})
    return p.returncode, p.stdout + p.stderr


def compile_system(generator, cxx, root, xml, outdir):
    """(exit status, output) of the image's main file compiled against the
    tables of `xml`, generated into `outdir` with the rules bypassed; None
    for the status when even that generation fails."""
    root = Path(root)
    p = subprocess.run([sys.executable, generator, "generate", "--no-check", str(xml), "-o", str(outdir)],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return None, p.stdout + p.stderr
    board = root / "boards" / "leon3-qemu"
    return compile_(cxx, [outdir, root / "include", board],
                    board / "hypervisor_main.cpp")


def compiler_rules(out):
    """The rule ids of the configuration_error instantiations in `out`."""
    return set(COMPILER_RULE.findall(out))
