"""The diagram toolbar: saved views, layouts, filters, focus, legend, export, present, search.

``DiagramControls`` builds the toolbar of a ``DiagramWidget`` and keeps it in step with the model
(the views list) and the scene (which filters are on). Each control calls the widget's public
methods; dialogs are plain ``QInputDialog``/``QFileDialog`` calls that tests monkeypatch.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QInputDialog, QMenu, QToolBar, QToolButton

from orgmodel.analysis.styles import EDGE_STYLES, NODE_KIND_LABELS
from orgmodel.core.kinds import Layout
from orgmodel.ui.diagram import savedviews

if TYPE_CHECKING:
    from orgmodel.ui.diagram.presentation import PresentationWindow
    from orgmodel.ui.diagram.widget import DiagramWidget

LAYOUT_LABELS = {Layout.ORG_CHART: "Org chart", Layout.PLATFORM_STACK: "Platform stack",
                 Layout.FORCE: "Force"}
UNSAVED = "(unsaved view)"


class DiagramControls:
    """Toolbar widgets and actions of one diagram widget."""

    def __init__(self, widget: DiagramWidget) -> None:
        self.widget = widget
        self.toolbar = QToolBar("Diagram", widget)
        self.toolbar.setObjectName("diagramToolbar")
        self.views = QComboBox(self.toolbar)
        self.views.setMinimumContentsLength(16)
        self.views.setToolTip("Saved views (slides)")
        self.views.activated.connect(self._view_chosen)
        self.toolbar.addWidget(self.views)
        self.views_menu = self._menu_button("Views", self._build_views_menu())
        self.toolbar.addSeparator()
        self.layout_actions: dict[Layout, QAction] = {}
        layout_menu = QMenu("Layout", widget)
        layout_menu.setToolTipsVisible(True)
        for layout, label in LAYOUT_LABELS.items():
            act = layout_menu.addAction(label, lambda checked=False, lay=layout: widget.apply_layout(lay))
            act.setToolTip(f"Apply the {label.lower()} layout (undoable)")
            self.layout_actions[layout] = act
        self._menu_button("Layout", layout_menu)  # one button: the toolbar fits beside the docks
        self.toolbar.addSeparator()
        self.filter_menu = QMenu("Filter", widget)
        self.filter_menu.aboutToShow.connect(self._build_filter_menu)
        self._menu_button("Filter", self.filter_menu)
        self.focus_action = self.toolbar.addAction("Focus", self._focus_selection)
        self.focus_action.setToolTip("Show only the selection and its neighbours")
        self.legend_action = self.toolbar.addAction("Legend")
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(True)
        self.legend_action.toggled.connect(widget.legend.set_wanted)
        self._menu_button("Export", self._build_export_menu())
        self.present_action = self.toolbar.addAction("Present", self.present)
        self.present_action.setShortcut(QKeySequence("F5"))
        self.toolbar.addSeparator()
        self.toolbar.addWidget(widget.search)
        self.presentation: PresentationWindow | None = None

    def _menu_button(self, text: str, menu: QMenu) -> QToolButton:
        button = QToolButton(self.toolbar)
        button.setText(text)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(button)
        return button

    # ----------------------------------------------------------------- views
    def sync_views(self) -> None:
        model = self.widget.model
        self.views.blockSignals(True)
        self.views.clear()
        for view in model.views.values():
            self.views.addItem(view.name, view.id)
        if self.widget.view_id in model.views:
            self.views.setCurrentIndex(list(model.views).index(self.widget.view_id))
        else:
            self.views.insertItem(0, UNSAVED, None)
            self.views.setCurrentIndex(0)
        self.views.blockSignals(False)

    def _view_chosen(self, index: int) -> None:
        self.widget.set_view(self.views.itemData(index))

    def _build_views_menu(self) -> QMenu:
        menu = QMenu("Views", self.widget)
        menu.addAction("Save as new view…", self.save_as)
        menu.addAction("Update view from what is shown", self.widget.update_view)
        menu.addAction("Rename view…", self.rename)
        menu.addAction("Move view earlier", lambda: self._move(-1))
        menu.addAction("Move view later", lambda: self._move(1))
        menu.addAction("Delete view", self.delete)
        return menu

    def save_as(self) -> None:
        name, ok = QInputDialog.getText(self.widget, "Save view", "Name of the new view:")
        if ok and name.strip():
            self.widget.save_as_view(name)

    def rename(self) -> None:
        view = self.widget.current_view
        if view is None:
            return
        name, ok = QInputDialog.getText(self.widget, "Rename view", "New name:", text=view.name)
        if ok:
            savedviews.rename_view(self.widget.stack, view.id, name)

    def _move(self, offset: int) -> None:
        if self.widget.current_view is not None:
            savedviews.move_view(self.widget.stack, self.widget.current_view.id, offset)

    def delete(self) -> None:
        if self.widget.current_view is not None:
            savedviews.delete_view(self.widget.stack, self.widget.current_view.id)

    # ----------------------------------------------------------------- filters
    def sync_filter(self) -> None:
        """Nothing to keep in step: the filter menu is rebuilt each time it opens."""

    def _build_filter_menu(self) -> None:
        widget, menu = self.widget, self.filter_menu
        flt = widget.scene.filter
        kinds = flt.effective_node_kinds(widget.scene.node_count)
        menu.clear()
        menu.addSection("Nodes")
        for kind, label in NODE_KIND_LABELS.items():
            self._toggle(menu, label, kind in kinds, "node_kinds", kind)
        menu.addSection("Edges")
        for kind, style in EDGE_STYLES.items():
            self._toggle(menu, style.label.capitalize(), kind in widget.scene.edge_kinds, "edge_kinds", kind)
        menu.addSection("Services")
        for value, label in ((None, "All services"), ("sre", "SRE-supported only"),
                             ("dev", "Developer-supported only")):
            act = menu.addAction(label, lambda v=value: widget.set_filter(replace(widget.scene.filter, support=v)))
            act.setCheckable(True)
            act.setChecked(flt.support == value)
        menu.addSection("Teams")
        menu.addAction("Only the selected team's subtree", self._subtree_of_selection)
        menu.addAction("Whole organisation", lambda: widget.show_subtree(None))
        menu.addAction("Expand all teams", lambda: widget.set_filter(replace(widget.scene.filter, collapsed=frozenset())))
        menu.addSeparator()
        menu.addAction("Clear focus", lambda: widget.focus_on([]))

    def _toggle(self, menu: QMenu, label: str, on: bool, name: str, value: str) -> None:
        widget = self.widget

        def flip(checked: bool) -> None:
            flt = widget.scene.filter
            widget.set_filter(flt.toggled(name, value, checked, widget.scene.node_count,
                                          widget.scene.layout_name))

        act = menu.addAction(label)
        act.setCheckable(True)
        act.setChecked(on)
        act.toggled.connect(flip)

    def _subtree_of_selection(self) -> None:
        teams = [i for i in self.widget.interactions.selected_ids() if i in self.widget.model.teams]
        if teams:
            self.widget.show_subtree(teams[0])

    def _focus_selection(self) -> None:
        ids = self.widget.interactions.selected_ids()
        self.widget.focus_on(ids)

    # ----------------------------------------------------------------- export & present
    def _build_export_menu(self) -> QMenu:
        menu = QMenu("Export", self.widget)
        for label, suffix, scale in (("PNG image (1×)…", ".png", 1.0), ("PNG image (2×)…", ".png", 2.0),
                                     ("PNG image (4×)…", ".png", 4.0), ("SVG drawing…", ".svg", 1.0),
                                     ("PDF document…", ".pdf", 1.0)):
            menu.addAction(label, lambda s=suffix, k=scale: self.export(s, k))
        return menu

    def export(self, suffix: str, scale: float) -> None:
        filters = {".png": "PNG image (*.png)", ".svg": "SVG drawing (*.svg)", ".pdf": "PDF (*.pdf)"}
        path, _ = QFileDialog.getSaveFileName(self.widget, "Export diagram", f"diagram{suffix}",
                                              filters[suffix])
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.widget.export(path, scale)
            self.widget.show_status(f"Exported {path}")

    def present(self) -> None:
        from orgmodel.ui.diagram.presentation import PresentationWindow

        if self.presentation is not None:
            self.presentation.close()
        self.presentation = PresentationWindow(self.widget.stack, self.widget.view_id)
        self.presentation.showFullScreen()
