"""A tiny organisation for the core tests (``model`` fixture): one of each thing that refers."""

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
    View,
)
from orgmodel.core.kinds import Role, Support, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel


def build_model() -> OrgModel:
    m = OrgModel(Organisation(name="Acme"))
    m.add(Team("eng", "Engineering", TeamKind.GROUP))
    m.add(Team("pay", "Payments", parent="eng"))
    m.add(Team("plat", "Platform", TeamKind.PLATFORM, parent="eng"))
    m.add(Team("sre", "SRE", TeamKind.SRE, parent="eng"))
    m.add(Person("boss", "Bea", Role.MANAGER, team="eng"))
    m.add(Person("bob", "Bob", team="pay", manager="boss"))
    m.add(Person("cy", "Cy", team="pay", manager="bob"))
    m.add(Person("dee", "Dee", Role.AUTOMATION_ENGINEER, team="plat", manager="boss"))
    m.add(Platform("k8s", "Kubernetes", owner="plat"))
    m.add(PlatformVersion("k8s-3", "k8s", "3.0", VersionStatus.PRODUCTION, "sre"))
    m.add(Service("ledger", "Ledger", owner="pay", support=Support.SRE, sre_team="sre"))
    m.add(Service("web", "Web", owner="pay", platform_version="k8s-3"))
    m.add(Embed("e1", "dee", "pay", "messaging", date(2026, 1, 5), date(2026, 3, 2)))
    m.add(Dependency("web", "ledger"))
    m.add(Forum("sos", "Scrum of scrums", (Representative("bob", "pay"),)))
    m.add(View("v1", "One"))
    m.add(View("v2", "Two"))
    return m


@pytest.fixture
def model() -> OrgModel:
    return build_model()
