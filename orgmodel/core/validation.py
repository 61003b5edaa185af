"""Checks of one entity's own values (ranges, enums, dates), without looking at the rest.

The aggregate calls ``check_entity_values`` (through ``invariants.check_entity``) before every add
and update. Not for references and cycles: they need the whole model and live in
``invariants.py``.
"""

from __future__ import annotations

import math
from datetime import date
from enum import Enum
from typing import Any

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Representative,
    Service,
    ServiceLoad,
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
from orgmodel.core.naming import describe, upper_first

_ENUM_FIELDS: dict[str, type[Enum]] = {
    "role": Role,
    "architecture": Architecture,
    "support": Support,
    "status": VersionStatus,
    "layout": Layout,
}


_TEXT_FIELDS = ("notes", "location", "email", "purpose", "toml")


def _label(entity: Any) -> str:
    try:
        return upper_first(describe(entity))
    except (TypeError, AttributeError):
        return f"{type(entity).__name__} '{getattr(entity, 'id', '?')}'"


def _number(entity: Any, field: str, lo: float, hi: float, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvariantError(f"{_label(entity)}: {field} must be a number, not {value!r}.")
    if math.isnan(value) or not lo <= value <= hi:
        raise InvariantError(
            f"{_label(entity)}: {field} must be between {lo:g} and {hi:g}, not {value!r}."
        )


def check_entity_values(entity: Any) -> None:
    """Raise ``InvariantError`` naming the entity and field when a value is out of range."""
    if hasattr(entity, "name"):
        name = entity.name
        if not isinstance(name, str):
            raise InvariantError(f"{type(entity).__name__} '{entity.id}': name must be text.")
        if not name.strip() and not isinstance(entity, (PlatformVersion, Embed)):
            raise InvariantError(f"{type(entity).__name__} '{entity.id}' needs a name.")
    for field in _TEXT_FIELDS:
        if hasattr(entity, field) and not isinstance(getattr(entity, field), str):
            raise InvariantError(f"{_label(entity)}: {field} must be text.")
    for field, enum in _ENUM_FIELDS.items():
        if hasattr(entity, field) and not isinstance(getattr(entity, field), enum):
            choices = ", ".join(str(e.value) for e in enum)
            raise InvariantError(
                f"{_label(entity)}: {field} {getattr(entity, field)!r} is not one of {choices}."
            )
    for field in ("tags",):
        tags = getattr(entity, field, ())
        if not isinstance(tags, tuple) or not all(isinstance(t, str) for t in tags):
            raise InvariantError(f"{_label(entity)}: tags must be a list of strings.")
    if isinstance(entity, Team):
        if not isinstance(entity.kind, TeamKind):
            raise InvariantError(f"{_label(entity)}: kind {entity.kind!r} is not a team kind.")
        if type(entity.sites) is not int or entity.sites not in (1, 2):
            raise InvariantError(f"{_label(entity)}: sites must be 1 or 2, not {entity.sites!r}.")
        if not isinstance(entity.has_oncall, bool):
            raise InvariantError(f"{_label(entity)}: has_oncall must be true or false.")
    elif isinstance(entity, Person):
        _number(entity, "fte", 0.0, 1.0, entity.fte)
    elif isinstance(entity, Service):
        if type(entity.tier) is not int or entity.tier not in (1, 2, 3, 4):
            raise InvariantError(
                f"{_label(entity)}: tier must be 1, 2, 3 or 4, not {entity.tier!r}."
            )
        if not isinstance(entity.load, ServiceLoad):
            raise InvariantError(f"{_label(entity)}: load must be a set of load overrides.")
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
    elif isinstance(entity, Forum):
        reps = entity.representatives
        if not isinstance(reps, tuple) or not all(isinstance(r, Representative) for r in reps):
            raise InvariantError(f"{_label(entity)}: representatives must be (person, team) pairs.")
    elif isinstance(entity, Dependency):
        if entity.source == entity.target:
            raise InvariantError(f"Service '{entity.source}' cannot depend on itself.")
    elif isinstance(entity, View):
        _check_view(entity)
    elif isinstance(entity, Platform) and not isinstance(entity.kind, PlatformKind):
        raise InvariantError(f"{_label(entity)}: kind {entity.kind!r} is not a platform kind.")


def _date(entity: Any, field: str, value: Any) -> None:
    if value is not None and not isinstance(value, date):
        raise InvariantError(f"{_label(entity)}: {field} must be a date, not {value!r}.")


def _check_view(view: View) -> None:
    _number(view, "zoom", 0.01, 100.0, view.zoom)
    if not isinstance(view.filters, dict):
        raise InvariantError(f"{_label(view)}: filters must be a mapping.")
    if not isinstance(view.positions, dict):
        raise InvariantError(f"{_label(view)}: positions must map node ids to (x, y).")
    for node, pos in view.positions.items():
        ok = isinstance(node, str) and isinstance(pos, tuple) and len(pos) == 2
        if not ok or not all(_finite(v) for v in pos):
            raise InvariantError(f"{_label(view)}: the position of '{node}' must be two numbers.")


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
