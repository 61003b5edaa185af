"""File > Import and File > Export entries of the main window.

Imports (a Backstage catalog file or folder, a CSV roster through the column-mapping dialog) read
the file into a new model and bring it into the open document as one undoable step
(``ImportModelCommand``), then show what was taken and skipped. Exports write the current diagram
view in the graph and text formats of ``orgmodel.interop.formats`` and reports (PDF, PPTX) in the
background. Every failure is one sentence in a message box; nothing half-imported stays.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from orgmodel.core.errors import OrgModelError
from orgmodel.editing.merge import ImportModelCommand

if TYPE_CHECKING:
    from orgmodel.ui.main_window import MainWindow

EXPORTS = (
    ("GraphML…", "GraphML (*.graphml)", ".graphml"),
    ("GraphML for yEd…", "yEd GraphML (*.yed.graphml)", ".yed.graphml"),
    ("GEXF (Gephi)…", "GEXF 1.3 (*.gexf)", ".gexf"),
    ("Mermaid…", "Mermaid (*.mmd)", ".mmd"),
    ("DOT (Graphviz)…", "DOT (*.dot)", ".dot"),
    ("Backstage Catalog…", "Backstage YAML (*.yaml)", ".yaml"),
    ("orgmodel JSON…", "orgmodel JSON (*.json)", ".json"),
)


class ImportExport:
    """Owns the import/export actions of one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.last_report: list[str] = []
        self.report_job: Any = None
        menu = window.menus["file"]
        anchor = next((a for a in menu.actions() if a.text().replace("&", "").startswith("Close")), None)
        imports = menu.addMenu("&Import")
        exports = menu.addMenu("E&xport")
        if anchor is not None:
            menu.insertMenu(anchor, imports)
            menu.insertMenu(anchor, exports)
            menu.insertSeparator(anchor)
        self.import_backstage_file = self._add(imports, "Backstage Catalog &File…", self.import_backstage)
        self.import_backstage_folder = self._add(imports, "Backstage Catalog F&older…", self.import_backstage_dir)
        self.import_roster = self._add(imports, "CSV &Roster…", self.import_csv_roster)
        for text, filt, ending in EXPORTS:
            self._add(exports, text, lambda _=False, f=filt, e=ending: self.export_format(f, e))
        exports.addSeparator()
        self.export_pdf = self._add(exports, "&Report as PDF…", lambda: self.export_report(".pdf"))
        self.export_pptx = self._add(exports, "Report as &PowerPoint…", lambda: self.export_report(".pptx"))

    def _add(self, menu: Any, text: str, slot: Any) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # ---------------------------------------------------------------- imports
    def _folder(self) -> str:
        path = self.window.document.path
        return str(Path(path).parent) if path else str(Path.home())

    def import_backstage(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Import Backstage catalog", self._folder(),
                                                "Backstage catalog (*.yaml *.yml)")
        if paths:
            self._import_backstage(paths)

    def import_backstage_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Import Backstage catalog folder", self._folder())
        if folder:
            self._import_backstage([folder])

    def _import_backstage(self, paths: list[str]) -> None:
        from orgmodel.interop.backstage_import import import_backstage

        answer = QMessageBox.question(
            self.window, "Import Backstage catalog",
            "Should a person's second group membership become an embed in that team?\n"
            "(No: only the first membership is kept, as the home team.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        embeds = answer == QMessageBox.StandardButton.Yes
        self._run_import(lambda: import_backstage(*paths, embeds_from_memberships=embeds),
                         f"Import Backstage catalog {Path(paths[0]).name}")

    def import_csv_roster(self) -> None:
        from orgmodel.interop.csv_table import read_table
        from orgmodel.interop.roster_import import import_roster
        from orgmodel.ui.importing.roster_dialog import RosterImportDialog

        path, _ = QFileDialog.getOpenFileName(self.window, "Import CSV roster", self._folder(),
                                              "CSV files (*.csv *.tsv *.txt)")
        if not path:
            return
        try:
            table = read_table(path)
        except OrgModelError as error:
            self._error("Import CSV roster", str(error))
            return
        dialog = RosterImportDialog(table, self.window)
        if not dialog.exec():
            return
        services, embeds = dialog.side_files()
        mapping = dialog.mapping()
        self._run_import(lambda: import_roster(path, mapping, services=services, embeds=embeds),
                         f"Import roster {Path(path).name}")

    def _run_import(self, read: Any, text: str) -> None:
        try:
            model, report = read()
            self.window.document.stack.push(ImportModelCommand(model, text))
        except OrgModelError as error:
            self._error(text, str(error))
            return
        self.last_report = report.lines()
        box = QMessageBox(QMessageBox.Icon.Information, text, self.last_report[0], parent=self.window)
        if len(self.last_report) > 1:
            box.setDetailedText("\n".join(self.last_report[1:]))
        box.exec()

    def _error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.window, title, message)

    # ---------------------------------------------------------------- exports
    def _current_view(self) -> Any:
        diagram = getattr(self.window.central, "diagram", None)
        view = getattr(diagram, "current_view", None) if diagram is not None else None
        view = view() if callable(view) else view
        return view or next(iter(self.window.document.model.views.values()), None)

    def _target(self, title: str, filt: str, ending: str) -> Path | None:
        stem = Path(self.window.document.path).stem if self.window.document.path else "organisation"
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(Path(self._folder()) / f"{stem}{ending}"), filt)
        if not path:
            return None
        target = Path(path)
        return target if target.name.lower().endswith(ending) else target.with_name(target.name + ending)

    def export_format(self, filt: str, ending: str) -> None:
        from orgmodel.interop.formats import write_any

        target = self._target("Export", filt, ending)
        if target is None:
            return
        try:
            _, summary = write_any(self.window.document.model, target, view=self._current_view())
        except OrgModelError as error:
            self._error("Export", str(error))
            return
        self.window.statusBar().showMessage(summary or f"Wrote {target.name}", 5000)

    def export_report(self, ending: str) -> None:
        from orgmodel.ui.importing.report_job import ReportJob

        filt = "PDF (*.pdf)" if ending == ".pdf" else "PowerPoint (*.pptx)"
        target = self._target("Export report", filt, ending)
        if target is None:
            return
        self.report_job = ReportJob(self.window, self.window.document.model.copy(), target)
        self.report_job.start()


def install(window: MainWindow) -> ImportExport:
    return ImportExport(window)
