"""The model explorer dock: a search field over a tree view of ``ExplorerModel``.

Search filters recursively (a team stays visible when one of its people matches) and expands what
it finds. Selecting rows sets the window's ``SelectionHub``; a selection made elsewhere (the
diagram, the findings) is mirrored here and scrolled to. Expanded rows and the selection survive
the model's resets.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from orgmodel.editing.stack import CommandStack
from orgmodel.ui.explorer.model import KEY_ROLE, ExplorerModel
from orgmodel.ui.explorer.tree import ORGANISATION_KEY
from orgmodel.ui.selection import SelectionHub

SOURCE = "explorer"


class ExplorerDock(QDockWidget):
    """Dock holding the search field and the tree; call ``set_stack`` for each new document."""

    def __init__(self, hub: SelectionHub, parent: QWidget | None = None) -> None:
        super().__init__("Model explorer", parent)
        self.setObjectName("explorerDock")
        self._hub = hub
        self._syncing = False
        self._searching = False
        self._expanded: set[str] = set()
        self.source: ExplorerModel | None = None
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # names and details: "sre" finds SRE teams and SRE-SEs
        self.search = QLineEdit(placeholderText="Search teams, people, services…")
        self.search.setObjectName("explorerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setIndentation(14)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # F2 renames
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection)
        self.hint = QLabel("This organisation is empty. Start from File ▸ New from Example, "
                           "or add a team with Model ▸ Add Team.")
        self.hint.setObjectName("explorerHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.hint)
        layout.addWidget(self.view)
        self.setWidget(body)
        hub.changed.connect(self._on_hub)

    # -------------------------------------------------------------- document
    def set_stack(self, stack: CommandStack) -> ExplorerModel:
        if self.source is not None:
            self.source.detach()
            self.source.deleteLater()
        self.source = ExplorerModel(stack, self)
        self.proxy.setSourceModel(self.source)
        # after the proxy's own handlers, so that it has dropped its old mapping first
        self.source.modelAboutToBeReset.connect(self._remember_state)
        self.source.modelReset.connect(self._restore_state)
        self.source.modelReset.connect(self._update_hint)
        header = self.view.header()  # the columns exist only once there is a source model
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 112)
        roots = {t.id for t in stack.model.teams.values() if t.parent is None}
        self._expanded = {"cat:teams", *roots}
        self._restore_state()
        self._update_hint()
        return self.source

    def _update_hint(self) -> None:
        """The empty-organisation hint shows while there is nothing to explore."""
        self.hint.setVisible(self.source is not None and len(self.source.stack_model) == 0)

    # ---------------------------------------------------------------- search
    def _filter(self, text: str) -> None:
        searching = bool(text.strip())
        if searching and not self._searching:
            self._remember_state()  # what to go back to when the search is cleared
        self._searching = searching
        self.proxy.setFilterFixedString(text.strip())
        self._restore_state()

    # ------------------------------------------------------- state on resets
    def _remember_state(self) -> None:
        if self._searching:
            return  # everything is expanded while searching; keep the state from before
        self._expanded = set()
        self._walk(QModelIndex(), self._collect_expanded)

    def _collect_expanded(self, index: QModelIndex) -> bool:
        if not self.view.isExpanded(index):
            return False
        self._expanded.add(str(index.data(KEY_ROLE)))
        return True

    def _restore_state(self) -> None:
        if self._searching:
            self.view.expandAll()
        else:
            self._walk(QModelIndex(), self._apply_expanded)
        self._select_keys(self._hub.ids, scroll=False)

    def _apply_expanded(self, index: QModelIndex) -> bool:
        if str(index.data(KEY_ROLE)) not in self._expanded:
            return False
        self.view.setExpanded(index, True)
        return True

    def _walk(self, parent: QModelIndex, visit: Any) -> None:
        """Visit rows depth first, descending only where ``visit`` returns True (expanded rows)."""
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if visit(index) and self.proxy.hasChildren(index):
                self._walk(index, visit)

    # ------------------------------------------------------------- selection
    def _on_view_selection(self, *_args: Any) -> None:
        if self._syncing:
            return
        keys = [
            str(i.data(KEY_ROLE)) for i in self.view.selectionModel().selectedRows(0)
        ]
        ids = [k for k in keys if k != ORGANISATION_KEY and not k.startswith("cat:")]
        if not ids and ORGANISATION_KEY in keys:
            ids = []
        self._hub.select(ids, SOURCE, focus=True)

    def _on_hub(self, ids: list[str], source: str) -> None:
        if source != SOURCE:
            self._select_keys(ids, scroll=True)

    def _select_keys(self, ids: list[str], scroll: bool) -> None:
        if self.source is None:
            return
        selection = QItemSelection()
        first: QModelIndex | None = None
        for key in ids:
            index = self.proxy.mapFromSource(self.source.index_of_key(key))
            if not index.isValid():
                continue
            selection.select(index, index.siblingAtColumn(1))
            first = first or index
            parent = index.parent()
            while parent.isValid():
                self.view.setExpanded(parent, True)
                parent = parent.parent()
        self._syncing = True
        try:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.view.selectionModel().select(selection, flags)
            if first is not None:
                self.view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                if scroll:
                    self.view.scrollTo(first)
        finally:
            self._syncing = False

    def key_index(self, key: str) -> QModelIndex:
        """The view index (through the filter) of an entity id, for tests and callers."""
        if self.source is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.source.index_of_key(key))
