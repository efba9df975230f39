#!/usr/bin/python3
"""The attack suite's expected.txt must record no failure: the qemu test only
compares a run with it, so a failure regenerated into it would pass.

  check_expected.py EXPECTED

Fails on any line with a marker the suite prints when isolation or the
health monitor is broken (main.c, referee.c)."""
import sys

MARKERS = [
    "NOT STOPPED",       # an attack the hypervisor neither refused nor stopped
    "WRONG ACTION",      # the attacker's state is not its HM table's action
    "VICTIM",            # the victim's failures (LATE, changed, LOST) and its halt
    "cannot read",       # the referee lost sight of the attacker
    "cannot open",       # or of the HM log
    "HM log:",           # a partition other than the attacker faulted
    "XM_hm_read =",      # the log refused its reader
]


def main():
    bad = 0
    with open(sys.argv[1]) as f:
        for no, line in enumerate(f, 1):
            for m in MARKERS:
                if m in line:
                    print(f"{sys.argv[1]}:{no}: {m}: {line.rstrip()}")
                    bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
