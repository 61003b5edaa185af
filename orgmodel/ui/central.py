"""The central area: a tab for the diagram and a tab for the simulation workspace.

Both are written by other parts of the UI and imported guardedly: until
``orgmodel.ui.diagram.widget.DiagramWidget`` (or ``orgmodel.ui.simulation.workspace.
SimulationWorkspace``) exists, the tab shows a plain placeholder. The simulation workspace is built
on the first visit of its tab so that start-up never imports matplotlib. Selection flows through the
window's ``SelectionHub``: diagram selections set it, other selections are mirrored into the diagram
and focus requests centre it.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from orgmodel.editing.stack import CommandStack
from orgmodel.ui.selection import SelectionHub

log = logging.getLogger(__name__)
SOURCE = "diagram"
DIAGRAM_TAB, SIMULATION_TAB = 0, 1


def load_class(module: str, name: str) -> Any | None:
    """``module.name`` if that part of the UI is installed, else None (logged, never raised)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as error:
        log.info("%s.%s not available: %s", module, name, error)
        return None


def placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("placeholder")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    return label


class CentralTabs(QTabWidget):
    """Diagram and simulation tabs for the current document."""

    legend_shown_changed = Signal(bool)  # the diagram's legend was shown or hidden there

    def __init__(self, hub: SelectionHub, parent: QWidget | None = None, settings: Any = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("centralTabs")
        self.setDocumentMode(True)
        self._hub = hub
        self._stack: CommandStack | None = None
        self.diagram: Any = None
        self.simulation: Any = None
        self._syncing = False
        self.addTab(placeholder("Loading the diagram…"), "Diagram")
        self.addTab(placeholder("The simulation workspace opens here."), "Simulation")
        self.currentChanged.connect(self._on_tab)
        hub.changed.connect(self._on_hub)
        hub.focus_requested.connect(self._on_focus)

    # -------------------------------------------------------------- document
    def set_stack(self, stack: CommandStack) -> None:
        for part in (self.diagram, self.simulation):
            close = getattr(part, "close_model", None)
            if close is not None:
                close()  # the old document's widgets stop listening before they go
        self._stack = stack
        self._replace(DIAGRAM_TAB, self._make_diagram(stack), "Diagram")
        self.simulation = None
        self._replace(SIMULATION_TAB, placeholder("The simulation workspace opens here."),
                      "Simulation")
        if self.currentIndex() == SIMULATION_TAB:
            self._on_tab(SIMULATION_TAB)

    def _replace(self, index: int, widget: QWidget, title: str) -> None:
        current = self.currentIndex()
        old = self.widget(index)
        self.blockSignals(True)
        self.removeTab(index)
        self.insertTab(index, widget, title)
        self.setCurrentIndex(current)
        self.blockSignals(False)
        if old is not None:
            old.deleteLater()

    def _make_diagram(self, stack: CommandStack) -> QWidget:
        cls = load_class("orgmodel.ui.diagram.widget", "DiagramWidget")
        if cls is None:
            self.diagram = None
            return placeholder("The diagram is not available in this build.")
        self.diagram = cls(stack, self)
        signal = getattr(self.diagram, "selection_changed", None)
        if signal is not None:
            signal.connect(self._on_diagram_selection)
        if self._settings is not None and hasattr(self.diagram, "use_settings"):
            self.diagram.use_settings(self._settings)  # the legend as the user left it
            self.diagram.legend_shown_changed.connect(self.legend_shown_changed)
        return self.diagram  # type: ignore[no-any-return]

    def _on_tab(self, index: int) -> None:
        if index != SIMULATION_TAB or self.simulation is not None or self._stack is None:
            return
        cls = load_class("orgmodel.ui.simulation.workspace", "SimulationWorkspace")
        if cls is None:
            return
        self.simulation = cls(self._stack, self, settings=self._settings)
        self._replace(SIMULATION_TAB, self.simulation, "Simulation")

    def show_simulation(self) -> None:
        self.setCurrentIndex(SIMULATION_TAB)

    # ------------------------------------------------------------- selection
    def _on_diagram_selection(self, ids: list[str]) -> None:
        if not self._syncing:
            self._hub.select([str(i) for i in ids], SOURCE)

    def _on_hub(self, ids: list[str], source: str) -> None:
        if source == SOURCE or self.diagram is None:
            return
        self._syncing = True
        try:
            views = self._stack.model.views if self._stack is not None else {}
            if len(ids) == 1 and ids[0] in views and hasattr(self.diagram, "set_view"):
                self.diagram.set_view(ids[0])  # picking a saved view in the explorer shows it
                return
            self.diagram.select_ids(list(ids))
        finally:
            self._syncing = False

    def _on_focus(self, ids: list[str]) -> None:
        if self.diagram is not None and ids:
            self.diagram.center_on(list(ids))
