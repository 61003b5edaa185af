"""Strict, column-wise checks of the values stored in a document, and the ``Reader`` that uses them.

SQLite does not enforce column types and a document is untrusted input, so every value read is
checked: text is text, a whole number is an ``int``, dates are ISO dates, enums are known values,
JSON columns hold the shape expected. A ``Parser`` checks a whole column at once where it can
(a set of the value types, a dict lookup per enum), which keeps opening a large document close to
raw ``sqlite3`` speed, and falls back to one value at a time to name the first bad value.
Not for rules between entities (the ``OrgModel`` aggregate) and not for which column becomes which
dataclass field (``readers.py``).
"""

from __future__ import annotations

import json
import math
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from enum import Enum
from functools import lru_cache
from itertools import repeat
from operator import setitem
from typing import Any, TypeVar

from orgmodel.core.bulk_values import Fielded
from orgmodel.persistence.errors import DocumentError

E = TypeVar("E", bound=Enum)
NoneType = type(None)


class Bad(Exception):
    """A stored value is not what its column holds; ``expected`` says what it should be."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


@dataclass(frozen=True)
class Parser:
    """Checks (and converts) the values of one column.

    ``one`` handles a single value and raises ``Bad``; ``plain`` lists the value types that are
    already correct as stored, so a column made only of them is accepted without a call per value.
    ``yields`` (when not empty) holds every exact type ``many`` can return: the readers pass it on
    to the core's bulk checks (``Fielded.types``), which then skip their own pass over the types
    (``tests/persistence`` checks each parser's output against it).
    """

    one: Callable[[Any], Any]
    plain: frozenset[type] = frozenset()
    yields: frozenset[type] = frozenset()

    def many(self, values: Sequence[Any]) -> Sequence[Any]:
        if self.plain and set(map(type, values)) <= self.plain:
            return values
        return list(map(self.one, values))


def _text(value: Any) -> str:
    if type(value) is str:
        return value
    raise Bad("text")


def _opt_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _int(value: Any) -> int:
    if type(value) is int:
        return value
    raise Bad("a whole number")


def _bool(value: Any) -> bool:
    # as SQLAlchemy's Boolean reads SQLite: anything stored but NULL is its truth value
    if value is None:
        raise Bad("true or false")
    return bool(value)


class _Bools(Parser):
    """0 and 1 as stored become False and True without a call per value."""

    def many(self, values: Sequence[Any]) -> Sequence[Any]:
        if set(map(type, values)) <= {int, bool} and set(values) <= {0, 1}:
            return [value == 1 for value in values]
        return list(map(self.one, values))


def _number(value: Any) -> float:
    if (type(value) is float and math.isfinite(value)) or type(value) is int:
        return float(value)
    raise Bad("a finite number")


def _opt_number(value: Any) -> float | None:
    return None if value is None else _number(value)


@lru_cache(maxsize=1024)
def _iso_date(text: str) -> date:
    return date.fromisoformat(text)


def _day(value: Any) -> date | None:
    if value is None:
        return None
    try:
        return _iso_date(_text(value))
    except ValueError:
        raise Bad("a date like 2026-01-05") from None


def _json(value: Any) -> Any:
    try:
        return json.loads(_text(value))
    except ValueError:
        raise Bad("JSON text") from None


@lru_cache(maxsize=4096)
def _tags_of(text: str) -> tuple[str, ...]:
    value = _json(text)
    if not isinstance(value, list) or not all(type(t) is str for t in value):
        raise Bad("a JSON list of strings")
    return tuple(value)


def _tags(value: Any) -> tuple[str, ...]:
    return _tags_of(_text(value))


def _object(value: Any) -> dict[str, Any]:
    data = _json(value)
    if not isinstance(data, dict):
        raise Bad("a JSON object")
    return data


def _positions(value: Any) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for key, pos in _object(value).items():
        try:
            if not isinstance(pos, list) or len(pos) != 2:
                raise Bad("")
            out[key] = (_number(pos[0]), _number(pos[1]))
        except Bad:
            raise Bad("a JSON object of finite [x, y] pairs") from None
    return out


class _Numbers(Parser):
    """Floats as stored pass if finite; anything else goes through ``one`` (ints become floats)."""

    def many(self, values: Sequence[Any]) -> Sequence[Any]:
        kinds = set(map(type, values))
        if kinds <= {float} and all(map(math.isfinite, values)):
            return values
        if kinds <= {float, NoneType}:
            present = [v for v in values if v is not None]
            if all(map(math.isfinite, present)) and self.one(None) is None:
                return values
        return list(map(self.one, values))


class _Distinct(Parser):
    """For immutable results (dates, tag tuples): each distinct stored value is parsed once."""

    def many(self, values: Sequence[Any]) -> Sequence[Any]:
        if not set(map(type, values)) <= {str, NoneType}:
            return list(map(self.one, values))
        parsed = {value: self.one(value) for value in set(values)}
        return list(map(parsed.__getitem__, values))


@dataclass(frozen=True, eq=False)
class _Lookup(Parser):
    """An enum column: one dict lookup per value, in C; ``one`` names a bad value."""

    by_value: dict[Any, Any] = field(default_factory=dict)

    def many(self, values: Sequence[Any]) -> Sequence[Any]:
        try:
            return list(map(self.by_value.__getitem__, values))
        except (KeyError, TypeError):
            return list(map(self.one, values))


_STR: frozenset[type] = frozenset({str})
_OPT_STR: frozenset[type] = frozenset({str, NoneType})
_INT: frozenset[type] = frozenset({int})
# the plain types pass as they are, ``one`` returns only these types: so ``yields`` holds
TEXT = Parser(_text, _STR, _STR)
OPT_TEXT = Parser(_opt_text, _OPT_STR, _OPT_STR)
INT = Parser(_int, _INT, _INT)
BOOL = _Bools(_bool, yields=frozenset({bool}))
NUMBER = _Numbers(_number, yields=frozenset({float}))
OPT_NUMBER = _Numbers(_opt_number, yields=frozenset({float, NoneType}))
DAY = _Distinct(_day, yields=frozenset({date, NoneType}))
TAGS = _Distinct(_tags, yields=frozenset({tuple}))
OBJECT = Parser(_object)
POSITIONS = Parser(_positions)


def enum(kind: type[E]) -> Parser:
    """A parser of the stored values of an enum (its ``value`` strings)."""
    by_value = {e.value: e for e in kind}
    expected = "one of " + ", ".join(str(v) for v in by_value)

    def parse(value: Any) -> E:
        try:
            return by_value[value]
        except (KeyError, TypeError):
            raise Bad(expected) from None

    return _Lookup(parse, yields=frozenset({kind}), by_value=by_value)


Build = Callable[[Sequence[Sequence[Any]]], list[Any]]
"""Makes the values of a table (entities, pairs) from its checked columns, in select order."""

T = TypeVar("T")


def rowwise(make: Callable[..., Any]) -> Build:
    """A builder calling ``make`` with the values of each row."""
    return lambda columns: list(map(make, *columns))


def instances(cls: type[T], *names: str) -> Build:
    """A builder of ``cls`` (a dataclass) from columns holding all its fields, in field order.

    The values are already checked and converted, so instead of a frozen dataclass's
    ``__init__`` (one ``object.__setattr__`` per field and instance) the instances are made
    empty and their ``__dict__`` filled a column at a time, in C: the same objects in half the
    time. Only for dataclasses without ``__post_init__`` or slots, which is checked here, once.
    """
    if (
        not is_dataclass(cls)
        or tuple(f.name for f in fields(cls)) != names
        or hasattr(cls, "__post_init__")
        or hasattr(cls, "__slots__")
    ):
        raise TypeError(f"cannot build {cls.__name__} from the fields {names}")

    def build(columns: Sequence[Sequence[Any]]) -> list[T]:
        made: list[T] = list(map(object.__new__, repeat(cls, len(columns[0]))))
        states = list(map(vars, made))
        for name, values in zip(names, columns, strict=True):
            deque(map(setitem, states, repeat(name), values), maxlen=0)
        # each column is exactly what its field holds: the core's checks reuse them
        return Fielded(made, dict(zip(names, columns, strict=True)))

    return build


@dataclass(frozen=True)
class Reader:
    """How to read one table: the columns in select order, their parsers, and the builder."""

    table: str
    columns: tuple[tuple[str, Parser], ...]
    build: Build

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.columns]

    def read(self, rows: Sequence[Sequence[Any]]) -> list[Any]:
        """Entities (or values) from rows selected in ``names`` order; bad values are refused."""
        return self.read_columns(list(zip(*rows, strict=True)), rows)

    def read_columns(
        self, columns: Sequence[Sequence[Any]], rows: Sequence[Sequence[Any]]
    ) -> list[Any]:
        """The same from the rows' columns; columns beyond ``names`` (selected for the caller)
        are ignored."""
        if not rows:
            return []
        try:
            values = [
                parser.many(column)
                for (_, parser), column in zip(
                    self.columns, columns[: len(self.columns)], strict=True
                )
            ]
        except Bad:
            raise self._error(rows) from None
        made = self.build(values)
        if type(made) is Fielded:
            # the exact types of each field taken as checked (matched by identity: a field's
            # values are the very sequence its parser returned)
            yields = {
                id(v): p.yields for (_, p), v in zip(self.columns, values, strict=True) if p.yields
            }
            made.types = {name: yields[id(v)] for name, v in made.fields.items() if id(v) in yields}
        return made

    def _error(self, rows: Sequence[Sequence[Any]]) -> DocumentError:
        """The sentence for the first bad value, found one row at a time."""
        for row in rows:
            for (name, parser), value in zip(self.columns, row[: len(self.columns)], strict=True):
                try:
                    parser.one(value)
                except Bad as bad:
                    key = row[0]
                    where = (
                        f"the {self.table} row '{key}'"
                        if type(key) is str
                        else f"a {self.table} row"
                    )
                    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
                    return DocumentError(
                        f"in {where}, {name} should be {bad.expected}, not {shown}"
                    )
        return DocumentError(f"a {self.table} row cannot be read")  # pragma: no cover
