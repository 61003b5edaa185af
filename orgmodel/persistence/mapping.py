"""Explicit conversion between core entities and the rows of ``schema.py``, both ways.

Writing turns each entity into a dict of column values (ready for one bulk ``insert`` per table);
reading turns a result row back into the entity, checking every value's type on the way because a
document is untrusted input (SQLite does not enforce column types). A bad value raises
``DocumentError`` naming the table, the row and the column. Not for invariants between entities
(the ``OrgModel`` aggregate checks those) and not for files (that is ``store.py``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
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
from orgmodel.persistence.parsers import (
    BOOL,
    DAY,
    INT,
    NUMBER,
    OBJECT,
    OPT_NUMBER,
    OPT_TEXT,
    POSITIONS,
    TAGS,
    TEXT,
    Reader,
    enum,
    instances,
    rowwise,
)

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
    return {
        "id": 1,
        "name": org.name,
        "description": org.description,
        "planning_start": _iso(org.planning_start),
        "notes": org.notes,
        "tags": _tags_text(org.tags),
    }


def team_row(team: Team, position: int) -> dict[str, Any]:
    return {
        "id": team.id,
        "position": position,
        "name": team.name,
        "kind": team.kind.value,
        "parent": team.parent,
        "sites": team.sites,
        "has_oncall": team.has_oncall,
        "notes": team.notes,
        "tags": _tags_text(team.tags),
    }


def person_row(person: Person, position: int) -> dict[str, Any]:
    return {
        "id": person.id,
        "position": position,
        "name": person.name,
        "role": person.role.value,
        "team": person.team,
        "manager": person.manager,
        "fte": person.fte,
        "location": person.location,
        "email": person.email,
        "notes": person.notes,
        "tags": _tags_text(person.tags),
    }


def service_row(service: Service, position: int) -> dict[str, Any]:
    load = service.load
    return {
        "id": service.id,
        "position": position,
        "name": service.name,
        "owner": service.owner,
        "architecture": service.architecture.value,
        "tier": service.tier,
        "support": service.support.value,
        "sre_team": service.sre_team,
        "platform_version": service.platform_version,
        "incidents_per_week": load.incidents_per_week,
        "tickets_per_week": load.tickets_per_week,
        "toil_hours": load.toil_hours,
        "releases_per_week": load.releases_per_week,
        "notes": service.notes,
        "tags": _tags_text(service.tags),
    }


def platform_row(platform: Platform, position: int) -> dict[str, Any]:
    return {
        "id": platform.id,
        "position": position,
        "name": platform.name,
        "kind": platform.kind.value,
        "owner": platform.owner,
        "notes": platform.notes,
        "tags": _tags_text(platform.tags),
    }


def platform_version_row(version: PlatformVersion, position: int) -> dict[str, Any]:
    return {
        "id": version.id,
        "position": position,
        "platform": version.platform,
        "version": version.version,
        "status": version.status.value,
        "production_owner": version.production_owner,
        "released": _iso(version.released),
        "name": version.name,
        "notes": version.notes,
        "tags": _tags_text(version.tags),
    }


def embed_row(embed: Embed, position: int) -> dict[str, Any]:
    return {
        "id": embed.id,
        "position": position,
        "person": embed.person,
        "host": embed.host,
        "purpose": embed.purpose,
        "start_date": _iso(embed.start),
        "end_date": _iso(embed.end),
        "name": embed.name,
        "notes": embed.notes,
        "tags": _tags_text(embed.tags),
    }


def dependency_row(dependency: Dependency, position: int) -> dict[str, Any]:
    return {"source": dependency.source, "target": dependency.target, "position": position}


def forum_row(forum: Forum, position: int) -> dict[str, Any]:
    return {
        "id": forum.id,
        "position": position,
        "name": forum.name,
        "notes": forum.notes,
        "tags": _tags_text(forum.tags),
    }


def representative_rows(forum: Forum) -> list[dict[str, Any]]:
    return [
        {"forum": forum.id, "position": i, "person": rep.person, "team": rep.team}
        for i, rep in enumerate(forum.representatives)
    ]


def scenario_row(scenario: Scenario, position: int) -> dict[str, Any]:
    return {
        "id": scenario.id,
        "position": position,
        "name": scenario.name,
        "toml": scenario.toml,
        "notes": scenario.notes,
        "tags": _tags_text(scenario.tags),
    }


def view_row(view: View, position: int) -> dict[str, Any]:
    where = f"The filters or positions of view '{view.name}'"
    positions = {key: [x, y] for key, (x, y) in view.positions.items()}
    return {
        "id": view.id,
        "position": position,
        "name": view.name,
        "layout": view.layout.value,
        "filters": _json_text(view.filters, where),
        "positions": _json_text(positions, where),
        "zoom": view.zoom,
        "notes": view.notes,
        "tags": _tags_text(view.tags),
    }


# ------------------------------------------------------------------------------- reading
#
# Each reader lists (column, parser) in the order they are selected, and a builder that names
# every dataclass field; ``parsers.py`` checks the stored values.


_NO_OVERRIDES = (None, None, None, None)


def _services(columns: Sequence[Sequence[Any]]) -> list[Service]:
    """Services from their columns; the four load columns become one ``ServiceLoad`` each (the
    services without overrides share one: it is an immutable value)."""
    empty = ServiceLoad()
    loads = [
        empty if values == _NO_OVERRIDES else ServiceLoad(*values)
        for values in zip(*columns[8:12], strict=True)
    ]
    return _SERVICE([*columns[:8], loads, *columns[12:]])


_SERVICE = instances(
    Service,
    "id",
    "name",
    "owner",
    "architecture",
    "tier",
    "support",
    "sre_team",
    "platform_version",
    "load",
    "notes",
    "tags",
)

ORGANISATION = Reader(
    "organisation",
    (
        ("name", TEXT),
        ("description", TEXT),
        ("planning_start", DAY),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    rowwise(
        lambda name, description, start, notes, tags: Organisation(
            name=name, description=description, planning_start=start, notes=notes, tags=tags
        )
    ),
)

TEAMS = Reader(
    "teams",
    (
        ("id", TEXT),
        ("name", TEXT),
        ("kind", enum(TeamKind)),
        ("parent", OPT_TEXT),
        ("sites", INT),
        ("has_oncall", BOOL),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(Team, "id", "name", "kind", "parent", "sites", "has_oncall", "notes", "tags"),
)

PEOPLE = Reader(
    "people",
    (
        ("id", TEXT),
        ("name", TEXT),
        ("role", enum(Role)),
        ("team", OPT_TEXT),
        ("manager", OPT_TEXT),
        ("fte", NUMBER),
        ("location", TEXT),
        ("email", TEXT),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(
        Person, "id", "name", "role", "team", "manager", "fte", "location", "email", "notes", "tags"
    ),
)

SERVICES = Reader(
    "services",
    (
        ("id", TEXT),
        ("name", TEXT),
        ("owner", OPT_TEXT),
        ("architecture", enum(Architecture)),
        ("tier", INT),
        ("support", enum(Support)),
        ("sre_team", OPT_TEXT),
        ("platform_version", OPT_TEXT),
        ("incidents_per_week", OPT_NUMBER),
        ("tickets_per_week", OPT_NUMBER),
        ("toil_hours", OPT_NUMBER),
        ("releases_per_week", OPT_NUMBER),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    _services,
)

PLATFORMS = Reader(
    "platforms",
    (
        ("id", TEXT),
        ("name", TEXT),
        ("kind", enum(PlatformKind)),
        ("owner", OPT_TEXT),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(Platform, "id", "name", "kind", "owner", "notes", "tags"),
)

PLATFORM_VERSIONS = Reader(
    "platform_versions",
    (
        ("id", TEXT),
        ("platform", TEXT),
        ("version", TEXT),
        ("status", enum(VersionStatus)),
        ("production_owner", OPT_TEXT),
        ("released", DAY),
        ("name", TEXT),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(
        PlatformVersion,
        "id",
        "platform",
        "version",
        "status",
        "production_owner",
        "released",
        "name",
        "notes",
        "tags",
    ),
)

EMBEDS = Reader(
    "embeds",
    (
        ("id", TEXT),
        ("person", TEXT),
        ("host", TEXT),
        ("purpose", TEXT),
        ("start_date", DAY),
        ("end_date", DAY),
        ("name", TEXT),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(Embed, "id", "person", "host", "purpose", "start", "end", "name", "notes", "tags"),
)

DEPENDENCIES = Reader(
    "dependencies", (("source", TEXT), ("target", TEXT)), rowwise(Dependency)
)  # two fields: plain calls are quicker

FORUMS = Reader(
    "forums",
    (("id", TEXT), ("name", TEXT), ("notes", TEXT), ("tags", TAGS)),
    rowwise(lambda id, name, notes, tags: Forum(id=id, name=name, notes=notes, tags=tags)),
)

REPRESENTATIVES = Reader(
    "forum_representatives",
    (("forum", TEXT), ("person", TEXT), ("team", TEXT)),
    rowwise(lambda forum, person, team: (forum, Representative(person=person, team=team))),
)

SCENARIOS = Reader(
    "scenarios",
    (("id", TEXT), ("name", TEXT), ("toml", TEXT), ("notes", TEXT), ("tags", TAGS)),
    instances(Scenario, "id", "name", "toml", "notes", "tags"),
)

VIEWS = Reader(
    "views",
    (
        ("id", TEXT),
        ("name", TEXT),
        ("layout", enum(Layout)),
        ("filters", OBJECT),
        ("positions", POSITIONS),
        ("zoom", NUMBER),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(View, "id", "name", "layout", "filters", "positions", "zoom", "notes", "tags"),
)
