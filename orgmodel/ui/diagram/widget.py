"""``DiagramWidget``: the diagram canvas with its toolbar, legend, search and saved views.

The widget owns a ``DiagramScene`` (items mirroring the model), a ``DiagramView`` (zoom, pan,
rubber band) and ``Interactions`` (gestures -> commands), plus the toolbar built by ``controls``.
It shows one saved ``View`` at a time (or an unsaved default view): switching views loads the
view's filters, layout, positions and zoom; changes of the current view in the model (a drag, a
layout, undo) move the nodes. Filter changes are live and are stored in the view with "Update
view"; "Save as view" adds a new one. The public API follows docs/internal-api.md.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from orgmodel.core.entities import View, new_id
from orgmodel.core.events import EntityEvent
from orgmodel.core.kinds import Layout
from orgmodel.editing.commands import AddEntityCommand, ApplyLayoutCommand
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.diagram import savedviews
from orgmodel.ui.diagram.controls import DiagramControls
from orgmodel.ui.diagram.export import export_scene
from orgmodel.ui.diagram.filters import ViewFilter
from orgmodel.ui.diagram.interactions import Interactions
from orgmodel.ui.diagram.items import TEXT_LOD, NodeItem
from orgmodel.ui.diagram.legend import Legend, scene_entries
from orgmodel.ui.diagram.scene import DiagramScene
from orgmodel.ui.diagram.search import Search
from orgmodel.ui.diagram.view import DiagramView

if TYPE_CHECKING:
    from orgmodel.ui.settings import AppSettings

READABLE_ZOOM = 0.8  # centring a node zoomed out too far to read it zooms in to this
LEGIBLE_ZOOM = 0.6  # a view shown without a zoom of its own is never fitted smaller than this
CLAMPED_NOTE = " · zoomed in to read the labels (Ctrl+0 fits it all)"


def _stop_listening(listening: list[tuple[Any, Any]], scene: DiagramScene, *_: object) -> None:
    while listening:
        signal, handler = listening.pop()
        signal.disconnect(handler)
    scene.close()


class DiagramWidget(QWidget):
    """The diagram of a document; every edit it makes goes through ``stack``."""

    selection_changed = Signal(list)
    view_switched = Signal(object)  # view id or None
    legend_shown_changed = Signal(bool)  # the user showed or hid the legend

    def __init__(self, stack: CommandStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.model = stack.model
        self.view_id: str | None = None
        self.scene = DiagramScene(self.model, self)
        self.view = DiagramView(self.scene, self)
        self.legend = Legend(self.view.viewport())
        self.view.overlay = self.legend
        self.interactions = Interactions(stack, self.view, self.ensure_view, self)
        self.interactions.on_collapse = self.set_collapsed
        self.interactions.on_focus = self.focus_on
        self.interactions.on_subtree = self.show_subtree
        self.interactions.status = self.show_status
        self.status = QLabel(self)
        self.status.setObjectName("diagramStatus")
        # a long sentence is cut off rather than widening the canvas and squeezing the docks
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.search = Search(self)
        self.controls = DiagramControls(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.controls.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self._add_shortcuts()
        self.scene.selectionChanged.connect(self._emit_selection)
        self.view.viewport_changed.connect(self.legend.place)
        self.legend.state_changed.connect(self._on_legend_changed)
        self.view.fit_clamped.connect(self._on_fit_clamped)
        self._settings: AppSettings | None = None
        events = self.model.events
        self._listening = [
            (events.entity_changed, self._on_entity_changed),
            (events.entity_removed, self._on_entity_removed),
            (events.entity_added, self._on_views_changed),
            (events.views_reordered, self._on_views_changed),
            (events.batch_finished, self._on_batch_finished),
        ]
        self._refresh_pending = False  # legend, status and search wait for a batch of writes
        for signal, handler in self._listening:
            signal.connect(handler)
        # a widget deleted by its parent (a closed document's tab) must stop listening too
        self.destroyed.connect(partial(_stop_listening, self._listening, self.scene))
        self.set_view(next(iter(self.model.views), None))

    def use_settings(self, settings: AppSettings) -> None:
        """Show the legend as the user left it last time, and remember how they change it."""
        self._settings = settings
        self.legend.restore(settings.legend_shown, settings.legend_collapsed,
                            settings.legend_corner)
        self.controls.legend_action.setChecked(self.legend.wanted)

    def _on_legend_changed(self) -> None:
        legend = self.legend
        self.controls.legend_action.setChecked(legend.wanted)
        if self._settings is not None:
            self._settings.legend_shown = legend.wanted
            self._settings.legend_collapsed = legend.collapsed
            self._settings.legend_corner = legend.corner
        self.legend_shown_changed.emit(legend.wanted)

    def close_model(self) -> None:
        """Stop listening to the model (before the document closes); safe to call twice."""
        _stop_listening(self._listening, self.scene)

    def _add_shortcuts(self) -> None:
        def action(text: str, keys: list[QKeySequence | str], slot: Any) -> QAction:
            act = QAction(text, self)
            sequences: list[QKeySequence] = []
            for key in keys:  # a sequence listed twice would make the shortcut ambiguous
                sequence = QKeySequence(key)
                if not sequence.isEmpty() and sequence not in sequences:
                    sequences.append(sequence)
            act.setShortcuts(sequences)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.zoom_in_action = action("Zoom in", [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
                                     lambda: self.view.zoom_by(1.25))
        self.zoom_out_action = action("Zoom out", [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"],
                                      lambda: self.view.zoom_by(0.8))
        self.fit_action = action("Fit to window", ["Ctrl+0"], lambda: self.view.fit())
        self.view.find_requested.connect(self.search.start)  # Ctrl+F on the canvas
        self.view.node_double_clicked.connect(self._toggle_team)

    # ----------------------------------------------------------------- views
    @property
    def current_view(self) -> View | None:
        return self.model.views.get(self.view_id) if self.view_id else None

    def set_view(self, view_id: str | None) -> None:
        """Show a saved view (None: the default view of the whole organisation)."""
        view = self.model.views.get(view_id) if view_id else None
        self.view_id = view.id if view else None
        problem = None
        if view is None:
            self.scene.configure(Layout.ORG_CHART, ViewFilter(), {})
        else:
            flt, problem = ViewFilter.read(view.filters)
            self.scene.configure(view.layout, flt, view.positions)
        self._after_filter()
        self._restore_zoom(view)
        self.controls.sync_views()
        self.view_switched.emit(self.view_id)
        if problem:
            self.show_status(problem)

    def _restore_zoom(self, view: View | None) -> None:
        if view is None or view.zoom == 1.0:  # a view without a zoom of its own
            self.readable_fit()
        else:
            self.view.fit()
            self.view.set_zoom(view.zoom, self.scene.items_rect().center())

    def readable_fit(self) -> None:
        """Fit the diagram in the window if its labels stay legible; a larger diagram is shown
        at a legible zoom from its top (the head of the org chart), the rest a pan or a Fit
        (Ctrl+0) away. Kept up as the window is resized, until the user zooms or pans."""
        self.view.fit(min_zoom=LEGIBLE_ZOOM)

    def _on_fit_clamped(self, clamped: bool) -> None:
        text = self.status.text().strip().removesuffix(CLAMPED_NOTE)
        self.show_status(text + CLAMPED_NOTE if clamped else text)

    def ensure_view(self) -> str:
        """The current view's id; creates a view from what is shown when there is none."""
        if self.view_id and self.view_id in self.model.views:
            return self.view_id
        view = View(new_id(), savedviews.unique_name(self.model, "Diagram"), self.scene.layout_name,
                    self.scene.filter.to_dict(), self.scene.current_positions(), self.view.zoom())
        self.stack.push(AddEntityCommand(view))
        self.view_id = view.id
        self.scene.stored = dict(view.positions)
        self.controls.sync_views()
        return view.id

    def save_as_view(self, name: str) -> str:
        view_id = savedviews.save_view(self.stack, name, self.scene.layout_name,
                                       self.scene.filter.to_dict(), self.scene.current_positions(),
                                       self.view.zoom())
        self.set_view(view_id)
        return view_id

    def update_view(self) -> None:
        view_id = self.ensure_view()
        savedviews.update_view(self.stack, view_id, self.scene.filter.to_dict(), self.view.zoom())

    def _on_entity_changed(self, event: EntityEvent) -> None:
        if event.kind != "views":
            return
        old, new = event.old, event.new
        if new.id == self.view_id:
            if old.filters != new.filters:
                flt, problem = ViewFilter.read(new.filters)
                self.scene.set_filter(flt)
                self._after_filter()
                if problem:
                    self.show_status(problem)
            if old.positions != new.positions or old.layout != new.layout:
                self.scene.set_stored(new.positions, new.layout, animate=True)
        self.controls.sync_views()

    def _on_entity_removed(self, event: EntityEvent) -> None:
        if event.kind == "views":
            if event.old.id == self.view_id:
                self.set_view(None)
            else:
                self.controls.sync_views()
        elif event.kind != "embeds":
            if self.model.in_batch:
                self._refresh_pending = True
            else:
                self._after_filter(fit=False)

    def _on_batch_finished(self, _: None) -> None:
        self.scene.catch_up()  # whichever of the two hears the batch end first
        self.view.cover_items()
        if self._refresh_pending:
            self._refresh_pending = False
            self._after_filter(fit=False)

    def _on_views_changed(self, payload: Any) -> None:
        if isinstance(payload, EntityEvent) and payload.kind != "views":
            return
        self.controls.sync_views()

    # ----------------------------------------------------------------- layout & filters
    def apply_layout(self, layout: Layout | str) -> bool:
        """Lay out the visible nodes as one undoable step (animated); False if refused."""
        positions = self.scene.auto_positions(layout)
        if self.scene.layout_error:
            self.show_status(self.scene.layout_error)
            return False
        label = Layout(layout).value.replace("_", " ")
        with self.stack.macro(f"Apply the {label} layout"):
            view_id = self.ensure_view()
            self.stack.push(ApplyLayoutCommand(view_id, layout, positions))
        QTimer.singleShot(300, self._fit_if_outside)
        return True

    def _fit_if_outside(self) -> None:
        shown = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if not shown.contains(self.scene.items_rect()):
            self.view.fit()

    def set_filter(self, flt: ViewFilter) -> None:
        """Show the nodes and edges ``flt`` asks for; the node nearest the window's centre
        stays where it is in the window (when it is still shown), so the user keeps their place."""
        anchor = self.view.anchor()
        self.scene.set_filter(flt)
        self.view.keep_anchor(anchor)
        self._after_filter()

    def set_collapsed(self, team_id: str, collapsed: bool) -> None:
        self.set_filter(self.scene.filter.toggled("collapsed", team_id, collapsed))

    def _toggle_team(self, node_id: str) -> None:
        """Double-clicking a team collapses it (or expands it again)."""
        if node_id in self.model.teams:
            self.set_collapsed(node_id, node_id not in self.scene.filter.collapsed)

    def focus_on(self, ids: list[str]) -> None:
        from dataclasses import replace

        self.set_filter(replace(self.scene.filter, focus=frozenset(ids)))
        if ids:
            self.view.fit()

    def show_subtree(self, team_id: str | None) -> None:
        from dataclasses import replace

        self.set_filter(replace(self.scene.filter, subtree=team_id))
        self.view.fit()

    def _after_filter(self, fit: bool = False) -> None:
        scene = self.scene
        self.view.cover_items()
        kinds = scene.filter.effective_node_kinds(scene.node_count)
        self.legend.set_entries(scene_entries(scene))
        self.controls.sync_filter()
        note = ""
        if scene.filter.node_kinds is None and kinds == frozenset({"team"}):
            note = " · large model: showing teams only (Filter ▸ Nodes shows more)"
        self.show_status(f"{len(scene.node_items)} of {len(scene.nodes)} nodes, "
                         f"{len(scene.edge_items)} edges shown{note}")
        self.search.refresh()
        if fit:
            self.view.fit()

    # ----------------------------------------------------------------- selection
    def _emit_selection(self) -> None:
        self.selection_changed.emit(self.interactions.selected_ids())

    def select_ids(self, ids: list[str]) -> None:
        self.scene.make_interactive()
        self.scene.clearSelection()
        hidden = 0
        for node_id in ids:
            item = self.scene.node_items.get(node_id)
            if item is None:
                hidden += 1
            else:
                item.setSelected(True)
        if hidden:
            self.show_status(f"{hidden} selected item(s) are hidden by this view's filters")

    def center_on(self, ids: list[str]) -> None:
        """Bring the nodes into view (a click in the explorer or on a finding): centred unless
        already in view, zoomed in to a readable level when too far out to draw labels."""
        rect = self.scene.items_rect(ids)
        if rect.isEmpty():
            return
        shown = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        if rect.width() > shown.width() or rect.height() > shown.height():
            self.view.fit(rect)
        elif self.view.zoom() < TEXT_LOD:  # zoomed out too far to read what was picked: zoom in
            self.view.fit(rect, max_zoom=READABLE_ZOOM)
        elif not shown.adjusted(20, 20, -20, -20).contains(rect):  # in view already: stay put
            self.view.centerOn(rect.center())

    def node_item(self, node_id: str) -> NodeItem | None:
        return self.scene.node_items.get(node_id)

    def scene_point(self, node_id: str) -> QPointF:
        return self.scene.node_items[node_id].scenePos()

    # ----------------------------------------------------------------- output
    def export(self, path: str, scale: float = 2.0) -> None:
        view = self.current_view
        export_scene(self.scene, path, scale, title=view.name if view else self.model.organisation.name)

    def show_status(self, text: str) -> None:
        self.status.setText(" " + text)

    def visible_rect(self) -> QRectF:
        return self.view.mapToScene(self.view.viewport().rect()).boundingRect()
