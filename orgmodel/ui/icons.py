"""Icons of the application: the app icon and one per entity kind, from resources/icons/*.svg.

Icons are loaded once and cached; a missing file gives an empty icon rather than an error, so a
stripped bundle still starts. Severity icons come from the platform style (``QStyle``).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from orgmodel.core.kinds import EntityKind, TeamKind
from orgmodel.resources_path import resource

_KIND_FILES = {
    EntityKind.TEAM: "team",
    EntityKind.PERSON: "person",
    EntityKind.SERVICE: "service",
    EntityKind.PLATFORM: "platform",
    EntityKind.PLATFORM_VERSION: "version",
    EntityKind.EMBED: "embed",
    EntityKind.DEPENDENCY: "service",
    EntityKind.FORUM: "forum",
    EntityKind.SCENARIO: "scenario",
    EntityKind.VIEW: "view",
}


@cache
def named_icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def app_icon() -> QIcon:
    return named_icon("orgmodel")


def kind_icon(kind: EntityKind, team_kind: TeamKind | None = None) -> QIcon:
    """The icon of an entity kind; group teams (divisions) get a folder-like icon."""
    if kind is EntityKind.TEAM and team_kind is TeamKind.GROUP:
        return named_icon("group")
    return named_icon(_KIND_FILES[kind])


def folder_icon() -> QIcon:
    return named_icon("folder")


def severity_icon(severity: str) -> QIcon:
    """Error, warning or information icon of the current style."""
    style = QApplication.style()
    pixmap = {
        "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
        "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    }.get(severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
    return style.standardIcon(pixmap)
