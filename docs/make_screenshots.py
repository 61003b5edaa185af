"""Render the screenshots in docs/screenshots/ from the real application, offscreen.

Run ``python docs/make_screenshots.py`` (or ``--only NAME`` for one shot, ``--out DIR`` elsewhere).
Each shot is a function registered with ``@shot("file-name")``: it receives a fresh ``MainWindow``
already holding the seed-enterprise example at 1400x900 and arranges it (select something, switch
tab, open a dock); the script then lets the event loop settle and saves the window as PNG. A shot
may also return another widget to grab instead (a presentation window, a dialog). Settings are
isolated in a temporary folder so the developer's own preferences never leak into the pictures.
To add a shot (a layout, presentation mode, the simulation workspace), add a function below.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1400, 900)
HERE = Path(__file__).resolve().parent
Shot = Callable[[Any], Any]
SHOTS: dict[str, tuple[Shot, str]] = {}


def shot(name: str, theme: str = "light", example: str = "seed-enterprise") -> Callable[[Shot], Shot]:
    """Register a screenshot ``name``.png taken in ``theme`` on the bundled ``example``."""

    def register(function: Shot) -> Shot:
        SHOTS[name] = (function, f"{theme}:{example}")
        return function

    return register


def settle(ms: int = 250) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.processEvents()


def select_team(window: Any, name: str) -> None:
    team = next(t for t in window.document.model.teams.values() if t.name == name)
    window.hub.select([team.id], "screenshot", focus=True)


# ------------------------------------------------------------------ the shots
@shot("main-window")
def main_window(window: Any) -> None:
    """The seed organisation with a team selected: explorer, diagram, inspector, findings."""
    select_team(window, "Payments")
    window.findings.view.setCurrentIndex(window.findings.items.index(0, 1))


@shot("main-window-dark", theme="dark")
def main_window_dark(window: Any) -> None:
    select_team(window, "Site Reliability Engineering")


@shot("inspector-service")
def inspector_service(window: Any) -> None:
    """A service in the inspector (support, SRE team, platform version, load overrides)."""
    service = next(iter(window.document.model.services.values()))
    window.hub.select([service.id], "screenshot", focus=True)
    window.history.raise_()


@shot("preferences")
def preferences(window: Any) -> Any:
    """The preferences dialog (theme, autosave, default scenario), grabbed on its own."""
    from orgmodel.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.settings, window)
    dialog.show()
    return dialog


@shot("explorer-search")
def explorer_search(window: Any) -> None:
    """Searching the explorer keeps the matches and the teams they sit in."""
    window.explorer.search.setText("sre")
    window.findings.view.setCurrentIndex(window.findings.items.index(0, 1))


# ------------------------------------------------------------------- running
def take(name: str, out: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    from orgmodel.examples import load_example
    from orgmodel.ui.app import configure_application
    from orgmodel.ui.document import Document
    from orgmodel.ui.main_window import MainWindow
    from orgmodel.ui.settings import AppSettings

    function, spec = SHOTS[name]
    theme, example = spec.split(":", 1)
    app = QApplication.instance()
    configure_application(app, theme=theme)  # type: ignore[arg-type]
    window = MainWindow(settings=AppSettings(), recovery_dir=Path(tempfile.mkdtemp()), restore=False)
    window.set_document(Document(load_example(example)))
    window.resize(*SIZE)
    window.show()
    settle()
    target = function(window) or window
    settle()
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.png"
    if not target.grab().save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    if target is not window:
        target.close()
    window.document.close()
    window.hide()
    window.deleteLater()
    settle(10)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    parser.add_argument("--only", action="append", choices=sorted(SHOTS), help="one shot (repeatable)")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QCoreApplication, QSettings

    from orgmodel.ui.app import create_application

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    create_application([sys.argv[0]])
    QCoreApplication.setOrganizationName("OrgModelScreenshots")
    for name in args.only or list(SHOTS):
        print(take(name, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
