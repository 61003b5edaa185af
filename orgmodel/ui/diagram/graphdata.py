"""The diagram's nodes and edges, derived entity by entity so the canvas can mirror events.

``analysis.graph.build_graph`` describes the whole model as a networkx graph; the canvas needs the
same nodes and edges but incrementally: when one entity changes, which nodes and edges change with
it. ``node_of(model, entity)`` and ``edges_held_by(model, entity)`` give exactly what
``build_graph`` makes for that entity (an edge is *held* by the entity whose reference it draws;
a test checks that the union equals ``build_graph``), and ``dependents(model, entity)`` names the
other entities whose nodes or edges an update also changes (a platform's versions). Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Service,
    Team,
)
from orgmodel.core.kinds import Support
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


def edge(source: str, target: str, kind: str, key: str | None = None) -> EdgeData:
    """An edge whose key is its kind unless given (forum seats and embeds key by more)."""
    key = kind if key is None else key
    return EdgeData(source, target, kind, key, (source, target, key))


def version_label(model: OrgModel, version: PlatformVersion) -> str:
    if version.name:
        return version.name
    platform = model.platforms.get(version.platform)
    return f"{platform.name if platform else version.platform} {version.version}"


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


def _team_edges(model: OrgModel, t: Team) -> list[EdgeData]:
    return [edge(t.id, t.parent, "part_of", "part_of")] if t.parent is not None else []


def _person_edges(model: OrgModel, p: Person) -> list[EdgeData]:
    edges = []
    if p.team is not None:
        edges.append(edge(p.id, p.team, "member_of", "member_of"))
    if p.manager is not None:
        edges.append(edge(p.id, p.manager, "reports_to", "reports_to"))
    return edges


def _embed_edges(model: OrgModel, e: Embed) -> list[EdgeData]:
    return [edge(e.person, e.host, "embedded_in", e.id)]


def _service_edges(model: OrgModel, s: Service) -> list[EdgeData]:
    edges = []
    if s.owner is not None:
        edges.append(edge(s.owner, s.id, "owns", "owns"))
    if s.support is Support.SRE and s.sre_team is not None:
        edges.append(edge(s.sre_team, s.id, "supports", "supports"))
    if s.platform_version is not None:
        edges.append(edge(s.id, s.platform_version, "runs_on", "runs_on"))
    return edges


def _dependency_edges(model: OrgModel, d: Dependency) -> list[EdgeData]:
    return [edge(d.source, d.target, "depends_on", "depends_on")]


def _platform_edges(model: OrgModel, p: Platform) -> list[EdgeData]:
    return [edge(p.owner, p.id, "owns", "owns")] if p.owner is not None else []


def _version_edges(model: OrgModel, v: PlatformVersion) -> list[EdgeData]:
    edges = [edge(v.id, v.platform, "version_of", "version_of")]
    platform = model.platforms.get(v.platform)
    if platform is not None and platform.owner is not None:
        edges.append(edge(platform.owner, v.id, "builds", "builds"))
    if v.production_owner is not None:
        edges.append(edge(v.production_owner, v.id, "operates", "operates"))
    return edges


def _forum_edges(model: OrgModel, f: Forum) -> list[EdgeData]:
    return [edge(rep.person, f.id, "represents", f"represents:{rep.team}")
            for rep in f.representatives]


_HELD: dict[type, Callable[[OrgModel, Any], list[EdgeData]]] = {
    Team: _team_edges,
    Person: _person_edges,
    Embed: _embed_edges,
    Service: _service_edges,
    Dependency: _dependency_edges,
    Platform: _platform_edges,
    PlatformVersion: _version_edges,
    Forum: _forum_edges,
}


def edges_held_by(model: OrgModel, entity: Any) -> list[EdgeData]:
    """The edges drawing the references this entity holds (same kinds and keys as build_graph)."""
    held = _HELD.get(type(entity))
    return held(model, entity) if held is not None else []


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
        held = _HELD.get(type(entity))
        if held is not None:
            for made in held(model, entity):
                yield entity.id, made


class GraphIndex(NamedTuple):
    """Every node and edge of a model: edges by id, by kind and by the entity holding them."""

    nodes: dict[str, NodeData]
    edges: dict[tuple[str, str, str], EdgeData]
    by_kind: dict[str, dict[tuple[str, str, str], EdgeData]]
    held: dict[str, list[tuple[str, str, str]]]


def graph_index(model: OrgModel) -> GraphIndex:
    """``all_nodes`` and ``all_edges`` indexed in one pass (in model order)."""
    nodes: dict[str, NodeData] = {}
    edges: dict[tuple[str, str, str], EdgeData] = {}
    by_kind: dict[str, dict[tuple[str, str, str], EdgeData]] = {}
    held: dict[str, list[tuple[str, str, str]]] = {}
    for entity in model.entities():
        kind = type(entity)
        make_node = _NODE.get(kind)
        if make_node is not None:
            node = make_node(model, entity)
            nodes[node.id] = node
        make_edges = _HELD.get(kind)
        made = make_edges(model, entity) if make_edges is not None else None
        if made:
            ids = held[entity.id] = []
            for e in made:
                edge_id = e.id
                ids.append(edge_id)
                edges[edge_id] = e
                of_kind = by_kind.get(e.kind)
                if of_kind is None:
                    of_kind = by_kind[e.kind] = {}
                of_kind[edge_id] = e
    return GraphIndex(nodes, edges, by_kind, held)
