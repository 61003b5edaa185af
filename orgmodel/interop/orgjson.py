"""The orgmodel JSON format: the lossless, diff-friendly text twin of a document.

``model_to_dict`` / ``model_from_dict`` convert both ways (DESIGN.md section 4); ``dumps`` writes
sorted keys and indentation; ``loads`` is strict: unknown fields, wrong types and dangling
references are refused with a ``FormatError`` naming the place. Omitted optional fields take their
defaults, and collections keep their order, so JSON -> model -> JSON is an identity.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from enum import Enum
from typing import Any

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Forum,
    Organisation,
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
from orgmodel.core.errors import FormatError, OrgModelError
from orgmodel.core.kinds import (
    Architecture,
    EntityKind,
    Layout,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)
from orgmodel.core.model import OrgModel

FORMAT = "orgmodel"
VERSION = 1

Parser = Callable[[Any, str], Any]


class _NonFinite:
    """Stands in for NaN/Infinity while parsing, so that the refusal can name the place."""

    def __init__(self, name: str) -> None:
        self.name = name


def _show(value: Any) -> str:
    """A value as it looked in the JSON text, for messages."""
    if isinstance(value, _NonFinite):
        return value.name
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise FormatError(f"{where} must be a string, not {_show(value)}.")
    return value


def _opt_str(value: Any, where: str) -> str | None:
    return None if value is None else _str(value, where)


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FormatError(f"{where} must be a whole number, not {_show(value)}.")
    return value


def _float(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise FormatError(f"{where} must be a number, not {_show(value)}.")
    return float(value)


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise FormatError(f"{where} must be true or false, not {_show(value)}.")
    return value


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(_str(value, where))
    except ValueError:
        raise FormatError(f"{where} must be a date like 2026-01-05, not {_show(value)}.") from None


def _tags(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise FormatError(f"{where} must be a list of strings.")
    return tuple(_str(v, f"{where}[{i}]") for i, v in enumerate(value))


def _enum(enum: type[Enum]) -> Parser:
    def parse(value: Any, where: str) -> Any:
        try:
            return enum(value)
        except ValueError:
            choices = ", ".join(str(e.value) for e in enum)
            raise FormatError(f"{where} must be one of {choices}, not {_show(value)}.") from None

    return parse


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FormatError(f"{where} must be an object.")
    return value


def _load(value: Any, where: str) -> ServiceLoad:
    data = _object(value, where)
    known = {f.name for f in fields(ServiceLoad)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise FormatError(
            f"{where}: unknown field '{unknown[0]}' (known: {', '.join(sorted(known))})."
        )
    return ServiceLoad(**{k: _float(v, f"{where}.{k}") for k, v in data.items()})


def _positions(value: Any, where: str) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for key, pos in _object(value, where).items():
        if not isinstance(pos, list) or len(pos) != 2:
            raise FormatError(f"{where}.{key} must be a pair [x, y].")
        out[key] = (_float(pos[0], f"{where}.{key}[0]"), _float(pos[1], f"{where}.{key}[1]"))
    return out


def _reps(value: Any, where: str) -> tuple[Representative, ...]:
    if not isinstance(value, list):
        raise FormatError(f"{where} must be a list.")
    reps = []
    for i, item in enumerate(value):
        data = _fields_of(item, f"{where}[{i}]", {"person": _str, "team": _str}, {"person", "team"})
        reps.append(Representative(**data))
    return tuple(reps)


def _filters(value: Any, where: str) -> dict[str, Any]:
    """A view's filters: any JSON object, but with finite numbers only."""

    def walk(item: Any, place: str) -> None:
        if isinstance(item, _NonFinite):
            raise FormatError(f"{place} must be a finite number, not {item.name}.")
        if isinstance(item, dict):
            for key, inner in item.items():
                walk(inner, f"{place}.{key}")
        elif isinstance(item, list):
            for i, inner in enumerate(item):
                walk(inner, f"{place}[{i}]")

    data = _object(value, where)
    walk(data, where)
    return data


COMMON: dict[str, Parser] = {"id": _str, "name": _str, "notes": _str, "tags": _tags}

# JSON key -> parser, per collection; the JSON key equals the dataclass field except "from"/"to".
SPECS: dict[str, tuple[type, dict[str, Parser], set[str]]] = {
    "teams": (
        Team,
        {**COMMON, "kind": _enum(TeamKind), "parent": _opt_str, "sites": _int, "has_oncall": _bool},
        {"id", "name"},
    ),
    "people": (
        Person,
        {
            **COMMON,
            "role": _enum(Role),
            "team": _opt_str,
            "manager": _opt_str,
            "fte": _float,
            "location": _str,
            "email": _str,
        },
        {"id", "name"},
    ),
    "services": (
        Service,
        {
            **COMMON,
            "owner": _opt_str,
            "architecture": _enum(Architecture),
            "tier": _int,
            "support": _enum(Support),
            "sre_team": _opt_str,
            "platform_version": _opt_str,
            "load": _load,
        },
        {"id", "name"},
    ),
    "platforms": (
        Platform,
        {**COMMON, "kind": _enum(PlatformKind), "owner": _opt_str},
        {"id", "name"},
    ),
    "platform_versions": (
        PlatformVersion,
        {
            **COMMON,
            "platform": _str,
            "version": _str,
            "status": _enum(VersionStatus),
            "production_owner": _opt_str,
            "released": _date,
        },
        {"id", "platform", "version"},
    ),
    "embeds": (
        Embed,
        {**COMMON, "person": _str, "host": _str, "purpose": _str, "start": _date, "end": _date},
        {"id", "person", "host"},
    ),
    "dependencies": (Dependency, {"from": _str, "to": _str}, {"from", "to"}),
    "forums": (Forum, {**COMMON, "representatives": _reps}, {"id", "name"}),
    "scenarios": (Scenario, {**COMMON, "toml": _str}, {"id", "name"}),
    "views": (
        View,
        {
            **COMMON,
            "layout": _enum(Layout),
            "filters": _filters,
            "positions": _positions,
            "zoom": _float,
        },
        {"id", "name"},
    ),
}
ORDER = [
    "teams",
    "people",
    "platforms",
    "platform_versions",
    "services",
    "embeds",
    "dependencies",
    "forums",
    "scenarios",
    "views",
]
_RENAME = {"from": "source", "to": "target"}


