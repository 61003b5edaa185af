"""The main window: menus, toolbar, status bar, the docks and the central tabs around a Document.

The window owns one ``Document`` at a time (``set_document``) and hands its command stack to the
explorer, inspector, findings, metrics and history docks and to the central tabs; a shared
``SelectionHub`` keeps their selections in step. File operations live in ``file_ops.py``, model
operations (add, delete, embed) in ``edit_ops.py``, the actions and menus in ``actions.py``. The title shows the file name with Qt's modified mark
("name.orgmodel* — OrgModel"), which follows ``Document.is_modified``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QToolBar, QWidget

from orgmodel.core.errors import OrgModelError
from orgmodel.core.kinds import EntityKind
from orgmodel.core.model import describe
from orgmodel.ui.actions import build_actions
from orgmodel.ui.central import CentralTabs, load_class
from orgmodel.ui.document import Document
from orgmodel.ui.edit_ops import EditOperations
from orgmodel.ui.explorer.dock import ExplorerDock
from orgmodel.ui.file_ops import FileOperations
from orgmodel.ui.findings_dock import FindingsDock
from orgmodel.ui.history_dock import HistoryDock
from orgmodel.ui.importing.menu import install as install_import_export
from orgmodel.ui.inspector.dock import InspectorDock
from orgmodel.ui.metrics_dock import MetricsDock
from orgmodel.ui.selection import SelectionHub
from orgmodel.ui.settings import AppSettings

SOURCE = "window"
Area = Qt.DockWidgetArea


class MainWindow(QMainWindow):
    """One document in a window with the explorer, inspector, findings, metrics and history."""

    def __init__(self, settings: AppSettings | None = None, recovery_dir: Path | None = None,
                 parent: QWidget | None = None, restore: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or AppSettings()
        self.document = Document()
        self.menus: dict[str, QMenu] = {}
        self.toolbar: QToolBar | None = None
        self.presentation: Any = None
        self.hub = SelectionHub(self)
        self.files = FileOperations(self, recovery_dir)
        self.edits = EditOperations(self)
        self.central = CentralTabs(self.hub, self, settings=self.settings)
        self.setCentralWidget(self.central)
        self.explorer = ExplorerDock(self.hub, self)
        self.inspector = InspectorDock(self.hub, self)
        self.findings = FindingsDock(self.hub, self)
        self.metrics = MetricsDock(self)
        self.history = HistoryDock(self)
        self._place_docks()
        self.actions = build_actions(self)
        self.import_export = install_import_export(self)
        self._view_menu()
        self._context_menus()
        self._status_bar()
        self.hub.changed.connect(self._on_selection)
        self._default_size()
        if restore:
            self._restore_window()
            self.files.set_autosave_interval(self.settings.autosave_seconds)
        self.set_document(self.document)
        self.update_recent_menu()

    # ------------------------------------------------------------------ layout
    def _place_docks(self) -> None:
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self.setCorner(Qt.Corner.BottomLeftCorner, Area.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Area.RightDockWidgetArea)
        self.addDockWidget(Area.LeftDockWidgetArea, self.explorer)
        self.addDockWidget(Area.RightDockWidgetArea, self.inspector)
        self.addDockWidget(Area.RightDockWidgetArea, self.metrics)
        self.addDockWidget(Area.RightDockWidgetArea, self.history)
        self.tabifyDockWidget(self.metrics, self.history)
        self.metrics.raise_()
        self.addDockWidget(Area.BottomDockWidgetArea, self.findings)
        self.resizeDocks([self.explorer, self.inspector], [350, 340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.inspector, self.metrics], [520, 300], Qt.Orientation.Vertical)
        self.resizeDocks([self.findings], [240], Qt.Orientation.Vertical)

    def _view_menu(self) -> None:
        menu = self.menus["view"]
        for dock in (self.explorer, self.inspector, self.findings, self.metrics, self.history):
            menu.addAction(dock.toggleViewAction())
        if self.toolbar is not None:
            menu.addAction(self.toolbar.toggleViewAction())
        menu.addSeparator()
        self.legend_action = menu.addAction("Show &Legend")
        self.legend_action.setCheckable(True)
        self.legend_action.setChecked(self.settings.legend_shown)
        self.legend_action.setToolTip("The diagram's legend (click its title to collapse it, "
                                      "drag it to another corner)")
        self.legend_action.toggled.connect(self._show_legend)
        self.central.legend_shown_changed.connect(self.legend_action.setChecked)
        menu.addSeparator()
        menu.addAction(self.actions.presentation)

    def _show_legend(self, shown: bool) -> None:
        self.settings.legend_shown = shown
        diagram = self.central.diagram
        if diagram is not None and hasattr(diagram, "legend"):
            diagram.legend.set_wanted(shown)

    def _context_menus(self) -> None:
        """Right-click in the explorer: add next to the clicked row, delete it."""
        view = self.explorer.view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        adds = [self.actions.add[k] for k in (EntityKind.TEAM, EntityKind.PERSON, EntityKind.SERVICE)]
        separator = QAction(self)
        separator.setSeparator(True)
        view.addActions([*adds, separator, self.actions.delete])

    def _status_bar(self) -> None:
        self.selection_label = QLabel()
        self.findings_label = QLabel()
        self.statusBar().addPermanentWidget(self.selection_label)
        self.statusBar().addPermanentWidget(self.findings_label)
        self.findings.counts_changed.connect(self._on_counts)

    def _default_size(self) -> None:
        """1400x900, or nine tenths of a smaller screen (first start, before any saved geometry)."""
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is None or room.isEmpty():
            self.resize(1400, 900)
        else:
            self.resize(min(1400, int(room.width() * 0.9)), min(900, int(room.height() * 0.9)))

    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    # --------------------------------------------------------------- document
    def set_document(self, document: Document) -> None:
        """Show ``document`` in the window, releasing the one shown before."""
        old = self.document
        if old is not document:
            old.stack.changed.disconnect(self._on_stack_changed)
            self.files.release(old)
        self.document = document
        document.stack.changed.connect(self._on_stack_changed)
        self.hub.select([], SOURCE)
        self.explorer.set_stack(document.stack)
        self.explorer.source.drop_refused.connect(self._on_drop_refused)  # type: ignore[union-attr]
        self.inspector.set_stack(document.stack)
        self.findings.set_stack(document.stack)
        self.metrics.set_stack(document.stack)
        self.history.set_stack(document.stack)
        self.central.set_stack(document.stack)
        self._sync_presentation_shortcut()
        self._on_stack_changed()

    def _on_stack_changed(self, _payload: Any = None) -> None:
        stack = self.document.stack
        self.actions.undo.setEnabled(stack.can_undo)
        self.actions.redo.setEnabled(stack.can_redo)
        self.actions.undo.setText(f"&Undo {stack.undo_text}" if stack.can_undo else "&Undo")
        self.actions.redo.setText(f"&Redo {stack.redo_text}" if stack.can_redo else "&Redo")
        self.update_title()
        self.hub.forget_missing(stack.model)

    def update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — OrgModel")
        self.setWindowModified(self.document.is_modified)

    def update_recent_menu(self) -> None:
        menu = self.actions.recent_menu
        menu.clear()
        files = self.settings.recent_files()
        for number, path in enumerate(files, start=1):
            action = menu.addAction(f"&{number} {Path(path).name}")
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.files.open_path(p))
        if files:
            menu.addSeparator()
            menu.addAction("Clear Menu", self._clear_recent)
        menu.setEnabled(bool(files))

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self.update_recent_menu()

    # ------------------------------------------------------------------- edit
    def undo(self) -> None:
        if self.document.stack.can_undo:
            self.document.stack.undo()

    def redo(self) -> None:
        if self.document.stack.can_redo:
            self.document.stack.redo()

    def push(self, command: Any) -> bool:
        """Push a command; a refusal becomes one message box. True when applied."""
        try:
            self.document.stack.push(command)
        except OrgModelError as error:
            QMessageBox.warning(self, "Cannot do that", str(error))
            return False
        return True

    def delete_selection(self) -> None:
        self.edits.delete_selection()

    def add_entity(self, kind: EntityKind) -> str | None:
        return self.edits.add_entity(kind)

    def embed_selection(self) -> bool:
        return self.edits.embed_selected_person()

    def focus_search(self) -> None:
        self.explorer.show()
        self.explorer.raise_()
        self.explorer.search.setFocus()
        self.explorer.search.selectAll()

    # ---------------------------------------------------------------- windows
    def show_preferences(self) -> None:
        from orgmodel.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec():
            self.files.set_autosave_interval(self.settings.autosave_seconds)

    def _diagram_present_action(self) -> Any:
        controls = getattr(self.central.diagram, "controls", None)
        return getattr(controls, "present_action", None)

    def _sync_presentation_shortcut(self) -> None:
        """F5 belongs to the diagram's own Present action when there is one (no ambiguity)."""
        if self._diagram_present_action() is not None:
            self.actions.presentation.setShortcut(QKeySequence())
            self.actions.presentation.setText("&Presentation\tF5")
        else:
            self.actions.presentation.setShortcut(QKeySequence("F5"))
            self.actions.presentation.setText("&Presentation")

    def start_presentation(self) -> None:
        action = self._diagram_present_action()
        if action is not None:
            action.trigger()
            return
        cls = load_class("orgmodel.ui.diagram.presentation", "PresentationWindow")
        if cls is None:
            QMessageBox.information(self, "Presentation", "Presentation mode is not available in this build.")
            return
        if self.presentation is not None:
            self.presentation.close()
        self.presentation = cls(self.document.stack)
        self.presentation.showFullScreen()

    def show_simulation(self) -> None:
        self.central.show_simulation()

    def show_about(self) -> None:
        from orgmodel import __version__

        QMessageBox.about(self, "About OrgModel", f"<b>OrgModel {__version__}</b><br>Model engineering "
                          "organisations (platform, automation, software and SRE teams) and simulate "
                          "their support load.<br>Apache-2.0.")

    def show_shortcuts(self) -> None:
        from orgmodel.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(list(self.menus.values()), self).exec()

    def show_about_qt(self) -> None:
        QMessageBox.aboutQt(self)

    # ----------------------------------------------------------------- events
    def _on_selection(self, ids: list[str], _source: str) -> None:
        model = self.document.model
        entities = [model.find(i) for i in ids]
        names = [describe(e) for e in entities if e is not None]
        if not names:
            self.selection_label.setText("")
        elif len(names) == 1:
            self.selection_label.setText(names[0])
        else:
            self.selection_label.setText(f"{len(names)} selected")

    def _on_counts(self, errors: int, warnings: int, infos: int) -> None:
        self.findings_label.setText(f"{errors} errors · {warnings} warnings · {infos} notes")

    def _on_drop_refused(self, message: str) -> None:
        QMessageBox.warning(self, "Cannot do that", message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        self.files.release(self.document)
        if self.presentation is not None:
            self.presentation.close()
        event.accept()
