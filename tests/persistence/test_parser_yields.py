"""Each parser's ``yields`` holds every exact type its ``many`` returns (the core's bulk checks
skip their own type pass on the strength of it), and the readers hand it on as ``Fielded.types``."""

from __future__ import annotations

import itertools
import math
from datetime import date
from enum import Enum
from typing import Any

import pytest

from orgmodel.core.bulk_values import Columns, Fielded
from orgmodel.persistence import parsers, readers
from orgmodel.persistence.parsers import Bad, Parser

ODD: list[Any] = [
    None, 0, 1, 2, -1, True, False, 0.5, 1.0, math.nan, math.inf, "", "x", " ", "2026-01-05",
    "2026-13-45", "[]", '["a", "b"]', '["a", 1]', "{}", '{"a": [1, 2]}', b"blob", "software",
    "SRE", "sre",
]  # fmt: skip

PARSERS = {
    name: value
    for name, value in vars(parsers).items()
    if isinstance(value, Parser) and value.yields
}
ENUM_PARSERS = [reader_parser for r in vars(readers).values() if isinstance(r, parsers.Reader)
                for _, reader_parser in r.columns if isinstance(reader_parser, parsers._Lookup)]  # fmt: skip


@pytest.mark.parametrize("parser", [*PARSERS.values(), *ENUM_PARSERS])
def test_many_returns_only_the_types_it_yields(parser: Parser) -> None:
    assert parser.yields
    samples = [*ODD, *(getattr(parser, "by_value", {}) or {})]
    columns = [[v] for v in samples] + [list(p) for p in itertools.product(samples, repeat=2)]
    for values in columns:
        for column in (values, tuple(values)):
            try:
                out = parser.many(column)
            except Bad:
                continue
            assert set(map(type, out)) <= parser.yields, (parser, column, out)


def test_readers_hand_on_the_types_of_checked_fields() -> None:
    rows = [("e1", "p1", "t1", "help", "2026-01-05", None, "", "", "[]", 0)]
    made = readers.EMBEDS.read(rows)
    assert type(made) is Fielded
    assert made.types["start"] == frozenset({date, type(None)})
    assert made.types["person"] == frozenset({str})
    assert Columns(made).within("end", frozenset({date, type(None)}))
    assert not Columns(made).within("end", frozenset({date}))  # None is there: really checked


def test_unvouched_fields_are_checked() -> None:
    class K(Enum):
        A = "a"

    made = Fielded([object()], {"x": ["a"]})
    assert not Columns(made).within("x", frozenset({K}))
    assert Columns(made).within("x", frozenset({str}))
