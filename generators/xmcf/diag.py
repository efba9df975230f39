"""Compiler-style diagnostics: `file:line: error: [RULE-ID] message`."""
from dataclasses import dataclass, field


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

    def render(self, path):
        out = [f"{path}:{self.line}: error: [{self.rule}] {self.message}"]
        out += [f"{path}:{n.line}: note: {n.message}" for n in self.notes]
        return "\n".join(out)


class ConfigError(Exception):
    """Raised when a step cannot go on; carries every diagnostic found so far."""

    def __init__(self, diagnostics):
        super().__init__(f"{len(diagnostics)} error(s)")
        self.diagnostics = diagnostics
