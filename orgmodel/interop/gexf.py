"""GEXF 1.3 export (for Gephi): the graph a view shows, with positions, colours and sizes.

``write_gexf`` writes one ``node`` per node of ``interop.viewgraph.view_graph`` with ``kind``,
``sub`` and a few more attributes declared in ``<attributes>``, and ``viz:position``,
``viz:color`` and ``viz:size`` from the view's positions and ``analysis.styles``; one ``edge`` per
edge, with its kind as attribute, label and colour. Namespaces are those of GEXF 1.3
(``http://gexf.net/1.3``). Export only: OrgModel does not import GEXF.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

from orgmodel.analysis.styles import edge_style, node_style
from orgmodel.core.entities import View
from orgmodel.core.fileio import write_with
from orgmodel.core.model import OrgModel
from orgmodel.interop.graphml import xml_safe_view, xml_text

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"

# node attribute title -> GEXF type; values missing on a node are written as "".
NODE_ATTRIBUTES = {"kind": "string", "sub": "string", "tier": "integer", "location": "string"}
EDGE_ATTRIBUTES = {"kind": "string"}


def _g(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{GEXF_NS}}}{tag}", attrs)


def _viz(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, f"{{{VIZ_NS}}}{tag}", attrs)


def _rgb(colour: str) -> dict[str, str]:
    text = colour.lstrip("#")
    return {
        "r": str(int(text[0:2], 16)),
        "g": str(int(text[2:4], 16)),
        "b": str(int(text[4:6], 16)),
    }


def _declare(graph_el: ET.Element, cls: str, attributes: dict[str, str]) -> dict[str, str]:
    block = _g(graph_el, "attributes", **{"class": cls, "mode": "static"})
    ids = {}
    for index, (title, kind) in enumerate(attributes.items()):
        _g(block, "attribute", id=str(index), title=title, type=kind)
        ids[title] = str(index)
    return ids


def _attvalues(parent: ET.Element, ids: dict[str, str], data: dict[str, Any]) -> None:
    present = [(i, data[t]) for t, i in ids.items() if data.get(t) not in (None, "")]
    if not present:
        return  # the schema wants at least one attvalue inside attvalues
    values = _g(parent, "attvalues")
    for attribute_id, value in present:
        _g(values, "attvalue", **{"for": attribute_id, "value": str(value)})


def gexf_document(model: OrgModel, view: View | None) -> tuple[ET.ElementTree, int, int]:
    """The GEXF 1.3 tree of what ``view`` shows, with its node and edge counts."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", XSI_NS)
    graph, positions = xml_safe_view(model, view)
    root = ET.Element(
        f"{{{GEXF_NS}}}gexf", {"version": "1.3", f"{{{XSI_NS}}}schemaLocation": SCHEMA}
    )
    meta = _g(root, "meta", lastmodifieddate=date.today().isoformat())
    _g(meta, "creator").text = "OrgModel"
    title = xml_text(model.organisation.name + (f": {view.name}" if view is not None else ""))
    _g(meta, "description").text = title
    graph_el = _g(root, "graph", defaultedgetype="directed", mode="static")
    node_ids = _declare(graph_el, "node", NODE_ATTRIBUTES)
    edge_ids = _declare(graph_el, "edge", EDGE_ATTRIBUTES)
    nodes_el = _g(graph_el, "nodes")
    for node, data in graph.nodes(data=True):
        element = _g(nodes_el, "node", id=node, label=str(data.get("label", node)))
        _attvalues(element, node_ids, data)
        style = node_style(str(data.get("kind", "")), str(data.get("sub", "")))
        _viz(element, "color", **_rgb(style.stroke), a="1.0")
        x, y = positions[node]
        _viz(element, "position", x=f"{x:.1f}", y=f"{-y:.1f}", z="0.0")
        _viz(element, "size", value=f"{style.height / 2:.1f}")
    edges_el = _g(graph_el, "edges")
    edges = list(graph.edges(data="kind"))
    for index, (source, target, kind) in enumerate(edges):
        element = _g(
            edges_el,
            "edge",
            id=f"e{index}",
            source=source,
            target=target,
            label=str(kind),
            kind=str(kind),  # GEXF 1.3: parallel edges are told apart by their kind
        )
        _attvalues(element, edge_ids, {"kind": kind})
        _viz(element, "color", **_rgb(edge_style(str(kind)).colour), a="1.0")
    tree = ET.ElementTree(root)
    ET.indent(tree)
    return tree, graph.number_of_nodes(), len(edges)


def write_gexf(model: OrgModel, path: Path, view: View | None = None) -> str:
    """GEXF 1.3 of what ``view`` shows (the whole graph when None); returns a summary."""
    tree, nodes, edges = gexf_document(model, view)
    write_with(path, lambda tmp: tree.write(tmp, encoding="utf-8", xml_declaration=True))
    return f"{nodes} nodes, {edges} edges"
