"""The diagram's nodes and edges, derived entity by entity so the canvas can mirror events.

``analysis.graph.build_graph`` describes the whole model as a networkx graph; the canvas needs the
same nodes and edges but incrementally: when one entity changes, which nodes and edges change with
it. ``node_of(model, entity)`` and ``edges_held_by(model, entity)`` give exactly what
``build_graph`` makes for that entity (an edge is *held* by the entity whose reference it draws;
a test checks that the union equals ``build_graph``), and ``dependents(model, entity)`` names the
other entities whose nodes or edges an update also changes (a platform's versions). Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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
from orgmodel.core.kinds import EntityKind, Support
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


# Each rule yields (holder id, source, target, kind, key) for the edges a batch of entities hold:
# the whole model's at once for a new canvas, one entity's as it changes.
Held = Iterator[tuple[str, str, str, str, str]]


def _team_edges(model: OrgModel, teams: Iterable[Team]) -> Held:
    for t in teams:
        if t.parent is not None:
            yield t.id, t.id, t.parent, "part_of", "part_of"


def _person_edges(model: OrgModel, people: Iterable[Person]) -> Held:
    for p in people:
        if p.team is not None:
            yield p.id, p.id, p.team, "member_of", "member_of"
        if p.manager is not None:
            yield p.id, p.id, p.manager, "reports_to", "reports_to"


def _embed_edges(model: OrgModel, embeds: Iterable[Embed]) -> Held:
    for e in embeds:
        yield e.id, e.person, e.host, "embedded_in", e.id


def _service_edges(model: OrgModel, services: Iterable[Service]) -> Held:
    sre = Support.SRE
    for s in services:
        if s.owner is not None:
            yield s.id, s.owner, s.id, "owns", "owns"
        if s.support is sre and s.sre_team is not None:
            yield s.id, s.sre_team, s.id, "supports", "supports"
        if s.platform_version is not None:
            yield s.id, s.id, s.platform_version, "runs_on", "runs_on"


def _dependency_edges(model: OrgModel, dependencies: Iterable[Dependency]) -> Held:
    for d in dependencies:
        yield d.id, d.source, d.target, "depends_on", "depends_on"


def _platform_edges(model: OrgModel, platforms: Iterable[Platform]) -> Held:
    for p in platforms:
        if p.owner is not None:
            yield p.id, p.owner, p.id, "owns", "owns"


def _version_edges(model: OrgModel, versions: Iterable[PlatformVersion]) -> Held:
    platforms = model.platforms
    for v in versions:
        yield v.id, v.id, v.platform, "version_of", "version_of"
        platform = platforms.get(v.platform)
        if platform is not None and platform.owner is not None:
            yield v.id, platform.owner, v.id, "builds", "builds"
        if v.production_owner is not None:
            yield v.id, v.production_owner, v.id, "operates", "operates"


def _forum_edges(model: OrgModel, forums: Iterable[Forum]) -> Held:
    for f in forums:
        for rep in f.representatives:
            yield f.id, rep.person, f.id, "represents", f"represents:{rep.team}"


_HELD: dict[type, Callable[[OrgModel, Any], Held]] = {
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
    if held is None:
        return []
    return [EdgeData(s, t, kind, key, (s, t, key)) for _, s, t, kind, key in held(model, [entity])]


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


def graph_index(model: OrgModel) -> GraphIndex:
    """``all_nodes`` and ``all_edges`` indexed, collection by collection (in model order)."""
    nodes: dict[str, NodeData] = {}
    edges: dict[tuple[str, str, str], EdgeData] = {}
    by_kind: dict[str, dict[tuple[str, str, str], EdgeData]] = {}
    held: dict[str, list[tuple[str, str, str]]] = {}
    new = tuple.__new__  # EdgeData(...) without its Python-level __new__: thousands of edges
    for kind in EntityKind:
        collection = model.collection(kind)
        if not collection:
            continue
        sample = next(iter(collection.values()))
        make_node = _NODE.get(type(sample))
        if make_node is not None:
            for entity in collection.values():
                node = make_node(model, entity)
                nodes[node.id] = node
        rule = _HELD.get(type(sample))
        if rule is None:
            continue
        for holder, source, target, edge_kind, key in rule(model, collection.values()):
            edge_id = (source, target, key)
            made = new(EdgeData, (source, target, edge_kind, key, edge_id))
            edges[edge_id] = made
            ids = held.get(holder)
            if ids is None:
                held[holder] = [edge_id]
            else:
                ids.append(edge_id)
            of_kind = by_kind.get(edge_kind)
            if of_kind is None:
                of_kind = by_kind[edge_kind] = {}
            of_kind[edge_id] = made
    return GraphIndex(nodes, edges, by_kind, held)
