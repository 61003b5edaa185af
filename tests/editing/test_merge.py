"""Importing a whole model into a document is one undoable step that refuses id clashes."""

from __future__ import annotations

import pytest

from orgmodel.core.errors import DuplicateIdError
from orgmodel.core.model import OrgModel
from orgmodel.editing.merge import ImportModelCommand, import_order
from orgmodel.editing.stack import CommandStack
from orgmodel.examples import load_example


def test_import_into_empty_document_then_undo_and_redo() -> None:
    source = load_example("seed-enterprise")
    target = OrgModel()
    stack = CommandStack(target)
    stack.push(ImportModelCommand(source, "Import example"))
    assert len(target) == len(source)
    assert {t.id: t.parent for t in target.teams.values()} == {
        t.id: t.parent for t in source.teams.values()
    }
    assert {p.id: p.manager for p in target.people.values()} == {
        p.id: p.manager for p in source.people.values()
    }
    assert stack.undo_text.startswith("Import example")
    stack.undo()
    assert len(target) == 0
    stack.redo()
    assert len(target) == len(source)


def test_clashing_ids_import_nothing() -> None:
    source = load_example("startup")
    target = load_example("startup")
    before = target.snapshot()
    stack = CommandStack(target)
    with pytest.raises(DuplicateIdError, match="already used"):
        stack.push(ImportModelCommand(source))
    assert target.snapshot() == before and not stack.can_undo


def test_order_puts_parents_and_managers_first() -> None:
    order = import_order(load_example("seed-enterprise"))
    seen: set[str] = set()
    for entity in order:
        for field in ("parent", "manager"):
            ref = getattr(entity, field, None)
            assert ref is None or ref in seen
        seen.add(entity.id)
