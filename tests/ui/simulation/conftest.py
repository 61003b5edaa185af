"""Fixtures of the simulation workspace tests: the workspace on the seed example, typing and runs.

``workspace`` opens the Simulation tab of a main window holding the seed-enterprise example (built
by ``tests/ui/conftest.py``), as a user would, and sets a tiny run (few runs, few weeks) so that the
tests stay fast. ``run`` clicks Run and waits for the results (or another ending) to arrive.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QWidget
from shiboken6 import isValid

TINY = {"runs": 4, "weeks": 16}
# On the seed example this makes SRE hand services back within a few weeks in every run.
HANDBACK = {
    "load.incidents_per_week": 6.0,
    "sre.overload_window_weeks": 1,
    "sre.handback_after_weeks": 1,
    "sre.embed_after_weeks": 1,
    "sre.ops_cap": 0.3,
}
RUN_TIMEOUT_MS = 120_000


def type_into(qtbot: Any, widget: QWidget, text: str) -> None:
    """Select the editor's text and type ``text`` over it, key by key."""
    assert isinstance(widget, (QLineEdit, QAbstractSpinBox))
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def show_section(workspace: Any, name: str) -> QWidget:
    """Open the parameter's section page (as a user would) and return its editor."""
    editor = workspace.editor
    field = editor.fields[name]
    if field.param.section:
        editor.toolbox.setCurrentIndex(editor.pages[field.param.section])
    return field.widget


def set_params(qtbot: Any, workspace: Any, values: dict[str, Any]) -> None:
    """Type each value into its editor (text fields and spin boxes) or pick it (combo, check)."""
    for name, value in values.items():
        widget = show_section(workspace, name)
        if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
            type_into(qtbot, widget, str(value))
        else:
            workspace.editor.set_value(name, value)
        assert workspace.editor.fields[name].value == value, name


def run(qtbot: Any, workspace: Any, signal: str = "finished") -> None:
    """Click Run and wait until the runner reports ``signal`` (finished, cancelled or failed)."""
    with qtbot.waitSignal(getattr(workspace.runner, signal), timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(workspace.run_button, Qt.MouseButton.LeftButton)


def _finish(qtbot: Any, ws: Any) -> None:
    if isValid(ws) and ws.running:
        with qtbot.waitSignal(ws.runner.cancelled, timeout=RUN_TIMEOUT_MS, raising=False):
            ws.cancel()


@pytest.fixture
def workspace(qtbot: Any, isolated_settings: Any, dialogs: Any) -> Any:
    """The workspace alone on a copy of the seed example (fast: no main window)."""
    from orgmodel.editing.stack import CommandStack
    from orgmodel.examples import load_example
    from orgmodel.ui.simulation.workspace import SimulationWorkspace

    ws = SimulationWorkspace(
        CommandStack(load_example("seed-enterprise").copy()), settings=isolated_settings
    )
    qtbot.addWidget(ws)
    ws.resize(1300, 850)
    ws.show()
    set_params(qtbot, ws, TINY)
    yield ws
    _finish(qtbot, ws)


@pytest.fixture
def window_workspace(qtbot: Any, seed_window: Any) -> Any:
    """The workspace in the Simulation tab of a main window holding the seed example."""
    seed_window.actions.simulation.trigger()
    ws = seed_window.central.simulation
    assert ws is not None, "the Simulation tab did not build its workspace"
    set_params(qtbot, ws, TINY)
    yield ws
    _finish(qtbot, ws)
