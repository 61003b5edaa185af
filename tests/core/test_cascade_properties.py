"""Property-based: on random organisations, removing any entity with its cascade matches a naive
oracle, and reverting the plan (as the editing commands do) restores the model exactly.

The oracle is deliberately simple and slow (a fixpoint over full scans, written independently of
``cascade.py``): what must go, and how the survivors' soft references are cleared.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.core.cascade import removal_plan
from orgmodel.core.entities import (
    Dependency,
    Embed,
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Representative,
    Service,
    Team,
)
from orgmodel.core.kinds import EntityKind, Support, TeamKind
from orgmodel.core.model import OrgModel, kind_of

HARD = {
    (Team, "parent"),
    (Person, "team"),
    (Service, "owner"),
    (Platform, "owner"),
    (PlatformVersion, "platform"),
    (Embed, "person"),
    (Embed, "host"),
    (Dependency, "source"),
    (Dependency, "target"),
}
FIELDS = {
    Team: ["parent"],
    Person: ["team", "manager"],
    Service: ["owner", "sre_team", "platform_version"],
    Platform: ["owner"],
    PlatformVersion: ["platform", "production_owner"],
    Embed: ["person", "host"],
    Dependency: ["source", "target"],
}


def oracle(model: OrgModel, root: str) -> dict[str, list[Any]]:
    entities = list(model.entities())
    doomed = {root}
    grew = True
    while grew:
        grew = False
        for e in entities:
            hard = [f for f in FIELDS.get(type(e), []) if (type(e), f) in HARD]
            if e.id not in doomed and any(getattr(e, f) in doomed for f in hard):
                doomed.add(e.id)
                grew = True
    out: dict[str, list[Any]] = {k.value: [] for k in EntityKind}
    for e in entities:
        if e.id in doomed:
            continue
        if isinstance(e, Person) and e.manager in doomed:
            e = replace(e, manager=None)
        if isinstance(e, Service) and e.sre_team in doomed:
            e = replace(e, sre_team=None, support=Support.DEV)
        if isinstance(e, Service) and e.platform_version in doomed:
            e = replace(e, platform_version=None)
        if isinstance(e, PlatformVersion) and e.production_owner in doomed:
            e = replace(e, production_owner=None)
        if isinstance(e, Forum):
            seats = [
                r for r in e.representatives if r.person not in doomed and r.team not in doomed
            ]
            e = replace(e, representatives=tuple(seats))
        out[kind_of(e).value].append(e)
    return out


@st.composite
def organisations(draw: st.DrawFn) -> OrgModel:
    m = OrgModel()
    teams: list[str] = []
    for i in range(draw(st.integers(1, 7))):
        parent = draw(st.sampled_from([None, *teams]))
        kind = draw(st.sampled_from([TeamKind.SRE, TeamKind.SOFTWARE, TeamKind.GROUP]))
        m.add(Team(f"t{i}", f"T{i}", kind, parent))
        teams.append(f"t{i}")
    sre = [t for t in teams if m.teams[t].kind is TeamKind.SRE]
    people: list[str] = []
    for i in range(draw(st.integers(0, 8))):
        team = draw(st.sampled_from([None, *teams]))
        m.add(Person(f"p{i}", f"P{i}", team=team, manager=draw(st.sampled_from([None, *people]))))
        people.append(f"p{i}")
    versions: list[str] = []
    for i in range(draw(st.integers(0, 2))):
        m.add(Platform(f"k{i}", f"K{i}", owner=draw(st.sampled_from([None, *teams]))))
        for v in range(draw(st.integers(0, 2))):
            owner = draw(st.sampled_from([None, *sre]))
            m.add(PlatformVersion(f"k{i}v{v}", f"k{i}", f"{v}.0", production_owner=owner))
            versions.append(f"k{i}v{v}")
    services: list[str] = []
    for i in range(draw(st.integers(0, 6))):
        sre_team = draw(st.sampled_from([None, *sre]))
        m.add(
            Service(
                f"s{i}",
                f"S{i}",
                owner=draw(st.sampled_from([None, *teams])),
                support=Support.SRE if sre_team else Support.DEV,
                sre_team=sre_team,
                platform_version=draw(st.sampled_from([None, *versions])),
            )
        )
        services.append(f"s{i}")
    if len(services) > 1:
        pairs = st.tuples(st.sampled_from(services), st.sampled_from(services))
        for a, b in draw(st.lists(pairs, max_size=5, unique=True)):
            if a != b:
                m.add(Dependency(a, b))
    for i, person in enumerate(
        draw(st.lists(st.sampled_from(people), max_size=3)) if people else []
    ):
        hosts = [t for t in teams if t != m.people[person].team]
        if hosts:
            m.add(Embed(f"e{i}", person, draw(st.sampled_from(hosts))))
    if people:
        seats = draw(
            st.lists(
                st.tuples(st.sampled_from(people), st.sampled_from(teams)), max_size=4, unique=True
            )
        )
        m.add(Forum("f", "Forum", tuple(Representative(p, t) for p, t in seats)))
    return m


@settings(max_examples=300, derandomize=True, deadline=None)
@given(model=organisations(), data=st.data())
def test_removal_matches_the_oracle_and_undo_restores(model: OrgModel, data: st.DataObject) -> None:
    root = data.draw(st.sampled_from([e.id for e in model.entities()]))
    before = model.snapshot()
    expected = oracle(model, root)
    steps = removal_plan(model, root)
    for step in steps:
        if step.action == "update":
            model.update(step.new)
    removed = model.remove_many([s.old.id for s in steps if s.action == "remove"])
    assert {k.value: list(model.collection(k).values()) for k in EntityKind} == expected
    for entity, index in reversed(removed):
        model.add(entity, index)
    for step in reversed(steps):
        if step.action == "update":
            model.update(step.old)
    assert model.snapshot() == before
