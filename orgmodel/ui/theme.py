"""Light, dark and system themes: a Fusion palette plus a small stylesheet from resources/styles.

``apply_theme(app, name)`` can be called at any time (the preferences dialog does so when the user
changes the theme). "system" keeps the platform's own style and palette. Not for per-widget colours
of the diagram: the diagram reads the palette itself.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from orgmodel.resources_path import resource

_SYSTEM: dict[str, object] = {}

_DARK = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.ToolTipBase: "#2b2d30",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8c8c8c",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#34363a",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Light: "#45474b",
    QPalette.ColorRole.Midlight: "#3a3c40",
    QPalette.ColorRole.Mid: "#8a8d92",
    QPalette.ColorRole.Dark: "#1a1b1d",
    QPalette.ColorRole.Shadow: "#000000",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#6ea8fe",
    QPalette.ColorRole.LinkVisited: "#b48ef0",
}

_LIGHT = {
    QPalette.ColorRole.Window: "#f3f3f3",
    QPalette.ColorRole.WindowText: "#1e1e1e",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f6f7f9",
    QPalette.ColorRole.ToolTipBase: "#fdfdf5",
    QPalette.ColorRole.ToolTipText: "#1e1e1e",
    QPalette.ColorRole.PlaceholderText: "#7a7a7a",
    QPalette.ColorRole.Text: "#1e1e1e",
    QPalette.ColorRole.Button: "#ececec",
    QPalette.ColorRole.ButtonText: "#1e1e1e",
    QPalette.ColorRole.BrightText: "#c62828",
    QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#e3e3e3",
    QPalette.ColorRole.Mid: "#a0a0a0",
    QPalette.ColorRole.Dark: "#8a8a8a",
    QPalette.ColorRole.Shadow: "#4a4a4a",
    QPalette.ColorRole.Highlight: "#2f65ca",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#1f5fbf",
    QPalette.ColorRole.LinkVisited: "#7b3fb8",
}


def _palette(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(colours[QPalette.ColorRole.Mid])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def _stylesheet(name: str) -> str:
    parts = []
    for file in ("common.qss", f"{name}.qss"):
        path = resource("styles", file)
        if path.is_file():
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def is_dark(app: QApplication) -> bool:
    """Whether the current palette is dark (for code that picks its own colours)."""
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply_theme(app: QApplication, name: str) -> None:
    """Switch the whole application to the "light", "dark" or "system" theme."""
    if _SYSTEM.get("applied") == name:
        return  # re-polishing every widget for nothing is slow with big windows open
    if not _SYSTEM:
        _SYSTEM["style"] = app.style().name()
        _SYSTEM["palette"] = QPalette(app.palette())
    _SYSTEM["applied"] = name
    if name == "dark":
        app.setStyle("Fusion")
        app.setPalette(_palette(_DARK))
    elif name == "light":
        app.setStyle("Fusion")
        app.setPalette(_palette(_LIGHT))
    else:
        app.setStyle(str(_SYSTEM["style"]))
        app.setPalette(_SYSTEM["palette"])  # type: ignore[arg-type]
        name = "dark" if is_dark(app) else "light"
    app.setStyleSheet(_stylesheet(name))
