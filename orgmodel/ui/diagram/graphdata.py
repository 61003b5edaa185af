"""The diagram's nodes and edges, derived entity by entity so the canvas can mirror events.

``analysis.graph.build_graph`` describes the whole model as a networkx graph; the canvas needs the
same nodes and edges but incrementally: when one entity changes, which nodes and edges change with
it. ``node_of(model, entity)`` and ``edges_held_by(model, entity)`` give exactly what
``build_graph`` makes for that entity (an edge is *held* by the entity whose reference it draws;
both take edges from ``analysis.relations``, and a test checks that the union equals
``build_graph``); ``graph_index`` indexes a whole model at once, ``CanvasIndex`` kind by kind as
a canvas first shows each kind; and ``dependents(model, entity)`` names the other entities whose
nodes or edges an update also changes (a platform's versions). Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from orgmodel.analysis.relations import RULE_KINDS, RULES, held_relations, version_label
from orgmodel.core.entities import (
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Service,
    Team,
)
from orgmodel.core.kinds import (
    EntityKind,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)
from orgmodel.core.model import OrgModel


class NodeData(NamedTuple):
    id: str
    kind: str  # "team", "person", "service", "platform", "platform_version", "forum"
    sub: str
    label: str


class EdgeData(NamedTuple):
    source: str
    target: str
    kind: str
    key: str
    id: tuple[str, str, str]  # (source, target, key): made once, looked up everywhere


# A node's ``sub`` is ``str(member)`` of an enum field: graph_index reads it here instead of calling
# str per node (a value outside the enums raises KeyError and graph_index falls back to all_nodes).
_SUB: dict[Any, str] = {
    m: str(m) for e in (TeamKind, Role, Support, PlatformKind, VersionStatus) for m in e
}


def _team_node(model: OrgModel, t: Team) -> NodeData:
    return NodeData(t.id, "team", str(t.kind), t.name)


def _person_node(model: OrgModel, p: Person) -> NodeData:
    return NodeData(p.id, "person", str(p.role), p.name)


def _service_node(model: OrgModel, s: Service) -> NodeData:
    return NodeData(s.id, "service", str(s.support), s.name)


def _platform_node(model: OrgModel, p: Platform) -> NodeData:
    return NodeData(p.id, "platform", str(p.kind), p.name)


def _version_node(model: OrgModel, v: PlatformVersion) -> NodeData:
    return NodeData(v.id, "platform_version", str(v.status), version_label(model, v))


def _forum_node(model: OrgModel, f: Forum) -> NodeData:
    return NodeData(f.id, "forum", "forum", f.name)


_NODE: dict[type, Callable[[OrgModel, Any], NodeData]] = {
    Team: _team_node,
    Person: _person_node,
    Service: _service_node,
    Platform: _platform_node,
    PlatformVersion: _version_node,
    Forum: _forum_node,
}


def node_of(model: OrgModel, entity: Any) -> NodeData | None:
    """The diagram node of an entity, or None for entities drawn as edges (embeds, ...)."""
    make = _NODE.get(type(entity))
    return make(model, entity) if make is not None else None


def edges_held_by(model: OrgModel, entity: Any) -> list[EdgeData]:
    """The edges drawing the references this entity holds (same kinds and keys as build_graph)."""
    return [EdgeData(s, t, kind, key, (s, t, key)) for _, s, t, kind, key in held_relations(model, entity)]


def dependents(model: OrgModel, entity: Any) -> list[Any]:
    """Other entities whose node label or held edges follow this entity's fields."""
    if isinstance(entity, Platform):
        return [v for v in model.platform_versions.values() if v.platform == entity.id]
    return []


def all_nodes(model: OrgModel) -> Iterator[NodeData]:
    for entity in model.entities():
        make = _NODE.get(type(entity))
        if make is not None:
            yield make(model, entity)


def all_edges(model: OrgModel) -> Iterator[tuple[str, EdgeData]]:
    """(holder id, edge) for every edge of the model."""
    for entity in model.entities():
        for made in edges_held_by(model, entity):
            yield entity.id, made


class GraphIndex(NamedTuple):
    """Every node and edge of a model: edges by id, by kind and by the entity holding them."""

    nodes: dict[str, NodeData]
    edges: dict[tuple[str, str, str], EdgeData]
    by_kind: dict[str, dict[tuple[str, str, str], EdgeData]]
    held: dict[str, list[tuple[str, str, str]]]


def _indexed_nodes(
    model: OrgModel, new: Callable[..., Any], sub: dict[Any, str]
) -> dict[str, NodeData]:
    """Every node, as ``all_nodes`` makes them (ids are the collections' keys)."""
    nodes: dict[str, NodeData] = {}
    for i, t in model.teams.items():
        nodes[i] = new(NodeData, (i, "team", sub[t.kind], t.name))
    for i, p in model.people.items():
        nodes[i] = new(NodeData, (i, "person", sub[p.role], p.name))
    for i, s in model.services.items():
        nodes[i] = new(NodeData, (i, "service", sub[s.support], s.name))
    for i, pl in model.platforms.items():
        nodes[i] = new(NodeData, (i, "platform", sub[pl.kind], pl.name))
    for i, v in model.platform_versions.items():
        nodes[i] = new(NodeData, (i, "platform_version", sub[v.status], version_label(model, v)))
    for i, f in model.forums.items():
        nodes[i] = new(NodeData, (i, "forum", "forum", f.name))
    return nodes


