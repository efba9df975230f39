"""The health monitor tables, against the matrix of generators/xmcf/hm.py
(docs/configuration-rules.md, "Health monitor"; C++: include/stratum/config/
check_hm.hpp). Events are named canonically, as the tables carry them; an
event written in another of XtratuM's spellings gets a note saying so."""
from .. import hm
from .common import Note, plan_by_id, repeats, rule, violation


def _tables(system):
    yield "XMHypervisor HealthMonitor", hm.HYPERVISOR, system.hypervisor_hm_events
    for p in system.partitions:
        yield f"Partition '{p.name}' HealthMonitor", hm.PARTITION, p.hm_events


def _events(system):
    """(table, level, event) of every entry of every table, in the order written."""
    return ((table, level, e) for table, level, events in _tables(system) for e in events)


def _spelling(e, notes=()):
    """The notes of a diagnostic about `e`, and one more when the file spells
    the event otherwise than its canonical name."""
    notes = list(notes)
    if e.written is not None and e.written != e.name:
        notes.append(Note(e.line, f"{e.written} is XtratuM's other spelling of {e.name}"))
    return notes


@rule
def hm_event_unknown(system):
    for table, _level, e in _events(system):
        if not hm.is_event(e.name):
            yield violation(f"{table} names event '{e.name}', which is not an HM event", e.line)


@rule
def hm_action_unknown(system):
    for table, _level, e in _events(system):
        if not hm.is_action(e.action):
            yield violation(f"{table} event {e.name} names action '{e.action}', which is not an HM action", e.line,
                            _spelling(e))


@rule
def hm_event_level(system):
    for table, level, e in _events(system):
        if hm.is_event(e.name) and not hm.handled_at(e.name, level):
            other = hm.TABLE_NAME[hm.other_level(e.name, level)]
            yield violation(f"{table} cannot handle event {e.name}: it is handled in the {other} table", e.line,
                            _spelling(e))


@rule
def hm_action_not_allowed(system):
    for table, level, e in _events(system):
        if (hm.is_event(e.name) and hm.handled_at(e.name, level) and hm.is_action(e.action)
                and e.action not in hm.allowed(e.name, level)):
            yield violation(f"{table} event {e.name} may not take action {e.action}", e.line, _spelling(e))


@rule
def hm_event_duplicate(system):
    for table, _level, events in _tables(system):
        for e, f in repeats(events, lambda e: e.name):
            yield violation(f"{table} lists event {e.name} twice", e.line,
                            _spelling(e, [Note(f.line, f"{table} lists event {f.name} here first")]))


@rule
def hm_maintenance_plan(system):
    for table, _level, e in _events(system):
        if e.action != hm.SWITCH_TO_MAINTENANCE:
            continue
        for c in system.processors:
            if plan_by_id(c, 1) is None:
                yield violation(f"{table} event {e.name} switches to the maintenance plan, but processor {c.id} "
                                f"has no plan 1", e.line,
                                _spelling(e, [Note(c.line, f"Processor {c.id} is defined here")]))
