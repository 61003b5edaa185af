"""Saved views as commands: save the current view, rename, update, delete and reorder views.

A ``View`` entity holds a diagram's layout, filters, node positions and zoom; the order of views
is the order of presentation slides. These helpers build and push the commands (one undo step
each) and choose unique names; the widget supplies the current state. Qt-free.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from orgmodel.core.entities import View, new_id
from orgmodel.core.kinds import Layout
from orgmodel.core.model import OrgModel
from orgmodel.editing.commands import (
    AddEntityCommand,
    ChangeEntityCommand,
    MoveViewCommand,
    RemoveEntityCommand,
)
from orgmodel.editing.stack import CommandStack

Point = tuple[float, float]


def unique_name(model: OrgModel, base: str) -> str:
    names = {v.name for v in model.views.values()}
    if base not in names:
        return base
    n = 2
    while f"{base} {n}" in names:
        n += 1
    return f"{base} {n}"


def save_view(stack: CommandStack, name: str, layout: Layout | str, filters: Mapping[str, Any],
              positions: Mapping[str, Point], zoom: float) -> str:
    """Add a view with the given state at the end of the views; returns its id."""
    view = View(new_id(), unique_name(stack.model, name.strip() or "View"), Layout(layout),
                dict(filters), dict(positions), zoom)
    stack.push(AddEntityCommand(view))
    return view.id


def update_view(stack: CommandStack, view_id: str, filters: Mapping[str, Any], zoom: float) -> None:
    """Store the current filters and zoom in an existing view."""
    stack.push(ChangeEntityCommand(view_id, filters=dict(filters), zoom=zoom))


def rename_view(stack: CommandStack, view_id: str, name: str) -> None:
    if name.strip() and name.strip() != stack.model.views[view_id].name:
        stack.push(ChangeEntityCommand(view_id, name=name.strip()))


def delete_view(stack: CommandStack, view_id: str) -> None:
    stack.push(RemoveEntityCommand(view_id))


def move_view(stack: CommandStack, view_id: str, offset: int) -> None:
    """Move a view ``offset`` places earlier (negative) or later (positive) among the slides."""
    order = list(stack.model.views)
    index = order.index(view_id) + offset
    if 0 <= index < len(order) and offset:
        stack.push(MoveViewCommand(view_id, index))
