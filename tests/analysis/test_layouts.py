"""Layouts: tidy-tree properties, no overlapping boxes, filtered subsets, determinism."""

from __future__ import annotations

import random

import pytest

from orgmodel.analysis import layouts
from orgmodel.analysis.layouts import (
    LayoutTooLargeError,
    boxes_of,
    diagram_nodes,
    org_chart,
    overlapping_pairs,
    platform_stack,
    tidy_tree,
)
from orgmodel.core.entities import Person, Platform, PlatformVersion, Service, Team
from orgmodel.core.kinds import Role, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel
from orgmodel.examplegen.seed_enterprise import build


def _random_forest(n: int, seed: int) -> tuple[list[str], dict[str, list[str]]]:
    rng = random.Random(seed)
    children: dict[str, list[str]] = {}
    roots = ["n0"]
    for i in range(1, n):
        if rng.random() < 0.02:
            roots.append(f"n{i}")
        else:
            children.setdefault(f"n{rng.randrange(i)}", []).append(f"n{i}")
    return roots, children


def _no_overlap(boxes: dict[str, tuple[float, float, float, float]]) -> None:
    assert overlapping_pairs(boxes) == []


def test_overlap_checker_finds_overlaps() -> None:
    boxes = {"a": (0.0, 0.0, 10.0, 10.0), "b": (5.0, 5.0, 15.0, 15.0), "c": (10.0, 0.0, 20.0, 4.0)}
    assert overlapping_pairs(boxes) == [("a", "b")]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_tidy_tree_properties(seed: int) -> None:
    roots, children = _random_forest(400, seed)
    rng = random.Random(seed)
    sizes = {f"n{i}": (rng.choice([40.0, 90.0, 160.0]), rng.choice([20.0, 50.0])) for i in range(400)}
    boxes = tidy_tree(roots, children, sizes, h_gap=10, v_gap=30)
    assert set(boxes) == set(sizes)
    _no_overlap(boxes)
    centre = {n: (b[0] + b[2]) / 2 for n, b in boxes.items()}
    for parent, kids in children.items():
        # a parent is centred over its children, which keep their order left to right
        mid = (centre[kids[0]] + centre[kids[-1]]) / 2
        assert centre[parent] == pytest.approx(mid)
        xs = [centre[k] for k in kids]
        assert xs == sorted(xs)
        # children sit on the level below their parent
        assert all(boxes[k][1] >= boxes[parent][3] + 30 - 1e-9 for k in kids)
    # neighbours on a level keep the gap
    by_level: dict[float, list[tuple[float, float, float, float]]] = {}
    for b in boxes.values():
        by_level.setdefault(b[1], []).append(b)
    for row in by_level.values():
        row.sort()
        for left, right in zip(row, row[1:], strict=False):
            assert right[0] - left[2] >= 10 - 1e-6


def test_tidy_tree_is_compact_for_a_symmetric_tree() -> None:
    children = {"r": ["a", "b"], "a": ["a1", "a2"], "b": ["b1", "b2"]}
    sizes = {n: (10.0, 10.0) for n in ["r", "a", "b", "a1", "a2", "b1", "b2"]}
    boxes = tidy_tree(["r"], children, sizes, h_gap=10, v_gap=10)
    lefts = sorted(boxes[n][0] for n in ["a1", "a2", "b1", "b2"])
    assert lefts == [0.0, 20.0, 40.0, 60.0]
    assert boxes["r"][0] == pytest.approx(30.0)


def test_deep_chain_does_not_recurse() -> None:
    n = 5000
    children = {f"n{i}": [f"n{i + 1}"] for i in range(n - 1)}
    boxes = tidy_tree(["n0"], children, {f"n{i}": (10.0, 10.0) for i in range(n)})
    assert len({b[0] for b in boxes.values()}) == 1


@pytest.fixture(scope="module")
def seed_model() -> OrgModel:
    return build()


@pytest.mark.parametrize("layout", [org_chart, platform_stack])
def test_layouts_place_every_node_without_overlap(seed_model: OrgModel, layout) -> None:  # type: ignore[no-untyped-def]
    kinds = diagram_nodes(seed_model)
    positions = layout(seed_model)
    assert set(positions) == set(kinds)
    _no_overlap(boxes_of(positions, kinds))
    assert layout(seed_model) == positions  # deterministic


