"""GraphML export: plain (for networkx, Gephi, scripts) and yEd-styled (for people in yEd).

``write_graphml`` writes ``analysis.graph.build_graph`` (filtered by a view when one is given)
through networkx's writer, every attribute made a string, number or boolean. ``write_yed_graphml``
writes the nodes and edges a view shows with yFiles graphics: a ``y:ShapeNode`` per node with
``y:Geometry`` at the view's positions, fill and border colours and the shape of
``analysis.styles``, a label, and ``y:PolyLineEdge`` line styles and arrows per edge kind; the
same ``kind``/``sub``/``label`` data as the plain file rides along, so networkx reads both. Export
only: OrgModel does not import GraphML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgmodel.analysis.styles import edge_style, node_style
from orgmodel.core.entities import View
from orgmodel.core.fileio import write_with
from orgmodel.core.model import OrgModel
from orgmodel.interop.viewgraph import Positions, view_graph, view_positions

if TYPE_CHECKING:
    import networkx as nx

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
YED_SCHEMA = "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"

YED_SHAPES = {
    "round_rect": "roundrectangle",
    "pill": "ellipse",
    "hexagon": "hexagon",
    "cylinder": "rectangle3d",
    "tag": "parallelogram",
    "octagon": "octagon",
}
YED_LINES = {"solid": "line", "dash": "dashed", "dot": "dotted", "dashdot": "dashed_dotted"}
DATA_KEYS = ("kind", "sub", "label")


# Characters XML 1.0 cannot carry at all; names and ids holding them get U+FFFD instead.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _safe(value: Any) -> str | int | float | bool:
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, (bool, int, float)):
        return value
    return "" if value is None else xml_text(str(value))


def string_safe(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy fit for XML: attributes are str, int, float or bool, strings and ids XML-clean."""
    import networkx as nx

    safe = graph.copy()
    safe.graph.update({k: _safe(v) for k, v in graph.graph.items()})
    for _node, data in safe.nodes(data=True):
        data.update({k: _safe(v) for k, v in data.items()})
    for _u, _v, data in safe.edges(data=True):
        data.update({k: _safe(v) for k, v in data.items()})
    renames = {n: xml_text(n) for n in safe if xml_text(n) != n}
    return nx.relabel_nodes(safe, renames, copy=True) if renames else safe


def write_graphml(model: OrgModel, path: Path, view: View | None = None) -> str:
    """Plain GraphML of the whole graph (or of what ``view`` shows); returns a summary."""
    import networkx as nx

    graph = string_safe(view_graph(model, view))
    write_with(path, lambda tmp: nx.write_graphml(graph, str(tmp), encoding="utf-8"))
    return f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"


def xml_safe_view(model: OrgModel, view: View | None) -> tuple[nx.MultiDiGraph, Positions]:
    """What ``view`` shows, XML-clean, with the centre of every node (by its clean id)."""
    graph = view_graph(model, view)
    positions = view_positions(model, view, graph)
    return string_safe(graph), {xml_text(n): p for n, p in positions.items()}


# ------------------------------------------------------------------------------------ yEd
def _key(root: ET.Element, key_id: str, domain: str, **attrs: str) -> None:
    ET.SubElement(root, f"{{{GRAPHML_NS}}}key", {"id": key_id, "for": domain, **attrs})


def _keys(root: ET.Element) -> None:
    _key(root, "ng", "node", **{"yfiles.type": "nodegraphics"})
    _key(root, "eg", "edge", **{"yfiles.type": "edgegraphics"})
    for name in DATA_KEYS:
        _key(root, f"n_{name}", "node", **{"attr.name": name, "attr.type": "string"})
    _key(root, "e_kind", "edge", **{"attr.name": "kind", "attr.type": "string"})


def _data(parent: ET.Element, key: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": key})
    element.text = text
    return element


def _y(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{YED_NS}}}{tag}", attrs)


def _yed_node(
    graph_el: ET.Element, node: str, data: dict[str, Any], centre: tuple[float, float]
) -> None:
    style = node_style(str(data.get("kind", "")), str(data.get("sub", "")))
    element = ET.SubElement(graph_el, f"{{{GRAPHML_NS}}}node", {"id": node})
    shape = _y(_data(element, "ng"), "ShapeNode")
    x, y = centre
    _y(
        shape,
        "Geometry",
        x=f"{x - style.width / 2:.1f}",
        y=f"{y - style.height / 2:.1f}",
        width=f"{style.width:.1f}",
        height=f"{style.height:.1f}",
    )
    _y(shape, "Fill", color=style.fill.upper(), transparent="false")
    _y(
        shape,
        "BorderStyle",
        color=style.stroke.upper(),
        type="dashed" if style.dashed else "line",
        width=f"{style.stroke_width:.1f}",
    )
    label = _y(
        shape,
        "NodeLabel",
        alignment="center",
        autoSizePolicy="content",
        fontFamily="Dialog",
        fontSize="12",
        fontStyle="bold" if style.bold else "plain",
        textColor=style.text.upper(),
        modelName="internal",
        modelPosition="c",
    )
    label.text = str(data.get("label", node))
    _y(shape, "Shape", type=YED_SHAPES.get(style.shape, "roundrectangle"))
    for name in DATA_KEYS:
        _data(element, f"n_{name}", str(data.get(name, "")))


def _yed_edge(graph_el: ET.Element, index: int, source: str, target: str, kind: str) -> None:
    style = edge_style(kind)
    element = ET.SubElement(
        graph_el, f"{{{GRAPHML_NS}}}edge", {"id": f"e{index}", "source": source, "target": target}
    )
    line = _y(_data(element, "eg"), "PolyLineEdge")
    _y(line, "Path", sx="0.0", sy="0.0", tx="0.0", ty="0.0")
    _y(
        line,
        "LineStyle",
        color=style.colour.upper(),
        type=YED_LINES.get(style.dash, "line"),
        width=f"{style.width:.1f}",
    )
    _y(line, "Arrows", source="none", target="standard" if style.arrow else "none")
    _y(line, "BendStyle", smoothed="false")
    _data(element, "e_kind", kind)


def yed_document(model: OrgModel, view: View | None) -> tuple[ET.ElementTree, int, int]:
    """The yEd GraphML tree of what ``view`` shows, with its node and edge counts."""
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("y", YED_NS)
    ET.register_namespace("xsi", XSI_NS)
    graph, positions = xml_safe_view(model, view)
    root = ET.Element(
        f"{{{GRAPHML_NS}}}graphml", {f"{{{XSI_NS}}}schemaLocation": f"{GRAPHML_NS} {YED_SCHEMA}"}
    )
    _keys(root)
    graph_el = ET.SubElement(root, f"{{{GRAPHML_NS}}}graph", {"id": "G", "edgedefault": "directed"})
    for node, data in graph.nodes(data=True):
        _yed_node(graph_el, node, data, positions[node])
    edges = list(graph.edges(data="kind"))
    for index, (source, target, kind) in enumerate(edges):
        _yed_edge(graph_el, index, source, target, str(kind))
    tree = ET.ElementTree(root)
    ET.indent(tree)
    return tree, graph.number_of_nodes(), len(edges)


def write_yed_graphml(model: OrgModel, path: Path, view: View | None = None) -> str:
    """GraphML with yEd graphics for ``view`` (positions, shapes, colours); returns a summary."""
    tree, nodes, edges = yed_document(model, view)
    write_with(path, lambda tmp: tree.write(tmp, encoding="utf-8", xml_declaration=True))
    return f"{nodes} nodes, {edges} edges, styled for yEd"
