"""Fixtures of the pytest-qt tier: isolated settings, recorded dialogs, a main window per test.

Every test gets its own QSettings store (an INI file under ``tmp_path``) and its own recovery folder,
so nothing leaks between tests or into the developer's real settings. ``dialogs`` replaces the
static ``QMessageBox`` calls with a recorder whose answers a test can queue.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from orgmodel.ui.app import configure_application
from orgmodel.ui.settings import AppSettings
from orgmodel.ui.theme import apply_theme

SEED_JSON = Path(__file__).resolve().parents[2] / "resources" / "examples" / "seed-enterprise.json"


@pytest.fixture(autouse=True)
def isolated_settings(qapp: QApplication, tmp_path: Path) -> Iterator[AppSettings]:
    """A private QSettings store for this test (and the system theme afterwards)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QCoreApplication.setOrganizationName("OrgModelTests")
    QStandardPaths.setTestModeEnabled(True)  # recovery folders under ~/.qttest, not the user's
    configure_application(qapp, theme="system")
    yield AppSettings()
    apply_theme(qapp, "system")


class Dialogs:
    """Records message boxes; ``answers`` is a queue of buttons ``question`` returns."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[QMessageBox.StandardButton] = []

    def _record(self, kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            self.shown.append((kind, title, text))
            if kind == "question":
                if not self.answers:
                    raise AssertionError(f"unexpected question: {text}")
                return self.answers.pop(0)
            return QMessageBox.StandardButton.Ok

        return show

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _, text in self.shown if kind is None or k == kind]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    recorder = Dialogs()
    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder._record(kind)))
    return recorder


@pytest.fixture
def window(qtbot: Any, isolated_settings: AppSettings, tmp_path: Path, dialogs: Dialogs) -> Iterator[Any]:
    from orgmodel.ui.main_window import MainWindow

    win = MainWindow(settings=isolated_settings, recovery_dir=tmp_path / "recovery")
    win.show()
    yield win
    # closed here rather than by qtbot.addWidget, which would close it before we can answer
    dialogs.answers[:] = [QMessageBox.StandardButton.Discard] * 3
    win.close()
    win.document.close()
    win.deleteLater()
    # delete it now: windows left for later slow every following palette and style change
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture
def seed_window(window: Any) -> Any:
    """The window holding a fresh copy of the seed-enterprise example (untitled, unmodified)."""
    window.actions.examples["seed-enterprise"].trigger()
    return window
