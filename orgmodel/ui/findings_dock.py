"""The findings dock: the analysis rules' findings with severity icons, refreshed as you edit.

Rows show the severity icon and code, the message, and (in the tooltip) the remedy and source.
Clicking a row selects the finding's entities everywhere (explorer, inspector, diagram) and asks
the diagram to centre on them. Findings are recomputed after edits, debounced by a short timer so
a burst of edits costs one pass.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from orgmodel.ui.icons import severity_icon
from orgmodel.ui.refresh_dock import RefreshDock
from orgmodel.ui.selection import SelectionHub

SOURCE = "findings"
ENTITIES_ROLE = Qt.ItemDataRole.UserRole + 2


class FindingsDock(RefreshDock):
    """A list of findings; ``counts_changed(errors, warnings, infos)`` feeds the status bar."""

    counts_changed = Signal(int, int, int)

    def __init__(self, hub: SelectionHub, parent: QWidget | None = None) -> None:
        super().__init__("Findings", parent)
        self.setObjectName("findingsDock")
        self._hub = hub
        self.findings: list[Any] = []
        self.items = QStandardItemModel(0, 2, self)
        self.items.setHorizontalHeaderLabels(["Code", "Finding"])
        self.view = QTreeView()
        self.view.setModel(self.items)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setColumnWidth(0, 90)
        self.view.clicked.connect(self._on_clicked)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.view.activated.connect(self._on_clicked)
        self.summary = QLabel()
        self.detail = QLabel()  # the whole finding, remedy and source of the current row
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setMinimumHeight(34)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self.setWidget(body)



    def refresh_now(self) -> None:
        """Recompute the findings of the current model and refill the list."""
        self._timer.stop()
        if self._stack is None:
            return
        from orgmodel.analysis.findings import find_all

        self.findings = find_all(self._stack.model)
        self.items.removeRows(0, self.items.rowCount())
        for finding in self.findings:
            self.items.appendRow(self._row(finding))
        self.detail.setText("Click a finding to select what it is about." if self.findings else "")
        counts = [sum(f.severity.value == s for f in self.findings) for s in ("error", "warning", "info")]
        self.summary.setText(
            f"{counts[0]} errors, {counts[1]} warnings, {counts[2]} notes" if self.findings
            else "No findings: nothing to fix."
        )
        self.counts_changed.emit(*counts)

    def _row(self, finding: Any) -> list[QStandardItem]:
        severity = finding.severity.value
        code = QStandardItem(severity_icon(severity), finding.code)
        message = QStandardItem(finding.message)
        tooltip = _describe(finding)
        for item in (code, message):
            item.setToolTip(tooltip)
            item.setData(list(finding.entities), ENTITIES_ROLE)
            item.setEditable(False)
        return [code, message]

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if current.isValid():
            self.detail.setText(current.siblingAtColumn(0).data(Qt.ItemDataRole.ToolTipRole))

    def _on_clicked(self, index: QModelIndex) -> None:
        ids = index.siblingAtColumn(0).data(ENTITIES_ROLE) or []
        self._hub.select([str(i) for i in ids], SOURCE, focus=True)


def _describe(finding: Any) -> str:
    """The finding as rich text: severity and code, message, remedy and source."""
    text = f"<b>{html.escape(finding.code)}</b> {html.escape(finding.message)}"
    if finding.remedy:
        text += f"<br><i>Remedy:</i> {html.escape(finding.remedy)}"
    if finding.source:
        text += f" <i>Source:</i> {html.escape(finding.source)}"
    return text
