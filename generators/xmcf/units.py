"""The manual's units (8.3.1): sizes, times, frequencies and hex addresses.

Values are normalised to bytes, microseconds and kHz. The XSD has already
checked the spelling; here we refuse values that do not fit the tables
(fractions of a byte or a microsecond, more than 32 bits).
"""
import re
from decimal import Decimal

_SIZE = {"B": 1, "KB": 1024, "MB": 1024 * 1024}
_TIME = {"s": 1_000_000, "ms": 1000, "us": 1}
# Spellings the XSD admits: the manual writes "50Mhz".
_FREQ = {"Hz": Decimal("0.001"), "hz": Decimal("0.001"), "KHz": 1, "Khz": 1, "MHz": 1000, "Mhz": 1000}

U32_MAX = 0xFFFFFFFF


class UnitError(ValueError):
    rule = "UNIT"


class TickError(UnitError):
    """A time that is not a whole number of hypervisor timer ticks (1us)."""
    rule = "TIME-TICK"


def _split(text, units):
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)([A-Za-z]+)", text.strip())
    if not m or m.group(2) not in units:
        raise UnitError(f"'{text}' is not a value with one of the units {', '.join(units)}")
    return Decimal(m.group(1)), units[m.group(2)]


def _whole(value, text, what):
    if value != value.to_integral_value():
        raise UnitError(f"'{text}' is not a whole number of {what}")
    if value > U32_MAX:
        raise UnitError(f"'{text}' does not fit in 32 bits of {what}")
    return int(value)


def size(text):
    n, mult = _split(text, _SIZE)
    return _whole(n * mult, text, "bytes")


def time_us(text):
    n, mult = _split(text, _TIME)
    value = n * mult
    if value != value.to_integral_value():
        raise TickError(f"'{text}' is not a whole number of timer ticks (the hypervisor's timer counts 1us)")
    return _whole(value, text, "microseconds")


def u32(text):
    value = int(text)
    if value > U32_MAX:
        raise UnitError(f"'{text}' does not fit in 32 bits")
    return value


def u32_list(text):
    return [u32(t) for t in text.split()]


def frequency_khz(text):
    n, mult = _split(text, _FREQ)
    return _whole(n * mult, text, "kHz")


def hex_u32(text):
    value = int(text, 16)
    if value > U32_MAX:
        raise UnitError(f"'{text}' does not fit in 32 bits")
    return value


def fmt_size(n):
    for unit, mult in (("MB", 1024 * 1024), ("KB", 1024)):
        if n and n % mult == 0:
            return f"{n // mult}{unit}"
    return f"{n}B"


def fmt_time(us):
    """The largest of s, ms, us that divides it; zero is 0ms (as the C++ Text spells it)."""
    if us == 0:
        return "0ms"
    for unit, mult in (("s", 1_000_000), ("ms", 1000)):
        if us and us % mult == 0:
            return f"{us // mult}{unit}"
    return f"{us}us"


def fmt_area(start, nbytes):
    return f"0x{start:08x}+{fmt_size(nbytes)}"
