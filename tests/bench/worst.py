#!/usr/bin/python3
"""Worst cases of the hypervisor, measured in a single-step trace.

Runs an image (tests/bench/worst) under QEMU with one instruction per
translation block and `-d exec,nochain`, so the log has every executed
instruction's PC, and cuts it into excursions: the instructions between the
last one of a partition (or of the idle loop) and the next one. Each
excursion is named by the trap that began it (the trap table entry it ran
first says which) and, for a hypercall, by the partition's call site: the
`wc_<name>` label on its `ta` in tests/bench/worst/caller.c, or the function
holding the `ta` (libxm's own calls). A partition's fault is an HM event
(tests/bench/worst/system.xml gives Partner a PROPAGATE and a HALT, and Fpu
an IGNORE of a misaligned load): it is named by its trap and by what follows
it, the same partition in its own virtual trap table (`_traptab`, libxm's)
being PROPAGATE, the same partition elsewhere IGNORE (the only other
action in that table that lets it go on), another context HALT. An HM
event a hypercall raises (Partner's XM_trace_event of criticality
XM_TRACE_UNRECOVERABLE, IGNOREd) is named by its call site (EVENTS). Both
IGNOREd events come early in their partitions' slots, so their console
lines are written at once, and both partitions have 31-character names
(the schema's limit): the longest lines. The longest excursion of each
name is its worst case.

A slot boundary's interrupt waits for whatever excursion is running when it
fires (traps are disabled in the hypervisor), and the slot then starts after
the switch: the bound on slot-start lateness is the longest excursion that
is not a slot switch plus the longest slot switch.

  worst.py IMAGE.elf            prints the table (markdown)
"""
import bisect
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "boards", "leon3-qemu"))
import run as qemu  # noqa: E402

NM = "sparc64-linux-gnu-nm"
OBJDUMP = "sparc64-linux-gnu-objdump"
INSTRUCTIONS_PER_US = 31.25  # -icount shift=5: 32 ns an instruction

# Call sites outside tests/bench/worst/caller.c, by the function holding the `ta`.
SITES = {"common_entry": "XM_sparc_iret (libxm's virtual trap table)",
         "_start": "XM_write_register32 TBR (libxm's start-up code)"}

# Call sites in tests/bench/worst whose hypercall is an HM event, by label.
EVENTS = {"trace_event_unrecoverable": "HM event, IGNORE with its line (XM_TRACE_UNRECOVERABLE, 31-character name)"}

TRAPS = {0x05: "window overflow", 0x06: "window underflow", 0x01: "instruction access",
         0x09: "data access", 0x03: "privileged instruction", 0x04: "fp disabled",
         0x83: "ta 3 (flush windows)", 0x02: "illegal instruction", 0x07: "misaligned access",
         0x0a: "tag overflow", 0x2a: "division by zero"}
# The traps of a partition that are HM events (the others are the
# hypervisor's service: windows, `ta 3`).
HM_TRAPS = {0x01, 0x02, 0x03, 0x04, 0x07, 0x09, 0x0a, 0x2a}
TRAP_TABLE_SIZE = 256 * 16  # a partition's virtual trap table, like the processor's


def symbols(elf):
    out = subprocess.run([NM, "-n", "--defined-only", elf], capture_output=True, text=True, check=True).stdout
    syms = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            syms.append((int(parts[0], 16), parts[2]))
    return syms


def text_range(elf):
    out = subprocess.run([OBJDUMP, "-h", elf], capture_output=True, text=True, check=True).stdout
    m = re.search(r"\.text\s+([0-9a-f]+)\s+([0-9a-f]+)", out)
    vma = int(m.group(2), 16)
    return vma, vma + int(m.group(1), 16)


class Names:
    """Address -> name: the nearest symbol at or below it."""

    def __init__(self, syms):
        self.syms = sorted(syms)
        self.addrs = [a for a, _ in self.syms]

    def at(self, pc):
        k = bisect.bisect_right(self.addrs, pc) - 1
        return self.syms[k][1] if k >= 0 else "?"


def trace(image):
    with tempfile.TemporaryDirectory() as d:
        log = os.path.join(d, "exec.log")
        cmd = [qemu.QEMU, "-M", "leon3_generic", "-nographic", "-monitor", "none", "-no-reboot",
               "-icount", qemu.ICOUNT, "-singlestep", "-d", "exec,nochain", "-D", log, "-kernel", image]
        r = subprocess.run(cmd, capture_output=True, timeout=600)
        if r.returncode != 0:
            sys.exit(f"worst.py: the traced run of {image} failed")
        pat = re.compile(rb"\[([0-9a-f]{8})/")
        with open(log, "rb") as f:
            for line in f:
                m = pat.search(line)
                if m:
                    yield int(m.group(1), 16)


