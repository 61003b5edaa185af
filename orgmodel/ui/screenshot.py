"""Render the main window offscreen to a PNG (``orgmodel --screenshot``, the smoke test, docs).

``grab_window`` shows a fresh main window holding a document at a fixed size, lets the event loop
settle so docks, the diagram and fonts are laid out, and saves ``window.grab()``. Not for
exporting diagrams (``orgmodel.ui.diagram.export`` does that).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from orgmodel.ui.main_window import MainWindow
from orgmodel.ui.settings import AppSettings

SETTLE_MS = 300


def grab_window(document: object, png: Path, size: tuple[int, int]) -> bool:
    """Show a fresh main window holding ``document`` at ``size``, let it settle, save a PNG."""
    window = MainWindow(settings=AppSettings(), restore=False)
    if document is not None:
        window.set_document(document)  # type: ignore[arg-type]
    window.resize(*size)
    window.show()
    loop = QEventLoop()
    QTimer.singleShot(SETTLE_MS, loop.quit)
    loop.exec()
    QApplication.processEvents()
    png.parent.mkdir(parents=True, exist_ok=True)
    ok = bool(window.grab().save(str(png), "PNG"))
    window.document.close()
    window.hide()
    window.deleteLater()
    QApplication.processEvents()
    return ok
