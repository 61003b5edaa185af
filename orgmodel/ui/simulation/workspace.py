"""The simulation workspace: scenario editor, background runs, headline cards, charts, comparison.

``SimulationWorkspace(stack)`` is the "Simulation" tab of the main window. The left side edits a
scenario (``editor.py``); Run (F9 in the Simulation menu) copies the document's model and simulates
it in a worker thread (``runner.py``) with a progress bar and Cancel, the window staying
responsive. Finished results are kept per scenario name (``compare.py``) and shown as headline
cards (``cards.py``) and charts (``charts_view.py``); up to three can be overlaid. "Apply handback
plan" turns the median run's handback into support changes on the document as one undoable step
(``plan.py``), after a confirmation listing the services. Exports live in ``export.py``. Built
lazily by ``ui/central.py`` on the first visit of the tab, so matplotlib never loads at start-up.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from orgmodel.core.errors import OrgModelError
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.settings import AppSettings
from orgmodel.ui.simulation import export
from orgmodel.ui.simulation.cards import HeadlineCards, runs_text
from orgmodel.ui.simulation.charts_view import ChartTabs
from orgmodel.ui.simulation.compare import CompareBar
from orgmodel.ui.simulation.editor import ScenarioEditor
from orgmodel.ui.simulation.plan import HandbackPlan, apply_plan, handback_plan
from orgmodel.ui.simulation.runner import SimulationRunner


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "simulation"


def _scroll(widget: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class SimulationWorkspace(QWidget):
    """Edit a scenario, run it in the background, read and compare its results."""

    results_shown = Signal(str)  # the scenario name whose results the charts now show

    def __init__(
        self,
        stack: CommandStack,
        parent: QWidget | None = None,
        settings: AppSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("simulationWorkspace")
        self.stack = stack
        self.runner = SimulationRunner(self)
        self._started = 0.0
        self.editor = ScenarioEditor(stack, self)
        # a short window scrolls the editor rather than squash it; Scenario hides it
        self.editor_panel = _scroll(self.editor, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.editor_panel)
        splitter.addWidget(self._results_side())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self._apply_style()
        self.editor.changed.connect(self._update_buttons)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_failed)
        self.compare.selection_changed.connect(self._show_selection)
        self._watch_stack()
        preset = (settings or AppSettings()).default_scenario
        self.editor.select_preset(preset)
        self._update_buttons()

    # ---------------------------------------------------------------- layout
    def _results_side(self) -> QWidget:
        side = QWidget(self)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(self._run_bar(side))
        layout.addWidget(self.status)
        self.cards = HeadlineCards(side)
        layout.addWidget(self.cards)
        self.compare = CompareBar(side)
        layout.addWidget(self.compare)
        self.charts = ChartTabs(side)
        layout.addWidget(self.charts, 1)
        layout.addLayout(self._action_bar(side))
        return side

    def _run_bar(self, side: QWidget) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.run_button = QPushButton("Run simulation", side)
        self.run_button.setObjectName("runButton")
        self.run_button.setToolTip("Simulate the document under this scenario (F9).")
        self.run_button.clicked.connect(self.run)
        self.editor_toggle = QToolButton(side)
        self.editor_toggle.setText("Scenario")
        self.editor_toggle.setCheckable(True)
        self.editor_toggle.setChecked(True)
        self.editor_toggle.setToolTip(
            "Show or hide the scenario editor (more room for the charts)."
        )
        self.editor_toggle.toggled.connect(lambda shown: self.editor_panel.setVisible(shown))
        bar.addWidget(self.editor_toggle)
        self.cancel_button = QPushButton("Cancel", side)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(side)
        self.progress.setObjectName("simulationProgress")
        self.progress.setMinimumWidth(200)
        self.progress.setMaximumWidth(280)
        self.progress.setTextVisible(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("Idle")
        self.status = QLabel(side)
        self.status.setObjectName("simulationStatus")
        self.status.setWordWrap(True)
        for widget in (self.run_button, self.cancel_button, self.progress):
            bar.addWidget(widget)
        bar.addStretch(1)
        return bar

    def _action_bar(self, side: QWidget) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.handback_button = QPushButton("Apply handback plan…", side)
        self.handback_button.setToolTip(
            "Hand back to developers the services SRE handed back in "
            "the median run (one undoable step)."
        )
        self.handback_button.clicked.connect(self.apply_handback_plan)
        self.export_chart_button = QPushButton("Export chart…", side)
        self.export_chart_button.clicked.connect(self.export_chart)
        self.export_results_button = QPushButton("Export results…", side)
        self.export_results_button.clicked.connect(self.export_results)
        bar.addWidget(self.handback_button)
        bar.addStretch(1)
        bar.addWidget(self.export_chart_button)
        bar.addWidget(self.export_results_button)
        return bar

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # once styled, the editor knows its real minimum: never cut it, scroll it instead
        bar = self.editor_panel.verticalScrollBar().sizeHint().width()
        self.editor_panel.setMinimumWidth(self.editor.minimumSizeHint().width() + bar + 2)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed: recolour the cards
            self._apply_style()

    def _apply_style(self) -> None:
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        error = "#ff8a80" if dark else "#b3261e"
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        base = palette.color(QPalette.ColorRole.Base).name()
        border = palette.color(QPalette.ColorRole.Mid).name()
        sheet = (
            f"QLabel#simError {{ color: {error}; }}"
            f'QLabel#simulationStatus[error="true"] {{ color: {error}; }}'
            f"QFrame#headlineCard {{ background: {base}; border: 1px solid {border};"
            " border-radius: 6px; }"
            f"QLabel#cardTitle {{ color: {muted}; font-size: 9pt; border: none; }}"
            "QLabel#cardValue { font-size: 17pt; font-weight: 600; border: none; }"
            "QLabel#cardDetail { font-size: 9pt; border: none; }"
            f"QLabel#cardsCaption, QLabel#scenarioDescription {{ color: {muted}; }}"
        )
        if sheet != self.styleSheet():  # setting it again would loop through PaletteChange
            self.setStyleSheet(sheet)

    def _watch_stack(self) -> None:
        stack, runner, handler = self.stack, self.runner, self._on_stack_changed
        stack.changed.connect(handler)

        def cleanup(_object: Any = None) -> None:
            runner.shutdown()
            try:
                stack.changed.disconnect(handler)
            except ValueError:  # already disconnected
                pass

        self.destroyed.connect(cleanup)

    def _on_stack_changed(self, _payload: Any = None) -> None:
        self.editor.refresh_sources()

    # ------------------------------------------------------------------- run
    @property
    def running(self) -> bool:
        return self.runner.running

    def run(self) -> bool:
        """Start a run of the edited scenario; False (with the reason shown) when it cannot."""
        if self.runner.running:
            return False
        params = self.editor.params()
        if params is None:
            self._set_status(f"Fix this before running: {self.editor.first_error}", error=True)
            return False
        runs = 1 if params.mode == "expected" else params.runs  # expected mode: one run
        self._started = time.monotonic()
        self.runner.start(self.stack.model.copy(), params, self.editor.scenario_name)
        self.progress.setRange(0, 0)  # busy until the first block reports
        self.progress.setFormat("Starting…")
        self._set_status(
            f"Simulating “{self.editor.scenario_name}”: {runs_text(runs)} over "
            f"{params.weeks} weeks…"
        )
        self._update_buttons()
        return True

    def cancel(self) -> None:
        if self.runner.running:
            self.runner.cancel()
            self._set_status("Cancelling… (stops after the current block of runs)")
            self.cancel_button.setEnabled(False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} blocks")

    def _on_finished(self, result: Any) -> None:
        seconds = time.monotonic() - self._started
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.progress.setFormat("Done")
        name = self.runner.label
        self.compare.add(name, result.to_dict())
        self._set_status(
            f"Finished “{name}”: {runs_text(result.runs)} over {result.weeks} weeks in {seconds:.1f} s."
        )
        self._update_buttons()

    def _on_cancelled(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("Cancelled")
        self._set_status("Cancelled: the results shown are from earlier runs.")
        self._update_buttons()

    def _on_failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("Failed")
        self._set_status(message, error=True)
        self._update_buttons()

    def _show_selection(self) -> None:
        name = self.compare.primary
        self.cards.show_results(name, self.compare.results.get(name))
        self.charts.set_data(self.compare.chart_data())
        self._update_buttons()
        self.results_shown.emit(name)

    def _set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("error", "true" if error else "false")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _update_buttons(self) -> None:
        running = self.runner.running
        valid = not self.editor.first_error
        self.run_button.setEnabled(valid and not running)
        self.run_button.setToolTip(
            "Simulate the document under this scenario (F9)."
            if valid
            else f"Fix this first: {self.editor.first_error}"
        )
        self.cancel_button.setEnabled(running)
        has_results = bool(self.compare.primary)
        self.handback_button.setEnabled(has_results)
        self.export_chart_button.setEnabled(has_results)
        self.export_results_button.setEnabled(has_results)
        if not valid and not running:
            self._set_status(f"Fix this before running: {self.editor.first_error}", error=True)
        elif self.status.property("error") == "true" and self.status.text().startswith("Fix this"):
            self._set_status("")

    # ------------------------------------------------------------- handback
    def current_results(self) -> dict[str, Any] | None:
        return self.compare.results.get(self.compare.primary)

    def apply_handback_plan(self) -> bool:
        """Confirm and apply the median run's handback; True when the document changed."""
        results = self.current_results()
        if results is None:
            return False
        plan = handback_plan(results, self.stack.model)
        if not plan.services:
            QMessageBox.information(self, "Apply handback plan", self._empty_plan_text(plan))
            return False
        if not self._confirm(plan):
            return False
        try:
            apply_plan(self.stack, plan)
        except OrgModelError as error:
            QMessageBox.warning(self, "Apply handback plan", str(error))
            return False
        self._set_status(
            f"Handed {len(plan.services)} services back to their developers "
            "(Undo reverses it in one step)."
        )
        return True

    def _confirm(self, plan: HandbackPlan) -> bool:
        model = self.stack.model
        names = "\n".join(f"• {model.services[s].name}" for s in plan.services)
        skipped = (
            f"\n\nAlready dev-supported or gone, left as they are: {', '.join(plan.skipped)}."
            if plan.skipped
            else ""
        )
        text = (
            f"In the median run of “{self.compare.primary}” (run {plan.run}; "
            f"{plan.runs_with_handback} of {plan.total_runs} "
            f"runs hand document services back) SRE hands these {len(plan.services)} services "
            f"back to their developers:\n\n{names}{skipped}\n\nApply this to the document? "
            "It is one step you can undo."
        )
        answer = QMessageBox.question(
            self,
            "Apply handback plan",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        return bool(answer == QMessageBox.StandardButton.Yes)

    @staticmethod
    def _empty_plan_text(plan: HandbackPlan) -> str:
        if plan.runs_with_handback == 0:
            return "No run hands any of the document's services back: there is nothing to apply."
        return (
            f"Only {plan.runs_with_handback} of {plan.total_runs} runs hand document services "
            "back; the median run hands none back, so there is nothing to apply."
        )

    # ---------------------------------------------------------------- export
    def export_chart(self) -> str:
        data = self.compare.chart_data()
        if data is None:
            return ""
        key = self.charts.current_key
        message = export.export_chart(self, key, data, f"{_slug(self.compare.primary)}-{key}.png")
        if message:
            self._set_status(message, error=not message.startswith("Saved"))
        return message

    def export_results(self) -> str:
        results = self.current_results()
        if results is None:
            self._set_status("Run a simulation first: there are no results to export.")
            return ""
        message = export.export_results(self, results, f"{_slug(self.compare.primary)}.json")
        if message:
            self._set_status(message, error=not message.startswith("Saved"))
        return message
