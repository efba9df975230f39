#!/usr/bin/python3
"""Property test: the generator and the C++ checks agree.

Builds random valid systems (seeded, so a failure repeats), and random
single mutations of them: an attribute changed, an element removed or
duplicated, a reference renamed. For each one:

  - `stratum-gen check` gives the set of broken rule ids (every error;
    warnings, the manual's advice and the board's (BOARD-SLOT-LENGTH), are
    no broken rule: the C++ layer never fails on them);
  - `stratum-gen generate --no-check` writes the tables and the hypervisor's
    main file is compiled against them; the compiler gives the set of rule
    ids in its `configuration_error<...>` lines.

The two sets must be equal. Rules only one layer can check are left out of
the comparison: XML, XSD, UNIT and TIME-TICK (the tables cannot express the
mistake: such a mutation is counted and not compiled) and the compiler's own
SCHEMA-VERSION, MMU-TABLES-SIZE and PCT-ROOM; the board's rules (BOARD-...)
are compared like the others. Any other compiler error, a generator
traceback, or a random "valid" system that is rejected or warned about, fails
the test. The failing case is kept in the work directory.
"""
import argparse
import concurrent.futures
import copy
import os
import random
import re
import subprocess
import sys
from pathlib import Path

from lxml import etree

from layers import COMPILER_ONLY, GENERATOR_ONLY, compile_system
from layers import compiler_rules as rules_in

NS = "http://www.xtratum.org/xm-3.x"
GEN_RULE = re.compile(r"^\S+:\d+: error: \[([A-Z0-9-]+)\]", re.M)

HM_PARTITION = {  # event -> actions a partition table may use (docs/configuration-rules.md)
    "XM_HM_EV_MEM_PROTECTION": ["XM_HM_AC_PROPAGATE", "XM_HM_AC_HALT", "XM_HM_AC_PARTITION_COLD_RESET"],
    "XM_HM_EV_OVERRUN": ["XM_HM_AC_IGNORE", "XM_HM_AC_SUSPEND"],
    "XM_HM_EV_PARTITION_ERROR": ["XM_HM_AC_HALT", "XM_HM_AC_PARTITION_WARM_RESET"],
    "XM_HM_EV_SPARCV8_ILLEGAL_INSTR": ["XM_HM_AC_PROPAGATE", "XM_HM_AC_HALT"],
    "XM_HM_EV_SPARC_DIVIDE_EXCEPTION": ["XM_HM_AC_PROPAGATE", "XM_HM_AC_SHUTDOWN"],  # XtratuM 3's spelling
}
HM_HYPERVISOR = {
    "XM_HM_EV_INTERNAL_ERROR": ["XM_HM_AC_HYPERVISOR_COLD_RESET", "XM_HM_AC_HALT"],
    "XM_HM_EV_WATCHDOG_TIMER": ["XM_HM_AC_IGNORE", "XM_HM_AC_HYPERVISOR_COLD_RESET"],
    "XM_HM_EV_SCHED_ERROR": ["XM_HM_AC_HYPERVISOR_WARM_RESET", "XM_HM_AC_HALT"],
    "XM_HM_EV_SPARCV8_DATA_ACCESS_EXCEPTION": ["XM_HM_AC_HALT", "XM_HM_AC_WARM_RESET"],
    "XM_HM_EV_SPARC_MEM_ADDR_NOT_ALIGNED": ["XM_HM_AC_COLD_RESET"],  # XtratuM 3's spelling
}
FREE_IRQS = [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14]  # 6, 7: the timers; 15: non-maskable


def el(parent, tag, **attrs):
    e = etree.SubElement(parent, f"{{{NS}}}{tag}") if parent is not None else etree.Element(f"{{{NS}}}{tag}",
                                                                                                nsmap={None: NS})
    for k, v in attrs.items():
        e.set(k.rstrip("_"), str(v))
    return e


def size_text(n):
    return f"{n // 1024}KB" if n % 1024 == 0 else f"{n}B"


def time_text(us):
    return f"{us // 1000}ms" if us % 1000 == 0 else f"{us}us"


