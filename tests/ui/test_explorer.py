"""The model explorer: the tree mirrors the model, search filters it, dropping people moves them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from orgmodel.core.entities import Team
from orgmodel.core.kinds import EntityKind
from orgmodel.editing.commands import AddEntityCommand, ChangeEntityCommand
from orgmodel.ui.explorer.model import KEY_ROLE

pytestmark = pytest.mark.gui


def _visible_keys(dock, parent: QModelIndex = QModelIndex()) -> list[str]:
    keys = []
    for row in range(dock.proxy.rowCount(parent)):
        index = dock.proxy.index(row, 0, parent)
        keys.append(index.data(KEY_ROLE))
        keys.extend(_visible_keys(dock, index))
    return keys


def _team(model, name: str) -> Team:
    return next(t for t in model.teams.values() if t.name == name)


def test_tree_holds_teams_people_services_and_versions(seed_window) -> None:
    model = seed_window.document.model
    keys = set(_visible_keys(seed_window.explorer))
    assert set(model.teams) | set(model.people) | set(model.services) <= keys
    assert set(model.platform_versions) | set(model.forums) | set(model.views) <= keys
    payments = _team(model, "Payments")
    person = model.members(payments.id)[0]
    index = seed_window.explorer.key_index(person.id)
    assert index.parent().data(KEY_ROLE) == payments.id


def test_search_filters_recursively(seed_window, qtbot) -> None:
    dock = seed_window.explorer
    qtbot.keyClicks(dock.search, "payments")
    keys = _visible_keys(dock)
    payments = _team(seed_window.document.model, "Payments")
    assert payments.id in keys and "cat:teams" in keys
    assert "cat:scenarios" not in keys
    def text(key: str) -> str:
        index = dock.key_index(key)
        return f"{index.data()} {index.siblingAtColumn(1).data()}".lower()

    assert all("payments" in text(k) or k.startswith("cat:") or k in _ancestors(seed_window, payments.id)
               or "payments" in " ".join(text(c) for c in _children(seed_window, k))
               for k in keys)
    dock.search.clear()
    assert "cat:scenarios" in _visible_keys(dock)
    assert not dock.view.isExpanded(dock.key_index("cat:scenarios"))  # the state from before
    assert dock.view.isExpanded(dock.key_index("cat:teams"))


def _children(window, key: str) -> list[str]:
    index = window.explorer.key_index(key)
    return [index.model().index(r, 0, index).data(KEY_ROLE) for r in range(index.model().rowCount(index))]


def test_search_matches_details_too(seed_window, qtbot) -> None:
    qtbot.keyClicks(seed_window.explorer.search, "sre-se")
    model = seed_window.document.model
    shown = {k for k in _visible_keys(seed_window.explorer) if k in model.people}
    assert shown == {p.id for p in model.people.values() if p.role.value == "sre_se"}


def _ancestors(window, team_id: str) -> set[str]:
    model, found = window.document.model, set()
    parent = model.teams[team_id].parent
    while parent:
        found.add(parent)
        parent = model.teams[parent].parent
    return found


def test_rename_updates_row_and_add_inserts_row(seed_window) -> None:
    dock, stack = seed_window.explorer, seed_window.document.stack
    payments = _team(seed_window.document.model, "Payments")
    stack.push(ChangeEntityCommand(payments.id, name="Payments & Billing"))
    assert dock.key_index(payments.id).data() == "Payments & Billing"
    stack.push(AddEntityCommand(Team("t-new", "Fraud", parent=payments.id)))
    assert dock.key_index("t-new").parent().data(KEY_ROLE) == payments.id
    stack.undo()
    assert not dock.key_index("t-new").isValid()


def test_dropping_a_person_on_a_team_moves_them_undoably(seed_window) -> None:
    model, stack = seed_window.document.model, seed_window.document.stack
    source = seed_window.explorer.source
    payments, catalogue = _team(model, "Payments"), _team(model, "Catalogue")
    person = next(p for p in model.members(payments.id) if p.role.value == "software_engineer")
    data = source.mimeData([source.index_of_key(person.id)])
    target = source.index_of_key(catalogue.id)
    assert source.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert not source.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1,
                                      source.index_of_key(next(iter(model.services))))
    assert source.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert model.people[person.id].team == catalogue.id
    assert stack.undo_text == f"Move {person.name} to 'Catalogue'"
    assert seed_window.explorer.key_index(person.id).parent().data(KEY_ROLE) == catalogue.id
    seed_window.actions.undo.trigger()
    assert model.people[person.id].team == payments.id


def test_refused_drop_is_explained(seed_window, dialogs) -> None:
    model = seed_window.document.model
    embed = next(iter(model.embeds.values()))
    source = seed_window.explorer.source
    data = source.mimeData([source.index_of_key(embed.person)])
    before = model.snapshot()
    assert not source.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, source.index_of_key(embed.host))
    assert model.snapshot() == before
    assert "embedded" in dialogs.texts("warning")[-1]


def test_clicking_a_row_shows_it_in_the_inspector(seed_window, qtbot) -> None:
    dock = seed_window.explorer
    payments = _team(seed_window.document.model, "Payments")
    index = dock.key_index(payments.id)
    dock.view.scrollTo(index)
    rect = dock.view.visualRect(index)
    qtbot.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seed_window.hub.ids == [payments.id]
    assert seed_window.inspector.entity_id == payments.id
    assert seed_window.inspector.editors["name"].widget.text() == "Payments"


def test_f2_renames_in_place(seed_window, qtbot) -> None:
    from PySide6.QtWidgets import QLineEdit

    dock, model = seed_window.explorer, seed_window.document.model
    payments = _team(model, "Payments")
    index = dock.key_index(payments.id)
    dock.view.setCurrentIndex(index)
    dock.view.setFocus()
    qtbot.keyClick(dock.view, Qt.Key.Key_F2)
    editor = dock.view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "Payments"
    editor.selectAll()
    qtbot.keyClicks(editor, "Billing")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.teams[payments.id].name == "Billing", timeout=5000)  # commit is queued
    assert seed_window.document.stack.undo_text == "Rename team 'Payments'"


def test_empty_organisation_shows_a_hint(window) -> None:
    assert window.explorer.hint.isVisible()
    window.add_entity(EntityKind.TEAM)
    assert not window.explorer.hint.isVisible()
    window.actions.undo.trigger()
    assert window.explorer.hint.isVisible()
