"""What a saved view shows: filters, view lookup, positions (saved, laid out, or a grid)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from orgmodel.analysis.graph import build_graph
from orgmodel.core.entities import View
from orgmodel.core.errors import FormatError
from orgmodel.core.kinds import Layout
from orgmodel.examples import load_example
from orgmodel.interop import viewgraph
from orgmodel.interop.viewgraph import find_view, view_graph, view_positions


def test_find_view_by_id_or_name_without_case() -> None:
    model = load_example("seed-enterprise")
    assert find_view(model, "view-platform-stack").name == "Platform stack"
    assert find_view(model, "sre AND its SERVICES").id == "view-sre-services"
    with pytest.raises(FormatError, match="'Whole organisation', 'Platform stack'"):
        find_view(model, "missing")


def test_no_view_is_the_whole_graph() -> None:
    model = load_example("startup")
    whole = build_graph(model)
    graph = view_graph(model, None)
    assert graph.number_of_nodes() == whole.number_of_nodes()
    assert graph.number_of_edges() == whole.number_of_edges()


def test_node_kinds_edge_kinds_and_support_filters() -> None:
    model = load_example("seed-enterprise")
    view = View(
        "v",
        "v",
        filters={"node_kinds": ["team", "service"], "support": "sre", "edge_kinds": ["supports"]},
    )
    graph = view_graph(model, view)
    kinds = {data for _, data in graph.nodes(data="kind")}
    assert kinds == {"team", "service"}
    services = [n for n, kind in graph.nodes(data="kind") if kind == "service"]
    assert services and all(model.services[s].sre_team == "team-sre" for s in services)
    assert {kind for *_, kind in graph.edges(data="kind")} == {"supports"}
    assert graph.number_of_edges() == len(services)


def test_subtree_filter_keeps_one_team_and_what_hangs_under_it() -> None:
    model = load_example("seed-enterprise")
    graph = view_graph(model, View("v", "v", filters={"subtree": "team-payments"}))
    people = [n for n, kind in graph.nodes(data="kind") if kind == "person"]
    assert sorted(people) == sorted(p.id for p in model.members("team-payments"))
    assert "team-checkout" not in graph and "svc-ledger" in graph
    assert "forum-scrum-of-scrums" not in graph


def test_collapsed_teams_hide_their_contents_but_stay_visible() -> None:
    model = load_example("seed-enterprise")
    graph = view_graph(model, View("v", "v", filters={"collapsed": ["team-product-engineering"]}))
    assert "team-product-engineering" in graph
    assert "team-payments" not in graph and "svc-ledger" not in graph
    assert "team-sre" in graph and "person-grace-adeyemi" in graph


def test_focus_keeps_the_neighbourhood_along_shown_edges() -> None:
    model = load_example("seed-enterprise")
    filters = {"focus": ["svc-ledger"], "focus_depth": 1, "edge_kinds": ["supports", "owns"]}
    graph = view_graph(model, View("v", "v", filters=filters))
    assert set(graph) == {"svc-ledger", "team-sre", "team-payments"}


def test_unknown_kinds_are_ignored_like_on_the_canvas() -> None:
    model = load_example("startup")
    graph = view_graph(model, View("v", "v", filters={"node_kinds": ["team", "teams"], "x": 1}))
    assert {kind for _, kind in graph.nodes(data="kind")} == {"team"}


def test_huge_models_show_teams_when_the_view_names_no_kinds() -> None:
    model = load_example("large-enterprise")
    graph = view_graph(model, View("v", "v"))
    assert {kind for _, kind in graph.nodes(data="kind")} == {"team"}


@pytest.mark.parametrize(
    "filters, message",
    [
        ({"node_kinds": 3}, "must be a list"),
        ({"node_kinds": "team"}, "must be a list"),
        ({"support": ["sre"]}, "must be a name"),
        ({"focus_depth": "2"}, "whole number"),
    ],
)
def test_filters_of_the_wrong_type_are_refused_with_a_sentence(
    filters: dict[str, object], message: str
) -> None:
    model = load_example("startup")
    with pytest.raises(FormatError, match=message):
        view_graph(model, View("v", "v", filters=filters))


def test_saved_positions_win_and_missing_nodes_go_below() -> None:
    model = load_example("startup")
    view = View("v", "v", Layout.MANUAL, positions={"team-product": (10.0, 20.0)})
    graph = view_graph(model, view)
    positions = view_positions(model, view, graph)
    assert positions["team-product"] == (10.0, 20.0)
    assert set(positions) == set(graph)
    assert all(y > 20.0 for node, (_x, y) in positions.items() if node != "team-product")


def test_grid_fallback_when_the_layout_places_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_example("startup")
    monkeypatch.setattr(viewgraph, "_laid_out", lambda model, layout, nodes: {})
    view = replace(next(iter(model.views.values())), positions={})
    graph = view_graph(model, view)
    positions = view_positions(model, view, graph)
    assert set(positions) == set(graph)
    assert len(set(positions.values())) == len(positions)  # no two nodes on one spot


def test_a_view_too_large_for_force_falls_back_to_the_org_chart() -> None:
    model = load_example("large-enterprise")
    view = View("v", "v", Layout.FORCE, filters={"node_kinds": ["team", "person"]})
    graph = view_graph(model, view)
    positions = view_positions(model, view, graph)
    assert set(positions) == set(graph) and len(graph) > 2000
