"""A small hand-made organisation for the editing tests: every kind of entity and reference.

``build_model()`` returns a fresh model each call; the ``model`` and ``stack`` fixtures wrap it.
``Mirror`` (fixture ``mirror_class``) replays model events onto a copy, as the UI mirrors the model.
Ids are short and readable so that tests can name them.
"""

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
    Team,
    View,
)
from orgmodel.core.events import EntityEvent
from orgmodel.core.kinds import (
    EntityKind,
    Layout,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)
from orgmodel.core.model import OrgModel
from orgmodel.editing.stack import CommandStack


def build_model() -> OrgModel:
    m = OrgModel(Organisation(name="Acme", planning_start=date(2026, 1, 5)))
    for team in (
        Team("eng", "Engineering", TeamKind.GROUP),
        Team("pay", "Payments", TeamKind.SOFTWARE, parent="eng", has_oncall=True),
        Team("shop", "Shop", TeamKind.SOFTWARE, parent="eng"),
        Team("plat", "Platform", TeamKind.PLATFORM, parent="eng"),
        Team("sre", "SRE", TeamKind.SRE, parent="eng", sites=2),
        Team("ops", "Ops", TeamKind.SRE, parent="sre"),
    ):
        m.add(team)
    for person in (
        Person("boss", "Bea", Role.MANAGER, team="eng"),
        Person("ada", "Ada", Role.SRE_SE, team="sre", manager="boss"),
        Person("bob", "Bob", Role.SOFTWARE_ENGINEER, team="pay", manager="boss"),
        Person("cy", "Cy", Role.SOFTWARE_ENGINEER, team="shop", manager="bob"),
        Person("dee", "Dee", Role.AUTOMATION_ENGINEER, team="plat", manager="boss"),
        Person("eve", "Eve", Role.SRE_SWE, team="ops", manager="ada"),
    ):
        m.add(person)
    m.add(Platform("k8s", "Kubernetes", PlatformKind.CONTAINER, owner="plat"))
    m.add(PlatformVersion("k8s-3", "k8s", "3.0", VersionStatus.PRODUCTION, production_owner="sre"))
    m.add(PlatformVersion("k8s-4", "k8s", "4.0", VersionStatus.DEVELOPMENT))
    for service in (
        Service(
            "checkout",
            "Checkout",
            owner="shop",
            support=Support.SRE,
            sre_team="sre",
            platform_version="k8s-3",
        ),
        Service("ledger", "Ledger", owner="pay", tier=1, platform_version="k8s-3"),
        Service("web", "Web", owner="shop", support=Support.SRE, sre_team="ops"),
    ):
        m.add(service)
    m.add(Embed("e1", "dee", "pay", "messaging", date(2026, 1, 5), date(2026, 3, 2)))
    m.add(Dependency("checkout", "ledger"))
    m.add(Dependency("web", "checkout"))
    m.add(
        Forum(
            "sos", "Scrum of scrums", (Representative("bob", "pay"), Representative("cy", "shop"))
        )
    )
    m.add(Scenario("base", "Baseline", "weeks = 52"))
    m.add(View("v1", "Whole org", Layout.ORG_CHART, positions={"eng": (0.0, 0.0)}))
    m.add(View("v2", "Platforms", Layout.PLATFORM_STACK))
    m.add(View("v3", "Services", Layout.FORCE))
    return m


@pytest.fixture
def model() -> OrgModel:
    return build_model()


@pytest.fixture
def stack(model: OrgModel) -> CommandStack:
    return CommandStack(model)


class Mirror:
    """Keeps ``copy`` equal to the observed model using only the events' payloads."""

    def __init__(self, model: OrgModel) -> None:
        self.copy = model.copy()
        self.count = 0
        events = model.events
        events.entity_added.connect(self._added)
        events.entity_removed.connect(self._removed)
        events.entity_changed.connect(self._changed)
        events.organisation_changed.connect(self._organisation)
        events.views_reordered.connect(self._views)

    def _added(self, event: EntityEvent) -> None:
        self.count += 1
        self.copy.add(event.new, event.index)

    def _removed(self, event: EntityEvent) -> None:
        self.count += 1
        assert event.index is not None
        assert list(self.copy.collection(EntityKind(event.kind)))[event.index] == event.old.id
        self.copy.remove(event.old.id)

    def _changed(self, event: EntityEvent) -> None:
        self.count += 1
        assert self.copy.get(event.old.id) == event.old
        self.copy.update(event.new)

    def _organisation(self, organisation: object) -> None:
        self.count += 1
        self.copy.set_organisation(organisation)  # type: ignore[arg-type]

    def _views(self, order: list[str]) -> None:
        self.count += 1
        for position, view_id in enumerate(order):
            self.copy.move_view(view_id, position)


@pytest.fixture
def mirror_class() -> type[Mirror]:
    """The reference event listener (a class, so property tests can make one per example)."""
    return Mirror
