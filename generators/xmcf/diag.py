"""Compiler-style diagnostics: `file:line: error: [RULE-ID] message`, or
`warning:` for the manual's advice (a warning never stops the tool, unless
--werror makes it an error)."""
from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass
class Note:
    line: int
    message: str


@dataclass
class Diagnostic:
    rule: str
    message: str
    line: int
    notes: list = field(default_factory=list)
    severity: str = ERROR

    def render(self, path):
        out = [f"{path}:{self.line}: {self.severity}: [{self.rule}] {self.message}"]
        out += [f"{path}:{n.line}: note: {n.message}" for n in self.notes]
        return "\n".join(out)


def count(diagnostics):
    """'2 errors and 1 warning', '1 warning', '0 errors'."""
    errors = sum(1 for d in diagnostics if d.severity == ERROR)
    warnings = len(diagnostics) - errors
    parts = [f"{n} {what}{'s' if n != 1 else ''}" for n, what in ((errors, ERROR), (warnings, WARNING)) if n]
    return " and ".join(parts) or "0 errors"


class ConfigError(Exception):
    """Raised when a step cannot go on; carries every diagnostic found so far."""

    def __init__(self, diagnostics):
        super().__init__(f"{len(diagnostics)} error(s)")
        self.diagnostics = diagnostics
