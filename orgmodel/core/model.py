"""The ``OrgModel`` aggregate: every entity of one organisation, its invariants and its events.

All changes go through ``add``, ``update``/``change``, ``remove``, ``set_organisation`` and
``move_view``; each validates before it changes anything (rules in ``invariants.py``), so a refused
edit leaves the model as it was, and each emits an event after the change. Collections keep their
order (views are slides). A reverse index of references keeps ``referrers`` and removal cascades
proportional to what is touched. Cascades are planned in ``cascade.py``; undo lives in
``orgmodel.editing``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import fields, replace
from datetime import date
from types import MappingProxyType
from typing import Any

from orgmodel.core.entities import (
    Dependency,
    Embed,
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
from orgmodel.core.errors import DuplicateIdError, InUseError, InvariantError, NotFoundError
from orgmodel.core.events import EntityEvent, ModelEvents
from orgmodel.core.invariants import check_entity, check_update
from orgmodel.core.kinds import EntityKind
from orgmodel.core.naming import KIND_OF_TYPE, LABEL, describe, kind_of, upper_first
from orgmodel.core.references import REFERENCE_FIELDS, ReferenceIndex, fields_referring, targets_of

__all__ = ["KIND_OF_TYPE", "LABEL", "OrgModel", "describe", "kind_of"]

_REFERENCE_FIELDS = REFERENCE_FIELDS  # kept for code written against the first version


class OrgModel:
    """One organisation: collections of entities keyed by id, in order, with events."""

    def __init__(self, organisation: Organisation | None = None) -> None:
        self._organisation = organisation or Organisation()
        self._c: dict[EntityKind, dict[str, Any]] = {k: {} for k in EntityKind}
        self._where: dict[str, EntityKind] = {}
        self._refs = ReferenceIndex()
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
        found = self._where.get(entity_id) if isinstance(entity_id, str) else None
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
        """People whose home team is ``team_id``, in collection order."""
        return [p for p in self._c[EntityKind.PERSON].values() if p.team == team_id]

    def children(self, team_id: str | None) -> list[Team]:
        """Teams directly under ``team_id`` (top-level teams for None), in collection order."""
        return [t for t in self._c[EntityKind.TEAM].values() if t.parent == team_id]

    def embeds_of(self, person_id: str) -> list[Embed]:
        """The embeds of one person, in the order they were made."""
        return [e for e, f in self.referrers(person_id) if isinstance(e, Embed) and f == "person"]

    def referrers(self, entity_id: str) -> list[tuple[Any, str]]:
        """Every (entity, field) whose field refers to ``entity_id`` (forum seats: "representatives").

        Ordered by when the reference was made; costs the number of referrers, not the model size.
        """
        found: list[tuple[Any, str]] = []
        for user_id in self._refs.referrer_ids(entity_id):
            user = self._c[self._where[user_id]][user_id]
            found.extend((user, name) for name in fields_referring(user, entity_id))
        return found

    def snapshot(self) -> tuple[Any, ...]:
        """A comparable value of the whole model, order included (for tests and clean checks)."""
        return (self._organisation,) + tuple(tuple(self._c[k].items()) for k in EntityKind)

    def copy(self) -> OrgModel:
        """An independent model with the same entities (entities are immutable), no listeners."""
        other = OrgModel(self._organisation)
        other._c = {k: dict(v) for k, v in self._c.items()}
        other._where = dict(self._where)
        other._refs = self._refs.copy()
        return other

    # ----------------------------------------------------------------- writing
    def add(self, entity: Any, index: int | None = None) -> None:
        """Add ``entity`` at the end of its collection, or before position ``index``."""
        kind = kind_of(entity)
        if not isinstance(entity.id, str) or not entity.id:
            raise InvariantError(f"A {LABEL[kind]} needs a non-empty id.")
        if entity.id in self._where:
            raise DuplicateIdError(
                f"The id '{entity.id}' is already used by {describe(self.find(entity.id))}."
            )
        check_entity(self, entity)
        position = _insert(self._c[kind], entity.id, entity, index)
        self._where[entity.id] = kind
        self._refs.link(entity.id, targets_of(entity))
        self.events.entity_added.emit(EntityEvent(kind.value, None, entity, position))

    def update(self, entity: Any) -> Any:
        """Replace the entity with the same id; returns the old one."""
        kind = kind_of(entity)
        old = self.get(entity.id, kind)
        if old == entity:
            return old
        check_entity(self, entity)
        check_update(self, old, entity)
        self._c[kind][entity.id] = entity
        self._refs.replace(entity.id, old, entity)
        self.events.entity_changed.emit(EntityEvent(kind.value, old, entity))
        return old

    def change(self, entity_id: str, **values: Any) -> tuple[Any, Any]:
        """Update some fields of an entity; returns (old, new)."""
        old = self.get(entity_id)
        known = {f.name for f in fields(old)} - {"id"}
        unknown = sorted(set(values) - known)
        if unknown:
            if unknown[0] in ("id", "source", "target"):
                raise InvariantError(
                    f"The {unknown[0]} of {describe(old)} cannot be changed; "
                    "remove it and add a new one instead."
                )
            raise InvariantError(f"{upper_first(describe(old))} has no field '{unknown[0]}'.")
        new = replace(old, **values)
        if new.id != old.id:
            raise InvariantError(f"The id of {describe(old)} cannot be changed.")
        self.update(new)
        return old, new

    def remove(self, entity_id: str) -> tuple[Any, int]:
        """Remove an entity nothing refers to; returns it and its former index."""
        entity = self.get(entity_id)
        users = [e for e, _ in self.referrers(entity_id) if e.id != entity_id]
        users = list({id(e): e for e in users}.values())
        if users:
            names = ", ".join(describe(e) for e in users[:3])
            more = f" and {len(users) - 3} more" if len(users) > 3 else ""
            raise InUseError(f"{upper_first(describe(entity))} is still used by {names}{more}.")
        kind = kind_of(entity)
        items = self._c[kind]
        index = list(items).index(entity_id)
        del items[entity_id]
        del self._where[entity_id]
        self._refs.unlink(entity_id, targets_of(entity))
        self.events.entity_removed.emit(EntityEvent(kind.value, entity, None, index))
        return entity, index

    def set_organisation(self, organisation: Organisation) -> Organisation:
        """Replace the organisation's own details; returns the old ones."""
        _check_organisation(organisation)
        old = self._organisation
        if old == organisation:
            return old
        self._organisation = organisation
        self.events.organisation_changed.emit(organisation)
        return old

    def move_view(self, view_id: str, index: int) -> int:
        """Move a view (a slide) to a new position; returns its old position."""
        views = self._c[EntityKind.VIEW]
        view = self.get(view_id, EntityKind.VIEW)
        order = list(views)
        old = order.index(view_id)
        del views[view_id]
        _insert(views, view_id, view, max(0, min(index, len(order) - 1)))
        self.events.views_reordered.emit(list(views))
        return old


def _insert(items: dict[str, Any], key: str, value: Any, index: int | None) -> int:
    """Insert into an ordered dict in place (keeping views of it live); returns the position."""
    if index is None or index >= len(items):
        items[key] = value
        return len(items) - 1
    index = max(0, index)
    tail = list(items)[index:]
    items[key] = value
    for moved in tail:
        items[moved] = items.pop(moved)
    return index


def _check_organisation(organisation: Organisation) -> None:
    if not isinstance(organisation, Organisation):
        raise TypeError(f"not an organisation: {organisation!r}")
    if not isinstance(organisation.name, str) or not organisation.name.strip():
        raise InvariantError("The organisation needs a name.")
    if not isinstance(organisation.description, str) or not isinstance(organisation.notes, str):
        raise InvariantError("The organisation's description and notes must be text.")
    start = organisation.planning_start
    if start is not None and not isinstance(start, date):
        raise InvariantError(f"The planning start must be a date, not {start!r}.")
    tags = organisation.tags
    if not isinstance(tags, tuple) or not all(isinstance(t, str) for t in tags):
        raise InvariantError("The organisation's tags must be a list of strings.")
