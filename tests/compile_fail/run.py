#!/usr/bin/python3
"""Compile-fail suite: broken tables must not compile, and the first line of
the compiler's report must name the rule and the objects.

Inputs:
  *.cpp   tables written by hand; `// EXPECT: regex` is matched against the
          first line of the compiler's output that mentions an error or the
          instantiation that carries our message.
  *.xml   an invalid system: generated with the generator's checks
          bypassed (--no-check), then the hypervisor image's main file is
          compiled against it. The compiler must report the very message the
          generator reports (the file's `EXPECT: LINE: error: [RULE] message`
          line), in the line naming `configuration_error<...>`, and no other
          configuration rule. `<!-- COMPILE-EXPECT: regex -->` replaces that
          expectation (for rules only the compiler checks). Files whose rule is
          one only the generator can check (XML, XSD, UNIT, TIME-TICK: the
          tables cannot express the mistake) are counted and skipped.
"""
import argparse
import concurrent.futures
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "config"))
from layers import COMPILER_ONLY, GENERATOR_ONLY, compile_, compile_system, compiler_rules  # noqa: E402

FIRST = re.compile(r"(error|In instantiation of)")
EXPECT_ERROR = re.compile(r"(?<![-\w])EXPECT:\s*\d+: error: (\[([A-Z0-9-]+)\] .*?)\s*(?:-->)?\s*$", re.M)


def first_report_line(out):
    # GCC escapes quotes inside the printed template argument: \' -> '
    for line in out.replace("\\'", "'").splitlines():
        if FIRST.search(line):
            return line
    return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cxx", required=True)
    ap.add_argument("--source-root", required=True)
    ap.add_argument("--generator", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    root = Path(a.source_root)
    base_inc = [root / "include", root / "boards" / "leon3-qemu", root / "tests" / "compile_fail"]
    failures, passed = [], 0

    cases, generator_only = [], 0
    for d in a.dirs:
        for f in sorted(Path(d).iterdir()):
            if f.suffix == ".cpp":
                m = re.search(r"//\s*EXPECT:\s*(.+)", f.read_text())
                cases.append((f, m.group(1).strip() if m else None, None, None))
            elif f.suffix == ".xml":
                text = f.read_text()
                explicit = re.search(r"COMPILE-EXPECT:\s*(.*?)\s*(?:-->)?\s*$", text, re.M)
                errors = EXPECT_ERROR.findall(text)
                if explicit:
                    cases.append((f, explicit.group(1).strip(), "xml", None))
                elif len(errors) == 1 and errors[0][1] in GENERATOR_ONLY:
                    generator_only += 1
                elif len(errors) == 1:
                    message, rule = errors[0]
                    cases.append((f, r"configuration_error<.*" + re.escape(message) + r'", \d+\}>', "xml", rule))
                else:
                    failures.append(f"{f}: needs exactly one 'EXPECT: LINE: error:' line (found {len(errors)})")

    Path(a.workdir).mkdir(parents=True, exist_ok=True)

    def run_case(case):
        f, expect, kind, rule = case
        if expect is None:
            return f"{f}: no // EXPECT: line"
        if kind == "xml":
            out_dir = Path(tempfile.mkdtemp(dir=a.workdir, prefix=f.stem + "."))
            rc, out = compile_system(a.generator, a.cxx, root, f, out_dir)
            if rc is None:
                return f"{f}: the generator refused it even with --no-check:\n{out}"
        else:
            rc, out = compile_(a.cxx, base_inc, f)
        first = first_report_line(out)
        if rc == 0:
            return f"{f}: compiled, but must fail with /{expect}/"
        if not re.search(expect, first):
            return f"{f}: the first report line does not match /{expect}/:\n  {first}\n--- output:\n{out[:4000]}"
        others = compiler_rules(out) - {rule} - COMPILER_ONLY
        if rule is not None and others:
            return f"{f}: the compiler also reports {sorted(others)}; the generator reported only {rule}"
        return None

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for result in pool.map(run_case, cases):
            if result is None:
                passed += 1
            else:
                failures.append(result)

    for msg in failures:
        print("FAIL", msg, file=sys.stderr)
    print(f"compile-fail suite: {passed} passed, {len(failures)} failed, "
          f"{generator_only} generator-only cases skipped")
    return 1 if failures or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
