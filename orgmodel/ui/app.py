"""Creating the ``QApplication``: names for ``QSettings``, high-DPI policy, icon and theme.

``create_application()`` is the only place that constructs the application object; the CLI and the
screenshot script call it, tests get theirs from pytest-qt and call ``configure_application``.
Not for windows: see ``main_window.py``.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from orgmodel.ui.icons import app_icon
from orgmodel.ui.settings import AppSettings
from orgmodel.ui.theme import apply_theme

ORGANISATION_NAME = "OrgModel"
ORGANISATION_DOMAIN = "orgmodel.org"
APPLICATION_NAME = "OrgModel"


def configure_application(app: QApplication, theme: str | None = None) -> None:
    """Names (so QSettings finds our store), icon and theme of an existing application."""
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORGANISATION_NAME)
        QCoreApplication.setOrganizationDomain(ORGANISATION_DOMAIN)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    from orgmodel import __version__

    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName(APPLICATION_NAME)
    QGuiApplication.setDesktopFileName("org.orgmodel.OrgModel")
    app.setWindowIcon(app_icon())
    apply_theme(app, theme if theme is not None else AppSettings().theme)


def create_application(argv: list[str] | None = None) -> QApplication:
    """The application object, created once (reused if one exists already)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QCoreApplication.setOrganizationName(ORGANISATION_NAME)
    QCoreApplication.setOrganizationDomain(ORGANISATION_DOMAIN)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    configure_application(app)
    return app
