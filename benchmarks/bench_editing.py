"""Time removing a top-level team (with its cascade) and undoing/redoing it on a large model.

Builds a synthetic organisation of about 2,000 people and 2,500 services (one root team holding
five divisions, departments and software teams; SRE teams supporting a share of the services;
dependencies, embeds, a forum seating every team, platforms and versions), then pushes a
``RemoveEntityCommand`` for one division and for the root, undoes and redoes each, and checks that
undo gives back the exact model. Prints the best of a few repeats. Not a test; run it by hand:

    python benchmarks/bench_editing.py [--repeat 3] [--example]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from orgmodel.core.cascade import removal_plan
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
)
from orgmodel.core.kinds import EntityKind, Role, Support, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel
from orgmodel.editing.commands import RemoveEntityCommand
from orgmodel.editing.stack import CommandStack


def _software_teams(m: OrgModel, rng: random.Random, n_teams: int) -> list[str]:
    teams: list[str] = []
    for d in range(5):
        m.add(Team(f"div{d}", f"Division {d}", TeamKind.GROUP, "root"))
        for g in range(5):
            dept = f"dept{d}.{g}"
            m.add(Team(dept, f"Department {d}.{g}", TeamKind.GROUP, f"div{d}"))
            for t in range(n_teams // 25):
                team = f"team{d}.{g}.{t}"
                m.add(Team(team, f"Team {d}.{g}.{t}", parent=dept, has_oncall=rng.random() < 0.5))
                teams.append(team)
    return teams


def build(people: int = 2000, services: int = 2500, seed: int = 7) -> OrgModel:
    rng = random.Random(seed)
    m = OrgModel(Organisation(name="Synthetic"))
    m.add(Team("root", "Engineering", TeamKind.GROUP))
    teams = _software_teams(m, rng, 225)
    m.add(Team("infra", "Infrastructure", TeamKind.GROUP, "div4"))
    m.add(Team("plat", "Platform", TeamKind.PLATFORM, "infra"))
    sre = [f"sre{i}" for i in range(6)]
    for team in sre:
        m.add(Team(team, team.upper(), TeamKind.SRE, "infra", 2, True))
    m.add(Person("cto", "CTO", Role.MANAGER, "root"))
    staff = [*teams, *sre, "plat"]
    for i in range(people - 1):
        team = staff[i % len(staff)]
        role = Role.SRE_SE if team in sre else Role.SOFTWARE_ENGINEER
        manager = "cto" if i < len(staff) else f"p{i - len(staff)}"
        m.add(Person(f"p{i}", f"Person {i}", role, team, manager))
    m.add(Platform("k8s", "Kubernetes", owner="plat"))
    for v in range(4):
        owner = rng.choice(sre) if v == 2 else None
        m.add(PlatformVersion(f"k8s-{v}", "k8s", f"{v}.0", VersionStatus.RELEASED, owner))
    for s in range(services):
        support = rng.random() < 0.3
        m.add(
            Service(
                f"s{s}",
                f"Service {s}",
                rng.choice(teams),
                tier=rng.randint(1, 4),
                support=Support.SRE if support else Support.DEV,
                sre_team=rng.choice(sre) if support else None,
                platform_version=f"k8s-{rng.randint(0, 3)}",
            )
        )
    for s in range(services):
        for t in rng.sample(range(services), 2):
            if t != s and f"s{s}->s{t}" not in m:
                m.add(Dependency(f"s{s}", f"s{t}"))
    for e in range(100):
        person = m.people[f"p{rng.randrange(people - 1)}"]
        host = rng.choice([t for t in teams[:50] if t != person.team])
        m.add(Embed(f"e{e}", person.id, host, "help"))
    seats = tuple(Representative(m.members(t)[0].id, t) for t in teams if m.members(t))
    m.add(Forum("sos", "Scrum of scrums", seats))
    return m


def best(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(model: OrgModel, team_id: str, repeat: int) -> None:
    stack = CommandStack(model)
    before = model.snapshot()
    plan_s = best(repeat, lambda: removal_plan(model, team_id))
    steps = removal_plan(model, team_id)
    push_s, undo_s, redo_s = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        stack.push(RemoveEntityCommand(team_id))
        push_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        stack.undo()
        undo_s.append(time.perf_counter() - start)
        assert model.snapshot() == before, "undo did not restore the model"
        start = time.perf_counter()
        stack.redo()
        redo_s.append(time.perf_counter() - start)
        stack.undo()
        stack.clear()
    print(
        f"  remove {team_id!r}: {len(steps)} steps "
        f"({sum(s.action == 'remove' for s in steps)} removals) | plan {plan_s * 1000:.0f} ms | "
        f"push {min(push_s) * 1000:.0f} ms | undo {min(undo_s) * 1000:.0f} ms | "
        f"redo {min(redo_s) * 1000:.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--example", action="store_true", help="also the bundled large-enterprise example"
    )
    args = parser.parse_args()
    start = time.perf_counter()
    model = build()
    built = time.perf_counter() - start
    counts = {kind.value: len(model.collection(kind)) for kind in EntityKind}
    print(f"model: {counts} built in {built:.2f} s")
    measure(model, "div0", args.repeat)
    measure(model, "root", args.repeat)
    if args.example:
        from orgmodel.examples import load_example

        example = load_example("large-enterprise")
        print(f"large-enterprise example: {len(example)} entities")
        for top in example.children(None):
            measure(example, top.id, args.repeat)


if __name__ == "__main__":
    main()
