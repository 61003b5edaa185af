"""The OrgModel aggregate: reading, ordered writes, events, copies and the reference index."""

from __future__ import annotations

from typing import Any

import pytest

from orgmodel.core.entities import Dependency, Embed, Organisation, Person, Team, View
from orgmodel.core.errors import InUseError, InvariantError, NotFoundError
from orgmodel.core.events import EntityEvent
from orgmodel.core.kinds import EntityKind, TeamKind
from orgmodel.core.model import OrgModel, describe, kind_of


def test_reading(model: OrgModel) -> None:
    assert model.get("pay", EntityKind.TEAM).name == "Payments"
    assert model.find("nope") is None and "pay" in model and "nope" not in model
    assert set(model.ids()) == {e.id for e in model.entities()} and "nope" not in model.ids()
    assert [p.id for p in model.members("pay")] == ["bob", "cy"]
    assert [t.id for t in model.children("eng")] == ["pay", "plat", "sre"]
    assert [t.id for t in model.children(None)] == ["eng"]
    assert [e.id for e in model.embeds_of("dee")] == ["e1"]
    assert model.index_of(model.teams["plat"]) == 2
    assert len(model) == len(list(model.entities())) == 17
    assert kind_of(Dependency("a", "b")) is EntityKind.DEPENDENCY
    assert describe(model.get("k8s-3")) == "platform version '3.0'"
    assert str(TeamKind.SRE) == "sre" and f"{TeamKind.SRE}" == "sre"


def test_add_at_index_keeps_order_and_live_views(model: OrgModel) -> None:
    teams = model.teams
    model.add(Team("a", "A"), index=1)
    model.add(Team("b", "B"), index=0)
    model.add(Team("c", "C"), index=99)
    model.add(Team("d", "D"), index=-3)
    assert list(teams) == ["d", "b", "eng", "a", "pay", "plat", "sre", "c"]


def test_move_view(model: OrgModel) -> None:
    model.add(View("v3", "Three"))
    orders: list[list[str]] = []
    model.events.views_reordered.connect(orders.append)
    assert model.move_view("v3", 0) == 2
    assert model.move_view("v1", 99) == 1
    assert model.move_view("v2", -1) == 1
    assert orders == [["v3", "v1", "v2"], ["v3", "v2", "v1"], ["v2", "v3", "v1"]]
    assert list(model.views) == ["v2", "v3", "v1"]


def test_events_of_writes(model: OrgModel) -> None:
    seen: list[tuple[str, Any]] = []
    for name, signal in vars(model.events).items():
        signal.connect(lambda payload, name=name: seen.append((name, payload)))
    model.add(Team("t", "T", parent="eng"))
    old, new = model.change("t", name="T2")
    model.change("t", name="T2")  # no change: no event
    model.remove("t")
    model.set_organisation(Organisation(name="Acme 2"))
    model.set_organisation(Organisation(name="Acme 2"))  # same: no event
    assert [name for name, _ in seen] == [
        "entity_added",
        "entity_changed",
        "entity_removed",
        "organisation_changed",
    ]
    assert seen[1][1] == EntityEvent("teams", old, new)
    assert seen[2][1] == EntityEvent("teams", new, None, 4)


def test_copy_is_independent(model: OrgModel) -> None:
    other = model.copy()
    other.change("pay", name="Changed")
    other.add(Person("p", "P", team="pay"))
    assert model.teams["pay"].name == "Payments" and "p" not in model
    assert "p" not in {e.id for e, _ in model.referrers("pay")}
    assert "p" in {e.id for e, _ in other.referrers("pay")}
    assert other.snapshot() != model.snapshot()


def test_referrers_follow_updates_and_removals(model: OrgModel) -> None:
    assert {(e.id, f) for e, f in model.referrers("bob")} == {
        ("cy", "manager"),
        ("sos", "representatives"),
    }
    model.change("cy", manager="boss")
    model.change("sos", representatives=())
    assert model.referrers("bob") == []
    model.remove("bob")
    assert "bob" not in {e.id for e, _ in model.referrers("pay")}
    model.add(Embed("e2", "cy", "plat"))
    assert {f for _, f in model.referrers("cy")} == {"person"}


def test_entity_referring_twice_is_listed_per_field(model: OrgModel) -> None:
    model.add(Team("sre2", "SRE 2", TeamKind.SRE, parent="eng"))
    model.change("web", owner="sre2")
    model.change("ledger", owner="sre2", sre_team="sre2")
    fields = sorted((e.id, f) for e, f in model.referrers("sre2"))
    assert fields == [("ledger", "owner"), ("ledger", "sre_team"), ("web", "owner")]
    model.change("ledger", sre_team="sre")  # still refers through owner
    assert sorted((e.id, f) for e, f in model.referrers("sre2")) == [
        ("ledger", "owner"),
        ("web", "owner"),
    ]


def test_snapshot_sees_order(model: OrgModel) -> None:
    other = model.copy()
    other.move_view("v2", 0)
    assert other.snapshot() != model.snapshot()
    other.move_view("v2", 1)
    assert other.snapshot() == model.snapshot()


def test_remove_many_matches_removing_one_by_one(model: OrgModel) -> None:
    ids = ["e1", "web->ledger", "web", "cy", "ledger", "sos", "bob"]
    one_by_one = model.copy()
    expected = [one_by_one.remove(i) for i in ids]
    seen: list[EntityEvent] = []
    model.events.entity_removed.connect(seen.append)
    assert model.remove_many(ids) == expected
    assert model.snapshot() == one_by_one.snapshot()
    assert [(e.old.id, e.index) for e in seen] == [(e.id, i) for e, i in expected]
    for entity, index in reversed(expected):
        model.add(entity, index)
    from_scratch = model.copy()
    assert from_scratch.snapshot() == model.snapshot()
    assert [e.id for e in model.people.values()] == ["boss", "bob", "cy", "dee"]


def test_remove_many_is_all_or_nothing(model: OrgModel) -> None:
    before = model.snapshot()
    with pytest.raises(InUseError, match="Person 'Bob' is still used by person 'Cy'"):
        model.remove_many(["e1", "bob"])
    with pytest.raises(InvariantError, match="listed twice"):
        model.remove_many(["e1", "e1"])
    with pytest.raises(NotFoundError):
        model.remove_many(["e1", "ghost"])
    assert model.snapshot() == before


def test_batch_defers_ordering_but_reads_stay_ordered(model: OrgModel) -> None:
    teams = model.teams
    with model.batch():
        model.add(Team("a", "A"), index=0)
        assert list(model.teams)[0] == "a"  # a read inside the batch sees the order
        model.add(Team("b", "B"), index=1)
        with model.batch():
            model.add(Team("c", "C"), index=0)
    assert list(teams) == ["c", "a", "b", "eng", "pay", "plat", "sre"]
    assert model.index_of(model.teams["b"]) == 2


def test_batch_finished_follows_the_outermost_batch_once(model: OrgModel) -> None:
    finished: list[None] = []
    model.events.batch_finished.connect(finished.append)
    assert not model.in_batch
    with model.batch():
        with model.batch():
            model.change("pay", name="Payments II")
            assert model.in_batch
        assert finished == []
    assert finished == [None] and not model.in_batch
