"""Model menu operations of the main window: add an entity, delete the selection, start an embed.

New entities land next to the selection (a person in the selected team, a version on the selected
platform), are selected, and their name field gets the focus so the user can type it at once.
Each operation is one undoable command (several deletions are one macro); a refusal is one
sentence in a message box. Questions use static ``QInputDialog`` calls so tests can answer them.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from orgmodel.core.entities import (
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Scenario,
    Service,
    Team,
    new_id,
)
from orgmodel.core.errors import OrgModelError
from orgmodel.core.kinds import EntityKind, TeamKind
from orgmodel.editing.commands import AddEntityCommand, RemoveEntityCommand, StartEmbedCommand

if TYPE_CHECKING:
    from orgmodel.ui.main_window import MainWindow

SOURCE = "window"
EMBED_WEEKS = 12  # a few weeks, not a take-over (the seed); OM004 flags embeds over 13


class EditOperations(QObject):
    """Adds, deletes and embeds on the window's current document."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @property
    def model(self) -> Any:
        return self.window.document.model

    def _selected(self) -> list[Any]:
        return [e for e in (self.model.find(i) for i in self.window.hub.ids) if e is not None]

    # ----------------------------------------------------------------- delete
    def delete_selection(self) -> None:
        ids = [e.id for e in self._selected()]
        if not ids:
            self.window.statusBar().showMessage("Select something to delete first.", 3000)
            return
        stack = self.window.document.stack
        try:
            if len(ids) == 1:
                stack.push(RemoveEntityCommand(ids[0]))
            else:
                with stack.macro(f"Remove {len(ids)} entities"):
                    for entity_id in ids:
                        if entity_id in self.model:  # a team's removal may have taken it along
                            stack.push(RemoveEntityCommand(entity_id))
        except OrgModelError as error:
            QMessageBox.warning(self.window, "Cannot delete", str(error))

    # -------------------------------------------------------------------- add
    def add_entity(self, kind: EntityKind) -> str | None:
        """Add a new entity of ``kind`` next to the selection, select it and return its id."""
        entity = self._new_entity(kind)
        if entity is None or not self.window.push(AddEntityCommand(entity)):
            return None
        self.window.hub.select([entity.id], SOURCE, focus=True)
        inspector = self.window.inspector
        editor = inspector.editors.get("name") or inspector.editors.get("version")
        if editor is not None:
            editor.widget.setFocus()
            if hasattr(editor.widget, "selectAll"):
                editor.widget.selectAll()
        return str(entity.id)

    def _selected_team(self) -> str | None:
        for entity in self._selected():
            if isinstance(entity, Team):
                return entity.id
            if isinstance(entity, Person):
                return entity.team
            if isinstance(entity, Service):
                return entity.owner
        return None

    def _new_entity(self, kind: EntityKind) -> Any:
        team = self._selected_team()
        uid = new_id()
        if kind is EntityKind.TEAM:
            return Team(uid, "New team", parent=team)
        if kind is EntityKind.PERSON:
            return Person(uid, "New person", team=team)
        if kind is EntityKind.SERVICE:
            return Service(uid, "New service", owner=team)
        if kind is EntityKind.PLATFORM:
            return Platform(uid, "New platform", owner=team)
        if kind is EntityKind.PLATFORM_VERSION:
            return self._new_version(uid)
        if kind is EntityKind.FORUM:
            return Forum(uid, "New forum")
        return Scenario(uid, "New scenario", toml=self._default_scenario_toml())

    def _new_version(self, uid: str) -> PlatformVersion | None:
        platform = next((e.id for e in self._selected() if isinstance(e, Platform)), None)
        platform = platform or next(iter(self.model.platforms), None)
        if platform is None:
            QMessageBox.information(self.window, "Add platform version",
                                    "Add a platform first: a version belongs to a platform.")
            return None
        return PlatformVersion(uid, platform, "1.0")

    def _default_scenario_toml(self) -> str:
        name = self.window.settings.default_scenario
        if not name:
            return ""
        from orgmodel.resources_path import resource

        path = resource("scenarios", f"{name}.toml")
        return path.read_text(encoding="utf-8") if path.is_file() else ""

    # ------------------------------------------------------------------ embed
    def embed_selected_person(self) -> bool:
        """Ask for a host team and embed the selected person there for a few weeks."""
        person = next((e for e in self._selected() if isinstance(e, Person)), None)
        if person is None:
            QMessageBox.information(self.window, "Embed", "Select the person to embed first.")
            return False
        hosts = [t for t in self.model.teams.values() if t.id != person.team and t.kind is not TeamKind.GROUP]
        labels = [t.name for t in hosts]
        if not hosts:
            QMessageBox.information(self.window, "Embed", "There is no other team to embed in.")
            return False
        label, ok = QInputDialog.getItem(self.window, "Embed", f"Embed {person.name} in:", labels, 0, False)
        if not ok or label not in labels:
            return False
        host = hosts[labels.index(label)]
        start = self.model.organisation.planning_start or date.today()
        command = StartEmbedCommand(person.id, host.id, start=start,
                                    end=start + timedelta(weeks=EMBED_WEEKS))
        return self.window.push(command)
