"""Explicit conversion between core entities and the rows of ``schema.py``, both ways.

Writing turns each entity into a dict of column values (ready for one bulk ``insert`` per table);
reading turns a result row back into the entity, checking every value's type on the way because a
document is untrusted input (SQLite does not enforce column types). A bad value raises
``DocumentError`` naming the table, the row and the column. Not for invariants between entities
(the ``OrgModel`` aggregate checks those) and not for files (that is ``store.py``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar

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
from orgmodel.core.kinds import (
    Architecture,
    Layout,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)
from orgmodel.persistence.errors import DocumentError

E = TypeVar("E", bound=Enum)

# ------------------------------------------------------------------------------- writing


def _json_text(value: Any, where: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        raise DocumentError(f"{where} is not plain JSON data, so it cannot be saved.") from None


def _tags_text(tags: tuple[str, ...]) -> str:
    return json.dumps(list(tags), ensure_ascii=False)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def organisation_row(org: Organisation) -> dict[str, Any]:
    return {"id": 1, "name": org.name, "description": org.description,
            "planning_start": _iso(org.planning_start), "notes": org.notes,
            "tags": _tags_text(org.tags)}


def team_row(team: Team, position: int) -> dict[str, Any]:
    return {"id": team.id, "position": position, "name": team.name, "kind": team.kind.value,
            "parent": team.parent, "sites": team.sites, "has_oncall": team.has_oncall,
            "notes": team.notes, "tags": _tags_text(team.tags)}


def person_row(person: Person, position: int) -> dict[str, Any]:
    return {"id": person.id, "position": position, "name": person.name,
            "role": person.role.value, "team": person.team, "manager": person.manager,
            "fte": person.fte, "location": person.location, "email": person.email,
            "notes": person.notes, "tags": _tags_text(person.tags)}


def service_row(service: Service, position: int) -> dict[str, Any]:
    load = service.load
    return {"id": service.id, "position": position, "name": service.name, "owner": service.owner,
            "architecture": service.architecture.value, "tier": service.tier,
            "support": service.support.value, "sre_team": service.sre_team,
            "platform_version": service.platform_version,
            "incidents_per_week": load.incidents_per_week,
            "tickets_per_week": load.tickets_per_week, "toil_hours": load.toil_hours,
            "releases_per_week": load.releases_per_week, "notes": service.notes,
            "tags": _tags_text(service.tags)}


def platform_row(platform: Platform, position: int) -> dict[str, Any]:
    return {"id": platform.id, "position": position, "name": platform.name,
            "kind": platform.kind.value, "owner": platform.owner, "notes": platform.notes,
            "tags": _tags_text(platform.tags)}


def platform_version_row(version: PlatformVersion, position: int) -> dict[str, Any]:
    return {"id": version.id, "position": position, "platform": version.platform,
            "version": version.version, "status": version.status.value,
            "production_owner": version.production_owner, "released": _iso(version.released),
            "name": version.name, "notes": version.notes, "tags": _tags_text(version.tags)}


def embed_row(embed: Embed, position: int) -> dict[str, Any]:
    return {"id": embed.id, "position": position, "person": embed.person, "host": embed.host,
            "purpose": embed.purpose, "start_date": _iso(embed.start),
            "end_date": _iso(embed.end), "name": embed.name, "notes": embed.notes,
            "tags": _tags_text(embed.tags)}


def dependency_row(dependency: Dependency, position: int) -> dict[str, Any]:
    return {"source": dependency.source, "target": dependency.target, "position": position}


def forum_row(forum: Forum, position: int) -> dict[str, Any]:
    return {"id": forum.id, "position": position, "name": forum.name, "notes": forum.notes,
            "tags": _tags_text(forum.tags)}


def representative_rows(forum: Forum) -> list[dict[str, Any]]:
    return [{"forum": forum.id, "position": i, "person": rep.person, "team": rep.team}
            for i, rep in enumerate(forum.representatives)]


def scenario_row(scenario: Scenario, position: int) -> dict[str, Any]:
    return {"id": scenario.id, "position": position, "name": scenario.name,
            "toml": scenario.toml, "notes": scenario.notes, "tags": _tags_text(scenario.tags)}


def view_row(view: View, position: int) -> dict[str, Any]:
    where = f"The filters or positions of view '{view.name}'"
    positions = {key: [x, y] for key, (x, y) in view.positions.items()}
    return {"id": view.id, "position": position, "name": view.name, "layout": view.layout.value,
            "filters": _json_text(view.filters, where),
            "positions": _json_text(positions, where),
            "zoom": view.zoom, "notes": view.notes, "tags": _tags_text(view.tags)}


# ------------------------------------------------------------------------------- reading
#
# Each reader lists (column, parser) in the order they are selected, and a builder that names
# every dataclass field. Parsers are plain functions so a large table reads quickly; a value they
# refuse raises ``_Bad``, which ``read_rows`` turns into a sentence naming table, row and column.


class _Bad(Exception):
    def __init__(self, expected: str) -> None:
        self.expected = expected


def _text(value: Any) -> str:
    if type(value) is str:
        return value
    raise _Bad("text")


def _opt_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _int(value: Any) -> int:
    if type(value) is int:
        return value
    raise _Bad("a whole number")


def _bool(value: Any) -> bool:
    if type(value) is bool:
        return value
    raise _Bad("true or false")


def _number(value: Any) -> float:
    if (type(value) is float and math.isfinite(value)) or type(value) is int:
        return float(value)
    raise _Bad("a finite number")


def _opt_number(value: Any) -> float | None:
    return None if value is None else _number(value)


def _enum(kind: type[E]) -> Callable[[Any], E]:
    by_value = {e.value: e for e in kind}
    expected = "one of " + ", ".join(str(v) for v in by_value)

    def parse(value: Any) -> E:
        try:
            return by_value[value]
        except (KeyError, TypeError):
            raise _Bad(expected) from None

    return parse


@lru_cache(maxsize=1024)
def _iso_date(text: str) -> date:
    return date.fromisoformat(text)


def _day(value: Any) -> date | None:
    if value is None:
        return None
    try:
        return _iso_date(_text(value))
    except ValueError:
        raise _Bad("a date like 2026-01-05") from None


def _json(value: Any) -> Any:
    try:
        return json.loads(_text(value))
    except ValueError:
        raise _Bad("JSON text") from None


@lru_cache(maxsize=4096)
def _tags_of(text: str) -> tuple[str, ...]:
    value = _json(text)
    if not isinstance(value, list) or not all(type(t) is str for t in value):
        raise _Bad("a JSON list of strings")
    return tuple(value)


def _tags(value: Any) -> tuple[str, ...]:
    return _tags_of(_text(value))


def _object(value: Any) -> dict[str, Any]:
    data = _json(value)
    if not isinstance(data, dict):
        raise _Bad("a JSON object")
    return data


def _positions(value: Any) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for key, pos in _object(value).items():
        if not isinstance(pos, list) or len(pos) != 2:
            raise _Bad("a JSON object of [x, y] pairs")
        try:
            out[key] = (_number(pos[0]), _number(pos[1]))
        except _Bad:
            raise _Bad("a JSON object of [x, y] pairs") from None
    return out


@dataclass(frozen=True)
class Reader:
    """How to read one table: the columns in select order, their parsers, and the builder."""

    table: str
    columns: tuple[tuple[str, Callable[[Any], Any]], ...]
    build: Callable[..., Any]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.columns]

    def read(self, rows: Iterable[Sequence[Any]]) -> list[Any]:
        """Entities (or values) from rows selected in ``names`` order; bad values are refused."""
        parsers = [parse for _, parse in self.columns]
        out = []
        for row in rows:
            try:
                values = [parse(v) for parse, v in zip(parsers, row, strict=True)]
            except _Bad:
                raise self._error(row) from None
            out.append(self.build(*values))
        return out

    def _error(self, row: Sequence[Any]) -> DocumentError:
        where = f"the {self.table} row '{row[0]}'" if type(row[0]) is str else f"a {self.table} row"
        for (name, parse), value in zip(self.columns, row, strict=True):
            try:
                parse(value)
            except _Bad as bad:
                shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
                return DocumentError(f"in {where}, {name} should be {bad.expected}, not {shown}")
        return DocumentError(f"{where} cannot be read")  # pragma: no cover - parsers are pure


def _service(id: str, name: str, owner: str | None, architecture: Architecture, tier: int,
             support: Support, sre_team: str | None, platform_version: str | None,
             incidents: float | None, tickets: float | None, toil: float | None,
             releases: float | None, notes: str, tags: tuple[str, ...]) -> Service:
    load = ServiceLoad(incidents_per_week=incidents, tickets_per_week=tickets, toil_hours=toil,
                       releases_per_week=releases)
    return Service(id=id, name=name, owner=owner, architecture=architecture, tier=tier,
                   support=support, sre_team=sre_team, platform_version=platform_version,
                   load=load, notes=notes, tags=tags)


ORGANISATION = Reader("organisation", (
    ("name", _text), ("description", _text), ("planning_start", _day), ("notes", _text),
    ("tags", _tags)),
    lambda name, description, start, notes, tags: Organisation(
        name=name, description=description, planning_start=start, notes=notes, tags=tags))

TEAMS = Reader("teams", (
    ("id", _text), ("name", _text), ("kind", _enum(TeamKind)), ("parent", _opt_text),
    ("sites", _int), ("has_oncall", _bool), ("notes", _text), ("tags", _tags)),
    lambda id, name, kind, parent, sites, oncall, notes, tags: Team(
        id=id, name=name, kind=kind, parent=parent, sites=sites, has_oncall=oncall,
        notes=notes, tags=tags))

PEOPLE = Reader("people", (
    ("id", _text), ("name", _text), ("role", _enum(Role)), ("team", _opt_text),
    ("manager", _opt_text), ("fte", _number), ("location", _text), ("email", _text),
    ("notes", _text), ("tags", _tags)),
    lambda id, name, role, team, manager, fte, location, email, notes, tags: Person(
        id=id, name=name, role=role, team=team, manager=manager, fte=fte, location=location,
        email=email, notes=notes, tags=tags))

SERVICES = Reader("services", (
    ("id", _text), ("name", _text), ("owner", _opt_text),
    ("architecture", _enum(Architecture)), ("tier", _int), ("support", _enum(Support)),
    ("sre_team", _opt_text), ("platform_version", _opt_text),
    ("incidents_per_week", _opt_number), ("tickets_per_week", _opt_number),
    ("toil_hours", _opt_number), ("releases_per_week", _opt_number), ("notes", _text),
    ("tags", _tags)),
    _service)

PLATFORMS = Reader("platforms", (
    ("id", _text), ("name", _text), ("kind", _enum(PlatformKind)), ("owner", _opt_text),
    ("notes", _text), ("tags", _tags)),
    lambda id, name, kind, owner, notes, tags: Platform(
        id=id, name=name, kind=kind, owner=owner, notes=notes, tags=tags))

PLATFORM_VERSIONS = Reader("platform_versions", (
    ("id", _text), ("platform", _text), ("version", _text),
    ("status", _enum(VersionStatus)), ("production_owner", _opt_text), ("released", _day),
    ("name", _text), ("notes", _text), ("tags", _tags)),
    lambda id, platform, version, status, owner, released, name, notes, tags: PlatformVersion(
        id=id, platform=platform, version=version, status=status, production_owner=owner,
        released=released, name=name, notes=notes, tags=tags))

EMBEDS = Reader("embeds", (
    ("id", _text), ("person", _text), ("host", _text), ("purpose", _text),
    ("start_date", _day), ("end_date", _day), ("name", _text), ("notes", _text),
    ("tags", _tags)),
    lambda id, person, host, purpose, start, end, name, notes, tags: Embed(
        id=id, person=person, host=host, purpose=purpose, start=start, end=end, name=name,
        notes=notes, tags=tags))

DEPENDENCIES = Reader("dependencies", (("source", _text), ("target", _text)),
                      lambda source, target: Dependency(source=source, target=target))

FORUMS = Reader("forums", (
    ("id", _text), ("name", _text), ("notes", _text), ("tags", _tags)),
    lambda id, name, notes, tags: Forum(id=id, name=name, notes=notes, tags=tags))

REPRESENTATIVES = Reader("forum_representatives", (
    ("forum", _text), ("person", _text), ("team", _text)),
    lambda forum, person, team: (forum, Representative(person=person, team=team)))

SCENARIOS = Reader("scenarios", (
    ("id", _text), ("name", _text), ("toml", _text), ("notes", _text), ("tags", _tags)),
    lambda id, name, toml, notes, tags: Scenario(id=id, name=name, toml=toml, notes=notes,
                                                 tags=tags))

VIEWS = Reader("views", (
    ("id", _text), ("name", _text), ("layout", _enum(Layout)), ("filters", _object),
    ("positions", _positions), ("zoom", _number), ("notes", _text), ("tags", _tags)),
    lambda id, name, layout, filters, positions, zoom, notes, tags: View(
        id=id, name=name, layout=layout, filters=filters, positions=positions, zoom=zoom,
        notes=notes, tags=tags))
