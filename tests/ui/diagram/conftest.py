"""Fixtures for the diagram tests: a small hand-made organisation, its stack and a shown widget."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

import orgmodel.ui  # noqa: F401  (the PySide6/3.11 None-reference workaround, before any Qt call)
from orgmodel.core.entities import Person, Platform, PlatformVersion, Service, Team, View
from orgmodel.core.kinds import Layout, Role, Support, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.diagram.widget import DiagramWidget


def small_model() -> OrgModel:
    model = OrgModel()
    model.add(Team("eng", "Engineering", TeamKind.GROUP))
    model.add(Team("pay", "Payments", TeamKind.SOFTWARE, "eng", has_oncall=True))
    model.add(Team("shop", "Shop", TeamKind.SOFTWARE, "eng"))
    model.add(Team("sre", "SRE", TeamKind.SRE, "eng"))
    model.add(Team("plat", "Platform", TeamKind.PLATFORM, "eng"))
    model.add(Person("boss", "Bea Boss", Role.MANAGER, "eng"))
    for i, (team, role) in enumerate([("pay", Role.SOFTWARE_ENGINEER)] * 3
                                     + [("shop", Role.SOFTWARE_ENGINEER)] * 2
                                     + [("sre", Role.SRE_SE), ("sre", Role.SRE_SWE),
                                        ("plat", Role.PLATFORM_ENGINEER)]):
        model.add(Person(f"p{i}", f"Person {i}", role, team, "boss"))
    model.add(Platform("k8s", "Kubernetes", owner="plat"))
    model.add(PlatformVersion("k8s-1", "k8s", "1.0", VersionStatus.PRODUCTION, "sre"))
    model.add(Service("ledger", "Ledger", "pay", platform_version="k8s-1"))
    model.add(Service("cart", "Cart", "shop", support=Support.SRE, sre_team="sre"))
    model.add(View("v1", "Everything", Layout.ORG_CHART))
    model.add(View("v2", "Teams", Layout.PLATFORM_STACK, {"node_kinds": ["team"]}))
    return model


@pytest.fixture
def stack() -> CommandStack:
    return CommandStack(small_model())


@pytest.fixture
def widget(qtbot: QtBot, stack: CommandStack) -> Iterator[DiagramWidget]:
    w = DiagramWidget(stack)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    with qtbot.waitExposed(w):
        w.show()
    w.view.fit()
    yield w
    w.scene.finish_animation()
    w.close_model()


def settle(widget: DiagramWidget) -> None:
    """End any running node animation (tests assert on final positions)."""
    widget.scene.finish_animation()
