"""The health monitor's events, actions and the matrix of which actions an
event may take in each of the two HM tables (manual 2.13.1 to 2.13.3;
docs/configuration-rules.md, "The HM matrix", says where each cell comes
from).

Written once, here. The generator's rules read this module, and the C++
layer reads include/stratum/config/hm_matrix.hpp, which is generated from
it (`tests/config/facts.py --update`; the meson test `facts-written-once`
fails when the header is stale).

Names are kept as the XML spells them: `XM_HM_EV_...` and `XM_HM_AC_...`.
An event XtratuM spells in more than one way has one canonical name (the
one the tables carry) and its other spellings as aliases.
"""

EVENT_PREFIX = "XM_HM_EV_"
ACTION_PREFIX = "XM_HM_AC_"

# The two levels: the XMHypervisor table and each partition's table.
HYPERVISOR = "hypervisor"
PARTITION = "partition"
TABLE_NAME = {HYPERVISOR: "XMHypervisor HealthMonitor", PARTITION: "partition HealthMonitor"}

# Manual 2.13.2, in its order.
ACTION_NAMES = ("IGNORE", "SHUTDOWN", "COLD_RESET", "WARM_RESET", "PARTITION_COLD_RESET",
                "PARTITION_WARM_RESET", "HYPERVISOR_COLD_RESET", "HYPERVISOR_WARM_RESET", "SUSPEND",
                "HALT", "PROPAGATE", "SWITCH_TO_MAINTENANCE")
ACTIONS = tuple(ACTION_PREFIX + a for a in ACTION_NAMES)
IGNORE, PROPAGATE, SWITCH_TO_MAINTENANCE = (ACTION_PREFIX + a for a in ("IGNORE", "PROPAGATE",
                                                                        "SWITCH_TO_MAINTENANCE"))

# The action sets of the matrix: name -> (the set it is made from, actions
# added, actions removed, why). Manual 2.13.2 says whom each action acts on;
# COLD_RESET, WARM_RESET and HALT act on "the failing partition/processor":
# on the processor (the whole system) when the XMHypervisor table takes them.
SETS = {
    "H": (None, ("IGNORE", "COLD_RESET", "WARM_RESET", "HYPERVISOR_COLD_RESET", "HYPERVISOR_WARM_RESET", "HALT",
                 "SWITCH_TO_MAINTENANCE"), (), "what acts on the hypervisor, the processor or the plan"),
    "HS": ("H", (), ("IGNORE", "SWITCH_TO_MAINTENANCE"),
           "the hypervisor itself faulted: only restarting or stopping the system is safe"),
    "P": (None, ("IGNORE", "SHUTDOWN", "COLD_RESET", "WARM_RESET", "PARTITION_COLD_RESET", "PARTITION_WARM_RESET",
                 "HYPERVISOR_COLD_RESET", "HYPERVISOR_WARM_RESET", "SUSPEND", "HALT", "SWITCH_TO_MAINTENANCE"), (),
          "what acts on the failing partition, or on the whole system because of it"),
    "P_": ("P", (), ("IGNORE",), "P without IGNORE: the event must not be let pass"),
    "PT": ("P", ("PROPAGATE",), (), "P plus PROPAGATE: a trap the partition can handle itself"),
}


def _set(name):
    if name is None:
        return frozenset()
    base, plus, minus, _why = SETS[name]
    return (_set(base) | {ACTION_PREFIX + a for a in plus}) - {ACTION_PREFIX + a for a in minus}


# SPARC v8 traps a partition's code (or the hypervisor's) can cause, in the
# order of listing 5.24 (whose trap macro follows each name). XtratuM for
# SPARC v8 spells the event XM_HM_EV_SPARCV8_<name>, the canonical name;
# XtratuM 3 spells it XM_HM_EV_SPARC_<name>, an alias.
SPARC_TRAPS = (
    ("WRITE_ERROR", "DATA_STORE_ERROR"), ("INSTR_ACCESS_MMU_MISS", "INSTRUCTION_ACCESS_MMU_MISS"),
    ("INSTR_ACCESS_ERROR", "INSTRUCTION_ACCESS_ERROR"), ("REGISTER_HARDWARE_ERROR", "R_REGISTER_ACCESS_ERROR"),
    ("INSTR_ACCESS_EXCEPTION", "INSTRUCTION_ACCESS_EXCEPTION"), ("PRIVILEGED_INSTR", "PRIVILEGED_INSTRUCTION"),
    ("ILLEGAL_INSTR", "ILLEGAL_INSTRUCTION"), ("FP_DISABLED", "FP_DISABLED"), ("CP_DISABLED", "CP_DISABLED"),
    ("UNIMPLEMENTED_FLUSH", "UNIMPLEMENTED_FLUSH"), ("WATCHPOINT_DETECTED", "WATCHPOINT_DETECTED"),
    ("MEM_ADDR_NOT_ALIGNED", "MEM_ADDRESS_NOT_ALIGNED"), ("FP_EXCEPTION", "FP_EXCEPTION"),
    ("CP_EXCEPTION", "CP_EXCEPTION"), ("DATA_ACCESS_ERROR", "DATA_ACCESS_ERROR"),
    ("DATA_ACCESS_MMU_MISS", "DATA_ACCESS_MMU_MISS"), ("DATA_ACCESS_EXCEPTION", "DATA_ACCESS_EXCEPTION"),
    ("TAG_OVERFLOW", "TAG_OVERFLOW"), ("DIVIDE_EXCEPTION", "DIVISION_BY_ZERO"),
)

