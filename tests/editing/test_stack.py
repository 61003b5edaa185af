"""The CommandStack: push/undo/redo, failing commands, redo tail, clean state, merging, macros."""

from __future__ import annotations

import pytest

from orgmodel.core.entities import Team
from orgmodel.core.errors import DanglingReferenceError, NotFoundError, OrgModelError
from orgmodel.core.model import OrgModel
from orgmodel.editing.commands import (
    AddEntityCommand,
    ChangeEntityCommand,
    ChangeOrganisationCommand,
    MoveNodesCommand,
    RemoveEntityCommand,
)
from orgmodel.editing.stack import Command, CommandStack, Journal


def rename(entity_id: str, name: str, merge: bool = True) -> ChangeEntityCommand:
    return ChangeEntityCommand(entity_id, merge=merge, name=name)


def test_push_undo_redo_and_texts(stack: CommandStack, model: OrgModel) -> None:
    before = model.snapshot()
    stack.push(rename("pay", "Pay"))
    stack.push(AddEntityCommand(Team("new", "New", parent="eng")))
    after = model.snapshot()
    assert stack.texts == ["Rename team 'Payments'", "Add team 'New'"]
    assert (stack.index, stack.can_undo, stack.can_redo) == (2, True, False)
    assert stack.undo_text == "Add team 'New'" and stack.redo_text == ""
    stack.undo()
    assert "new" not in model and stack.redo_text == "Add team 'New'"
    stack.undo()
    assert model.snapshot() == before and not stack.can_undo and stack.undo_text == ""
    stack.undo()  # nothing left: a no-op, not an error
    stack.redo()
    stack.redo()
    stack.redo()
    assert model.snapshot() == after and stack.index == 2


def test_failing_push_changes_nothing_and_records_nothing(
    stack: CommandStack, model: OrgModel
) -> None:
    stack.push(rename("pay", "Pay"))
    before, emitted = model.snapshot(), []
    stack.changed.connect(emitted.append)
    with pytest.raises(DanglingReferenceError):
        stack.push(AddEntityCommand(Team("x", "X", parent="nowhere")))
    with pytest.raises(NotFoundError):
        stack.push(RemoveEntityCommand("nowhere"))
    assert model.snapshot() == before
    assert stack.texts == ["Rename team 'Payments'"] and stack.index == 1 and emitted == []


class AddTwoThenFail(Command):
    """Writes twice, then fails: do() must roll both writes back."""

    def apply(self, journal: Journal) -> None:
        journal.add(Team("t1", "One"))
        journal.change("pay", name="Changed")
        raise OrgModelError("Refused on purpose.")


def test_command_failing_half_way_is_rolled_back(stack: CommandStack, model: OrgModel) -> None:
    before = model.snapshot()
    with pytest.raises(OrgModelError, match="on purpose"):
        stack.push(AddTwoThenFail("fails"))
    assert model.snapshot() == before and len(stack) == 0


def test_push_after_undo_drops_the_redo_tail(stack: CommandStack, model: OrgModel) -> None:
    stack.push(rename("pay", "A", merge=False))
    stack.push(rename("pay", "B", merge=False))
    stack.undo()
    stack.push(rename("shop", "S", merge=False))
    assert stack.texts == ["Rename team 'Payments'", "Rename team 'Shop'"]
    assert not stack.can_redo and model.teams["pay"].name == "A"


def test_clean_state_follows_the_index(stack: CommandStack) -> None:
    assert stack.is_clean
    stack.push(rename("pay", "A", merge=False))
    assert not stack.is_clean
    stack.set_clean()
    assert stack.is_clean
    stack.push(rename("pay", "B", merge=False))
    assert not stack.is_clean
    stack.undo()
    assert stack.is_clean
    stack.undo()
    assert not stack.is_clean


def test_clean_index_in_the_dropped_tail_is_never_clean_again(stack: CommandStack) -> None:
    stack.push(rename("pay", "A", merge=False))
    stack.push(rename("pay", "B", merge=False))
    stack.set_clean()  # saved with "B"
    stack.undo()
    stack.undo()
    stack.push(rename("shop", "S", merge=False))  # drops the saved state
    for _ in range(3):
        assert not stack.is_clean
        stack.undo()
    assert stack.index == 0 and not stack.is_clean
    stack.set_clean()
    assert stack.is_clean and stack.clean_index == 0


def test_typing_a_name_is_one_step(stack: CommandStack, model: OrgModel) -> None:
    before = model.snapshot()
    for name in ("P", "Pa", "Pay", "Paym"):
        stack.push(rename("pay", name))
    assert stack.texts == ["Rename team 'Payments'"]
    edited = model.snapshot()
    stack.undo()
    assert model.snapshot() == before
    stack.redo()
    assert model.snapshot() == edited and model.teams["pay"].name == "Paym"


def test_merge_needs_same_entity_fields_and_flag(stack: CommandStack) -> None:
    stack.push(rename("pay", "A"))
    stack.push(rename("shop", "B"))  # another entity
    stack.push(ChangeEntityCommand("shop", merge=True, name="C", sites=2))  # other fields
    stack.push(rename("shop", "D", merge=False))  # not continuous
    stack.push(rename("shop", "E"))  # after a non-merging command: new step
    assert len(stack) == 5


def test_no_merge_into_the_saved_command(stack: CommandStack, model: OrgModel) -> None:
    stack.push(rename("pay", "Pa"))
    stack.set_clean()
    stack.push(rename("pay", "Pay"))
    assert len(stack) == 2 and not stack.is_clean
    stack.undo()
    assert stack.is_clean and model.teams["pay"].name == "Pa"


