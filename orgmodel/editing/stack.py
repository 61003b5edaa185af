"""The Qt-free undo machinery: ``Command``, ``MacroCommand`` and the ``CommandStack``.

A ``Command`` changes the model in ``do`` only through ``OrgModel`` writes made via a ``Journal``,
which remembers how to invert each one; ``undo`` plays the journal backwards, so undo is exact by
construction, and a ``do`` that raises half-way is rolled back before the error leaves it. The
``CommandStack`` records done commands (Qt's ``QUndoStack`` semantics: a push after undo drops the
redo tail, continuous edits merge into the top command unless the stack is clean there, macros group
commands into one step and a failing macro rolls back) and tracks the clean state for "modified".
Not for building commands for particular operations (``commands.py`` and siblings) and not Qt: the
UI wraps the ``changed`` signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from orgmodel.core.entities import Organisation
from orgmodel.core.events import Signal
from orgmodel.core.model import OrgModel


class Journal:
    """Applies writes to a model and remembers, for each, the write that inverts it."""

    def __init__(self, model: OrgModel) -> None:
        self.model = model
        self._inverse: list[Callable[[], object]] = []

    def add(self, entity: Any, index: int | None = None) -> None:
        self.model.add(entity, index)
        entity_id = entity.id
        self._inverse.append(lambda: self.model.remove(entity_id))

    def update(self, entity: Any) -> Any:
        old = self.model.update(entity)
        self._inverse.append(lambda: self.model.update(old))
        return old

    def change(self, entity_id: str, **values: Any) -> tuple[Any, Any]:
        old, new = self.model.change(entity_id, **values)
        self._inverse.append(lambda: self.model.update(old))
        return old, new

    def remove(self, entity_id: str) -> Any:
        entity, index = self.model.remove(entity_id)
        self._inverse.append(lambda: self.model.add(entity, index))
        return entity

    def remove_many(self, entity_ids: list[str]) -> list[Any]:
        removed = self.model.remove_many(entity_ids)

        def restore() -> None:
            for entity, index in reversed(removed):
                self.model.add(entity, index)

        self._inverse.append(restore)
        return [entity for entity, _ in removed]

    def set_organisation(self, organisation: Organisation) -> Organisation:
        old = self.model.set_organisation(organisation)
        self._inverse.append(lambda: self.model.set_organisation(old))
        return old

    def move_view(self, view_id: str, index: int) -> int:
        old = self.model.move_view(view_id, index)
        self._inverse.append(lambda: self.model.move_view(view_id, old))
        return old

    def absorb(self, later: Journal) -> None:
        """Take over the writes of a journal that ran after this one (for merged commands)."""
        self._inverse.extend(later._inverse)
        later._inverse = []

    def rollback(self) -> None:
        """Invert every write, newest first (as one model batch)."""
        with self.model.batch():
            while self._inverse:
                self._inverse.pop()()


class Command:
    """One undoable step. Subclasses implement ``apply(journal)``; ``text`` names the step."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self._journal: Journal | None = None

    def apply(self, journal: Journal) -> None:
        raise NotImplementedError

    @property
    def is_done(self) -> bool:
        return self._journal is not None

    def do(self, model: OrgModel) -> None:
        """Apply the command; if it raises, whatever it changed is rolled back first."""
        if self._journal is not None:
            raise RuntimeError(f"command already done: {self.text}")
        journal = Journal(model)
        try:
            with model.batch():
                self.apply(journal)
        except BaseException:
            journal.rollback()
            raise
        self._journal = journal

    def undo(self, model: OrgModel) -> None:
        if self._journal is None or self._journal.model is not model:
            raise RuntimeError(f"command not done on this model: {self.text}")
        self._journal.rollback()
        self._journal = None

    def merge_with(self, other: Command) -> bool:
        """Absorb ``other`` (already done, right after this one); True when merged."""
        return False

    def _absorb(self, other: Command) -> None:
        if self._journal is None or other._journal is None:
            raise RuntimeError("only done commands merge")
        self._journal.absorb(other._journal)
        other._journal = None


class MacroCommand(Command):
    """Several commands as one step; redo does them in order, undo undoes them in reverse."""

    def __init__(self, text: str, children: list[Command] | None = None) -> None:
        super().__init__(text)
        self.children: list[Command] = list(children or [])
        self._done = False

    @property
    def is_done(self) -> bool:
        return self._done

    def do(self, model: OrgModel) -> None:
        done: list[Command] = []
        with model.batch():
            try:
                for child in self.children:
                    child.do(model)
                    done.append(child)
            except BaseException:
                for child in reversed(done):
                    child.undo(model)
                raise
        self._done = True

    def undo(self, model: OrgModel) -> None:
        with model.batch():
            for child in reversed(self.children):
                child.undo(model)
        self._done = False

    def add_done(self, command: Command) -> None:
        """Record a child that has just been done (merging it into the last child if it can)."""
        if not (self.children and self.children[-1].merge_with(command)):
            self.children.append(command)
        self._done = True


