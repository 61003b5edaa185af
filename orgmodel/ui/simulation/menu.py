"""The Simulation menu's own entries: Run (F9), Cancel and Export Results…

``install_simulation_actions(window, menu)`` is called once while the main window builds its menus.
Each action opens the Simulation tab (which builds the workspace on first use) and forwards to it;
Cancel and Export are enabled only when they can do something, checked when the menu opens and
whenever the workspace reports a change. Imports neither matplotlib nor the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu


@dataclass
class SimulationActions:
    run: QAction
    cancel: QAction
    export_results: QAction


def _workspace(window: Any, open_tab: bool = True) -> Any:
    central = window.central
    if open_tab:
        central.show_simulation()
    return central.simulation


def _run(window: Any) -> None:
    workspace = _workspace(window)
    if workspace is not None:
        workspace.run()


def _cancel(window: Any) -> None:
    workspace = _workspace(window, open_tab=False)
    if workspace is not None:
        workspace.cancel()


def _export(window: Any) -> None:
    workspace = _workspace(window)
    if workspace is not None:
        workspace.export_results()


def _update(window: Any, actions: SimulationActions) -> None:
    workspace = _workspace(window, open_tab=False)
    running = bool(workspace is not None and workspace.running)
    actions.cancel.setEnabled(running)
    actions.export_results.setEnabled(
        workspace is not None and workspace.current_results() is not None
    )


def install_simulation_actions(window: Any, menu: QMenu) -> SimulationActions:
    """Add Run (F9), Cancel and Export Results… to ``menu``; returns the actions."""
    run = QAction("&Run Simulation", window)
    run.setShortcut(QKeySequence("F9"))
    run.setStatusTip("Simulate the document under the scenario in the Simulation tab")
    cancel = QAction("&Cancel Simulation", window)
    cancel.setStatusTip("Stop the running simulation after its current block of runs")
    export = QAction("&Export Results…", window)
    export.setStatusTip("Save the shown results as JSON or CSV")
    actions = SimulationActions(run, cancel, export)
    run.triggered.connect(lambda _checked=False: _run(window))
    cancel.triggered.connect(lambda _checked=False: _cancel(window))
    export.triggered.connect(lambda _checked=False: _export(window))
    menu.addSeparator()
    for action in (run, cancel, export):
        menu.addAction(action)
    menu.aboutToShow.connect(lambda: _update(window, actions))
    window.simulation_actions = actions
    return actions
