"""Step 3: the semantic rules. One module per topic, mirroring the C++
validators of include/stratum/config/check_<topic>.hpp, plus the board's:

  names.py       names and identifiers
  scheduling.py  processors, plans, slots
  memory.py      regions, areas, the SRMMU's rules
  hardware.py    interrupt lines, I/O ports
  channels.py    ports, channels, Ipvis
  hm.py          health monitor tables (matrix in generators/xmcf/hm.py)
  board.py       what the board the system is checked for can run

Each rule is one function named after its rule id (SLOT-OVERLAP is
slot_overlap; the id is taken from the name, so the two cannot drift), the
same id the C++ validator prints. Every rule runs, every violation is
reported, then the tool stops. The rules, their ids and the exact text of
their messages are specified in docs/configuration-rules.md; the C++ layer
prints the same text, so any change here is a change of that document first.

A rule registered with @advice reports the manual's advice: a warning;
one registered with @board_advice, the board's (board.py).
"""
from . import board, channels, hardware, hm, memory, names, scheduling  # noqa: F401 (they register their rules)
from .common import RULES


def run_all(system, board_facts=None):
    """Every diagnostic of every rule, ordered by line; the board's rules
    only when `board_facts` (facts.board(name)) is given."""
    found = []
    for r in RULES:
        if r.board and board_facts is None:
            continue
        for d in (r.check(system, board_facts) if r.board else r.check(system)):
            d.rule, d.severity = r.id, r.severity
            found.append(d)
    return sorted(found, key=lambda d: d.line)
