#!/usr/bin/python3
"""Generator corpus test.

Every XML under a --valid directory (searched recursively for system.xml and
*.xml) must be accepted by `stratum-gen check` and generate without error.
Every XML under --invalid must be rejected: its `EXPECT: LINE: error: [RULE]
message` lines (one or more, inside XML comments) must each appear in the
generator's output, as `FILE:LINE: error: ...`, and the output must end with
the error count. A Python traceback anywhere is a failure.
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--generator", required=True)
    ap.add_argument("--valid", action="append", default=[])
    ap.add_argument("--invalid", action="append", default=[])
    ap.add_argument("--workdir", required=True)
    a = ap.parse_args()
    failures = []
    passed = 0

    for root in a.valid:
        for xml in sorted(Path(root).rglob("*.xml")):
            rc, out = gen(a.generator, "check", str(xml))
            if rc != 0 or "Traceback" in out:
                failures.append(f"{xml}: a valid system was rejected:\n{out}")
                continue
            outdir = Path(a.workdir) / xml.parent.name / xml.stem
            rc, out = gen(a.generator, "generate", str(xml), "-o", str(outdir))
            if rc != 0 or not (outdir / "system.hpp").exists():
                failures.append(f"{xml}: generate failed:\n{out}")
                continue
            passed += 1

    for root in a.invalid:
        for xml in sorted(Path(root).glob("*.xml")):
            expects = [e.strip() for e in EXPECT.findall(xml.read_text())]
            if not expects:
                failures.append(f"{xml}: has no <!-- EXPECT: ... --> line")
                continue
            rc, out = gen(a.generator, "check", str(xml))
            problems = []
            if rc != 1:
                problems.append(f"exit status {rc}, expected 1")
            if "Traceback" in out:
                problems.append("the generator crashed")
            for e in expects:
                if f"{xml}:{e}" not in out:
                    problems.append(f"missing: {xml}:{e}")
            n = len(re.findall(r": error: ", out))
            wanted = sum(1 for e in expects if ": error: " in e)
            if n != wanted:
                problems.append(f"{n} error(s) reported, {wanted} expected: a case breaks exactly what it says")
            if not re.search(rf"{re.escape(str(xml))}: {n} errors? generated\s*$", out):
                problems.append(f"the output does not end with the count of {n} error(s)")
            if problems:
                failures.append(f"{xml}:\n  " + "\n  ".join(problems) + "\n--- output:\n" + out)
            else:
                passed += 1

    for f in failures:
        print("FAIL", f, file=sys.stderr)
    print(f"generator corpus: {passed} passed, {len(failures)} failed")
    return 1 if failures or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
