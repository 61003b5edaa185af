"""Saved views (save, switch, rename, reorder, delete, update) and presentation mode keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from orgmodel.core.kinds import Layout
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.diagram.presentation import PresentationWindow
from orgmodel.ui.diagram.widget import DiagramWidget

from .conftest import settle

pytestmark = pytest.mark.gui


def test_save_current_as_view_and_switch(monkeypatch: pytest.MonkeyPatch, widget: DiagramWidget,
                                         stack: CommandStack) -> None:
    widget.set_collapsed("pay", True)
    widget.view.set_zoom(0.5)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Collapsed payments", True))
    widget.controls.save_as()
    view = list(stack.model.views.values())[-1]
    assert view.name == "Collapsed payments" and view.filters["collapsed"] == ["pay"]
    assert view.zoom == pytest.approx(0.5) and "p5" in view.positions
    assert widget.view_id == view.id and widget.controls.views.currentText() == "Collapsed payments"
    assert len(stack) == 1
    widget.controls.views.setCurrentIndex(0)
    widget.controls.views.activated.emit(0)
    assert widget.view_id == "v1" and "ledger" in widget.scene.node_items
    widget.set_view(view.id)
    assert "ledger" not in widget.scene.node_items
    assert widget.view.zoom() == pytest.approx(0.5)


def test_switching_to_a_view_applies_its_layout_filters_and_positions(widget: DiagramWidget) -> None:
    widget.set_view("v2")
    assert set(widget.scene.node_items) == {"eng", "pay", "shop", "sre", "plat"}
    assert widget.scene.layout_name is Layout.PLATFORM_STACK
    ys = {n: i.pos().y() for n, i in widget.scene.node_items.items()}
    assert ys["pay"] < ys["sre"] < ys["plat"]


def test_rename_reorder_delete_views(monkeypatch: pytest.MonkeyPatch, widget: DiagramWidget,
                                     stack: CommandStack) -> None:
    widget.set_view("v2")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Team map", True))
    widget.controls.rename()
    assert stack.model.views["v2"].name == "Team map"
    assert widget.controls.views.currentText() == "Team map"
    widget.controls._move(-1)
    assert list(stack.model.views) == ["v2", "v1"]
    assert widget.controls.views.itemText(0) == "Team map"
    widget.controls.delete()
    assert list(stack.model.views) == ["v1"] and widget.view_id is None
    assert widget.controls.views.currentText() == "(unsaved view)"
    assert len(stack) == 3
    stack.undo()
    assert list(stack.model.views) == ["v2", "v1"]


def test_update_view_stores_filters(widget: DiagramWidget, stack: CommandStack) -> None:
    widget.set_collapsed("sre", True)
    widget.update_view()
    assert stack.model.views["v1"].filters == {"collapsed": ["sre"]}
    stack.undo()
    assert "p5" in widget.scene.node_items  # undo of the view change re-applies its filters


def test_positions_of_a_view_survive_switching(widget: DiagramWidget, stack: CommandStack) -> None:
    widget.apply_layout(Layout.FORCE)
    settle(widget)
    forced = widget.scene.current_positions()
    widget.set_view("v2")
    widget.set_view("v1")
    assert widget.scene.current_positions() == forced


def test_presentation_steps_through_views_with_keys(qtbot: QtBot, stack: CommandStack) -> None:
    window = PresentationWindow(stack, "v2")
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.showFullScreen()
    assert window.view_id == "v2" and window.title.text() == "Teams"
    assert not window.view.isInteractive()
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.view_id == "v1" and window.title.text() == "Everything"
    assert "ledger" in window.scene.node_items
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.view_id == "v2" and "ledger" not in window.scene.node_items
    qtbot.keyClick(window, Qt.Key.Key_Right)  # past the last slide: stays
    assert window.view_id == "v2" and window.counter.text() == "2 / 2"
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.view_id == "v1"
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert window.view_id == "v2"
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert window.view_id == "v1" and window.counter.text() == "1 / 2"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_present_action_opens_full_screen_on_the_current_view(qtbot: QtBot,
                                                              widget: DiagramWidget) -> None:
    widget.set_view("v2")
    widget.controls.present_action.trigger()
    window = widget.controls.presentation
    assert window is not None
    qtbot.addWidget(window)
    assert window.view_id == "v2" and window.isFullScreen()
    window.close()
