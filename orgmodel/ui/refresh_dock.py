"""A dock that recomputes what it shows from the document, debounced after each edit.

``RefreshDock`` follows one ``CommandStack``: every change of the stack restarts a short timer,
and ``refresh_now`` (the subclass's) runs once the edits pause. Used by the findings and metrics
docks, whose analyses are cheap but not free on large documents.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

from orgmodel.editing.stack import CommandStack

DEBOUNCE_MS = 250


class RefreshDock(QDockWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._stack: CommandStack | None = None
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh_now)

    def refresh_now(self) -> None:
        raise NotImplementedError

    def set_stack(self, stack: CommandStack) -> None:
        if self._stack is not None:
            self._stack.changed.disconnect(self._schedule)
        self._stack = stack
        stack.changed.connect(self._schedule)
        self.refresh_now()

    def _schedule(self, _payload: Any = None) -> None:
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()
