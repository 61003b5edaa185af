"""Models for the persistence tests: one using every field with unusual values, one of defaults."""

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


def build_rich_model() -> OrgModel:
    """Every entity kind, every field set to a non-default value, odd text, odd order."""
    org = Organisation("Åcme 株式会社", "Line one\nline two 🚀", date(2026, 1, 5), "org notes",
                       ("enterprise", "tag, with comma", ""))
    model = OrgModel(org)
    # child before parent, ids out of alphabetical order
    model.add(Team("z-sre", "SRE Ωmega", TeamKind.SRE, None, 2, True, "n", ("ops",)))
    model.add(Team("b-pay", "Payments", TeamKind.SOFTWARE, None, 1, True, "", ()))
    model.add(Team("a-eng", "Engineering", TeamKind.GROUP, None, 1, False, "", ("root",)))
    model.add(Team("plat", "Platform", TeamKind.PLATFORM, "a-eng", 1, False, "", ()))
    model.add(Team("auto", "Automation", TeamKind.AUTOMATION, "a-eng", 1, False, "", ()))
    model.change("z-sre", parent="a-eng")
    model.change("b-pay", parent="a-eng")
    model.add(Person("p-ada", "Ada Lovelace", Role.SRE_SWE, "z-sre", None, 0.75, "Zürich",
                     "ada@example.org", "likes 'quotes' and \"double\"", ("oncall", "émoji 😀")))
    model.add(Person("m-boss", "Grace", Role.MANAGER, "a-eng", None, 1, "", "", "", ()))
    model.add(Person("p-lin", "Linus", Role.SOFTWARE_ENGINEER, "b-pay", "m-boss", 0.0, "", "",
                     "", ()))
    model.add(Person("p-aru", "Aru", Role.AUTOMATION_ENGINEER, "auto", "m-boss", 1.0, "", "",
                     "", ()))
    model.add(Person("p-pe", "Pat", Role.PLATFORM_ENGINEER, "plat", "p-aru", 0.5, "", "", "", ()))
    model.add(Person("p-se", "Sam", Role.SRE_SE, "z-sre", "m-boss", 1.0, "", "", "", ()))
    model.add(Person("p-oth", "Otto", Role.OTHER, None, None, 0.1, "", "", "", ()))
    model.change("p-ada", manager="p-se")
    model.add(Platform("k8s", "Kubernetes", PlatformKind.CONTAINER, "plat", "k", ("cncf",)))
    model.add(Platform("vm", "VMs", PlatformKind.VM, None, "", ()))
    model.add(Platform("fn", "Functions", PlatformKind.SERVERLESS, "plat", "", ()))
    model.add(PlatformVersion("k8s-3", "k8s", "3.0", VersionStatus.PRODUCTION, "z-sre",
                              date(2026, 3, 2), "Three", "v notes", ("lts",)))
    model.add(PlatformVersion("k8s-2", "k8s", "2.0", VersionStatus.DEPRECATED, None,
                              date(2024, 2, 29), "", "", ()))
    model.add(PlatformVersion("vm-1", "vm", "1", VersionStatus.PLANNED, None, None, "", "", ()))
    load = ServiceLoad(incidents_per_week=0.25, tickets_per_week=3.0, toil_hours=0.0,
                       releases_per_week=10.5)
    model.add(Service("ledger", "Ledger", "b-pay", Architecture.MONOLITH, 4, Support.DEV, None,
                      "vm-1", ServiceLoad(), "", ()))
    model.add(Service("checkout", "Checkout", "b-pay", Architecture.MICROSERVICE, 1, Support.SRE,
                      "z-sre", "k8s-3", load, "pci", ("tier-1",)))
    model.add(Service("orphan", "Orphan", None, Architecture.MICROSERVICE, 3, Support.DEV, None,
                      None, ServiceLoad(toil_hours=2.0), "", ()))
    model.add(Embed("e2", "p-aru", "b-pay", "messaging", date(2026, 1, 5), date(2026, 3, 2),
                    "Embed two", "e notes", ("auto",)))
    model.add(Embed("e1", "p-ada", "b-pay", "", None, None, "", "", ()))
    model.add(Dependency("orphan", "ledger"))
    model.add(Dependency("checkout", "ledger"))
    model.add(Dependency("ledger", "orphan"))
    model.add(Forum("sos", "Scrum of scrums", (Representative("p-lin", "b-pay"),
                                                Representative("p-ada", "z-sre"),
                                                Representative("p-pe", "plat")), "f", ("weekly",)))
    model.add(Forum("empty", "Empty forum", (), "", ()))
    model.add(Scenario("base", "Baseline", 'weeks = 260\n[load]\nname = "ü"\n', "s", ("x",)))
    model.add(View("v-a", "Whole org", Layout.ORG_CHART, {}, {}, 1.0, "", ()))
    model.add(View("v-b", "Platforms", Layout.PLATFORM_STACK,
                   {"kinds": ["platform", "service"], "nested": {"a": 1, "b": None, "c": 2.5},
                    "flag": True},
                   {"k8s": (10.0, -20.5), "checkout": (1e9, 1e-9), "ünï": (0.0, 0.0)},
                   2.5, "slide notes", ("deck",)))
    model.add(View("v-c", "Manual", Layout.MANUAL, {}, {"p-ada": (3.0, 4.0)}, 0.25, "", ()))
    model.move_view("v-c", 0)
    return model


def build_default_model() -> OrgModel:
    """Entities with only the required fields, so every default and None is stored."""
    model = OrgModel()
    model.add(Team("t", "T"))
    model.add(Person("p", "P"))
    model.add(Platform("pl", "Pl"))
    model.add(PlatformVersion("pv", "pl", "1"))
    model.add(Service("s", "S"))
    model.add(Service("s2", "S2"))
    model.add(Embed("e", "p", "t"))
    model.add(Dependency("s", "s2"))
    model.add(Forum("f", "F"))
    model.add(Scenario("sc", "Sc"))
    model.add(View("v", "V"))
    return model


@pytest.fixture
def rich_model() -> OrgModel:
    return build_rich_model()


@pytest.fixture
def default_model() -> OrgModel:
    return build_default_model()
