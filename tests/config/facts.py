#!/usr/bin/python3
"""What is written once stays written once.

The target's and the boards' facts are C++ headers the generator reads
(generators/xmcf/facts.py); the HM vocabulary and matrix are Python
(generators/xmcf/hm.py) from which include/stratum/config/hm_matrix.hpp is
generated. This test fails when:

  - hm_matrix.hpp is not what hm.py renders (`--update` rewrites it);
  - a fact the generator needs cannot be read from its header;
  - the two layers do not have the same rules: the generator's rule
    functions (their ids, and whether a rule is an error, a warning, a
    board's rule or a board's warning) against check.hpp's `rules` and
    `warnings` tables and the rules of each board's rules.hpp (its
    `board_warnings` table apart); the C++ function of rule X-Y is
    check_x_y;
  - docs/configuration-rules.md does not list a rule.
"""
import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "generators"))
from xmcf import facts, hm, rules  # noqa: E402,F401 (rules: registers every rule)
from xmcf.diag import WARNING  # noqa: E402
from xmcf.rules.common import RULES  # noqa: E402

HM_MATRIX = ROOT / "include" / "stratum" / "config" / "hm_matrix.hpp"
CHECK = ROOT / "include" / "stratum" / "config" / "check.hpp"
DOC = ROOT / "docs" / "configuration-rules.md"
CPP_RULE = re.compile(r'\{"([A-Z0-9-]+)", check_(\w+)\}')
CPP_ONLY = {"SCHEMA-VERSION"}  # the tables' own version: no XML can break it


def cpp_table(text, name):
    """(id, function) rows of `inline constexpr Rule name[] = {...};` (or `config::Rule`)."""
    body = re.search(rf"inline constexpr (?:\w+::)*Rule {name}\[\] = \{{(.*?)\n\}};", text, re.S)
    return CPP_RULE.findall(body.group(1)) if body else []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--update", action="store_true", help="rewrite hm_matrix.hpp from hm.py")
    a = ap.parse_args()
    problems = []

    rendered = hm.render_header()
    if a.update:
        HM_MATRIX.write_text(rendered)
    elif HM_MATRIX.read_text() != rendered:
        problems.append(f"{HM_MATRIX} is not what generators/xmcf/hm.py renders: run {__file__} --update")

    boards = facts.board_names()
    if "leon3-qemu" not in boards:
        problems.append("boards/leon3-qemu/facts.hpp is missing: stratum-gen's default board")
    for name in boards:
        try:
            board = facts.board(name)
            if board.name != name:
                problems.append(f"boards/{name}/facts.hpp names the board '{board.name}'")
            board.processors, board.vcpus_per_partition, board.slot_lateness_bound_us  # what the board rules read
        except facts.FactError as e:
            problems.append(str(e))

    text = CHECK.read_text()
    layers = {"rules": cpp_table(text, "rules"), "warnings": cpp_table(text, "warnings")}
    for name in boards:
        board_hpp = (ROOT / "boards" / name / "rules.hpp").read_text()
        board_warnings = cpp_table(board_hpp, "board_warnings")
        layers[f"{name} board"] = [(rid, rid.lower().replace("-", "_"))
                                   for rid in sorted(set(re.findall(r'"\[(BOARD-[A-Z0-9-]+)\]', board_hpp)))
                                   if f"check_{rid.lower().replace('-', '_')}" in board_hpp
                                   and rid not in {w for w, _fn in board_warnings}]
        layers[f"{name} board warnings"] = board_warnings
    for table, rows in layers.items():
        for rid, fn in rows:
            if fn != rid.lower().replace("-", "_"):
                problems.append(f"C++ {table}: rule {rid} is checked by check_{fn}")
    python = {
        "rules": {r.id for r in RULES if r.severity != WARNING and not r.board},
        "warnings": {r.id for r in RULES if r.severity == WARNING and not r.board},
    }
    for name in boards:
        python[f"{name} board"] = {r.id for r in RULES if r.board and r.severity != WARNING}
        python[f"{name} board warnings"] = {r.id for r in RULES if r.board and r.severity == WARNING}
    for table, rows in layers.items():
        cpp = {rid for rid, _fn in rows} - CPP_ONLY
        if cpp != python[table]:
            problems.append(f"{table}: only in C++ {sorted(cpp - python[table])}, "
                            f"only in the generator {sorted(python[table] - cpp)}")

    doc = DOC.read_text()
    for r in RULES:
        if f"| {r.id} |" not in doc:
            problems.append(f"{DOC.name} has no row for {r.id}")

    for p in problems:
        print("FAIL", p, file=sys.stderr)
    print(f"written once: {len(RULES)} rules in both layers, the HM matrix, "
          f"the target's and {len(boards)} board's facts; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
