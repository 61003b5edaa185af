"""``OrgModel.from_collections``: the same model as adding one by one, the same refusals.

Each bad input is built by changing one entity of the conftest model; the bulk constructor must
refuse it with the error class and sentence of the per-entity path, and its one-pass plan must not
have accepted it. Valid input must take the one-pass path and leave exactly what ``add`` would
(collections in order, ids, and the reverse index with its referrer order).
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from orgmodel.core import bulk
from orgmodel.core.entities import (
    Dependency,
    Embed,
    Person,
    Representative,
    Service,
    ServiceLoad,
    Team,
    View,
)
from orgmodel.core.errors import OrgModelError
from orgmodel.core.kinds import EntityKind, Role, Support, TeamKind
from orgmodel.core.model import OrgModel

from .conftest import build_model

Lists = dict[EntityKind, list[Any]]


def _lists(model: OrgModel) -> Lists:
    return {kind: list(model.collection(kind).values()) for kind in EntityKind}


def _one_by_one(model: OrgModel, lists: Lists) -> OrgModel:
    built = OrgModel(model.organisation)
    bulk.add_in_order(built, bulk.in_order(lists))
    return built


def _same(a: OrgModel, b: OrgModel) -> None:
    assert a.snapshot() == b.snapshot()
    assert a._where == b._where and a._order == b._order
    refs_a, refs_b = a._refs._by_target, b._refs._by_target
    assert {k: list(v) for k, v in refs_a.items()} == {k: list(v) for k, v in refs_b.items()}


def _no_slow_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: Any) -> None:
        raise AssertionError("the per-entity path ran for valid input")

    monkeypatch.setattr(bulk, "add_in_order", refuse)


def test_bulk_gives_the_model_adding_one_by_one_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    model = build_model()
    lists = _lists(model)
    expected = _one_by_one(model, lists)
    _no_slow_path(monkeypatch)
    built = OrgModel.from_collections(model.organisation, lists)
    _same(built, expected)
    _same(built, model)
    assert [e.id for e in built.embeds_of("dee")] == ["e1"]
    assert built.copy().snapshot() == model.snapshot()


def test_later_parents_and_managers_keep_the_reference_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Teams and people listed children first: references are deferred as in the slow path."""
    model = build_model()
    lists = _lists(model)
    lists[EntityKind.TEAM].reverse()
    lists[EntityKind.PERSON].reverse()
    lists[EntityKind.SERVICE].append(
        Service("extra", "Extra", owner="sre", support=Support.SRE, sre_team="sre")
    )
    expected = _one_by_one(model, lists)
    _no_slow_path(monkeypatch)
    built = OrgModel.from_collections(model.organisation, lists)
    _same(built, expected)
    assert list(built.teams) == ["sre", "plat", "pay", "eng"]


