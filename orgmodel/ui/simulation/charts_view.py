"""The simulation charts embedded in tabs: one ``FigureCanvasQTAgg`` per chart of ``reporting.charts``.

Each tab draws one chart function of ``orgmodel.reporting.charts.CHARTS`` into its own
``matplotlib.figure.Figure`` (never pyplot) from one results dict or a list of up to three
``(label, results)`` pairs. matplotlib is imported here, and this module is imported only when the
simulation workspace is first built, so start-up stays fast. Only the visible tab is drawn; the
others are drawn when shown, and a resized chart is redrawn (after a short pause) so that its
margins, which the chart functions compute in inches, fit the new size. Not for exporting files.
"""

from __future__ import annotations

import logging
from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabWidget, QWidget

from orgmodel.reporting import style
from orgmodel.reporting.charts import CHARTS

TAB_TITLES = {
    "ops_fraction": "Ops fraction",
    "pages": "Pages per shift",
    "services": "Services by support",
    "headcount": "Headcount && ratio",
    "maturity": "Maturity && complexity",
    "embed_wait": "Embed wait",
}
log = logging.getLogger(__name__)
MIN_DPI = 64.0
FIT_INCHES = (11.1, 5.4)  # the widest legend (ops fraction, one scenario) is 10.9 in
EMPTY_TEXT = "Run a simulation: its charts appear here."


class ChartCanvas(FigureCanvasQTAgg):
    """A canvas that asks to be redrawn once its size settles."""

    def __init__(self, key: str, on_resized: Any) -> None:
        super().__init__(
            Figure(figsize=style.FIGSIZE, dpi=style.DPI_SCREEN, facecolor=style.BACKGROUND)
        )
        self.setObjectName(f"chart:{key}")
        self.key = key
        self.setMinimumSize(420, 220)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(lambda: on_resized(self))

    def sizeHint(self) -> QSize:
        # matplotlib's hint follows the figure's size, which follows the widget: a fixed hint
        # keeps layouts (a scroll area above all) from chasing their own tail
        return QSize(900, 500)

    def minimumSizeHint(self) -> QSize:
        return self.minimumSize()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The charts are laid out for a 10 x 5.6 inch page: on a small canvas use fewer dots per
        # inch (smaller type) rather than let legends and titles spill over the edges.
        size = event.size()
        dpi = max(
            MIN_DPI,
            min(
                float(style.DPI_SCREEN), size.width() / FIT_INCHES[0], size.height() / FIT_INCHES[1]
            ),
        )
        # (matplotlib sends a resize event after a device-ratio change too, so this reruns then)
        self.figure.set_dpi(dpi * self.device_pixel_ratio)
        super().resizeEvent(event)
        self._timer.start()


class ChartTabs(QTabWidget):
    """Six chart tabs over one data set (one results dict, or (label, results) pairs)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartTabs")
        self.data: Any = None
        self.canvases: dict[str, ChartCanvas] = {}
        self._stacks: dict[str, QStackedWidget] = {}
        self._drawn: set[str] = set()
        for key in CHARTS:
            canvas = ChartCanvas(key, self._on_resized)
            empty = QLabel(EMPTY_TEXT)
            empty.setObjectName("placeholder")
            empty.setWordWrap(True)
            stack = QStackedWidget(self)
            stack.addWidget(empty)
            stack.addWidget(canvas)
            self.canvases[key] = canvas
            self._stacks[key] = stack
            self.addTab(stack, TAB_TITLES.get(key, key))
            self.setTabToolTip(self.count() - 1, CHARTS[key][1])
        self.currentChanged.connect(lambda _i: self._draw_current())

    @property
    def current_key(self) -> str:
        return list(CHARTS)[self.currentIndex()]

    def figure(self, key: str | None = None) -> Figure:
        return self.canvases[key or self.current_key].figure

    def set_data(self, data: Any) -> None:
        """Show ``data`` (None clears the charts); draws the visible tab now, the rest when shown."""
        self.data = data
        self._drawn.clear()
        for stack in self._stacks.values():
            stack.setCurrentIndex(0 if data is None else 1)
        self._draw_current()

    def _draw_current(self) -> None:
        if self.data is not None and self.current_key not in self._drawn:
            self.draw(self.current_key)

    def draw(self, key: str) -> None:
        canvas = self.canvases[key]
        function = CHARTS[key][0]
        try:
            function(self.data, canvas.figure)
        except Exception as error:  # a chart bug must not take the workspace down
            log.exception("chart %s failed", key)
            canvas.figure.clear()
            canvas.figure.text(
                0.5,
                0.5,
                f"This chart could not be drawn ({error}).",
                ha="center",
                va="center",
                wrap=True,
                **style.font(style.LABEL_SIZE, style.MUTED),
            )
        canvas.draw_idle()
        self._drawn.add(key)

    def _on_resized(self, canvas: ChartCanvas) -> None:
        if self.data is None:
            return
        if canvas.key == self.current_key:
            self.draw(canvas.key)
        else:
            self._drawn.discard(canvas.key)
