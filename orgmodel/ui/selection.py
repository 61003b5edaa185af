"""The window's shared selection: which entity ids are selected, and who selected them.

The explorer, the findings dock and the diagram each *set* the selection here; each listens to
``changed`` and mirrors it unless it was the source (so there is no echo loop). The inspector
shows the first selected entity. ``focus_requested`` asks views to scroll/centre on ids.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SelectionHub(QObject):
    """Selected ids plus a signal carrying (ids, source name)."""

    changed = Signal(list, str)
    focus_requested = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    @property
    def current(self) -> str | None:
        return self._ids[0] if self._ids else None

    def select(self, ids: list[str], source: str = "", focus: bool = False) -> None:
        ids = list(dict.fromkeys(i for i in ids if i))
        if ids != self._ids:
            self._ids = ids
            self.changed.emit(list(ids), source)
        if focus and ids:
            self.focus_requested.emit(list(ids))

    def forget_missing(self, exists: object) -> None:
        """Drop ids that no longer exist (after a removal or an undo)."""
        kept = [i for i in self._ids if i in exists]  # type: ignore[operator]
        if kept != self._ids:
            self._ids = kept
            self.changed.emit(list(kept), "model")
