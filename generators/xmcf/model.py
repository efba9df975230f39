"""The configuration model: plain data, each object with its source line.

The emitter and the checks only see these classes, never XML. Each class
mirrors one aggregate of include/stratum/config/model.hpp; names are kept as
the XML spells them, references (consoles, channel ends, slots) are kept as
written and resolved by the checks, so a wrong reference is a diagnostic and
never a crash.
"""
from dataclasses import dataclass, field


@dataclass
class Area:
    start: int
    size: int
    flags: list          # manual spelling: "shared", "read-only", ...
    mapped_at: int | None
    line: int
    name: str | None = None

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

    @property
    def end(self):
        return self.start + self.size


@dataclass
class Slot:
    id: int
    start_us: int
    duration_us: int
    partition_id: int
    line: int
    vcpu_id: int = 0


@dataclass
class Plan:
    id: int
    major_frame_us: int
    slots: list
    line: int
    name: str | None = None


@dataclass
class Processor:
    id: int
    frequency_khz: int
    plans: list
    line: int
    features: str | None = None


@dataclass
class Device:
    kind: str            # "uart" | "memory_block"
    name: str
    line: int
    id: int = 0
    baud_rate: int = 0
    start: int = 0
    size: int = 0


@dataclass
class HmEvent:
    name: str            # XM_HM_EV_..., canonical (hm.canonical): what the tables carry
    action: str          # XM_HM_AC_...
    log: bool
    line: int
    written: str | None = None  # the name as the file spells it


@dataclass
class Trace:
    device: str
    bitmask: int
    line: int


@dataclass
class IoPort:
    kind: str            # "range" | "restricted"
    address: int
    count: int
    mask: int
    line: int


@dataclass
class Port:
    name: str
    kind: str            # "sampling" | "queuing"
    direction: str       # "source" | "destination"
    line: int


@dataclass
class Partition:
    id: int
    name: str
    flags: list
    areas: list
    line: int
    console: str | None = None
    processors: list = field(default_factory=list)
    vcpus: int = 1
    temporal: tuple | None = None       # (duration_us, period_us, line)
    irq_lines: list = field(default_factory=list)
    irq_line_no: int = 0                # line of HwResources/Interrupts
    io_ports: list = field(default_factory=list)
    ports: list = field(default_factory=list)
    hm_events: list = field(default_factory=list)
    trace: Trace | None = None


@dataclass
class ChannelEnd:
    partition_id: int
    partition_name: str | None
    port_name: str
    line: int


@dataclass
class SamplingChannel:
    max_message_length: int
    refresh_period_us: int
    valid_period_us: int
    source: ChannelEnd
    destinations: list
    line: int


@dataclass
class QueuingChannel:
    max_message_length: int
    max_messages: int
    source: ChannelEnd
    destination: ChannelEnd
    line: int


@dataclass
class Ipvi:
    id: int
    source_id: int
    destination_ids: list
    line: int


@dataclass
class System:
    name: str
    version: str
    regions: list = field(default_factory=list)
    processors: list = field(default_factory=list)
    devices: list = field(default_factory=list)
    hypervisor_areas: list = field(default_factory=list)
    hypervisor_console: str | None = None
    hypervisor_hm_device: str | None = None
    hypervisor_hm_events: list = field(default_factory=list)
    hypervisor_trace: Trace | None = None
    hypervisor_line: int = 1
    rsw_areas: list = field(default_factory=list)
    rsw_entry_point: int = 0
    partitions: list = field(default_factory=list)
    sampling_channels: list = field(default_factory=list)
    queuing_channels: list = field(default_factory=list)
    ipvis: list = field(default_factory=list)
    line: int = 1