def random_system(rng, index):
    """A valid system: every rule of docs/configuration-rules.md holds."""
    n = rng.randint(1, 6)
    root = el(None, "SystemDescription", version="1.0.0", name=f"random_{index}")
    hw = el(root, "HwDescription")
    cpu = el(el(hw, "ProcessorTable"), "Processor", id=0, frequency=f"{rng.choice([40, 50, 80])}Mhz")
    plans = el(cpu, "CyclicPlanTable")
    devices = el(hw, "Devices")
    el(devices, "Uart", id=0, baudRate=115200, name="Uart")
    if rng.random() < 0.3:
        el(devices, "MemoryBlock", name="Log", start="0x47f00000", size="64KB")
    el(el(hw, "MemoryLayout"), "Region", type="stram", start="0x40000000", size="128MB")
    xm = el(root, "XMHypervisor", console="Uart")
    el(el(xm, "PhysicalMemoryAreas"), "Area", start="0x40000000", size=rng.choice(["512KB", "1MB"]))
    if rng.random() < 0.4:
        hm = el(xm, "HealthMonitor")
        for ev in rng.sample(sorted(HM_HYPERVISOR), rng.randint(1, 2)):
            el(hm, "Event", name=ev, action=rng.choice(HM_HYPERVISOR[ev]), log=rng.choice(["yes", "no"]))

    table = el(root, "PartitionTable")
    addr = 0x40200000
    shared_at = 0x47000000
    partitions = []
    irqs = rng.sample(FREE_IRQS, k=min(len(FREE_IRQS), n))
    with_boot = rng.random() < 0.5
    for i in range(n):
        flags = []
        if i == 0:
            flags.append("system")
        if with_boot and (i == 0 or rng.random() < 0.7):
            flags.append("boot")
        if rng.random() < 0.2:
            flags.append("fp")
        p = el(table, "Partition", id=i, name=f"P{i}_{rng.choice(['Ctl', 'Io', 'Nav', 'Log'])}",
               flags=" ".join(flags) or "none", console="Uart")
        areas = el(p, "PhysicalMemoryAreas")
        for k in range(rng.randint(1, 3)):
            size = rng.choice([4, 8, 64, 256, 512]) * 1024
            attrs = dict(start=f"0x{addr:08x}", size=size_text(size))
            if k > 0:
                extra = rng.choice(["", "read-only", "uncacheable", "unmapped"])
                if extra:
                    attrs["flags"] = extra
                if not extra and rng.random() < 0.3:
                    attrs["mappedAt"] = f"0x{0x20000000 + i * 0x1000000 + k * 0x100000:08x}"
            el(areas, "Area", **attrs)
            addr += size + rng.choice([0, 4096, 65536])
        if n > 1 and rng.random() < 0.3:
            el(areas, "Area", start=f"0x{shared_at:08x}", size="4KB", flags="shared")
        if rng.random() < 0.3:
            el(p, "TemporalRequirements", duration="10ms", period=rng.choice(["100ms", "1s"]))
        if rng.random() < 0.5:
            hwr = el(p, "HwResources")
            el(hwr, "Interrupts", lines=str(irqs[i]))
            if rng.random() < 0.5:
                io = el(hwr, "IoPorts")
                el(io, "Range", base=f"0x{0x80000400 + 0x100 * i:08x}", noPorts=rng.randint(1, 8))
                el(io, "Restricted", address="0x80000f00", mask=f"0x{1 << i:08x}")
        if rng.random() < 0.3:
            hm = el(p, "HealthMonitor")
            for ev in rng.sample(sorted(HM_PARTITION), rng.randint(1, 3)):
                el(hm, "Event", name=ev, action=rng.choice(HM_PARTITION[ev]), log="yes")
        partitions.append(p)

    # Channels: each port declared by exactly the channel that connects it.
    channels = None
    ports = {}

    def port(i, name, kind, direction):
        table_el = ports.get(i)
        if table_el is None:
            table_el = ports[i] = el(partitions[i], "PortTable")
        el(table_el, "Port", name=name, type=kind, direction=direction)

    if n > 1:
        channels = el(root, "Channels")
        for c in range(rng.randint(0, 3)):
            kind = rng.choice(["sampling", "queuing"])
            src, dst = rng.sample(range(n), 2)
            if kind == "sampling":
                ch = el(channels, "SamplingChannel", maxMessageLength=f"{rng.choice([4, 16, 128])}B",
                        refreshPeriod="100ms")
                el(ch, "Source", partitionId=src, portName=f"Out{c}")
                port(src, f"Out{c}", "sampling", "source")
                for d in sorted({dst} | ({rng.randrange(n)} - {src})):
                    el(ch, "Destination", partitionId=d, partitionName=partitions[d].get("name"), portName=f"In{c}")
                    port(d, f"In{c}", "sampling", "destination")
            else:
                ch = el(channels, "QueuingChannel", maxMessageLength="32B", maxNoMessages=rng.randint(1, 8))
                el(ch, "Source", partitionId=src, portName=f"Out{c}")
                el(ch, "Destination", partitionId=dst, portName=f"In{c}")
                port(src, f"Out{c}", "queuing", "source")
                port(dst, f"In{c}", "queuing", "destination")
        for v in range(rng.randint(0, 2)):
            src, dst = rng.sample(range(n), 2)
            el(channels, "Ipvi", id=v, sourceId=src, destinationId=str(dst))
        if len(channels) == 0:
            root.remove(channels)

    # Plan 0 gives every partition a slot or two, in a random order, with gaps;
    # plan 1 (maintenance) starts with the system partition.
    order = list(range(n)) + [rng.randrange(n) for _ in range(rng.randint(0, 3))]
    rng.shuffle(order)
    plan_ids = [0, 1] if rng.random() < 0.4 else [0]
    for plan_id in plan_ids:
        seq = order if plan_id == 0 else [0] + order[:2]
        t = 0
        slots = []
        for s, pid in enumerate(seq):
            t += rng.choice([0, 0, 500, 1000])
            d = rng.choice([1000, 2000, 5000, 10000, 1500])
            slots.append((s, t, d, pid))
            t += d
        plan = el(plans, "Plan", id=plan_id, majorFrame=time_text(t + rng.choice([0, 1000, 10000])))
        for s, start, d, pid in slots:
            el(plan, "Slot", id=s, start=time_text(start), duration=time_text(d), partitionId=pid)
    if 1 in plan_ids and rng.random() < 0.5:
        hm = partitions[0].find(f"{{{NS}}}HealthMonitor")
        if hm is None:
            hm = el(partitions[0], "HealthMonitor")
        if hm.find(f"{{{NS}}}Event[@name='XM_HM_EV_PARTITION_INTEGRITY']") is None:
            el(hm, "Event", name="XM_HM_EV_PARTITION_INTEGRITY", action="XM_HM_AC_SWITCH_TO_MAINTENANCE", log="yes")
    # The schema wants HwDescription's and the partitions' children in this order only loosely (xs:all),
    # but PortTable must come after HwResources etc. — xs:all accepts any order.
    return etree.ElementTree(root)


