"""The window's ``QAction``s, menus (File, Edit, View, Model, Simulation, Help) and toolbar.

``build_actions(window)`` creates every action with its standard shortcut
(``QKeySequence.StandardKey`` where one exists), connects it to the window and lays out menus and
the toolbar. Actions are returned in an ``Actions`` namespace so the window (and tests) can trigger
and update them. Other parts of the UI add their own entries to the menus through
``window.menus[name]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from orgmodel.core.kinds import EntityKind
from orgmodel.ui.icons import kind_icon

if TYPE_CHECKING:
    from orgmodel.ui.main_window import MainWindow

Key = QKeySequence.StandardKey
SP = QStyle.StandardPixmap


@dataclass
class Actions:
    """Named actions of the main window."""

    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    close: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    delete: QAction
    find: QAction
    preferences: QAction
    presentation: QAction
    simulation: QAction
    about: QAction
    recent_menu: QMenu
    embed: QAction | None = None
    examples: dict[str, QAction] = field(default_factory=dict)
    add: dict[EntityKind, QAction] = field(default_factory=dict)


def _action(window: MainWindow, text: str, slot: Any, shortcut: Any = None,
            icon: Any = None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, Key):
        action.setShortcuts(shortcut)  # every platform binding (Redo is Ctrl+Y and Ctrl+Shift+Z)
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon) if isinstance(icon, SP) else icon)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _file_menu(window: MainWindow, acts: Actions) -> None:
    menu = window.menuBar().addMenu("&File")
    window.menus["file"] = menu
    menu.addAction(acts.new)
    examples = menu.addMenu("New from &Example")
    from orgmodel.examples import list_examples

    for name, description in list_examples():
        action = _action(window, name, lambda n=name: window.files.new_from_example(n), tip=description)
        action.setToolTip(description)
        examples.addAction(action)
        acts.examples[name] = action
    examples.setToolTipsVisible(True)
    menu.addAction(acts.open)
    menu.addMenu(acts.recent_menu)
    menu.addSeparator()
    menu.addAction(acts.save)
    menu.addAction(acts.save_as)
    menu.addSeparator()
    menu.addAction(acts.close)
    menu.addAction(acts.quit)


def _model_menu(window: MainWindow, acts: Actions) -> None:
    menu = window.menuBar().addMenu("&Model")
    window.menus["model"] = menu
    labels = {
        EntityKind.TEAM: "Add &Team", EntityKind.PERSON: "Add &Person",
        EntityKind.SERVICE: "Add &Service", EntityKind.PLATFORM: "Add P&latform",
        EntityKind.PLATFORM_VERSION: "Add Platform &Version", EntityKind.FORUM: "Add &Forum",
        EntityKind.SCENARIO: "Add S&cenario",
    }
    for kind, text in labels.items():
        action = _action(window, text, lambda k=kind: window.add_entity(k), icon=kind_icon(kind))
        acts.add[kind] = action
        menu.addAction(action)
    menu.addSeparator()
    acts.embed = _action(window, "&Embed Selected Person In…", window.embed_selection,
                         icon=kind_icon(EntityKind.EMBED),
                         tip="Embed the selected engineer in another team for a few weeks")
    menu.addAction(acts.embed)
    menu.addSeparator()
    menu.addAction(acts.delete)


def build_actions(window: MainWindow) -> Actions:
    files = window.files
    acts = Actions(
        new=_action(window, "&New", files.new_document, Key.New, SP.SP_FileIcon, "Start an empty organisation"),
        open=_action(window, "&Open…", files.open_dialog, Key.Open, SP.SP_DialogOpenButton,
                     "Open a .orgmodel document or orgmodel JSON"),
        save=_action(window, "&Save", files.save, Key.Save, SP.SP_DialogSaveButton),
        save_as=_action(window, "Save &As…", files.save_as, Key.SaveAs),
        close=_action(window, "&Close", files.close_document, Key.Close),
        quit=_action(window, "&Quit", window.close, Key.Quit),
        undo=_action(window, "&Undo", window.undo, Key.Undo, SP.SP_ArrowBack),
        redo=_action(window, "&Redo", window.redo, Key.Redo, SP.SP_ArrowForward),
        delete=_action(window, "&Delete", window.delete_selection, Key.Delete, SP.SP_TrashIcon,
                       "Remove the selected entities and what hangs on them"),
        find=_action(window, "&Find…", window.focus_search, Key.Find),
        preferences=_action(window, "Pre&ferences…", window.show_preferences, Key.Preferences),
        presentation=_action(window, "&Presentation", window.start_presentation, "F5",
                             SP.SP_MediaPlay, "Show the saved views full screen"),
        simulation=_action(window, "&Simulation Workspace", window.show_simulation, "Ctrl+Shift+M"),
        about=_action(window, "&About OrgModel", window.show_about),
        recent_menu=QMenu("Open &Recent", window),
    )
    for action, fallback in ((acts.preferences, "Ctrl+,"), (acts.quit, "Ctrl+Q")):
        if action.shortcut().isEmpty():  # no platform binding (e.g. Preferences on Linux)
            action.setShortcut(QKeySequence(fallback))
    _file_menu(window, acts)
    edit = window.menuBar().addMenu("&Edit")
    window.menus["edit"] = edit
    for action in (acts.undo, acts.redo, None, acts.delete, acts.find, None, acts.preferences):
        edit.addSeparator() if action is None else edit.addAction(action)
    window.menus["view"] = window.menuBar().addMenu("&View")
    _model_menu(window, acts)
    sim = window.menuBar().addMenu("S&imulation")
    window.menus["simulation"] = sim
    sim.addAction(acts.simulation)
    from orgmodel.ui.simulation.menu import install_simulation_actions

    install_simulation_actions(window, sim)
    help_menu = window.menuBar().addMenu("&Help")
    window.menus["help"] = help_menu
    help_menu.addAction(_action(window, "&Keyboard Shortcuts", window.show_shortcuts,
                                "Ctrl+/", tip="Every shortcut of the menus"))
    help_menu.addAction(acts.about)
    help_menu.addAction(_action(window, "About &Qt", window.show_about_qt))
    _toolbar(window, acts)
    return acts


def _toolbar(window: MainWindow, acts: Actions) -> None:
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("mainToolbar")
    for action in (acts.new, acts.open, acts.save, None, acts.undo, acts.redo, None,
                   acts.add[EntityKind.TEAM], acts.add[EntityKind.PERSON], acts.add[EntityKind.SERVICE],
                   acts.delete, None, acts.presentation):
        bar.addSeparator() if action is None else bar.addAction(action)
    window.addToolBar(bar)
    window.toolbar = bar
