"""Every rule of the model refuses a bad edit with a clear error and leaves the model unchanged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Forum,
    Organisation,
    Person,
    PlatformVersion,
    Representative,
    Service,
    ServiceLoad,
    Team,
    View,
)
from orgmodel.core.errors import (
    DanglingReferenceError,
    DuplicateIdError,
    InUseError,
    InvariantError,
    NotFoundError,
    OrgModelError,
)
from orgmodel.core.kinds import Role, Support, TeamKind
from orgmodel.core.model import OrgModel

Edit = Callable[[OrgModel], object]

REFUSED: dict[str, tuple[Edit, type[OrgModelError], str]] = {
    # cycles
    "team under itself": (lambda m: m.change("pay", parent="pay"), InvariantError, "cycle"),
    "team under its descendant": (
        lambda m: m.change("eng", parent="pay"),
        InvariantError,
        "'Engineering' cannot sit under 'Payments'",
    ),
    "manager cycle": (
        lambda m: m.change("boss", manager="cy"),
        InvariantError,
        "Bea cannot report to Cy: the reporting lines would have a cycle",
    ),
    "own manager": (lambda m: m.change("bob", manager="bob"), InvariantError, "cycle"),
    # wrong-kind and missing references
    "team parent is a person": (
        lambda m: m.change("pay", parent="bob"),
        DanglingReferenceError,
        "parent 'bob' is not a team",
    ),
    "home team is missing": (
        lambda m: m.add(Person("p", "P", team="zzz")),
        DanglingReferenceError,
        "team 'zzz' is not a team",
    ),
    "manager is a team": (
        lambda m: m.change("bob", manager="pay"),
        DanglingReferenceError,
        "manager 'pay' is not a person",
    ),
    "service owner is a service": (
        lambda m: m.change("web", owner="ledger"),
        DanglingReferenceError,
        "owner 'ledger' is not a team",
    ),
    "service on a platform": (
        lambda m: m.change("web", platform_version="k8s"),
        DanglingReferenceError,
        "not a platform version",
    ),
    "version of a team": (
        lambda m: m.add(PlatformVersion("v", "pay", "1")),
        DanglingReferenceError,
        "platform 'pay' is not a platform",
    ),
    "embed host is a person": (
        lambda m: m.add(Embed("e2", "dee", "bob")),
        DanglingReferenceError,
        "host 'bob' is not a team",
    ),
    "dependency on a team": (
        lambda m: m.add(Dependency("web", "pay")),
        DanglingReferenceError,
        "target 'pay' is not a service",
    ),
    "forum seat for a missing person": (
        lambda m: m.add(Forum("f", "F", (Representative("ghost", "pay"),))),
        DanglingReferenceError,
        "Forum 'F' representative: person 'ghost' is not a person",
    ),
    "forum seat twice": (
        lambda m: m.change("sos", representatives=(Representative("bob", "pay"),) * 2),
        InvariantError,
        "same representative twice",
    ),
    # embeds
    "embed into the home team": (
        lambda m: m.add(Embed("e2", "bob", "pay")),
        InvariantError,
        "Bob cannot embed in 'Payments': it is their home team",
    ),
    "move into the embed host": (
        lambda m: m.change("dee", team="pay"),
        InvariantError,
        "Dee cannot join 'Payments': they are embedded there",
    ),
    "embed ends before start": (
        lambda m: m.change("e1", end=date(2025, 1, 1)),
        InvariantError,
        "ends (2025-01-01) before",
    ),
    "embed without a person": (
        lambda m: m.add(Embed("e2", None, "pay")),  # type: ignore[arg-type]
        InvariantError,
        "person must name a person",
    ),
    # SRE support
    "sre support by a software team": (
        lambda m: m.change("web", support=Support.SRE, sre_team="pay"),
        InvariantError,
        "needs an SRE team",
    ),
    "sre support without a team": (
        lambda m: m.change("web", support=Support.SRE),
        InvariantError,
        "needs an SRE team",
    ),
    "dev support naming an sre team": (
        lambda m: m.change("web", sre_team="sre"),
        InvariantError,
        "cannot name an SRE team",
    ),
    "version handed to a platform team": (
        lambda m: m.change("k8s-3", production_owner="plat"),
        InvariantError,
        "can only be handed to an SRE team",
    ),
    "sre team stops being sre while supporting": (
        lambda m: m.change("sre", kind=TeamKind.SOFTWARE),
        InvariantError,
        "Team 'SRE' must stay an SRE team",
    ),
    # ids
    "duplicate id in the same collection": (
        lambda m: m.add(Team("pay", "Again")),
        DuplicateIdError,
        "'pay' is already used by team 'Payments'",
    ),
    "duplicate id across collections": (
        lambda m: m.add(Service("bob", "Bob service")),
        DuplicateIdError,
        "already used by person 'Bob'",
    ),
    "duplicate dependency": (
        lambda m: m.add(Dependency("web", "ledger")),
        DuplicateIdError,
        "already",
    ),
    "empty id": (lambda m: m.add(Team("", "Nameless")), InvariantError, "non-empty id"),
    "change the id": (lambda m: m.change("pay", id="pay2"), InvariantError, "cannot be changed"),
    "change a missing field": (
        lambda m: m.change("pay", colour="red"),
        InvariantError,
        "Team 'Payments' has no field 'colour'",
    ),
    "change a missing entity": (
        lambda m: m.change("nope", name="x"),
        NotFoundError,
        "no entity with id 'nope'",
    ),
    "remove a missing entity": (lambda m: m.remove("nope"), NotFoundError, "nope"),
    "remove what is in use": (
        lambda m: m.remove("pay"),
        InUseError,
        "Team 'Payments' is still used by",
    ),
    "move a missing view": (lambda m: m.move_view("pay", 0), NotFoundError, "no view"),
    # values
    "fte above one": (
        lambda m: m.change("bob", fte=1.5),
        InvariantError,
        "fte must be between 0 and 1",
    ),
    "fte not a number": (lambda m: m.change("bob", fte=float("nan")), InvariantError, "fte"),
    "tier five": (lambda m: m.change("web", tier=5), InvariantError, "tier must be 1, 2, 3 or 4"),
    "three sites": (lambda m: m.change("pay", sites=3), InvariantError, "sites must be 1 or 2"),
    "sites as a float": (lambda m: m.change("pay", sites=2.0), InvariantError, "sites"),
    "empty name": (lambda m: m.change("pay", name="  "), InvariantError, "needs a name"),
    "name not text": (lambda m: m.change("pay", name=None), InvariantError, "name must be text"),
    "role as a string": (lambda m: m.change("bob", role="manager"), InvariantError, "role"),
    "team kind as a string": (
        lambda m: m.change("pay", kind="sre"),
        InvariantError,
        "not a team kind",
    ),
    "tags not a tuple": (lambda m: m.change("pay", tags=["a"]), InvariantError, "tags"),
    "negative load": (
        lambda m: m.change("web", load=ServiceLoad(incidents_per_week=-1)),
        InvariantError,
        "load.incidents_per_week",
    ),
    "version without version": (
        lambda m: m.change("k8s-3", version=""),
        InvariantError,
        "needs a version string",
    ),
    "date not a date": (
        lambda m: m.change("e1", start="2026-01-01"),
        InvariantError,
        "must be a date",
    ),
    "self dependency": (lambda m: m.add(Dependency("web", "web")), InvariantError, "itself"),
    "zoom zero": (lambda m: m.change("v1", zoom=0), InvariantError, "zoom"),
    "position not a pair": (
        lambda m: m.change("v1", positions={"a": (1.0,)}),
        InvariantError,
        "position of 'a'",
    ),
    "organisation without name": (
        lambda m: m.set_organisation(Organisation(name="")),
        InvariantError,
        "needs a name",
    ),
    "planning start not a date": (
        lambda m: m.set_organisation(Organisation(planning_start="2026")),  # type: ignore[arg-type]
        InvariantError,
        "planning start must be a date",
    ),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_edits_raise_one_clear_sentence_and_change_nothing(
    name: str, model: OrgModel
) -> None:
    edit, error, words = REFUSED[name]
    before = model.snapshot()
    seen: list[object] = []
    for signal in vars(model.events).values():
        signal.connect(seen.append)
    with pytest.raises(error) as raised:
        edit(model)
    message = str(raised.value)
    assert words in message
    assert message.endswith(".") and "\n" not in message
    assert model.snapshot() == before and seen == []


def test_sre_team_kind_can_change_once_nothing_relies_on_it(model: OrgModel) -> None:
    model.change("ledger", support=Support.DEV, sre_team=None)
    model.change("k8s-3", production_owner=None)
    model.change("sre", kind=TeamKind.PLATFORM)
    assert model.teams["sre"].kind is TeamKind.PLATFORM


def test_remove_names_who_still_uses_it(model: OrgModel) -> None:
    with pytest.raises(InUseError) as raised:
        model.remove("eng")
    assert str(raised.value) == (
        "Team 'Engineering' is still used by team 'Payments', team 'Platform', team 'SRE' and 1 more."
    )


def test_allowed_edits_pass(model: OrgModel) -> None:
    model.add(Team("t", "T", TeamKind.SRE, parent="sre", sites=2))
    model.add(Person("p", "P", Role.SRE_SWE, team="t", manager="boss", fte=0.5))
    model.add(Embed("e2", "p", "pay", start=date(2026, 1, 1), end=date(2026, 1, 1)))
    model.change("web", support=Support.SRE, sre_team="t")
    model.update(replace(model.forums["sos"], representatives=(Representative("p", "t"),)))
    model.add(View("v3", "Three", positions={"t": (1.0, 2.5)}))
    assert {(e.id, f) for e, f in model.referrers("t")} == {
        ("p", "team"),
        ("web", "sre_team"),
        ("sos", "representatives"),
    }
