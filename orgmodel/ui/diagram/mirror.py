"""Keeping the diagram scene in step with the model: ``ModelMirror`` handles its events.

A mixin of ``DiagramScene``: an entity added, changed or removed updates its node's data, the
edges it holds and, when the change is structural (team, parent, owner, role, ...), which nodes
show and where the layout puts them. Inside a batch of writes (a command, an undo: dozens of
events for one removal) the structural part waits for ``batch_finished`` and runs once
(``catch_up``). Not for building a scene (``scene``) nor for moving items (``motion``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from orgmodel.core.events import EntityEvent
from orgmodel.core.model import OrgModel
from orgmodel.ui.diagram.graphdata import EdgeData, NodeData, dependents, edges_held_by, node_of

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from orgmodel.ui.diagram.items import NodeItem

Point = tuple[float, float]
STRUCTURAL_FIELDS = ("parent", "team", "owner", "platform", "kind", "role", "support")


class ModelMirror:
    """Mixin for the diagram scene: the model's events, mirrored onto its items."""

    model: OrgModel
    nodes: dict[str, NodeData]
    edges: dict[tuple[str, str, str], EdgeData]
    by_kind: dict[str, dict[tuple[str, str, str], EdgeData]]
    held: dict[str, list[tuple[str, str, str]]]
    node_items: dict[str, NodeItem]
    stored: dict[str, Point]
    visible: set[str]
    _counts: dict[str, int] | None
    _closed: bool
    _pending_resync: bool
    _pending_relayout: bool

    if TYPE_CHECKING:  # provided by the scene
        def _drop_edge_item(self, edge_id: tuple[str, str, str]) -> None: ...
        def _forget_edge(self, edge_id: tuple[str, str, str]) -> None: ...
        def _drop_node_item(self, node_id: str) -> None: ...
        def _sync_visible(self) -> dict[str, Point] | None: ...
        def _sync_edges(self, edges: Iterable[EdgeData]) -> None: ...
        def _target_positions(self) -> dict[str, Point]: ...
        def caption(self, node_id: str) -> str: ...
        def move_nodes(self, target: Mapping[str, Point], animate: bool = True) -> None: ...

    def _on_added(self, event: EntityEvent) -> None:
        self._refresh_entity(event.new, structural=True)
        self._refresh_team_captions(event.new)

    def _on_removed(self, event: EntityEvent) -> None:
        entity = event.old
        for edge_id in self.held.pop(entity.id, []):
            self._drop_edge_item(edge_id)
            self._forget_edge(edge_id)
        if entity.id in self.nodes:
            del self.nodes[entity.id]
            self.stored.pop(entity.id, None)
            if entity.id in self.node_items:
                self._drop_node_item(entity.id)
            self.visible.discard(entity.id)
            self._structure_changed(resync=False)
        self._refresh_team_captions(entity)

    def _on_changed(self, event: EntityEvent) -> None:
        old, new = event.old, event.new
        structural = any(getattr(old, f, None) != getattr(new, f, None) for f in STRUCTURAL_FIELDS)
        self._refresh_entity(new, structural)
        for other in dependents(self.model, new):
            self._refresh_entity(other, structural=False)
        self._refresh_team_captions(old, new)

    def _refresh_entity(self, entity: Any, structural: bool) -> None:
        node = node_of(self.model, entity)
        if node is not None:
            self.nodes[node.id] = node
        for edge_id in self.held.pop(entity.id, []):
            self._drop_edge_item(edge_id)
            self._forget_edge(edge_id)
        held = edges_held_by(self.model, entity)
        for edge in held:
            self.edges[edge.id] = edge
            self.by_kind.setdefault(edge.kind, {})[edge.id] = edge
        self.held[entity.id] = [e.id for e in held]
        if node is not None and node.id in self.node_items:
            self.node_items[node.id].set_data(node, self.caption(node.id))
        if structural and node is not None:
            self._structure_changed(resync=True)
        else:
            self._sync_edges(held)

    def _refresh_team_captions(self, *entities: Any) -> None:
        self._counts = None
        for entity in entities:
            team_id = getattr(entity, "team", None) if entity is not None else None
            if team_id in self.node_items and team_id in self.nodes:
                self.node_items[team_id].set_data(self.nodes[team_id], self.caption(team_id))

    def _structure_changed(self, resync: bool) -> None:
        """The items follow a change of structure: which nodes show (``resync``) and where the
        layout puts them. Inside a batch of writes (a command removing a team sends dozens of
        events) this waits for the batch to end (``catch_up``): once, not once per event."""
        self._pending_resync = self._pending_resync or resync
        self._pending_relayout = True
        if not self.model.in_batch:
            self.catch_up()

    def catch_up(self) -> None:
        """Do what changes of structure left to do (nothing when nothing is left)."""
        if not self._pending_relayout or self._closed or self.model.in_batch:
            return
        target = self._sync_visible() if self._pending_resync else None
        self._pending_resync = self._pending_relayout = False
        self.move_nodes(target if target is not None else self._target_positions(), animate=False)

    def _on_batch_finished(self, _: None) -> None:
        self.catch_up()
