"""The open document: a model, its undo stack, its file path and the lock on that file.

``Document`` is what the main window edits. It knows how to open and save the two file formats
(``.orgmodel`` documents and orgmodel ``.json``), holds a ``DocumentLock`` from persistence while a
file is open so that a second instance is told the file is in use, and says whether there are
unsaved changes (``not stack.is_clean``, or a restored recovery copy). It imports no Qt, so it can
be tested and scripted headless; dialogs, timers and titles belong to the window.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from orgmodel.core.errors import OrgModelError
from orgmodel.core.model import OrgModel
from orgmodel.editing.stack import CommandStack
from orgmodel.interop.documents import DOCUMENT_SUFFIXES, read_document, write_document_file

read_model = read_document  # the command line opens and saves through the same functions
write_model = write_document_file


def _make_lock(path: Path) -> Any:
    from orgmodel.persistence.store import DocumentLock

    return DocumentLock(path)


class Document:
    """One organisation being edited: model, command stack, path (None until saved), lock."""

    def __init__(self, model: OrgModel | None = None, path: Path | None = None) -> None:
        self.model = model if model is not None else OrgModel()
        self.stack = CommandStack(self.model)
        self.path: Path | None = path
        self.key = uuid.uuid4().hex  # names the recovery file of an untitled document
        self._lock: Any = None
        self._restored = False

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, path: str | Path) -> Document:
        """Open a file and lock it; raises ``OrgModelError`` (locked, missing, corrupt)."""
        path = Path(path).resolve()
        lock = _make_lock(path) if path.exists() and path.is_file() else None
        if lock is not None:
            lock.acquire()
        try:
            model = read_model(path)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        document = cls(model, path)
        document._lock = lock
        return document

    def attach(self, path: str | Path) -> None:
        """Give an unsaved document a file name, locking the file if it exists (may raise)."""
        target = Path(path).resolve()
        lock = _make_lock(target) if target.is_file() else None
        if lock is not None:
            lock.acquire()
        self._release_lock()
        self._lock = lock
        self.path = target

    # ----------------------------------------------------------------- status
    @property
    def is_modified(self) -> bool:
        return self._restored or not self.stack.is_clean

    def mark_restored(self) -> None:
        """A recovery copy was loaded: unsaved until the user saves it."""
        self._restored = True

    @property
    def display_name(self) -> str:
        if self.path is not None:
            return self.path.name
        return "Untitled.orgmodel"

    @property
    def is_locked(self) -> bool:
        return self._lock is not None

    # ----------------------------------------------------------------- saving
    def save(self) -> None:
        """Save to the current path; raises ``OrgModelError`` (or ``OSError``) and keeps state."""
        if self.path is None:
            raise OrgModelError("This document has no file name yet: use Save As.")
        write_model(self.model, self.path)
        self._saved()

    def save_as(self, path: str | Path) -> None:
        """Save under a new name, moving the lock there; the old file is left as it was."""
        target = Path(path).resolve()
        if target.suffix.lower() not in DOCUMENT_SUFFIXES:
            target = target.with_name(target.name + ".orgmodel")
        if target == self.path:
            self.save()
            return
        new_lock = _make_lock(target)
        new_lock.acquire()
        try:
            write_model(self.model, target)
        except BaseException:
            new_lock.release()
            raise
        self._release_lock()
        self._lock = new_lock
        self.path = target
        self._saved()

    def _saved(self) -> None:
        self.stack.set_clean()
        self._restored = False

    # ---------------------------------------------------------------- closing
    def close(self) -> None:
        """Release the lock. The model stays readable but the document should be dropped."""
        self._release_lock()

    def _release_lock(self) -> None:
        if self._lock is not None:
            try:
                self._lock.release()
            except OSError:
                pass
            self._lock = None


def open_error_sentence(path: str | Path, error: BaseException) -> str:
    """"Cannot open NAME: why." without repeating the name when the reason already has it."""
    name = Path(path).name
    reason = str(error) if isinstance(error, OrgModelError) else (
        getattr(error, "strerror", None) or str(error))
    if name in reason:
        return reason if reason.lower().startswith("cannot open") else f"Cannot open {reason[:1].lower()}{reason[1:]}"
    return f"Cannot open {name}: {reason}"
