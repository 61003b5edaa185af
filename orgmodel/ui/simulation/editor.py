"""The scenario editor: every simulation parameter, grouped by section, with presets and stored scenarios.

At the top the scenario's source (a bundled preset or a scenario stored in the document), its name
and the run settings (runs, weeks, seed, mode); below, one page per parameter section in a
``QToolBox`` (``fields.ParamField`` per parameter). Values are validated by
``orgmodel.sim.scenario`` as they are typed; ``params()`` is None while any value is bad and
``first_error`` says which. "Save to document" stores the scenario's TOML as one undoable command
(add, or change the stored scenario of the same name). Not for running (``runner.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QToolBox,
    QVBoxLayout,
    QWidget,
)

from orgmodel.core.entities import Scenario, new_id
from orgmodel.core.errors import OrgModelError
from orgmodel.editing.commands import AddEntityCommand, ChangeEntityCommand
from orgmodel.editing.stack import CommandStack
from orgmodel.sim.parameters import PARAMETERS, SECTIONS
from orgmodel.sim.scenario import (
    ScenarioError,
    ScenarioParams,
    load_preset,
    preset_names,
    scenario_from_document,
    scenario_to_toml,
)
from orgmodel.ui.simulation.fields import SECTION_TITLES, ParamField

PRESET, STORED = "preset", "stored"
DEFAULT_PRESET = "baseline"


class ScenarioEditor(QWidget):
    """Edit one scenario; emits ``changed`` after every edit and load."""

    changed = Signal()

    def __init__(self, stack: CommandStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioEditor")
        self.stack = stack
        self.fields: dict[str, ParamField] = {}
        self.description = ""
        self.pages: dict[str, int] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scenario_box())
        layout.addWidget(self._run_box())
        self.toolbox = QToolBox(self)
        self.toolbox.setObjectName("parameterSections")
        for section in SECTIONS:
            self.pages[section] = self.toolbox.addItem(
                self._section_page(section), SECTION_TITLES.get(section, section.title())
            )
        # every section header plus room for a page's first rows, even in a short window
        self.toolbox.setMinimumHeight(28 * (len(SECTIONS) + 8))
        layout.addWidget(self.toolbox, 1)

    # ---------------------------------------------------------------- layout
    def _scenario_box(self) -> QGroupBox:
        box = QGroupBox("Scenario", self)
        form = QFormLayout(box)
        self.source = QComboBox(box)
        self.source.setObjectName("scenarioSource")
        self.source.setToolTip("Start from a bundled preset or a scenario stored in the document.")
        self.source.activated.connect(self._on_source)
        form.addRow("Start from", self.source)
        self.source_error = QLabel(box)
        self.source_error.setObjectName("simError")
        self.source_error.setWordWrap(True)
        self.source_error.hide()
        form.addRow(self.source_error)
        self.name = QLineEdit(box)
        self.name.setObjectName("scenarioName")
        self.name.setPlaceholderText("Scenario name")
        self.name.setToolTip("Results are kept per scenario name, for comparison.")
        self.name.textEdited.connect(lambda _t: self.changed.emit())
        form.addRow("Name", self.name)
        self.description_label = QLabel(box)
        self.description_label.setObjectName("scenarioDescription")
        self.description_label.setWordWrap(True)
        form.addRow(self.description_label)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Save scenario to document", box)
        self.save_button.setToolTip(
            "Store this scenario in the document (undoable); a stored scenario of the same name "
            "is replaced."
        )
        self.save_button.clicked.connect(self.save_to_document)
        reset = QPushButton("Reset to defaults", box)
        reset.clicked.connect(self.reset_to_defaults)
        buttons.addWidget(self.save_button)
        buttons.addWidget(reset)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.refresh_sources()
        return box

    def _run_box(self) -> QGroupBox:
        box = QGroupBox("Run", self)
        grid = QGridLayout(box)
        top = [p for p in PARAMETERS if not p.section]
        for i, param in enumerate(top):
            field = self._field(param, box)
            row, col = divmod(i, 2)
            grid.addWidget(field.label, 2 * row, 2 * col)
            grid.addWidget(field.widget, 2 * row, 2 * col + 1)
            grid.addWidget(field.error_label, 2 * row + 1, 2 * col, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        return box

    def _section_page(self, section: str) -> QScrollArea:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: field below label
        for param in PARAMETERS:
            if param.section == section:
                field = self._field(param, page)
                form.addRow(field.label, field.widget)
                form.addRow(field.error_label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    def _field(self, param: Any, parent: QWidget) -> ParamField:
        field = ParamField(param, self._on_field, parent)
        self.fields[param.name] = field
        return field

    # --------------------------------------------------------------- sources
    def refresh_sources(self) -> None:
        """List the presets and the scenarios stored in the document; keep the selection."""
        current = self.source.currentData()
        self.source.blockSignals(True)
        self.source.clear()
        for name in preset_names():
            self.source.addItem(f"Preset: {name}", f"{PRESET}:{name}")
        stored = list(self.stack.model.scenarios.values())
        if stored:
            self.source.insertSeparator(self.source.count())
        for scenario in stored:
            self.source.addItem(f"Document: {scenario.name}", f"{STORED}:{scenario.id}")
        # blank when the scenario shown is no longer stored (an undo removed it)
        self.source.setCurrentIndex(self.source.findData(current) if current is not None else -1)
        self.source.blockSignals(False)

    def _on_source(self, index: int) -> None:
        data = self.source.itemData(index)
        if data:
            kind, _, key = str(data).partition(":")
            self.load_source(kind, key)

    def load_source(self, kind: str, key: str) -> bool:
        """Load a preset or a stored scenario; a bad one is explained under the combo box."""
        try:
            if kind == PRESET:
                params = load_preset(key)
                name = params.name or key
            else:
                params = scenario_from_document(self.stack.model, key)
                name = params.name or self.stack.model.scenarios[key].name
        except ScenarioError as error:
            self.source_error.setText(str(error))
            self.source_error.show()
            return False
        self.source_error.hide()
        index = self.source.findData(f"{kind}:{key}")
        if index >= 0:
            self.source.setCurrentIndex(index)
        self.set_params(params, name)
        return True

    def select_preset(self, name: str) -> None:
        """Start from preset ``name`` (the preference), or the baseline when it is unknown."""
        names = preset_names()
        chosen = name if name in names else DEFAULT_PRESET if DEFAULT_PRESET in names else ""
        if chosen:
            self.load_source(PRESET, chosen)

    def reset_to_defaults(self) -> None:
        self.set_params(ScenarioParams(), self.name.text())

    # ---------------------------------------------------------------- values
    def set_params(self, params: ScenarioParams, name: str = "") -> None:
        for field_name, field in self.fields.items():
            field.set_value(params[field_name])
        self.name.setText(name or params.name)
        self.description = params.description
        self.description_label.setText(params.description)
        self.description_label.setVisible(bool(params.description))
        self._mark_sections()
        self.changed.emit()

    def set_value(self, name: str, value: Any) -> None:
        """Set one parameter as if the user had typed it (used by scripts and tests)."""
        field = self.fields[name]
        field.set_value(value)
        self._on_field(field)

    def _on_field(self, _field: ParamField) -> None:
        self._mark_sections()
        self.changed.emit()

    def _mark_sections(self) -> None:
        for section, index in self.pages.items():
            fields = [f for f in self.fields.values() if f.param.section == section]
            bad = sum(1 for f in fields if f.error)
            changed = sum(1 for f in fields if f.is_changed and not f.error)
            title = SECTION_TITLES.get(section, section.title())
            notes = ([f"{bad} to fix"] if bad else []) + ([f"{changed} changed"] if changed else [])
            self.toolbox.setItemText(index, f"{title} ({', '.join(notes)})" if notes else title)

    @property
    def scenario_name(self) -> str:
        return self.name.text().strip() or "Untitled scenario"

    @property
    def first_error(self) -> str:
        return next((f.error for f in self.fields.values() if f.error), "")

    def values(self) -> dict[str, Any]:
        return {name: field.value for name, field in self.fields.items()}

    def params(self) -> ScenarioParams | None:
        """The validated scenario, or None while a value is bad."""
        if self.first_error:
            return None
        try:
            return ScenarioParams(self.values(), self.scenario_name, self.description)
        except ScenarioError:
            return None

    # ------------------------------------------------------------- document
    def save_to_document(self) -> str | None:
        """Store the scenario in the document as one undoable step; its id, or None if refused."""
        params = self.params()
        if params is None:
            self.source_error.setText(f"Fix the scenario before saving it: {self.first_error}")
            self.source_error.show()
            return None
        toml = scenario_to_toml(params, only_changed=True)
        model = self.stack.model
        existing = next((s for s in model.scenarios.values() if s.name == params.name), None)
        try:
            if existing is not None:
                self.stack.push(ChangeEntityCommand(existing.id, toml=toml))
                scenario_id = existing.id
            else:
                scenario_id = new_id()
                self.stack.push(AddEntityCommand(Scenario(scenario_id, params.name, toml=toml)))
        except OrgModelError as error:
            self.source_error.setText(str(error))
            self.source_error.show()
            return None
        self.source_error.hide()
        self.refresh_sources()
        index = self.source.findData(f"{STORED}:{scenario_id}")
        if index >= 0:
            self.source.setCurrentIndex(index)
        return scenario_id
