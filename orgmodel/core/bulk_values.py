"""Whole-collection checks of entities' own values, for building a model in one pass.

``values_ok(kind, Columns(entities))`` answers one question: would ``validation.check_entity_values``
accept every entity of the list? It checks column by column (the set of value types of a field,
a range over a column) instead of entity by entity, which is what makes opening a large document
cheap. It is deliberately at least as strict as ``check_entity_values`` (exact types where that
function accepts subclasses), never looser: a ``False`` only means "use the per-entity checks",
which then name the first bad value. Not for references or cycles (``bulk.py``) and never raises
for bad values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import Enum
from itertools import chain
from operator import attrgetter, ne
from typing import Any

from orgmodel.core.entities import (
    LOAD_KEYS,
    Dependency,
    Embed,
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Representative,
    Scenario,
    Service,
    ServiceLoad,
    Team,
    View,
)
from orgmodel.core.errors import InvariantError
from orgmodel.core.kinds import (
    Architecture,
    EntityKind,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)
from orgmodel.core.validation import check_entity_values

NoneType = type(None)
_STR: frozenset[type] = frozenset({str})
_NUMBER: frozenset[type] = frozenset({int, float})
_OPT_DATE: frozenset[type] = frozenset({date, NoneType})


def column(entities: Sequence[Any], field: str) -> list[Any]:
    """The values of one field of every entity, in order."""
    return list(map(attrgetter(field), entities))


class Fielded(list[Any]):
    """A list of entities that carries the values their fields were made from, by field name.

    Whoever makes one vouches that ``fields[name][i]`` is the very object stored as the field
    ``name`` of entity ``i`` (as ``persistence.parsers.instances`` does, filling each instance's
    ``__dict__`` from these sequences). ``Columns`` then reuses them instead of reading every
    attribute again: the checks see exactly the same values, so they are exactly as strict.
    """

    def __init__(self, entities: Sequence[Any], fields: dict[str, Sequence[Any]]) -> None:
        super().__init__(entities)
        self.fields = fields
        self.types: dict[str, frozenset[type]] = {}
        """For some fields, every exact type their values can have, vouched for by the maker
        (the persistence parsers, which checked each value); ``Columns.within`` relies on it."""


class Columns:
    """The entities of one collection, read field by field: each column is extracted once and
    kept for the next check that needs it (taken from a ``Fielded`` list when it has it)."""

    def __init__(self, entities: Sequence[Any]) -> None:
        self.entities = entities
        self._columns: dict[str, list[Any]] = {}
        known: dict[str, Sequence[Any]] = getattr(entities, "fields", {})
        self._known = {k: v for k, v in known.items() if len(v) == len(entities)}
        types: dict[str, frozenset[type]] = getattr(entities, "types", {})
        self._types = {k: t for k, t in types.items() if t and k in self._known}

    def __len__(self) -> int:
        return len(self.entities)

    def __getitem__(self, field: str) -> list[Any]:
        found = self._columns.get(field)
        if found is None:
            known = self._known.get(field)
            found = column(self.entities, field) if known is None else list(known)
            self._columns[field] = found
        return found

    def within(self, field: str, allowed: frozenset[type]) -> bool:
        """``types_within(self[field], allowed)``, without a pass over the values when the
        field's types were vouched for (``Fielded.types``) and all of them are allowed: exactly
        as strict, since every value's type is among those."""
        known = self._types.get(field)
        return (known is not None and known <= allowed) or types_within(self[field], allowed)


def types_within(values: Sequence[Any], allowed: frozenset[type]) -> bool:
    """True when every value's exact type is one of ``allowed``."""
    return set(map(type, values)) <= allowed


def _texts(entities: Columns, *fields: str) -> bool:
    return all(entities.within(f, _STR) for f in fields)


def _named(entities: Columns, blank_allowed: bool = False) -> bool:
    names = entities["name"]
    return entities.within("name", _STR) and (blank_allowed or all(map(str.strip, names)))


def _tags(entities: Columns) -> bool:
    tags = entities["tags"]
    return entities.within("tags", frozenset({tuple})) and types_within(
        list(chain.from_iterable(tags)), _STR
    )


