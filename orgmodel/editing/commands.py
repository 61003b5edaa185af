"""The generic commands (add, remove with cascade, change any entity or the organisation) and the
one import place for every command.

``AddEntityCommand``, ``RemoveEntityCommand``, ``ChangeEntityCommand`` and
``ChangeOrganisationCommand`` live here; the commands for particular operations (moving a person,
embeds, support, hand-overs, dependencies, forum seats) are in ``org_commands.py`` and those of
saved views in ``view_commands.py``, re-exported below. Every command changes the model only
through ``OrgModel`` writes (via the journal of ``stack.py``) and names itself for the undo history.
Not for the stack itself.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from orgmodel.core.cascade import removal_plan
from orgmodel.core.entities import Organisation
from orgmodel.core.errors import InvariantError
from orgmodel.core.model import describe
from orgmodel.editing.org_commands import (
    AddDependencyCommand,
    AddRepresentativeCommand,
    EndEmbedCommand,
    HandPlatformVersionCommand,
    MovePersonCommand,
    RemoveDependencyCommand,
    RemoveRepresentativeCommand,
    SetServiceSupportCommand,
    StartEmbedCommand,
)
from orgmodel.editing.stack import Command, Journal, MacroCommand
from orgmodel.editing.view_commands import ApplyLayoutCommand, MoveNodesCommand, MoveViewCommand

__all__ = [
    "AddDependencyCommand",
    "AddEntityCommand",
    "AddRepresentativeCommand",
    "ApplyLayoutCommand",
    "ChangeEntityCommand",
    "ChangeOrganisationCommand",
    "Command",
    "EndEmbedCommand",
    "HandPlatformVersionCommand",
    "MacroCommand",
    "MoveNodesCommand",
    "MovePersonCommand",
    "MoveViewCommand",
    "RemoveDependencyCommand",
    "RemoveEntityCommand",
    "RemoveRepresentativeCommand",
    "SetServiceSupportCommand",
    "StartEmbedCommand",
]


_FIELD_LABELS = {
    "has_oncall": "on-call rotation",
    "sre_team": "SRE team",
    "fte": "FTE",
    "planning_start": "planning start",
    "toml": "scenario text",
}


def field_label(field: str) -> str:
    """A field name as a person would say it: ``sre_team`` -> ``SRE team``."""
    return _FIELD_LABELS.get(field, field.replace("_", " "))


def change_text(subject: str, values: dict[str, Any]) -> str:
    """``Rename team 'Payments'``, ``Change the kind of team 'Payments'``, ``Change team 'Payments'``."""
    if set(values) == {"name"}:
        return f"Rename {subject}"
    if len(values) == 1:
        return f"Change the {field_label(next(iter(values)))} of {subject}"
    return f"Change {subject}"


class AddEntityCommand(Command):
    """Add an entity (at the end of its collection, or at ``index``)."""

    def __init__(self, entity: Any, index: int | None = None) -> None:
        super().__init__(f"Add {describe(entity)}")
        self.entity = entity
        self.index = index

    def apply(self, journal: Journal) -> None:
        journal.add(self.entity, self.index)


class RemoveEntityCommand(Command):
    """Remove an entity and everything that hangs on it; undo restores all of it, in order."""

    def __init__(self, entity_id: str) -> None:
        super().__init__(f"Remove '{entity_id}'")
        self.entity_id = entity_id

    def apply(self, journal: Journal) -> None:
        plan = removal_plan(journal.model, self.entity_id)
        subject = describe(journal.model.get(self.entity_id))
        doomed: list[str] = []
        for step in plan:
            if step.action == "update":
                journal.update(step.new)
            else:
                doomed.append(step.old.id)
        journal.remove_many(doomed)
        more = f" and {len(doomed) - 1} more" if len(doomed) > 1 else ""
        self.text = f"Remove {subject}{more}"


class ChangeEntityCommand(Command):
    """Set some fields of one entity. With ``merge=True``, consecutive changes of the same fields
    of the same entity merge into one step (typing a name is one undo step). A merged step whose
    net effect is nothing stays in the history as a step that changes nothing.
    """

    def __init__(self, entity_id: str, merge: bool = False, **values: Any) -> None:
        if not values:
            raise InvariantError("A change needs at least one field to change.")
        super().__init__(f"Change '{entity_id}'")
        self.entity_id = entity_id
        self.merge = merge
        self.values = values

    def apply(self, journal: Journal) -> None:
        old, _ = journal.change(self.entity_id, **self.values)
        self.text = change_text(describe(old), self.values)

    def merge_with(self, other: Command) -> bool:
        if not (
            isinstance(other, ChangeEntityCommand)
            and self.merge
            and other.merge
            and other.entity_id == self.entity_id
            and set(other.values) == set(self.values)
        ):
            return False
        self._absorb(other)
        self.values = dict(other.values)
        return True


_ORGANISATION_FIELDS = frozenset(f.name for f in fields(Organisation))


class ChangeOrganisationCommand(Command):
    """Set some of the organisation's own details (name, description, planning start, ...)."""

    def __init__(self, merge: bool = False, **values: Any) -> None:
        unknown = sorted(set(values) - _ORGANISATION_FIELDS)
        if unknown:
            raise InvariantError(f"The organisation has no field '{unknown[0]}'.")
        if not values:
            raise InvariantError("A change needs at least one field to change.")
        super().__init__(change_text("the organisation", values))
        self.merge = merge
        self.values = values

    def apply(self, journal: Journal) -> None:
        journal.set_organisation(replace(journal.model.organisation, **self.values))

    def merge_with(self, other: Command) -> bool:
        if not (
            isinstance(other, ChangeOrganisationCommand)
            and self.merge
            and other.merge
            and set(other.values) == set(self.values)
        ):
            return False
        self._absorb(other)
        self.values = dict(other.values)
        return True
