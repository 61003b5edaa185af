"""GEXF 1.3 export: 1.3 namespaces, viz positions and colours, and networkx reads it back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import networkx as nx

from orgmodel.analysis.styles import node_style
from orgmodel.core.entities import Representative, View
from orgmodel.examples import load_example
from orgmodel.interop.gexf import GEXF_NS, VIZ_NS, write_gexf
from orgmodel.interop.viewgraph import view_graph

NS = f"{{{GEXF_NS}}}"
VIZ = f"{{{VIZ_NS}}}"


def test_gexf_is_version_1_3_and_reads_back_with_the_same_counts(tmp_path: Path) -> None:
    model = load_example("seed-enterprise")
    out = tmp_path / "org.gexf"
    write_gexf(model, out)
    root = ET.parse(out).getroot()
    assert root.tag == f"{NS}gexf" and root.get("version") == "1.3"
    expected = view_graph(model, None)
    graph = nx.read_gexf(out)
    assert graph.number_of_nodes() == expected.number_of_nodes()
    assert graph.number_of_edges() == expected.number_of_edges()
    assert graph.nodes["team-sre"]["kind"] == "team"
    assert graph.nodes["team-sre"]["label"] == "Site Reliability Engineering"


def test_every_node_has_a_position_colour_and_size(tmp_path: Path) -> None:
    model = load_example("startup")
    view = View("v", "v", positions={"team-growth": (40.0, 70.0)}, filters={"node_kinds": ["team"]})
    out = tmp_path / "teams.gexf"
    write_gexf(model, out, view)
    nodes = ET.parse(out).getroot().findall(f"{NS}graph/{NS}nodes/{NS}node")
    assert len(nodes) == len(model.teams)
    for node in nodes:
        for tag in ("position", "color", "size"):
            assert node.find(f"{VIZ}{tag}") is not None, tag
    growth = next(n for n in nodes if n.get("id") == "team-growth")
    position, colour = growth.find(f"{VIZ}position"), growth.find(f"{VIZ}color")
    assert position is not None and colour is not None
    assert (float(position.get("x", "nan")), float(position.get("y", "nan"))) == (40.0, -70.0)
    stroke = node_style("team", "software").stroke
    assert colour.get("r") == str(int(stroke[1:3], 16))
    read = nx.read_gexf(out)
    assert read.nodes["team-growth"]["viz"]["position"]["x"] == 40.0


def test_gexf_escapes_awkward_names(tmp_path: Path) -> None:
    model = load_example("startup")
    model.change("team-growth", name='Growth & "Retention" <core>')
    out = tmp_path / "odd.gexf"
    write_gexf(model, out)
    assert nx.read_gexf(out).nodes["team-growth"]["label"] == 'Growth & "Retention" <core>'


def test_parallel_edges_survive(tmp_path: Path) -> None:
    model = load_example("startup")
    forum = model.forums["forum-engineering-sync"]
    extra = Representative("person-theo-grant", "team-growth")
    model.update(replace(forum, representatives=(*forum.representatives, extra)))
    out = tmp_path / "multi.gexf"
    write_gexf(model, out)
    graph = nx.read_gexf(out)
    assert graph.is_multigraph()
    assert graph.number_of_edges("person-theo-grant", "forum-engineering-sync") == 2
    kinds = {e.get("kind") for e in ET.parse(out).getroot().iter(f"{NS}edge")}
    assert "represents" in kinds
