"""Mermaid export: a view as a ``flowchart`` text diagram, one subgraph per team.

Teams that contain something shown (members, owned services, platforms and their versions, child
teams) become nested ``subgraph`` blocks; other nodes get a Mermaid shape per kind (stadium
people, hexagon services, cylinder platforms, flag versions, subroutine forums) and a ``classDef``
with the colours of ``analysis.styles``; edges not already expressed by nesting are drawn with
their kind as label, dotted or thick as their style says. For documentation pages and slides that
render Mermaid. Export only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from orgmodel.analysis.styles import NodeStyle, edge_style, node_style
from orgmodel.core.entities import View
from orgmodel.core.fileio import write_text_atomic
from orgmodel.core.model import OrgModel
from orgmodel.interop.textdiagram import TextDiagram, layout_of, plain_text, safe_ids

SHAPES = {
    "team": ('("', '")'),
    "person": ('(["', '"])'),
    "service": ('{{"', '"}}'),
    "platform": ('[("', '")]'),
    "platform_version": ('>"', '"]'),
    "forum": ('[["', '"]]'),
}


# Mermaid entity codes for what cannot appear raw inside a quoted label ("#" first of all).
_ESCAPES = str.maketrans(
    {"#": "#35;", "&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;"}
)


def _label(text: str) -> str:
    return plain_text(text).translate(_ESCAPES)


def _css(style: NodeStyle) -> str:
    parts = [
        f"fill:{style.fill}",
        f"stroke:{style.stroke}",
        f"color:{style.text}",
        f"stroke-width:{style.stroke_width:g}px",
    ]
    if style.dashed:
        parts.append("stroke-dasharray:5 5")
    return ",".join(parts)


def _class_name(data: dict[str, Any]) -> str:
    return f"{data.get('kind', 'node')}_{data.get('sub', '')}".strip("_")


class _Writer:
    def __init__(self, diagram: TextDiagram) -> None:
        self.d = diagram
        self.ids = safe_ids(list(diagram.graph))
        self.lines: list[str] = []
        self.classes: dict[str, tuple[NodeStyle, list[str]]] = {}

    def node(self, node: str, depth: int) -> None:
        data = self.d.graph.nodes[node]
        pad = "    " * depth
        label = _label(str(data.get("label", node)))
        style = node_style(str(data.get("kind", "")), str(data.get("sub", "")))
        if self.d.is_container(node):
            self.lines.append(f'{pad}subgraph {self.ids[node]}["{label}"]')
            self.lines.append(f"{pad}    direction TB")
            for child in self.d.children[node]:
                self.node(child, depth + 1)
            self.lines.append(f"{pad}end")
            self.lines.append(f"{pad}style {self.ids[node]} {_css(style)}")
            return
        opening, closing = SHAPES.get(str(data.get("kind")), ('["', '"]'))
        self.lines.append(f"{pad}{self.ids[node]}{opening}{label}{closing}")
        self.classes.setdefault(_class_name(data), (style, []))[1].append(self.ids[node])

    def edges(self) -> None:
        for source, target, kind in self.d.graph.edges(data="kind"):
            if self.d.implied(source, target, str(kind)):
                continue
            style = edge_style(str(kind))
            if style.dash != "solid":
                arrow = "-.->" if style.arrow else "-.-"
            elif style.width >= 1.8:
                arrow = "==>" if style.arrow else "==="
            else:
                arrow = "-->" if style.arrow else "---"
            text = str(kind).replace("_", " ")
            self.lines.append(f'    {self.ids[source]} {arrow}|"{text}"| {self.ids[target]}')

    def class_defs(self) -> None:
        for name, (style, members) in self.classes.items():
            self.lines.append(f"    classDef {name} {_css(style)}")
            for start in range(0, len(members), 50):
                self.lines.append(f"    class {','.join(members[start : start + 50])} {name}")


def mermaid_text(model: OrgModel, view: View | None = None) -> str:
    """The Mermaid flowchart of what ``view`` shows (the whole graph when None)."""
    return _render(model, view)[0]


def _render(model: OrgModel, view: View | None) -> tuple[str, int]:
    diagram = layout_of(model, view)
    writer = _Writer(diagram)
    title = model.organisation.name + (f": {view.name}" if view is not None else "")
    yaml_title = plain_text(title).replace("'", "''")  # a single-quoted YAML scalar
    writer.lines += ["---", f"title: '{yaml_title}'", "---", "flowchart TB"]
    for node in diagram.children.get(None, []):
        writer.node(node, 1)
    writer.edges()
    writer.class_defs()
    return "\n".join(writer.lines) + "\n", len(diagram.graph)


def write_mermaid(model: OrgModel, path: Path, view: View | None = None) -> str:
    """Write the Mermaid text atomically; returns a summary."""
    text, nodes = _render(model, view)
    write_text_atomic(path, text)
    return f"{nodes} nodes as a Mermaid flowchart"
