"""Every command: what do() changes, its text, and that undo/redo restore the exact models."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from orgmodel.core.entities import Person, Representative, Service, Team
from orgmodel.core.errors import (
    DanglingReferenceError,
    DuplicateIdError,
    InvariantError,
    NotFoundError,
    OrgModelError,
)
from orgmodel.core.kinds import EntityKind, Layout, Support, TeamKind
from orgmodel.core.model import OrgModel
from orgmodel.editing.commands import (
    AddDependencyCommand,
    AddEntityCommand,
    AddRepresentativeCommand,
    ApplyLayoutCommand,
    ChangeEntityCommand,
    ChangeOrganisationCommand,
    Command,
    EndEmbedCommand,
    HandPlatformVersionCommand,
    MoveNodesCommand,
    MovePersonCommand,
    MoveViewCommand,
    RemoveDependencyCommand,
    RemoveEntityCommand,
    RemoveRepresentativeCommand,
    SetServiceSupportCommand,
    StartEmbedCommand,
)
from orgmodel.editing.stack import CommandStack


@dataclass
class Case:
    make: Callable[[], Command]
    text: str
    check: Callable[[OrgModel], bool]


CASES: dict[str, Case] = {
    "add": Case(
        lambda: AddEntityCommand(Team("new", "New", parent="eng"), index=1),
        "Add team 'New'",
        lambda m: list(m.teams)[1] == "new",
    ),
    "remove": Case(
        lambda: RemoveEntityCommand("ledger"),
        "Remove service 'Ledger' and 1 more",
        lambda m: "ledger" not in m and "checkout->ledger" not in m,
    ),
    "rename": Case(
        lambda: ChangeEntityCommand("pay", name="Money"),
        "Rename team 'Payments'",
        lambda m: m.teams["pay"].name == "Money",
    ),
    "change one field": Case(
        lambda: ChangeEntityCommand("pay", has_oncall=False),
        "Change the on-call rotation of team 'Payments'",
        lambda m: m.teams["pay"].has_oncall is False,
    ),
    "change fields": Case(
        lambda: ChangeEntityCommand("ledger", tier=3, notes="x"),
        "Change service 'Ledger'",
        lambda m: (m.services["ledger"].tier, m.services["ledger"].notes) == (3, "x"),
    ),
    "organisation": Case(
        lambda: ChangeOrganisationCommand(name="Acme Ltd"),
        "Rename the organisation",
        lambda m: m.organisation.name == "Acme Ltd",
    ),
    "move person": Case(
        lambda: MovePersonCommand("ada", "pay"),
        "Move Ada to 'Payments'",
        lambda m: m.people["ada"].team == "pay",
    ),
    "move person out": Case(
        lambda: MovePersonCommand("ada", None),
        "Move Ada out of their team",
        lambda m: m.people["ada"].team is None,
    ),
    "start embed": Case(
        lambda: StartEmbedCommand("eve", "pay", "latency", date(2026, 2, 2), embed_id="e2"),
        "Embed Eve in 'Payments'",
        lambda m: "e2" in m.embeds and m.embeds["e2"].purpose == "latency",
    ),
    "end embed": Case(
        lambda: EndEmbedCommand("e1", date(2026, 2, 1)),
        "End Dee's embed in 'Payments'",
        lambda m: m.embeds["e1"].end == date(2026, 2, 1),
    ),
    "hand service to sre": Case(
        lambda: SetServiceSupportCommand("ledger", "ops"),
        "Hand Ledger to 'Ops'",
        lambda m: (
            (m.services["ledger"].support, m.services["ledger"].sre_team) == (Support.SRE, "ops")
        ),
    ),
    "hand service back": Case(
        lambda: SetServiceSupportCommand("checkout", None),
        "Hand Checkout back to its developers",
        lambda m: (
            m.services["checkout"].support is Support.DEV
            and m.services["checkout"].sre_team is None
        ),
    ),
    "hand version": Case(
        lambda: HandPlatformVersionCommand("k8s-4", "ops"),
        "Hand Kubernetes 4.0 to 'Ops'",
        lambda m: m.platform_versions["k8s-4"].production_owner == "ops",
    ),
    "take version back": Case(
        lambda: HandPlatformVersionCommand("k8s-3", None),
        "Take Kubernetes 3.0 back from 'SRE'",
        lambda m: m.platform_versions["k8s-3"].production_owner is None,
    ),
    "add dependency": Case(
        lambda: AddDependencyCommand("ledger", "web"),
        "Make Ledger depend on Web",
        lambda m: "ledger->web" in m.dependencies,
    ),
    "remove dependency": Case(
        lambda: RemoveDependencyCommand("checkout", "ledger"),
        "Remove the dependency of Checkout on Ledger",
        lambda m: "checkout->ledger" not in m.dependencies,
    ),
    "add representative": Case(
        lambda: AddRepresentativeCommand("sos", "ada", "sre"),
        "Add Ada to 'Scrum of scrums' for 'SRE'",
        lambda m: m.forums["sos"].representatives[-1] == Representative("ada", "sre"),
    ),
    "remove representative": Case(
        lambda: RemoveRepresentativeCommand("sos", "bob", "pay"),
        "Remove Bob from 'Scrum of scrums'",
        lambda m: m.forums["sos"].representatives == (Representative("cy", "shop"),),
    ),
    "move nodes": Case(
        lambda: MoveNodesCommand("v1", {"pay": (10, 20), "shop": (30.5, 40)}),
        "Move 2 nodes in 'Whole org'",
        lambda m: (
            m.views["v1"].positions == {"eng": (0.0, 0.0), "pay": (10, 20), "shop": (30.5, 40)}
        ),
    ),
    "apply layout": Case(
        lambda: ApplyLayoutCommand("v2", "org_chart", {"eng": (1.0, 1.0)}),
        "Apply the org chart layout to 'Platforms'",
        lambda m: (
            m.views["v2"].layout is Layout.ORG_CHART
            and m.views["v2"].positions == {"eng": (1.0, 1.0)}
        ),
    ),
    "move view": Case(
        lambda: MoveViewCommand("v3", 0),
        "Move view 'Services' to position 1",
        lambda m: list(m.views) == ["v3", "v1", "v2"],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_command_do_undo_redo_text(name: str, stack: CommandStack, model: OrgModel) -> None:
    case = CASES[name]
    before = model.snapshot()
    assert not case.check(model)
    stack.push(case.make())
    after = model.snapshot()
    assert case.check(model) and after != before
    assert stack.texts == [case.text]
    stack.undo()
    assert model.snapshot() == before
    stack.redo()
    assert model.snapshot() == after and stack.texts == [case.text]


FAILURES: dict[str, tuple[Callable[[], Command], type[OrgModelError], str]] = {
    "add duplicate id": (
        lambda: AddEntityCommand(Team("pay", "Again")),
        DuplicateIdError,
        "already used",
    ),
    "remove missing": (lambda: RemoveEntityCommand("nope"), NotFoundError, "nope"),
    "change unknown field": (
        lambda: ChangeEntityCommand("pay", colour="red"),
        InvariantError,
        "no field 'colour'",
    ),
    "change id": (lambda: ChangeEntityCommand("pay", id="x"), InvariantError, "cannot be changed"),
    "team cycle": (lambda: ChangeEntityCommand("eng", parent="pay"), InvariantError, "cycle"),
    "manager cycle": (lambda: ChangeEntityCommand("boss", manager="cy"), InvariantError, "cycle"),
    "organisation without name": (
        lambda: ChangeOrganisationCommand(name=" "),
        InvariantError,
        "name",
    ),
    "move to missing team": (lambda: MovePersonCommand("ada", "nope"), NotFoundError, "nope"),
    "move into embed host": (lambda: MovePersonCommand("dee", "pay"), InvariantError, "embedded"),
    "embed into home team": (lambda: StartEmbedCommand("bob", "pay"), InvariantError, "home team"),
    "embed ends before start": (
        lambda: StartEmbedCommand("eve", "pay", start=date(2026, 5, 1), end=date(2026, 4, 1)),
        InvariantError,
        "before it starts",
    ),
    "end before start": (lambda: EndEmbedCommand("e1", date(2025, 1, 1)), InvariantError, "before"),
    "support by non-sre team": (
        lambda: SetServiceSupportCommand("ledger", "pay"),
        InvariantError,
        "SRE team",
    ),
    "hand version to non-sre": (
        lambda: HandPlatformVersionCommand("k8s-4", "plat"),
        InvariantError,
        "SRE team",
    ),
    "self dependency": (lambda: AddDependencyCommand("web", "web"), InvariantError, "itself"),
    "dependency on a team": (
        lambda: AddDependencyCommand("web", "pay"),
        DanglingReferenceError,
        "not a service",
    ),
    "duplicate dependency": (
        lambda: AddDependencyCommand("web", "checkout"),
        DuplicateIdError,
        "already",
    ),
    "remove missing dependency": (
        lambda: RemoveDependencyCommand("web", "ledger"),
        NotFoundError,
        "does not depend",
    ),
    "duplicate seat": (
        lambda: AddRepresentativeCommand("sos", "bob", "pay"),
        InvariantError,
        "twice",
    ),
    "seat for missing person": (
        lambda: AddRepresentativeCommand("sos", "zed", "pay"),
        DanglingReferenceError,
        "zed",
    ),
    "remove missing seat": (
        lambda: RemoveRepresentativeCommand("sos", "ada", "pay"),
        NotFoundError,
        "does not represent",
    ),
    "move nodes in missing view": (
        lambda: MoveNodesCommand("v9", {"a": (1, 2)}),
        NotFoundError,
        "v9",
    ),
    "layout of missing view": (lambda: ApplyLayoutCommand("v9", "force", {}), NotFoundError, "v9"),
    "nan position": (
        lambda: MoveNodesCommand("v1", {"a": (float("nan"), 2)}),
        InvariantError,
        "two numbers",
    ),
    "move missing view": (lambda: MoveViewCommand("v9", 0), NotFoundError, "v9"),
    "sre team kind change": (
        lambda: ChangeEntityCommand("ops", kind=TeamKind.SOFTWARE),
        InvariantError,
        "must stay an SRE team",
    ),
}


@pytest.mark.parametrize("name", list(FAILURES))
def test_refused_commands_change_nothing(name: str, stack: CommandStack, model: OrgModel) -> None:
    make, error, words = FAILURES[name]
    before = model.snapshot()
    with pytest.raises(error, match=words):
        stack.push(make())
    assert model.snapshot() == before and len(stack) == 0


def test_constructors_refuse_nonsense() -> None:
    with pytest.raises(InvariantError, match="Unknown layout"):
        ApplyLayoutCommand("v1", "spiral", {})
    with pytest.raises(InvariantError, match="pair"):
        MoveNodesCommand("v1", {"a": 3})
    with pytest.raises(InvariantError, match="at least one"):
        MoveNodesCommand("v1", {})
    with pytest.raises(InvariantError, match="at least one"):
        ChangeEntityCommand("pay")
    with pytest.raises(InvariantError, match="no field 'colour'"):
        ChangeOrganisationCommand(colour="red")


def test_move_nodes_never_merges(stack: CommandStack) -> None:
    stack.push(MoveNodesCommand("v1", {"pay": (1, 1)}))
    stack.push(MoveNodesCommand("v1", {"pay": (2, 2)}))
    assert stack.texts == ["Move a node in 'Whole org'"] * 2


def test_remove_team_cascades_and_undo_restores_every_order(
    stack: CommandStack, model: OrgModel
) -> None:
    before = model.snapshot()
    orders = {kind: list(model.collection(kind)) for kind in EntityKind}
    stack.push(RemoveEntityCommand("sre"))
    # sre, ops, ada, eve go; services keep running but lose their SRE team; k8s-3 loses its owner
    assert not {"sre", "ops", "ada", "eve"} & (set(model.teams) | set(model.people))
    assert stack.texts == ["Remove team 'SRE' and 3 more"]
    assert model.services["web"].support is Support.DEV and model.services["web"].sre_team is None
    assert model.services["checkout"].sre_team is None
    assert model.platform_versions["k8s-3"].production_owner is None
    stack.undo()
    assert model.snapshot() == before
    assert {kind: list(model.collection(kind)) for kind in EntityKind} == orders


def test_remove_person_clears_soft_references(stack: CommandStack, model: OrgModel) -> None:
    stack.push(RemoveEntityCommand("bob"))
    assert model.people["cy"].manager is None
    assert model.forums["sos"].representatives == (Representative("cy", "shop"),)
    assert stack.texts == ["Remove person 'Bob'"]


def test_remove_top_level_team_takes_everything_under_it(
    stack: CommandStack, model: OrgModel
) -> None:
    before = model.snapshot()
    stack.push(RemoveEntityCommand("eng"))
    assert not model.teams and not model.people and not model.services and not model.platforms
    assert not model.embeds and not model.dependencies and model.forums["sos"].representatives == ()
    assert list(model.views) == ["v1", "v2", "v3"] and "base" in model
    removed = len(before[1]) + len(before[2]) + 3 + 1 + 2 + 1 + 2  # teams people services ...
    assert stack.texts == [f"Remove team 'Engineering' and {removed - 1} more"]
    stack.undo()
    assert model.snapshot() == before


def test_remove_platform_version_clears_services_running_on_it(
    stack: CommandStack, model: OrgModel
) -> None:
    stack.push(RemoveEntityCommand("k8s-3"))
    assert model.services["ledger"].platform_version is None
    assert model.services["checkout"].platform_version is None


def test_add_entity_at_index_and_bulk_import_macro(stack: CommandStack, model: OrgModel) -> None:
    with stack.macro("Import roster"):
        stack.push(AddEntityCommand(Person("p1", "Pat", team="pay"), index=0))
        stack.push(AddEntityCommand(Service("s1", "Search", owner="shop")))
    assert list(model.people)[0] == "p1" and list(model.services)[-1] == "s1"
    assert stack.texts == ["Import roster"]
