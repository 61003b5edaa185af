"""The inspector: every edit is one command, typing merges, refused values are explained inline."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from orgmodel.core.kinds import Support, TeamKind

pytestmark = pytest.mark.gui


def _select(window, entity_id: str) -> None:
    window.hub.select([entity_id], "test")
    assert window.inspector.entity_id == entity_id


def _team_id(window, name: str) -> str:
    return next(t.id for t in window.document.model.teams.values() if t.name == name)


def test_typing_a_name_is_one_undo_step(seed_window, qtbot) -> None:
    model, stack = seed_window.document.model, seed_window.document.stack
    team_id = _team_id(seed_window, "Payments")
    _select(seed_window, team_id)
    field = seed_window.inspector.editors["name"].widget
    field.selectAll()
    qtbot.keyClicks(field, "Checkout crew")
    assert model.teams[team_id].name == "Checkout crew"
    assert stack.index == 1
    assert seed_window.actions.undo.text() == "&Undo Rename team 'Payments'"
    assert seed_window.explorer.key_index(team_id).data() == "Checkout crew"
    seed_window.actions.undo.trigger()
    assert model.teams[team_id].name == "Payments"
    assert field.text() == "Payments"
    assert not stack.can_undo


def test_empty_name_is_explained_inline_and_not_applied(seed_window, qtbot) -> None:
    model = seed_window.document.model
    team_id = _team_id(seed_window, "Payments")
    _select(seed_window, team_id)
    field = seed_window.inspector.editors["name"].widget
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert model.teams[team_id].name == "Payments"
    assert "needs a name" in seed_window.inspector.error_text
    assert seed_window.inspector.error.isVisible()
    qtbot.keyClicks(field, "P2")
    assert model.teams[team_id].name == "P2"
    assert seed_window.inspector.error_text == ""


def test_cycle_in_team_tree_is_refused(seed_window) -> None:
    model = seed_window.document.model
    root = next(t for t in model.teams.values() if t.parent is None)
    child = model.children(root.id)[0]
    _select(seed_window, root.id)
    combo = seed_window.inspector.editors["parent"].widget
    index = combo.findData(child.id)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert model.teams[root.id].parent is None
    assert "cycle" in seed_window.inspector.error_text


def test_enum_spin_and_check_box_edits(seed_window, qtbot) -> None:
    model, stack = seed_window.document.model, seed_window.document.stack
    team_id = _team_id(seed_window, "Payments")
    _select(seed_window, team_id)
    editors = seed_window.inspector.editors
    kind = editors["kind"].widget
    kind.setCurrentIndex(kind.findData(TeamKind.PLATFORM.value))
    kind.activated.emit(kind.currentIndex())
    assert model.teams[team_id].kind is TeamKind.PLATFORM
    editors["sites"].widget.setValue(2)
    assert model.teams[team_id].sites == 2
    before = model.teams[team_id].has_oncall
    qtbot.keyClick(editors["has_oncall"].widget, Qt.Key.Key_Space)
    assert model.teams[team_id].has_oncall is (not before)
    assert stack.index == 3
    stack.undo()
    stack.undo()
    assert editors["sites"].widget.value() == 1


def test_person_fields(seed_window) -> None:
    model = seed_window.document.model
    person = next(p for p in model.people.values() if p.team is not None)
    _select(seed_window, person.id)
    editors = seed_window.inspector.editors
    editors["fte"].widget.setValue(0.5)
    assert model.people[person.id].fte == 0.5
    other_team = next(t.id for t in model.teams.values() if t.id != person.team and t.kind is not TeamKind.GROUP)
    combo = editors["team"].widget
    index = combo.findData(other_team)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert model.people[person.id].team == other_team
    assert seed_window.document.stack.undo_text.startswith(f"Move {person.name} to")


def test_tags_and_dates_with_none(seed_window, qtbot) -> None:
    model = seed_window.document.model
    embed = next(e for e in model.embeds.values() if e.end is not None)
    _select(seed_window, embed.id)
    end = seed_window.inspector.editors["end"]
    end.check.setChecked(False)
    assert model.embeds[embed.id].end is None
    end.check.setChecked(True)
    end.date.setDate(end.date.date().addDays(7))
    assert model.embeds[embed.id].end is not None and model.embeds[embed.id].end > date(2000, 1, 1)
    tags = seed_window.inspector.editors["tags"].widget
    tags.clear()
    qtbot.keyClicks(tags, "migration, q3")
    assert model.embeds[embed.id].tags == ("migration", "q3")


def test_end_before_start_is_refused(seed_window) -> None:
    model = seed_window.document.model
    embed = next(e for e in model.embeds.values() if e.start is not None)
    _select(seed_window, embed.id)
    end = seed_window.inspector.editors["end"]
    end.check.setChecked(True)
    end.date.setDate(end.date.date().fromString(str(embed.start.replace(year=embed.start.year - 1)), "yyyy-MM-dd"))
    assert model.embeds[embed.id].end == embed.end
    assert "before it starts" in seed_window.inspector.error_text


def test_service_support_goes_through_sre_team(seed_window) -> None:
    model = seed_window.document.model
    service = next(s for s in model.services.values() if s.support is Support.DEV)
    _select(seed_window, service.id)
    support = seed_window.inspector.editors["support"].widget
    index = support.findData(Support.SRE.value)
    support.setCurrentIndex(index)
    support.activated.emit(index)
    changed = model.services[service.id]
    assert changed.support is Support.SRE and model.teams[changed.sre_team].kind is TeamKind.SRE
    assert seed_window.inspector.editors["sre_team"].widget.currentData() == changed.sre_team


def test_load_override_and_organisation(seed_window) -> None:
    model = seed_window.document.model
    service = next(iter(model.services.values()))
    _select(seed_window, service.id)
    seed_window.inspector.editors["load.incidents_per_week"].widget.setValue(1.5)
    assert model.services[service.id].load.incidents_per_week == 1.5
    seed_window.hub.select([], "test")
    name = seed_window.inspector.editors["name"].widget
    name.setText("Harbour")
    name.textEdited.emit("Harbour")
    assert model.organisation.name == "Harbour"


def test_forum_representatives(seed_window, qtbot) -> None:
    model = seed_window.document.model
    forum = next(iter(model.forums.values()))
    _select(seed_window, forum.id)
    reps = seed_window.inspector.representatives
    assert reps is not None and reps.list.count() == len(forum.representatives)
    seated = {(r.person, r.team) for r in forum.representatives}
    person = next(p for p in model.people.values() if p.team and (p.id, p.team) not in seated)
    reps.person.setCurrentIndex(reps.person.findData(person.id))
    reps.person.activated.emit(reps.person.currentIndex())
    qtbot.mouseClick(reps.add_button, Qt.MouseButton.LeftButton)
    assert len(model.forums[forum.id].representatives) == len(forum.representatives) + 1
    assert reps.list.count() == len(forum.representatives) + 1


def test_related_lines_follow_the_model(seed_window) -> None:
    model = seed_window.document.model
    team_id = _team_id(seed_window, "Payments")
    _select(seed_window, team_id)
    text = seed_window.inspector.related.text()
    assert f"{len(model.members(team_id))} (" in text and "Owns:" in text
    service = next(s for s in model.services.values() if s.owner == team_id)
    assert service.name in text
