"""The undo history dock: every step of the command stack, the current one selected.

Row 0 is the state the document was opened (or created) in; row *n* is the state after the *n*-th
command. Clicking a row undoes or redoes up to it (``CommandStack.set_index``). The list is a small
``QAbstractListModel`` over ``stack.texts`` that resets when the stack changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QListView, QWidget

from orgmodel.editing.stack import CommandStack

Index = QModelIndex | QPersistentModelIndex
START_TEXT = "<opened>"


class HistoryModel(QAbstractListModel):
    """Rows: the starting state, then one per command text."""

    def __init__(self, stack: CommandStack, parent: Any = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self._texts = list(stack.texts)
        self._clean = stack.clean_index
        stack.changed.connect(self._on_changed)

    def detach(self) -> None:
        self.stack.changed.disconnect(self._on_changed)

    def _on_changed(self, _payload: Any = None) -> None:
        self.beginResetModel()
        self._texts = list(self.stack.texts)
        self._clean = self.stack.clean_index
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._texts) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            text = START_TEXT if row == 0 else self._texts[row - 1]
            return f"{text}   (saved)" if row == self._clean else text
        if role == Qt.ItemDataRole.FontRole and row > self.stack.index:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row > self.stack.index:
            return Qt.GlobalColor.gray
        return None


class HistoryDock(QDockWidget):
    """A list view of the history; a click jumps the document to that step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Undo history", parent)
        self.setObjectName("historyDock")
        self.history: HistoryModel | None = None
        self.view = QListView()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.clicked.connect(self._on_clicked)
        self.setWidget(self.view)

    def set_stack(self, stack: CommandStack) -> None:
        if self.history is not None:
            self.history.detach()
            self.history.deleteLater()
        self.history = HistoryModel(stack, self)
        self.view.setModel(self.history)
        self.history.modelReset.connect(self._select_current)  # after the view's own reset
        self._select_current()

    def _select_current(self) -> None:
        if self.history is None:
            return
        index = self.history.index(self.history.stack.index, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.scrollTo(index)

    def _on_clicked(self, index: QModelIndex) -> None:
        if self.history is not None and index.isValid():
            self.history.stack.set_index(index.row())
