"""GraphML export: networkx reads the plain file back; the yEd variant carries yFiles graphics."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import networkx as nx
import pytest

from orgmodel.analysis.graph import build_graph
from orgmodel.analysis.styles import node_style
from orgmodel.core.entities import View
from orgmodel.examples import load_example
from orgmodel.interop.graphml import YED_NS, string_safe, write_graphml, write_yed_graphml
from orgmodel.interop.viewgraph import view_graph

G = "{http://graphml.graphdrawing.org/xmlns}"
Y = f"{{{YED_NS}}}"


def test_plain_graphml_reads_back_with_the_same_nodes_edges_and_kinds(tmp_path: Path) -> None:
    model = load_example("seed-enterprise")
    out = tmp_path / "org.graphml"
    write_graphml(model, out)
    expected = build_graph(model)
    graph = nx.read_graphml(out, force_multigraph=True)
    assert graph.number_of_nodes() == expected.number_of_nodes()
    assert graph.number_of_edges() == expected.number_of_edges()
    assert graph.nodes["svc-checkout-api"]["kind"] == "service"
    assert graph.nodes["svc-checkout-api"]["tier"] == 1
    kinds = sorted(k for *_, k in graph.edges(data="kind"))
    assert kinds == sorted(k for *_, k in expected.edges(data="kind"))


def test_string_safe_replaces_none_and_objects() -> None:
    graph = nx.MultiDiGraph(owner=None)
    graph.add_node("a", when=None, things=("x", "y"), n=3)
    graph.add_edge("a", "a", kind="k", extra=None)
    safe = string_safe(graph)
    assert safe.graph["owner"] == "" and safe.nodes["a"]["when"] == ""
    assert safe.nodes["a"]["things"] == "('x', 'y')" and safe.nodes["a"]["n"] == 3
    assert graph.nodes["a"]["when"] is None  # the original is untouched


def test_plain_graphml_of_a_view_is_filtered(tmp_path: Path) -> None:
    model = load_example("seed-enterprise")
    view = model.views["view-sre-services"]
    write_graphml(model, tmp_path / "sre.graphml", view)
    graph = nx.read_graphml(tmp_path / "sre.graphml", force_multigraph=True)
    assert graph.number_of_nodes() == view_graph(model, view).number_of_nodes()
    assert {kind for _, kind in graph.nodes(data="kind")} == {"team", "service"}


def _yed(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


def test_yed_graphml_is_well_formed_with_shape_nodes_for_every_node(tmp_path: Path) -> None:
    model = load_example("startup")
    view = next(iter(model.views.values()))
    out = tmp_path / "org.yed.graphml"
    write_yed_graphml(model, out, view)
    assert f'xmlns:y="{YED_NS}"' in out.read_text(encoding="utf-8")
    root = _yed(out)
    nodes = root.findall(f"{G}graph/{G}node")
    shown = view_graph(model, view)
    assert len(nodes) == shown.number_of_nodes()
    for node in nodes:
        shape = node.find(f".//{Y}ShapeNode")
        assert shape is not None
        for tag in ("Geometry", "Fill", "BorderStyle", "NodeLabel", "Shape"):
            assert shape.find(f"{Y}{tag}") is not None, tag
    edges = root.findall(f"{G}graph/{G}edge")
    assert len(edges) == shown.number_of_edges()
    assert all(e.find(f".//{Y}PolyLineEdge/{Y}LineStyle") is not None for e in edges)
    read = nx.read_graphml(out, force_multigraph=True)
    assert read.number_of_nodes() == len(nodes) and read.number_of_edges() == len(edges)


def test_yed_geometry_follows_saved_positions_and_styles(tmp_path: Path) -> None:
    model = load_example("startup")
    view = View(
        "v", "Manual", positions={"team-product": (500.0, 300.0)}, filters={"node_kinds": ["team"]}
    )
    out = tmp_path / "manual.graphml"
    write_yed_graphml(model, out, view)
    node = next(n for n in _yed(out).iter(f"{G}node") if n.get("id") == "team-product")
    geometry = node.find(f".//{Y}Geometry")
    style = node_style("team", "software")
    assert geometry is not None
    assert float(geometry.get("x", "nan")) == pytest.approx(500.0 - style.width / 2)
    assert float(geometry.get("y", "nan")) == pytest.approx(300.0 - style.height / 2)
    fill = node.find(f".//{Y}Fill")
    assert fill is not None and fill.get("color") == style.fill.upper()
    label = node.find(f".//{Y}NodeLabel")
    assert label is not None and label.text == "Product"


def test_yed_without_positions_still_places_every_node_apart(tmp_path: Path) -> None:
    model = load_example("seed-enterprise")
    view = replace(model.views["view-whole-organisation"], positions={})
    out = tmp_path / "laid-out.graphml"
    write_yed_graphml(model, out, view)
    spots = {(g.get("x"), g.get("y")) for g in _yed(out).iter(f"{Y}Geometry")}
    assert len(spots) == view_graph(model, view).number_of_nodes()
