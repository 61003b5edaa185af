"""The legend gets out of the way: collapsed to its title by a click, dragged or sent to another
corner, hidden from View > Show Legend, and remembered between documents and runs."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from orgmodel.ui.diagram.legend import COLLAPSED_SIZE
from orgmodel.ui.diagram.widget import DiagramWidget
from orgmodel.ui.settings import AppSettings

pytestmark = pytest.mark.gui
LEFT = Qt.MouseButton.LeftButton


def _covered(widget: DiagramWidget) -> set[str]:
    """Nodes the legend hides (partly) on the canvas."""
    if widget.legend.isHidden():
        return set()
    area = widget.view.mapToScene(widget.legend.geometry()).boundingRect()
    return {n for n, i in widget.scene.node_items.items() if i.sceneBoundingRect().intersects(area)}


def _zoom_in_on_the_corner(widget: DiagramWidget) -> None:
    """Manual zoom: the bottom-left of the view is full of nodes (the problem users had)."""
    widget.resize(1100, 700)
    widget.legend.place()
    zoom, viewport = 1.6, widget.view.viewport().rect()
    offset = QPointF(viewport.center() - widget.legend.geometry().center()) / zoom
    widget.view.set_zoom(zoom, widget.scene.node_items["p1"].pos() + offset)


def test_clicking_the_title_collapses_the_legend_and_uncovers_nodes(
    qtbot: QtBot, widget: DiagramWidget
) -> None:
    _zoom_in_on_the_corner(widget)
    covered = _covered(widget)
    assert covered  # the legend hides nodes after a manual zoom
    qtbot.mouseClick(widget.legend, LEFT, pos=QPoint(20, 10))
    assert widget.legend.collapsed and widget.legend.size() == COLLAPSED_SIZE
    assert widget.legend.isVisible()
    assert len(_covered(widget)) < len(covered)
    qtbot.mouseClick(widget.legend, LEFT, pos=QPoint(20, 10))
    assert not widget.legend.collapsed and _covered(widget) == covered


def test_clicking_an_entry_does_not_collapse(qtbot: QtBot, widget: DiagramWidget) -> None:
    qtbot.mouseClick(widget.legend, LEFT, pos=QPoint(60, widget.legend.height() - 20))
    assert not widget.legend.collapsed


def test_dragging_the_legend_snaps_it_to_the_nearest_corner(
    qtbot: QtBot, widget: DiagramWidget
) -> None:
    legend, viewport = widget.legend, widget.view.viewport()
    qtbot.mousePress(legend, LEFT, pos=QPoint(30, 30))
    for x, y in ((200, 200), (viewport.width() - 100, 60)):
        qtbot.mouseMove(legend, legend.mapFromParent(QPoint(x, y)))
    qtbot.mouseRelease(legend, LEFT, pos=legend.mapFromParent(QPoint(viewport.width() - 100, 60)))
    assert legend.corner == "top-right" and not legend.collapsed
    assert legend.geometry().right() == viewport.width() - 9 and legend.y() == 8
    widget.resize(1000, 650)  # it stays in its corner as the view changes
    qtbot.waitUntil(lambda: legend.geometry().right() == viewport.width() - 9)


def test_context_menu_moves_collapses_and_hides(widget: DiagramWidget) -> None:
    legend = widget.legend

    def trigger(text: str) -> None:
        menu = legend.context_menu()
        actions = menu.actions() + [a for m in menu.findChildren(type(menu)) for a in m.actions()]
        next(a for a in actions if a.text() == text).trigger()

    trigger("Bottom right")
    assert legend.corner == "bottom-right"
    trigger("Collapse Legend")
    assert legend.collapsed
    trigger("Hide Legend")
    assert legend.isHidden() and not widget.controls.legend_action.isChecked()


def test_fitting_keeps_nodes_clear_of_the_legend_in_any_corner(widget: DiagramWidget) -> None:
    widget.resize(1100, 700)
    for corner in ("top-right", "top-left", "bottom-right"):
        widget.legend.set_corner(corner)
        widget.view.fit()
        assert not widget.legend.isHidden()
        assert _covered(widget) == set(), corner


def test_view_menu_shows_and_hides_the_legend_and_remembers(
    seed_window: Any, isolated_settings: AppSettings
) -> None:
    action = seed_window.legend_action
    assert action in seed_window.menus["view"].actions() and action.isChecked()
    diagram = seed_window.central.diagram
    action.trigger()
    assert not diagram.legend.wanted and not diagram.controls.legend_action.isChecked()
    assert isolated_settings.legend_shown is False
    diagram.controls.legend_action.trigger()  # the diagram's own toggle keeps the menu in step
    assert action.isChecked() and isolated_settings.legend_shown is True
    diagram.legend.set_collapsed(True)
    diagram.legend.set_corner("top-right")
    assert isolated_settings.legend_collapsed and isolated_settings.legend_corner == "top-right"
    action.trigger()
    seed_window.actions.examples["startup"].trigger()  # another document: a new diagram
    fresh = seed_window.central.diagram
    assert fresh is not diagram
    assert not fresh.legend.wanted and fresh.legend.isHidden()
    assert fresh.legend.collapsed and fresh.legend.corner == "top-right"


def test_settings_read_back_from_the_ini_store(isolated_settings: AppSettings) -> None:
    isolated_settings.legend_shown = False
    isolated_settings.legend_corner = "nowhere"
    isolated_settings.sync()
    again = AppSettings()
    assert again.legend_shown is False and again.legend_corner == "bottom-left"
    assert again.legend_collapsed is False
