"""Gestures on the diagram turned into commands: drags, drops, context menus, Delete.

``Interactions`` connects a ``DiagramView``'s finished drags and its keys and context menus to the
``CommandStack``: a drag is one ``MoveNodesCommand`` (pushed on release); a person dropped on a
team moves there (``MovePersonCommand``), or embeds there with Shift held
(``StartEmbedCommand``); a service dropped on an SRE team gets that team's support
(``SetServiceSupportCommand``); people and services dragged in from the explorer and dropped on
a team do the same (``plan_drop`` decides for both; a refused drop gets the drag's "no" cursor and
a sentence in the status line); Delete removes the selection in one undo step. Commands that need
a saved view create one first, inside the same macro, through ``ensure_view``. Menus are built by
``node_menu`` so tests can trigger their actions without showing them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtWidgets import QMenu, QWidget

from orgmodel.analysis.layouts import LEAF_SIZE, ROW_GAP, TEAM_SIZE
from orgmodel.core.errors import OrgModelError
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


@dataclass(frozen=True)
class DropPlan:
    """What a drop would do: ``run`` pushes its one command (None: refused, ``hint`` says why);
    ``hint`` is the status line while hovering, ``done`` the one after the drop."""

    run: Callable[[], None] | None
    hint: str
    done: str = ""


def _shift(modifiers: object) -> bool:
    return bool(modifiers & Qt.KeyboardModifier.ShiftModifier)  # type: ignore[operator]


def _names(names: list[str], plural: str) -> str:
    """'Ada', 'Ada and Ben' or '3 people'."""
    if len(names) <= 2:
        return " and ".join(names)
    return f"{len(names)} {plural}"


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
        self._lit: tuple[str, bool] | None = None  # drop target highlighted, and as it was
        view.drag_finished.connect(self.finish_drag)
        view.drop_target = self
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

    def _team_under(self, point: QPointF, exclude: str | None) -> str | None:
        for item in self.view.diagram.items(point):
            if isinstance(item, NodeItem) and item.node_id != exclude and item.data_.kind == "team":
                return item.node_id
        return None

    def _drop(self, node_id: str, team_id: str, origin: QPointF, modifiers: object) -> bool:
        """A gesture for dropping ``node_id`` on a team; False when the drop means nothing."""
        plan = self.plan_drop([node_id], team_id, _shift(modifiers))
        if plan.run is None:
            return False
        self.view.diagram.place({node_id: origin})  # the model decides where it goes
        self._run(plan)
        return True

    def _run(self, plan: DropPlan) -> bool:
        assert plan.run is not None
        try:
            plan.run()
        except OrgModelError as error:
            self.status(str(error))
            return False
        self.status(plan.done)
        return True

    # ----------------------------------------------------------------- drops from the explorer
    def drag_over(self, ids: list[str], point: QPointF, modifiers: object) -> bool:
        """Ids dragged in from another widget hover at ``point``: whether a drop there would do
        something (the team under it is highlighted and the status line says what or why not)."""
        team_id = self._team_under(point, exclude=None)
        plan = self.plan_drop(ids, team_id, _shift(modifiers))
        self._highlight(team_id if plan.run is not None else None)
        self.status(plan.hint)
        return plan.run is not None

    def drag_left(self) -> None:
        self._highlight(None)
        self.status("")

    def drop(self, ids: list[str], point: QPointF, modifiers: object) -> bool:
        """Ids dropped from another widget at ``point``: one undoable command, or a sentence."""
        self._highlight(None)
        plan = self.plan_drop(ids, self._team_under(point, exclude=None), _shift(modifiers))
        if plan.run is None:
            self.status(plan.hint)
            return False
        return self._run(plan)

    def _highlight(self, team_id: str | None) -> None:
        items = self.view.diagram.node_items
        if self._lit is not None and self._lit[0] != team_id and self._lit[0] in items:
            items[self._lit[0]].set_highlighted(self._lit[1])  # as search had it
            self._lit = None
        if team_id is not None and team_id in items and self._lit is None:
            self._lit = (team_id, items[team_id].highlighted)
            items[team_id].set_highlighted(True)

    def plan_drop(self, ids: list[str], team_id: str | None, shift: bool) -> DropPlan:
        """What dropping ``ids`` on ``team_id`` means: people move there (embed with Shift),
        services go to an SRE team's support; anything else is refused with a sentence."""
        model = self.model
        people = [i for i in ids if i in model.people]
        services = [i for i in ids if i in model.services]
        if not ids or (people and services) or len(people) + len(services) < len(ids):
            return DropPlan(None, "Only people (onto a team, to move or embed them) or services "
                            "(onto an SRE team, to hand them to SRE) can be dropped on the diagram.")
        if people:
            return self._plan_people(people, team_id, shift)
        return self._plan_services(services, team_id)

    def _plan_people(self, people: list[str], team_id: str | None, shift: bool) -> DropPlan:
        model = self.model
        who = _names([model.people[p].name for p in people], "people")
        if team_id is None:
            return DropPlan(None, f"Drop {who} on a team to move them there (hold Shift to "
                            "embed them instead).")
        team = model.teams[team_id]
        movers = [p for p in people if model.people[p].team != team_id]
        if not movers:
            verb = "belongs" if len(people) == 1 else "belong"
            return DropPlan(None, f"{who} already {verb} to {team.name}.")
        who = _names([model.people[p].name for p in movers], "people")
        if shift:
            return DropPlan(
                partial(self._embed, movers, team_id), f"Release to embed {who} in {team.name}.",
                f"{who} now {'embeds' if len(movers) == 1 else 'embed'} in {team.name}.")
        return DropPlan(
            partial(self._move, movers, team_id),
            f"Release to move {who} to {team.name} (hold Shift to embed instead).",
            f"Moved {who} to {team.name} (hold Shift while dropping to embed instead; "
            "Ctrl+Z undoes).")

    def _plan_services(self, services: list[str], team_id: str | None) -> DropPlan:
        model = self.model
        what = _names([model.services[s].name for s in services], "services")
        if team_id is None:
            return DropPlan(None, f"Drop {what} on an SRE team to hand it to SRE support.")
        team = model.teams[team_id]
        if team.kind is not TeamKind.SRE:
            return DropPlan(None, f"{team.name} is not an SRE team: only an SRE team can take "
                            f"{what} into production support.")
        handed = [s for s in services if model.services[s].sre_team != team_id]
        if not handed:
            return DropPlan(None, f"{team.name} already supports {what}.")
        what = _names([model.services[s].name for s in handed], "services")
        return DropPlan(partial(self._hand_to_sre, handed, team_id),
                        f"Release to hand {what} to {team.name}.",
                        f"{team.name} now supports {what} in production.")

    def _move(self, people: list[str], team_id: str) -> None:
        team = self.model.teams[team_id]
        who = _names([self.model.people[p].name for p in people], "people")
        with self.stack.macro(f"Move {who} to {team.name}"):
            x, y = self.slot_below(team_id) if team_id in self.view.diagram.node_items else (0, 0)
            for person_id in people:
                self.stack.push(MovePersonCommand(person_id, team_id))
                if person_id in self.view.diagram.stored:
                    self.stack.push(MoveNodesCommand(self.ensure_view(), {person_id: (x, y)}))
                    y += LEAF_SIZE[1] + ROW_GAP

    def _embed(self, people: list[str], team_id: str) -> None:
        if len(people) == 1:
            self.stack.push(StartEmbedCommand(people[0], team_id))
            return
        with self.stack.macro(f"Embed {len(people)} people in {self.model.teams[team_id].name}"):
            for person_id in people:
                self.stack.push(StartEmbedCommand(person_id, team_id))

    def _hand_to_sre(self, services: list[str], team_id: str) -> None:
        if len(services) == 1:
            self.stack.push(SetServiceSupportCommand(services[0], team_id))
            return
        team = self.model.teams[team_id]
        with self.stack.macro(f"Hand {len(services)} services to {team.name}"):
            for service_id in services:
                self.stack.push(SetServiceSupportCommand(service_id, team_id))

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
        self.view.diagram.make_interactive()
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
