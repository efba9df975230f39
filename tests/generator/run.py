#!/usr/bin/python3
"""Generator corpus test.

  --valid DIR        every XML under DIR (recursively) is accepted by
                     `stratum-gen check` with no diagnostic at all, and
                     generates;
  --warning DIR      every XML in DIR is accepted with exactly the warnings
                     its `EXPECT: LINE: warning: [RULE] message` lines say,
                     generates, and is refused by `check --werror`;
  --other-board DIR  every XML in DIR is a valid XM_CF file that board
                     leon3-qemu cannot run: `check --board none` accepts it
                     and it generates so; plain `check` refuses it with
                     board rules (BOARD-...) only;
  --invalid DIR      every XML in DIR is refused: its `EXPECT: LINE: error:
                     [RULE] message` lines (and warnings, notes) each appear
                     in the output as `FILE:LINE: ...`, no other error does,
                     and the output ends with the count.

A Python traceback anywhere is a failure.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

# One expectation a line, inside the file's comments: "EXPECT: 12: error: [RULE] ...".
EXPECT = re.compile(r"(?<![-\w])EXPECT:\s*(.*?)\s*(?:-->)?\s*$", re.M)


def gen(generator, *args):
    p = subprocess.run([sys.executable, generator, *args], capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def counted(n, what):
    return f"{n} {what}{'s' if n != 1 else ''}"


class Corpus:
    def __init__(self, generator, workdir):
        self.generator, self.workdir = generator, Path(workdir)
        self.failures, self.passed = [], 0

    def verdict(self, xml, problems, out):
        if problems:
            self.failures.append(f"{xml}:\n  " + "\n  ".join(problems) + "\n--- output:\n" + out)
        else:
            self.passed += 1

    def generates(self, xml, *options):
        outdir = self.workdir / xml.parent.name / xml.stem
        rc, out = gen(self.generator, "generate", str(xml), "-o", str(outdir), *options)
        if rc != 0 or not (outdir / "system.hpp").exists() or "Traceback" in out:
            return [f"generate {' '.join(options)} failed: {out}"]
        return []

    def valid(self, xml, *options):
        rc, out = gen(self.generator, "check", str(xml), *options)
        if rc != 0 or "Traceback" in out or re.search(r": (error|warning): ", out):
            return self.verdict(xml, [f"a valid system was not accepted silently (check {' '.join(options)})"], out)
        self.verdict(xml, self.generates(xml, *options), out)

    def expected(self, xml, wanted_rc, *options):
        """Runs check; the problems against the file's EXPECT lines."""
        expects = [e.strip() for e in EXPECT.findall(xml.read_text())]
        if not expects:
            return ["has no <!-- EXPECT: ... --> line"], ""
        rc, out = gen(self.generator, "check", str(xml), *options)
        problems = [f"exit status {rc}, expected {wanted_rc}"] if rc != wanted_rc else []
        if "Traceback" in out:
            problems.append("the generator crashed")
        problems += [f"missing: {xml}:{e}" for e in expects if f"{xml}:{e}" not in out]
        tally = {}
        for what in ("error", "warning"):
            n = len(re.findall(rf": {what}: ", out))
            want = sum(1 for e in expects if f": {what}: " in e)
            if n != want:
                problems.append(f"{n} {what}(s) reported, {want} expected: a case breaks exactly what it says")
            if n:
                tally[what] = n
        total = " and ".join(counted(n, what) for what, n in tally.items())
        if total and not re.search(rf"^{re.escape(str(xml))}: {total} generated$", out, re.M):
            problems.append(f"the output does not end with the count: {total}")
        return problems, out

    def invalid(self, xml):
        self.verdict(xml, *self.expected(xml, 1))

    def warning(self, xml):
        problems, out = self.expected(xml, 0)
        rc, strict = gen(self.generator, "check", "--werror", str(xml))
        if rc != 1:
            problems.append(f"check --werror exited {rc}, expected 1")
        self.verdict(xml, problems + self.generates(xml), out)

    def other_board(self, xml):
        self.valid(xml, "--board", "none")
        rc, out = gen(self.generator, "check", str(xml))
        rules = set(re.findall(r": error: \[([A-Z0-9-]+)\]", out))
        if rc != 1 or not rules or any(not r.startswith("BOARD-") for r in rules):
            self.verdict(xml, [f"the board's check gave {sorted(rules)} (exit {rc}): only BOARD- rules expected"],
                         out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--generator", required=True)
    ap.add_argument("--valid", action="append", default=[])
    ap.add_argument("--warning", action="append", default=[])
    ap.add_argument("--other-board", action="append", default=[])
    ap.add_argument("--invalid", action="append", default=[])
    ap.add_argument("--workdir", required=True)
    a = ap.parse_args()
    c = Corpus(a.generator, a.workdir)
    for root in a.valid:
        for xml in sorted(Path(root).rglob("*.xml")):
            c.valid(xml)
    for kind, roots in ((c.warning, a.warning), (c.other_board, a.other_board), (c.invalid, a.invalid)):
        for root in roots:
            for xml in sorted(Path(root).glob("*.xml")):
                kind(xml)
    for f in c.failures:
        print("FAIL", f, file=sys.stderr)
    print(f"generator corpus: {c.passed} passed, {len(c.failures)} failed")
    return 1 if c.failures or c.passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
