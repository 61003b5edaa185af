"""A tiny builder of hand-made organisations for the analysis tests (``org`` fixture)."""

from __future__ import annotations

from datetime import date

import pytest

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Forum,
    Organisation,
    Person,
    Platform,
    PlatformVersion,
    Representative,
    Service,
    Team,
)
from orgmodel.core.kinds import Role, Support, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel

TODAY = date(2026, 6, 1)

DEFAULT_ROLE = {
    TeamKind.GROUP: Role.MANAGER,
    TeamKind.SOFTWARE: Role.SOFTWARE_ENGINEER,
    TeamKind.PLATFORM: Role.PLATFORM_ENGINEER,
    TeamKind.AUTOMATION: Role.AUTOMATION_ENGINEER,
    TeamKind.SRE: Role.SRE_SE,
}


class Org:
    """Adds entities with short calls; every method returns the id it added."""

    def __init__(self) -> None:
        self.model = OrgModel(Organisation(name="Test org"))
        self._n = 0

    def team(
        self,
        tid: str,
        kind: TeamKind = TeamKind.SOFTWARE,
        size: int = 5,
        parent: str | None = None,
        oncall: bool = False,
        sites: int = 1,
        role: Role | None = None,
    ) -> str:
        self.model.add(
            Team(tid, tid.title(), kind=kind, parent=parent, has_oncall=oncall, sites=sites)
        )
        for _ in range(size):
            self.person(tid, role or DEFAULT_ROLE[kind])
        return tid

    def person(
        self,
        team: str | None,
        role: Role = Role.SOFTWARE_ENGINEER,
        manager: str | None = None,
        fte: float = 1.0,
        location: str = "",
        pid: str | None = None,
    ) -> str:
        self._n += 1
        pid = pid or f"p{self._n}"
        self.model.add(
            Person(
                pid,
                f"Person {self._n}",
                role=role,
                team=team,
                manager=manager,
                fte=fte,
                location=location,
            )
        )
        return pid

    def service(
        self,
        sid: str,
        owner: str | None = None,
        tier: int = 2,
        sre: str | None = None,
        version: str | None = None,
    ) -> str:
        self.model.add(
            Service(
                sid,
                sid.title(),
                owner=owner,
                tier=tier,
                support=Support.SRE if sre else Support.DEV,
                sre_team=sre,
                platform_version=version,
            )
        )
        return sid

    def platform(self, pid: str, owner: str | None = None) -> str:
        self.model.add(Platform(pid, pid.title(), owner=owner))
        return pid

    def version(
        self,
        vid: str,
        platform: str,
        status: VersionStatus = VersionStatus.RELEASED,
        owner: str | None = None,
    ) -> str:
        self.model.add(
            PlatformVersion(
                vid, platform, vid.split("-")[-1], status=status, production_owner=owner
            )
        )
        return vid

    def embed(
        self, eid: str, person: str, host: str, start: date | None = None, end: date | None = None
    ) -> str:
        self.model.add(Embed(eid, person, host, start=start, end=end))
        return eid

    def depend(self, source: str, target: str) -> None:
        self.model.add(Dependency(source, target))

    def forum(self, fid: str, *reps: tuple[str, str]) -> str:
        self.model.add(Forum(fid, fid.title(), tuple(Representative(p, t) for p, t in reps)))
        return fid


@pytest.fixture
def org() -> Org:
    return Org()
