"""Render the screenshots in docs/screenshots/ from the real application, offscreen.

Run ``python docs/make_screenshots.py`` (or ``--only NAME`` for one shot, ``--out DIR`` elsewhere).
Each shot is a function registered with ``@shot("file-name")``: it receives a fresh ``MainWindow``
already holding the seed-enterprise example at 1400x900 and arranges it (select something, switch
tab, open a dock); the script then lets the event loop settle and saves the window as PNG. A shot
may also return another widget to grab instead (a presentation window, a dialog). Settings are
isolated in a temporary folder so the developer's own preferences never leak into the pictures.
To add a shot, add a function below. "simulation" (the workspace with results of three scenarios,
about a minute) comes from ``make_screenshots_simulation.py``; ``--runs`` sets its runs.
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


def view_id(window: Any, name: str) -> str:
    return next(v.id for v in window.document.model.views.values() if v.name == name)


def team_id(window: Any, name: str) -> str:
    return next(t.id for t in window.document.model.teams.values() if t.name == name)


def diagram_only(window: Any) -> Any:
    """Close the docks a user would close to give the diagram the whole window."""
    for dock in (window.explorer, window.inspector, window.findings, window.metrics, window.history):
        dock.hide()
    settle()
    return window.central.diagram


def zoom_on(diagram: Any, zoom: float, *ids: str) -> None:
    """Zoom to a level where labels are drawn, centred on the nodes ``ids`` (or the middle)."""
    centre = diagram.scene.items_rect(list(ids) if ids else None).center()
    diagram.view.set_zoom(zoom, centre)
    settle()


# ------------------------------------------------------------------ the shots
@shot("main-window")
def main_window(window: Any) -> None:
    """The seed organisation with a team selected: explorer, diagram, inspector, findings.
    The diagram shows the saved view "SRE and its services", fitted to the SRE team and the
    services it supports (the whole organisation would be too small to label)."""
    diagram = window.central.diagram
    diagram.set_view(view_id(window, "SRE and its services"))
    select_team(window, "Site Reliability Engineering")
    window.findings.view.setCurrentIndex(window.findings.items.index(0, 1))
    sre = team_id(window, "Site Reliability Engineering")
    supported = [s.id for s in window.document.model.services.values() if s.sre_team == sre]
    settle()
    diagram.view.fit(diagram.scene.items_rect([sre, *supported]))  # the team and what it runs


@shot("main-window-dark", theme="dark")
def main_window_dark(window: Any) -> None:
    """The dark theme: the org chart of Infrastructure & Reliability, the SRE team selected."""
    diagram = window.central.diagram
    diagram.show_subtree(team_id(window, "Infrastructure & Reliability"))
    zoom_on(diagram, 0.7, team_id(window, "Automation Engineering"),
            team_id(window, "Site Reliability Engineering"))
    select_team(window, "Site Reliability Engineering")


@shot("layout-org-chart")
def layout_org_chart(window: Any) -> Any:
    """The org chart (tidy tree), filtered to the Product Engineering subtree and fitted."""
    diagram = diagram_only(window)
    diagram.show_subtree(team_id(window, "Product Engineering"))
    settle()
    return window


def saved_view_fitted(window: Any, name: str) -> Any:
    """The diagram alone on a saved view, fitted whole."""
    diagram = diagram_only(window)
    diagram.set_view(view_id(window, name))
    settle()
    diagram.view.fit()
    return window


@shot("layout-platform-stack")
def layout_platform_stack(window: Any) -> Any:
    """The saved "Platform stack" view: platforms at the bottom, then SRE, automation, software."""
    return saved_view_fitted(window, "Platform stack")


@shot("layout-force")
def layout_force(window: Any) -> Any:
    """The force-directed layout on the saved "SRE and its services" view."""
    return saved_view_fitted(window, "SRE and its services")


@shot("layout-platform-stack-dark", theme="dark")
def layout_platform_stack_dark(window: Any) -> Any:
    """The dark theme on the canvas: dark background, lighter edges, a dark legend."""
    return layout_platform_stack(window)


@shot("presentation")
def presentation(window: Any) -> Any:
    """Presentation mode (F5) at 1600x900 on the saved "Platform stack" view."""
    from orgmodel.ui.diagram.presentation import PresentationWindow

    slides = PresentationWindow(window.document.stack, view_id(window, "Platform stack"))
    slides.resize(1600, 900)
    slides.show()
    settle()
    slides.show_slide(slides.index)
    return slides


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


def take_simulation(out: Path, runs: int) -> Path:
    """docs/screenshots/simulation.png: the simulation workspace with results, made by
    ``make_screenshots_simulation.py`` (it runs three presets through the Run button)."""
    sys.path.insert(0, str(HERE))
    from make_screenshots_simulation import make

    return make(out, runs)  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE / "screenshots")
    parser.add_argument("--only", action="append", choices=[*sorted(SHOTS), "simulation"],
                        help="one shot (repeatable)")
    parser.add_argument("--runs", type=int, default=300, help="runs per simulated scenario")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QCoreApplication, QSettings

    from orgmodel.ui.app import create_application

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    create_application([sys.argv[0]])
    QCoreApplication.setOrganizationName("OrgModelScreenshots")
    for name in args.only or [*SHOTS, "simulation"]:
        print(take_simulation(args.out, args.runs) if name == "simulation" else take(name, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