def test_org_chart_puts_members_below_their_team(seed_model: OrgModel) -> None:
    positions = org_chart(seed_model)
    for person in seed_model.people.values():
        if person.team is not None:
            assert positions[person.id][1] > positions[person.team][1]


def test_platform_stack_layers(seed_model: OrgModel) -> None:
    positions = platform_stack(seed_model)
    y = {kind: [positions[t.id][1] for t in seed_model.teams.values() if t.kind is kind]
         for kind in TeamKind}
    assert max(y[TeamKind.SOFTWARE]) < min(y[TeamKind.AUTOMATION])
    assert max(y[TeamKind.AUTOMATION]) < min(y[TeamKind.SRE])
    assert max(y[TeamKind.SRE]) < min(y[TeamKind.PLATFORM])
    lowest_team = max(positions[t][1] for t in seed_model.teams)
    assert all(positions[p][1] > lowest_team for p in seed_model.platforms)


def test_layout_of_a_filtered_subset(seed_model: OrgModel) -> None:
    subset = {t for t in seed_model.teams} | set(list(seed_model.services)[:5])
    kinds = diagram_nodes(seed_model)
    for layout in (org_chart, platform_stack):
        positions = layout(seed_model, subset)
        assert set(positions) == subset
        _no_overlap(boxes_of(positions, kinds))


def test_hidden_parent_makes_team_a_root() -> None:
    model = OrgModel()
    model.add(Team("top", "Top", TeamKind.GROUP))
    model.add(Team("mid", "Mid", TeamKind.GROUP, "top"))
    model.add(Team("leaf", "Leaf", TeamKind.SOFTWARE, "mid"))
    model.add(Person("p", "P", Role.SOFTWARE_ENGINEER, "leaf"))
    positions = org_chart(model, {"top", "leaf", "p"})
    assert positions["leaf"][1] > positions["top"][1]  # grafted onto the nearest shown ancestor
    assert positions["p"][1] > positions["leaf"][1]


def test_orphans_and_platforms_are_placed() -> None:
    model = OrgModel()
    model.add(Team("pt", "Platform", TeamKind.PLATFORM))
    model.add(Platform("k8s", "K8s", owner="pt"))
    model.add(PlatformVersion("v1", "k8s", "1", VersionStatus.PRODUCTION))
    model.add(Service("s", "Loose service"))
    model.add(Person("p", "Loose person"))
    kinds = diagram_nodes(model)
    for layout in (org_chart, platform_stack, layouts.force):
        positions = layout(model)
        assert set(positions) == set(kinds)
        _no_overlap(boxes_of(positions, kinds))


def test_force_is_deterministic_and_overlap_free(seed_model: OrgModel) -> None:
    kinds = diagram_nodes(seed_model)
    first = layouts.force(seed_model)
    assert first == layouts.force(seed_model)
    _no_overlap(boxes_of(first, kinds))


def test_force_refuses_large_graphs(seed_model: OrgModel) -> None:
    with pytest.raises(LayoutTooLargeError, match="up to 10 nodes"):
        layouts.force(seed_model, limit=10)


def test_wide_fan_outs_wrap_into_rows() -> None:
    model = OrgModel()
    model.add(Team("root", "Root", TeamKind.GROUP))
    for i in range(12):
        model.add(Team(f"t{i}", f"Team {i}", TeamKind.SOFTWARE, "root"))
    positions = org_chart(model)
    assert len({round(positions[f"t{i}"][1]) for i in range(12)}) > 1  # several rows
    root_x = positions["root"][0]
    # the trunk below the root stays free: every row has teams on both sides of it
    assert any(positions[f"t{i}"][0] < root_x for i in range(12))
    assert any(positions[f"t{i}"][0] > root_x for i in range(12))
    assert all(abs(positions[f"t{i}"][0] - root_x) > 104 for i in range(12))
    _no_overlap(boxes_of(positions, diagram_nodes(model)))


def test_platform_stack_wraps_a_wide_layer() -> None:
    model = OrgModel()
    for i in range(40):
        model.add(Team(f"t{i}", f"Team {i}", TeamKind.SOFTWARE))
    positions = platform_stack(model)
    width = max(x for x, _ in positions.values()) - min(x for x, _ in positions.values())
    assert width < 40 * 200 / 2
    _no_overlap(boxes_of(positions, diagram_nodes(model)))
