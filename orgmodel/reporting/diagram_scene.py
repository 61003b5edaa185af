"""What a report diagram shows: the nodes of a saved view, their edges and where they go.

``build_scene(model, view)`` applies the view's filters (``node_kinds``, ``support``, ``teams``)
to the diagram nodes of ``analysis.graph``, takes positions from the view (when it saved them)
or from ``analysis.layouts``, and decides the level of detail: every node when the labels stay
readable on a page, people folded into their team's box when not, teams only for big views.
Pure data, no matplotlib; ``diagram`` draws a ``Scene``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from orgmodel.core.entities import View
from orgmodel.core.model import OrgModel

TEAMS_ONLY_ABOVE = 180  # nodes: beyond this a page cannot hold the detail
MIN_LABEL_PT = 6.0  # the smallest label we accept on a page
PAGE_WIDTH_IN = 9.5  # drawing area (inches) on a slide or page once the legend is aside
PAGE_HEIGHT_IN = 5.4
LABEL_PX = 11.0  # label size on the canvas, in scene units


@dataclass
class Scene:
    """Nodes (id -> kind, sub, label), edges (source, target, kind), positions, detail level."""

    title: str
    nodes: dict[str, dict[str, Any]]
    edges: list[tuple[str, str, str]]
    positions: dict[str, tuple[float, float]]
    detail: str  # "full", "no_people", "structure" (no people, no services), "teams"
    routes: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    compact: bool = True  # laid out here (report box sizes) rather than saved canvas positions
    hidden: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def kinds(self) -> set[str]:
        return {data["kind"] for data in self.nodes.values()}


def view_nodes(model: OrgModel, graph: Any, view: View | None) -> dict[str, dict[str, Any]]:
    """Nodes of the view's graph (filters applied by ``interop.viewgraph``), in model order.

    With a ``support`` filter, teams that neither own nor support a shown service are dropped too:
    on a page they would be empty boxes.
    """
    nodes = {node: {"kind": data.get("kind", ""), "sub": data.get("sub", ""),
                    "label": data.get("label", node)} for node, data in graph.nodes(data=True)}
    if view is not None and view.filters.get("support"):
        _keep_support_teams(model, nodes)
    return nodes


def _keep_support_teams(model: OrgModel, nodes: dict[str, dict[str, Any]]) -> None:
    """With a support filter, keep only teams that own or support a shown service (and parents)."""
    related: set[str] = set()
    for node, data in nodes.items():
        if data["kind"] == "service":
            service = model.services[node]
            related.update(t for t in (service.owner, service.sre_team) if t)
    for team in list(related):
        parent = model.teams[team].parent if team in model.teams else None
        while parent is not None:
            related.add(parent)
            parent = model.teams[parent].parent
    for node in [n for n, d in nodes.items() if d["kind"] == "team" and n not in related]:
        del nodes[node]


# On a page the team tree and the combs show membership and ownership; of the cross relations
# only these read well unless a view asks for more by naming its edge kinds.
PAGE_CROSS_EDGES = frozenset({"supports", "operates", "embedded_in"})
STRUCTURE_EDGES = frozenset({"part_of", "member_of", "owns", "version_of"})


def _with_all_edges(view: View | None) -> View:
    from dataclasses import replace

    from orgmodel.analysis.graph import EDGE_KINDS

    base = view if view is not None else View("all", "all")
    return replace(base, filters={**base.filters, "edge_kinds": list(EDGE_KINDS)})


def edge_kinds_for(view: View | None) -> frozenset[str]:
    """Edge kinds drawn on a page: the view's own list, else structure plus the layout's
    readable cross relations."""
    from orgmodel.analysis import styles

    explicit = view.filters.get("edge_kinds") if view is not None else None
    if isinstance(explicit, list | tuple) and explicit:
        return frozenset(str(k) for k in explicit)
    layout = view.layout.value if view is not None else "org_chart"
    by_layout = getattr(styles, "LAYOUT_EDGE_KINDS", {}).get(layout, styles.DEFAULT_EDGE_KINDS)
    return STRUCTURE_EDGES | (frozenset(by_layout) & PAGE_CROSS_EDGES)


def _edges(graph: Any, shown: Iterable[str], kinds: frozenset[str]) -> list[tuple[str, str, str]]:
    shown = set(shown)
    seen: set[tuple[str, str, str]] = set()
    out = []
    for source, target, kind in graph.edges(data="kind"):
        key = (source, target, kind)
        if kind in kinds and source in shown and target in shown and key not in seen:
            seen.add(key)
            out.append(key)
    return out


def box_size(kind: str, compact: bool) -> tuple[float, float]:
    from orgmodel.analysis.styles import node_size
    from orgmodel.reporting import diagram_layout

    if not compact:
        return node_size(kind)
    return diagram_layout.TEAM_SIZE if kind == "team" else diagram_layout.LEAF_SIZE


def extent(scene: Scene) -> tuple[float, float, float, float]:
    """left, top, right, bottom of all boxes of the scene."""
    boxes = []
    for node, (x, y) in scene.positions.items():
        w, h = box_size(scene.nodes[node]["kind"], scene.compact)
        boxes.append((x - w / 2, y - h / 2, x + w / 2, y + h / 2))
    if not boxes:
        return 0.0, 0.0, 1.0, 1.0
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def label_points(scene: Scene) -> float:
    """The label size in points if the scene is fitted to the page."""
    if not scene.positions:
        return 99.0
    left, top, right, bottom = extent(scene)
    width, height = right - left, bottom - top
    inches_per_unit = min(PAGE_WIDTH_IN / max(width, 1.0), PAGE_HEIGHT_IN / max(height, 1.0))
    return LABEL_PX * inches_per_unit * 72.0


def _leaves_by_team(model: OrgModel, nodes: dict[str, dict[str, Any]]) -> dict[str | None, list[str]]:
    """Leaves under the team they belong to (None: no shown team): people, services, platforms."""
    teams = {n for n, d in nodes.items() if d["kind"] == "team"}
    out: dict[str | None, list[str]] = {}

    def add(team: str | None, node: str) -> None:
        out.setdefault(team if team in teams else None, []).append(node)

    people = sorted((p for p in model.people.values() if p.id in nodes),
                    key=lambda p: p.role.value != "manager")
    for person in people:
        add(person.team, person.id)
    for service in model.services.values():
        if service.id in nodes:
            add(service.owner, service.id)
    placed_versions: set[str] = set()
    for platform in model.platforms.values():
        versions = [v.id for v in model.platform_versions.values()
                    if v.platform == platform.id and v.id in nodes]
        for node in ([platform.id] if platform.id in nodes else []) + versions:
            add(platform.owner, node)
        placed_versions.update(versions)
    for node, data in nodes.items():
        if data["kind"] in ("platform_version", "forum") and node not in placed_versions:
            add(None, node)
    return out


def saved_positions(view: View | None, nodes: dict[str, dict[str, Any]]
                    ) -> dict[str, tuple[float, float]] | None:
    """The view's own positions when it saved one for every node, else None."""
    saved = dict(view.positions) if view is not None else {}
    if not saved or not nodes or not all(n in saved for n in nodes):
        return None
    return {n: (float(saved[n][0]), float(saved[n][1])) for n in nodes}


