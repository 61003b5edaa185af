"""File > Import and File > Export as a user drives them: dialogs answered, document and undo checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from orgmodel.core.kinds import Role
from orgmodel.ui.importing import menu as menu_module
from orgmodel.ui.importing.roster_dialog import RosterImportDialog

DATA = Path(__file__).resolve().parents[2] / "data"
SHARED = Path(__file__).resolve().parents[4] / "shared" / "data" / "backstage-examples"

pytestmark = pytest.mark.gui


@pytest.fixture
def quiet_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    return shown


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data is not beside the project")
def test_import_backstage_catalog_is_one_undoable_step(window: Any, dialogs: Any, quiet_boxes: list[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    files = [str(SHARED / "all.yaml"), str(SHARED / "acme-corp.yaml")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (files, "")))
    dialogs.answers.append(QMessageBox.StandardButton.No)
    window.import_export.import_backstage_file.trigger()
    model = window.document.model
    assert len(model.teams) == 8 and len(model.services) == 12
    assert quiet_boxes and quiet_boxes[0].startswith("Imported 8 teams, 17 people, 12 services")
    assert any("owner 'guest'" in line for line in window.import_export.last_report)
    assert window.document.is_modified
    window.document.stack.undo()
    assert len(model) == 0


def test_import_roster_with_a_corrected_role(window: Any, quiet_boxes: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    roster = DATA / "rosters" / "workday-style.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(roster), "")))

    def answer(dialog: RosterImportDialog) -> int:
        assert dialog.column("manager_id") == "Manager ID"  # detected
        combo = dialog.role_combos["Backend Developer"]
        combo.setCurrentIndex(list(Role).index(Role.SRE_SWE))  # the user corrects a guess
        return 1

    monkeypatch.setattr(RosterImportDialog, "exec", answer)
    window.import_export.import_roster.trigger()
    people = window.document.model.people
    assert len(people) == 15
    assert people["E005"].role is Role.SRE_SWE  # corrected
    assert people["E003"].role is Role.SOFTWARE_ENGINEER  # inferred


def test_a_broken_roster_is_one_sentence_and_changes_nothing(window: Any, dialogs: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    bad = DATA / "roster-bad" / "ragged.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    monkeypatch.setattr(RosterImportDialog, "exec", lambda dialog: 1)
    window.import_export.import_roster.trigger()
    assert dialogs.texts("warning") == ["ragged.csv:3: the row has 5 fields but the header has 3."]
    assert len(window.document.model) == 0 and not window.document.stack.can_undo


def test_export_graphml_of_the_document(window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgmodel.editing.merge import ImportModelCommand
    from orgmodel.examples import load_example

    window.document.stack.push(ImportModelCommand(load_example("startup")))
    target = tmp_path / "org"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.import_export.export_format("GraphML (*.graphml)", ".graphml")
    graph = nx.read_graphml(tmp_path / "org.graphml")
    assert graph.number_of_nodes() > 10


@pytest.mark.slow
def test_export_report_pdf_in_the_background(window: Any, qtbot: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from orgmodel.editing.merge import ImportModelCommand
    from orgmodel.examples import load_example
    from orgmodel.ui.importing import report_job

    monkeypatch.setattr(report_job, "REPORT_RUNS", 4)
    window.document.stack.push(ImportModelCommand(load_example("startup")))
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.import_export.export_report(".pdf")
    job = window.import_export.report_job
    qtbot.waitUntil(lambda: bool(job.message), timeout=120_000)
    assert job.message.startswith("Wrote report.pdf"), job.message
    assert target.read_bytes()[:5] == b"%PDF-"


def test_menu_entries_exist(window: Any) -> None:
    texts = [a.text() for a in window.menus["file"].actions()]
    assert "&Import" in texts and "E&xport" in texts
    assert menu_module.EXPORTS
