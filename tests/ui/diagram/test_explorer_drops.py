"""Dragging people and services from the explorer onto the diagram's teams.

Real drags cannot run offscreen, so the tests send the canvas the drag events a drag from the
explorer would: its own mime data (``ExplorerModel.mimeData`` of the dragged rows), entering,
moving over a point of the canvas and dropping there.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from orgmodel.core.kinds import Support
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.diagram.widget import DiagramWidget
from orgmodel.ui.explorer.model import ExplorerModel

from .test_canvas import view_point

pytestmark = pytest.mark.gui

MOVE = Qt.DropAction.MoveAction
NONE = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def explorer_mime(stack: CommandStack, *ids: str) -> QMimeData:
    """What the explorer puts on a drag of these rows."""
    explorer = ExplorerModel(stack)
    data = explorer.mimeData([explorer.index_of_key(i) for i in ids])
    explorer.detach()
    return data


class Drag:
    """Sends the canvas a drag carrying ``data``; methods say whether the canvas accepted."""

    def __init__(self, widget: DiagramWidget, data: QMimeData) -> None:
        self.target = widget.view.viewport()
        self.data = data
        enter = QDragEnterEvent(QPoint(1, 1), MOVE, data, LEFT, NONE)
        QApplication.sendEvent(self.target, enter)
        self.entered = enter.isAccepted()

    def over(self, where: QPoint, modifiers: Any = NONE) -> bool:
        move = QDragMoveEvent(where, MOVE, self.data, LEFT, modifiers)
        QApplication.sendEvent(self.target, move)
        return move.isAccepted()

    def drop(self, where: QPoint, modifiers: Any = NONE) -> bool:
        self.over(where, modifiers)
        drop = QDropEvent(QPointF(where), MOVE, self.data, LEFT, modifiers)
        QApplication.sendEvent(self.target, drop)
        return drop.isAccepted()

    def leave(self) -> None:
        QApplication.sendEvent(self.target, QDragLeaveEvent())


def test_person_dropped_on_a_team_moves_there_in_one_undo_step(
    widget: DiagramWidget, stack: CommandStack
) -> None:
    drag = Drag(widget, explorer_mime(stack, "p0"))
    assert drag.entered
    assert drag.over(view_point(widget, "shop"))
    assert "Release to move Person 0 to Shop" in widget.status.text()
    assert widget.scene.node_items["shop"].highlighted  # the target shows itself
    assert drag.drop(view_point(widget, "shop"))
    assert stack.model.people["p0"].team == "shop"
    assert len(stack) == 1 and stack.undo_text == "Move Person 0 to Shop"
    assert not widget.scene.node_items["shop"].highlighted
    assert "Moved Person 0 to Shop" in widget.status.text()
    stack.undo()
    assert stack.model.people["p0"].team == "pay"


def test_several_people_move_as_one_step(widget: DiagramWidget, stack: CommandStack) -> None:
    drag = Drag(widget, explorer_mime(stack, "p0", "p1", "p2"))
    assert drag.drop(view_point(widget, "shop"))
    assert {stack.model.people[p].team for p in ("p0", "p1", "p2")} == {"shop"}
    assert len(stack) == 1 and stack.undo_text == "Move 3 people to Shop"
    stack.undo()
    assert {stack.model.people[p].team for p in ("p0", "p1", "p2")} == {"pay"}


def test_shift_drop_embeds_the_person(widget: DiagramWidget, stack: CommandStack) -> None:
    drag = Drag(widget, explorer_mime(stack, "p7"))
    assert drag.over(view_point(widget, "pay"), SHIFT)
    assert "embed" in widget.status.text()
    assert drag.drop(view_point(widget, "pay"), SHIFT)
    assert [(e.person, e.host) for e in stack.model.embeds.values()] == [("p7", "pay")]
    assert stack.model.people["p7"].team == "plat" and len(stack) == 1


def test_service_dropped_on_an_sre_team_is_handed_to_sre(
    widget: DiagramWidget, stack: CommandStack
) -> None:
    drag = Drag(widget, explorer_mime(stack, "ledger"))
    assert drag.drop(view_point(widget, "sre"))
    service = stack.model.services["ledger"]
    assert service.support is Support.SRE and service.sre_team == "sre"
    assert len(stack) == 1
    assert widget.status.text().strip() == "SRE now supports Ledger in production."


@pytest.mark.parametrize(
    "ids, onto, sentence",
    [
        (("ledger",), "pay", "Payments is not an SRE team"),
        (("cart",), "sre", "SRE already supports Cart."),
        (("p0",), "pay", "Person 0 already belongs to Payments."),
        (("p0",), None, "Drop Person 0 on a team"),
        (("pay",), "shop", "Only people"),
        (("p0", "ledger"), "sre", "Only people"),
    ],
)
def test_meaningless_drops_are_refused_with_a_sentence(
    widget: DiagramWidget, stack: CommandStack, ids: tuple[str, ...], onto: str | None,
    sentence: str
) -> None:
    where = view_point(widget, onto) if onto else view_point(widget, "ledger") + QPoint(0, 90)
    drag = Drag(widget, explorer_mime(stack, *ids))
    assert drag.entered  # the drag is ours: the cursor is the "no" cursor, not ignored outright
    assert not drag.over(where)
    assert not widget.scene.node_items.get(onto or "pay").highlighted  # type: ignore[union-attr]
    assert not drag.drop(where)
    assert sentence in widget.status.text()
    assert len(stack) == 0


def test_other_drags_are_not_ours(widget: DiagramWidget, stack: CommandStack) -> None:
    data = QMimeData()
    data.setText("p0")
    drag = Drag(widget, data)
    assert not drag.over(view_point(widget, "shop"))
    drag.drop(view_point(widget, "shop"))  # Qt would not even deliver it after a refused move
    assert stack.model.people["p0"].team == "pay" and len(stack) == 0


def test_leaving_clears_the_hint_and_the_highlight(widget: DiagramWidget,
                                                   stack: CommandStack) -> None:
    drag = Drag(widget, explorer_mime(stack, "p0"))
    drag.over(view_point(widget, "shop"))
    drag.leave()
    assert not widget.scene.node_items["shop"].highlighted
    assert widget.status.text().strip() == ""


def test_a_search_highlight_survives_a_drag_over_the_team(widget: DiagramWidget,
                                                          stack: CommandStack) -> None:
    widget.scene.node_items["shop"].set_highlighted(True)
    drag = Drag(widget, explorer_mime(stack, "p0"))
    drag.over(view_point(widget, "shop"))
    drag.over(view_point(widget, "pay"))  # the person's own team: refused
    assert widget.scene.node_items["shop"].highlighted


def test_from_the_window_explorer_onto_its_diagram(seed_window: Any, qtbot: QtBot) -> None:
    model = seed_window.document.model
    diagram = seed_window.central.diagram
    source = seed_window.explorer.source
    person = next(p for p in model.people.values() if p.team and p.role.value != "manager")
    team = next(t for t in model.teams.values()
                if t.id != person.team and t.id in diagram.scene.node_items
                and t.kind.value == "software")
    data = source.mimeData([source.index_of_key(person.id)])
    drag = Drag(diagram, data)
    diagram.view.centerOn(diagram.scene.node_items[team.id])
    assert drag.drop(diagram.view.mapFromScene(diagram.scene.node_items[team.id].scenePos()))
    assert model.people[person.id].team == team.id
    assert seed_window.document.stack.undo_text == f"Move {person.name} to {team.name}"
    qtbot.waitUntil(lambda: seed_window.explorer.key_index(person.id).parent().data(
        Qt.ItemDataRole.UserRole + 1) == team.id)
