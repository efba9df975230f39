"""Step 3: the semantic rules. Each rule is one function with a stable id
(the same id the C++ validators in include/stratum/config/check.hpp print);
every rule runs, every violation is reported, then the tool stops."""
from .diag import Diagnostic, Note
from .units import fmt_area

RULES = []


def rule(rule_id):
    def register(fn):
        RULES.append((rule_id, fn))
        return fn
    return register


def _overlap(a, b):
    return a.start < b.end and b.start < a.end


@rule("MEM-AREA-OVERLAP")
def partition_areas_disjoint(system):
    """Areas of two different partitions are disjoint unless both are shared."""
    parts = system.partitions
    for i, p in enumerate(parts):
        for q in parts[i + 1:]:
            for a in p.areas:
                for b in q.areas:
                    if _overlap(a, b) and not ("shared" in a.flags and "shared" in b.flags):
                        yield Diagnostic(
                            "MEM-AREA-OVERLAP",
                            f"Partition '{q.name}' area {fmt_area(b.start, b.size)} overlaps "
                            f"Partition '{p.name}' area {fmt_area(a.start, a.size)}",
                            b.line, [Note(a.line, f"Partition '{p.name}' area {fmt_area(a.start, a.size)} "
                                                  f"is defined here")])


@rule("MEM-AREA-HYPERVISOR")
def hypervisor_areas_private(system):
    """No partition area overlaps the hypervisor's own areas."""
    for p in system.partitions:
        for a in p.areas:
            for h in system.hypervisor_areas:
                if _overlap(a, h):
                    yield Diagnostic(
                        "MEM-AREA-HYPERVISOR",
                        f"Partition '{p.name}' area {fmt_area(a.start, a.size)} overlaps the "
                        f"XMHypervisor area {fmt_area(h.start, h.size)}",
                        a.line, [Note(h.line, "the XMHypervisor area is defined here")])


def run_all(system):
    found = []
    for _rule_id, fn in RULES:
        found.extend(fn(system))
    return sorted(found, key=lambda d: d.line)
