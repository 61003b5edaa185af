"""Human labels for enum values and entities, shared by the explorer, inspector and findings.

One place that turns ``Role.SRE_SE`` into "SRE-SE" and an embed into "Ada → Payments", so every
panel says the same thing. Qt-free.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from orgmodel.core.entities import (
    Embed,
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Service,
    Team,
    View,
)
from orgmodel.core.kinds import Support
from orgmodel.core.model import OrgModel

_SPECIAL = {
    "sre": "SRE",
    "sre_se": "SRE-SE",
    "sre_swe": "SRE-SWE",
    "vm": "VM",
    "dev": "Developers",
    "org_chart": "Org chart",
}


def enum_label(value: Enum | str) -> str:
    raw = value.value if isinstance(value, Enum) else str(value)
    if raw in _SPECIAL:
        return _SPECIAL[raw]
    return raw.replace("_", " ").capitalize()


def entity_name(model: OrgModel, entity: Any) -> str:
    """The name shown for an entity in lists and trees."""
    if isinstance(entity, PlatformVersion):
        platform = model.platforms.get(entity.platform)
        base = f"{platform.name} {entity.version}" if platform else entity.version
        return f"{base} ({entity.name})" if entity.name else base
    if isinstance(entity, Embed):
        person = model.people.get(entity.person)
        host = model.teams.get(entity.host)
        who = person.name if person else entity.person
        where = host.name if host else entity.host
        return entity.name or f"{who} → {where}"
    name = getattr(entity, "name", "")
    return name or str(getattr(entity, "id", ""))


_SHORT_ROLE = {
    "software_engineer": "Software eng.",
    "platform_engineer": "Platform eng.",
    "automation_engineer": "Automation eng.",
    "sre_se": "SRE-SE",
    "sre_swe": "SRE-SWE",
    "manager": "Manager",
    "other": "Other role",
}


def entity_detail(model: OrgModel, entity: Any) -> str:
    """A short second column (fits ~110 px): kind, role, tier and support, status..."""
    if isinstance(entity, Team):
        text = enum_label(entity.kind)
        return text + (" · on-call" if entity.has_oncall else "")
    if isinstance(entity, Person):
        text = _SHORT_ROLE.get(entity.role.value, enum_label(entity.role))
        return text + (f" · {entity.fte:g}" if entity.fte < 1 else "")
    if isinstance(entity, Service):
        support = "SRE" if entity.support is Support.SRE else "dev"
        return f"T{entity.tier} · {support}"
    if isinstance(entity, Platform):
        return enum_label(entity.kind)
    if isinstance(entity, PlatformVersion):
        return enum_label(entity.status)
    if isinstance(entity, Embed):
        return entity.purpose
    if isinstance(entity, Forum):
        count = len(entity.representatives)
        return f"{count} rep{'s' if count != 1 else ''}"
    if isinstance(entity, View):
        return enum_label(entity.layout)
    return ""


def entity_tooltip(model: OrgModel, entity: Any) -> str:
    """The long form of ``entity_detail`` for tooltips."""
    if isinstance(entity, Team):
        kind = "group" if entity.kind.value == "group" else f"{enum_label(entity.kind)} team"
        return kind + (", runs its own on-call" if entity.has_oncall else "")
    if isinstance(entity, Person):
        return f"{enum_label(entity.role)}, {entity.fte:g} FTE" + (
            f", {entity.location}" if entity.location else "")
    if isinstance(entity, Service):
        who = "developers" if entity.support is Support.DEV else "SRE"
        return f"tier {entity.tier}, supported by {who}"
    return entity_detail(model, entity)