# event -> (XMHypervisor table's set, partition table's set, why); None is
# "—": the event is not handled in that table. Manual 2.13.1, then the traps.
MATRIX = {
    "INTERNAL_ERROR": ("HS", None, "the hypervisor's own fault"),
    "UNEXPECTED_TRAP": ("H", "P", "taken in the hypervisor or in a partition"),
    "PARTITION_ERROR": (None, "P", "raised by the partition itself: propagating it back would loop"),
    "PARTITION_INTEGRITY": (None, "P_", "a corrupt image must not run"),
    "PARTITION_UNRECOVERABLE": (None, "P_", "unrecoverable by definition"),
    "INCOMPATIBLE_INTERFACE": (None, "P_", "the partition was built for another ABI"),
    "MEM_PROTECTION": ("HS", "PT", "either XtratuM or a partition made the access"),
    "OVERRUN": (None, "P", "the partition overran its slot"),
    "SCHED_ERROR": ("H", None, "the plan, not a partition"),
    "WATCHDOG_TIMER": ("H", None, "a processor signal"),
    **{"SPARCV8_" + t: ("HS", "PT", macro) for t, macro in SPARC_TRAPS},
}
EVENTS = tuple(EVENT_PREFIX + e for e in MATRIX)
ALIASES = {EVENT_PREFIX + "SPARC_" + t: EVENT_PREFIX + "SPARCV8_" + t for t, _macro in SPARC_TRAPS}

_ALLOWED = {EVENT_PREFIX + e: {level: _set(s) for level, s in ((HYPERVISOR, h), (PARTITION, p)) if s}
            for e, (h, p, _why) in MATRIX.items()}


def canonical(name):
    """The canonical name of an event spelt `name` (unknown names unchanged)."""
    return ALIASES.get(name, name)


def is_event(name):
    return name in _ALLOWED


def is_action(name):
    return name in ACTIONS


def handled_at(event, level):
    """True when `event` (a known event) may appear in a `level` table."""
    return level in _ALLOWED.get(event, {})


def other_level(event, level):
    """The level that handles `event` when `level` does not (None if neither)."""
    return next((other for other in _ALLOWED.get(event, {}) if other != level), None)


def allowed(event, level):
    """The actions `event` may take in a `level` table (empty when none)."""
    return _ALLOWED.get(event, {}).get(level, frozenset())


def _wrapped(head, terms, width=110):
    """`head` then `terms` joined by ' | ', wrapped under the first term."""
    lines, line = [], head
    for k, term in enumerate(terms):
        piece = term + (" | " if k + 1 < len(terms) else ";")
        if len(line) + len(piece.rstrip()) > width and line.strip() != head.strip():
            lines.append(line.rstrip())
            line = " " * len(head)
        line += piece
    return lines + [line]


def render_header():
    """include/stratum/config/hm_matrix.hpp: the same vocabulary and matrix
    for the C++ layer (the tables carry canonical event names only)."""
    out = ["// Generated from generators/xmcf/hm.py by tests/config/facts.py --update: do not edit.",
           "// The HM vocabulary and matrix, written once in hm.py; config/hm.hpp adds the",
           "// look-ups. Where each cell comes from: docs/configuration-rules.md, \"The HM matrix\".",
           "#pragma once", "", "#include <cstdint>", "", "namespace stratum::config::hm {", "",
           "// Manual 2.13.2, in its order.", "enum class Action : std::uint8_t {"]
    out += [f"  {a.lower()}," for a in ACTION_NAMES]
    out += ["};", "inline constexpr const char* action_names[] = {"]
    out += [f'    "{a}",' for a in ACTIONS]
    out += ["};", "", "// A set of actions, one bit per Action.", "using ActionSet = std::uint32_t;",
            "constexpr ActionSet bit(Action a) { return ActionSet{1} << static_cast<unsigned>(a); }", "",
            "namespace sets {", "inline constexpr ActionSet none = 0;  // \"—\": not handled in this table"]
    for name, (base, plus, minus, why) in SETS.items():
        out.append(f"// {name}: {why}.")
        if base is None:
            out += _wrapped(f"inline constexpr ActionSet {name} = ", [f"bit(Action::{a.lower()})" for a in plus])
        elif plus:
            out.append(f"inline constexpr ActionSet {name} = {base} | " +
                       " | ".join(f"bit(Action::{a.lower()})" for a in plus) + ";")
        else:
            out.append(f"inline constexpr ActionSet {name} = {base} & ~(" +
                       " | ".join(f"bit(Action::{a.lower()})" for a in minus) + ");")
    out += ["}  // namespace sets", "", "struct EventInfo {", "  const char* name;",
            "  ActionSet hypervisor;  // allowed in the XMHypervisor table (none: not handled there)",
            "  ActionSet partition;   // allowed in a partition's table", "};", "",
            "// Manual 2.13.1, then one event per SPARC v8 trap of listing 5.24.",
            "inline constexpr EventInfo events[] = {"]
    traps = {"SPARCV8_" + t for t, _macro in SPARC_TRAPS}
    for e, (h, p, why) in MATRIX.items():
        row = f'    {{"{EVENT_PREFIX + e}", sets::{h or "none"}, sets::{p or "none"}}},'
        if e not in traps:
            out += [f"    // {why}", row]
            continue
        if e == "SPARCV8_" + SPARC_TRAPS[0][0]:
            out.append("    // SPARC v8 traps (listing 5.24's macro after each), in the hypervisor or in a partition")
        out.append(f"{row}  // {why}")
    out += ["};", "", "}  // namespace stratum::config::hm", ""]
    return "\n".join(out)
