"""The relations of an organisation, each drawn from the entity that holds the reference.

One rule per entity type yields ``(holder id, source, target, kind, key)`` for the references a
batch of its entities hold: the whole model at once (``all_relations``, for ``build_graph`` and a
new canvas) or one entity as it changes (``held_relations``, for the canvas mirroring events).
Kinds and keys are those ``analysis.graph`` documents; ``version_label`` is a version's node label.
Qt-free and model-read-only.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Any

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

Relation = tuple[str, str, str, str, str]  # holder id, source, target, kind, key
Held = Iterator[Relation]


def version_label(model: OrgModel, version: PlatformVersion) -> str:
    if version.name:
        return version.name
    platform = model.platforms.get(version.platform)
    return f"{platform.name if platform else version.platform} {version.version}"


# Each rule reads a field once into a local: most fields have a class-level default, which keeps
# Python from specialising the attribute load, so every read costs a full lookup.


def _team_edges(model: OrgModel, teams: Iterable[Team]) -> Held:
    for t in teams:
        parent = t.parent
        if parent is not None:
            i = t.id
            yield i, i, parent, "part_of", "part_of"


def _person_edges(model: OrgModel, people: Iterable[Person]) -> Held:
    for p in people:
        i = p.id
        team = p.team
        if team is not None:
            yield i, i, team, "member_of", "member_of"
        manager = p.manager
        if manager is not None:
            yield i, i, manager, "reports_to", "reports_to"


def _embed_edges(model: OrgModel, embeds: Iterable[Embed]) -> Held:
    for e in embeds:
        i = e.id
        yield i, e.person, e.host, "embedded_in", i


def _service_edges(model: OrgModel, services: Iterable[Service]) -> Held:
    sre = Support.SRE
    for s in services:
        i = s.id
        owner = s.owner
        if owner is not None:
            yield i, owner, i, "owns", "owns"
        if s.support is sre:
            sre_team = s.sre_team
            if sre_team is not None:
                yield i, sre_team, i, "supports", "supports"
        version = s.platform_version
        if version is not None:
            yield i, i, version, "runs_on", "runs_on"


def _dependency_edges(model: OrgModel, dependencies: Iterable[Dependency]) -> Held:
    for d in dependencies:
        yield d.id, d.source, d.target, "depends_on", "depends_on"


def _platform_edges(model: OrgModel, platforms: Iterable[Platform]) -> Held:
    for p in platforms:
        owner = p.owner
        if owner is not None:
            yield p.id, owner, p.id, "owns", "owns"


def _version_edges(model: OrgModel, versions: Iterable[PlatformVersion]) -> Held:
    platforms = model.platforms
    for v in versions:
        i = v.id
        yield i, i, v.platform, "version_of", "version_of"
        platform = platforms.get(v.platform)
        if platform is not None:
            owner = platform.owner
            if owner is not None:
                yield i, owner, i, "builds", "builds"
        production_owner = v.production_owner
        if production_owner is not None:
            yield i, production_owner, i, "operates", "operates"


def _forum_edges(model: OrgModel, forums: Iterable[Forum]) -> Held:
    for f in forums:
        for rep in f.representatives:
            yield f.id, rep.person, f.id, "represents", f"represents:{rep.team}"


RULES: dict[type, Callable[[OrgModel, Any], Held]] = {
    Team: _team_edges,
    Person: _person_edges,
    Embed: _embed_edges,
    Service: _service_edges,
    Dependency: _dependency_edges,
    Platform: _platform_edges,
    PlatformVersion: _version_edges,
    Forum: _forum_edges,
}


# The kinds of relation each rule yields (a test checks the rules yield no others): a caller
# wanting some kinds only runs the rules that can yield them.
RULE_KINDS: dict[type, frozenset[str]] = {
    Team: frozenset({"part_of"}),
    Person: frozenset({"member_of", "reports_to"}),
    Embed: frozenset({"embedded_in"}),
    Service: frozenset({"owns", "supports", "runs_on"}),
    Dependency: frozenset({"depends_on"}),
    Platform: frozenset({"owns"}),
    PlatformVersion: frozenset({"version_of", "builds", "operates"}),
    Forum: frozenset({"represents"}),
}


# The node kinds at either end of each kind of relation (a test checks them on the examples):
# a view draws no relation of a kind unless it shows a node kind at each end.
ENDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "part_of": (frozenset({"team"}), frozenset({"team"})),
    "member_of": (frozenset({"person"}), frozenset({"team"})),
    "reports_to": (frozenset({"person"}), frozenset({"person"})),
    "embedded_in": (frozenset({"person"}), frozenset({"team"})),
    "owns": (frozenset({"team"}), frozenset({"service", "platform"})),
    "supports": (frozenset({"team"}), frozenset({"service"})),
    "runs_on": (frozenset({"service"}), frozenset({"platform_version"})),
    "depends_on": (frozenset({"service"}), frozenset({"service"})),
    "version_of": (frozenset({"platform_version"}), frozenset({"platform"})),
    "builds": (frozenset({"team"}), frozenset({"platform_version"})),
    "operates": (frozenset({"team"}), frozenset({"platform_version"})),
    "represents": (frozenset({"person"}), frozenset({"forum"})),
}


def drawable(kind: str, node_kinds: Collection[str]) -> bool:
    """Whether a view showing these node kinds can draw a relation of this kind."""
    ends = ENDS.get(kind)
    return ends is None or (not ends[0].isdisjoint(node_kinds) and not ends[1].isdisjoint(node_kinds))


def held_relations(model: OrgModel, entity: Any) -> list[Relation]:
    """The relations one entity holds (none for entity types that hold no references)."""
    rule = RULES.get(type(entity))
    return list(rule(model, [entity])) if rule is not None else []


def collection_relations(model: OrgModel, kind: EntityKind) -> Held:
    """The relations every entity of one collection holds, in collection order."""
    collection = model.collection(kind)
    if collection:
        rule = RULES.get(type(next(iter(collection.values()))))
        if rule is not None:
            yield from rule(model, collection.values())


def all_relations(model: OrgModel) -> Held:
    """Every relation of the model, collection by collection in model order."""
    for kind in EntityKind:
        yield from collection_relations(model, kind)
