"""The ``OrgModel`` aggregate: every entity of one organisation, its invariants and its events.

All changes go through ``add``, ``update``/``change``, ``remove``, ``set_organisation`` and
``move_view``; each validates before it changes anything (rules in ``invariants.py``), so a refused
edit leaves the model as it was, and each emits an event after the change. Collections keep their
order (views are slides). A reverse index of references keeps ``referrers`` and removal cascades
proportional to what is touched. Cascades are planned in ``cascade.py``; undo lives in
``orgmodel.editing``.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator, KeysView, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import fields, replace
from datetime import date
from types import MappingProxyType
from typing import Any

from orgmodel.core import bulk
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
        _check_organisation(self._organisation)
        self._c: dict[EntityKind, dict[str, Any]] = {k: {} for k in EntityKind}
        # The order of each collection. A dict cannot insert in the middle cheaply, so an insert
        # at an index updates this list and marks the kind stale; ``_sync`` puts the dict in
        # order, at once outside a batch, at the end of a batch or when something reads it.
        self._order: dict[EntityKind, list[str]] = {k: [] for k in EntityKind}
        self._stale: set[EntityKind] = set()
        self._batch_depth = 0
        self._where: dict[str, EntityKind] = {}
        self._refs = ReferenceIndex()
        self.events = ModelEvents()

    @classmethod
    def from_collections(
        cls, organisation: Organisation, collections: Mapping[EntityKind, Sequence[Any]]
    ) -> OrgModel:
        """A model holding ``collections`` ({kind: entities in order}), as if each entity had been
        added in turn (collections in dependency order; a team's parent or a person's manager may
        come later in its own collection). Refuses what ``add`` refuses, with the same errors, but
        checks everything in one pass; the per-entity path runs only to name a problem. No events.
        """
        model = cls(organisation)
        lists = bulk.in_order(collections)
        found = bulk.plan(lists)
        if found is None:
            bulk.add_in_order(model, lists)
            return model
        for kind, keys in found.keys.items():
            model._c[kind] = found.items[kind]
            model._order[kind] = keys
        model._where = found.where
        model._refs = ReferenceIndex.built_later(found.links)
        return model

    # ----------------------------------------------------------------- reading
    def _view(self, kind: EntityKind) -> Mapping[str, Any]:
        if self._stale:
            self._sync()
        return MappingProxyType(self._c[kind])

    def _sync(self) -> None:
        for kind in self._stale:
            items, order = self._c[kind], self._order[kind]
            values = list(map(items.__getitem__, order))
            items.clear()
            items.update(zip(order, values, strict=True))
        self._stale.clear()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many writes (an undo of a large removal): collections are put in order once, at
        the end, instead of after every insert. Reading a collection inside a batch still sees it
        in order. Nestable; events are emitted as usual, and ``events.batch_finished`` once the
        outermost batch ends.
        """
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0:
                if self._stale:
                    self._sync()
                self.events.batch_finished.emit(None)

    @property
    def in_batch(self) -> bool:
        """Whether writes are being grouped (``batch``): more events may follow at once."""
        return self._batch_depth > 0

    @property
    def organisation(self) -> Organisation:
        return self._organisation

    def collection(self, kind: EntityKind) -> Mapping[str, Any]:
        return self._view(kind)

    @property
    def teams(self) -> Mapping[str, Team]:
        return self._view(EntityKind.TEAM)

    @property
    def people(self) -> Mapping[str, Person]:
        return self._view(EntityKind.PERSON)

    @property
    def services(self) -> Mapping[str, Service]:
        return self._view(EntityKind.SERVICE)

    @property
    def platforms(self) -> Mapping[str, Platform]:
        return self._view(EntityKind.PLATFORM)

    @property
    def platform_versions(self) -> Mapping[str, PlatformVersion]:
        return self._view(EntityKind.PLATFORM_VERSION)

    @property
    def embeds(self) -> Mapping[str, Embed]:
        return self._view(EntityKind.EMBED)

    @property
    def dependencies(self) -> Mapping[str, Dependency]:
        return self._view(EntityKind.DEPENDENCY)

    @property
    def forums(self) -> Mapping[str, Forum]:
        return self._view(EntityKind.FORUM)

    @property
    def scenarios(self) -> Mapping[str, Scenario]:
        return self._view(EntityKind.SCENARIO)

    @property
    def views(self) -> Mapping[str, View]:
        return self._view(EntityKind.VIEW)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._where

    def ids(self) -> KeysView[str]:
        """Every entity id, as a live read-only view (``in`` on it costs no Python call: for
        checking thousands of ids at once)."""
        return self._where.keys()

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
        return self._order[kind_of(entity)].index(entity.id)

    def entities(self) -> Iterator[Any]:
        for kind in EntityKind:
            yield from self._view(kind).values()

    def __len__(self) -> int:
        return len(self._where)

    def members(self, team_id: str) -> list[Person]:
        """People whose home team is ``team_id``, in collection order."""
        return [p for p in self.people.values() if p.team == team_id]

    def children(self, team_id: str | None) -> list[Team]:
        """Teams directly under ``team_id`` (top-level teams for None), in collection order."""
        return [t for t in self.teams.values() if t.parent == team_id]

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
        return (self._organisation,) + tuple(tuple(self._view(k).items()) for k in EntityKind)

    def copy(self) -> OrgModel:
        """An independent model with the same entities (entities are immutable), no listeners."""
        self._sync()
        other = OrgModel(self._organisation)
        other._c = {k: dict(v) for k, v in self._c.items()}
        other._order = {k: list(v) for k, v in self._order.items()}
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
        position = self._insert(kind, entity.id, entity, index)
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
        if self._refs.has_referrers(entity_id):
            self._refuse_removal_in_use(entity)
        kind = kind_of(entity)
        order = self._order[kind]
        index = order.index(entity_id)
        del order[index]
        del self._c[kind][entity_id]
        del self._where[entity_id]
        self._refs.unlink(entity_id, targets_of(entity))
        self.events.entity_removed.emit(EntityEvent(kind.value, entity, None, index))
        return entity, index

    def remove_many(self, entity_ids: Sequence[str]) -> list[tuple[Any, int]]:
        """Remove entities in the given order, as ``remove`` one after the other would (each may
        be referred to only by entities removed before it); returns each with the index it had
        when its turn came, so re-adding them in reverse order restores the model. All or
        nothing: checked before anything changes. Costs one pass per collection, not one per
        entity; the events follow once every entity is gone.
        """
        entities = [self.get(entity_id) for entity_id in entity_ids]
        earlier: set[str] = set()
        for entity in entities:
            if entity.id in earlier:
                raise InvariantError(f"{upper_first(describe(entity))} is listed twice.")
            users = self._refs.referrer_ids(entity.id)
            if any(user not in earlier and user != entity.id for user in users):
                self._refuse_removal_in_use(entity, earlier)
            earlier.add(entity.id)
        removed = self._positions_at_removal(entities)
        for kind in {kind_of(entity) for entity in entities}:
            order = self._order[kind]
            order[:] = [entity_id for entity_id in order if entity_id not in earlier]
        for entity in entities:
            del self._c[kind_of(entity)][entity.id]
            del self._where[entity.id]
            self._refs.unlink(entity.id, targets_of(entity))
        for entity, index in removed:
            self.events.entity_removed.emit(EntityEvent(kind_of(entity).value, entity, None, index))
        return removed

    def _positions_at_removal(self, entities: list[Any]) -> list[tuple[Any, int]]:
        """The index each entity has when removed in sequence (original position minus the
        earlier-removed entities before it in the same collection)."""
        positions: dict[EntityKind, dict[str, int]] = {}
        gone: dict[EntityKind, list[int]] = {}
        out: list[tuple[Any, int]] = []
        for entity in entities:
            kind = kind_of(entity)
            if kind not in positions:
                positions[kind] = {key: i for i, key in enumerate(self._order[kind])}
                gone[kind] = []
            position = positions[kind][entity.id]
            out.append((entity, position - bisect_left(gone[kind], position)))
            insort(gone[kind], position)
        return out

    def _refuse_removal_in_use(self, entity: Any, leaving: set[str] | None = None) -> None:
        leaving = leaving or set()
        users = [
            e for e, _ in self.referrers(entity.id) if e.id != entity.id and e.id not in leaving
        ]
        users = list({id(e): e for e in users}.values())
        if users:
            names = ", ".join(describe(e) for e in users[:3])
            more = f" and {len(users) - 3} more" if len(users) > 3 else ""
            raise InUseError(f"{upper_first(describe(entity))} is still used by {names}{more}.")

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
        view = self.get(view_id, EntityKind.VIEW)
        order = self._order[EntityKind.VIEW]
        old = order.index(view_id)
        del order[old]
        del self._c[EntityKind.VIEW][view_id]
        self._insert(EntityKind.VIEW, view_id, view, max(0, min(index, len(order))))
        self.events.views_reordered.emit(list(order))
        return old

    def _insert(self, kind: EntityKind, key: str, value: Any, index: int | None) -> int:
        """Insert into a collection at ``index`` (None or past the end: append); the position."""
        items, order = self._c[kind], self._order[kind]
        items[key] = value
        if index is None or index >= len(order):
            order.append(key)
            return len(order) - 1
        index = max(0, index)
        order.insert(index, key)
        self._stale.add(kind)
        if self._batch_depth == 0:
            self._sync()
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
