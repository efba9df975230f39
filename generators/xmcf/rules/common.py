"""What every rule is built from: the registry (a rule is found by its
function's name), the target's facts, and the helpers that spell objects the
way docs/configuration-rules.md (and so the C++ layer) spells them.

Conventions every rule follows:
  - references (slot -> partition, channel end -> partition and port, ...)
    are resolved by the id/name as written, to the first object that carries
    it; an unresolved reference is reported by its own rule and the rules that
    need the referenced object skip it: nothing here may raise on odd input;
  - when two objects conflict, the one written later is named first and the
    diagnostic points at its line, with a note at the other;
  - an area that runs past 4GB (MEM-AREA-WRAP) is left out of the region,
    overlap and virtual-collision rules: only the wrap is reported;
  - in a plan whose major frame is 0 (PLAN-MAJOR-FRAME), the slots are not
    checked against the frame (SLOT-OUTSIDE-FRAME).
"""
from dataclasses import dataclass

from .. import facts
from ..diag import ERROR, WARNING, Diagnostic, Note  # noqa: F401 (Note: for the topics)
from ..units import fmt_area, fmt_size

ADDRESS_SPACE = 1 << 32
TARGET = facts.target()  # include/stratum/config/target.hpp


@dataclass
class Rule:
    id: str
    check: object  # system -> diagnostics, or (system, board facts) -> diagnostics
    severity: str
    board: bool = False


RULES = []


def rule_id(fn):
    """SLOT-OVERLAP for slot_overlap: the function's name is the rule's id."""
    return fn.__name__.upper().replace("_", "-")


def _register(severity, board=False):
    def register(fn):
        RULES.append(Rule(rule_id(fn), fn, severity, board))
        return fn
    return register


rule = _register(ERROR)            # a rule: breaking it is an error
advice = _register(WARNING)        # the manual's advice: a warning
board_rule = _register(ERROR, board=True)  # a rule of the board the system is checked for
board_advice = _register(WARNING, board=True)  # the board's advice: a warning


def violation(message, line, notes=()):
    """One violation; the registry fills in the rule id and the severity."""
    return Diagnostic(None, message, line, list(notes))


# ------------------------------------------------------------------ spellings
def hex_(value):
    return f"0x{value:08x}"


def area(a):
    return fmt_area(a.start, a.size)


def partition(p):
    return f"Partition '{p.name}'"


def slot(c, plan, s):
    return f"Processor {c.id} plan {plan.id} slot {s.id}"


def region(r):
    return f"Region {fmt_area(r.start, r.size)}"


IO_WINDOW = (TARGET.io_window_start, TARGET.io_window_size)
IO_WINDOW_TEXT = f"the I/O window {fmt_area(*IO_WINDOW)}"
PAGE_TEXT = f"{fmt_size(TARGET.mmu_page)} pages"


# ------------------------------------------------------------------ helpers
def overlap(a_start, a_size, b_start, b_size):
    """Half-open ranges, on unbounded integers: nothing wraps."""
    return a_start < b_start + b_size and b_start < a_start + a_size


def areas_overlap(a, b):
    return overlap(a.start, a.size, b.start, b.size)


def wraps(a):
    return a.start + a.size > ADDRESS_SPACE


def view_wraps(a):
    return a.mapped_at is not None and a.mapped_at + a.size > ADDRESS_SPACE


def in_space(a):
    """An area the region, overlap and collision rules look at."""
    return not wraps(a)


def in_io_window(start, size):
    return overlap(start, size, *IO_WINDOW)


def partitions_by_id(system):
    found = {}
    for p in system.partitions:
        found.setdefault(p.id, p)
    return found


def boots(system, p):
    """A partition boots when it has the boot flag, or when none has it."""
    return "boot" in p.flags or not any("boot" in q.flags for q in system.partitions)


def owners(system):
    """(owner spelling, areas) of every area list, in the order written."""
    out = [("XMHypervisor", system.hypervisor_areas)]
    if system.rsw_areas:
        out.append(("ResidentSw", system.rsw_areas))
    out += [(partition(p), p.areas) for p in system.partitions]
    return out


def repeats(items, key):
    """(item, first) for each item whose key an earlier item has: the later
    one is named first, the first one in a note."""
    first = {}
    for item in items:
        f = first.setdefault(key(item), item)
        if f is not item:
            yield item, f


def later_pairs(items):
    """(a, b) for every two items, b written after a."""
    for j, b in enumerate(items):
        for a in items[:j]:
            yield a, b


def out_of_sequence(objects):
    """(position, object) for each object whose id is not its position."""
    return ((k, o) for k, o in enumerate(objects) if o.id != k)


def plan_by_id(processor, plan_id):
    return next((plan for plan in processor.plans if plan.id == plan_id), None)


def all_slots(system):
    """(processor, plan, slot) of every slot, in the order written."""
    return ((c, plan, s) for c in system.processors for plan in c.plans for s in plan.slots)
