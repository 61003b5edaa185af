"""Model events are enough to mirror the model: a listener replaying them onto a copy stays equal.

This is what the UI does (the canvas and the explorer mirror the model); ``Mirror`` (in conftest)
is the reference listener, reused by the property tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from orgmodel.core.entities import Person, Team
from orgmodel.core.events import EntityEvent
from orgmodel.core.model import OrgModel
from orgmodel.editing.commands import (
    AddEntityCommand,
    ApplyLayoutCommand,
    ChangeEntityCommand,
    ChangeOrganisationCommand,
    HandPlatformVersionCommand,
    MovePersonCommand,
    MoveViewCommand,
    RemoveEntityCommand,
    StartEmbedCommand,
)
from orgmodel.editing.stack import CommandStack

Mirror = Any  # the class comes from the mirror_class fixture (conftest.py)


def test_a_mirror_replaying_events_stays_equal(
    stack: CommandStack, model: OrgModel, mirror_class: type[Mirror]
) -> None:
    mirror = mirror_class(model)
    stack.push(AddEntityCommand(Team("new", "New", parent="eng"), index=0))
    stack.push(AddEntityCommand(Person("pat", "Pat", team="new", manager="bob"), index=2))
    stack.push(MovePersonCommand("cy", "new"))
    stack.push(StartEmbedCommand("eve", "shop", start=date(2026, 1, 1), embed_id="e9"))
    stack.push(HandPlatformVersionCommand("k8s-4", "ops"))
    stack.push(ChangeOrganisationCommand(description="Planning 2027"))
    stack.push(ApplyLayoutCommand("v2", "force", {"eng": (3.0, 4.0)}))
    stack.push(MoveViewCommand("v1", 2))
    with stack.macro("Reorganise"):
        stack.push(ChangeEntityCommand("shop", parent="pay"))
        stack.push(RemoveEntityCommand("sre"))
    stack.push(RemoveEntityCommand("eng"))
    assert mirror.copy.snapshot() == model.snapshot()
    stack.set_index(0)
    assert mirror.copy.snapshot() == model.snapshot()
    stack.set_index(len(stack))
    assert mirror.copy.snapshot() == model.snapshot()
    assert mirror.count > 40


def test_events_carry_positions(model: OrgModel) -> None:
    seen: list[EntityEvent] = []
    model.events.entity_added.connect(seen.append)
    model.events.entity_removed.connect(seen.append)
    model.add(Team("a", "A"), index=1)
    model.add(Team("b", "B"))
    model.remove("a")
    assert [(e.entity_id, e.index) for e in seen] == [("a", 1), ("b", 7), ("a", 1)]
