"""Commands on saved diagram views: move nodes, apply a layout, reorder views (slides).

A drag on the canvas is one ``MoveNodesCommand`` pushed on release (it never merges); applying a
layout sets the view's layout and every position in one step; ``MoveViewCommand`` changes the order
of slides. Positions are pure data here (``(x, y)`` floats per node id); the canvas turns them into
items. Not for computing layouts (``orgmodel.analysis.layouts``) and not Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from orgmodel.core.errors import InvariantError
from orgmodel.core.kinds import EntityKind, Layout
from orgmodel.editing.stack import Command, Journal

Position = tuple[float, float]


def _positions(positions: Mapping[str, Any]) -> dict[str, Position]:
    """A fresh dict of (x, y) pairs; refuses anything that is not a pair of numbers."""
    out: dict[str, Position] = {}
    for node, pos in positions.items():
        try:
            x, y = pos
        except (TypeError, ValueError):
            raise InvariantError(f"The position of '{node}' must be a pair (x, y).") from None
        out[node] = (x, y)
    return out


def _layout(layout: Layout | str) -> Layout:
    try:
        return Layout(layout)
    except ValueError:
        choices = ", ".join(item.value for item in Layout)
        raise InvariantError(f"Unknown layout '{layout}' (choose one of {choices}).") from None


class MoveNodesCommand(Command):
    """Put some nodes of a view at new positions (one drag = one command)."""

    def __init__(self, view_id: str, positions: Mapping[str, Any]) -> None:
        moved = _positions(positions)
        if not moved:
            raise InvariantError("Moving nodes needs at least one node.")
        super().__init__("Move node" if len(moved) == 1 else f"Move {len(moved)} nodes")
        self.view_id = view_id
        self.positions = moved

    def apply(self, journal: Journal) -> None:
        view = journal.model.get(self.view_id, EntityKind.VIEW)
        journal.update(replace(view, positions={**view.positions, **self.positions}))
        count = len(self.positions)
        what = "a node" if count == 1 else f"{count} nodes"
        self.text = f"Move {what} in '{view.name}'"


class ApplyLayoutCommand(Command):
    """Set a view's layout and all its positions in one step."""

    def __init__(self, view_id: str, layout: Layout | str, positions: Mapping[str, Any]) -> None:
        self.layout = _layout(layout)
        super().__init__(f"Apply the {self.layout.value.replace('_', ' ')} layout")
        self.view_id = view_id
        self.positions = _positions(positions)

    def apply(self, journal: Journal) -> None:
        view = journal.model.get(self.view_id, EntityKind.VIEW)
        journal.update(replace(view, layout=self.layout, positions=dict(self.positions)))
        label = self.layout.value.replace("_", " ")
        self.text = f"Apply the {label} layout to '{view.name}'"


class MoveViewCommand(Command):
    """Move a view (a slide) to another position in the order of views."""

    def __init__(self, view_id: str, index: int) -> None:
        super().__init__(f"Move view '{view_id}'")
        self.view_id = view_id
        self.index = index

    def apply(self, journal: Journal) -> None:
        view = journal.model.get(self.view_id, EntityKind.VIEW)
        journal.move_view(self.view_id, self.index)
        position = list(journal.model.views).index(self.view_id) + 1
        self.text = f"Move view '{view.name}' to position {position}"
