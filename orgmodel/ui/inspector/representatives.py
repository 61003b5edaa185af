"""The forum part of the inspector: the list of representatives, with Add and Remove.

Each representative is a person sitting for a team (DESIGN.md §2). Adding pushes
``AddRepresentativeCommand``, removing ``RemoveRepresentativeCommand``; refused changes (the same
seat twice) come back to the inspector through ``error`` as one sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from orgmodel.core.entities import Forum
from orgmodel.core.errors import OrgModelError
from orgmodel.editing.commands import AddRepresentativeCommand, RemoveRepresentativeCommand
from orgmodel.editing.stack import CommandStack


class RepresentativesEditor(QWidget):
    """List of "Person — for Team" rows, a person and a team combo, Add and Remove buttons."""

    def __init__(self, stack: CommandStack, forum_id: str, error: Callable[[str], None]) -> None:
        super().__init__()
        self._stack = stack
        self._forum_id = forum_id
        self._error = error
        self.list = QListWidget()
        self.list.setMinimumHeight(90)
        self.person = QComboBox()
        self.team = QComboBox()
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove")
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.person.activated.connect(self._suggest_team)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 0, 0, 1, 3)
        layout.addWidget(self.person, 1, 0)
        layout.addWidget(self.team, 1, 1)
        layout.addWidget(self.add_button, 1, 2)
        layout.addWidget(self.remove_button, 2, 2)
        self.refresh()

    def refresh(self) -> None:
        model = self._stack.model
        forum = model.find(self._forum_id)
        if not isinstance(forum, Forum):
            return
        self.list.clear()
        for rep in forum.representatives:
            person = model.people.get(rep.person)
            team = model.teams.get(rep.team)
            text = f"{person.name if person else rep.person} — for {team.name if team else rep.team}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (rep.person, rep.team))
            self.list.addItem(item)
        self._fill(self.person, [(p.id, p.name) for p in model.people.values()])
        self._fill(self.team, [(t.id, t.name) for t in model.teams.values()])
        self.remove_button.setEnabled(self.list.count() > 0)

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        for entity_id, label in items:
            combo.addItem(label, entity_id)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))

    def _suggest_team(self) -> None:
        person = self._stack.model.people.get(self.person.currentData())
        if person is not None and person.team is not None:
            self.team.setCurrentIndex(max(self.team.findData(person.team), 0))

    def _add(self) -> None:
        person_id, team_id = self.person.currentData(), self.team.currentData()
        if person_id is None or team_id is None:
            self._error("Choose a person and the team they represent.")
            return
        self._push(AddRepresentativeCommand(self._forum_id, person_id, team_id))

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self._error("Choose the representative to remove in the list first.")
            return
        person_id, team_id = item.data(Qt.ItemDataRole.UserRole)
        self._push(RemoveRepresentativeCommand(self._forum_id, person_id, team_id))

    def _push(self, command: object) -> None:
        try:
            self._stack.push(command)  # type: ignore[arg-type]
        except OrgModelError as error:
            self._error(str(error))
            return
        self._error("")
