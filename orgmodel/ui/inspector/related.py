"""What hangs on the entity the inspector shows, as a few read-only lines of rich text.

A team lists its size, sub-teams, services and the embeds it hosts; a person their embeds and
reports; a service what it depends on and what depends on it; a platform its versions; a platform
version the services running on it. Qt-free: the inspector puts the text in a label.
"""

from __future__ import annotations

import html
from typing import Any

from orgmodel.core.entities import Person, Platform, PlatformVersion, Service, Team
from orgmodel.core.model import OrgModel
from orgmodel.ui.labels import entity_name

LIMIT = 6


def _names(model: OrgModel, entities: list[Any]) -> str:
    shown = ", ".join(html.escape(entity_name(model, e)) for e in entities[:LIMIT])
    more = len(entities) - LIMIT
    return shown + (f" and {more} more" if more > 0 else "") if entities else "none"


def _line(label: str, text: str) -> str:
    return f"<b>{html.escape(label)}:</b> {text}"


def related_lines(model: OrgModel, entity: Any) -> list[str]:
    """Rich-text lines describing the entity's neighbours (empty for kinds with none)."""
    if isinstance(entity, Team):
        members = model.members(entity.id)
        services = [s for s in model.services.values() if s.owner == entity.id]
        hosted = [e for e in model.embeds.values() if e.host == entity.id]
        lines = [_line("People", f"{len(members)} ({sum(p.fte for p in members):g} FTE)"),
                 _line("Sub-teams", _names(model, model.children(entity.id))),
                 _line("Owns", _names(model, services))]
        supported = [s for s in model.services.values() if s.sre_team == entity.id]
        operated = [v for v in model.platform_versions.values() if v.production_owner == entity.id]
        if supported:
            lines.append(_line("Supports (SRE)", _names(model, supported)))
        if operated:
            lines.append(_line("Runs in production", _names(model, operated)))
        if hosted:
            lines.append(_line("Hosts embeds", _names(model, hosted)))
        return lines
    if isinstance(entity, Person):
        embeds = [e for e in model.embeds.values() if e.person == entity.id]
        reports = [p for p in model.people.values() if p.manager == entity.id]
        return [_line("Embeds", _names(model, embeds)), _line("Reports", _names(model, reports))]
    if isinstance(entity, Service):
        deps = model.dependencies.values()
        uses = [model.services[d.target] for d in deps if d.source == entity.id and d.target in model.services]
        used = [model.services[d.source] for d in deps if d.target == entity.id and d.source in model.services]
        return [_line("Depends on", _names(model, uses)), _line("Used by", _names(model, used))]
    if isinstance(entity, Platform):
        versions = [v for v in model.platform_versions.values() if v.platform == entity.id]
        return [_line("Versions", _names(model, versions))]
    if isinstance(entity, PlatformVersion):
        running = [s for s in model.services.values() if s.platform_version == entity.id]
        return [_line("Runs", _names(model, running))]
    return []