def test_merged_edit_back_to_the_original_stays_a_no_op_step(
    stack: CommandStack, model: OrgModel
) -> None:
    before = model.snapshot()
    stack.push(rename("pay", "Pay"))
    stack.push(rename("pay", "Payments"))
    assert len(stack) == 1 and model.snapshot() == before
    stack.undo()
    assert model.snapshot() == before
    stack.redo()
    assert model.snapshot() == before


def test_organisation_changes_merge_too(stack: CommandStack, model: OrgModel) -> None:
    stack.push(ChangeOrganisationCommand(merge=True, description="A"))
    stack.push(ChangeOrganisationCommand(merge=True, description="AB"))
    assert stack.texts == ["Change the description of the organisation"]
    stack.undo()
    assert model.organisation.description == ""


def test_macro_is_one_step(stack: CommandStack, model: OrgModel) -> None:
    before = model.snapshot()
    with stack.macro("Import two teams"):
        stack.push(AddEntityCommand(Team("a", "A", parent="eng")))
        stack.push(AddEntityCommand(Team("b", "B", parent="a")))
    after = model.snapshot()
    assert stack.texts == ["Import two teams"] and stack.index == 1
    stack.undo()
    assert model.snapshot() == before
    stack.redo()
    assert model.snapshot() == after


def test_failing_macro_rolls_back_and_records_nothing(stack: CommandStack, model: OrgModel) -> None:
    stack.push(rename("pay", "Pay"))
    before = model.snapshot()
    with pytest.raises(DanglingReferenceError), stack.macro("Import"):
        stack.push(AddEntityCommand(Team("a", "A", parent="eng")))
        stack.push(RemoveEntityCommand("shop"))
        stack.push(AddEntityCommand(Team("b", "B", parent="missing")))
    assert model.snapshot() == before
    assert stack.texts == ["Rename team 'Payments'"] and not stack.in_macro


def test_caught_failure_inside_a_macro_keeps_the_rest(stack: CommandStack, model: OrgModel) -> None:
    with stack.macro("Import"):
        stack.push(AddEntityCommand(Team("a", "A", parent="eng")))
        with pytest.raises(DanglingReferenceError):
            stack.push(AddEntityCommand(Team("b", "B", parent="missing")))
    assert "a" in model and "b" not in model and len(stack) == 1


def test_nested_and_empty_macros(stack: CommandStack, model: OrgModel) -> None:
    before = model.snapshot()
    with stack.macro("Outer"):
        stack.push(rename("pay", "P1", merge=False))
        with stack.macro("Inner"):
            stack.push(rename("shop", "S1", merge=False))
        with stack.macro("Empty"):
            pass
    with stack.macro("Nothing"):
        pass
    assert stack.texts == ["Outer"]
    stack.undo()
    assert model.snapshot() == before


def test_begin_end_macro_and_refusals_inside(stack: CommandStack) -> None:
    stack.begin_macro("Drag")
    stack.push(MoveNodesCommand("v1", {"eng": (1.0, 2.0)}))
    assert not stack.is_clean and not stack.can_undo
    with pytest.raises(RuntimeError):
        stack.undo()
    with pytest.raises(RuntimeError):
        stack.set_clean()
    stack.end_macro()
    assert stack.texts == ["Drag"] and stack.can_undo
    with pytest.raises(RuntimeError):
        stack.end_macro()


def test_set_index_jumps_through_history(stack: CommandStack, model: OrgModel) -> None:
    snapshots = [model.snapshot()]
    for name in ("A", "B", "C"):
        stack.push(rename("pay", name, merge=False))
        snapshots.append(model.snapshot())
    for target in (0, 3, 1, 2, 0, -5, 99):
        stack.set_index(target)
        expected = max(0, min(target, 3))
        assert stack.index == expected and model.snapshot() == snapshots[expected]


def test_clear_forgets_history_and_counts_as_clean(stack: CommandStack, model: OrgModel) -> None:
    stack.push(rename("pay", "A"))
    stack.clear()
    assert len(stack) == 0 and stack.is_clean and not stack.can_undo
    assert model.teams["pay"].name == "A"


def test_changed_is_emitted_on_every_change_of_index_or_clean(stack: CommandStack) -> None:
    seen: list[None] = []
    stack.changed.connect(seen.append)
    stack.push(rename("pay", "A", merge=False))
    stack.push(rename("pay", "B"))
    stack.push(rename("pay", "C"))  # merges, still a change
    stack.undo()
    stack.redo()
    stack.set_clean()
    stack.set_index(0)
    stack.set_index(0)  # no move: no signal
    stack.clear()
    assert len(seen) == 8
    with stack.macro("Two"):
        stack.push(rename("pay", "X", merge=False))  # inside a macro: is_clean turns false
        stack.push(rename("pay", "Y", merge=False))
    assert len(seen) == 11
    with pytest.raises(KeyError), stack.macro("Fails"):
        stack.push(rename("pay", "Z", merge=False))
        raise KeyError("boom")
    assert len(seen) == 13 and stack.texts == ["Two"]


def test_commands_refuse_double_do(model: OrgModel) -> None:
    command = rename("pay", "A")
    command.do(model)
    with pytest.raises(RuntimeError):
        command.do(model)
    command.undo(model)
    with pytest.raises(RuntimeError):
        command.undo(model)
