"""The diagram scene: mirrors the model as node and edge items for one view's filter and layout.

``DiagramScene`` keeps every diagram node and edge of the model as data (``graphdata``), but
creates items only for what the filter shows, so a 5,000-node model with a teams-only view holds a
few hundred items. It listens to the model's ``entity_added/removed/changed`` events and updates
just the affected items (``mirror``). Positions come from the view (``stored``) and, for nodes
without one, from the view's layout; ``move_nodes`` animates position changes briefly
(``motion``). Not for gestures or commands (``interactions``) nor for zoom and keys (``view``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QRectF, QVariantAnimation
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene

from orgmodel.analysis import layouts
from orgmodel.analysis.relations import drawable
from orgmodel.analysis.styles import CANVAS_DARK, CANVAS_LIGHT, SUB_LABELS
from orgmodel.core.kinds import Layout
from orgmodel.core.model import OrgModel
from orgmodel.ui.diagram import filters
from orgmodel.ui.diagram.edges import HUB_END, CombItem, EdgeItem, make_edge
from orgmodel.ui.diagram.filters import ViewFilter
from orgmodel.ui.diagram.graphdata import (
    CanvasIndex,
    EdgeData,
)
from orgmodel.ui.diagram.items import NodeItem, make_interactive, make_node_items
from orgmodel.ui.diagram.mirror import ModelMirror
from orgmodel.ui.diagram.motion import NodeMotion

Point = tuple[float, float]


class DiagramScene(ModelMirror, NodeMotion, QGraphicsScene):
    """Items for the visible part of a model; call ``close()`` to stop listening to it."""

    def __init__(self, model: OrgModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model
        self.dark = False
        self.setBackgroundBrush(QColor(CANVAS_LIGHT))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.index = CanvasIndex(model)  # kinds are indexed as the canvas first shows them
        index = self.index
        self.nodes, self.edges, self.by_kind, self.held = index.nodes, index.edges, index.by_kind, index.held
        self.node_items: dict[str, NodeItem] = {}
        self.edge_items: dict[tuple[str, str, str], EdgeItem | CombItem] = {}
        self.combs: dict[tuple[str, str], CombItem] = {}
        self._dirty_combs: set[tuple[str, str]] = set()
        self.filter = ViewFilter()
        self.layout_name = Layout.ORG_CHART
        self.stored: dict[str, Point] = {}
        self.visible: set[str] = set()
        self.layout_error = ""
        self._animation: QVariantAnimation | None = None
        self._animation_end: dict[str, Point] = {}
        self._counts: dict[str, int] | None = None
        self._closed = False
        self.labels_visible = False
        self._label_region: QRectF | None = None  # where the view last wanted labels (None: all)
        self._badged = False
        self._selected: set[NodeItem] = set()
        self.interactive = False  # nodes become selectable and movable on first need
        self.selectionChanged.connect(self._refresh_selection)
        events = model.events
        events.entity_added.connect(self._on_added)
        events.entity_removed.connect(self._on_removed)
        events.entity_changed.connect(self._on_changed)
        events.batch_finished.connect(self._on_batch_finished)
        self._pending_resync = self._pending_relayout = False  # changes of structure to follow

    def set_dark(self, dark: bool) -> None:
        """Use the dark canvas (background and edge colours; node fills keep their pale colours
        so their dark labels stay readable) or the light one."""
        if dark == self.dark:
            return
        self.dark = dark
        self.setBackgroundBrush(QColor(CANVAS_DARK if dark else CANVAS_LIGHT))
        for item in {id(i): i for i in self.edge_items.values()}.values():
            item.set_dark(dark)

    def close(self) -> None:
        """Stop mirroring the model (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        events = self.model.events
        events.entity_added.disconnect(self._on_added)
        events.entity_removed.disconnect(self._on_removed)
        events.entity_changed.disconnect(self._on_changed)
        events.batch_finished.disconnect(self._on_batch_finished)

    # ----------------------------------------------------------------- configuring
    def configure(self, layout: Layout | str, flt: ViewFilter, stored: Mapping[str, Point]) -> None:
        """Show the model through a view: its layout, filter and stored positions (no animation)."""
        routed = self.orthogonal
        self.layout_name = Layout(layout)
        self.filter = flt
        self.stored = dict(stored)
        self._sync_visible_and_move()  # edges it makes are routed for the new layout
        if self.orthogonal != routed:
            self._sync_routing()

    def set_filter(self, flt: ViewFilter) -> None:
        self.filter = flt
        self._sync_visible_and_move()

    def _sync_visible_and_move(self) -> None:
        """Show what the filter shows; nodes that were already shown move to their places."""
        before = set(self.node_items)
        target = self._sync_visible()
        if target is None:
            target = self._target_positions()
        self.move_nodes({n: p for n, p in target.items() if n in before}, animate=False)

    def set_stored(self, stored: Mapping[str, Point], layout: Layout | str, animate: bool = True) -> None:
        """The view's positions or layout changed (a drag, a layout, an undo): move there."""
        kinds = self.edge_kinds
        self.layout_name = Layout(layout)
        self.stored = dict(stored)
        if self.edge_kinds != kinds:
            self._drop_stale_edges()
        rerouted = self._set_routing()
        self.move_nodes(self._target_positions(), animate=animate)
        if self.edge_kinds != kinds:
            self._sync_all_edges()  # new edges start where their nodes are now
        for item in rerouted:
            item.adjust()

    def auto_positions(self, layout: Layout | str | None = None) -> dict[str, Point]:
        """The layout's positions for the visible nodes (force falls back to the org chart)."""
        name = Layout(layout or self.layout_name)
        self.layout_error = ""
        ids = self.model.ids()
        shown = {n for n in self.visible if n in ids}
        try:
            return layouts.layout(self.model, name, shown)
        except layouts.LayoutTooLargeError as error:
            self.layout_error = str(error)
            return layouts.org_chart(self.model, shown)

    def _target_positions(self) -> dict[str, Point]:
        # during a bulk removal the model may already lack nodes whose events are still coming
        stored = self.stored
        if not stored:  # nothing placed by hand: the layout's places (for exactly these nodes)
            return self.auto_positions()
        ids = self.model.ids()
        present = [n for n in self.visible if n in ids]
        auto = self.auto_positions() if any(n not in stored for n in present) else {}
        return {n: stored[n] if n in stored else auto[n] for n in present}

    def current_positions(self) -> dict[str, Point]:
        return {n: (item.pos().x(), item.pos().y()) for n, item in self.node_items.items()}

    # ----------------------------------------------------------------- visibility
    def _sync_visible(self) -> dict[str, Point] | None:
        """Items for exactly the visible nodes and edges; new nodes start at their places.
        Returns the target positions when it had to compute them."""
        self.index.ensure(self.filter.effective_node_kinds(self.node_count),
                          self.edge_kinds if self.filter.focus else ())
        self.visible = filters.visible_nodes(self.model, self.nodes, self.edges.values(), self.filter,
                                             self.layout_name, self.node_count)
        for node_id in [n for n in self.node_items if n not in self.visible]:
            self._drop_node_item(node_id)
        new = [n for n in self.nodes if n in self.visible and n not in self.node_items]
        target = placed = None
        if new:
            if self.model.in_batch:  # placed by hand now, by the layout once the batch ends
                target = {n: self.stored[n] for n in new if n in self.stored}
                self._pending_relayout = True
            else:
                target = self._target_positions()
            self._make_node_items(new, target)
            # where the new nodes are (edges need not ask Qt): all of target on a new canvas
            placed = target if len(new) == len(self.node_items) else {n: target[n] for n in new if n in target}
        self._sync_all_edges(placed)
        self._refresh_badges()
        return target

    @property
    def node_count(self) -> int:
        """How many diagram nodes the model has, shown or not (the default filter shows only
        teams of a huge model)."""
        return self.index.node_count

    @property
    def orthogonal(self) -> bool:
        return self.layout_name is not Layout.FORCE

    def _set_routing(self) -> list[EdgeItem | CombItem]:
        """Switch edges to the layout's routing; returns those to re-route."""
        changed = []
        for item in {id(i): i for i in self.edge_items.values()}.values():
            if item.orthogonal != self.orthogonal:
                item.orthogonal = self.orthogonal
                changed.append(item)
        return changed

    def _sync_routing(self) -> None:
        for item in self._set_routing():
            item.adjust()

    @property
    def edge_kinds(self) -> frozenset[str]:
        return self.filter.effective_edge_kinds(self.layout_name)

    def _drop_stale_edges(self) -> None:
        kinds = self.edge_kinds
        stale = [e for e in self.edge_items
                 if not filters.visible_edge(self.edges[e], self.visible, kinds)]
        for edge_id in stale:
            self._drop_edge_item(edge_id)

    def _sync_all_edges(self, at: Mapping[str, Point] | None = None) -> None:
        """Edge items for exactly the shown edges (only the shown kinds are looked at)."""
        nodes = self.filter.effective_node_kinds(self.node_count)
        kinds = [k for k in self.edge_kinds if drawable(k, nodes)]  # a teams-only view: part_of
        self.index.ensure(edge_kinds=kinds)
        self._drop_stale_edges()
        for kind in kinds:
            self._add_missing_edges(kind, self.by_kind.get(kind, {}).values(), at)
        self._adjust_dirty_combs(at)

    def _add_missing_edges(self, kind: str, edges: Iterable[EdgeData],
                           at: Mapping[str, Point] | None = None) -> None:
        """Items for the shown edges of one shown kind that have none (thousands on a new canvas:
        the kind's routing is decided once, not per edge)."""
        shown, items, nodes = self.visible, self.edge_items, self.node_items
        end = HUB_END.get(kind)
        if end is None:
            for edge in edges:
                if edge.source in shown and edge.target in shown and edge.id not in items:
                    self._add_edge_item(edge, at)
            return
        hub_is_target = end == "target"
        spokes: dict[str, list[tuple[tuple[str, str, str], NodeItem]]] = {}
        for source, target, _, _, edge_id in edges:
            if source in shown and target in shown and edge_id not in items:
                hub, leaf = (target, source) if hub_is_target else (source, target)
                group = spokes.get(hub)
                if group is None:
                    spokes[hub] = [(edge_id, nodes[leaf])]
                else:
                    group.append((edge_id, nodes[leaf]))
        for hub, new in spokes.items():
            self._add_to_comb((hub, kind), new)

    def _add_edge_item(self, edge: EdgeData, at: Mapping[str, Point] | None = None) -> None:
        item = make_edge(edge, self.node_items[edge.source], self.node_items[edge.target], self.orthogonal, at)
        if self.dark:
            item.set_dark(True)
        self.edge_items[edge.id] = item
        self.addItem(item)

    def _forget_edge(self, edge_id: tuple[str, str, str]) -> None:
        edge = self.edges.pop(edge_id, None)
        if edge is not None:
            self.by_kind.get(edge.kind, {}).pop(edge_id, None)

    def _sync_edges(self, edges: Iterable[EdgeData]) -> None:
        """Items for these edges (of any kinds) exactly when they are shown: the shown ones
        without an item are added kind by kind as a new canvas adds them."""
        kinds, shown, items = self.edge_kinds, self.visible, self.edge_items
        wanted: dict[str, list[EdgeData]] = {}
        for edge in edges:
            if edge.kind in kinds and edge.source in shown and edge.target in shown:
                wanted.setdefault(edge.kind, []).append(edge)
            elif edge.id in items:
                self._drop_edge_item(edge.id)
        for kind, group in wanted.items():
            self._add_missing_edges(kind, group)
        self._adjust_dirty_combs()

    def _add_to_comb(self, key: tuple[str, str], spokes: list[tuple[tuple[str, str, str], NodeItem]]) -> None:
        """Bundle edges into the comb of a hub and kind (made when missing, shown once routed)."""
        comb = self.combs.get(key)
        if comb is None:
            comb = self.combs[key] = CombItem(key[1], self.node_items[key[0]], self.orthogonal)
            if self.dark:
                comb.set_dark(True)
        comb.add(spokes)
        self.edge_items.update(dict.fromkeys([edge_id for edge_id, _ in spokes], comb))
        self._dirty_combs.add(key)

    def _adjust_dirty_combs(self, at: Mapping[str, Point] | None = None) -> None:
        for key in self._dirty_combs:
            comb = self.combs.get(key)
            if comb is not None:
                comb.adjust(at)
                if comb.scene() is None:  # new: routed before it joins the scene (no repaint)
                    self.addItem(comb)
        self._dirty_combs.clear()

    def _make_node_items(self, node_ids: list[str], at: Mapping[str, Point]) -> None:
        """Items for nodes, placed where ``at`` says (before they join the scene: no repaints)."""
        nodes, items, add, caption = self.nodes, self.node_items, self.addItem, self.caption
        labels = self.labels_visible
        data = [nodes[n] for n in node_ids]
        made = make_node_items([(d, caption(d.id) if d.kind == "team" else None, at.get(d.id)) for d in data],
                               self.interactive)
        items.update(zip(node_ids, made, strict=True))
        if labels:
            self._label_shown(made)
        for item in made:
            add(item)

    def _label_shown(self, items: Iterable[NodeItem]) -> None:
        """Labels for those of these items in the region the view shows (with its margin)."""
        region = self._label_region
        for item in items:
            if region is None or region.intersects(item.sceneBoundingRect()):
                item.show_text(True)

    def place_at(self, positions: Mapping[str, Point]) -> None:
        """Move nodes (and their edges); those moved into the shown region get their labels."""
        super().place_at(positions)
        if self.labels_visible:
            nodes = self.node_items
            self._label_shown([nodes[n] for n in positions if n in nodes and not nodes[n].has_labels])

    def _drop_node_item(self, node_id: str) -> None:
        item = self.node_items.pop(node_id)
        for edge in list(item.edges):
            for edge_id in edge.edge_ids_at(node_id):
                self._drop_edge_item(edge_id)
        self._adjust_dirty_combs()
        self.removeItem(item)

    def _drop_edge_item(self, edge_id: tuple[str, str, str]) -> None:
        item = self.edge_items.pop(edge_id, None)
        if isinstance(item, CombItem):
            item.remove(edge_id)
            key = (item.hub.node_id, item.kind)
            if item.spokes:
                self._dirty_combs.add(key)
                return
            self.combs.pop(key, None)
        if item is not None:
            item.detach()
            self.removeItem(item)

    def caption(self, node_id: str) -> str:
        node = self.nodes[node_id]
        if node.kind != "team":
            return SUB_LABELS.get(node.sub, node.sub)
        people = self._member_counts().get(node_id, 0)
        kind = SUB_LABELS.get(node.sub, node.sub).removesuffix(" team").replace(" / department", "")
        return f"{kind} · {people} {'person' if people == 1 else 'people'}"

    def _refresh_badges(self) -> None:
        """A collapsed team shows how many nodes of the shown kinds it hides."""
        if not self.filter.collapsed and not self._badged:
            return
        kinds = self.filter.effective_node_kinds(self.node_count)
        hidden: dict[str, int] = {}
        if self.filter.collapsed:
            for node_id, node in self.nodes.items():
                if node_id in self.visible or node.kind not in kinds:
                    continue
                anchor = filters.team_anchor(self.model, node_id)
                for team in filters.ancestors(self.model, anchor):
                    if team in self.filter.collapsed and team != node_id:
                        hidden[team] = hidden.get(team, 0) + 1
                        break
        for node_id, item in self.node_items.items():
            item.set_collapsed_count(hidden.get(node_id, 0))
        self._badged = bool(hidden)

    def set_labels_visible(self, on: bool, region: QRectF | None = None) -> None:
        """Labels are worth drawing only when readable (the view calls this as it zooms and
        scrolls). Showing them makes labels for the nodes in ``region`` (all when None) only:
        a zoomed-in view of a 5,000-node model never pays for labels it does not show."""
        changed = on != self.labels_visible
        self.labels_visible = on
        self._label_region = region
        if not on:
            if changed:
                for item in self.node_items.values():
                    item.show_text(False)
            return
        if region is None:
            items = list(self.node_items.values())
        else:
            items = [i for i in self.items(region) if isinstance(i, NodeItem)]
            if changed:  # labels made earlier elsewhere come back too
                items += [i for i in self.node_items.values() if i.has_labels]
        for item in items:
            item.show_text(True)

    def make_interactive(self) -> None:
        """Let the user select and move the nodes. Done when first needed (a press on the canvas,
        a selection from elsewhere), not for each node as it is made: opening and rendering a
        5,000-node diagram then costs a Qt call fewer per node."""
        if not self.interactive:
            self.interactive = True
            make_interactive(self.node_items.values())

    def _refresh_selection(self) -> None:
        selected = {i for i in self.selectedItems() if isinstance(i, NodeItem)}
        for item in selected ^ self._selected:
            if item.scene() is self:
                item.refresh_pen()
        self._selected = selected

    def items_rect(self, ids: Iterable[str] | None = None) -> QRectF:
        chosen = self.node_items.values() if ids is None else [
            self.node_items[i] for i in ids if i in self.node_items]
        rect = QRectF()
        for item in chosen:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def _member_counts(self) -> dict[str, int]:
        if self._counts is None:  # people per team, counted in C (a team caption says how many)
            self._counts = dict(Counter(map(attrgetter("team"), self.model.people.values())))
        return self._counts
