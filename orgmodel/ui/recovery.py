"""Recovery copies of unsaved documents, written by autosave and offered again after a crash.

Each modified document is written to ``<folder>/<key>.orgmodel`` (the key is a hash of the file's
path, or the untitled document's own key) with a small JSON sidecar ``<key>.json`` naming the
original file, the display name, the time and the writing process. Saving or closing a document
removes its copy, so copies found at start-up were left by a crash (or by another instance that is
still running: those whose process is alive are skipped). Qt-free; the window owns the timer.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from orgmodel.core.errors import OrgModelError
from orgmodel.core.fileio import write_text_atomic
from orgmodel.core.model import OrgModel
from orgmodel.ui.document import Document, read_model, write_model


@dataclass(frozen=True)
class RecoveryEntry:
    """A recovery copy on disk: the copy, its sidecar, and what it was a copy of."""

    copy: Path
    sidecar: Path
    original: Path | None
    name: str
    saved_at: str
    pid: int

    def describe(self) -> str:
        where = str(self.original) if self.original else "an untitled document"
        return f"{self.name} ({where}), autosaved {self.saved_at}"


def _pid_alive(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


class RecoveryStore:
    """Reads and writes recovery copies in one folder."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def key_for(self, document: Document) -> str:
        source = str(document.path) if document.path is not None else document.key
        return hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]

    def paths_for(self, document: Document) -> tuple[Path, Path]:
        key = self.key_for(document)
        return self.folder / f"{key}.orgmodel", self.folder / f"{key}.json"

    def write(self, document: Document) -> Path:
        """Write (or replace) the recovery copy of ``document``; returns the copy's path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        copy, sidecar = self.paths_for(document)
        write_model(document.model, copy)
        info = {
            "original": str(document.path) if document.path else None,
            "name": document.display_name,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "pid": os.getpid(),
        }
        write_text_atomic(sidecar, json.dumps(info, indent=2))
        return copy

    def remove(self, document: Document) -> None:
        for path in self.paths_for(document):
            path.unlink(missing_ok=True)

    def discard(self, entry: RecoveryEntry) -> None:
        entry.copy.unlink(missing_ok=True)
        entry.sidecar.unlink(missing_ok=True)

    def pending(self) -> list[RecoveryEntry]:
        """Copies left behind by processes that are no longer running, newest first."""
        if not self.folder.is_dir():
            return []
        found: list[RecoveryEntry] = []
        for sidecar in self.folder.glob("*.json"):
            entry = self._read_entry(sidecar)
            if entry is not None and not _pid_alive(entry.pid):
                found.append(entry)
        return sorted(found, key=lambda e: e.saved_at, reverse=True)

    def _read_entry(self, sidecar: Path) -> RecoveryEntry | None:
        copy = sidecar.with_suffix(".orgmodel")
        try:
            info = json.loads(sidecar.read_text(encoding="utf-8"))
            original = info.get("original")
            return RecoveryEntry(
                copy=copy,
                sidecar=sidecar,
                original=Path(original) if original else None,
                name=str(info.get("name") or copy.name),
                saved_at=str(info.get("saved_at") or ""),
                pid=int(info.get("pid") or 0),
            )
        except (OSError, ValueError, TypeError, AttributeError):
            return None

    def restore(self, entry: RecoveryEntry) -> Document:
        """A modified, untitled-or-original-path document holding the copy's model.

        The original file is not opened or changed; saving the restored document writes to it.
        Raises ``OrgModelError`` when the copy itself is unreadable.
        """
        model: OrgModel = read_model(entry.copy)
        document = Document(model, None)
        if entry.original is not None:
            document = _with_original(model, entry.original)
        document.mark_restored()
        self.discard(entry)
        return document


def _with_original(model: OrgModel, original: Path) -> Document:
    """Reattach a restored model to its original path; untitled if another instance holds it."""
    document = Document(model, None)
    try:
        document.attach(original)
    except OrgModelError:
        pass
    return document