# ------------------------------------------------------------------ mutations
def _value_for(rng, attr, old):
    if old.startswith("0x"):
        base = int(old, 16)
        return f"0x{max(0, base + rng.choice([-0x1000, 0x800, 0x1000, 0x40000, -0x100000, 0x10000000])) & 0xffffffff:08x}"
    m = re.fullmatch(r"(\d+)(KB|MB|B|ms|us|s|Mhz)", old)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        return f"{rng.choice([0, 1, n // 2, n * 2, n + 3, n * 100])}{unit}"
    if re.fullmatch(r"\d+( \d+)*", old):
        return str(rng.choice([0, 1, 2, 3, 6, 7, 16, 17, int(old.split()[0]) + 1]))
    if attr in ("name", "portName", "partitionName", "console", "device"):
        return rng.choice([old + "x", "Uart", "P0_Ctl", old[:-1] or "Z", old + "-bad", "In0", "Out0"])
    if attr == "flags":
        return rng.choice(["shared", "read-only", "none", "system", "boot", "unmapped"])
    if attr in ("type",):
        return rng.choice(["sampling", "queuing"])
    if attr in ("direction",):
        return rng.choice(["source", "destination"])
    if attr in ("action",):
        return rng.choice(["XM_HM_AC_PROPAGATE", "XM_HM_AC_IGNORE", "XM_HM_AC_SWITCH_TO_MAINTENANCE",
                           "XM_HM_AC_HALT", "XM_HM_AC_BOGUS"])
    if attr == "name" or attr == "name_":
        return old + "2"
    return old


