"""Bring a whole imported model into a document as one undoable step.

``ImportModelCommand(source, text)`` adds every entity of ``source`` (a model an importer built:
Backstage, CSV roster, orgmodel JSON) to the document's model, parents before children and
managers before their reports, so each add passes the model's invariants. If any id is already
taken, nothing is added and the error names it. Undo removes exactly what was added. Not for
reading files: the importers in ``orgmodel.interop`` do that.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from orgmodel.core.errors import DuplicateIdError
from orgmodel.core.kinds import EntityKind
from orgmodel.core.model import OrgModel, describe
from orgmodel.editing.stack import Command, Journal


def _parents_first(items: Iterable[Any], parent_of: str) -> list[Any]:
    """Order entities so that each comes after the one its ``parent_of`` field names."""
    pending = {e.id: e for e in items}
    ordered: list[Any] = []
    placed: set[str] = set()
    while pending:
        ready = [
            e
            for e in pending.values()
            if getattr(e, parent_of) is None
            or getattr(e, parent_of) in placed
            or getattr(e, parent_of) not in pending
        ]
        if not ready:  # a cycle: let the model refuse it with its own sentence
            ready = list(pending.values())[:1]
        for entity in ready:
            ordered.append(entity)
            placed.add(entity.id)
            del pending[entity.id]
    return ordered


def import_order(source: OrgModel) -> list[Any]:
    """Every entity of ``source`` in an order in which adding them one by one is valid."""
    entities: list[Any] = _parents_first(source.teams.values(), "parent")
    entities += _parents_first(source.people.values(), "manager")
    for kind in (
        EntityKind.PLATFORM,
        EntityKind.PLATFORM_VERSION,
        EntityKind.SERVICE,
        EntityKind.EMBED,
        EntityKind.DEPENDENCY,
        EntityKind.FORUM,
        EntityKind.SCENARIO,
        EntityKind.VIEW,
    ):
        entities += list(source.collection(kind).values())
    return entities


class ImportModelCommand(Command):
    """Add all of an imported model's entities to the document in one step."""

    def __init__(self, source: OrgModel, text: str = "Import") -> None:
        super().__init__(f"{text} ({len(source)} entities)")
        self.source = source

    def apply(self, journal: Journal) -> None:
        target = journal.model
        clash = next((e for e in self.source.entities() if e.id in target), None)
        if clash is not None:
            raise DuplicateIdError(
                f"Cannot import: the id '{clash.id}' of {describe(clash)} is already used by "
                f"{describe(target.get(clash.id))} in this document."
            )
        for entity in import_order(self.source):
            journal.add(entity)