def test_the_large_example_takes_the_bulk_path(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgmodel.examples import load_example

    model = load_example("large-enterprise")
    lists = _lists(model)
    expected = _one_by_one(model, lists)
    _no_slow_path(monkeypatch)
    _same(OrgModel.from_collections(model.organisation, lists), expected)


def _swap(collection: EntityKind, entity_id: str, /, **values: Any) -> Any:
    def change(lists: Lists) -> None:
        items = lists[collection]
        at = next(i for i, e in enumerate(items) if e.id == entity_id)
        items[at] = replace(items[at], **values)

    return change


def _append(kind: EntityKind, entity: Any) -> Any:
    return lambda lists: lists[kind].append(entity)


T, P, S = EntityKind.TEAM, EntityKind.PERSON, EntityKind.SERVICE
BAD = {
    "duplicate id across kinds": _append(T, Team("bob", "Bob's team")),
    "duplicate dependency": _append(EntityKind.DEPENDENCY, Dependency("web", "ledger")),
    "empty id": _append(T, Team("", "Nameless")),
    "id not text": _append(T, Team(7, "Seven")),  # type: ignore[arg-type]
    "dangling parent": _swap(T, "pay", parent="nope"),
    "parent of the wrong kind": _swap(T, "pay", parent="bob"),
    "team cycle": _swap(T, "eng", parent="pay"),
    "team is its own parent": _swap(T, "pay", parent="pay"),
    "dangling home team": _swap(P, "bob", team="nope"),
    "manager cycle": _swap(P, "boss", manager="cy"),
    "manager is a team": _swap(P, "bob", manager="pay"),
    "own manager": _swap(P, "bob", manager="bob"),
    "fte too big": _swap(P, "bob", fte=1.5),
    "fte not a number": _swap(P, "bob", fte=math.nan),
    "fte a bool": _swap(P, "bob", fte=True),
    "role as text": _swap(P, "bob", role="sre_se"),
    "blank name": _swap(P, "bob", name="  "),
    "tags not a tuple": _swap(P, "bob", tags=["a"]),
    "sites 3": _swap(T, "pay", sites=3),
    "has_oncall 1": _swap(T, "pay", has_oncall=1),
    "kind as text": _swap(T, "pay", kind="sre"),
    "tier 7": _swap(S, "web", tier=7),
    "negative load": _swap(S, "web", load=ServiceLoad(incidents_per_week=-1.0)),
    "sre support by a software team": _swap(S, "ledger", sre_team="pay"),
    "sre support without a team": _swap(S, "ledger", sre_team=None),
    "dev support naming an sre team": _swap(S, "web", sre_team="sre"),
    "dangling platform version": _swap(S, "web", platform_version="nope"),
    "platform version of the wrong kind": _swap(S, "web", platform_version="k8s"),
    "hand-off to a software team": _swap(
        EntityKind.PLATFORM_VERSION, "k8s-3", production_owner="pay"
    ),
    "version without a platform": _swap(EntityKind.PLATFORM_VERSION, "k8s-3", platform=None),
    "blank version": _swap(EntityKind.PLATFORM_VERSION, "k8s-3", version=" "),
    "embed into the home team": _swap(EntityKind.EMBED, "e1", host="plat"),
    "embed ends before it starts": _swap(EntityKind.EMBED, "e1", end=date(2025, 1, 1)),
    "embed of nobody": _swap(EntityKind.EMBED, "e1", person="nope"),
    "dependency on itself": _append(EntityKind.DEPENDENCY, Dependency("web", "web")),
    "dependency on a team": _append(EntityKind.DEPENDENCY, Dependency("web", "pay")),
    "forum seat of nobody": _swap(
        EntityKind.FORUM, "sos", representatives=(Representative("nope", "pay"),)
    ),
    "forum seat twice": _swap(
        EntityKind.FORUM,
        "sos",
        representatives=(Representative("bob", "pay"), Representative("bob", "pay")),
    ),
    "forum seat not a pair": _swap(EntityKind.FORUM, "sos", representatives=(("bob", "pay"),)),
    "view zoom 0": _swap(EntityKind.VIEW, "v1", zoom=0.0),
    "view position not a pair": _swap(EntityKind.VIEW, "v1", positions={"bob": (1.0,)}),
    "person in the teams list": _append(T, Person("zed", "Zed", Role.OTHER, team="pay")),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_refused_like_one_by_one(name: str) -> None:
    model = build_model()
    lists = _lists(model)
    BAD[name](lists)
    assert bulk.plan(bulk.in_order(lists)) is None
    with pytest.raises(Exception) as expected:
        _one_by_one(model, lists)
    with pytest.raises(type(expected.value)) as got:
        OrgModel.from_collections(model.organisation, lists)
    assert str(got.value) == str(expected.value)
    if isinstance(expected.value, OrgModelError):
        assert "\n" not in str(got.value)


class _Text(str):
    """A str subclass: the plan is stricter than the per-entity checks and declines it."""


def test_what_the_plan_declines_still_builds_through_the_slow_path() -> None:
    model = build_model()
    lists = _lists(model)
    lists[EntityKind.TEAM].append(Team("odd", _Text("Odd"), TeamKind.GROUP))
    lists[EntityKind.VIEW].append(View("v3", "Three", positions={"bob": (1, 2.5)}))
    assert bulk.plan(bulk.in_order(lists)) is None
    _same(OrgModel.from_collections(model.organisation, lists), _one_by_one(model, lists))


def test_embed_kinds_and_unknown_collections() -> None:
    model = build_model()
    with pytest.raises(ValueError, match="not a collection"):
        OrgModel.from_collections(model.organisation, {"nope": []})  # type: ignore[dict-item]
    empty = OrgModel.from_collections(model.organisation, {})
    assert len(empty) == 0 and empty.organisation == model.organisation
    lists = _lists(model)
    lists[EntityKind.EMBED].append(Embed("e2", "bob", "plat", start=date(2026, 1, 1)))
    assert [
        e.id for e in OrgModel.from_collections(model.organisation, lists).embeds_of("bob")
    ] == ["e2"]