def mutate(tree, rng):
    """One random change; returns a short description."""
    t = copy.deepcopy(tree)
    elements = [e for e in t.getroot().iter() if isinstance(e.tag, str)]
    kind = rng.choice(["attr", "attr", "attr", "remove", "duplicate"])
    if kind == "attr":
        candidates = [(e, a) for e in elements for a in e.attrib if a not in ("version",)]
        e, a = rng.choice(candidates)
        old = e.get(a)
        new = _value_for(rng, a, old)
        e.set(a, new)
        return t, f"{etree.QName(e).localname}@{a}: {old} -> {new}"
    removable = [e for e in elements if e.getparent() is not None and etree.QName(e).localname in
                 ("Slot", "Port", "Area", "Destination", "Event", "Partition", "Plan", "SamplingChannel",
                  "QueuingChannel", "Ipvi", "Uart", "Range", "Restricted", "Region", "Interrupts")]
    e = rng.choice(removable)
    if kind == "remove":
        e.getparent().remove(e)
        return t, f"removed {etree.QName(e).localname} (line {e.sourceline})"
    e.addnext(copy.deepcopy(e))
    return t, f"duplicated {etree.QName(e).localname}"


# ------------------------------------------------------------------ the two layers
def generator_rules(gen, xml):
    p = subprocess.run([sys.executable, gen, "check", str(xml)], capture_output=True, text=True)
    out = p.stdout + p.stderr
    if "Traceback" in out:
        return None, out
    rules = set(GEN_RULE.findall(out))
    if (p.returncode == 0) != (not rules):
        return None, out
    return rules, out


def compiler_rules(gen, cxx, root, xml, outdir):
    rc, out = compile_system(gen, cxx, root, xml, outdir)
    if rc is None:
        return None, "generate --no-check failed:\n" + out
    rules = rules_in(out)
    if rc != 0 and not rules:
        return None, "the C++ checks broke down instead of naming a rule:\n" + out[:3000]
    return rules, out


def run_case(args, root, name, tree, must_be_valid):
    work = Path(args.workdir) / name
    work.mkdir(parents=True, exist_ok=True)
    xml = work / "system.xml"
    tree.write(str(xml), pretty_print=True, xml_declaration=True, encoding="UTF-8")
    g, gout = generator_rules(args.generator, xml)
    if g is None:
        return "fail", f"{xml}: the generator misbehaved:\n{gout}"
    if must_be_valid and (g or ": warning: " in gout):
        return "fail", f"{xml}: a random valid system was not accepted silently:\n{gout}"
    if g & GENERATOR_ONLY:
        return "generator-only", None
    c, cout = compiler_rules(args.generator, args.cxx, root, xml, work / "gen")
    if c is None:
        return "fail", f"{xml}: {cout}"
    c -= COMPILER_ONLY
    if g != c:
        return "fail", (f"{xml}: the layers disagree: generator {sorted(g)}, compiler {sorted(c)}\n"
                        f"--- generator:\n{gout}--- compiler (first lines):\n{cout[:3000]}")
    return ("rejected" if g else "accepted"), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--generator", required=True)
    ap.add_argument("--cxx", required=True)
    ap.add_argument("--source-root", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--systems", type=int, default=30)
    ap.add_argument("--mutations", type=int, default=4, help="mutations of each system")
    ap.add_argument("--seed", type=int, default=20261127)
    a = ap.parse_args()
    root = Path(a.source_root)
    rng = random.Random(a.seed)
    cases = []
    for i in range(a.systems):
        tree = random_system(rng, i)
        cases.append((f"s{i:03d}", tree, True, "valid"))
        for m in range(a.mutations):
            mt, what = mutate(tree, rng)
            cases.append((f"s{i:03d}_m{m}", mt, False, what))

    counts = {}
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = [pool.submit(run_case, a, root, name, tree, valid) for name, tree, valid, _ in cases]
        for (name, _, _, what), f in zip(cases, futures):
            verdict, detail = f.result()
            counts[verdict] = counts.get(verdict, 0) + 1
            if detail:
                failures.append(f"{name} ({what}): {detail}")
    for msg in failures:
        print("FAIL", msg, file=sys.stderr)
    print(f"property test (seed {a.seed}): {len(cases)} systems, " +
          ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
