"""Running a simulation off the GUI thread: a ``QThread`` with progress, cancel and the result.

``SimulationRunner.start(model, params)`` copies nothing itself: the caller passes a copy of the
document's model (``OrgModel.copy()``), so that edits made while the run goes on never reach the
worker. ``run_simulation``'s progress callback becomes the ``progress(done, total)`` signal (queued
to the GUI thread), ``cancel()`` sets a flag the engine polls between blocks, and exactly one of
``finished(result)``, ``cancelled()`` or ``failed(message)`` ends every run. Not for widgets.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal

from orgmodel.core.errors import OrgModelError
from orgmodel.core.model import OrgModel
from orgmodel.sim.montecarlo import SimulationCancelled, run_simulation
from orgmodel.sim.scenario import ScenarioParams

log = logging.getLogger(__name__)


class _Worker(QThread):
    progressed = Signal(int, int)
    done = Signal(object)
    stopped = Signal()
    broke = Signal(str)

    def __init__(self, model: OrgModel, params: ScenarioParams, flag: threading.Event) -> None:
        super().__init__()
        self.model = model
        self.params = params
        self.flag = flag

    def run(self) -> None:
        try:
            result = run_simulation(
                self.model, self.params, progress=self.progressed.emit, cancel=self.flag.is_set
            )
        except SimulationCancelled:
            self.stopped.emit()
        except OrgModelError as error:
            self.broke.emit(str(error))
        except Exception as error:  # a bug must not kill the GUI thread: say so in one line
            log.exception("simulation failed")
            self.broke.emit(f"The simulation failed: {error}.")
        else:
            self.done.emit(result)


class SimulationRunner(QObject):
    """One simulation at a time, in a worker thread."""

    progress = Signal(int, int)
    finished = Signal(object)  # a SimulationResult
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: _Worker | None = None
        self._flag = threading.Event()
        self.label = ""

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self, model: OrgModel, params: ScenarioParams, label: str = "") -> None:
        """Simulate ``model`` (a copy owned by the worker) under ``params``."""
        if self._worker is not None:
            raise RuntimeError("a simulation is already running")
        self.label = label
        self._flag = threading.Event()
        worker = _Worker(model, params, self._flag)
        queued = Qt.ConnectionType.QueuedConnection  # the worker emits from its own thread
        worker.progressed.connect(self._on_progress, queued)
        worker.done.connect(self._on_done, queued)
        worker.stopped.connect(self._on_stopped, queued)
        worker.broke.connect(self._on_broke, queued)
        self._worker = worker
        worker.start()

    def cancel(self) -> None:
        """Ask the running simulation to stop at its next block."""
        self._flag.set()

    def _on_progress(self, done: int, total: int) -> None:
        if self._worker is not None:
            self.progress.emit(done, total)

    def _on_done(self, result: Any) -> None:
        self._end(self.finished, result)

    def _on_stopped(self) -> None:
        self._end(self.cancelled)

    def _on_broke(self, message: str) -> None:
        self._end(self.failed, message)

    def _end(self, signal: Any, *payload: Any) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.wait()  # run() has returned; the thread object goes with its last reference
        signal.emit(*payload)

    def shutdown(self) -> None:
        """Cancel and wait for the worker (the widget is going away)."""
        worker, self._worker = self._worker, None
        if worker is not None:
            self._flag.set()
            worker.wait()
