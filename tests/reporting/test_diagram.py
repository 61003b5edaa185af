from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest

from orgmodel.reporting import diagram_scene
from orgmodel.reporting.diagram import draw_view
from orgmodel.reporting.diagram_scene import box_size, build_scene, label_points


def _views(model: Any) -> dict[str, Any]:
    return {v.name: v for v in model.views.values()}


def _boxes(scene: Any) -> dict[str, tuple[float, float, float, float]]:
    out = {}
    for node, (x, y) in scene.positions.items():
        w, h = box_size(scene.nodes[node]["kind"], scene.compact)
        out[node] = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
    return out


def test_every_view_is_readable_and_boxes_never_overlap(seed_model: Any) -> None:
    for view in seed_model.views.values():
        scene = build_scene(seed_model, view)
        assert label_points(scene) >= diagram_scene.MIN_LABEL_PT, view.name
        assert set(scene.positions) == set(scene.nodes)
        boxes = _boxes(scene)
        for a, b in combinations(boxes, 2):
            (l1, t1, r1, b1), (l2, t2, r2, b2) = boxes[a], boxes[b]
            assert r1 <= l2 or r2 <= l1 or b1 <= t2 or b2 <= t1, (view.name, a, b)


def test_filters_of_a_view_are_applied(seed_model: Any) -> None:
    scene = build_scene(seed_model, _views(seed_model)["SRE and its services"])
    kinds = {d["kind"] for d in scene.nodes.values()}
    assert kinds == {"team", "service"}
    services = [n for n, d in scene.nodes.items() if d["kind"] == "service"]
    assert services and all(seed_model.services[s].support.value == "sre" for s in services)
    assert sum(1 for s in seed_model.services.values() if s.support.value == "sre") == len(services)


def test_folded_people_are_counted_in_team_boxes(seed_model: Any) -> None:
    scene = build_scene(seed_model, _views(seed_model)["Whole organisation"])
    assert scene.detail != "full"
    assert scene.hidden["person"] == len(seed_model.people)
    counts = diagram_scene.team_counts(seed_model, scene)
    members = sum(1 for p in seed_model.people.values() if p.team == "team-checkout")
    assert counts["team-checkout"].startswith(f"{members} people")


def test_big_views_fall_back_to_teams_then_groups(seed_model: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diagram_scene, "MIN_LABEL_PT", 9.5)
    scene = build_scene(seed_model, _views(seed_model)["Whole organisation"])
    assert scene.detail in ("teams", "groups")
    assert {d["kind"] for d in scene.nodes.values()} == {"team"}
    monkeypatch.setattr(diagram_scene, "MIN_LABEL_PT", 99.0)
    scene = build_scene(seed_model, _views(seed_model)["Whole organisation"])
    assert scene.detail == "groups"
    assert all(d["sub"] == "group" for d in scene.nodes.values())


def test_tree_routes_join_child_and_parent_boxes(seed_model: Any) -> None:
    scene = build_scene(seed_model, None)
    route = scene.routes[("team-checkout", "team-product-engineering")]
    child, parent = _boxes(scene)["team-checkout"], _boxes(scene)["team-product-engineering"]
    assert route[0][1] == pytest.approx(parent[3])  # leaves the parent's bottom edge
    assert route[-1][1] == pytest.approx(child[1])  # enters the child's top edge
    assert parent[0] <= route[0][0] <= parent[2]


def test_drawing_has_every_label_and_a_legend(seed_model: Any) -> None:
    view = _views(seed_model)["SRE and its services"]
    fig = draw_view(seed_model, view)
    texts = [t.get_text().replace("\n", " ") for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    for service in seed_model.services.values():
        if service.support.value == "sre":
            assert any(service.name in t for t in texts), service.name
    legend = fig.axes[1].get_legend()
    captions = [t.get_text() for t in legend.get_texts()]
    assert "Service, SRE-supported" in captions and "SRE team" in captions
    assert "Service, developer-supported" not in captions  # only what is drawn


def test_saved_positions_are_kept_when_they_read_well(seed_model: Any) -> None:
    from dataclasses import replace

    view = _views(seed_model)["SRE and its services"]
    nodes = list(build_scene(seed_model, view).nodes)
    grid = {n: (200.0 * (i % 6), 60.0 * (i // 6)) for i, n in enumerate(nodes)}
    scene = build_scene(seed_model, replace(view, positions=grid))
    assert not scene.compact and scene.positions == grid
    spread = {n: (x * 20, y * 20) for n, (x, y) in grid.items()}  # too sparse to read on a page
    assert build_scene(seed_model, replace(view, positions=spread)).compact


def test_small_views_keep_the_canvas_layout_with_orthogonal_connectors() -> None:
    from orgmodel.analysis import layouts
    from orgmodel.examples import load_example

    model = load_example("startup")
    view = next(iter(model.views.values()))
    scene = build_scene(model, view)
    assert scene.detail == "full" and not scene.compact
    expected = layouts.layout(model, view.layout, list(scene.nodes))
    assert scene.positions == {n: (float(x), float(y)) for n, (x, y) in expected.items()}
    tree_edges = [(s, t) for s, t, k in scene.edges if k in ("part_of", "member_of", "owns")]
    assert tree_edges
    for source, target in tree_edges:
        route = scene.routes.get((source, target)) or scene.routes.get((target, source))
        assert route is not None, (source, target)
        for (x0, y0), (x1, y1) in zip(route, route[1:], strict=False):
            assert x0 == x1 or y0 == y1  # only horizontal and vertical segments
