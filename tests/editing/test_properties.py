"""Property-based: 1,000 random command sequences over the small model keep every promise.

Each sequence mixes commands (many of them refused: missing ids, cycles, wrong kinds, bad dates),
macros (some failing half-way), undo, redo, history jumps and saves. Checked after every step: a
refused command or macro changes nothing and records nothing; the model at each history index is
the one recorded when that index was reached; ``is_clean`` never claims a state that differs from
the saved one; an event mirror stays equal. At the end, undo-all gives back the original model and
redo-all the edited one, and at each of these three points the reverse reference index agrees
with a full scan.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from orgmodel.core.entities import Person, Service, Team
from orgmodel.core.errors import OrgModelError
from orgmodel.core.kinds import Layout, Support, TeamKind
from orgmodel.core.model import OrgModel
from orgmodel.core.references import references_of
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

from .conftest import build_model  # type: ignore[import-not-found]

TEAMS = ["eng", "pay", "shop", "plat", "sre", "ops", "t1", "t2", "nope"]
PEOPLE = ["boss", "ada", "bob", "cy", "dee", "eve", "p1", "nope"]
SERVICES = ["checkout", "ledger", "web", "s1", "nope"]
VERSIONS = ["k8s-3", "k8s-4", "nope"]
EMBEDS = ["e1", "e2", "nope"]
VIEWS = ["v1", "v2", "v3", "nope"]
ANY_ID = sorted({*TEAMS, *PEOPLE, *SERVICES, *VERSIONS, *EMBEDS, *VIEWS, "k8s", "sos", "base"})

Factory = Callable[[], Command]


def _pick(ids: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(ids)


def _maybe(ids: list[str]) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(ids)


DATES = st.sampled_from([None, date(2026, 1, 5), date(2026, 3, 2), date(2025, 12, 1)])
NAMES = st.sampled_from(["A", "Ab", "Abc", "Payments", " "])


def _f(cls: Any, *args: Any, **kwargs: Any) -> Factory:
    return lambda: cls(*args, **kwargs)  # type: ignore[no-any-return]


COMMANDS: st.SearchStrategy[Factory] = st.one_of(
    st.builds(
        lambda i, parent, kind: _f(AddEntityCommand, Team(i, i.upper(), kind, parent)),
        _pick(["t1", "t2", "pay"]),
        _maybe(TEAMS),
        st.sampled_from(list(TeamKind)),
    ),
    st.builds(
        lambda team, manager, index: _f(
            AddEntityCommand, Person("p1", "Pat", team=team, manager=manager), index
        ),
        _maybe(TEAMS),
        _maybe(PEOPLE),
        st.none() | st.integers(0, 8),
    ),
    st.builds(
        lambda owner, sre: _f(
            AddEntityCommand,
            Service(
                "s1",
                "Search",
                owner=owner,
                support=Support.SRE if sre else Support.DEV,
                sre_team=sre,
            ),
        ),
        _maybe(TEAMS),
        _maybe(TEAMS),
    ),
    st.builds(lambda i: _f(RemoveEntityCommand, i), _pick(ANY_ID)),
    st.builds(lambda i, n: _f(ChangeEntityCommand, i, merge=True, name=n), _pick(ANY_ID), NAMES),
    st.builds(lambda i, p: _f(ChangeEntityCommand, i, parent=p), _pick(TEAMS), _maybe(TEAMS)),
    st.builds(
        lambda i, k: _f(ChangeEntityCommand, i, kind=k),
        _pick(TEAMS),
        st.sampled_from(list(TeamKind)),
    ),
    st.builds(lambda i, m: _f(ChangeEntityCommand, i, manager=m), _pick(PEOPLE), _maybe(PEOPLE)),
    st.builds(lambda p, t: _f(MovePersonCommand, p, t), _pick(PEOPLE), _maybe(TEAMS)),
    st.builds(
        lambda p, h, s, e, i: _f(StartEmbedCommand, p, h, "help", s, e, i),
        _pick(PEOPLE),
        _pick(TEAMS),
        DATES,
        DATES,
        _pick(EMBEDS),
    ),
    st.builds(lambda i, e: _f(EndEmbedCommand, i, e), _pick(EMBEDS), DATES),
    st.builds(lambda s, t: _f(SetServiceSupportCommand, s, t), _pick(SERVICES), _maybe(TEAMS)),
    st.builds(lambda v, t: _f(HandPlatformVersionCommand, v, t), _pick(VERSIONS), _maybe(TEAMS)),
    st.builds(lambda a, b: _f(AddDependencyCommand, a, b), _pick(SERVICES), _pick(SERVICES)),
    st.builds(lambda a, b: _f(RemoveDependencyCommand, a, b), _pick(SERVICES), _pick(SERVICES)),
    st.builds(lambda p, t: _f(AddRepresentativeCommand, "sos", p, t), _pick(PEOPLE), _pick(TEAMS)),
    st.builds(
        lambda p, t: _f(RemoveRepresentativeCommand, "sos", p, t), _pick(PEOPLE), _pick(TEAMS)
    ),
    st.builds(
        lambda v, n, x: _f(MoveNodesCommand, v, {n: (x, -x)}),
        _pick(VIEWS),
        _pick(TEAMS),
        st.sampled_from([0.0, 1.5, float("inf")]),
    ),
    st.builds(
        lambda v, lay: _f(ApplyLayoutCommand, v, lay, {"eng": (1.0, 2.0)}),
        _pick(VIEWS),
        st.sampled_from([*Layout, "spiral"]),
    ),
    st.builds(lambda v, i: _f(MoveViewCommand, v, i), _pick(VIEWS), st.integers(-1, 4)),
    st.builds(lambda n: _f(ChangeOrganisationCommand, merge=True, name=n), NAMES),
)

STEPS = st.one_of(
    COMMANDS.map(lambda f: ("push", f)),
    st.just(("undo", None)),
    st.just(("redo", None)),
    st.just(("save", None)),
    st.integers(0, 6).map(lambda i: ("jump", i)),
    st.tuples(st.lists(COMMANDS, max_size=4), st.booleans()).map(lambda m: ("macro", m)),
)


class Boom(Exception):
    """Raised inside a macro to make it fail after its commands ran."""


def _check_reference_index(model: OrgModel) -> None:
    expected: dict[str, set[tuple[str, str]]] = {}
    for entity in model.entities():
        for field, target in references_of(entity):
            expected.setdefault(target, set()).add((entity.id, field))
    for target in {*expected, *(e.id for e in model.entities())}:
        found = {(e.id, f) for e, f in model.referrers(target)}
        assert found == expected.get(target, set()), target


class Run:
    """Plays one sequence and checks the promises after every step."""

    def __init__(self, mirror_class: type[Any]) -> None:
        self.model = build_model()
        self.original = self.model.snapshot()
        self.stack = CommandStack(self.model)
        self.mirror = mirror_class(self.model)
        self.states = [self.original]  # states[i]: the model when i commands are done
        self.saved = self.original

    def push(self, factory: Factory) -> None:
        before, count = self.model.snapshot(), len(self.stack)
        try:
            self.stack.push(factory())
        except OrgModelError:
            assert self.model.snapshot() == before and len(self.stack) == count
            event("a command was refused")
            return
        event("a command was done")
        self.states[self.stack.index :] = [self.model.snapshot()]

    def macro(self, factories: list[Factory], fail: bool) -> None:
        before, index, count = self.model.snapshot(), self.stack.index, len(self.stack)
        try:
            with self.stack.macro("Macro"):
                for factory in factories:
                    self.push_inside(factory)
                if fail:
                    raise Boom
        except Boom:
            assert self.model.snapshot() == before and len(self.stack) == count
            event("a macro failed and was rolled back")
            return
        if self.stack.index == index + 1:
            self.states[self.stack.index :] = [self.model.snapshot()]
        else:
            assert self.model.snapshot() == before and self.stack.index == index

    def push_inside(self, factory: Factory) -> None:
        before = self.model.snapshot()
        try:
            self.stack.push(factory())
        except OrgModelError:
            assert self.model.snapshot() == before

    def step(self, kind: str, arg: Any) -> None:
        if kind == "push":
            self.push(arg)
        elif kind == "macro":
            self.macro(*arg)
        elif kind == "undo":
            self.stack.undo()
        elif kind == "redo":
            self.stack.redo()
        elif kind == "jump":
            self.stack.set_index(arg)
        elif kind == "save":
            self.stack.set_clean()
            self.saved = self.model.snapshot()
        self.check()

    def check(self) -> None:
        assert self.model.snapshot() == self.states[self.stack.index]
        assert len(self.states) == len(self.stack) + 1
        if self.stack.is_clean:
            assert self.model.snapshot() == self.saved
        assert self.mirror.copy.snapshot() == self.model.snapshot()


@settings(
    max_examples=1000,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEPS, max_size=10))
def test_random_sequences_undo_and_redo_exactly(
    steps: list[tuple[str, Any]], mirror_class: type[Any]
) -> None:
    run = Run(mirror_class)
    for kind, arg in steps:
        run.step(kind, arg)
    _check_reference_index(run.model)
    end_index, end_state = run.stack.index, run.model.snapshot()
    if end_state != run.original:
        event("the sequence changed the model")
    run.stack.set_index(0)
    assert run.model.snapshot() == run.original
    _check_reference_index(run.model)
    run.stack.set_index(len(run.stack))
    assert run.model.snapshot() == run.states[-1]
    _check_reference_index(run.model)
    run.stack.set_index(end_index)
    assert run.model.snapshot() == end_state
    assert run.mirror.copy.snapshot() == end_state