def _in_range(values: Sequence[Any], lo: float, hi: float) -> bool:
    """Numbers (not bools) within [lo, hi]; NaN fails both comparisons."""
    return (
        types_within(values, _NUMBER)
        and all(map(float(lo).__le__, values))
        and all(map(float(hi).__ge__, values))
    )


def _choices(values: Sequence[Any], exact: type, allowed: frozenset[Any]) -> bool:
    return types_within(values, frozenset({exact})) and set(values) <= allowed


def _enum(entities: Columns, field: str, kind: type[Enum]) -> bool:
    return entities.within(field, frozenset({kind}))


def _teams(teams: Columns) -> bool:
    return (
        _enum(teams, "kind", TeamKind)
        and _choices(teams["sites"], int, frozenset({1, 2}))
        and teams.within("has_oncall", frozenset({bool}))
    )


def _people(people: Columns) -> bool:
    return (
        _texts(people, "location", "email")
        and _enum(people, "role", Role)
        and _in_range(people["fte"], 0.0, 1.0)
    )


def _services(services: Columns) -> bool:
    loads = services["load"]
    if not (
        _enum(services, "architecture", Architecture)
        and _enum(services, "support", Support)
        and _choices(services["tier"], int, frozenset({1, 2, 3, 4}))
        and types_within(loads, frozenset({ServiceLoad}))
    ):
        return False
    distinct = list(dict(zip(map(id, loads), loads, strict=True)).values())  # often shared
    for key in LOAD_KEYS:
        present = [v for v in column(distinct, key) if v is not None]
        if not _in_range(present, 0.0, 1e6):
            return False
    return True


def _platforms(platforms: Columns) -> bool:
    return _enum(platforms, "kind", PlatformKind)


def _platform_versions(versions: Columns) -> bool:
    numbers = versions["version"]
    return (
        versions.within("version", _STR)
        and all(map(str.strip, numbers))
        and _enum(versions, "status", VersionStatus)
        and versions.within("released", _OPT_DATE)
    )


def _embeds(embeds: Columns) -> bool:
    if not (
        _texts(embeds, "purpose")
        and embeds.within("start", _OPT_DATE)
        and embeds.within("end", _OPT_DATE)
    ):
        return False
    spans = zip(embeds["start"], embeds["end"], strict=True)
    return all(start is None or end is None or not end < start for start, end in spans)


def _dependencies(dependencies: Columns) -> bool:
    return all(map(ne, dependencies["source"], dependencies["target"]))


def _forums(forums: Columns) -> bool:
    seats = forums["representatives"]
    return types_within(seats, frozenset({tuple})) and types_within(
        list(chain.from_iterable(seats)), frozenset({Representative})
    )


def _scenarios(scenarios: Columns) -> bool:
    return _texts(scenarios, "toml")


def _views(views: Columns) -> bool:
    """Views are few and their positions irregular: the exact per-entity check."""
    try:
        for view in views.entities:
            check_entity_values(view)
    except InvariantError:
        return False
    return True


# kind -> (its class, the name rule: None = no name, True = may be blank, False = must not)
_SPEC: dict[EntityKind, tuple[type, bool | None, Callable[[Columns], bool]]] = {
    EntityKind.TEAM: (Team, False, _teams),
    EntityKind.PERSON: (Person, False, _people),
    EntityKind.SERVICE: (Service, False, _services),
    EntityKind.PLATFORM: (Platform, False, _platforms),
    EntityKind.PLATFORM_VERSION: (PlatformVersion, True, _platform_versions),
    EntityKind.EMBED: (Embed, True, _embeds),
    EntityKind.DEPENDENCY: (Dependency, None, _dependencies),
    EntityKind.FORUM: (Forum, False, _forums),
    EntityKind.SCENARIO: (Scenario, False, _scenarios),
    EntityKind.VIEW: (View, False, _views),
}


def values_ok(kind: EntityKind, entities: Columns) -> bool:
    """Whether every entity is of ``kind``'s class and its own values would pass
    ``check_entity_values`` (False may also mean "not sure": check one by one)."""
    cls, blank_name, specific = _SPEC[kind]
    if not entities:
        return True
    if not types_within(entities.entities, frozenset({cls})):
        return False
    if blank_name is not None and not (
        _named(entities, blank_name) and _texts(entities, "notes") and _tags(entities)
    ):
        return False
    return specific(entities)
