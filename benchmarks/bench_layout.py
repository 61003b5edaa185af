"""Benchmark: the org-chart layout of a 10,000-node tree against Graphviz ``dot`` on the same tree.

Builds a deterministic organisation of 1,000 teams (a random tree, 2-8 sub-teams per team) and
9,000 people spread over them, times ``orgmodel.analysis.layouts.org_chart`` (best of 5) and
``dot`` through pygraphviz on the same nodes, box sizes and tree edges (one run; it is slow),
checks that no two boxes of our layout overlap, and prints the figures and the speed-up (goal:
at least 20x). pygraphviz is a benchmark-only extra (``pip install orgmodel[bench]``).

    python benchmarks/bench_layout.py [--nodes 10000] [--no-dot]
"""

from __future__ import annotations

import argparse
import random
import time

from orgmodel.analysis.layouts import boxes_of, diagram_nodes, org_chart, overlapping_pairs
from orgmodel.analysis.styles import LEAF_SIZE, TEAM_SIZE
from orgmodel.core.entities import Person, Team
from orgmodel.core.kinds import Role, TeamKind
from orgmodel.core.model import OrgModel


def build_tree(nodes: int, seed: int = 42) -> OrgModel:
    rng = random.Random(seed)
    teams = max(1, nodes // 10)
    model = OrgModel()
    model.add(Team("t0", "Team 0", TeamKind.GROUP))
    frontier = ["t0"]
    made = 1
    while made < teams:
        parent = frontier.pop(0)
        for _ in range(rng.randint(2, 8)):
            if made >= teams:
                break
            team_id = f"t{made}"
            model.add(Team(team_id, f"Team {made}", TeamKind.SOFTWARE, parent))
            frontier.append(team_id)
            made += 1
    team_ids = list(model.teams)
    for i in range(nodes - teams):
        model.add(Person(f"p{i}", f"Person {i}", Role.SOFTWARE_ENGINEER, rng.choice(team_ids)))
    return model


def time_ours(model: OrgModel, repeats: int = 5) -> tuple[float, dict[str, tuple[float, float]]]:
    best, positions = float("inf"), {}
    for _ in range(repeats):
        start = time.perf_counter()
        positions = org_chart(model)
        best = min(best, time.perf_counter() - start)
    return best, positions


def time_dot(model: OrgModel) -> float:
    import pygraphviz

    graph = pygraphviz.AGraph(directed=True, strict=False)
    graph.graph_attr.update(rankdir="TB", nodesep="0.3", ranksep="0.6")
    graph.node_attr.update(shape="box", fixedsize="true")
    for team in model.teams.values():
        graph.add_node(team.id, width=TEAM_SIZE[0] / 72, height=TEAM_SIZE[1] / 72)
        if team.parent:
            graph.add_edge(team.parent, team.id)
    for person in model.people.values():
        graph.add_node(person.id, width=LEAF_SIZE[0] / 72, height=LEAF_SIZE[1] / 72)
        graph.add_edge(person.team, person.id)
    start = time.perf_counter()
    graph.layout(prog="dot")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--no-dot", action="store_true", help="skip Graphviz (slow)")
    args = parser.parse_args()
    model = build_tree(args.nodes)
    ours, positions = time_ours(model)
    overlaps = overlapping_pairs(boxes_of(positions, diagram_nodes(model)))
    print(f"tree: {len(model.teams)} teams + {len(model.people)} people = {len(positions)} nodes")
    print(f"orgmodel org_chart: {ours * 1000:.1f} ms (best of 5); overlapping boxes: {len(overlaps)}")
    if not args.no_dot:
        dot = time_dot(model)
        verdict = "meets" if dot / ours >= 20 else "MISSES"
        print(f"graphviz dot:       {dot * 1000:.1f} ms")
        print(f"speed-up: {dot / ours:.0f}x ({verdict} the 20x goal)")
    if overlaps:
        raise SystemExit(f"{len(overlaps)} overlapping node pairs, e.g. {overlaps[:3]}")


if __name__ == "__main__":
    main()
