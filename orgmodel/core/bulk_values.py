"""Whole-collection checks of entities' own values, for building a model in one pass.

``values_ok(kind, entities)`` answers one question: would ``validation.check_entity_values``
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


def types_within(values: Sequence[Any], allowed: frozenset[type]) -> bool:
    """True when every value's exact type is one of ``allowed``."""
    return set(map(type, values)) <= allowed


def _texts(entities: Sequence[Any], *fields: str) -> bool:
    return all(types_within(column(entities, f), _STR) for f in fields)


def _named(entities: Sequence[Any], blank_allowed: bool = False) -> bool:
    names = column(entities, "name")
    return types_within(names, _STR) and (blank_allowed or all(map(str.strip, names)))


def _tags(entities: Sequence[Any]) -> bool:
    tags = column(entities, "tags")
    return types_within(tags, frozenset({tuple})) and types_within(
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


def _enum(entities: Sequence[Any], field: str, kind: type[Enum]) -> bool:
    return types_within(column(entities, field), frozenset({kind}))


def _teams(teams: Sequence[Team]) -> bool:
    return (
        _enum(teams, "kind", TeamKind)
        and _choices(column(teams, "sites"), int, frozenset({1, 2}))
        and types_within(column(teams, "has_oncall"), frozenset({bool}))
    )


def _people(people: Sequence[Person]) -> bool:
    return (
        _texts(people, "location", "email")
        and _enum(people, "role", Role)
        and _in_range(column(people, "fte"), 0.0, 1.0)
    )


def _services(services: Sequence[Service]) -> bool:
    loads = column(services, "load")
    if not (
        _enum(services, "architecture", Architecture)
        and _enum(services, "support", Support)
        and _choices(column(services, "tier"), int, frozenset({1, 2, 3, 4}))
        and types_within(loads, frozenset({ServiceLoad}))
    ):
        return False
    distinct = list(dict(zip(map(id, loads), loads, strict=True)).values())  # often shared
    for key in LOAD_KEYS:
        present = [v for v in column(distinct, key) if v is not None]
        if not _in_range(present, 0.0, 1e6):
            return False
    return True


def _platforms(platforms: Sequence[Platform]) -> bool:
    return _enum(platforms, "kind", PlatformKind)


def _platform_versions(versions: Sequence[PlatformVersion]) -> bool:
    numbers = column(versions, "version")
    return (
        types_within(numbers, _STR)
        and all(map(str.strip, numbers))
        and _enum(versions, "status", VersionStatus)
        and types_within(column(versions, "released"), _OPT_DATE)
    )


def _embeds(embeds: Sequence[Embed]) -> bool:
    if not (
        _texts(embeds, "purpose")
        and types_within(column(embeds, "start"), _OPT_DATE)
        and types_within(column(embeds, "end"), _OPT_DATE)
    ):
        return False
    return all(e.start is None or e.end is None or not e.end < e.start for e in embeds)


def _dependencies(dependencies: Sequence[Dependency]) -> bool:
    return all(map(ne, column(dependencies, "source"), column(dependencies, "target")))


def _forums(forums: Sequence[Forum]) -> bool:
    seats = column(forums, "representatives")
    return types_within(seats, frozenset({tuple})) and types_within(
        list(chain.from_iterable(seats)), frozenset({Representative})
    )


def _scenarios(scenarios: Sequence[Scenario]) -> bool:
    return _texts(scenarios, "toml")


def _views(views: Sequence[View]) -> bool:
    """Views are few and their positions irregular: the exact per-entity check."""
    try:
        for view in views:
            check_entity_values(view)
    except InvariantError:
        return False
    return True


# kind -> (its class, the name rule: None = no name, True = may be blank, False = must not)
_SPEC: dict[EntityKind, tuple[type, bool | None, Callable[[Sequence[Any]], bool]]] = {
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


def values_ok(kind: EntityKind, entities: Sequence[Any]) -> bool:
    """Whether every entity is of ``kind``'s class and its own values would pass
    ``check_entity_values`` (False may also mean "not sure": check one by one)."""
    cls, blank_name, specific = _SPEC[kind]
    if not entities:
        return True
    if not types_within(entities, frozenset({cls})):
        return False
    if blank_name is not None and not (
        _named(entities, blank_name) and _texts(entities, "notes") and _tags(entities)
    ):
        return False
    return specific(entities)
