"""A saved view's filters: the one parser of ``View.filters`` and the rules of what a view shows.

``View.filters`` is a JSON object; ``parse_filters`` is its only parser (the canvas's
``orgmodel.ui.diagram.filters.ViewFilter`` is built from its result and reuses this module's
team-anchor, collapse and neighbourhood rules). The keys understood are ``node_kinds``,
``edge_kinds`` (without it, the layout's default edge kinds of ``analysis.styles``), ``subtree``
(a team id), ``collapsed`` (team ids whose contents are hidden), ``support`` ("sre"/"dev"),
``focus`` and ``focus_depth`` (only nodes near the focus). Unknown keys and unknown kind names
are ignored; values of the wrong type raise ``FormatError`` with one sentence.
Not for drawing: see ``viewgraph.py`` and the exporters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from orgmodel.analysis.graph import EDGE_KINDS, NODE_KINDS
from orgmodel.analysis.styles import DEFAULT_EDGE_KINDS, LAYOUT_EDGE_KINDS
from orgmodel.core.errors import FormatError
from orgmodel.core.model import OrgModel

HUGE_MODEL = 3000  # nodes; as on the canvas, a view without node kinds then shows teams only
FILTER_KEYS = frozenset(
    {"node_kinds", "edge_kinds", "subtree", "collapsed", "support", "focus", "focus_depth"}
)  # the keys ``parse_filters`` reads; the canvas keeps any others as they are


@dataclass(frozen=True)
class Filter:
    node_kinds: frozenset[str] | None = None
    edge_kinds: frozenset[str] | None = None
    subtree: str | None = None
    collapsed: frozenset[str] = frozenset()
    support: str | None = None
    focus: frozenset[str] = frozenset()
    focus_depth: int = 1

    def shown_node_kinds(self, node_count: int) -> frozenset[str]:
        if self.node_kinds is not None:
            return self.node_kinds
        return frozenset({"team"}) if node_count > HUGE_MODEL else frozenset(NODE_KINDS)

    def shown_edge_kinds(self, layout: str) -> frozenset[str]:
        if self.edge_kinds is not None:
            return self.edge_kinds
        return LAYOUT_EDGE_KINDS.get(layout, DEFAULT_EDGE_KINDS)


def _names(filters: Mapping[str, Any], key: str) -> frozenset[str] | None:
    value = filters.get(key)
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, list):
        raise FormatError(f"The view filter '{key}' must be a list of names.")
    return frozenset(str(v) for v in value)


def _text(filters: Mapping[str, Any], key: str) -> str | None:
    value = filters.get(key)
    if value is not None and not isinstance(value, str):
        raise FormatError(f"The view filter '{key}' must be a name, not {value!r}.")
    return value or None


def parse_filters(filters: Mapping[str, Any]) -> Filter:
    """The typed filter of a view (kinds we do not know are dropped).

    The one parser of ``View.filters``: headless exports and the canvas
    (``orgmodel.ui.diagram.filters.ViewFilter.from_dict``) both read a view through it.
    """
    kinds, edges = _names(filters, "node_kinds"), _names(filters, "edge_kinds")
    depth = filters.get("focus_depth", 1)
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
        raise FormatError(f"The view filter 'focus_depth' must be a whole number, not {depth!r}.")
    return Filter(
        node_kinds=None if kinds is None else kinds & frozenset(NODE_KINDS),
        edge_kinds=None if edges is None else edges & frozenset(EDGE_KINDS),
        subtree=_text(filters, "subtree"),
        collapsed=_names(filters, "collapsed") or frozenset(),
        support=_text(filters, "support"),
        focus=_names(filters, "focus") or frozenset(),
        focus_depth=depth,
    )


def team_anchor(model: OrgModel, node: str) -> str | None:
    """The team a node hangs under (itself for a team; None for forums)."""
    if node in model.teams:
        return node
    if node in model.people:
        return model.people[node].team
    if node in model.services:
        return model.services[node].owner
    if node in model.platforms:
        return model.platforms[node].owner
    if node in model.platform_versions:
        platform = model.platforms.get(model.platform_versions[node].platform)
        return platform.owner if platform is not None else None
    return None


def ancestors(model: OrgModel, team: str | None) -> Iterator[str]:
    seen: set[str] = set()
    while team is not None and team in model.teams and team not in seen:
        seen.add(team)
        yield team
        team = model.teams[team].parent


def hidden_by_collapse(model: OrgModel, node: str, collapsed: frozenset[str]) -> bool:
    anchors = list(ancestors(model, team_anchor(model, node)))
    if node in model.teams:
        anchors = anchors[1:]  # a collapsed team itself stays visible
    return any(a in collapsed for a in anchors)


def _keep(
    model: OrgModel, node: str, data: Mapping[str, Any], flt: Filter, kinds: frozenset[str]
) -> bool:
    if data.get("kind") not in kinds:
        return False
    if flt.support and data.get("kind") == "service" and data.get("sub") != flt.support:
        return False
    if flt.subtree and flt.subtree in model.teams:
        if flt.subtree not in ancestors(model, team_anchor(model, node)):
            return False
    return not (flt.collapsed and hidden_by_collapse(model, node, flt.collapsed))


def neighbourhood(start: Iterable[str], edges: Iterable[tuple[str, str]], depth: int) -> set[str]:
    """Nodes within ``depth`` edges (either direction) of ``start``."""
    adjacent: dict[str, set[str]] = {}
    for source, target in edges:
        adjacent.setdefault(source, set()).add(target)
        adjacent.setdefault(target, set()).add(source)
    seen = set(start)
    frontier = set(seen)
    for _ in range(depth):
        frontier = {n for f in frontier for n in adjacent.get(f, ())} - seen
        seen |= frontier
    return seen


def shown_nodes(
    model: OrgModel,
    nodes: Mapping[str, Mapping[str, Any]],
    edges: Iterable[tuple[str, str, str]],
    flt: Filter,
    layout: str,
) -> set[str]:
    """Ids of the nodes the view shows; ``edges`` are (source, target, kind)."""
    kinds = flt.shown_node_kinds(len(nodes))
    shown = {n for n, data in nodes.items() if _keep(model, n, data, flt, kinds)}
    if flt.focus:
        edge_kinds = flt.shown_edge_kinds(layout)
        near = neighbourhood(
            flt.focus & set(nodes),
            [(s, t) for s, t, k in edges if k in edge_kinds],
            flt.focus_depth,
        )
        shown &= near
    return shown