def _fields_of(
    item: Any, where: str, spec: dict[str, Parser], required: set[str]
) -> dict[str, Any]:
    data = _object(item, where)
    unknown = sorted(set(data) - set(spec))
    if unknown:
        raise FormatError(f"{where}: unknown field '{unknown[0]}'.")
    missing = sorted(required - set(data))
    if missing:
        raise FormatError(f"{where}: the field '{missing[0]}' is missing.")
    return {_RENAME.get(k, k): spec[k](v, f"{where}.{k}") for k, v in data.items()}


def _organisation(value: Any) -> Organisation:
    spec: dict[str, Parser] = {
        "name": _str,
        "description": _str,
        "planning_start": _date,
        "notes": _str,
        "tags": _tags,
    }
    return Organisation(**_fields_of(value, "organisation", spec, {"name"}))


def model_from_dict(data: Any) -> OrgModel:
    """Build a model from parsed orgmodel JSON; raises ``FormatError`` on anything wrong."""
    doc = _object(data, "the document")
    if doc.get("format") != FORMAT:
        raise FormatError('This is not orgmodel JSON (its "format" is not "orgmodel").')
    version = doc.get("version")
    if isinstance(version, (bool, _NonFinite)) or version != VERSION:
        raise FormatError(
            f"orgmodel JSON version {json.dumps(version)} is not supported "
            f"(this OrgModel reads version {VERSION})."
        )
    unknown = sorted(set(doc) - {"format", "version", "organisation", *ORDER})
    if unknown:
        raise FormatError(f"Unknown top-level field '{unknown[0]}'.")
    organisation = _organisation(doc.get("organisation", {"name": "Untitled organisation"}))
    try:
        model = OrgModel(organisation)
    except OrgModelError as error:
        raise FormatError(f"organisation: {error}") from None
    deferred: list[tuple[Any, str]] = []
    for key in ORDER:
        items = doc.get(key, [])
        if not isinstance(items, list):
            raise FormatError(f'"{key}" must be a list.')
        cls, spec, required = SPECS[key]
        for i, item in enumerate(items):
            where = f"{key}[{i}]"
            values = _fields_of(item, where, spec, required)
            if "id" in values:
                where = f"{key}[{i}] (id '{values['id']}')"
            entity = cls(**values)
            late = {"teams": "parent", "people": "manager"}.get(key)
            if late and values.get(late) is not None:
                deferred.append((entity, where))
                entity = cls(**{**values, late: None})
            _apply(model.add, entity, where)
        for entity, where in deferred:
            _apply(model.update, entity, where)
        deferred.clear()
    return model


def _apply(action: Callable[[Any], Any], entity: Any, where: str) -> None:
    try:
        action(entity)
    except FormatError:
        raise
    except OrgModelError as error:
        raise FormatError(f"{where}: {error}") from None


def _value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    if isinstance(value, ServiceLoad):
        return value.as_dict()
    if isinstance(value, Representative):
        return {"person": value.person, "team": value.team}
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    return value


def entity_to_dict(entity: Any) -> dict[str, Any]:
    """The JSON object of one entity (every field written, so files are explicit)."""
    if isinstance(entity, Dependency):
        return {"from": entity.source, "to": entity.target}
    return {f.name: _value(getattr(entity, f.name)) for f in fields(entity)}


def model_to_dict(model: OrgModel) -> dict[str, Any]:
    org = model.organisation
    out: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "organisation": {f.name: _value(getattr(org, f.name)) for f in fields(org)},
    }
    for key in ORDER:
        out[key] = [entity_to_dict(e) for e in model.collection(_kind(key)).values()]
    return out


def _kind(key: str) -> EntityKind:
    return EntityKind(key)


def dumps(model: OrgModel) -> str:
    return json.dumps(model_to_dict(model), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise FormatError(f"The field '{key}' appears twice in one object.")
        out[key] = value
    return out


def loads(text: str) -> OrgModel:
    """Parse orgmodel JSON text strictly (no NaN/Infinity, no repeated keys) into a model."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_NonFinite)
    except json.JSONDecodeError as error:
        raise FormatError(
            f"Not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None
    except RecursionError:
        raise FormatError("The JSON is nested too deeply to be orgmodel JSON.") from None
    return model_from_dict(data)


def read_json(path: str) -> OrgModel:
    """Read an orgmodel JSON file; unreadable or wrong files raise ``FormatError``."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        raise FormatError(f"Cannot read {path}: {error.strerror}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError(f"{path} is not UTF-8 text, so it is not orgmodel JSON.") from None
    return loads(text)


def write_json(model: OrgModel, path: str) -> None:
    from orgmodel.core.fileio import write_text_atomic

    write_text_atomic(path, dumps(model))
