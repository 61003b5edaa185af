"""Gestures push the right commands: drops on teams, context menus, Delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from orgmodel.core.kinds import Support
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.diagram.widget import DiagramWidget

from .test_canvas import drag, view_point

pytestmark = pytest.mark.gui


def test_drop_person_on_team_moves_them(qtbot: QtBot, widget: DiagramWidget,
                                        stack: CommandStack) -> None:
    drag(qtbot, widget, view_point(widget, "p0"), view_point(widget, "shop"))
    assert stack.model.people["p0"].team == "shop"
    assert len(stack) == 1 and "Shop" in stack.undo_text
    assert "Shift" in widget.status.text()  # tells how to embed instead
    assert ("p0", "shop", "member_of") in widget.scene.edge_items
    shop = widget.scene.node_items["shop"].pos()
    assert widget.scene.node_items["p0"].pos().y() > shop.y()  # re-laid out under Shop
    stack.undo()
    assert stack.model.people["p0"].team == "pay"


def test_drop_person_with_shift_embeds(qtbot: QtBot, widget: DiagramWidget,
                                       stack: CommandStack) -> None:
    origin = widget.scene.node_items["p7"].pos()
    drag(qtbot, widget, view_point(widget, "p7"), view_point(widget, "pay"),
         Qt.KeyboardModifier.ShiftModifier)
    embeds = list(stack.model.embeds.values())
    assert [(e.person, e.host) for e in embeds] == [("p7", "pay")]
    assert stack.model.people["p7"].team == "plat"
    assert widget.scene.node_items["p7"].pos() == origin
    assert len(stack) == 1


def test_drop_service_on_sre_team_hands_it_to_sre(qtbot: QtBot, widget: DiagramWidget,
                                                 stack: CommandStack) -> None:
    drag(qtbot, widget, view_point(widget, "ledger"), view_point(widget, "sre"))
    service = stack.model.services["ledger"]
    assert service.support is Support.SRE and service.sre_team == "sre"
    assert ("sre", "ledger", "supports") in widget.scene.edges
    assert widget.scene.node_items["ledger"].data_.sub == "sre"
    assert len(stack) == 1


def test_drop_on_a_non_team_is_a_move(qtbot: QtBot, widget: DiagramWidget,
                                      stack: CommandStack) -> None:
    drag(qtbot, widget, view_point(widget, "ledger"), view_point(widget, "ledger") + QPoint(0, 90))
    assert stack.model.services["ledger"].support is Support.DEV
    assert stack.undo_text.startswith("Move")


def test_delete_key_removes_the_selection_in_one_step(qtbot: QtBot, widget: DiagramWidget,
                                                      stack: CommandStack) -> None:
    widget.select_ids(["ledger", "p0", "p1"])
    widget.view.setFocus()
    qtbot.keyClick(widget.view, Qt.Key.Key_Delete)
    assert all(i not in stack.model for i in ("ledger", "p0", "p1"))
    assert not {"ledger", "p0", "p1"} & set(widget.scene.node_items)
    assert len(stack) == 1
    stack.undo()
    assert all(i in stack.model for i in ("ledger", "p0", "p1"))


def test_delete_of_a_team_and_its_member_together(widget: DiagramWidget, stack: CommandStack) -> None:
    widget.select_ids(["pay", "p0"])
    widget.interactions.remove_selected()
    assert "pay" not in stack.model and "p0" not in stack.model
    assert len(stack) == 1


def _action(menu, *path: str):  # type: ignore[no-untyped-def]
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == text)
    return next(a for a in menu.actions() if a.text() == path[-1])


def test_context_menu_hands_service_to_sre_and_back(widget: DiagramWidget,
                                                   stack: CommandStack) -> None:
    menu = widget.interactions.node_menu("ledger", widget)
    _action(menu, "Hand to SRE", "SRE").trigger()
    assert stack.model.services["ledger"].sre_team == "sre"
    menu = widget.interactions.node_menu("ledger", widget)
    back = _action(menu, "Hand back to developers")
    assert back.isEnabled()
    back.trigger()
    assert stack.model.services["ledger"].support is Support.DEV
    assert len(stack) == 2


def test_context_menu_starts_an_embed_and_collapses(widget: DiagramWidget,
                                                   stack: CommandStack) -> None:
    _action(widget.interactions.node_menu("p5", widget), "Start embed in", "Payments").trigger()
    assert [(e.person, e.host) for e in stack.model.embeds.values()] == [("p5", "pay")]
    embed = next(iter(stack.model.embeds))
    assert ("p5", "pay", embed) in widget.scene.edge_items
    _action(widget.interactions.node_menu("pay", widget), "Collapse team").trigger()
    assert "p0" not in widget.scene.node_items
    _action(widget.interactions.node_menu("pay", widget), "Expand team").trigger()
    assert "p0" in widget.scene.node_items
    _action(widget.interactions.node_menu("p0", widget), "Remove").trigger()
    assert "p0" not in stack.model


def test_right_click_opens_the_node_menu(monkeypatch: pytest.MonkeyPatch, widget: DiagramWidget) -> None:
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    shown: list[list[str]] = []
    monkeypatch.setattr(widget.interactions, "popup",
                        lambda menu, where: shown.append([x.text() for x in menu.actions()]))
    point = view_point(widget, "ledger")
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(widget.view.viewport(), event)
    assert widget.interactions.selected_ids() == ["ledger"]
    assert "Hand to SRE" in shown[-1] and "Remove" in shown[-1]
    corner = QPoint(2, 2)
    QApplication.sendEvent(widget.view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, corner, widget.view.viewport().mapToGlobal(corner)))
    assert "Fit to window" in shown[-1]
