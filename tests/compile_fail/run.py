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
          line), in the line naming `configuration_error<...>` (the first
          line of its report, when the file breaks one rule), and no other
          configuration rule. A file that breaks several rules expects, of
          each, the first message in the order of the file (the compiler
          reports the first violation of each rule). `<!-- COMPILE-EXPECT:
          regex -->` replaces that expectation (for rules only the compiler
          checks). Files with a rule only the generator can check (XML, XSD,
          UNIT, TIME-TICK: the tables cannot express the mistake) are
          counted and skipped. A file that expects warnings only (the
          manual's advice) must compile: the C++ layer never fails on them.
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

FIRST = re.compile(r"(: error:|: fatal error:|In instantiation of)")  # (not a path that says "error")
EXPECT_ERROR = re.compile(r"(?<![-\w])EXPECT:\s*\d+: error: (\[([A-Z0-9-]+)\] .*?)\s*(?:-->)?\s*$", re.M)
EXPECT_WARNING = re.compile(r"(?<![-\w])EXPECT:\s*\d+: warning: ", re.M)


def carried(message):
    """The regex of `message` inside the compiler's configuration_error<...>."""
    return r"configuration_error<.*" + re.escape(message) + r'", \d+\}>'


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
                cases.append((f, m.group(1).strip() if m else None, None, []))
            elif f.suffix == ".xml":
                text = f.read_text()
                explicit = re.search(r"COMPILE-EXPECT:\s*(.*?)\s*(?:-->)?\s*$", text, re.M)
                errors = EXPECT_ERROR.findall(text)
                first = {}
                for message, rule in errors:
                    first.setdefault(rule, message)
                if explicit:
                    cases.append((f, explicit.group(1).strip(), "xml", []))
                elif set(first) & GENERATOR_ONLY:
                    generator_only += 1
                elif first:
                    cases.append((f, [carried(m) for m in first.values()], "xml", list(first)))
                elif EXPECT_WARNING.search(text):
                    cases.append((f, None, "compiles", []))
                else:
                    failures.append(f"{f}: has no 'EXPECT: LINE: error:' nor 'warning:' line")

    Path(a.workdir).mkdir(parents=True, exist_ok=True)

    def run_case(case):
        f, expect, kind, rules = case
        if expect is None and kind != "compiles":
            return f"{f}: no // EXPECT: line"
        if kind in ("xml", "compiles"):
            out_dir = Path(tempfile.mkdtemp(dir=a.workdir, prefix=f.stem + "."))
            rc, out = compile_system(a.generator, a.cxx, root, f, out_dir)
            if rc is None:
                return f"{f}: the generator refused it even with --no-check:\n{out}"
        else:
            rc, out = compile_(a.cxx, base_inc, f)
        if kind == "compiles":
            return None if rc == 0 else f"{f}: warnings only, yet it does not compile:\n{out[:4000]}"
        if rc == 0:
            return f"{f}: compiled, but must fail with /{expect}/"
        first = first_report_line(out)
        if isinstance(expect, str) or len(expect) == 1:
            one = expect if isinstance(expect, str) else expect[0]
            if not re.search(one, first):
                return f"{f}: the first report line does not match /{one}/:\n  {first}\n--- output:\n{out[:4000]}"
        else:
            report = out.replace("\\'", "'")
            missing = [e for e in expect if not re.search(e, report)]
            if missing:
                return f"{f}: the compiler does not report /{missing[0]}/\n--- output:\n{out[:4000]}"
        others = compiler_rules(out) - set(rules) - COMPILER_ONLY
        if rules and others:
            return f"{f}: the compiler also reports {sorted(others)}; the generator reported only {rules}"
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
