"""The orgmodel JSON format: the lossless, diff-friendly text twin of a document.

``model_to_dict`` / ``model_from_dict`` convert both ways (DESIGN.md section 4); ``dumps`` writes
sorted keys and indentation; ``loads`` is strict: unknown fields, wrong types and dangling
references are refused with a ``FormatError`` naming the place. Omitted optional fields take their
defaults, and collections keep their order, so JSON -> model -> JSON is an identity.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields, replace
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
from orgmodel.interop.orgjson_values import (
    NonFinite,
    Parser,
    boolean,
    day,
    enum_of,
    filters,
    load,
    number,
    obj,
    opt_text,
    positions,
    tags,
    text,
    whole,
)

FORMAT = "orgmodel"
VERSION = 1


def _reps(value: Any, where: str) -> tuple[Representative, ...]:
    if not isinstance(value, list):
        raise FormatError(f"{where} must be a list.")
    reps = []
    for i, item in enumerate(value):
        data = _fields_of(item, f"{where}[{i}]", {"person": text, "team": text}, {"person", "team"})
        reps.append(Representative(**data))
    return tuple(reps)


COMMON: dict[str, Parser] = {"id": text, "name": text, "notes": text, "tags": tags}

# JSON key -> parser, per collection; the JSON key equals the dataclass field except "from"/"to".
SPECS: dict[str, tuple[type, dict[str, Parser], set[str]]] = {
    "teams": (
        Team,
        {
            **COMMON,
            "kind": enum_of(TeamKind),
            "parent": opt_text,
            "sites": whole,
            "has_oncall": boolean,
        },
        {"id", "name"},
    ),
    "people": (
        Person,
        {
            **COMMON,
            "role": enum_of(Role),
            "team": opt_text,
            "manager": opt_text,
            "fte": number,
            "location": text,
            "email": text,
        },
        {"id", "name"},
    ),
    "services": (
        Service,
        {
            **COMMON,
            "owner": opt_text,
            "architecture": enum_of(Architecture),
            "tier": whole,
            "support": enum_of(Support),
            "sre_team": opt_text,
            "platform_version": opt_text,
            "load": load,
        },
        {"id", "name"},
    ),
    "platforms": (
        Platform,
        {**COMMON, "kind": enum_of(PlatformKind), "owner": opt_text},
        {"id", "name"},
    ),
    "platform_versions": (
        PlatformVersion,
        {
            **COMMON,
            "platform": text,
            "version": text,
            "status": enum_of(VersionStatus),
            "production_owner": opt_text,
            "released": day,
        },
        {"id", "platform", "version"},
    ),
    "embeds": (
        Embed,
        {**COMMON, "person": text, "host": text, "purpose": text, "start": day, "end": day},
        {"id", "person", "host"},
    ),
    "dependencies": (Dependency, {"from": text, "to": text}, {"from", "to"}),
    "forums": (Forum, {**COMMON, "representatives": _reps}, {"id", "name"}),
    "scenarios": (Scenario, {**COMMON, "toml": text}, {"id", "name"}),
    "views": (
        View,
        {
            **COMMON,
            "layout": enum_of(Layout),
            "filters": filters,
            "positions": positions,
            "zoom": number,
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
    data = obj(item, where)
    unknown = sorted(set(data) - set(spec))
    if unknown:
        raise FormatError(f"{where}: unknown field '{unknown[0]}'.")
    missing = sorted(required - set(data))
    if missing:
        raise FormatError(f"{where}: the field '{missing[0]}' is missing.")
    return {_RENAME.get(k, k): spec[k](v, f"{where}.{k}") for k, v in data.items()}


def _organisation(value: Any) -> Organisation:
    spec: dict[str, Parser] = {
        "name": text,
        "description": text,
        "planning_start": day,
        "notes": text,
        "tags": tags,
    }
    return Organisation(**_fields_of(value, "organisation", spec, {"name"}))


def model_from_dict(data: Any) -> OrgModel:
    """Build a model from parsed orgmodel JSON; raises ``FormatError`` on anything wrong."""
    doc = obj(data, "the document")
    if doc.get("format") != FORMAT:
        raise FormatError('This is not orgmodel JSON (its "format" is not "orgmodel").')
    version = doc.get("version")
    if isinstance(version, (bool, NonFinite)) or version != VERSION:
        raise FormatError(
            f"orgmodel JSON version {json.dumps(version)} is not supported "
            f"(this OrgModel reads version {VERSION})."
        )
    unknown = sorted(set(doc) - {"format", "version", "organisation", *ORDER})
    if unknown:
        raise FormatError(f"Unknown top-level field '{unknown[0]}'.")
    organisation = _organisation(doc.get("organisation", {"name": "Untitled organisation"}))
    try:
        OrgModel(organisation)  # the organisation's own checks, named as such
    except OrgModelError as error:
        raise FormatError(f"organisation: {error}") from None
    parsed: dict[str, list[tuple[Any, str]]] = {}
    for key in ORDER:
        items = doc.get(key, [])
        if not isinstance(items, list):
            raise FormatError(f'"{key}" must be a list.')
        cls, spec, required = SPECS[key]
        parsed[key] = []
        for i, item in enumerate(items):
            where = f"{key}[{i}]"
            values = _fields_of(item, where, spec, required)
            if "id" in values:
                where = f"{key}[{i}] (id '{values['id']}')"
            parsed[key].append((cls(**values), where))
    try:  # one pass over everything; only a document with a problem takes the slow path below
        return OrgModel.from_collections(
            organisation, {EntityKind(key): [e for e, _ in items] for key, items in parsed.items()}
        )
    except OrgModelError:
        pass
    return _add_one_by_one(organisation, parsed)


def _add_one_by_one(organisation: Organisation, parsed: dict[str, list[tuple[Any, str]]]) -> OrgModel:
    """Add entity by entity, so the error names the place in the file where it went wrong."""
    model = OrgModel(organisation)
    deferred: list[tuple[Any, str]] = []
    for key in ORDER:
        for entity, where in parsed[key]:
            late = {"teams": "parent", "people": "manager"}.get(key)
            if late and getattr(entity, late) is not None:
                deferred.append((entity, where))
                entity = replace(entity, **{late: None})
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
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=NonFinite)
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
