"""What a saved view shows, as data for the exporters: its subgraph, node positions and containers.

``find_view`` looks a view up by id or name; ``view_graph`` filters ``analysis.graph.build_graph``
by the view's filters (read as the canvas reads them, see ``viewfilter.py``); ``view_positions``
takes the view's saved positions, or the view's layout from ``orgmodel.analysis.layouts`` of the
nodes it shows when it has none (a grid for any left over); ``containers`` says which team a node
sits inside (for Mermaid subgraphs and DOT clusters). Not a renderer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from orgmodel.analysis import layouts
from orgmodel.analysis.graph import build_graph
from orgmodel.analysis.styles import node_size
from orgmodel.core.entities import View
from orgmodel.core.errors import FormatError
from orgmodel.core.kinds import Layout
from orgmodel.core.model import OrgModel
from orgmodel.interop.viewfilter import parse_filters, shown_nodes

if TYPE_CHECKING:
    import networkx as nx

Positions = dict[str, tuple[float, float]]


def find_view(model: OrgModel, name: str) -> View:
    """The view whose id or name is ``name`` (names compared without case)."""
    for view in model.views.values():
        if view.id == name or view.name.casefold() == name.casefold():
            return view
    known = ", ".join(f"'{v.name}'" for v in model.views.values()) or "none"
    raise FormatError(f"There is no view called '{name}' (views: {known}).")


def default_view(model: OrgModel) -> View | None:
    """The first saved view (the first slide), or None when the document has no views."""
    return next(iter(model.views.values()), None)


def containers(model: OrgModel) -> dict[str, str]:
    """Node id -> the team it sits inside: a person's team, a service's or platform's owner,
    a platform version's platform owner, a team's parent. Nodes without one are left out."""
    inside: dict[str, str] = {}
    for team in model.teams.values():
        if team.parent:
            inside[team.id] = team.parent
    for person in model.people.values():
        if person.team:
            inside[person.id] = person.team
    for service in model.services.values():
        if service.owner:
            inside[service.id] = service.owner
    for platform in model.platforms.values():
        if platform.owner:
            inside[platform.id] = platform.owner
    for version in model.platform_versions.values():
        owner = model.platforms[version.platform].owner
        if owner:
            inside[version.id] = owner
    return inside


def view_graph(model: OrgModel, view: View | None) -> nx.MultiDiGraph:
    """The model's graph as the view shows it (the whole graph, every edge, when ``view`` is None)."""
    graph = build_graph(model)
    if view is None:
        return graph
    flt = parse_filters(view.filters)
    layout = view.layout.value
    edges = [(u, v, str(k)) for u, v, k in graph.edges(data="kind")]
    shown = shown_nodes(model, dict(graph.nodes(data=True)), edges, flt, layout)
    graph.remove_nodes_from([n for n in list(graph) if n not in shown])
    edge_kinds = flt.shown_edge_kinds(layout)
    graph.remove_edges_from(
        [
            (u, v, k)
            for u, v, k, kind in graph.edges(keys=True, data="kind")
            if kind not in edge_kinds
        ]
    )
    return graph


def _laid_out(model: OrgModel, layout: Layout, nodes: list[str]) -> Positions:
    """The view's layout of just these nodes (the org chart when the layout refuses the size)."""
    try:
        return dict(layouts.layout(model, layout, nodes))
    except layouts.LayoutTooLargeError:
        return dict(layouts.org_chart(model, nodes))


def grid_positions(nodes: Iterable[str], top: float = 0.0) -> Positions:
    """Nodes on a square grid, row by row, starting at ``top`` (the fallback layout)."""
    ordered = list(nodes)
    columns = max(1, math.ceil(math.sqrt(len(ordered))))
    width, height = 220.0, 90.0
    return {
        node: ((i % columns) * width, top + (i // columns) * height)
        for i, node in enumerate(ordered)
    }


def view_positions(model: OrgModel, view: View | None, graph: nx.MultiDiGraph) -> Positions:
    """Centre (x, y) of every node of ``graph``: saved, else laid out, else on a grid below."""
    if view is not None and view.positions:
        saved: Positions = dict(view.positions)
    else:
        saved = _laid_out(model, view.layout if view is not None else Layout.ORG_CHART, list(graph))
    placed = {n: (float(saved[n][0]), float(saved[n][1])) for n in graph if n in saved}
    missing = [n for n in graph if n not in placed]
    if missing:
        bottom = max(
            (
                y + node_size(str(graph.nodes[n].get("kind", "")))[1]
                for n, (_x, y) in placed.items()
            ),
            default=-200.0,
        )
        placed.update(grid_positions(missing, top=bottom + 200.0))
    return placed
