"""The central tabs: selections flow between the docks and the diagram; F5 presents; the
simulation workspace is built on the first visit of its tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


def _team_id(window, name: str) -> str:
    return next(t.id for t in window.document.model.teams.values() if t.name == name)


def test_explorer_selection_reaches_the_diagram_and_back(seed_window) -> None:
    diagram = seed_window.central.diagram
    if diagram is None:
        pytest.skip("the diagram widget is not installed")
    team_id = _team_id(seed_window, "Payments")
    seed_window.hub.select([team_id], "explorer", focus=True)
    assert diagram.interactions.selected_ids() == [team_id]
    other = _team_id(seed_window, "Catalogue")
    diagram.selection_changed.emit([other])
    assert seed_window.hub.ids == [other]
    assert seed_window.inspector.entity_id == other
    assert seed_window.explorer.view.selectionModel().selectedRows(0)[0].data() == "Catalogue"


def test_f5_starts_the_presentation(seed_window, qtbot) -> None:
    seed_window.activateWindow()
    qtbot.waitUntil(seed_window.isActiveWindow, timeout=5000)
    qtbot.keyClick(seed_window, Qt.Key.Key_F5)
    shown = [w for w in QApplication.topLevelWidgets()
             if w.windowTitle() == "OrgModel presentation" and w.isVisible()]
    assert shown
    for window in shown:
        window.close()


def test_simulation_workspace_is_built_on_first_visit(seed_window) -> None:
    central = seed_window.central
    assert central.simulation is None
    seed_window.actions.simulation.trigger()
    assert central.currentIndex() == 1
    if central.simulation is None:
        pytest.skip("the simulation workspace is not installed")
    assert central.widget(1) is central.simulation


def test_choosing_a_saved_view_shows_it(seed_window) -> None:
    diagram = seed_window.central.diagram
    if diagram is None:
        pytest.skip("the diagram widget is not installed")
    last = list(seed_window.document.model.views)[-1]
    seed_window.hub.select([last], "explorer")
    assert diagram.view_id == last
