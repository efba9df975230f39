"""The rules of the board a system is checked for (`stratum-gen check
--board NAME`, leon3-qemu by default), from the board's facts
(boards/<board>/facts.hpp). The C++ layer checks the same rules where the
image is instantiated for the board (Board::valid_for<S>() in
boards/<board>/board.hpp); a system that breaks only these is a valid XM_CF
file that this board cannot run."""
from .common import board_rule, violation


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
