"""The ``OrgModel`` aggregate: every entity of one organisation, its invariants and its events.

All changes go through ``add``, ``update``, ``remove``, ``set_organisation`` and ``move_view``;
each validates before it changes anything, so a refused edit leaves the model as it was, and each
emits an event after the change. Collections keep their order (views are slides). Cascades (what
goes with a removed team) are planned in ``cascade.py``; undo lives in ``orgmodel.editing``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Entity,
    Forum,
    Organisation,
    Person,
    Platform,
    PlatformVersion,
    Scenario,
    Service,
    Team,
    View,
)
from orgmodel.core.errors import (
    DanglingReferenceError,
    DuplicateIdError,
    InUseError,
    InvariantError,
    NotFoundError,
)
from orgmodel.core.events import EntityEvent, ModelEvents
from orgmodel.core.kinds import EntityKind, Support, TeamKind
from orgmodel.core.validation import check_entity_values

KIND_OF_TYPE: dict[type, EntityKind] = {
    Team: EntityKind.TEAM,
    Person: EntityKind.PERSON,
    Service: EntityKind.SERVICE,
    Platform: EntityKind.PLATFORM,
    PlatformVersion: EntityKind.PLATFORM_VERSION,
    Embed: EntityKind.EMBED,
    Dependency: EntityKind.DEPENDENCY,
    Forum: EntityKind.FORUM,
    Scenario: EntityKind.SCENARIO,
    View: EntityKind.VIEW,
}

LABEL = {
    EntityKind.TEAM: "team",
    EntityKind.PERSON: "person",
    EntityKind.SERVICE: "service",
    EntityKind.PLATFORM: "platform",
    EntityKind.PLATFORM_VERSION: "platform version",
    EntityKind.EMBED: "embed",
    EntityKind.DEPENDENCY: "dependency",
    EntityKind.FORUM: "forum",
    EntityKind.SCENARIO: "scenario",
    EntityKind.VIEW: "view",
}


def kind_of(entity: Any) -> EntityKind:
    try:
        return KIND_OF_TYPE[type(entity)]
    except KeyError:
        raise TypeError(f"not an entity: {entity!r}") from None


def describe(entity: Any) -> str:
    """A short human name: ``team 'Payments'``."""
    label = LABEL[kind_of(entity)]
    name = getattr(entity, "name", "") or getattr(entity, "version", "") or entity.id
    return f"{label} '{name}'"


def _upper(text: str) -> str:
    return text[:1].upper() + text[1:]


class OrgModel:
    """One organisation: collections of entities keyed by id, in order, with events."""

    def __init__(self, organisation: Organisation | None = None) -> None:
        self._organisation = organisation or Organisation()
        self._c: dict[EntityKind, dict[str, Any]] = {k: {} for k in EntityKind}
        self._where: dict[str, EntityKind] = {}
        self.events = ModelEvents()

    # ----------------------------------------------------------------- reading
    @property
    def organisation(self) -> Organisation:
        return self._organisation

    def collection(self, kind: EntityKind) -> Mapping[str, Any]:
        return MappingProxyType(self._c[kind])

    @property
    def teams(self) -> Mapping[str, Team]:
        return MappingProxyType(self._c[EntityKind.TEAM])

    @property
    def people(self) -> Mapping[str, Person]:
        return MappingProxyType(self._c[EntityKind.PERSON])

    @property
    def services(self) -> Mapping[str, Service]:
        return MappingProxyType(self._c[EntityKind.SERVICE])

    @property
    def platforms(self) -> Mapping[str, Platform]:
        return MappingProxyType(self._c[EntityKind.PLATFORM])

    @property
    def platform_versions(self) -> Mapping[str, PlatformVersion]:
        return MappingProxyType(self._c[EntityKind.PLATFORM_VERSION])

    @property
    def embeds(self) -> Mapping[str, Embed]:
        return MappingProxyType(self._c[EntityKind.EMBED])

    @property
    def dependencies(self) -> Mapping[str, Dependency]:
        return MappingProxyType(self._c[EntityKind.DEPENDENCY])

    @property
    def forums(self) -> Mapping[str, Forum]:
        return MappingProxyType(self._c[EntityKind.FORUM])

    @property
    def scenarios(self) -> Mapping[str, Scenario]:
        return MappingProxyType(self._c[EntityKind.SCENARIO])

    @property
    def views(self) -> Mapping[str, View]:
        return MappingProxyType(self._c[EntityKind.VIEW])

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._where

    def find(self, entity_id: str) -> Any | None:
        kind = self._where.get(entity_id)
        return None if kind is None else self._c[kind][entity_id]

    def get(self, entity_id: str, kind: EntityKind | None = None) -> Any:
        found = self._where.get(entity_id)
        if found is None or (kind is not None and found is not kind):
            what = LABEL[kind] if kind is not None else "entity"
            raise NotFoundError(f"There is no {what} with id '{entity_id}'.")
        return self._c[found][entity_id]

    def index_of(self, entity: Any) -> int:
        return list(self._c[kind_of(entity)]).index(entity.id)

    def entities(self) -> Iterator[Any]:
        for kind in EntityKind:
            yield from self._c[kind].values()

    def __len__(self) -> int:
        return len(self._where)

    def members(self, team_id: str) -> list[Person]:
        return [p for p in self._c[EntityKind.PERSON].values() if p.team == team_id]

    def children(self, team_id: str | None) -> list[Team]:
        return [t for t in self._c[EntityKind.TEAM].values() if t.parent == team_id]

    def referrers(self, entity_id: str) -> list[tuple[Any, str]]:
        """Every (entity, field) whose field refers to ``entity_id``."""
        found: list[tuple[Any, str]] = []
        for entity in self.entities():
            for name in _REFERENCE_FIELDS.get(type(entity), ()):
                if getattr(entity, name) == entity_id:
                    found.append((entity, name))
            if isinstance(entity, Forum):
                for rep in entity.representatives:
                    if entity_id in (rep.person, rep.team):
                        found.append((entity, "representatives"))
                        break
        return found

    def snapshot(self) -> tuple[Any, ...]:
        """A comparable value of the whole model, order included (for tests and clean checks)."""
        return (self._organisation,) + tuple(tuple(self._c[k].items()) for k in EntityKind)

    def copy(self) -> OrgModel:
        """An independent model with the same entities (entities are immutable), no listeners."""
        other = OrgModel(self._organisation)
        other._c = {k: dict(v) for k, v in self._c.items()}
        other._where = dict(self._where)
        return other

    # ----------------------------------------------------------------- writing
    def add(self, entity: Any, index: int | None = None) -> None:
        kind = kind_of(entity)
        if not isinstance(entity.id, str) or not entity.id:
            raise InvariantError(f"A {LABEL[kind]} needs a non-empty id.")
        if entity.id in self._where:
            raise DuplicateIdError(
                f"The id '{entity.id}' is already used by {describe(self.find(entity.id))}."
            )
        self._check(entity)
        items = self._c[kind]
        if index is None or index >= len(items):
            items[entity.id] = entity
        else:
            pairs = list(items.items())
            pairs.insert(max(0, index), (entity.id, entity))
            self._c[kind] = dict(pairs)
        self._where[entity.id] = kind
        self.events.entity_added.emit(EntityEvent(kind.value, None, entity))

    def update(self, entity: Any) -> Any:
        """Replace the entity with the same id; returns the old one."""
        kind = kind_of(entity)
        old = self.get(entity.id, kind)
        if old == entity:
            return old
        self._check(entity)
        self._check_referrers_still_valid(old, entity)
        self._c[kind][entity.id] = entity
        self.events.entity_changed.emit(EntityEvent(kind.value, old, entity))
        return old

    def change(self, entity_id: str, **fields: Any) -> tuple[Any, Any]:
        """Update some fields of an entity; returns (old, new)."""
        old = self.get(entity_id)
        new = replace(old, **fields)
        self.update(new)
        return old, new

    def remove(self, entity_id: str) -> tuple[Any, int]:
        """Remove an entity nothing refers to; returns it and its former index."""
        entity = self.get(entity_id)
        users = [e for e, _ in self.referrers(entity_id) if e.id != entity_id]
        if users:
            names = ", ".join(describe(e) for e in users[:3])
            more = f" and {len(users) - 3} more" if len(users) > 3 else ""
            raise InUseError(f"{_upper(describe(entity))} is still used by {names}{more}.")
        kind = kind_of(entity)
        index = list(self._c[kind]).index(entity_id)
        del self._c[kind][entity_id]
        del self._where[entity_id]
        self.events.entity_removed.emit(EntityEvent(kind.value, entity, None))
        return entity, index

    def set_organisation(self, organisation: Organisation) -> Organisation:
        old = self._organisation
        if not organisation.name.strip():
            raise InvariantError("The organisation needs a name.")
        self._organisation = organisation
        self.events.organisation_changed.emit(organisation)
        return old

    def move_view(self, view_id: str, index: int) -> int:
        """Move a view (a slide) to a new position; returns its old position."""
        views = self._c[EntityKind.VIEW]
        self.get(view_id, EntityKind.VIEW)
        order = list(views)
        old = order.index(view_id)
        order.remove(view_id)
        order.insert(max(0, min(index, len(order))), view_id)
        self._c[EntityKind.VIEW] = {i: views[i] for i in order}
        self.events.views_reordered.emit(order)
        return old

    # -------------------------------------------------------------- invariants
    def _ref(self, entity: Any, field: str, kind: EntityKind) -> Any | None:
        target_id = getattr(entity, field)
        if target_id is None:
            return None
        target = self.find(target_id)
        if target is None or kind_of(target) is not kind:
            raise DanglingReferenceError(
                f"{_upper(describe(entity))}: {field} '{target_id}' is not a {LABEL[kind]}."
            )
        return target

    def _check(self, entity: Any) -> None:
        check_entity_values(entity)
        checker = getattr(self, f"_check_{type(entity).__name__.lower()}", None)
        if checker is not None:
            checker(entity)

    def _check_team(self, team: Team) -> None:
        self._ref(team, "parent", EntityKind.TEAM)
        seen = {team.id}
        parent = team.parent
        while parent is not None:
            if parent in seen:
                raise InvariantError(
                    f"Team '{team.name}' cannot sit under '{self.teams[team.parent].name}': "  # type: ignore[index]
                    "the team tree would have a cycle."
                )
            seen.add(parent)
            parent = self.teams[parent].parent if parent in self.teams else None

    def _check_person(self, person: Person) -> None:
        self._ref(person, "team", EntityKind.TEAM)
        self._ref(person, "manager", EntityKind.PERSON)
        seen = {person.id}
        manager = person.manager
        while manager is not None:
            if manager in seen:
                raise InvariantError(
                    f"{person.name} cannot report to {self.people[person.manager].name}: "  # type: ignore[index]
                    "the reporting lines would have a cycle."
                )
            seen.add(manager)
            manager = self.people[manager].manager if manager in self.people else None
        for embed in self._c[EntityKind.EMBED].values():
            if embed.person == person.id and embed.host == person.team:
                raise InvariantError(
                    f"{person.name} cannot join '{self.teams[embed.host].name}': "
                    "they are embedded there (end the embed first)."
                )

    def _check_service(self, service: Service) -> None:
        self._ref(service, "owner", EntityKind.TEAM)
        self._ref(service, "platform_version", EntityKind.PLATFORM_VERSION)
        if service.support is Support.SRE:
            sre = self._ref(service, "sre_team", EntityKind.TEAM)
            if sre is None or sre.kind is not TeamKind.SRE:
                raise InvariantError(
                    f"Service '{service.name}' is SRE-supported, so it needs an SRE team "
                    "(a team of kind 'sre') as its sre_team."
                )
        elif service.sre_team is not None:
            raise InvariantError(
                f"Service '{service.name}' is developer-supported and cannot name an SRE team."
            )

    def _check_platform(self, platform: Platform) -> None:
        self._ref(platform, "owner", EntityKind.TEAM)

    def _check_platformversion(self, version: PlatformVersion) -> None:
        self._ref(version, "platform", EntityKind.PLATFORM)
        owner = self._ref(version, "production_owner", EntityKind.TEAM)
        if owner is not None and owner.kind is not TeamKind.SRE:
            raise InvariantError(
                f"Platform version '{version.version}' can only be handed to an SRE team, "
                f"not to '{owner.name}' ({owner.kind.value})."
            )

    def _check_embed(self, embed: Embed) -> None:
        person = self._ref(embed, "person", EntityKind.PERSON)
        host = self._ref(embed, "host", EntityKind.TEAM)
        if person is not None and host is not None and person.team == host.id:
            raise InvariantError(
                f"{person.name} cannot embed in '{host.name}': it is their home team."
            )

    def _check_dependency(self, dependency: Dependency) -> None:
        self._ref(dependency, "source", EntityKind.SERVICE)
        self._ref(dependency, "target", EntityKind.SERVICE)

    def _check_forum(self, forum: Forum) -> None:
        seen: set[tuple[str, str]] = set()
        for rep in forum.representatives:
            self._ref(rep, "person", EntityKind.PERSON)
            self._ref(rep, "team", EntityKind.TEAM)
            if (rep.person, rep.team) in seen:
                raise InvariantError(
                    f"Forum '{forum.name}' lists the same representative twice."
                )
            seen.add((rep.person, rep.team))

    def _check_referrers_still_valid(self, old: Any, new: Any) -> None:
        """An update must not make another entity's reference wrong (e.g. an SRE team's kind)."""
        if isinstance(old, Team) and old.kind is not new.kind and old.kind is TeamKind.SRE:
            users = [
                e
                for e, field in self.referrers(old.id)
                if field in ("sre_team", "production_owner")
            ]
            if users:
                raise InvariantError(
                    f"Team '{old.name}' must stay an SRE team: {describe(users[0])} "
                    "relies on it for SRE support."
                )


_REFERENCE_FIELDS: dict[type, tuple[str, ...]] = {
    Team: ("parent",),
    Person: ("team", "manager"),
    Service: ("owner", "sre_team", "platform_version"),
    Platform: ("owner",),
    PlatformVersion: ("platform", "production_owner"),
    Embed: ("person", "host"),
    Dependency: ("source", "target"),
}
