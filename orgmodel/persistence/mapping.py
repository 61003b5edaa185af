"""Explicit conversion of core entities into the rows of ``schema.py``.

Writing turns each entity into a dict of column values (ready for one bulk ``insert`` per table).
Reading rows back into entities is ``readers.py`` (one ``Reader`` per table, every value checked,
because a document is untrusted input). Not for invariants between entities (the ``OrgModel``
aggregate checks those) and not for files (that is ``store.py``).
"""

from __future__ import annotations

import json
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
    Scenario,
    Service,
    Team,
    View,
)
from orgmodel.persistence.errors import DocumentError

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