def measure(image):
    """Rows (name, worst instructions, count) and the lateness bound."""
    hv_syms = symbols(image)
    hv = Names(hv_syms)
    lo, hi = text_range(image)
    table = dict((n, a) for a, n in hv_syms)["stratum_trap_table"]
    idle = dict((n, a) for a, n in hv_syms)["stratum_idle_loop"]
    idle_end = idle + 12  # three instructions: power down, branch back (arch/sparc/traps.S)
    base = image[: -len(".elf")]
    parts = []
    k = 0
    while os.path.exists(f"{base}-partition_{k}.elf"):
        parts.append(Names(symbols(f"{base}-partition_{k}.elf")))
        k += 1

    def owner(pc):
        if idle <= pc < idle_end:
            return "idle"
        if lo <= pc < hi:
            return None  # hypervisor work
        best = None
        for i, names in enumerate(parts):
            k = bisect.bisect_right(names.addrs, pc) - 1
            if k >= 0 and (best is None or names.addrs[k] > best[1]):
                best = (i, names.addrs[k])
        return best[0] if best else "?"

    worst = {}
    count = {}
    prev_owner, prev_pc, start_pc, first = None, None, None, None
    length = 0
    for pc in trace(image):
        o = owner(pc)
        if o is None:
            if length == 0:
                start_pc, first = prev_pc, pc
            length += 1
            continue
        if length > 0 and prev_owner is not None:
            name = name_of(first, table, start_pc, prev_owner, o, parts, pc)
            if length > worst.get(name, 0):
                worst[name] = length
            count[name] = count.get(name, 0) + 1
        length = 0
        prev_owner, prev_pc = o, pc
    rows = sorted(((n, w, count[n]) for n, w in worst.items()), key=lambda r: -r[1])
    switch = max((w for n, w, _ in rows if n.startswith("slot switch")), default=0)
    other = max((w for n, w, _ in rows if not n.startswith(("slot switch", "boot"))), default=0)
    return rows, other + switch


def name_of(first, table, start_pc, before, after, parts, end_pc=None):
    tt = (first - table) // 16 if table <= first < table + 4096 else None
    if tt in (0xF0, 0xF1) and isinstance(before, int):
        site = parts[before].at(start_pc)
        site = site[3:] if site.startswith("wc_") else SITES.get(site, site)
        if site in EVENTS:
            return EVENTS[site]
        return ("hypercall " if tt == 0xF0 else "asm hypercall ") + site
    if tt is not None and 0x11 <= tt <= 0x1F:
        if before == "idle" or after == "idle":
            if before == "idle" and after == "idle":
                return "interrupt in the idle context (cold-reset load steps, idle partitions' timers)"
            return "slot switch (to or from the idle context)"
        if before != after:
            return "slot switch (partition to partition)"
        return "interrupt within a slot (a partition's timer)"
    if tt in HM_TRAPS and isinstance(before, int):
        if after == before:
            traptab = dict((n, a) for a, n in parts[before].syms).get("_traptab")
            if traptab is not None and end_pc is not None and traptab <= end_pc < traptab + TRAP_TABLE_SIZE:
                return f"HM event, PROPAGATE ({TRAPS[tt]})"
            return f"HM event, IGNORE with its line ({TRAPS[tt]}, 31-character name)"
        return f"HM event, HALT ({TRAPS[tt]})"
    if tt in TRAPS:
        return TRAPS[tt]
    return f"trap 0x{tt:02x}" if tt is not None else "boot (before any partition runs)"


def markdown(rows, bound):
    lines = ["| path | worst instructions | µs | times seen |", "|---|---:|---:|---:|"]
    for name, w, n in rows:
        lines.append(f"| {name} | {w} | {w / INSTRUCTIONS_PER_US:.1f} | {n} |")
    lines += ["", f"Slot-start lateness bound: {bound} instructions ({bound / INSTRUCTIONS_PER_US:.1f} µs): "
              "the longest excursion that is not a slot switch, plus the longest slot switch."]
    return lines


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print("\n".join(markdown(*measure(sys.argv[1]))))
