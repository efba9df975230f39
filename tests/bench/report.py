#!/usr/bin/python3
"""Write the benchmark report: instruction counts measured under QEMU
-icount (deterministic, so the same build gives the same numbers) and the
size of every hypervisor image.

  report.py --bench BENCH.elf --bench-fpu BENCH_FPU.elf --size SIZE-TOOL --out REPORT.md IMAGE.elf ...
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "boards", "leon3-qemu"))
import run as qemu  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--bench-fpu", help="the same benchmark with both partitions flagged fp")
    ap.add_argument("--worst", help="tests/bench/worst's image: worst cases from a single-step trace")
    ap.add_argument("--size", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("images", nargs="*")
    a = ap.parse_args()

    def measure(image):
        rc, timed_out, text = qemu.run(image, 120, True)
        if rc != 0 or timed_out:
            print(text, file=sys.stderr)
            sys.exit(f"report.py: the benchmark run of {image} failed")
        return re.findall(r"^bench: (.+?)\s+([0-9.]+) instructions \((\d+) samples\)$", text, re.M)

    rows = measure(a.bench)
    if a.bench_fpu:
        rows += [(name.strip() + ", FPU state moving (both partitions fp)", value, n)
                 for name, value, n in measure(a.bench_fpu) if name.startswith("partition switch")]

    lines = ["# Stratum benchmark report", "",
             "Produced by `meson compile -C build bench-report` (tests/bench/report.py).",
             "Measured under `qemu-system-sparc -M leon3_generic -icount shift=5,sleep=off`:",
             "one instruction is 32 ns of virtual time, so counts are exact and repeat run to run.", "",
             "## Hypervisor paths (tests/bench: two partitions in 1 ms slots)", "",
             "Hypercalls are timed in batches of 100 calls that run inside one slot of the caller (a batch",
             "a slot boundary crossed is thrown away), less the cost of the clock reads around a batch: the",
             "caller's own round trip only. A switch is what its slot loses to the hypervisor. The HM rows",
             "are a trap its table PROPAGATEs (logged: a division by zero; not: a tag overflow), libxm's",
             "trap table and a handler that only stops it trapping again, XM_sparc_iret, and the faulting",
             "instruction run again, less that instruction not trapping.", "",
             "| path | instructions | samples |", "|---|---:|---:|"]
    lines += [f"| {name.strip()} | {value} | {n} |" for name, value, n in rows]
    if a.worst:
        import worst
        lines += ["", "## Worst cases (tests/bench/worst, `tests/bench/worst.py`)", "",
                  "Every hypervisor excursion (from a partition's last instruction to the next partition",
                  "instruction) of a run where a system partition makes every hypercall with its costliest",
                  "arguments, a partner with a deep stack and a fast timer is reset warm and cold (its image",
                  "loaded in 1 KB steps) and has three HM events (a division by zero PROPAGATEd to its own trap",
                  "table every life, a privileged instruction HALTing it once, an XM_trace_event of criticality",
                  "XM_TRACE_UNRECOVERABLE IGNOREd in every life but that one), a third partition has an IGNOREd",
                  "misaligned load, both IGNOREs early in the slot (their console lines written at once) in",
                  "partitions named to the schema's limit of 31 characters (the longest lines), and two",
                  "partitions move the FPU, measured in a single-step trace; the longest of each kind. Traps are",
                  "disabled throughout an excursion, so a slot boundary can wait for one.", ""]
        lines += worst.markdown(*worst.measure(a.worst))
    lines += ["", "## Image sizes (bytes, `size -A`)", "",
              "The hypervisor's own `.text`, `.rodata`, `.data`, `.bss` (stacks included), then what the",
              "image carries for the system: the partition images, the PCT pages and the page tables.", "",
              "| image | .text | .rodata | .data | .bss | partition images | PCT | page tables |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    cols = [".text", ".rodata", ".data", ".bss", ".stratum_container", ".stratum_pct", ".stratum_page_tables"]
    for img in a.images:
        out = subprocess.run([a.size, "-A", img], capture_output=True, text=True, check=True).stdout
        sizes = dict(re.findall(r"^(\.\S+)\s+(\d+)\s+\d+$", out, re.M))
        lines.append(f"| {os.path.basename(img)} | " + " | ".join(sizes.get(c, "0") for c in cols) + " |")
    with open(a.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
