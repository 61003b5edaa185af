"""What a diagram view shows: the filter settings saved in a ``View`` and the visible set.

``ViewFilter`` is the typed form of ``View.filters`` (a JSON-able dict): node kinds, edge kinds,
a team subtree, collapsed teams, a service-support restriction and a focus neighbourhood. It is
parsed by ``orgmodel.interop.viewfilter.parse_filters`` (the parser headless exports use too) and
adds what the canvas needs: the keys it does not read kept as they are, ``to_dict`` and toggling.
``visible_nodes`` applies it to the diagram's nodes and edges; ``visible_edge`` says whether an
edge is drawn. Huge models default to teams only so the first view stays usable. Qt-free and
model-read-only: changing a view's filters is the widget's job (through commands).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from orgmodel.core.errors import FormatError
from orgmodel.core.model import OrgModel
from orgmodel.interop.viewfilter import (  # one parser and the same rules as headless exports
    FILTER_KEYS,
    HUGE_MODEL,
    Filter,
    ancestors,
    hidden_by_collapse,
    neighbourhood,
    parse_filters,
    team_anchor,
)
from orgmodel.ui.diagram.graphdata import EdgeData, NodeData

__all__ = ["HUGE_MODEL", "ViewFilter", "visible_edge", "visible_nodes"]


@dataclass(frozen=True)
class ViewFilter(Filter):
    """The canvas's filter: ``parse_filters``'s result plus the keys it does not read (kept)."""

    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ViewFilter:
        """The filter of ``View.filters``; values of the wrong type raise ``FormatError``."""
        parsed = parse_filters(data)
        typed = {f.name: getattr(parsed, f.name) for f in fields(Filter)}
        return cls(**typed, extra={k: v for k, v in data.items() if k not in FILTER_KEYS})

    @classmethod
    def read(cls, data: Mapping[str, Any]) -> tuple[ViewFilter, str | None]:
        """The filter of a view to show, or no filter and the sentence saying why."""
        try:
            return cls.from_dict(data), None
        except FormatError as error:
            return cls(), f"{error} The view is shown unfiltered."

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = dict(self.extra)
        if self.node_kinds is not None:
            data["node_kinds"] = sorted(self.node_kinds)
        if self.edge_kinds is not None:
            data["edge_kinds"] = sorted(self.edge_kinds)
        if self.subtree:
            data["subtree"] = self.subtree
        if self.collapsed:
            data["collapsed"] = sorted(self.collapsed)
        if self.support:
            data["support"] = self.support
        if self.focus:
            data["focus"] = sorted(self.focus)
            data["focus_depth"] = self.focus_depth
        return data

    def effective_node_kinds(self, node_count: int) -> frozenset[str]:
        return self.shown_node_kinds(node_count)

    def effective_edge_kinds(self, layout: str) -> frozenset[str]:
        return self.shown_edge_kinds(str(layout))

    def toggled(self, name: str, value: str, on: bool, node_count: int = 0,
                layout: str = "org_chart") -> ViewFilter:
        """A copy with one node kind, edge kind or collapsed team switched on or off."""
        current = {
            "node_kinds": self.effective_node_kinds(node_count),
            "edge_kinds": self.effective_edge_kinds(layout),
            "collapsed": self.collapsed,
        }[name]
        updated = current | {value} if on else current - {value}
        return replace(self, **{name: frozenset(updated)})


def _in_subtree(model: OrgModel, node: str, root: str) -> bool:
    return root in ancestors(model, team_anchor(model, node))


def visible_nodes(
    model: OrgModel, nodes: Mapping[str, NodeData], edges: Iterable[EdgeData], flt: ViewFilter,
    layout: str = "org_chart", node_count: int | None = None,
) -> set[str]:
    """Ids of the nodes a view with filter ``flt`` shows (the focus follows shown edge kinds);
    ``node_count``: how many nodes the model has when ``nodes`` holds only some kinds."""
    kinds = flt.effective_node_kinds(len(nodes) if node_count is None else node_count)
    if not (flt.support or flt.subtree or flt.collapsed):  # by kind only: thousands of nodes
        shown = {node_id for node_id, node in nodes.items() if node.kind in kinds}
    else:
        shown = _shown_by_filters(model, nodes, flt, kinds)
    if flt.focus:
        kinds_shown = flt.effective_edge_kinds(layout)
        shown &= neighbourhood(flt.focus & set(nodes),
                               [(e.source, e.target) for e in edges if e.kind in kinds_shown],
                               flt.focus_depth)
    return shown


def _shown_by_filters(model: OrgModel, nodes: Mapping[str, NodeData], flt: ViewFilter,
                      kinds: frozenset[str]) -> set[str]:
    shown: set[str] = set()
    for node_id, node in nodes.items():
        if node.kind not in kinds:
            continue
        if flt.support and node.kind == "service" and node.sub != flt.support:
            continue
        if flt.subtree and flt.subtree in model.teams and not _in_subtree(model, node_id, flt.subtree):
            continue
        if flt.collapsed and hidden_by_collapse(model, node_id, flt.collapsed):
            continue
        shown.add(node_id)
    return shown


def visible_edge(edge: EdgeData, shown: set[str], edge_kinds: frozenset[str]) -> bool:
    return edge.kind in edge_kinds and edge.source in shown and edge.target in shown
