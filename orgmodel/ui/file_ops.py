"""File operations of the main window: new, open, save, save as, close, recent files, recovery.

``FileOperations`` asks the questions (QFileDialog, QMessageBox, all static calls so tests can
monkeypatch them), calls ``Document`` to do the work and hands the resulting document to the
window. Every failure becomes one sentence in a message box; the file on disk is never touched by
a failed open, and a failed save leaves the old file whole (saves are atomic). Autosave writes a
recovery copy on a timer while the document has unsaved changes; ``offer_recovery`` brings copies
left by a crash back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from orgmodel.core.errors import OrgModelError
from orgmodel.ui.document import Document, open_error_sentence
from orgmodel.ui.recovery import RecoveryStore

if TYPE_CHECKING:
    from orgmodel.ui.main_window import MainWindow

FILTERS = "OrgModel documents (*.orgmodel);;orgmodel JSON (*.json)"
OPEN_FILTERS = "OrgModel files (*.orgmodel *.json);;OrgModel documents (*.orgmodel);;orgmodel JSON (*.json)"
Button = QMessageBox.StandardButton


def default_recovery_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".orgmodel") / "recovery"


def _problem(error: BaseException) -> str:
    if isinstance(error, OrgModelError):
        return str(error)
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror or error}{where}."
    return str(error)


class FileOperations(QObject):
    """The document life cycle of one window."""

    def __init__(self, window: MainWindow, recovery_dir: Path | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.recovery = RecoveryStore(recovery_dir or default_recovery_dir())
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)

    # ------------------------------------------------------------ questions
    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    def maybe_save(self) -> bool:
        """Ask Save/Discard/Cancel when there are unsaved changes; True when it is safe to go on."""
        document = self.window.document
        if not document.is_modified:
            return True
        answer = QMessageBox.question(
            self.window,
            "Unsaved changes",
            f"Save the changes to {document.display_name} before closing it?",
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    # ----------------------------------------------------------------- new
    def new_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.window.set_document(Document())
        return True

    def new_from_example(self, name: str) -> bool:
        if not self.maybe_save():
            return False
        from orgmodel.examples import load_example

        try:
            model = load_example(name)
        except OrgModelError as error:
            self._warn("New from example", str(error))
            return False
        self.window.set_document(Document(model))
        return True

    # ---------------------------------------------------------------- open
    def open_dialog(self) -> bool:
        start = str(self.window.document.path.parent) if self.window.document.path else ""
        path, _ = QFileDialog.getOpenFileName(self.window, "Open", start, OPEN_FILTERS)
        return bool(path) and self.open_path(path)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open a file in this window; a bad or locked file is one message, nothing changes."""
        target = Path(path).resolve()
        current = self.window.document
        if current.path == target:
            return True
        if ask and not self.maybe_save():
            return False
        try:
            document = Document.open(target)
        except (OrgModelError, OSError) as error:
            self._warn("Cannot open", open_error_sentence(target, error))
            if not target.exists():
                self.window.settings.remove_recent_file(target)
                self.window.update_recent_menu()
            return False
        self.window.set_document(document)
        self.window.settings.add_recent_file(target)
        self.window.update_recent_menu()
        self.window.statusBar().showMessage(f"Opened {target.name}", 4000)
        return True

    # ---------------------------------------------------------------- save
    def save(self) -> bool:
        document = self.window.document
        if document.path is None:
            return self.save_as()
        try:
            document.save()
        except (OrgModelError, OSError) as error:
            self._warn("Cannot save", f"Cannot save {document.display_name}: {_problem(error)}")
            return False
        self._saved(document)
        return True

    def save_as(self) -> bool:
        document = self.window.document
        start = str(document.path) if document.path else document.display_name
        path, _ = QFileDialog.getSaveFileName(self.window, "Save As", start, FILTERS)
        if not path:
            return False
        return self.save_to(path)

    def save_to(self, path: str | Path) -> bool:
        document = self.window.document
        old_key = self.recovery.paths_for(document)
        try:
            document.save_as(path)
        except (OrgModelError, OSError) as error:
            self._warn("Cannot save", f"Cannot save as {Path(path).name}: {_problem(error)}")
            return False
        for leftover in old_key:
            leftover.unlink(missing_ok=True)
        self._saved(document)
        return True

    def _saved(self, document: Document) -> None:
        self.recovery.remove(document)
        if document.path is not None:
            self.window.settings.add_recent_file(document.path)
            self.window.update_recent_menu()
        self.window.update_title()
        self.window.statusBar().showMessage(f"Saved {document.display_name}", 4000)

    # --------------------------------------------------------------- close
    def close_document(self) -> bool:
        """File > Close: back to an empty untitled document."""
        if not self.maybe_save():
            return False
        self.window.set_document(Document())
        return True

    def release(self, document: Document) -> None:
        """The window is done with ``document``: drop its recovery copy and its lock."""
        self.recovery.remove(document)
        document.close()

    # ------------------------------------------------------------ autosave
    def set_autosave_interval(self, seconds: int) -> None:
        if seconds <= 0:
            self.autosave_timer.stop()
        else:
            self.autosave_timer.start(seconds * 1000)

    def autosave(self) -> bool:
        """Write a recovery copy if there are unsaved changes; True when one was written."""
        document = self.window.document
        if not document.is_modified:
            self.recovery.remove(document)
            return False
        try:
            self.recovery.write(document)
        except (OrgModelError, OSError) as error:
            self.window.statusBar().showMessage(f"Autosave failed: {_problem(error)}", 8000)
            return False
        self.window.statusBar().showMessage("Recovery copy saved", 2000)
        return True

    def offer_recovery(self) -> bool:
        """Offer each copy a crash left behind; True when one was restored into the window."""
        for entry in self.recovery.pending():
            answer = QMessageBox.question(
                self.window,
                "Restore unsaved changes?",
                "OrgModel did not close properly last time. Restore the unsaved changes of "
                f"{entry.describe()}?\n\nDiscard deletes the recovery copy.",
                Button.Yes | Button.Discard | Button.Cancel,
                Button.Yes,
            )
            if answer == Button.Discard:
                self.recovery.discard(entry)
            elif answer == Button.Yes:
                try:
                    document = self.recovery.restore(entry)
                except (OrgModelError, OSError) as error:
                    self._warn("Cannot restore", f"The recovery copy cannot be read: {_problem(error)}")
                    continue
                self.window.set_document(document)
                return True
        return False
