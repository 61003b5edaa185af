"""What the inspector shows for each kind of entity: one ``FieldSpec`` per field of DESIGN.md §2.

A spec names the dataclass field, its label, the editor to use (text, enum, reference, number,
date, ...) and, for references, which entities may be chosen. The inspector builds its form from
these, so adding a field to an entity is one line here. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from orgmodel.core.entities import (
    LOAD_KEYS,
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


@dataclass(frozen=True)
class FieldSpec:
    """One row of the inspector form."""

    name: str  # dataclass field; "load.<key>" for a service's load override
    label: str
    editor: str  # text, multiline, code, enum, ref, int, float, optfloat, date, bool, tags, readonly
    enum: type[Enum] | None = None
    ref: EntityKind | None = None
    ref_team_kind: TeamKind | None = None  # only teams of this kind may be chosen
    minimum: float = 0.0
    maximum: float = 0.0
    step: float = 1.0
    tooltip: str = ""


def _common_tail() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("tags", "Tags", "tags", tooltip="Comma-separated labels"),
        FieldSpec("notes", "Notes", "multiline"),
    )


_NAME = FieldSpec("name", "Name", "text")

_LOAD_LABELS = {
    "incidents_per_week": "Incidents / week",
    "tickets_per_week": "Tickets / week",
    "toil_hours": "Toil hours / week",
    "releases_per_week": "Releases / week",
}

SPECS: dict[type, tuple[FieldSpec, ...]] = {
    Organisation: (
        _NAME,
        FieldSpec("description", "Description", "multiline"),
        FieldSpec("planning_start", "Planning start", "date"),
        *_common_tail(),
    ),
    Team: (
        _NAME,
        FieldSpec("kind", "Kind", "enum", enum=TeamKind),
        FieldSpec("parent", "Part of", "ref", ref=EntityKind.TEAM),
        FieldSpec("sites", "Sites", "int", minimum=1, maximum=2,
                  tooltip="On-call sites: 1, or 2 for follow-the-sun"),
        FieldSpec("has_oncall", "Runs on-call", "bool"),
        *_common_tail(),
    ),
    Person: (
        _NAME,
        FieldSpec("role", "Role", "enum", enum=Role),
        FieldSpec("team", "Home team", "ref", ref=EntityKind.TEAM),
        FieldSpec("manager", "Reports to", "ref", ref=EntityKind.PERSON),
        FieldSpec("fte", "FTE", "float", minimum=0.0, maximum=1.0, step=0.1),
        FieldSpec("location", "Location", "text"),
        FieldSpec("email", "Email", "text"),
        *_common_tail(),
    ),
    Service: (
        _NAME,
        FieldSpec("owner", "Owning team", "ref", ref=EntityKind.TEAM,
                  tooltip="Development ownership: the team that builds it"),
        FieldSpec("architecture", "Architecture", "enum", enum=Architecture),
        FieldSpec("tier", "Tier", "int", minimum=1, maximum=4, tooltip="1 = most critical"),
        FieldSpec("support", "Support", "enum", enum=Support,
                  tooltip="Who carries the pager: the developers or an SRE team"),
        FieldSpec("sre_team", "SRE team", "ref", ref=EntityKind.TEAM, ref_team_kind=TeamKind.SRE),
        FieldSpec("platform_version", "Runs on", "ref", ref=EntityKind.PLATFORM_VERSION),
        *(FieldSpec(f"load.{key}", _LOAD_LABELS[key], "optfloat", minimum=0.0, maximum=1e6,
                    step=0.1, tooltip="Blank: use the scenario's rate") for key in LOAD_KEYS),
        *_common_tail(),
    ),
    Platform: (
        _NAME,
        FieldSpec("kind", "Kind", "enum", enum=PlatformKind),
        FieldSpec("owner", "Owning team", "ref", ref=EntityKind.TEAM, ref_team_kind=None),
        *_common_tail(),
    ),
    PlatformVersion: (
        FieldSpec("version", "Version", "text"),
        FieldSpec("name", "Name", "text", tooltip="Optional release name"),
        FieldSpec("platform", "Platform", "ref", ref=EntityKind.PLATFORM),
        FieldSpec("status", "Status", "enum", enum=VersionStatus),
        FieldSpec("production_owner", "Production owner", "ref", ref=EntityKind.TEAM,
                  ref_team_kind=TeamKind.SRE, tooltip="The SRE team the version is handed to"),
        FieldSpec("released", "Released", "date"),
        *_common_tail(),
    ),
    Embed: (
        FieldSpec("person", "Person", "ref", ref=EntityKind.PERSON),
        FieldSpec("host", "Host team", "ref", ref=EntityKind.TEAM),
        FieldSpec("purpose", "Purpose", "text"),
        FieldSpec("start", "Start", "date"),
        FieldSpec("end", "Planned end", "date"),
        FieldSpec("kind", "Kind", "readonly", tooltip="Derived from the person's role"),
        FieldSpec("name", "Name", "text", tooltip="Optional; shown instead of 'person → team'"),
        *_common_tail(),
    ),
    Dependency: (
        FieldSpec("source", "Service", "readonly"),
        FieldSpec("target", "Depends on", "readonly"),
    ),
    Forum: (_NAME, *_common_tail()),
    Scenario: (_NAME, FieldSpec("toml", "Scenario (TOML)", "code"), *_common_tail()),
    View: (
        _NAME,
        FieldSpec("layout", "Layout", "enum", enum=Layout),
        FieldSpec("zoom", "Zoom", "readonly"),
        *_common_tail(),
    ),
}


def specs_for(entity: Any) -> tuple[FieldSpec, ...]:
    return SPECS.get(type(entity), ())


def read_field(entity: Any, name: str) -> Any:
    """The current value of a spec's field (``load.<key>`` reads the service's load override)."""
    if name.startswith("load."):
        return getattr(entity.load, name.split(".", 1)[1])
    return getattr(entity, name, None)
