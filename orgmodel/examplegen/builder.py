"""A small helper that builds example organisations with readable ids.

``ExampleBuilder`` wraps an ``OrgModel`` and adds entities through the model's own ``add`` (so
every invariant is checked while an example is generated), deriving ids such as ``team-payments``
or ``person-amara-okafor`` from names. It is for the bundled example generators only: it is not an
editing API (the application edits through ``orgmodel.editing`` commands).
"""

from __future__ import annotations

import re
import unicodedata
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
from orgmodel.core.model import OrgModel


def slug(text: str) -> str:
    """Lowercase ASCII words joined by dashes: ``"Site Reliability"`` -> ``"site-reliability"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


class ExampleBuilder:
    """Adds entities to a fresh model with ids derived from a prefix and a slug of the name."""

    def __init__(self, organisation: Organisation) -> None:
        self.model = OrgModel(organisation)

    def _unique(self, base: str) -> str:
        candidate, n = base, 2
        while candidate in self.model:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def team(
        self,
        name: str,
        kind: TeamKind,
        parent: str | None = None,
        *,
        sites: int = 1,
        has_oncall: bool = False,
        key: str | None = None,
        notes: str = "",
    ) -> str:
        team_id = self._unique(f"team-{key or slug(name)}")
        self.model.add(Team(team_id, name, kind, parent, sites, has_oncall, notes=notes))
        return team_id

    def person(
        self,
        name: str,
        role: Role,
        team: str | None,
        manager: str | None = None,
        *,
        location: str = "",
        email_domain: str = "",
        fte: float = 1.0,
    ) -> str:
        person_id = self._unique(f"person-{slug(name)}")
        email = f"{slug(name).replace('-', '.')}@{email_domain}" if email_domain else ""
        self.model.add(Person(person_id, name, role, team, manager, fte, location, email))
        return person_id

    def platform(
        self,
        name: str,
        kind: PlatformKind,
        owner: str | None,
        *,
        key: str | None = None,
        notes: str = "",
    ) -> str:
        platform_id = self._unique(f"platform-{key or slug(name)}")
        self.model.add(Platform(platform_id, name, kind, owner, notes=notes))
        return platform_id

    def version(
        self,
        platform: str,
        version: str,
        status: VersionStatus,
        *,
        production_owner: str | None = None,
        released: date | None = None,
        notes: str = "",
    ) -> str:
        short = platform.removeprefix("platform-")
        version_id = self._unique(f"pv-{short}-{slug(version)}")
        self.model.add(
            PlatformVersion(
                version_id, platform, version, status, production_owner, released, notes=notes
            )
        )
        return version_id

    def service(
        self,
        name: str,
        owner: str | None,
        *,
        tier: int = 2,
        architecture: Architecture = Architecture.MICROSERVICE,
        sre_team: str | None = None,
        platform_version: str | None = None,
        load: ServiceLoad | None = None,
        key: str | None = None,
        tags: tuple[str, ...] = (),
        notes: str = "",
    ) -> str:
        service_id = self._unique(f"svc-{key or slug(name)}")
        support = Support.SRE if sre_team else Support.DEV
        self.model.add(
            Service(
                service_id,
                name,
                owner,
                architecture,
                tier,
                support,
                sre_team,
                platform_version,
                load or ServiceLoad(),
                notes=notes,
                tags=tags,
            )
        )
        return service_id

    def embed(
        self,
        person: str,
        host: str,
        purpose: str,
        start: date | None,
        end: date | None,
        *,
        notes: str = "",
    ) -> str:
        embed_id = self._unique(
            f"embed-{person.removeprefix('person-')}-{host.removeprefix('team-')}"
        )
        self.model.add(Embed(embed_id, person, host, purpose, start, end, notes=notes))
        return embed_id

    def depends(self, source: str, target: str) -> None:
        self.model.add(Dependency(source, target))

    def forum(
        self,
        name: str,
        representatives: list[tuple[str, str]],
        *,
        notes: str = "",
        key: str | None = None,
    ) -> str:
        forum_id = self._unique(f"forum-{key or slug(name)}")
        reps = tuple(Representative(person, team) for person, team in representatives)
        self.model.add(Forum(forum_id, name, reps, notes=notes))
        return forum_id

    def scenario(self, scenario_id: str, name: str, toml: str, *, notes: str = "") -> str:
        self.model.add(Scenario(scenario_id, name, toml, notes=notes))
        return scenario_id

    def view(
        self,
        view_id: str,
        name: str,
        layout: Layout,
        filters: dict[str, Any] | None = None,
        *,
        notes: str = "",
    ) -> str:
        self.model.add(View(view_id, name, layout, dict(filters or {}), {}, notes=notes))
        return view_id
