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
from datetime import date
from enum import Enum
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


def _json(value: Any, where: str) -> str:
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
            "filters": _json(view.filters, where), "positions": _json(positions, where),
            "zoom": view.zoom, "notes": view.notes, "tags": _tags_text(view.tags)}


# ------------------------------------------------------------------------------- reading


class Cell:
    """Typed access to the columns of one stored row, with errors that name the place."""

    def __init__(self, row: Any, table: str) -> None:
        self.row = row
        key = getattr(row, "id", None)
        self.where = f"the {table} row '{key}'" if isinstance(key, str) else f"a {table} row"

    def _bad(self, column: str, expected: str) -> DocumentError:
        value = getattr(self.row, column)
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        return DocumentError(f"In {self.where}, {column} should be {expected}, not {shown}.")

    def text(self, column: str) -> str:
        value = getattr(self.row, column)
        if not isinstance(value, str):
            raise self._bad(column, "text")
        return value

    def opt_text(self, column: str) -> str | None:
        return None if getattr(self.row, column) is None else self.text(column)

    def integer(self, column: str) -> int:
        value = getattr(self.row, column)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._bad(column, "a whole number")
        return value

    def boolean(self, column: str) -> bool:
        value = getattr(self.row, column)
        if not isinstance(value, bool):
            raise self._bad(column, "true or false")
        return value

    def number(self, column: str) -> float:
        value = getattr(self.row, column)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise self._bad(column, "a number")
        return float(value)

    def opt_number(self, column: str) -> float | None:
        return None if getattr(self.row, column) is None else self.number(column)

    def enum(self, column: str, kind: type[E]) -> E:
        value = getattr(self.row, column)
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(str(e.value) for e in kind)
            raise self._bad(column, f"one of {choices}") from None

    def day(self, column: str) -> date | None:
        value = getattr(self.row, column)
        if value is None:
            return None
        try:
            return date.fromisoformat(self.text(column))
        except ValueError:
            raise self._bad(column, "a date like 2026-01-05") from None

    def json(self, column: str) -> Any:
        try:
            return json.loads(self.text(column))
        except ValueError:
            raise self._bad(column, "JSON text") from None

    def tags(self, column: str = "tags") -> tuple[str, ...]:
        value = self.json(column)
        if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
            raise self._bad(column, "a JSON list of strings")
        return tuple(value)

    def json_object(self, column: str) -> dict[str, Any]:
        value = self.json(column)
        if not isinstance(value, dict):
            raise self._bad(column, "a JSON object")
        return value

    def positions(self, column: str) -> dict[str, tuple[float, float]]:
        out: dict[str, tuple[float, float]] = {}
        for key, pos in self.json_object(column).items():
            ok = isinstance(pos, list) and len(pos) == 2 and all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in pos)
            if not ok:
                raise self._bad(column, "a JSON object of [x, y] pairs")
            out[key] = (float(pos[0]), float(pos[1]))
        return out


def organisation_from(row: Any) -> Organisation:
    c = Cell(row, "organisation")
    return Organisation(name=c.text("name"), description=c.text("description"),
                        planning_start=c.day("planning_start"), notes=c.text("notes"),
                        tags=c.tags())


def team_from(row: Any) -> Team:
    c = Cell(row, "teams")
    return Team(id=c.text("id"), name=c.text("name"), kind=c.enum("kind", TeamKind),
                parent=c.opt_text("parent"), sites=c.integer("sites"),
                has_oncall=c.boolean("has_oncall"), notes=c.text("notes"), tags=c.tags())


def person_from(row: Any) -> Person:
    c = Cell(row, "people")
    return Person(id=c.text("id"), name=c.text("name"), role=c.enum("role", Role),
                  team=c.opt_text("team"), manager=c.opt_text("manager"), fte=c.number("fte"),
                  location=c.text("location"), email=c.text("email"), notes=c.text("notes"),
                  tags=c.tags())


def service_from(row: Any) -> Service:
    c = Cell(row, "services")
    load = ServiceLoad(incidents_per_week=c.opt_number("incidents_per_week"),
                       tickets_per_week=c.opt_number("tickets_per_week"),
                       toil_hours=c.opt_number("toil_hours"),
                       releases_per_week=c.opt_number("releases_per_week"))
    return Service(id=c.text("id"), name=c.text("name"), owner=c.opt_text("owner"),
                   architecture=c.enum("architecture", Architecture), tier=c.integer("tier"),
                   support=c.enum("support", Support), sre_team=c.opt_text("sre_team"),
                   platform_version=c.opt_text("platform_version"), load=load,
                   notes=c.text("notes"), tags=c.tags())


def platform_from(row: Any) -> Platform:
    c = Cell(row, "platforms")
    return Platform(id=c.text("id"), name=c.text("name"), kind=c.enum("kind", PlatformKind),
                    owner=c.opt_text("owner"), notes=c.text("notes"), tags=c.tags())


def platform_version_from(row: Any) -> PlatformVersion:
    c = Cell(row, "platform_versions")
    return PlatformVersion(id=c.text("id"), platform=c.text("platform"),
                           version=c.text("version"), status=c.enum("status", VersionStatus),
                           production_owner=c.opt_text("production_owner"),
                           released=c.day("released"), name=c.text("name"),
                           notes=c.text("notes"), tags=c.tags())


def embed_from(row: Any) -> Embed:
    c = Cell(row, "embeds")
    return Embed(id=c.text("id"), person=c.text("person"), host=c.text("host"),
                 purpose=c.text("purpose"), start=c.day("start_date"), end=c.day("end_date"),
                 name=c.text("name"), notes=c.text("notes"), tags=c.tags())


def dependency_from(row: Any) -> Dependency:
    c = Cell(row, "dependencies")
    return Dependency(source=c.text("source"), target=c.text("target"))


def forum_from(row: Any, representatives: tuple[Representative, ...]) -> Forum:
    c = Cell(row, "forums")
    return Forum(id=c.text("id"), name=c.text("name"), representatives=representatives,
                 notes=c.text("notes"), tags=c.tags())


def representative_from(row: Any) -> tuple[str, Representative]:
    """The forum id of a stored representative, and the representative."""
    c = Cell(row, "forum_representatives")
    return c.text("forum"), Representative(person=c.text("person"), team=c.text("team"))


def scenario_from(row: Any) -> Scenario:
    c = Cell(row, "scenarios")
    return Scenario(id=c.text("id"), name=c.text("name"), toml=c.text("toml"),
                    notes=c.text("notes"), tags=c.tags())


def view_from(row: Any) -> View:
    c = Cell(row, "views")
    return View(id=c.text("id"), name=c.text("name"), layout=c.enum("layout", Layout),
                filters=c.json_object("filters"), positions=c.positions("positions"),
                zoom=c.number("zoom"), notes=c.text("notes"), tags=c.tags())
