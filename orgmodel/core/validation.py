"""Checks of one entity's own values (ranges, enums, dates), without looking at the rest.

The aggregate calls ``check_entity_values`` before every add and update; reference checks and
cycles need the whole model and live in ``model.py``.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Person,
    Platform,
    PlatformVersion,
    Service,
    Team,
    View,
)
from orgmodel.core.errors import InvariantError
from orgmodel.core.kinds import (
    Architecture,
    Layout,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)

_ENUM_FIELDS: dict[str, type] = {
    "role": Role,
    "architecture": Architecture,
    "support": Support,
    "status": VersionStatus,
    "layout": Layout,
}


def _label(entity: Any) -> str:
    name = getattr(entity, "name", "") or getattr(entity, "id", "")
    return f"{type(entity).__name__} '{name}'"


def _number(entity: Any, field: str, lo: float, hi: float, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvariantError(f"{_label(entity)}: {field} must be a number, not {value!r}.")
    if math.isnan(value) or not lo <= value <= hi:
        raise InvariantError(f"{_label(entity)}: {field} must be between {lo:g} and {hi:g}, not {value!r}.")


def check_entity_values(entity: Any) -> None:
    """Raise ``InvariantError`` naming the entity and field when a value is out of range."""
    name = getattr(entity, "name", None)
    if name is not None and not isinstance(entity, (PlatformVersion, Embed)):
        if not isinstance(name, str) or not name.strip():
            raise InvariantError(f"{type(entity).__name__} '{entity.id}' needs a name.")
    for field, enum in _ENUM_FIELDS.items():
        if hasattr(entity, field) and not isinstance(getattr(entity, field), enum):
            raise InvariantError(f"{_label(entity)}: {field} {getattr(entity, field)!r} is not one of "
                                 f"{', '.join(e.value for e in enum)}.")  # type: ignore[attr-defined]
    for field in ("tags",):
        tags = getattr(entity, field, ())
        if not isinstance(tags, tuple) or not all(isinstance(t, str) for t in tags):
            raise InvariantError(f"{_label(entity)}: tags must be a list of strings.")
    if isinstance(entity, Team):
        if not isinstance(entity.kind, TeamKind):
            raise InvariantError(f"{_label(entity)}: kind {entity.kind!r} is not a team kind.")
        if entity.sites not in (1, 2) or isinstance(entity.sites, bool):
            raise InvariantError(f"{_label(entity)}: sites must be 1 or 2, not {entity.sites!r}.")
        if not isinstance(entity.has_oncall, bool):
            raise InvariantError(f"{_label(entity)}: has_oncall must be true or false.")
    elif isinstance(entity, Person):
        _number(entity, "fte", 0.0, 1.0, entity.fte)
    elif isinstance(entity, Service):
        if isinstance(entity.tier, bool) or entity.tier not in (1, 2, 3, 4):
            raise InvariantError(f"{_label(entity)}: tier must be 1, 2, 3 or 4, not {entity.tier!r}.")
        for key, value in entity.load.as_dict().items():
            _number(entity, f"load.{key}", 0.0, 1e6, value)
    elif isinstance(entity, PlatformVersion):
        if not isinstance(entity.version, str) or not entity.version.strip():
            raise InvariantError(f"Platform version '{entity.id}' needs a version string.")
        _date(entity, "released", entity.released)
    elif isinstance(entity, Embed):
        _date(entity, "start", entity.start)
        _date(entity, "end", entity.end)
        if entity.start and entity.end and entity.end < entity.start:
            raise InvariantError(
                f"Embed '{entity.id}' ends ({entity.end}) before it starts ({entity.start})."
            )
    elif isinstance(entity, Dependency):
        if entity.source == entity.target:
            raise InvariantError(f"Service '{entity.source}' cannot depend on itself.")
    elif isinstance(entity, View):
        _number(entity, "zoom", 0.01, 100.0, entity.zoom)
    elif isinstance(entity, Platform) and not isinstance(entity.kind, PlatformKind):
        raise InvariantError(f"{_label(entity)}: kind {entity.kind!r} is not a platform kind.")


def _date(entity: Any, field: str, value: Any) -> None:
    if value is not None and not isinstance(value, date):
        raise InvariantError(f"{_label(entity)}: {field} must be a date, not {value!r}.")
