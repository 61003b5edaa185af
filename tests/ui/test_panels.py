"""Findings, metrics and undo history docks; preferences and the window state they keep."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from orgmodel.core.entities import Person
from orgmodel.core.kinds import EntityKind
from orgmodel.editing.commands import AddEntityCommand, ChangeEntityCommand
from orgmodel.ui.preferences import PreferencesDialog
from orgmodel.ui.settings import AppSettings
from orgmodel.ui.theme import is_dark

pytestmark = pytest.mark.gui


def test_findings_click_selects_entities(seed_window, qtbot) -> None:
    dock = seed_window.findings
    assert dock.findings and dock.items.rowCount() == len(dock.findings)
    finding = dock.findings[0]
    index = dock.items.index(0, 1)
    rect = dock.view.visualRect(index)
    qtbot.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seed_window.hub.ids == list(dict.fromkeys(finding.entities))
    assert seed_window.inspector.entity_id == finding.entities[0]
    selected = {i.data(Qt.ItemDataRole.UserRole + 1)
                for i in seed_window.explorer.view.selectionModel().selectedRows(0)}
    assert selected == {e for e in finding.entities if e in seed_window.document.model}


def test_findings_follow_edits_after_the_debounce(seed_window, qtbot) -> None:
    dock = seed_window.findings
    before = len(dock.findings)
    team = next(t for t in seed_window.document.model.teams.values() if t.kind.value == "software")
    for n in range(12):  # an oversized team is a finding (OM008)
        seed_window.document.stack.push(AddEntityCommand(Person(f"extra-{n}", f"Extra {n}", team=team.id)))
    assert dock.pending
    qtbot.waitUntil(lambda: not dock.pending, timeout=5000)
    assert any(f.code == "OM008" and team.id in f.entities for f in dock.findings)
    assert len(dock.findings) != before


def test_metrics_headcount_refreshes(seed_window, qtbot) -> None:
    dock = seed_window.metrics
    people = len(seed_window.document.model.people)
    assert dock.value_of("Headcount", "People") == str(people)
    assert dock.value_of("SRE coverage", "SRE-supported services") is not None
    seed_window.document.stack.push(AddEntityCommand(Person("new-one", "New One")))
    qtbot.waitUntil(lambda: dock.value_of("Headcount", "People") == str(people + 1), timeout=5000)


def test_history_click_jumps_to_a_step(seed_window, qtbot) -> None:
    stack, model = seed_window.document.stack, seed_window.document.model
    team_id = next(iter(model.teams))
    for name in ("One", "Two", "Three"):
        stack.push(ChangeEntityCommand(team_id, name=name))
    view = seed_window.history.view
    assert view.model().rowCount() == 4
    assert view.currentIndex().row() == 3
    rect = view.visualRect(view.model().index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert stack.index == 1 and model.teams[team_id].name == "One"
    assert seed_window.actions.redo.text() == "&Redo Rename team 'One'"
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert stack.index == 0 and not seed_window.isWindowModified()


def test_keyboard_undo_redo(seed_window, qtbot) -> None:
    stack, model = seed_window.document.stack, seed_window.document.model
    team_id = next(iter(model.teams))
    original = model.teams[team_id].name
    stack.push(ChangeEntityCommand(team_id, name="Changed"))
    seed_window.activateWindow()
    qtbot.waitUntil(seed_window.isActiveWindow, timeout=5000)
    seed_window.explorer.view.setFocus()
    qtbot.keyClick(seed_window.explorer.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.teams[team_id].name == original
    qtbot.keyClick(seed_window.explorer.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert model.teams[team_id].name == "Changed"


def test_delete_selection_and_add_entity(seed_window) -> None:
    model = seed_window.document.model
    team = next(t for t in model.teams.values() if t.kind.value == "software")
    seed_window.hub.select([team.id], "test")
    seed_window.actions.add[EntityKind.PERSON].trigger()
    (new_id,) = seed_window.hub.ids
    assert model.people[new_id].team == team.id
    assert seed_window.inspector.entity_id == new_id
    seed_window.actions.undo.trigger()
    assert new_id not in model
    seed_window.hub.select([team.id], "test")
    seed_window.actions.delete.trigger()
    assert team.id not in model
    seed_window.actions.undo.trigger()
    assert model.teams[team.id] == team


def test_preferences_are_stored_and_applied(window, qapp) -> None:
    dialog = PreferencesDialog(window.settings, window)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.autosave.setValue(120)
    if dialog.scenario.count() > 1:
        dialog.scenario.setCurrentIndex(1)
    chosen = dialog.scenario.currentData()
    dialog.accept()
    fresh = AppSettings()
    assert (fresh.theme, fresh.autosave_seconds, fresh.default_scenario) == ("dark", 120, chosen)
    assert is_dark(QApplication.instance())


def test_window_geometry_and_state_are_restored(window, isolated_settings) -> None:
    window.metrics.raise_()
    window.history.hide()
    window.resize(700, 500)
    window.close()
    assert isolated_settings.window_state() is not None
    from orgmodel.ui.main_window import MainWindow

    again = MainWindow(settings=AppSettings(), recovery_dir=None)
    try:
        assert again.size().width() == 700
        assert again.history.isHidden()
    finally:
        again.document.close()
        again.deleteLater()


def test_preferences_action_retunes_autosave(window, monkeypatch) -> None:
    def choose(dialog) -> int:
        dialog.autosave.setValue(45)
        dialog.accept()
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", choose)
    window.actions.preferences.trigger()
    assert window.files.autosave_timer.interval() == 45_000 and window.files.autosave_timer.isActive()
    assert AppSettings().autosave_seconds == 45


def test_embed_selected_person_asks_for_the_host(seed_window, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    model = seed_window.document.model
    person = next(p for p in model.people.values() if p.role.value == "automation_engineer")
    host = next(t for t in model.teams.values() if t.name == "Payments")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Payments", True)))
    before = set(model.embeds)
    seed_window.hub.select([person.id], "test")
    seed_window.actions.embed.trigger()
    (new,) = set(model.embeds) - before
    embed = model.embeds[new]
    assert (embed.person, embed.host) == (person.id, host.id)
    assert embed.end is not None and embed.start is not None and embed.end > embed.start
    seed_window.actions.undo.trigger()
    assert set(model.embeds) == before


def test_shortcuts_dialog_lists_the_menus(window) -> None:
    from orgmodel.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows

    rows = shortcut_rows(list(window.menus.values()))
    commands = {command: keys for _, command, keys in rows}
    assert commands["Undo"] and commands["Save"] and commands["Find…"]
    assert "Presentation" in commands and "F5" in commands["Presentation"]
    dialog = ShortcutsDialog(list(window.menus.values()), window)
    assert dialog.table.rowCount() == len(rows)
