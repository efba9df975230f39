"""The configuration model: plain data, each object with its source line.

The emitter and the checks only see these classes, never XML.
"""
from dataclasses import dataclass, field


@dataclass
class Area:
    start: int
    size: int
    flags: list          # manual spelling: "shared", "read-only", ...
    mapped_at: int | None
    line: int

    @property
    def end(self):
        return self.start + self.size

    @property
    def virtual_start(self):
        return self.start if self.mapped_at is None else self.mapped_at


@dataclass
class Region:
    type: str
    start: int
    size: int
    line: int


@dataclass
class Slot:
    id: int
    start_us: int
    duration_us: int
    partition_id: int
    line: int


@dataclass
class Plan:
    id: int
    major_frame_us: int
    slots: list
    line: int


@dataclass
class Processor:
    id: int
    frequency_khz: int
    plans: list
    line: int


@dataclass
class Partition:
    id: int
    name: str
    flags: list
    areas: list
    line: int


@dataclass
class System:
    name: str
    version: str
    regions: list = field(default_factory=list)
    processors: list = field(default_factory=list)
    hypervisor_areas: list = field(default_factory=list)
    partitions: list = field(default_factory=list)
    line: int = 1
