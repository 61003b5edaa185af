"""The workspace inside the main window: its tab, the Simulation menu (Run F9, Cancel, Export),
the default-scenario preference, lazy matplotlib and plain sentences when a run fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from shiboken6 import isValid

from orgmodel.core.errors import FormatError
from orgmodel.sim.scenario import preset_names
from orgmodel.ui.simulation import runner as runner_module

from .conftest import RUN_TIMEOUT_MS, run, set_params

pytestmark = pytest.mark.gui


def test_simulation_tab_and_menu(qtbot: Any, window_workspace: Any) -> None:
    window = window_workspace.window()
    assert window.central.currentWidget() is window_workspace
    texts = [a.text() for a in window.menus["simulation"].actions()]
    assert {"&Run Simulation", "&Cancel Simulation", "&Export Results…"} <= set(texts)
    assert window.simulation_actions.run.shortcut().toString() == "F9"

    window.central.setCurrentIndex(0)  # from the diagram tab, F9 opens the workspace and runs
    with qtbot.waitSignal(window_workspace.runner.finished, timeout=RUN_TIMEOUT_MS):
        window.simulation_actions.run.trigger()
    assert window.central.currentWidget() is window_workspace
    assert window_workspace.compare.results


def test_f9_key_runs_the_simulation(qtbot: Any, window_workspace: Any) -> None:
    window = window_workspace.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window_workspace.runner.finished, timeout=RUN_TIMEOUT_MS):
        qtbot.keyClick(window_workspace.run_button, Qt.Key.Key_F9)


def test_default_scenario_preference_preselects_the_preset(
    seed_window: Any, isolated_settings: Any
) -> None:
    assert "no-handback" in preset_names()
    isolated_settings.default_scenario = "no-handback"
    seed_window.actions.simulation.trigger()
    editor = seed_window.central.simulation.editor
    assert editor.source.currentText() == "Preset: no-handback"
    assert editor.fields["sre.handback"].value is False
    assert editor.name.text() == "No handback"


def test_without_a_preference_the_baseline_is_chosen(window_workspace: Any) -> None:
    assert window_workspace.editor.source.currentText() == "Preset: baseline"


def test_a_failing_run_says_one_sentence(
    qtbot: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise FormatError("The document has a service on a platform version that does not exist.")

    monkeypatch.setattr(runner_module, "run_simulation", broken)
    run(qtbot, workspace, "failed")
    assert workspace.status.text() == (
        "The document has a service on a platform version that does not exist."
    )
    assert workspace.progress.format() == "Failed"
    assert workspace.run_button.isEnabled()


def test_an_empty_document_simulates_without_sre(qtbot: Any, window: Any) -> None:
    window.actions.simulation.trigger()
    ws = window.central.simulation
    set_params(qtbot, ws, {"runs": 2, "weeks": 4})
    run(qtbot, ws)
    assert ws.cards.cards["capacity"].value.text() == "—"
    assert "No SRE-supported services" in ws.cards.cards["capacity"].detail.text()


def test_matplotlib_is_not_imported_at_start_up(tmp_path: Path) -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        f"QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})\n"
        "QSettings.setDefaultFormat(QSettings.Format.IniFormat)\n"
        "from orgmodel.ui.main_window import MainWindow\n"
        f"w = MainWindow(recovery_dir=__import__('pathlib').Path({str(tmp_path / 'r')!r}), restore=False)\n"
        "w.show(); app.processEvents()\n"
        "print('matplotlib' in sys.modules)\n"
        "w.central.show_simulation(); app.processEvents()\n"
        "print('matplotlib' in sys.modules)\n"
        "w.document.close()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.stdout.split() == ["False", "True"], out.stderr


def test_a_new_document_stops_the_running_simulation(qtbot: Any, window_workspace: Any) -> None:
    window = window_workspace.window()
    runner = window_workspace.runner
    set_params(qtbot, window_workspace, {"runs": 1000, "weeks": 260})
    with qtbot.waitSignal(runner.progress, timeout=RUN_TIMEOUT_MS):
        window.simulation_actions.run.trigger()
    window.actions.new.trigger()  # the seed copy is unmodified: no question
    qtbot.waitUntil(lambda: not runner.running, timeout=RUN_TIMEOUT_MS)
    assert not isValid(window_workspace)  # the old workspace is gone, its worker stopped
    assert not window.document.model.teams
    window.central.show_simulation()
    assert window.central.simulation is not None
    assert window.central.simulation.compare.results == {}


def test_cards_follow_a_theme_change(qapp: Any, workspace: Any) -> None:
    from PySide6.QtGui import QPalette

    from orgmodel.ui.theme import apply_theme

    for theme in ("dark", "light"):
        apply_theme(qapp, theme)
        base = qapp.palette().color(QPalette.ColorRole.Base).name()
        assert f"QFrame#headlineCard {{ background: {base};" in workspace.styleSheet()
