"""Running a simulation off the GUI thread: a ``QThread`` with progress, cancel and the result.

``SimulationRunner.start(model, params)`` copies nothing itself: the caller passes a copy of the
document's model (``OrgModel.copy()``), so that edits made while the run goes on never reach the
worker. ``run_simulation``'s progress callback becomes the ``progress(done, total)`` signal (queued
to the GUI thread), ``cancel()`` sets a flag the engine polls between blocks, and exactly one of
``finished(result)``, ``cancelled()`` or ``failed(message)`` ends every run, once the thread has
ended. Not for widgets.
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
    """Runs one simulation; its outcome waits in ``outcome`` until QThread's ``finished``."""

    progressed = Signal(int, int)

    def __init__(self, model: OrgModel, params: ScenarioParams, flag: threading.Event) -> None:
        super().__init__()
        self.model = model
        self.params = params
        self.flag = flag
        self.outcome: tuple[str, Any] = ("failed", "The simulation stopped unexpectedly.")

    def run(self) -> None:
        try:
            result = run_simulation(
                self.model, self.params, progress=self.progressed.emit, cancel=self.flag.is_set
            )
        except SimulationCancelled:
            self.outcome = ("cancelled", None)
        except OrgModelError as error:
            self.outcome = ("failed", str(error))
        except Exception as error:  # a bug must not kill the GUI thread: say so in one line
            log.exception("simulation failed")
            self.outcome = ("failed", f"The simulation failed: {error}.")
        else:
            self.outcome = ("finished", result)


class SimulationRunner(QObject):
    """One simulation at a time, in a worker thread.

    The ending is read from the worker when Qt's own ``QThread.finished`` arrives (queued to this
    object's thread), so it is reported exactly once, after the thread has really ended; finished
    workers are kept until the next run rather than deleted inside their own signal.
    """

    progress = Signal(int, int)
    finished = Signal(object)  # a SimulationResult
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: _Worker | None = None
        self._retired: list[_Worker] = []
        self._flag = threading.Event()
        self.label = ""

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self, model: OrgModel, params: ScenarioParams, label: str = "") -> None:
        """Simulate ``model`` (a copy owned by the worker) under ``params``."""
        if self._worker is not None:
            raise RuntimeError("a simulation is already running")
        self._retired = [w for w in self._retired if not w.isFinished()]
        self.label = label
        self._flag = threading.Event()
        worker = _Worker(model, params, self._flag)
        queued = Qt.ConnectionType.QueuedConnection  # the worker emits from its own thread
        worker.progressed.connect(self._on_progress, queued)
        worker.finished.connect(self._on_thread_finished, queued)
        self._worker = worker
        worker.start()

    def cancel(self) -> None:
        """Ask the running simulation to stop at its next block."""
        self._flag.set()

    def _on_progress(self, done: int, total: int) -> None:
        if self._worker is not None:
            self.progress.emit(done, total)

    def _on_thread_finished(self) -> None:
        worker, self._worker = self._worker, None
        if worker is None:  # shut down meanwhile
            return
        worker.wait()  # returns at once: the thread has ended
        self._retired.append(worker)
        kind, payload = worker.outcome
        worker.model = None  # type: ignore[assignment]  # free the copy now
        if kind == "finished":
            self.finished.emit(payload)
        elif kind == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(str(payload))

    def shutdown(self) -> None:
        """Cancel and wait for the worker (the widget is going away)."""
        worker, self._worker = self._worker, None
        if worker is not None:
            self._flag.set()
            worker.wait()
            self._retired.append(worker)
