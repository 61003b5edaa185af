"""build_graph: one node per entity that is a thing, one edge per relation, GraphML-safe attrs."""

from __future__ import annotations

from collections import Counter
from datetime import date
from io import BytesIO

import networkx as nx
import pytest

from orgmodel.analysis.graph import EDGE_KINDS, NODE_KINDS, build_graph
from orgmodel.core.kinds import EntityKind, Role, TeamKind, VersionStatus
from tests.analysis.conftest import Org


def _edges(graph: nx.MultiDiGraph, kind: str) -> set[tuple[str, str]]:
    return {(u, v) for u, v, k in graph.edges(data="kind") if k == kind}


def _full(org: Org) -> Org:
    org.team("eng", TeamKind.GROUP, size=0)
    org.team("pay", parent="eng", size=0)
    org.team("plat", TeamKind.PLATFORM, parent="eng", size=0)
    org.team("sre", TeamKind.SRE, parent="eng", size=0)
    boss = org.person("eng", Role.MANAGER, pid="boss")
    org.person("pay", pid="dev", manager=boss)
    org.person("plat", Role.AUTOMATION_ENGINEER, pid="ae", manager=boss)
    org.person("sre", Role.SRE_SE, pid="se")
    org.platform("k8s", owner="plat")
    org.version("k8s-1", "k8s", VersionStatus.PRODUCTION, owner="sre")
    org.version("k8s-2", "k8s", VersionStatus.DEVELOPMENT)
    org.service("checkout", owner="pay", tier=1, sre="sre", version="k8s-1")
    org.service("ledger", owner="pay", version="k8s-1")
    org.depend("checkout", "ledger")
    org.embed("e1", "ae", "pay", date(2026, 1, 5), date(2026, 3, 2))
    org.embed("e2", "ae", "pay", date(2026, 4, 6))
    org.forum("sos", ("dev", "pay"), ("se", "sre"), ("dev", "plat"))
    return org


def test_nodes_carry_kind_label_and_sub(org: Org) -> None:
    graph = build_graph(_full(org).model)
    assert {d["kind"] for _, d in graph.nodes(data=True)} == set(NODE_KINDS)
    assert graph.nodes["pay"].items() >= {"kind": "team", "label": "Pay", "sub": "software"}.items()
    assert graph.nodes["se"]["sub"] == "sre_se"
    assert graph.nodes["checkout"]["sub"] == "sre"
    assert graph.nodes["ledger"]["sub"] == "dev"
    assert graph.nodes["k8s-1"]["label"] == "K8S 1"
    assert graph.nodes["sos"]["kind"] == "forum"
    # embeds and dependencies are edges, not nodes
    assert "e1" not in graph and "checkout->ledger" not in graph


def test_every_edge_kind_points_the_documented_way(org: Org) -> None:
    graph = build_graph(_full(org).model)
    assert {k for _, _, k in graph.edges(data="kind")} == set(EDGE_KINDS)
    assert _edges(graph, "member_of") == {
        ("boss", "eng"),
        ("dev", "pay"),
        ("ae", "plat"),
        ("se", "sre"),
    }
    assert _edges(graph, "part_of") == {("pay", "eng"), ("plat", "eng"), ("sre", "eng")}
    assert _edges(graph, "reports_to") == {("dev", "boss"), ("ae", "boss")}
    assert _edges(graph, "owns") == {("pay", "checkout"), ("pay", "ledger"), ("plat", "k8s")}
    assert _edges(graph, "supports") == {("sre", "checkout")}
    assert _edges(graph, "runs_on") == {("checkout", "k8s-1"), ("ledger", "k8s-1")}
    assert _edges(graph, "version_of") == {("k8s-1", "k8s"), ("k8s-2", "k8s")}
    assert _edges(graph, "builds") == {("plat", "k8s-1"), ("plat", "k8s-2")}
    assert _edges(graph, "operates") == {("sre", "k8s-1")}
    assert _edges(graph, "depends_on") == {("checkout", "ledger")}
    assert _edges(graph, "represents") == {("dev", "sos"), ("se", "sos")}


def test_parallel_embeds_and_representations_are_separate_edges(org: Org) -> None:
    graph = build_graph(_full(org).model)
    embeds = graph.get_edge_data("ae", "pay")
    assert set(embeds) == {"e1", "e2"}
    assert (
        embeds["e1"].items()
        >= {
            "kind": "embedded_in",
            "start": "2026-01-05",
            "end": "2026-03-02",
            "embed": "e1",
        }.items()
    )
    assert embeds["e2"]["end"] == ""
    reps = graph.get_edge_data("dev", "sos")
    assert sorted(d["team"] for d in reps.values()) == ["pay", "plat"]


def test_missing_references_make_no_edges(org: Org) -> None:
    org.team("solo", size=0)
    org.person(None, pid="loose")
    org.service("orphan")
    graph = build_graph(org.model)
    assert graph.number_of_nodes() == 3
    assert graph.number_of_edges() == 0


def test_graph_writes_to_graphml_and_reads_back(org: Org) -> None:
    graph = build_graph(_full(org).model)
    buffer = BytesIO()
    nx.write_graphml(graph, buffer)
    again = nx.read_graphml(BytesIO(buffer.getvalue()), force_multigraph=True)
    assert again.number_of_nodes() == graph.number_of_nodes()
    assert again.number_of_edges() == graph.number_of_edges()
    nx.write_gexf(graph, BytesIO())


@pytest.mark.parametrize("name", ["startup", "seed-enterprise", "large-enterprise"])
def test_example_graphs_have_one_node_per_thing_and_one_edge_per_reference(name: str) -> None:
    examples = pytest.importorskip("orgmodel.examples", reason="examples not written yet")
    model = examples.load_example(name)
    graph = build_graph(model)
    things = ("teams", "people", "services", "platforms", "platform_versions", "forums")
    assert graph.number_of_nodes() == sum(len(model.collection(EntityKind(k))) for k in things)
    people = list(model.people.values())
    services = list(model.services.values())
    versions = list(model.platform_versions.values())
    expected = {
        "member_of": sum(p.team is not None for p in people),
        "reports_to": sum(p.manager is not None for p in people),
        "part_of": sum(t.parent is not None for t in model.teams.values()),
        "embedded_in": len(model.embeds),
        "owns": sum(s.owner is not None for s in services)
        + sum(p.owner is not None for p in model.platforms.values()),
        "supports": sum(s.sre_team is not None for s in services),
        "runs_on": sum(s.platform_version is not None for s in services),
        "version_of": len(versions),
        "builds": sum(model.platforms[v.platform].owner is not None for v in versions),
        "operates": sum(v.production_owner is not None for v in versions),
        "depends_on": len(model.dependencies),
        "represents": sum(len(f.representatives) for f in model.forums.values()),
    }
    found = Counter(kind for _, _, kind in graph.edges(data="kind"))
    assert {k: found[k] for k in expected} == expected
