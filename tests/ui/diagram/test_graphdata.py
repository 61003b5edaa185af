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


@pytest.mark.parametrize("example", ["startup", "seed-enterprise", "large-enterprise"])
def test_each_relation_rule_yields_only_the_kinds_it_declares(example: str) -> None:
    from orgmodel.analysis.relations import RULE_KINDS, RULES

    model = load_example(example)
    for entity_type, rule in RULES.items():
        entities = [e for e in model.entities() if type(e) is entity_type]
        assert {kind for _, _, _, kind, _ in rule(model, entities)} <= RULE_KINDS[entity_type]


@pytest.mark.parametrize("example", ["startup", "seed-enterprise", "large-enterprise"])
def test_canvas_index_of_every_kind_equals_the_whole_index(example: str) -> None:
    from orgmodel.analysis.styles import EDGE_KINDS, NODE_KINDS
    from orgmodel.ui.diagram.graphdata import CanvasIndex

    model = load_example(example)
    whole, lazy = graph_index(model), CanvasIndex(model)
    lazy.ensure(["team"], ["part_of"])
    assert {n.kind for n in lazy.nodes.values()} == {"team"} and set(lazy.by_kind) == {"part_of"}
    lazy.ensure(NODE_KINDS, EDGE_KINDS)
    assert lazy.nodes == whole.nodes and lazy.edges == whole.edges
    assert {k: v for k, v in lazy.by_kind.items() if v} == whole.by_kind
    assert {h: sorted(ids) for h, ids in lazy.held.items()} == {h: sorted(ids) for h, ids in whole.held.items()}
    assert lazy.node_count == len(whole.nodes)


def test_a_canvas_indexes_kinds_as_it_shows_them_and_stays_true_to_edits(qapp: object) -> None:
    """A teams-only canvas of a huge model indexes teams and their tree only; people edited
    meanwhile and shown later appear with their current team, exactly as a fresh canvas has them."""
    from orgmodel.editing.commands import ChangeEntityCommand
    from orgmodel.editing.stack import CommandStack
    from orgmodel.ui.diagram.scene import DiagramScene

    model = load_example("large-enterprise")
    scene = DiagramScene(model)
    scene.configure("org_chart", ViewFilter(), {})
    assert {n.kind for n in scene.nodes.values()} == {"team"}
    assert set(scene.index.edge_kinds) <= {"part_of", "member_of", "owns", "embedded_in"}
    assert len(scene.edges) < 1000 and scene.node_count == len(graph_index(model).nodes) > HUGE_MODEL
    person = next(p for p in model.people.values() if p.team is not None)
    other = next(t for t in model.teams if t != person.team)
    CommandStack(model).push(ChangeEntityCommand(person.id, team=other))
    scene.set_filter(ViewFilter(node_kinds=frozenset({"team", "person"})))
    assert (person.id, other, "member_of") in scene.edge_items
    fresh = DiagramScene(model)
    fresh.configure("org_chart", ViewFilter(node_kinds=frozenset({"team", "person"})), {})
    assert set(scene.edge_items) == set(fresh.edge_items) and set(scene.node_items) == set(fresh.node_items)
    assert {e: scene.edges[e] for e in scene.edge_items} == {e: fresh.edges[e] for e in fresh.edge_items}
    scene.close()
    fresh.close()


@pytest.mark.parametrize("example", ["startup", "seed-enterprise", "large-enterprise"])
def test_relations_join_the_node_kinds_their_ends_declare(example: str) -> None:
    from orgmodel.analysis.relations import ENDS, drawable

    index = graph_index(load_example(example))
    for edge in index.edges.values():
        sources, targets = ENDS[edge.kind]
        assert index.nodes[edge.source].kind in sources and index.nodes[edge.target].kind in targets
        assert drawable(edge.kind, {index.nodes[edge.source].kind, index.nodes[edge.target].kind})
    assert not drawable("member_of", {"team", "service"}) and drawable("member_of", {"team", "person"})
