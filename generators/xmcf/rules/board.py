"""The rules of the board a system is checked for (`stratum-gen check
--board NAME`, leon3-qemu by default), from the board's facts
(boards/<board>/facts.hpp). The C++ layer checks the same rules where the
image is instantiated for the board (Board::valid_for<S>() in
boards/<board>/board.hpp); a system that breaks only these is a valid XM_CF
file that this board cannot run.

A rule registered with @board_advice is the board's advice: a warning, which
the C++ layer lists apart (boards/<board>/rules.hpp's `board_warnings`) and
never fails on."""
from ..units import fmt_area, fmt_time
from .common import TARGET, all_slots, board_advice, board_rule, region, slot, violation


@board_rule
def board_processors(system, board):
    """The plans of processors the board does not have would never run."""
    n = len(system.processors)
    if n > board.processors:
        extra = system.processors[board.processors]
        yield violation(f"system '{system.name}' declares {n} processors; board {board.name} has "
                        f"{board.processors}", extra.line)


@board_rule
def board_vcpus(system, board):
    """A slot for another vCPU would silently run vCPU 0."""
    for p in system.partitions:
        if p.vcpus > board.vcpus_per_partition:
            yield violation(f"Partition '{p.name}' has {p.vcpus} vCPUs; board {board.name} runs "
                            f"{board.vcpus_per_partition} per partition", p.line)


@board_rule
def board_memory(system, board):
    """A region the board does not have: its areas would be memory nobody can
    read or write, and a hypercall touching them would fault the hypervisor."""
    def inside(r, start, size):
        return r.start >= start and r.start + r.size <= start + size
    def others(r):  # MEM-REGION-WRAP's, MEM-IO-WINDOW's
        end = r.start + r.size
        return end > 1 << 32 or (r.start < TARGET.io_window_start + TARGET.io_window_size and end > TARGET.io_window_start)
    for r in system.regions:
        if not others(r) and not inside(r, board.ram_start, board.ram_size) and not inside(r, board.rom_start,
                                                                                              board.rom_size):
            yield violation(f"{region(r)} is not memory of board {board.name} (RAM "
                            f"{fmt_area(board.ram_start, board.ram_size)}, PROM {fmt_area(board.rom_start, board.rom_size)})",
                            r.line)
            return


@board_advice
def board_slot_length(system, board):
    """A slot starts at most board.slot_lateness_bound_us late; a shorter slot
    can pass wholly while the hypervisor serves another partition (it then
    raises XM_HM_EV_SCHED_ERROR). XtratuM accepts it: a warning. Empty slots
    are SLOT-EMPTY's."""
    bound = board.slot_lateness_bound_us
    for c, plan, s in all_slots(system):
        if 0 < s.duration_us < bound:
            yield violation(f"{slot(c, plan, s)} lasts {fmt_time(s.duration_us)}, less than the {fmt_time(bound)} "
                            f"a slot may start late on board {board.name}: the hypervisor may miss it wholly "
                            f"(XM_HM_EV_SCHED_ERROR)", s.line)
