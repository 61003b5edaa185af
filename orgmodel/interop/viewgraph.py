"""What a saved view shows, as data for the exporters: its subgraph, node positions and containers.

``find_view`` looks a view up by id or name; ``view_graph`` filters ``analysis.graph.build_graph``
by the view's simple filters; ``view_positions`` takes the view's saved positions, or the view's layout from
``orgmodel.analysis.layouts`` of the nodes it shows when it has none (a grid for any left over);
``containers`` says which team a node sits inside (for Mermaid subgraphs and DOT clusters).

View filters understood here (unknown keys are ignored, so the canvas may keep more):
``node_kinds`` (list of graph node kinds), ``edge_kinds`` (list of edge kinds; without it a view
shows ``analysis.styles.DEFAULT_EDGE_KINDS``), ``support`` ("sre" or "dev": only services with that
support) and ``team`` (a team id: only that team's subtree and what sits in it). Not a renderer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from orgmodel.analysis import layouts
from orgmodel.analysis.graph import EDGE_KINDS, NODE_KINDS, build_graph
from orgmodel.analysis.styles import DEFAULT_EDGE_KINDS, node_size
from orgmodel.core.entities import View
from orgmodel.core.errors import FormatError
from orgmodel.core.kinds import Layout
from orgmodel.core.model import OrgModel

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


def _listed(filters: Mapping[str, Any], key: str, allowed: Iterable[str]) -> set[str] | None:
    value = filters.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FormatError(f"The view filter '{key}' must be a list of names.")
    known = set(allowed)
    unknown = sorted(str(v) for v in value if v not in known)
    if unknown:
        raise FormatError(
            f"The view filter '{key}' names an unknown kind '{unknown[0]}' "
            f"(known: {', '.join(sorted(known))})."
        )
    return {str(v) for v in value}


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


def _in_subtree(node: str, root: str, inside: Mapping[str, str]) -> bool:
    seen: set[str] = set()
    while node not in seen:
        if node == root:
            return True
        seen.add(node)
        parent = inside.get(node)
        if parent is None:
            return False
        node = parent
    return False


def _keep_node(data: Mapping[str, Any], kinds: set[str] | None, support: str | None) -> bool:
    if kinds is not None and data.get("kind") not in kinds:
        return False
    return not (
        support is not None and data.get("kind") == "service" and data.get("sub") != support
    )


def view_graph(model: OrgModel, view: View | None) -> nx.MultiDiGraph:
    """The model's graph as the view shows it (the whole graph, every edge, when ``view`` is None)."""
    graph = build_graph(model)
    if view is None:
        return graph
    filters = view.filters
    kinds = _listed(filters, "node_kinds", NODE_KINDS)
    edges = _listed(filters, "edge_kinds", EDGE_KINDS) or set(DEFAULT_EDGE_KINDS)
    support = filters.get("support")
    if support not in (None, "sre", "dev"):
        raise FormatError(f'The view filter \'support\' must be "sre" or "dev", not {support!r}.')
    team = filters.get("team")
    if team is not None and team not in model.teams:
        raise FormatError(f"The view filter 'team' names '{team}', which is not a team.")
    inside = containers(model)
    drop = [
        n
        for n, data in graph.nodes(data=True)
        if not _keep_node(data, kinds, support)
        or (team is not None and data.get("kind") != "forum" and not _in_subtree(n, team, inside))
    ]
    graph.remove_nodes_from(drop)
    graph.remove_edges_from(
        [(u, v, k) for u, v, k, kind in graph.edges(keys=True, data="kind") if kind not in edges]
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