def canvas_positions(model: OrgModel, view: View | None, nodes: dict[str, dict[str, Any]]
                     ) -> dict[str, tuple[float, float]] | None:
    """The view's layout from ``analysis.layouts`` (as on the canvas), None if it cannot run."""
    from orgmodel.analysis import layouts

    name = view.layout.value if view is not None else "org_chart"
    try:
        placed = layouts.layout(model, "org_chart" if name == "manual" else name, list(nodes))
    except layouts.LayoutTooLargeError:
        return None
    if not all(n in placed for n in nodes):
        return None
    return {n: (float(placed[n][0]), float(placed[n][1])) for n in nodes}


def canvas_routes(scene: Scene) -> dict[tuple[str, str], list[Any]]:
    """Orthogonal routes for tree and comb edges of a canvas layout (parent above child)."""
    from orgmodel.analysis.styles import edge_style

    routes: dict[tuple[str, str], list[Any]] = {}
    for source, target, kind in scene.edges:
        routing = edge_style(kind).routing
        if routing not in ("tree", "comb"):
            continue
        head, leaf = (target, source) if kind in ("part_of", "member_of", "version_of") else (source, target)
        hx, hy = scene.positions[head]
        lx, ly = scene.positions[leaf]
        hw, hh = box_size(scene.nodes[head]["kind"], scene.compact)
        lw, lh = box_size(scene.nodes[leaf]["kind"], scene.compact)
        if ly - lh / 2 <= hy + hh / 2:
            continue  # not below its head: drawn straight
        if routing == "tree":
            mid = (hy + hh / 2 + ly - lh / 2) / 2
            routes[(leaf, head)] = [(hx, hy + hh / 2), (hx, mid), (lx, mid), (lx, ly - lh / 2)]
        else:  # a bus under the head, then down the leaf column's left side
            trunk = lx - lw / 2 - 11.0
            start = min(max(trunk, hx - hw / 2 + 10.0), hx + hw / 2 - 10.0)
            bus = hy + hh / 2 + min(10.0, (ly - lh / 2 - hy - hh / 2) / 2)
            routes[(leaf, head)] = [(start, hy + hh / 2), (start, bus), (trunk, bus), (trunk, ly),
                                    (lx - lw / 2, ly)]
    return routes


