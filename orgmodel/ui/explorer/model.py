"""``ExplorerModel``: a ``QAbstractItemModel`` over the tree of ``tree.py``, mirroring the model.

An entity changed in place (a rename, a new role) updates just its row (``dataChanged``); anything
that moves rows (added, removed, re-parented entities) marks the tree stale and it is rebuilt once
per command, when the command stack reports a change (a cheap targeted reset; the view keeps its
expanded rows and selection across it). Dragging people onto a team pushes ``MovePersonCommand``s
(one undo step). Refused moves are reported through ``drop_refused`` with the model's sentence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from orgmodel.core.entities import Person, Team
from orgmodel.core.errors import OrgModelError
from orgmodel.core.events import EntityEvent
from orgmodel.core.kinds import EntityKind
from orgmodel.editing.commands import ChangeEntityCommand, MovePersonCommand
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.dragdata import MIME_IDS, ids_mime, ids_of
from orgmodel.ui.explorer.tree import ORGANISATION_KEY, Node, build_tree, placement
from orgmodel.ui.icons import folder_icon, kind_icon, named_icon
from orgmodel.ui.labels import entity_detail, entity_name, entity_tooltip

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
_DETACHED = Node("__detached__")
RENAMABLE = frozenset({EntityKind.TEAM, EntityKind.PERSON, EntityKind.SERVICE, EntityKind.PLATFORM,
                       EntityKind.FORUM, EntityKind.SCENARIO, EntityKind.VIEW})


class ExplorerModel(QAbstractItemModel):
    """Two columns (name, detail) over teams, people, services, platforms and the rest."""

    drop_refused = Signal(str)  # a refused move or rename, as one sentence

    def __init__(self, stack: CommandStack, parent: Any = None) -> None:
        super().__init__(parent)
        self._stack = stack
        self._model = stack.model
        self._root, self._index = build_tree(self._model)
        self._by_uid = {node.uid: node for node in self._index.values()}
        self._stale = False
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)
        events = self._model.events
        events.entity_added.connect(self._on_structure)
        events.entity_removed.connect(self._on_structure)
        events.entity_changed.connect(self._on_changed)
        events.organisation_changed.connect(self._on_organisation)
        events.views_reordered.connect(self._on_structure)
        stack.changed.connect(self._on_stack)

    @property
    def stack_model(self) -> Any:
        """The OrgModel this tree mirrors."""
        return self._model

    def detach(self) -> None:
        """Stop listening to the model (the document is closing)."""
        events = self._model.events
        events.entity_added.disconnect(self._on_structure)
        events.entity_removed.disconnect(self._on_structure)
        events.entity_changed.disconnect(self._on_changed)
        events.organisation_changed.disconnect(self._on_organisation)
        events.views_reordered.disconnect(self._on_structure)
        self._stack.changed.disconnect(self._on_stack)
        self._timer.stop()

    # ------------------------------------------------------------- mirroring
    def _on_structure(self, _event: Any) -> None:
        self._stale = True
        self._timer.start()

    def _on_changed(self, event: EntityEvent) -> None:
        node = self._index.get(event.entity_id)
        moved = placement(event.old) != placement(event.new)
        if node is None or moved or self._stale:
            self._on_structure(event)
            return
        self._row_changed(node)
        if isinstance(event.new, Person) or isinstance(event.new, Team):
            self._touch_embeds()

    def _on_organisation(self, _organisation: Any) -> None:
        self._row_changed(self._index[ORGANISATION_KEY])

    def _on_stack(self, _payload: Any = None) -> None:
        if self._stale:
            self.refresh()

    def _row_changed(self, node: Node) -> None:
        left = self._make(node.row(), 0, node)
        right = self._make(node.row(), 1, node)
        self.dataChanged.emit(left, right)

    def _touch_embeds(self) -> None:
        for node in self._index["cat:embeds"].children:
            self._row_changed(node)

    def refresh(self) -> None:
        """Rebuild the tree from the model (a reset; views restore their state)."""
        self._timer.stop()
        self.beginResetModel()
        self._root, self._index = build_tree(self._model)
        self._by_uid = {node.uid: node for node in self._index.values()}
        self._stale = False
        self.endResetModel()

    # ------------------------------------------------------------- structure
    def node(self, index: Index) -> Node:
        """The node of an index. Indexes carry a node's number, not a pointer to it: an index
        that outlived a rebuild finds no node (an empty, detached one) instead of freed memory."""
        if not index.isValid():
            return self._root
        return self._by_uid.get(index.internalId(), _DETACHED)

    def _make(self, row: int, column: int, node: Node) -> QModelIndex:
        return self.createIndex(row, column, node.uid)

    def index_of_key(self, key: str) -> QModelIndex:
        node = self._index.get(key)
        if node is None or node.parent is None:
            return QModelIndex()
        return self._make(node.row(), 0, node)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        parent_node = self.node(parent)
        if 0 <= row < len(parent_node.children) and 0 <= column < 2:
            return self._make(row, column, parent_node.children[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent_node = self.node(index).parent
        if parent_node is None or parent_node is self._root:
            return QModelIndex()
        return self._make(parent_node.row(), 0, parent_node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Name", "Details")[section]
        return None

    # ------------------------------------------------------------------ data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == KEY_ROLE:
            return node.key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, index.column())
        if role == Qt.ItemDataRole.EditRole and node.kind in RENAMABLE:
            entity = self._model.find(node.key)
            return entity.name if entity is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return self._icon(node)
        return None

    def _text(self, node: Node, column: int) -> str:
        if node.key == ORGANISATION_KEY:
            return self._model.organisation.name if column == 0 else "Organisation"
        if not node.is_entity:
            return node.label if column == 0 else str(self._count(node))
        entity = self._model.find(node.key)
        if entity is None:
            return ""
        return entity_name(self._model, entity) if column == 0 else entity_detail(self._model, entity)

    def _tooltip(self, node: Node) -> str:
        name, detail = self._text(node, 0), self._text(node, 1)
        entity = self._model.find(node.key) if node.is_entity else None
        if entity is not None:
            from orgmodel.core.model import describe

            return f"{describe(entity)}: {entity_tooltip(self._model, entity)}"
        return f"{name} ({detail})" if detail else name

    def _count(self, node: Node) -> int:
        if node.key == "cat:teams":
            return len(self._model.teams)
        return len(node.children)

    def _icon(self, node: Node) -> Any:
        if node.key == ORGANISATION_KEY:
            return named_icon("orgmodel")
        if node.kind is None:
            return folder_icon()
        entity = self._model.find(node.key)
        return kind_icon(node.kind, getattr(entity, "kind", None) if node.kind is EntityKind.TEAM else None)

    # ----------------------------------------------------------- drag & drop
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        node = self.node(index)
        if node.kind is EntityKind.PERSON:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if node.kind is EntityKind.TEAM:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == 0 and node.kind in RENAMABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Renaming in place (F2): one ``ChangeEntityCommand``; a refused name is reported."""
        node = self.node(index)
        if role != Qt.ItemDataRole.EditRole or node.kind not in RENAMABLE:
            return False
        entity = self._model.find(node.key)
        name = str(value).strip()
        if entity is None or name == entity.name:
            return False
        try:
            self._stack.push(ChangeEntityCommand(node.key, name=name))
        except OrgModelError as error:
            self.drop_refused.emit(str(error))
            return False
        return True

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_IDS]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids = list(dict.fromkeys(self.node(i).key for i in indexes if self.node(i).is_entity))
        return ids_mime(ids)

    def _dropped_people(self, data: QMimeData) -> list[str]:
        return [i for i in ids_of(data) if i in self._model.people]

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        node = self.node(parent)
        return node.kind is EntityKind.TEAM and bool(self._dropped_people(data))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        return self.move_people(self._dropped_people(data), self.node(parent).key)

    def move_people(self, person_ids: list[str], team_id: str) -> bool:
        """Move people to a team as one undoable step; False (and ``drop_refused``) if refused."""
        movers = [p for p in person_ids if self._model.people[p].team != team_id]
        if not movers:
            return False
        team = self._model.teams[team_id]
        try:
            if len(movers) == 1:
                self._stack.push(MovePersonCommand(movers[0], team_id))
            else:
                with self._stack.macro(f"Move {len(movers)} people to '{team.name}'"):
                    for person_id in movers:
                        self._stack.push(MovePersonCommand(person_id, team_id))
        except OrgModelError as error:
            self.drop_refused.emit(str(error))
            return False
        return True  # the rows move when the tree refreshes; removeRows stays a no-op
