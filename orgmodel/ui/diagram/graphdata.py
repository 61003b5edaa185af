"""The diagram's nodes and edges, derived entity by entity so the canvas can mirror events.

``analysis.graph.build_graph`` describes the whole model as a networkx graph; the canvas needs the
same nodes and edges but incrementally: when one entity changes, which nodes and edges change with
it. ``node_of(model, entity)`` and ``edges_held_by(model, entity)`` give exactly what
``build_graph`` makes for that entity (an edge is *held* by the entity whose reference it draws;
a test checks that the union equals ``build_graph``), and ``dependents(model, entity)`` names the
other entities whose nodes or edges an update also changes (a platform's versions). Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterator
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

    @property
    def id(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.key)


def version_label(model: OrgModel, version: PlatformVersion) -> str:
    if version.name:
        return version.name
    platform = model.platforms.get(version.platform)
    return f"{platform.name if platform else version.platform} {version.version}"


def node_of(model: OrgModel, entity: Any) -> NodeData | None:
    """The diagram node of an entity, or None for entities drawn as edges (embeds, ...)."""
    if isinstance(entity, Team):
        return NodeData(entity.id, "team", str(entity.kind), entity.name)
    if isinstance(entity, Person):
        return NodeData(entity.id, "person", str(entity.role), entity.name)
    if isinstance(entity, Service):
        return NodeData(entity.id, "service", str(entity.support), entity.name)
    if isinstance(entity, Platform):
        return NodeData(entity.id, "platform", str(entity.kind), entity.name)
    if isinstance(entity, PlatformVersion):
        return NodeData(entity.id, "platform_version", str(entity.status),
                        version_label(model, entity))
    if isinstance(entity, Forum):
        return NodeData(entity.id, "forum", "forum", entity.name)
    return None


def _edge(source: str | None, target: str | None, kind: str, key: str = "") -> list[EdgeData]:
    if source is None or target is None:
        return []
    return [EdgeData(source, target, kind, key or kind)]


def edges_held_by(model: OrgModel, entity: Any) -> list[EdgeData]:
    """The edges drawing the references this entity holds (same kinds and keys as build_graph)."""
    if isinstance(entity, Team):
        return _edge(entity.id, entity.parent, "part_of")
    if isinstance(entity, Person):
        return _edge(entity.id, entity.team, "member_of") + _edge(
            entity.id, entity.manager, "reports_to")
    if isinstance(entity, Embed):
        return _edge(entity.person, entity.host, "embedded_in", entity.id)
    if isinstance(entity, Service):
        sre = entity.sre_team if entity.support is Support.SRE else None
        return (_edge(entity.owner, entity.id, "owns") + _edge(sre, entity.id, "supports")
                + _edge(entity.id, entity.platform_version, "runs_on"))
    if isinstance(entity, Dependency):
        return _edge(entity.source, entity.target, "depends_on")
    if isinstance(entity, Platform):
        return _edge(entity.owner, entity.id, "owns")
    if isinstance(entity, PlatformVersion):
        platform = model.platforms.get(entity.platform)
        return (_edge(entity.id, entity.platform, "version_of")
                + _edge(platform.owner if platform else None, entity.id, "builds")
                + _edge(entity.production_owner, entity.id, "operates"))
    if isinstance(entity, Forum):
        return [e for rep in entity.representatives
                for e in _edge(rep.person, entity.id, "represents", f"represents:{rep.team}")]
    return []


def dependents(model: OrgModel, entity: Any) -> list[Any]:
    """Other entities whose node label or held edges follow this entity's fields."""
    if isinstance(entity, Platform):
        return [v for v in model.platform_versions.values() if v.platform == entity.id]
    return []


def all_nodes(model: OrgModel) -> Iterator[NodeData]:
    for entity in model.entities():
        node = node_of(model, entity)
        if node is not None:
            yield node


def all_edges(model: OrgModel) -> Iterator[tuple[str, EdgeData]]:
    """(holder id, edge) for every edge of the model."""
    for entity in model.entities():
        for edge in edges_held_by(model, entity):
            yield entity.id, edge
