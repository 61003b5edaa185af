"""The scenario editor: typed values, inline sentences that block Run, presets, stored scenarios."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from orgmodel.core.entities import Scenario
from orgmodel.editing.commands import AddEntityCommand
from orgmodel.sim.parameters import PARAMETERS
from orgmodel.sim.scenario import parse_scenario

from .conftest import set_params, show_section, type_into

pytestmark = pytest.mark.gui


def test_every_parameter_has_an_editor_of_its_type_with_provenance(workspace: Any) -> None:
    fields = workspace.editor.fields
    assert set(fields) == {p.name for p in PARAMETERS}
    assert isinstance(fields["mode"].widget, QComboBox)
    assert isinstance(fields["sre.handback"].widget, QCheckBox)
    assert isinstance(fields["weeks"].widget, QSpinBox)
    assert isinstance(fields["sre.ops_cap"].widget, QDoubleSpinBox)
    assert isinstance(fields["load.incidents_per_week"].widget, QLineEdit)
    assert fields["sre.ops_cap"].widget.maximum() == 1.0
    tip = fields["sre.ops_cap"].widget.toolTip()
    assert "stated in the source" in tip and "Default: <b>0.5</b>" in tip
    assert "our assumption, to be calibrated" in fields["load.toil_hours"].widget.toolTip()
    assert "derived from sourced figures" in fields["sre.prr_hours_classic"].widget.toolTip()
    assert "weakly sourced" in fields["load.dev_ticket_share"].widget.toolTip()


def test_bad_value_shows_one_sentence_inline_and_blocks_run(qtbot: Any, workspace: Any) -> None:
    field = workspace.editor.fields["load.incidents_per_week"]
    type_into(qtbot, show_section(workspace, field.param.name), "-2")
    assert field.error_label.isVisible()
    assert field.error_label.text() == "load.incidents_per_week must be 0 or more, not -2."
    assert not workspace.run_button.isEnabled()
    assert "load.incidents_per_week" in workspace.status.text()
    assert "to fix" in workspace.editor.toolbox.itemText(workspace.editor.pages["load"])
    assert workspace.run() is False and not workspace.running

    type_into(qtbot, field.widget, "abc")
    assert "must be a number" in field.error_label.text()
    type_into(qtbot, field.widget, "0.2")
    assert not field.error_label.isVisible()
    assert workspace.run_button.isEnabled()
    assert workspace.editor.params()["load.incidents_per_week"] == 0.2


def test_changed_values_are_bold_and_counted(qtbot: Any, workspace: Any) -> None:
    label = workspace.editor.fields["load.toil_hours"].label
    assert not label.font().bold()
    set_params(qtbot, workspace, {"load.toil_hours": 3})
    assert label.font().bold()
    assert (
        workspace.editor.toolbox.itemText(workspace.editor.pages["load"])
        == "Load per service (1 changed)"
    )
    type_into(qtbot, workspace.editor.fields["load.toil_hours"].widget, "1")
    assert not label.font().bold()


def test_presets_load_from_the_combo(qtbot: Any, workspace: Any) -> None:
    editor = workspace.editor
    index = editor.source.findText("Preset: hire-linearly")
    editor.source.setCurrentIndex(index)
    editor.source.activated.emit(index)
    assert editor.fields["headcount.sre_policy"].value == "ratio"
    assert editor.fields["headcount.sre_policy"].label.font().bold()
    assert editor.name.text() == "Hire SRE linearly"


def test_save_scenario_to_document_is_undoable(qtbot: Any, workspace: Any) -> None:
    stack, editor = workspace.stack, workspace.editor
    before = dict(stack.model.scenarios)
    type_into(qtbot, editor.name, "Fast growth")
    set_params(qtbot, workspace, {"growth.dev_teams_per_quarter": 5})
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    stored = [s for s in stack.model.scenarios.values() if s.name == "Fast growth"]
    assert len(stored) == 1
    assert parse_scenario(stored[0].toml).growth.dev_teams_per_quarter == 5
    assert editor.source.currentText() == "Document: Fast growth"

    set_params(qtbot, workspace, {"growth.dev_teams_per_quarter": 7})
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(stack.model.scenarios) == len(before) + 1  # same name: changed, not added
    assert (
        parse_scenario(stack.model.scenarios[stored[0].id].toml).growth.dev_teams_per_quarter == 7
    )

    stack.undo()
    assert (
        parse_scenario(stack.model.scenarios[stored[0].id].toml).growth.dev_teams_per_quarter == 5
    )
    stack.undo()
    assert dict(stack.model.scenarios) == before
    assert editor.source.findText("Document: Fast growth") == -1
    assert editor.source.currentIndex() == -1  # no longer claims to show a stored scenario


def test_stored_scenarios_load_and_a_bad_one_is_one_sentence(qtbot: Any, workspace: Any) -> None:
    stack, editor = workspace.stack, workspace.editor
    stack.push(
        AddEntityCommand(Scenario("good", "Slow", toml="[growth]\ndev_teams_per_quarter = 1.0\n"))
    )
    stack.push(AddEntityCommand(Scenario("bad", "Broken", toml="[sre]\nops_cap = 1.5\n")))
    good = editor.source.findText("Document: Slow")
    bad = editor.source.findText("Document: Broken")
    assert good >= 0 and bad >= 0

    editor.source.setCurrentIndex(good)
    editor.source.activated.emit(good)
    assert editor.fields["growth.dev_teams_per_quarter"].value == 1.0
    assert editor.name.text() == "Slow"

    editor.source.setCurrentIndex(bad)
    editor.source.activated.emit(bad)
    assert editor.source_error.isVisible()
    assert editor.source_error.text() == "sre.ops_cap must be between 0 and 1, not 1.5."
    assert editor.fields["growth.dev_teams_per_quarter"].value == 1.0  # nothing half-loaded


def test_scenario_button_hides_and_shows_the_editor(qtbot: Any, workspace: Any) -> None:
    assert workspace.editor_panel.isVisible()
    qtbot.mouseClick(workspace.editor_toggle, Qt.MouseButton.LeftButton)
    assert not workspace.editor_panel.isVisible() and workspace.charts.isVisible()
    qtbot.mouseClick(workspace.editor_toggle, Qt.MouseButton.LeftButton)
    assert workspace.editor_panel.isVisible()
