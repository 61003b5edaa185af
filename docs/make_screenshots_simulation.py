"""Render docs/screenshots/simulation.png: the simulation workspace with results, offscreen.

Run ``python docs/make_screenshots_simulation.py`` (``--out DIR`` to write elsewhere, ``--runs N``
for fewer runs). It opens the main window on the seed-enterprise example with settings isolated in
a temporary folder, hides the docks a user would close to make room, opens the Simulation tab and
runs three bundled presets at a growth of four development teams a quarter (fixed SRE headcount,
platform investment, SRE hired in proportion), each through the Run button as a user would, then
compares them on the ops-fraction chart and saves the window as PNG. A companion of
``docs/make_screenshots.py`` (which takes the other screenshots).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1600, 1000)
HERE = Path(__file__).resolve().parent
SCENARIOS = (
    ("baseline", "Fixed SRE headcount"),
    ("invest-in-platform", "Invest in the platform"),
    ("hire-linearly", "Hire SRE linearly"),
)
GROWTH = 4.0


def wait_for(signal: Any, timeout_ms: int = 600_000) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def settle(ms: int = 400) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.processEvents()


def run_preset(workspace: Any, preset: str, label: str, runs: int) -> None:
    editor = workspace.editor
    editor.load_source("preset", preset)
    editor.name.setText(label)
    editor.set_value("runs", runs)
    editor.set_value("growth.dev_teams_per_quarter", GROWTH)
    workspace.run_button.click()
    wait_for(workspace.runner.finished)
    print(f"  {label}: {workspace.status.text()}")


def make(out: Path, runs: int) -> Path:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        QCoreApplication.setOrganizationName("OrgModelScreenshots")
        from orgmodel.ui.app import configure_application
        from orgmodel.ui.main_window import MainWindow

        configure_application(app, theme="light")
        window = MainWindow(recovery_dir=Path(tmp) / "recovery", restore=False)
        window.files.new_from_example("seed-enterprise")
        for dock in (window.inspector, window.findings, window.metrics, window.history):
            dock.hide()
        window.resize(*SIZE)
        window.show()
        window.central.show_simulation()
        workspace = window.central.simulation
        for preset, label in SCENARIOS:
            run_preset(workspace, preset, label, runs)
        workspace.compare.set_checked([label for _, label in SCENARIOS])
        workspace.compare.latest = SCENARIOS[0][1]
        workspace.compare.selection_changed.emit()
        workspace.charts.setCurrentIndex(0)
        settle()
        out.mkdir(parents=True, exist_ok=True)
        target = out / "simulation.png"
        window.grab().save(str(target))
        window.document.stack.set_clean()
        window.close()
        window.document.close()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args(argv)
    print(f"wrote {make(args.out, args.runs)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
