"""Presentation mode: the saved views as full-screen slides, without editing chrome.

``PresentationWindow(stack, start_view_id)`` shows one view at a time, fitted to the screen, with
its name as the slide title, the legend and a slide counter. Right, Down, Page Down and Space go to
the next view; Left, Up, Page Up and Backspace to the previous one; Home and End jump to the
first and last; Escape leaves. Nothing can be edited here: the canvas is not interactive. A
model without views presents its default view as a single slide.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from orgmodel.analysis.styles import DARK_INK, DARK_PANEL, INK
from orgmodel.core.kinds import Layout
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.diagram.filters import ViewFilter
from orgmodel.ui.diagram.legend import Legend, scene_entries
from orgmodel.ui.diagram.scene import DiagramScene
from orgmodel.ui.diagram.view import DiagramView

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


class PresentationWindow(QWidget):
    """Full-screen slides of a document's saved views."""

    def __init__(self, stack: CommandStack, start_view_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("OrgModel presentation")
        self.model = stack.model
        self.slides: list[str | None] = list(self.model.views) or [None]
        self.index = self.slides.index(start_view_id) if start_view_id in self.slides else 0
        self.scene = DiagramScene(self.model, self)
        self.view = DiagramView(self.scene, self)
        self.view.setInteractive(False)
        self.view.setFrameShape(DiagramView.Shape.NoFrame)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.title = QLabel(self)
        self.counter = QLabel(self.view.viewport())
        self._style_overlays()
        self.legend = Legend(self.view.viewport(), interactive=False)
        self.view.overlay = self.legend
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.viewport_changed.connect(self._place_overlays)
        self.show_slide(self.index)

    def _style_overlays(self) -> None:
        """Title and counter in the colours of the light or the dark theme."""
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        ink, panel = (DARK_INK, DARK_PANEL) if dark else (INK, "white")
        self.title.setStyleSheet(f"font-size: 26px; font-weight: bold; color: {ink};"
                                 f"background: {panel}; padding: 14px 24px;")
        muted = "#9aa0a6" if dark else "#5b6770"
        self.counter.setStyleSheet(f"color: {muted}; font-size: 14px; background: transparent;")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_overlays()

    @property
    def view_id(self) -> str | None:
        return self.slides[self.index]

    def show_slide(self, index: int) -> None:
        self.index = max(0, min(index, len(self.slides) - 1))
        view = self.model.views.get(self.view_id) if self.view_id else None
        if view is None:
            self.scene.configure(Layout.ORG_CHART, ViewFilter(), {})
            self.title.setText(self.model.organisation.name)
        else:
            self.scene.configure(view.layout, ViewFilter.read(view.filters)[0], view.positions)
            self.title.setText(view.name)
        self.legend.set_entries(scene_entries(self.scene))
        self.counter.setText(f"{self.index + 1} / {len(self.slides)}")
        self.counter.adjustSize()
        self._fit()

    def _fit(self) -> None:
        self.view.fit(max_zoom=1.2)
        self._place_overlays()

    def _place_overlays(self) -> None:
        self.legend.place()
        viewport = self.view.viewport()
        self.counter.move(viewport.width() - self.counter.width() - 16,
                          viewport.height() - self.counter.height() - 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in NEXT_KEYS:
            self.show_slide(self.index + 1)
        elif key in PREVIOUS_KEYS:
            self.show_slide(self.index - 1)
        elif key == Qt.Key.Key_Home:
            self.show_slide(0)
        elif key == Qt.Key.Key_End:
            self.show_slide(len(self.slides) - 1)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: object) -> None:
        self.scene.close()
        super().closeEvent(event)  # type: ignore[arg-type]
