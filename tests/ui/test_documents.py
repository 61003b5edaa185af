"""Documents as a user handles them: new, open, save, save as, close, recent files, locks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from orgmodel.core.errors import OrgModelError
from orgmodel.editing.commands import ChangeEntityCommand
from orgmodel.examples import load_example
from orgmodel.interop.orgjson import write_json
from orgmodel.ui.document import Document, read_model

from .conftest import SEED_JSON

pytestmark = pytest.mark.gui
Button = QMessageBox.StandardButton


def _save_as(monkeypatch: pytest.MonkeyPatch, window, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.actions.save_as.trigger()


def _rename_first_team(window, name: str = "Renamed") -> str:
    team_id = next(iter(window.document.model.teams))
    window.document.stack.push(ChangeEntityCommand(team_id, name=name))
    return team_id


def test_new_from_example_is_untitled_and_unmodified(seed_window) -> None:
    model = seed_window.document.model
    assert model.snapshot() == load_example("seed-enterprise").snapshot()
    assert len(model.teams) > 10 and len(model.people) > 50
    assert seed_window.windowTitle() == "Untitled.orgmodel[*] — OrgModel"
    assert not seed_window.isWindowModified()
    assert seed_window.explorer.source.rowCount() > 0


def test_edit_marks_title_modified_and_undo_clears_it(seed_window) -> None:
    _rename_first_team(seed_window)
    assert seed_window.isWindowModified()
    seed_window.actions.undo.trigger()
    assert not seed_window.isWindowModified()


def test_save_as_writes_a_file_that_reopens_equal(seed_window, monkeypatch, tmp_path) -> None:
    _rename_first_team(seed_window, "Platform Ops")
    target = tmp_path / "harbour.orgmodel"
    _save_as(monkeypatch, seed_window, target)
    assert target.is_file()
    assert read_model(target).snapshot() == seed_window.document.model.snapshot()
    assert seed_window.windowTitle() == "harbour.orgmodel[*] — OrgModel"
    assert not seed_window.isWindowModified()
    assert seed_window.settings.recent_files()[0] == str(target.resolve())


def test_save_as_json_then_save_again(seed_window, monkeypatch, tmp_path) -> None:
    target = tmp_path / "harbour.json"
    _save_as(monkeypatch, seed_window, target)
    team_id = _rename_first_team(seed_window, "Second name")
    seed_window.actions.save.trigger()
    assert read_model(target).teams[team_id].name == "Second name"
    assert not seed_window.isWindowModified()


def test_open_json_from_dialog(window, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(SEED_JSON), "")))
    window.actions.open.trigger()
    assert window.document.path == SEED_JSON.resolve()
    assert window.document.model.snapshot() == read_model(SEED_JSON).snapshot()
    assert window.windowTitle().startswith("seed-enterprise.json")


def test_corrupt_file_is_one_message_and_stays_intact(window, dialogs, tmp_path) -> None:
    bad = tmp_path / "broken.orgmodel"
    bad.write_bytes(b"this is not a database at all" * 10)
    before = bad.read_bytes()
    assert not window.files.open_path(bad)
    (message,) = dialogs.texts("warning")
    assert message.startswith("Cannot open") and "broken.orgmodel" in message and "\n" not in message
    assert "Traceback" not in message
    assert bad.read_bytes() == before
    assert window.document.path is None


def test_close_with_unsaved_changes_asks(seed_window, dialogs, monkeypatch, tmp_path) -> None:
    _rename_first_team(seed_window)
    dialogs.answers.append(Button.Cancel)
    assert not seed_window.close()
    assert seed_window.isVisible() and seed_window.isWindowModified()
    target = tmp_path / "kept.orgmodel"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialogs.answers.append(Button.Save)
    assert seed_window.close()
    assert "Save the changes to Untitled.orgmodel" in dialogs.texts("question")[-1]
    assert read_model(target).snapshot() == seed_window.document.model.snapshot()


def test_file_close_discards_after_asking(seed_window, dialogs) -> None:
    _rename_first_team(seed_window)
    dialogs.answers.append(Button.Discard)
    seed_window.actions.close.trigger()
    assert len(seed_window.document.model) == 0
    assert not seed_window.isWindowModified()


def test_new_without_changes_does_not_ask(seed_window, dialogs) -> None:
    seed_window.actions.new.trigger()
    assert dialogs.texts("question") == []
    assert len(seed_window.document.model.teams) == 0


def test_recent_files_menu_opens_a_file(window, tmp_path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for path in (first, second):
        write_json(read_model(SEED_JSON), str(path))
        assert window.files.open_path(path)
    assert window.settings.recent_files()[:2] == [str(second), str(first)]
    entries = [a for a in window.actions.recent_menu.actions() if a.text().startswith("&")]
    assert [a.text() for a in entries] == ["&1 b.json", "&2 a.json"]
    entries[1].trigger()
    assert window.document.path == first


def test_second_document_on_the_same_file_is_refused(window, dialogs, tmp_path, qtbot) -> None:
    path = tmp_path / "shared.json"
    write_json(read_model(SEED_JSON), str(path))
    assert window.files.open_path(path)
    with pytest.raises(OrgModelError, match="open in another OrgModel"):
        Document.open(path)
    from orgmodel.ui.main_window import MainWindow

    other = MainWindow(settings=window.settings, recovery_dir=tmp_path / "rec2")
    assert not other.files.open_path(path)
    assert "open in another OrgModel" in dialogs.texts("warning")[-1]
    window.actions.close.trigger()
    assert other.files.open_path(path)
    other.document.close()
    other.deleteLater()


def test_failed_save_is_one_message_and_keeps_the_old_file(seed_window, dialogs, monkeypatch, tmp_path) -> None:
    target = tmp_path / "kept.orgmodel"
    assert seed_window.files.save_to(target)
    before = target.read_bytes()
    _rename_first_team(seed_window, "Not saved")

    def full_disk(model, path):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr("orgmodel.ui.document.write_model", full_disk)
    seed_window.actions.save.trigger()
    (message,) = dialogs.texts("warning")
    assert message.startswith("Cannot save kept.orgmodel: No space left on device")
    assert target.read_bytes() == before
    assert seed_window.isWindowModified()


def test_save_as_into_a_missing_folder_is_refused_cleanly(seed_window, dialogs, tmp_path) -> None:
    assert not seed_window.files.save_to(tmp_path / "no-such-folder" / "x.orgmodel")
    assert "Cannot save as x.orgmodel" in dialogs.texts("warning")[-1]
    assert seed_window.document.path is None
