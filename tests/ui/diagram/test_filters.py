"""One parser of ``View.filters``: the canvas's ``ViewFilter`` reads a view as headless exports do."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from orgmodel.core.entities import View
from orgmodel.core.errors import FormatError
from orgmodel.core.kinds import Layout
from orgmodel.editing.commands import AddEntityCommand
from orgmodel.editing.stack import CommandStack
from orgmodel.interop.viewfilter import Filter, parse_filters
from orgmodel.ui.diagram.filters import ViewFilter
from orgmodel.ui.diagram.widget import DiagramWidget

GOOD: list[dict[str, Any]] = [
    {},
    {"node_kinds": ["team", "person", "no_such_kind"], "edge_kinds": ["part_of", "bogus"]},
    {"subtree": "pay", "collapsed": ["sre"], "support": "dev"},
    {"focus": ["p1", "p2"], "focus_depth": 3, "custom": {"kept": True}},
    {"subtree": "", "support": None, "collapsed": []},
]
BAD: list[dict[str, Any]] = [
    {"node_kinds": "team"},
    {"collapsed": 3},
    {"support": ["sre"]},
    {"focus_depth": "2"},
    {"focus_depth": -1},
]


@pytest.mark.parametrize("data", GOOD)
def test_canvas_and_exports_read_the_same_filter(data: dict[str, Any]) -> None:
    canvas, headless = ViewFilter.from_dict(data), parse_filters(data)
    for f in fields(Filter):
        assert getattr(canvas, f.name) == getattr(headless, f.name), f.name
    assert canvas.shown_edge_kinds("org_chart") == headless.shown_edge_kinds("org_chart")


def test_unknown_kinds_are_dropped_and_unknown_keys_kept() -> None:
    flt = ViewFilter.from_dict(GOOD[1] | {"custom": 1})
    assert flt.node_kinds == {"team", "person"} and flt.edge_kinds == {"part_of"}
    assert flt.to_dict()["custom"] == 1


@pytest.mark.parametrize("data", BAD)
def test_both_refuse_a_bad_filter_with_the_same_sentence(data: dict[str, Any]) -> None:
    with pytest.raises(FormatError) as headless:
        parse_filters(data)
    with pytest.raises(FormatError) as canvas:
        ViewFilter.from_dict(data)
    assert str(canvas.value) == str(headless.value)
    assert "view filter" in str(canvas.value)
    flt, problem = ViewFilter.read(data)
    assert flt == ViewFilter() and problem == f"{headless.value} The view is shown unfiltered."


@pytest.mark.gui
def test_a_view_with_bad_filters_opens_unfiltered_and_says_why(
    qtbot: QtBot, widget: DiagramWidget, stack: CommandStack
) -> None:
    stack.push(AddEntityCommand(View("bad", "Broken", Layout.ORG_CHART, {"node_kinds": "team"})))
    widget.set_view("bad")
    assert widget.view_id == "bad"
    assert "ledger" in widget.scene.node_items and "p1" in widget.scene.node_items
    assert "'node_kinds' must be a list of names" in widget.status.text()