class CommandStack:
    """Done and undone commands over one model, with an index and a clean state."""

    def __init__(self, model: OrgModel) -> None:
        self.model = model
        self.changed: Signal[None] = Signal()
        self._commands: list[Command] = []
        self._index = 0
        self._clean: int | None = 0  # None: the clean state was dropped and cannot come back
        self._macros: list[MacroCommand] = []

    # ---------------------------------------------------------------- reading
    @property
    def index(self) -> int:
        """How many commands are done (the position between the undo and the redo part)."""
        return self._index

    def __len__(self) -> int:
        return len(self._commands)

    @property
    def texts(self) -> list[str]:
        return [command.text for command in self._commands]

    @property
    def can_undo(self) -> bool:
        return self._index > 0 and not self._macros

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._commands) and not self._macros

    @property
    def undo_text(self) -> str:
        return self._commands[self._index - 1].text if self._index > 0 else ""

    @property
    def redo_text(self) -> str:
        return self._commands[self._index].text if self._index < len(self._commands) else ""

    @property
    def is_clean(self) -> bool:
        open_changes = any(macro.children for macro in self._macros)
        return self._clean == self._index and not open_changes

    @property
    def clean_index(self) -> int | None:
        return self._clean

    @property
    def in_macro(self) -> bool:
        return bool(self._macros)

    # ---------------------------------------------------------------- writing
    def push(self, command: Command) -> None:
        """Do ``command`` and record it; if ``do`` raises, nothing changes and nothing is recorded."""
        command.do(self.model)
        if self._macros:
            self._macros[-1].add_done(command)
            self.changed.emit(None)  # is_clean may have turned false
            return
        self._record(command)

    def _record(self, command: Command) -> None:
        del self._commands[self._index :]
        if self._clean is not None and self._clean > self._index:
            self._clean = None
        top = self._commands[-1] if self._commands and self._clean != self._index else None
        if top is None or not top.merge_with(command):
            self._commands.append(command)
            self._index += 1
        self.changed.emit(None)

    def undo(self) -> None:
        self._refuse_in_macro("undo")
        if self._index == 0:
            return
        self._commands[self._index - 1].undo(self.model)
        self._index -= 1
        self.changed.emit(None)

    def redo(self) -> None:
        self._refuse_in_macro("redo")
        if self._index == len(self._commands):
            return
        self._commands[self._index].do(self.model)
        self._index += 1
        self.changed.emit(None)

    def set_index(self, index: int) -> None:
        """Undo or redo until ``index`` commands are done (the history dock's click)."""
        self._refuse_in_macro("jump in the history")
        target = max(0, min(index, len(self._commands)))
        moved = target != self._index
        while self._index > target:
            self._commands[self._index - 1].undo(self.model)
            self._index -= 1
        while self._index < target:
            self._commands[self._index].do(self.model)
            self._index += 1
        if moved:
            self.changed.emit(None)

    def set_clean(self) -> None:
        """Mark the current state as saved."""
        self._refuse_in_macro("mark the document saved")
        self._clean = self._index
        self.changed.emit(None)

    def clear(self) -> None:
        """Forget the history; the model as it is now counts as clean (as after opening a file)."""
        self._refuse_in_macro("clear the history")
        self._commands.clear()
        self._index = 0
        self._clean = 0
        self.changed.emit(None)

    # ----------------------------------------------------------------- macros
    def begin_macro(self, text: str) -> None:
        """Start grouping pushed commands into one step named ``text`` (macros nest)."""
        self._macros.append(MacroCommand(text))

    def end_macro(self) -> None:
        """Close the innermost macro; an empty macro records nothing."""
        if not self._macros:
            raise RuntimeError("end_macro without begin_macro")
        macro = self._macros.pop()
        if not macro.children:
            return
        if self._macros:
            self._macros[-1].add_done(macro)
        else:
            self._record(macro)

    def abort_macro(self) -> None:
        """Close the innermost macro and roll back everything done inside it."""
        if not self._macros:
            raise RuntimeError("abort_macro without begin_macro")
        macro = self._macros.pop()
        if macro.children:
            macro.undo(self.model)
            self.changed.emit(None)

    @contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """``with stack.macro("Import roster"): ...`` - one step; an exception rolls it back."""
        self.begin_macro(text)
        try:
            yield
        except BaseException:
            self.abort_macro()
            raise
        self.end_macro()

    def _refuse_in_macro(self, what: str) -> None:
        if self._macros:
            raise RuntimeError(f"cannot {what} while a macro is open")
