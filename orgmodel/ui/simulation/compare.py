"""Results kept per scenario name, and the strip of check boxes that picks up to three to compare.

Every finished run replaces the results stored under its scenario's name and becomes the only one
ticked (the charts show the latest run); ticking more scenarios, up to ``MAX_COMPARED``, overlays
them, and a fourth tick is refused with a note. ``chart_data()`` is what the chart functions take:
one results dict alone, or a list of ``(label, results)`` pairs. Not for drawing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from orgmodel.reporting.chartdata import MAX_COMPARED


class CompareBar(QWidget):
    """The last results per scenario name, ticked for comparison."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareBar")
        self.results: dict[str, dict[str, Any]] = {}
        self.latest = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(f"Compare (up to {MAX_COMPARED}):", self)
        caption.setToolTip("Tick up to three scenarios whose last results the charts overlay.")
        self.list = QListWidget(self)
        self.list.setObjectName("compareList")
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setSpacing(2)
        self.list.setFixedHeight(self.list.fontMetrics().height() + 16)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.itemChanged.connect(self._on_item)
        self.note = QLabel(self)
        self.note.setObjectName("compareNote")
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        self._updating = False

    def add(self, name: str, results: dict[str, Any]) -> None:
        """Keep ``results`` as the last of scenario ``name`` and show it alone."""
        self.results[name] = results
        self.latest = name
        self._updating = True
        try:
            if not self.list.findItems(name, Qt.MatchFlag.MatchExactly):
                item = QListWidgetItem(name, self.list)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            for row in range(self.list.count()):
                item = self.list.item(row)
                item.setCheckState(
                    Qt.CheckState.Checked if item.text() == name else Qt.CheckState.Unchecked
                )
        finally:
            self._updating = False
        self.note.clear()
        self.selection_changed.emit()

    def set_checked(self, names: list[str]) -> None:
        """Tick exactly ``names`` (as a user would, one by one; a fourth is refused)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.text() not in names:
                item.setCheckState(Qt.CheckState.Unchecked)
        for name in names:
            for item in self.list.findItems(name, Qt.MatchFlag.MatchExactly):
                item.setCheckState(Qt.CheckState.Checked)

    def checked(self) -> list[str]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def _on_item(self, item: QListWidgetItem) -> None:
        if self._updating:
            return
        if item.checkState() == Qt.CheckState.Checked and len(self.checked()) > MAX_COMPARED:
            self._updating = True
            item.setCheckState(Qt.CheckState.Unchecked)
            self._updating = False
            self.note.setText(f"At most {MAX_COMPARED} scenarios can be compared.")
            return
        self.note.clear()
        self.selection_changed.emit()

    @property
    def primary(self) -> str:
        """The scenario the headline cards and the handback plan describe."""
        names = self.checked()
        if self.latest in names:
            return self.latest
        return names[0] if names else ""

    def chart_data(self) -> Any:
        names = self.checked()
        if not names:
            return None
        if len(names) == 1:
            return self.results[names[0]]
        return [(name, self.results[name]) for name in names]
