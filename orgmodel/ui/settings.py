"""Typed access to the application's ``QSettings``: preferences, recent files, window state.

Every value the application remembers between runs goes through ``AppSettings`` so the keys and
defaults are in one place and tests can isolate them (``QSettings.setPath`` to a temporary folder).
Not for document content: that lives in the document.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

THEMES = ("system", "light", "dark")
MAX_RECENT = 8
DEFAULT_AUTOSAVE_SECONDS = 60
LEGEND_CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


def _flag(value: object) -> bool:
    """A boolean read back from QSettings (INI files give the strings 'true'/'false')."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


class AppSettings:
    """Preferences and remembered state, stored in the platform's settings store."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else QSettings()

    # ------------------------------------------------------------ preferences
    @property
    def theme(self) -> str:
        value = str(self.qsettings.value("appearance/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self.qsettings.setValue("appearance/theme", value if value in THEMES else "system")

    @property
    def autosave_seconds(self) -> int:
        """Seconds between recovery copies; 0 turns autosave off."""
        try:
            value = int(self.qsettings.value("documents/autosave_seconds", DEFAULT_AUTOSAVE_SECONDS))
        except (TypeError, ValueError):
            return DEFAULT_AUTOSAVE_SECONDS
        return max(0, min(value, 3600))

    @autosave_seconds.setter
    def autosave_seconds(self, value: int) -> None:
        self.qsettings.setValue("documents/autosave_seconds", int(max(0, min(value, 3600))))

    @property
    def default_scenario(self) -> str:
        return str(self.qsettings.value("simulation/default_scenario", "") or "")

    @default_scenario.setter
    def default_scenario(self, value: str) -> None:
        self.qsettings.setValue("simulation/default_scenario", value)

    # ------------------------------------------------------------ the diagram's legend
    @property
    def legend_shown(self) -> bool:
        return _flag(self.qsettings.value("diagram/legend_shown", True))

    @legend_shown.setter
    def legend_shown(self, value: bool) -> None:
        self.qsettings.setValue("diagram/legend_shown", bool(value))

    @property
    def legend_collapsed(self) -> bool:
        return _flag(self.qsettings.value("diagram/legend_collapsed", False))

    @legend_collapsed.setter
    def legend_collapsed(self, value: bool) -> None:
        self.qsettings.setValue("diagram/legend_collapsed", bool(value))

    @property
    def legend_corner(self) -> str:
        value = str(self.qsettings.value("diagram/legend_corner", "bottom-left"))
        return value if value in LEGEND_CORNERS else "bottom-left"

    @legend_corner.setter
    def legend_corner(self, value: str) -> None:
        self.qsettings.setValue("diagram/legend_corner",
                                value if value in LEGEND_CORNERS else "bottom-left")

    # ------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self.qsettings.value("documents/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> list[str]:
        text = str(Path(path).resolve())
        files = [text] + [f for f in self.recent_files() if f != text]
        self._set_recent(files[:MAX_RECENT])
        return self.recent_files()

    def remove_recent_file(self, path: str | Path) -> None:
        text = str(path)
        self._set_recent([f for f in self.recent_files() if f != text])

    def clear_recent_files(self) -> None:
        self._set_recent([])

    def _set_recent(self, files: list[str]) -> None:
        self.qsettings.setValue("documents/recent", files)

    # ------------------------------------------------------------ window state
    def window_geometry(self) -> QByteArray | None:
        value = self.qsettings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.qsettings.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)

    def sync(self) -> None:
        self.qsettings.sync()
