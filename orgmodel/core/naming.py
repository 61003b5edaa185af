"""Names of things for people: the kind of an entity, its label, and a short description.

``kind_of(entity)`` maps an entity to its collection, ``describe(entity)`` gives ``team 'Payments'``
for messages, command texts and the UI. Not for identity (ids do that) nor for validation.
"""

from __future__ import annotations

from typing import Any

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Scenario,
    Service,
    Team,
    View,
)
from orgmodel.core.kinds import EntityKind

KIND_OF_TYPE: dict[type, EntityKind] = {
    Team: EntityKind.TEAM,
    Person: EntityKind.PERSON,
    Service: EntityKind.SERVICE,
    Platform: EntityKind.PLATFORM,
    PlatformVersion: EntityKind.PLATFORM_VERSION,
    Embed: EntityKind.EMBED,
    Dependency: EntityKind.DEPENDENCY,
    Forum: EntityKind.FORUM,
    Scenario: EntityKind.SCENARIO,
    View: EntityKind.VIEW,
}

LABEL: dict[EntityKind, str] = {
    EntityKind.TEAM: "team",
    EntityKind.PERSON: "person",
    EntityKind.SERVICE: "service",
    EntityKind.PLATFORM: "platform",
    EntityKind.PLATFORM_VERSION: "platform version",
    EntityKind.EMBED: "embed",
    EntityKind.DEPENDENCY: "dependency",
    EntityKind.FORUM: "forum",
    EntityKind.SCENARIO: "scenario",
    EntityKind.VIEW: "view",
}


def kind_of(entity: Any) -> EntityKind:
    """The collection ``entity`` belongs in; ``TypeError`` for anything that is not an entity."""
    try:
        return KIND_OF_TYPE[type(entity)]
    except KeyError:
        raise TypeError(f"not an entity: {entity!r}") from None


def describe(entity: Any) -> str:
    """A short human name: ``team 'Payments'``."""
    label = LABEL[kind_of(entity)]
    name = getattr(entity, "name", "") or getattr(entity, "version", "") or entity.id
    return f"{label} '{name}'"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
