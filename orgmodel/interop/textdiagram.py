"""What the Mermaid and DOT exporters share: a view's nodes grouped by the team they sit in.

``layout_of(model, view)`` returns a ``TextDiagram``: the filtered graph, for every node the team
node it is drawn inside (when that team is shown), the children of every container, and which
edges are implied by that nesting (a member inside its team, a service inside its owner) so the
writers can leave them out. Also safe identifiers for languages with restricted ids. Not a writer
itself: see ``mermaid.py`` and ``dot.py``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from orgmodel.core.entities import View
from orgmodel.core.model import OrgModel
from orgmodel.interop.viewgraph import containers, view_graph

if TYPE_CHECKING:
    import networkx as nx

# edge kind -> True when the edge points from the contained node to its container
NESTING_EDGES = {"member_of": True, "part_of": True, "owns": False, "builds": False}


@dataclass
class TextDiagram:
    graph: nx.MultiDiGraph
    parent: dict[str, str] = field(default_factory=dict)  # node -> shown team it sits in
    children: dict[str | None, list[str]] = field(default_factory=dict)  # None = top level

    def is_container(self, node: str) -> bool:
        return bool(self.children.get(node))

    def implied(self, source: str, target: str, kind: str) -> bool:
        """True when the edge is drawn by nesting one end inside the other."""
        if kind not in NESTING_EDGES:
            return False
        inner, outer = (source, target) if NESTING_EDGES[kind] else (target, source)
        return self.parent.get(inner) == outer


def layout_of(model: OrgModel, view: View | None) -> TextDiagram:
    graph = view_graph(model, view)
    inside = containers(model)
    diagram = TextDiagram(graph)
    for node in graph:
        host = inside.get(node)
        if host is not None and host in graph and graph.nodes[host].get("kind") == "team":
            diagram.parent[node] = host
    for node in graph:
        diagram.children.setdefault(diagram.parent.get(node), []).append(node)
    return diagram


def safe_ids(nodes: list[str], prefix: str = "n_") -> dict[str, str]:
    """Entity id -> an identifier of letters, digits and underscores, unique and stable."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for node in nodes:
        base = prefix + re.sub(r"[^A-Za-z0-9_]", "_", node)
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}_{n}", n + 1
        used.add(candidate)
        out[node] = candidate
    return out


def plain_text(text: str) -> str:
    """``text`` on one line: control characters and runs of white space become one space."""
    visible = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(visible.split())
