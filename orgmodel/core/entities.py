"""The entities of an organisation as frozen dataclasses.

Entities are values: the ``OrgModel`` aggregate holds them and replaces them whole on every change
(``dataclasses.replace``), which makes undo snapshots and events trivial. Field names are those of
orgmodel JSON (DESIGN.md section 4). References are ids (strings). Not for rules: the aggregate
checks references and invariants.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from orgmodel.core.kinds import (
    Architecture,
    EmbedKind,
    Layout,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)


def new_id() -> str:
    """A fresh id for an entity created in the application (uuid4 hex)."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Organisation:
    name: str = "Untitled organisation"
    description: str = ""
    planning_start: date | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Team:
    id: str
    name: str
    kind: TeamKind = TeamKind.SOFTWARE
    parent: str | None = None
    sites: int = 1
    has_oncall: bool = False
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: Role = Role.SOFTWARE_ENGINEER
    team: str | None = None
    manager: str | None = None
    fte: float = 1.0
    location: str = ""
    email: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()


LOAD_KEYS = ("incidents_per_week", "tickets_per_week", "toil_hours", "releases_per_week")


@dataclass(frozen=True)
class ServiceLoad:
    """Per-service overrides of the scenario's base demand rates (None = use the scenario's)."""

    incidents_per_week: float | None = None
    tickets_per_week: float | None = None
    toil_hours: float | None = None
    releases_per_week: float | None = None

    def as_dict(self) -> dict[str, float]:
        return {k: v for k in LOAD_KEYS if (v := getattr(self, k)) is not None}


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    owner: str | None = None
    architecture: Architecture = Architecture.MICROSERVICE
    tier: int = 2
    support: Support = Support.DEV
    sre_team: str | None = None
    platform_version: str | None = None
    load: ServiceLoad = field(default_factory=ServiceLoad)
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Platform:
    id: str
    name: str
    kind: PlatformKind = PlatformKind.CONTAINER
    owner: str | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlatformVersion:
    id: str
    platform: str
    version: str
    status: VersionStatus = VersionStatus.PLANNED
    production_owner: str | None = None
    released: date | None = None
    name: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Embed:
    """An engineer working inside another team for a while (embed, not rotate)."""

    id: str
    person: str
    host: str
    purpose: str = ""
    start: date | None = None
    end: date | None = None
    name: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()

    def is_active(self, on: date) -> bool:
        started = self.start is None or self.start <= on
        not_ended = self.end is None or on <= self.end
        return started and not_ended

    def weeks(self) -> float | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days / 7.0


def embed_kind(role: Role) -> EmbedKind:
    """Derived kind of an embed from the embedded person's role."""
    if role is Role.AUTOMATION_ENGINEER or role is Role.PLATFORM_ENGINEER:
        return EmbedKind.AUTOMATION
    if role is Role.SRE_SWE or role is Role.SRE_SE:
        return EmbedKind.PERFORMANCE
    return EmbedKind.OTHER


@dataclass(frozen=True)
class Dependency:
    """Service ``source`` depends on service ``target``. Its id is derived from both ends."""

    source: str
    target: str

    @cached_property
    def id(self) -> str:
        # cached (outside the dataclass fields, so equality and fields() are unchanged): the
        # model finds entities by id in order lists, where the same string object is fastest
        return dependency_id(self.source, self.target)


DEPENDENCY_ID = "{}->{}"
"""``DEPENDENCY_ID.format(source, target)`` is the id of a dependency (``Dependency.id``)."""


def dependency_id(source: str, target: str) -> str:
    """The id of the dependency of ``source`` on ``target`` (``Dependency.id``)."""
    return DEPENDENCY_ID.format(source, target)


@dataclass(frozen=True)
class Representative:
    person: str
    team: str


@dataclass(frozen=True)
class Forum:
    id: str
    name: str
    representatives: tuple[Representative, ...] = ()
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scenario:
    id: str
    name: str
    toml: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class View:
    """A saved diagram view; the order of views in the model is the order of slides."""

    id: str
    name: str
    layout: Layout = Layout.ORG_CHART
    filters: dict[str, Any] = field(default_factory=dict)
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    zoom: float = 1.0
    notes: str = ""
    tags: tuple[str, ...] = ()

    def __hash__(self) -> int:
        return hash(self.id)


Entity = (
    Team
    | Person
    | Service
    | Platform
    | PlatformVersion
    | Embed
    | Dependency
    | Forum
    | Scenario
    | View
)
