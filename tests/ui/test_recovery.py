"""Autosave writes a recovery copy of unsaved changes; the next start offers to restore it."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMessageBox

from orgmodel.editing.commands import ChangeEntityCommand
from orgmodel.interop.orgjson import write_json
from orgmodel.ui.document import read_model

from .conftest import SEED_JSON

pytestmark = pytest.mark.gui
Button = QMessageBox.StandardButton


def _new_window(settings, folder):
    from orgmodel.ui.main_window import MainWindow

    return MainWindow(settings=settings, recovery_dir=folder)


def _crash(window) -> None:
    """What a crash leaves: the recovery copy stays, the lock goes with the process."""
    window.document.close()
    window.deleteLater()


def test_autosave_timer_writes_a_copy_only_when_modified(seed_window, qtbot, tmp_path) -> None:
    folder = tmp_path / "recovery"
    assert not seed_window.files.autosave()
    team_id = next(iter(seed_window.document.model.teams))
    seed_window.document.stack.push(ChangeEntityCommand(team_id, name="Autosaved"))
    seed_window.files.set_autosave_interval(1)
    qtbot.waitUntil(lambda: any(folder.glob("*.orgmodel")), timeout=5000)
    (copy,) = folder.glob("*.orgmodel")
    assert read_model(copy).teams[team_id].name == "Autosaved"
    sidecar = json.loads(copy.with_suffix(".json").read_text())
    assert sidecar["original"] is None and sidecar["name"] == "Untitled.orgmodel"


def test_saving_removes_the_recovery_copy(seed_window, tmp_path) -> None:
    team_id = next(iter(seed_window.document.model.teams))
    seed_window.document.stack.push(ChangeEntityCommand(team_id, name="Autosaved"))
    assert seed_window.files.autosave()
    assert seed_window.files.save_to(tmp_path / "saved.orgmodel")
    assert list((tmp_path / "recovery").glob("*")) == []


def test_restore_after_a_crash(window, dialogs, isolated_settings, tmp_path) -> None:
    path = tmp_path / "org.json"
    write_json(read_model(SEED_JSON), str(path))
    assert window.files.open_path(path)
    team_id = next(iter(window.document.model.teams))
    window.document.stack.push(ChangeEntityCommand(team_id, name="Unsaved work"))
    assert window.files.autosave()
    on_disk = path.read_bytes()
    _crash(window)

    again = _new_window(isolated_settings, tmp_path / "recovery")
    dialogs.answers.append(Button.Yes)
    try:
        assert again.files.offer_recovery()
        assert "org.json" in dialogs.texts("question")[-1]
        assert again.document.model.teams[team_id].name == "Unsaved work"
        assert again.document.path == path.resolve() and again.isWindowModified()
        assert path.read_bytes() == on_disk
        assert again.files.save()
        assert read_model(path).teams[team_id].name == "Unsaved work"
        assert not again.isWindowModified()
        assert again.files.recovery.pending() == []
    finally:
        again.document.close()
        again.deleteLater()


def test_discarding_the_offer_deletes_the_copy(seed_window, dialogs, isolated_settings, tmp_path) -> None:
    team_id = next(iter(seed_window.document.model.teams))
    seed_window.document.stack.push(ChangeEntityCommand(team_id, name="Lost"))
    assert seed_window.files.autosave()
    other = _new_window(isolated_settings, tmp_path / "recovery")
    try:
        dialogs.answers.append(Button.Discard)
        assert not other.files.offer_recovery()
        assert list((tmp_path / "recovery").glob("*")) == []
        assert len(other.document.model) == 0
    finally:
        other.document.close()
        other.deleteLater()


def test_copies_of_running_instances_and_broken_sidecars_are_not_offered(tmp_path) -> None:
    import os
    import subprocess
    import sys

    from orgmodel.ui.document import Document
    from orgmodel.ui.recovery import RecoveryStore

    store = RecoveryStore(tmp_path)
    document = Document(read_model(SEED_JSON))
    store.write(document)
    copy, sidecar = store.paths_for(document)
    (tmp_path / "junk.json").write_text("{not json")
    assert [e.copy for e in store.pending()] == [copy]  # ours: this process wrote it
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        info = json.loads(sidecar.read_text())
        info["pid"] = sleeper.pid  # another OrgModel that is still running
        sidecar.write_text(json.dumps(info))
        assert store.pending() == []
    finally:
        sleeper.kill()
        sleeper.wait()
    assert [e.copy for e in store.pending()] == [copy]
    assert os.path.exists(copy)
