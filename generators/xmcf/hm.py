"""The health monitor's events, actions and the matrix of which actions an
event may take in each of the two HM tables (docs/configuration-rules.md,
"The HM matrix"; manual 2.13.1 to 2.13.3).

Names are kept as the XML spells them: `XM_HM_EV_...` and `XM_HM_AC_...`.
"""

EVENT_PREFIX = "XM_HM_EV_"
ACTION_PREFIX = "XM_HM_AC_"

# The two levels: the XMHypervisor table and each partition's table.
HYPERVISOR = "hypervisor"
PARTITION = "partition"

TABLE_NAME = {HYPERVISOR: "XMHypervisor HealthMonitor", PARTITION: "partition HealthMonitor"}


def _actions(*names):
    return frozenset(ACTION_PREFIX + n for n in names)


IGNORE = ACTION_PREFIX + "IGNORE"
PROPAGATE = ACTION_PREFIX + "PROPAGATE"
SWITCH_TO_MAINTENANCE = ACTION_PREFIX + "SWITCH_TO_MAINTENANCE"

# Action sets of the matrix.
H = _actions("IGNORE", "HYPERVISOR_COLD_RESET", "HYPERVISOR_WARM_RESET", "SWITCH_TO_MAINTENANCE")
H_NO_IGNORE = H - {IGNORE}
P = _actions("IGNORE", "SHUTDOWN", "COLD_RESET", "WARM_RESET", "PARTITION_COLD_RESET",
             "PARTITION_WARM_RESET", "HYPERVISOR_COLD_RESET", "HYPERVISOR_WARM_RESET", "SUSPEND",
             "HALT", "SWITCH_TO_MAINTENANCE")
P_NO_IGNORE = P - {IGNORE}
PT = P | {PROPAGATE}

# Every HM action (manual 2.13.2): the union of the sets above.
ACTIONS = frozenset(H | PT)

# SPARC traps of listing 5.24 a partition's code can cause: one event each.
SPARC_TRAPS = (
    "SPARC_DATA_STORE_ERROR", "SPARC_INSTRUCTION_ACCESS_MMU_MISS", "SPARC_INSTRUCTION_ACCESS_ERROR",
    "SPARC_R_REGISTER_ACCESS_ERROR", "SPARC_INSTRUCTION_ACCESS_EXCEPTION", "SPARC_PRIVILEGED_INSTRUCTION",
    "SPARC_ILLEGAL_INSTRUCTION", "SPARC_FP_DISABLED", "SPARC_CP_DISABLED", "SPARC_UNIMPLEMENTED_FLUSH",
    "SPARC_WATCHPOINT_DETECTED", "SPARC_MEM_ADDRESS_NOT_ALIGNED", "SPARC_FP_EXCEPTION", "SPARC_CP_EXCEPTION",
    "SPARC_DATA_ACCESS_ERROR", "SPARC_DATA_ACCESS_MMU_MISS", "SPARC_DATA_ACCESS_EXCEPTION",
    "SPARC_TAG_OVERFLOW", "SPARC_DIVISION_BY_ZERO",
)

# event -> {level: allowed actions}; a level missing from the dict is "—":
# the event is not handled in that table.
MATRIX = {
    EVENT_PREFIX + "INTERNAL_ERROR": {HYPERVISOR: H_NO_IGNORE},
    EVENT_PREFIX + "SCHED_ERROR": {HYPERVISOR: H},
    EVENT_PREFIX + "WATCHDOG_TIMER": {HYPERVISOR: H},
    EVENT_PREFIX + "UNEXPECTED_TRAP": {HYPERVISOR: H, PARTITION: P},
    EVENT_PREFIX + "PARTITION_ERROR": {PARTITION: P},
    EVENT_PREFIX + "PARTITION_INTEGRITY": {PARTITION: P_NO_IGNORE},
    EVENT_PREFIX + "PARTITION_UNRECOVERABLE": {PARTITION: P_NO_IGNORE},
    EVENT_PREFIX + "INCOMPATIBLE_INTERFACE": {PARTITION: P_NO_IGNORE},
    EVENT_PREFIX + "MEM_PROTECTION": {PARTITION: PT},
    EVENT_PREFIX + "OVERRUN": {PARTITION: P},
    **{EVENT_PREFIX + t: {PARTITION: PT} for t in SPARC_TRAPS},
}

EVENTS = tuple(MATRIX)


def is_event(name):
    return name in MATRIX


def is_action(name):
    return name in ACTIONS


def handled_at(event, level):
    """True when `event` (a known event) may appear in a `level` table."""
    return level in MATRIX.get(event, {})


def other_level(event, level):
    """The level that handles `event` when `level` does not (None if neither)."""
    for other in MATRIX.get(event, {}):
        if other != level:
            return other
    return None


def allowed(event, level):
    """The actions `event` may take in a `level` table (empty when none)."""
    return MATRIX.get(event, {}).get(level, frozenset())