def graph_index(model: OrgModel) -> GraphIndex:
    """``all_nodes`` and ``all_edges`` indexed, collection by collection (in model order).

    The same NodeData and EdgeData as ``node_of`` and ``edges_held_by``, made without their
    Python-level ``__new__`` (``tuple.__new__`` on the class): tens of thousands of them for a
    large model, on the way to the diagram's first render.
    """
    new = tuple.__new__
    try:
        nodes = _indexed_nodes(model, new, _SUB)
    except KeyError:  # a sub that is no enum member
        nodes = {node.id: node for node in all_nodes(model)}

    edges: dict[tuple[str, str, str], EdgeData] = {}
    by_kind: dict[str, dict[tuple[str, str, str], EdgeData]] = {}
    held: dict[str, list[tuple[str, str, str]]] = {}
    for kind in EntityKind:
        collection = model.collection(kind)
        if not collection:
            continue
        rule = RULES.get(type(next(iter(collection.values()))))
        if rule is None:
            continue
        # A rule yields an entity's relations one after the other, and ids are unique across
        # collections: a holder is new whenever it differs from the previous one.
        last = None
        ids: list[tuple[str, str, str]] = []
        for holder, source, target, edge_kind, key in rule(model, collection.values()):
            edge_id = (source, target, key)
            edges[edge_id] = made = new(EdgeData, (source, target, edge_kind, key, edge_id))
            if holder == last:
                ids.append(edge_id)
            else:
                held[holder] = ids = [edge_id]
                last = holder
            try:
                by_kind[edge_kind][edge_id] = made
            except KeyError:
                by_kind[edge_kind] = {edge_id: made}
    return GraphIndex(nodes, edges, by_kind, held)


NODE_COLLECTIONS: dict[str, EntityKind] = {
    "team": EntityKind.TEAM,
    "person": EntityKind.PERSON,
    "service": EntityKind.SERVICE,
    "platform": EntityKind.PLATFORM,
    "platform_version": EntityKind.PLATFORM_VERSION,
    "forum": EntityKind.FORUM,
}


class CanvasIndex:
    """The nodes and edges of a model a canvas has shown so far, indexed kind by kind.

    The same data as ``graph_index`` for the kinds asked for (``ensure``): a teams-only view of a
    5,000-node model indexes its 338 teams and their ``part_of`` edges, not 15,000 edges; a view
    with every node kind and the org chart's four edge kinds skips the 9,000 edges it does not
    draw. The dicts are the canvas's to keep in step with the model's events (it may add nodes
    and edges of kinds not indexed yet: indexing a kind later keeps what is there).
    """

    def __init__(self, model: OrgModel) -> None:
        self.model = model
        self.nodes: dict[str, NodeData] = {}
        self.edges: dict[tuple[str, str, str], EdgeData] = {}
        self.by_kind: dict[str, dict[tuple[str, str, str], EdgeData]] = {}
        self.held: dict[str, list[tuple[str, str, str]]] = {}
        self.node_kinds: set[str] = set()
        self.edge_kinds: set[str] = set()

    @property
    def node_count(self) -> int:
        """How many diagram nodes the model has (indexed or not)."""
        return sum(len(self.model.collection(kind)) for kind in NODE_COLLECTIONS.values())

    def ensure(self, node_kinds: Iterable[str] = (), edge_kinds: Iterable[str] = ()) -> None:
        """Index the nodes and edges of these kinds unless they already are."""
        nodes = [k for k in node_kinds if k not in self.node_kinds and k in NODE_COLLECTIONS]
        if nodes:
            self._index_nodes(nodes)
        edges = {k for k in edge_kinds if k not in self.edge_kinds}
        if edges:
            self._index_edges(edges)

    def ensure_all_nodes(self) -> dict[str, NodeData]:
        self.ensure(NODE_COLLECTIONS)
        return self.nodes

    def _index_nodes(self, kinds: list[str]) -> None:
        model, new, sub, nodes = self.model, tuple.__new__, _SUB, self.nodes
        for kind in kinds:
            self.node_kinds.add(kind)
            if kind == "team":
                for i, t in model.teams.items():
                    nodes[i] = new(NodeData, (i, "team", sub[t.kind], t.name))
            elif kind == "person":
                for i, p in model.people.items():
                    nodes[i] = new(NodeData, (i, "person", sub[p.role], p.name))
            elif kind == "service":
                for i, s in model.services.items():
                    nodes[i] = new(NodeData, (i, "service", sub[s.support], s.name))
            else:
                for entity in model.collection(NODE_COLLECTIONS[kind]).values():
                    node = node_of(model, entity)
                    assert node is not None
                    nodes[node.id] = node

    def _index_edges(self, kinds: set[str]) -> None:
        """Every edge of these kinds the canvas does not know yet, by id, kind and holder."""
        self.edge_kinds |= kinds
        model, new = self.model, tuple.__new__
        edges, by_kind, held = self.edges, self.by_kind, self.held
        for kind in kinds:
            by_kind.setdefault(kind, {})
        for collection_kind in EntityKind:
            collection = model.collection(collection_kind)
            if not collection:
                continue
            entity_type = type(next(iter(collection.values())))
            rule = RULES.get(entity_type)
            if rule is None or not RULE_KINDS[entity_type] & kinds:
                continue
            for holder, source, target, edge_kind, key in rule(model, collection.values()):
                if edge_kind not in kinds:
                    continue
                edge_id = (source, target, key)
                if edge_id in edges:  # already known from an event
                    continue
                edges[edge_id] = made = new(EdgeData, (source, target, edge_kind, key, edge_id))
                by_kind[edge_kind][edge_id] = made
                ids = held.get(holder)
                if ids is None:
                    held[holder] = [edge_id]
                else:
                    ids.append(edge_id)
