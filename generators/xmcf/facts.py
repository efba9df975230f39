"""Facts the C++ headers state once and the generator reads from them: the
target's (include/stratum/config/target.hpp) and a board's
(boards/<board>/facts.hpp). The C++ side is the one source; nothing here
restates a number.

A fact is one line of the header, in exactly this shape:

    inline constexpr <type> <name> = <value>;
    inline constexpr <type> <name>[] = {<value>, <value>};

where a value is an integer literal (decimal or hex, with an optional `u`
suffix), a product or sum of them (`256 * 1024`), or a string literal.
Other lines (comments, includes, namespaces, code) are not facts. A fact the
generator asks for and does not find is an error that names the file, so a
header reshaped beyond this grammar stops the tool instead of being misread.
"""
import ast
import operator
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TARGET_HEADER = ROOT / "include" / "stratum" / "config" / "target.hpp"
BOARDS = ROOT / "boards"

_FACT = re.compile(r"^\s*inline\s+constexpr\s+[\w:\s*]+?\b(\w+)\s*(\[\])?\s*=\s*(.+?);\s*(?://.*)?$")
_INT_SUFFIX = re.compile(r"\b(0[xX][0-9a-fA-F]+|\d+)[uU]?\b")
_OPS = {ast.Mult: operator.mul, ast.Add: operator.add, ast.Sub: operator.sub, ast.LShift: operator.lshift}


class FactError(Exception):
    pass


def _value(text, where):
    text = text.strip()
    if text.startswith('"') and text.endswith('"'):
        return text[1:-1]
    tree = ast.parse(_INT_SUFFIX.sub(r"\1", text), mode="eval")

    def ev(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](ev(node.left), ev(node.right))
        raise FactError(f"{where}: '{text}' is not a number, a product of numbers or a string")
    return ev(tree.body)


class Facts:
    """The facts of one header, as attributes: `Facts(path).io_window_start`."""

    def __init__(self, path):
        self.path = Path(path)
        self._facts = {}
        for n, line in enumerate(self.path.read_text().splitlines(), 1):
            m = _FACT.match(line)
            if not m:
                continue
            name, array, value = m.groups()
            where = f"{self.path}:{n}"
            if array:
                items = value.strip()
                if not (items.startswith("{") and items.endswith("}")):
                    continue  # an array of objects, not a fact
                self._facts[name] = tuple(_value(v, where) for v in items[1:-1].split(",") if v.strip())
            else:
                try:
                    self._facts[name] = _value(value, where)
                except (FactError, SyntaxError):
                    continue  # an expression of other constants: code, not a fact

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._facts[name]
        except KeyError:
            raise FactError(f"{self.path}: no fact '{name}' (a line 'inline constexpr ... {name} = ...;')") from None


def target():
    return Facts(TARGET_HEADER)


def board_names():
    """The boards that state their facts: boards/<name>/facts.hpp."""
    return sorted(p.parent.name for p in BOARDS.glob("*/facts.hpp"))


def board(name):
    return Facts(BOARDS / name / "facts.hpp")
