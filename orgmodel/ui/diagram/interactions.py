"""Gestures on the diagram turned into commands: drags, drops, context menus, Delete.

``Interactions`` connects a ``DiagramView``'s finished drags and its keys and context menus to the
``CommandStack``: a drag is one ``MoveNodesCommand`` (pushed on release); a person dropped on a
team moves there (``MovePersonCommand``), or embeds there with Shift held
(``StartEmbedCommand``); a service dropped on an SRE team gets that team's support
(``SetServiceSupportCommand``); Delete removes the selection in one undo step. Commands that need
a saved view create one first, inside the same macro, through ``ensure_view``. Menus are built by
``node_menu`` so tests can trigger their actions without showing them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtWidgets import QMenu, QWidget

from orgmodel.analysis.layouts import LEAF_SIZE, ROW_GAP, TEAM_SIZE
from orgmodel.core.kinds import Support, TeamKind
from orgmodel.core.model import describe
from orgmodel.editing.commands import (
    MoveNodesCommand,
    MovePersonCommand,
    RemoveEntityCommand,
    SetServiceSupportCommand,
    StartEmbedCommand,
)
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.diagram.items import NodeItem
from orgmodel.ui.diagram.view import DiagramView

Point = tuple[float, float]


class Interactions(QObject):
    """Turns what the user does on the canvas into commands on ``stack``."""

    def __init__(self, stack: CommandStack, view: DiagramView, ensure_view: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack
        self.view = view
        self.ensure_view = ensure_view
        self.on_collapse: Callable[[str, bool], None] = lambda team, on: None
        self.on_focus: Callable[[list[str]], None] = lambda ids: None
        self.on_subtree: Callable[[str | None], None] = lambda team: None
        self.status: Callable[[str], None] = lambda text: None
        view.drag_finished.connect(self.finish_drag)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        view.menu_requested.connect(self.show_menu)
        view.delete_requested.connect(self.remove_selected)

    @property
    def model(self):  # type: ignore[no-untyped-def]
        return self.stack.model

    # ----------------------------------------------------------------- drags and drops
    def finish_drag(self, start: dict[str, QPointF], end: dict[str, QPointF], drop: QPointF,
                    modifiers: object) -> None:
        moved = {n: (p.x(), p.y()) for n, p in end.items() if p != start.get(n)}
        if len(end) == 1:
            node_id = next(iter(end))
            target = self._team_under(drop, exclude=node_id)
            if target is not None and self._drop(node_id, target, start[node_id], modifiers):
                return
        if moved:
            with self.stack.macro("Move nodes"):
                view_id = self.ensure_view()
                self.stack.push(MoveNodesCommand(view_id, moved))

    def _team_under(self, point: QPointF, exclude: str) -> str | None:
        for item in self.view.diagram.items(point):
            if isinstance(item, NodeItem) and item.node_id != exclude and item.data_.kind == "team":
                return item.node_id
        return None

    def _drop(self, node_id: str, team_id: str, origin: QPointF, modifiers: object) -> bool:
        """A gesture for dropping ``node_id`` on a team; False when the drop means nothing."""
        model = self.model
        team = model.teams[team_id]
        shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)  # type: ignore[operator]
        if node_id in model.people and model.people[node_id].team != team_id:
            self.view.diagram.place({node_id: origin})
            name = model.people[node_id].name
            if shift:
                self.stack.push(StartEmbedCommand(node_id, team_id))
                self.status(f"{name} now embeds in {team.name}.")
            else:
                with self.stack.macro(f"Move {name} to {team.name}"):
                    slot = self.slot_below(team_id)
                    self.stack.push(MovePersonCommand(node_id, team_id))
                    if node_id in self.view.diagram.stored:
                        self.stack.push(MoveNodesCommand(self.ensure_view(), {node_id: slot}))
                self.status(f"Moved {name} to {team.name} (hold Shift while dropping to embed "
                            "instead; Ctrl+Z undoes).")
            return True
        if node_id in model.services and team.kind is TeamKind.SRE:
            self.view.diagram.place({node_id: origin})
            self.stack.push(SetServiceSupportCommand(node_id, team_id))
            self.status(f"{team.name} now supports {model.services[node_id].name} in production.")
            return True
        return False

    def slot_below(self, team_id: str) -> Point:
        """A free spot under a team's lowest member on the canvas (where a newcomer goes)."""
        items = self.view.diagram.node_items
        team = items[team_id].pos()
        below = [items[p.id].pos() for p in self.model.members(team_id) if p.id in items]
        if not below:
            return (team.x(), team.y() + TEAM_SIZE[1] / 2 + ROW_GAP * 2 + LEAF_SIZE[1] / 2)
        lowest = max(below, key=lambda p: p.y())
        return (lowest.x(), lowest.y() + LEAF_SIZE[1] + ROW_GAP)

    # ----------------------------------------------------------------- removing
    def selected_ids(self) -> list[str]:
        return [i.node_id for i in self.view.diagram.selectedItems() if isinstance(i, NodeItem)]

    def remove_selected(self) -> None:
        self.remove(self.selected_ids())

    def remove(self, ids: list[str]) -> None:
        ids = [i for i in ids if i in self.model]
        if not ids:
            return
        text = f"Remove {describe(self.model.get(ids[0]))}" if len(ids) == 1 else f"Remove {len(ids)} items"
        with self.stack.macro(text):
            for entity_id in ids:
                if entity_id in self.model:  # a cascade may already have taken it
                    self.stack.push(RemoveEntityCommand(entity_id))

    # ----------------------------------------------------------------- menus
    def show_menu(self, node_id: str | None, where: QPoint) -> None:
        """The context menu of a node (selecting it first) or of the background."""
        items = self.view.diagram.node_items
        if node_id is not None and node_id in items:
            if not items[node_id].isSelected():
                self.view.diagram.clearSelection()
                items[node_id].setSelected(True)
            menu = self.node_menu(node_id, self.view)
        else:
            menu = self.background_menu(self.view)
        self.popup(menu, where)

    def popup(self, menu: QMenu, where: QPoint) -> None:
        """Run a menu (tests replace this to look at the menu instead)."""
        menu.exec(where)

    def node_menu(self, node_id: str, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        model = self.model
        selected = self.selected_ids() or [node_id]
        menu.addAction("Focus on neighbourhood", lambda: self.on_focus(selected))
        if node_id in model.teams:
            collapsed = node_id in self.view.diagram.filter.collapsed
            menu.addAction("Expand team" if collapsed else "Collapse team",
                           lambda: self.on_collapse(node_id, not collapsed))
            menu.addAction("Show only this subtree", lambda: self.on_subtree(node_id))
        if node_id in model.people:
            embed = menu.addMenu("Start embed in")
            for team in self._teams_except(model.people[node_id].team):
                embed.addAction(team.name, lambda t=team.id: self.stack.push(StartEmbedCommand(node_id, t)))
        if node_id in model.services:
            self._service_actions(menu, node_id)
        menu.addSeparator()
        label = "Remove" if len(selected) == 1 else f"Remove {len(selected)} items"
        menu.addAction(label, lambda: self.remove(selected))
        return menu

    def _teams_except(self, team_id: str | None) -> list:  # type: ignore[type-arg]
        teams = [t for t in self.model.teams.values() if t.id != team_id and t.kind is not TeamKind.GROUP]
        return sorted(teams, key=lambda t: t.name.lower())

    def _service_actions(self, menu: QMenu, service_id: str) -> None:
        service = self.model.services[service_id]
        hand = menu.addMenu("Hand to SRE")
        for team in self.model.teams.values():
            if team.kind is TeamKind.SRE and team.id != service.sre_team:
                hand.addAction(team.name, lambda t=team.id: self.stack.push(
                    SetServiceSupportCommand(service_id, t)))
        hand.setEnabled(not hand.isEmpty())
        back = menu.addAction("Hand back to developers",
                              lambda: self.stack.push(SetServiceSupportCommand(service_id, None)))
        back.setEnabled(service.support is Support.SRE)

    def background_menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.addAction("Fit to window", self.view.fit)
        menu.addAction("Clear focus", lambda: self.on_focus([]))
        menu.addAction("Show whole organisation", lambda: self.on_subtree(None))
        return menu
