"""DOT export (Graphviz): a view as a ``digraph`` with a cluster per team.

Every shown team that contains something (members, owned services, platforms, versions, child
teams) becomes a ``subgraph cluster_...`` holding the team's own node first and then what sits in
it, nested like the team tree; nodes carry the shape and colours of ``analysis.styles``; edges
implied by the nesting are kept invisible (they still rank a team above its members), the others
are drawn with their colour, dash style and arrow. ``dot -Tsvg`` renders the file. Export only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from orgmodel.analysis.styles import edge_style, node_style
from orgmodel.core.entities import View
from orgmodel.core.fileio import write_text_atomic
from orgmodel.core.model import OrgModel
from orgmodel.interop.textdiagram import TextDiagram, layout_of, plain_text, safe_ids

DOT_SHAPES = {
    "round_rect": "box",
    "pill": "box",
    "hexagon": "hexagon",
    "cylinder": "cylinder",
    "tag": "cds",
    "octagon": "octagon",
}
DOT_DASHES = {"solid": "solid", "dash": "dashed", "dot": "dotted", "dashdot": "dashed"}


def quote(text: str) -> str:
    """A DOT double-quoted string on one line (control characters become spaces)."""
    escaped = plain_text(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _attrs(**values: str) -> str:
    return "[" + ", ".join(f"{key}={quote(value)}" for key, value in values.items()) + "]"


def _node_attrs(data: dict[str, Any], node: str) -> str:
    style = node_style(str(data.get("kind", "")), str(data.get("sub", "")))
    styles = ["filled"]
    if style.shape in ("round_rect", "pill"):
        styles.append("rounded")
    if style.dashed:
        styles.append("dashed")
    if style.bold:
        styles.append("bold")
    return _attrs(
        label=str(data.get("label", node)),
        shape=DOT_SHAPES.get(style.shape, "box"),
        style=",".join(styles),
        fillcolor=style.fill,
        color=style.stroke,
        fontcolor=style.text,
        penwidth=f"{style.stroke_width:g}",
    )


class _Writer:
    def __init__(self, diagram: TextDiagram) -> None:
        self.d = diagram
        self.ids = safe_ids(list(diagram.graph))
        self.lines: list[str] = []

    def node(self, node: str, depth: int) -> None:
        data = self.d.graph.nodes[node]
        pad = "  " * depth
        line = f"{pad}{self.ids[node]} {_node_attrs(data, node)};"
        if not self.d.is_container(node):
            self.lines.append(line)
            return
        style = node_style(str(data.get("kind", "")), str(data.get("sub", "")))
        self.lines.append(f"{pad}subgraph cluster_{self.ids[node]} {{")
        self.lines.append(
            f"{pad}  graph {_attrs(label='', style='rounded,filled', color=style.stroke, fillcolor=style.fill + '40')};"
        )
        self.lines.append("  " + line)
        for child in self.d.children[node]:
            self.node(child, depth + 1)
        self.lines.append(f"{pad}}}")

    def edges(self) -> None:
        for source, target, kind in self.d.graph.edges(data="kind"):
            ends = f"  {self.ids[source]} -> {self.ids[target]}"
            if self.d.implied(source, target, str(kind)):
                container_first = not _points_inward(str(kind))
                a, b = (source, target) if container_first else (target, source)
                self.lines.append(f"  {self.ids[a]} -> {self.ids[b]} [style=invis];")
                continue
            style = edge_style(str(kind))
            self.lines.append(
                ends
                + " "
                + _attrs(
                    label=str(kind).replace("_", " "),
                    color=style.colour,
                    fontcolor=style.colour,
                    style=DOT_DASHES.get(style.dash, "solid"),
                    penwidth=f"{style.width:g}",
                    arrowhead="normal" if style.arrow else "none",
                )
                + ";"
            )


def _points_inward(kind: str) -> bool:
    """member_of and part_of point from the contained node to its container."""
    return kind in ("member_of", "part_of")


def dot_text(model: OrgModel, view: View | None = None) -> str:
    """The DOT digraph of what ``view`` shows (the whole graph when None)."""
    return _render(model, view)[0]


def _render(model: OrgModel, view: View | None) -> tuple[str, int]:
    diagram = layout_of(model, view)
    writer = _Writer(diagram)
    title = model.organisation.name + (f": {view.name}" if view is not None else "")
    writer.lines += [
        f"digraph {quote(title)} {{",
        f"  graph {_attrs(label=title, labelloc='t', rankdir='TB', fontname='Helvetica', compound='true', newrank='true')};",
        f"  node {_attrs(fontname='Helvetica', fontsize='11')};",
        f"  edge {_attrs(fontname='Helvetica', fontsize='9')};",
    ]
    for node in diagram.children.get(None, []):
        writer.node(node, 1)
    writer.edges()
    writer.lines.append("}")
    return "\n".join(writer.lines) + "\n", len(diagram.graph)


def write_dot(model: OrgModel, path: Path, view: View | None = None) -> str:
    """Write the DOT text atomically; returns a summary."""
    text, nodes = _render(model, view)
    write_text_atomic(path, text)
    return f"{nodes} nodes as a Graphviz digraph"
