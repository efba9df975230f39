#!/usr/bin/python3
"""Compile-fail suite: broken tables must not compile, and the first line of
the compiler's report must name the rule and the objects.

Inputs:
  *.cpp   tables written by hand; `// EXPECT: regex` is matched against the
          first line of the compiler's output that mentions an error or the
          instantiation that carries our message.
  *.xml   an invalid system with `<!-- COMPILE-EXPECT: regex -->`: generated
          with the generator's checks bypassed (--no-check), then the
          hypervisor image's main file is compiled against it. XML files
          without COMPILE-EXPECT are skipped (schema or unit errors, which
          never reach the compiler).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = ["-std=c++20", "-m32", "-mcpu=leon3", "-fno-pic", "-ffreestanding", "-fno-exceptions",
         "-fno-rtti", "-Wall", "-Wextra", "-fsyntax-only"]
FIRST = re.compile(r"(error|In instantiation of)")


def first_report_line(out):
    # GCC escapes quotes inside the printed template argument: \' -> '
    for line in out.replace("\\'", "'").splitlines():
        if FIRST.search(line):
            return line
    return ""


def compile_(cxx, includes, source):
    cmd = [cxx, *FLAGS, *[f"-I{i}" for i in includes], str(source)]
    p = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"})
    return p.returncode, p.stdout + p.stderr


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

    cases = []
    for d in a.dirs:
        for f in sorted(Path(d).iterdir()):
            if f.suffix == ".cpp":
                m = re.search(r"//\s*EXPECT:\s*(.+)", f.read_text())
                cases.append((f, m.group(1).strip() if m else None, None))
            elif f.suffix == ".xml":
                m = re.search(r"COMPILE-EXPECT:\s*(.*?)\s*(?:-->)?\s*$", f.read_text(), re.M)
                if m:
                    cases.append((f, m.group(1).strip(), "xml"))

    Path(a.workdir).mkdir(parents=True, exist_ok=True)
    for f, expect, kind in cases:
        if expect is None:
            failures.append(f"{f}: no // EXPECT: line")
            continue
        includes = list(base_inc)
        source = f
        if kind == "xml":
            out_dir = Path(tempfile.mkdtemp(dir=a.workdir, prefix=f.stem + "."))
            p = subprocess.run([sys.executable, a.generator, "generate", "--no-check", str(f), "-o", str(out_dir)],
                               capture_output=True, text=True)
            if p.returncode != 0:
                failures.append(f"{f}: the generator refused it even with --no-check:\n{p.stderr}")
                continue
            includes.insert(0, out_dir)
            source = root / "boards" / "leon3-qemu" / "hypervisor_main.cpp"
        rc, out = compile_(a.cxx, includes, source)
        first = first_report_line(out)
        if rc == 0:
            failures.append(f"{f}: compiled, but must fail with /{expect}/")
        elif not re.search(expect, first):
            failures.append(f"{f}: the first report line does not match /{expect}/:\n  {first}\n--- output:\n{out[:4000]}")
        else:
            passed += 1

    for msg in failures:
        print("FAIL", msg, file=sys.stderr)
    print(f"compile-fail suite: {passed} passed, {len(failures)} failed")
    return 1 if failures or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
