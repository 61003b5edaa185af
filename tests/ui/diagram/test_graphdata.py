"""The canvas's per-entity nodes and edges equal build_graph; filters pick the right nodes."""

from __future__ import annotations

import pytest

from orgmodel.analysis.graph import build_graph
from orgmodel.examples import load_example
from orgmodel.ui.diagram.filters import HUGE_MODEL, ViewFilter, visible_nodes
from orgmodel.ui.diagram.graphdata import all_edges, all_nodes, graph_index

from .conftest import small_model

pytestmark = pytest.mark.gui  # Qt-free code, but this folder's fixtures load Qt


def test_nodes_and_edges_match_build_graph() -> None:
    model = load_example("seed-enterprise")
    graph = build_graph(model)
    nodes = {n.id: n for n in all_nodes(model)}
    assert set(nodes) == set(graph.nodes)
    assert all(graph.nodes[i]["label"] == n.label and graph.nodes[i]["sub"] == n.sub
               for i, n in nodes.items())
    ours = {(e.source, e.target, e.key, e.kind) for _, e in all_edges(model)}
    theirs = {(u, v, k, d["kind"]) for u, v, k, d in graph.edges(keys=True, data=True)}
    assert ours == theirs


@pytest.mark.parametrize("example", ["startup", "seed-enterprise", "large-enterprise"])
def test_graph_index_is_all_nodes_and_edges_by_id_kind_and_holder(example: str) -> None:
    model = load_example(example)
    index = graph_index(model)
    assert index.nodes == {n.id: n for n in all_nodes(model)}
    pairs = list(all_edges(model))
    assert list(index.edges.values()) == [e for _, e in pairs]
    assert all(e.id == (e.source, e.target, e.key) for e in index.edges.values())
    held: dict[str, list[tuple[str, str, str]]] = {}
    for holder, e in pairs:
        held.setdefault(holder, []).append(e.id)
    assert index.held == held
    assert {k: list(v.values()) for k, v in index.by_kind.items()} == {
        k: [e for _, e in pairs if e.kind == k] for k in {e.kind for _, e in pairs}}


def _visible(flt: ViewFilter) -> set[str]:
    model = small_model()
    nodes = {n.id: n for n in all_nodes(model)}
    edges = [e for _, e in all_edges(model)]
    return visible_nodes(model, nodes, edges, flt)


def test_filter_by_kind_support_subtree_and_collapse() -> None:
    assert _visible(ViewFilter(node_kinds=frozenset({"team"}))) == {"eng", "pay", "shop", "sre", "plat"}
    services = _visible(ViewFilter(node_kinds=frozenset({"service"}), support="sre"))
    assert services == {"cart"}
    subtree = _visible(ViewFilter(subtree="pay"))
    assert subtree == {"pay", "p0", "p1", "p2", "ledger"}
    collapsed = _visible(ViewFilter(collapsed=frozenset({"sre"})))
    assert "sre" in collapsed and "p5" not in collapsed and "p6" not in collapsed
    assert "cart" in collapsed  # owned by Shop, only supported by SRE


def test_focus_is_the_neighbourhood_along_shown_edges() -> None:
    focus = _visible(ViewFilter(focus=frozenset({"pay"})))
    assert focus == {"pay", "eng", "p0", "p1", "p2", "ledger"}
    wider = _visible(ViewFilter(focus=frozenset({"ledger"}), focus_depth=2))
    assert {"ledger", "pay", "p0", "eng"} <= wider and "cart" not in wider


def test_filter_round_trips_through_the_view_dict() -> None:
    flt = ViewFilter(node_kinds=frozenset({"team", "person"}), edge_kinds=frozenset({"part_of"}),
                     subtree="pay", collapsed=frozenset({"sre"}), support="dev",
                     focus=frozenset({"p1"}), focus_depth=2, extra={"custom": 1})
    assert ViewFilter.from_dict(flt.to_dict()) == flt
    assert ViewFilter.from_dict({}) == ViewFilter()


def test_huge_models_default_to_teams_only() -> None:
    flt = ViewFilter()
    assert flt.effective_node_kinds(HUGE_MODEL + 1) == frozenset({"team"})
    assert "person" in flt.effective_node_kinds(100)
    assert ViewFilter(node_kinds=frozenset({"person"})).effective_node_kinds(10**6) == {"person"}