def compact_positions(model: OrgModel, nodes: dict[str, dict[str, Any]]
                      ) -> tuple[dict[str, tuple[float, float]], dict[tuple[str, str], list[Any]]]:
    """The compact page layout (``diagram_layout``) of the nodes, with connector routes."""
    from orgmodel.reporting.diagram_layout import best_fit, team_blocks

    leaves = _leaves_by_team(model, nodes)
    teams = [n for n, d in nodes.items() if d["kind"] == "team"]
    root = team_blocks(teams, lambda t: model.teams[t].parent, lambda t: leaves.get(t, []))
    placed = best_fit(root, (PAGE_WIDTH_IN, PAGE_HEIGHT_IN))
    return placed.positions, placed.routes


def build_scene(model: OrgModel, view: View | None = None) -> Scene:
    """The scene of ``view`` (the whole model when None) at the most detailed readable level."""
    from orgmodel.interop.viewgraph import view_graph

    graph = view_graph(model, _with_all_edges(view))
    all_nodes = view_nodes(model, graph, view)
    wanted = edge_kinds_for(view)
    title = view.name if view is not None else model.organisation.name
    levels = (("full", lambda k: True), ("no_people", lambda k: k != "person"),
              ("structure", lambda k: k not in ("person", "service")),
              ("teams", lambda k: k == "team"), ("groups", lambda k: k == "team"))
    scene = None
    for detail, keep in levels:
        nodes = {n: d for n, d in all_nodes.items() if keep(d["kind"])}
        if detail == "groups":
            nodes = {n: d for n, d in nodes.items() if d["sub"] == "group"}
            if not nodes:
                break
        if detail not in ("teams", "groups") and len(nodes) > TEAMS_ONLY_ABOVE:
            continue
        if scene is not None and len(nodes) == len(scene.nodes) and detail != "groups":
            continue
        if not nodes and detail != "full":
            continue
        hidden = Counter(d["kind"] for n, d in all_nodes.items() if n not in nodes)
        edges = _edges(graph, nodes, wanted)
        # The user's own arrangement, else the canvas layout, when it reads well on a page.
        placed = saved_positions(view, nodes) or canvas_positions(model, view, nodes)
        if placed is not None:
            scene = Scene(title, nodes, edges, placed, detail, {}, False, hidden)
            if label_points(scene) >= MIN_LABEL_PT:
                scene.routes = canvas_routes(scene)
                break
        positions, routes = compact_positions(model, nodes)
        scene = Scene(title, nodes, edges, positions, detail, routes, True, hidden)
        if label_points(scene) >= MIN_LABEL_PT:
            break
    assert scene is not None
    if scene.hidden:
        scene.notes.append(_hidden_note(scene.hidden))
    return scene


KIND_WORDS = {"person": "people", "service": "services", "platform": "platforms",
              "platform_version": "platform versions", "forum": "forums", "team": "teams"}


def _hidden_note(hidden: Counter[str]) -> str:
    parts = [f"{count} {KIND_WORDS.get(kind, kind)}" for kind, count in hidden.items() if count]
    return "Not drawn, to keep the page readable: " + ", ".join(parts) + " (counts in the boxes)."


def team_counts(model: OrgModel, scene: Scene) -> dict[str, str]:
    """'7 people · 4 services' per team box for the kinds the scene folded away."""
    people = Counter(p.team for p in model.people.values())
    services = Counter(s.owner for s in model.services.values())
    if scene.detail == "groups":
        return _group_counts(model, scene, people)
    out: dict[str, str] = {}
    for node, data in scene.nodes.items():
        if data["kind"] != "team":
            continue
        parts = []
        if scene.hidden.get("person") and people[node]:
            parts.append(f"{people[node]} " + ("person" if people[node] == 1 else "people"))
        if scene.hidden.get("service") and services[node]:
            parts.append(f"{services[node]} service" + ("s" if services[node] != 1 else ""))
        if parts:
            out[node] = " · ".join(parts)
    return out


def _group_counts(model: OrgModel, scene: Scene, people: Counter[str | None]) -> dict[str, str]:
    """'12 teams · 84 people' under each shown group, down to the next shown group."""
    shown = set(scene.nodes)
    teams: Counter[str] = Counter()
    heads: Counter[str] = Counter()
    for team in model.teams.values():
        owner = team.id if team.id in shown else None
        parent = team.parent
        while owner is None and parent is not None:
            owner = parent if parent in shown else None
            parent = model.teams[parent].parent
        if owner is None:
            continue
        heads[owner] += people[team.id]
        if owner != team.id:
            teams[owner] += 1
    out = {}
    for node in shown:
        parts = [f"{teams[node]} team" + ("s" if teams[node] != 1 else "")] if teams[node] else []
        parts.append(f"{heads[node]} " + ("person" if heads[node] == 1 else "people"))
        out[node] = " · ".join(parts)
    return out
