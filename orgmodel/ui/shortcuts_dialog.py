"""Help > Keyboard Shortcuts: every menu action of the window that has a shortcut, in a table.

Built from the live menus, so entries other parts of the UI add (the diagram, the simulation
workspace) show up too, with the key sequence of the running platform.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def shortcut_rows(menus: list[QMenu]) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action with a shortcut, sub-menus included, in menu order."""
    rows: list[tuple[str, str, str]] = []

    def visit(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                visit(action.menu(), f"{path} ▸ {action.menu().title().replace('&', '')}")
            elif not action.isSeparator():
                keys = _keys(action)
                if keys:
                    rows.append((path, action.text().replace("&", "").split("\t")[0], keys))

    for menu in menus:
        visit(menu, menu.title().replace("&", ""))
    return rows


def _keys(action: QAction) -> str:
    sequences = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
    if not sequences and "\t" in action.text():
        sequences = [action.text().split("\t", 1)[1]]
    return ", ".join(s for s in sequences if s and not _media_key(s))


_MEDIA_KEYS = frozenset({"New", "Open", "Save", "Close", "Undo", "Redo", "Find", "Copy", "Paste",
                         "Cut", "Help", "Forward", "Back", "Refresh", "Reload", "Print"})


def _media_key(text: str) -> bool:
    """Dedicated keys some keyboards have ("Open", "Shift+Save"): not worth listing."""
    return text.rsplit("+", 1)[-1] in _MEDIA_KEYS


class ShortcutsDialog(QDialog):
    """A read-only table of menu, command and keys."""

    def __init__(self, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = shortcut_rows(menus)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Menu", "Command", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 520)
