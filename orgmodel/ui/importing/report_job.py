"""Writing a report (simulation included) off the GUI thread, with a progress dialog and Cancel.

The simulation's progress drives the dialog; Cancel stops it between Monte Carlo blocks. On success
the status bar names the file; a failure is one sentence in a message box.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from orgmodel.core.errors import OrgModelError
from orgmodel.core.model import OrgModel

REPORT_RUNS = 300


class _Worker(QObject):
    progress = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, model: OrgModel, target: Path, default_scenario: str | None) -> None:
        super().__init__()
        self.model = model
        self.target = target
        self.default_scenario = default_scenario
        self.cancelled = False

    def run(self) -> None:
        try:
            from orgmodel.sim.montecarlo import run_simulation
            from orgmodel.sim.scenario import resolve_scenario

            params = resolve_scenario(None if self.model.scenarios else self.default_scenario, self.model)
            result = run_simulation(self.model, params, runs=min(params.runs, REPORT_RUNS),
                                    progress=lambda done, total: self.progress.emit(done, total),
                                    cancel=lambda: self.cancelled)
            if self.target.suffix.lower() == ".pdf":
                from orgmodel.reporting.report_pdf import write_report
            else:
                from orgmodel.reporting.report_pptx import write_report
            pages = write_report(self.model, self.target, scenario=params, results=result.to_dict())
            self.finished.emit(f"Wrote {self.target.name} ({pages} pages).")
        except OrgModelError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(f"Cannot write {self.target}: {error.strerror or error}.")


class ReportJob(QObject):
    """One report export: a worker thread and its progress dialog."""

    done = Signal(bool)

    def __init__(self, window: Any, model: OrgModel, target: Path) -> None:
        super().__init__(window)
        self.window = window
        default = getattr(getattr(window, "settings", None), "default_scenario", None)
        self.worker = _Worker(model, target, default if isinstance(default, str) and default else None)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.dialog = QProgressDialog(f"Writing {target.name}…", "Cancel", 0, 100, window if isinstance(window, QWidget) else None)
        self.dialog.setWindowTitle("Export report")
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self._cancel)
        self.worker.progress.connect(self._progress)
        self.worker.finished.connect(self._finished)
        self.worker.failed.connect(self._failed)
        self.message = ""

    def start(self) -> None:
        self.dialog.setValue(0)
        self.thread.start()

    def _cancel(self) -> None:
        self.worker.cancelled = True

    def _progress(self, done: int, total: int) -> None:
        self.dialog.setValue(int(90 * done / max(total, 1)))

    def _stop(self) -> None:
        self.thread.quit()
        self.thread.wait()
        self.dialog.reset()

    def _finished(self, message: str) -> None:
        self._stop()
        self.message = message
        self.window.statusBar().showMessage(message, 8000)
        self.done.emit(True)

    def _failed(self, message: str) -> None:
        self._stop()
        self.message = message
        if not self.worker.cancelled:
            QMessageBox.warning(self.window, "Export report", message)
        self.done.emit(False)
