"""The legend: what node colours, shapes and edge styles mean, for the kinds a view shows.

``Legend`` is a small translucent panel floating in a corner of the diagram view (toggle with the
toolbar's Legend button); ``paint_legend`` draws the same entries with any ``QPainter``, so exports
and presentation slides carry the legend too. Entries come from ``analysis.styles.legend_entries``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from orgmodel.analysis.styles import (
    DARK_INK,
    DARK_PANEL,
    INK,
    LegendEntry,
    edge_colour,
    legend_entries,
)
from orgmodel.ui.diagram.items import DASHES, label_font, shape_path
from orgmodel.ui.diagram.scene import DiagramScene

ROW_H = 17.0
SWATCH_W = 30.0
COLUMN_W = 196.0
PAD = 10.0
MAX_ROWS = 14


def scene_entries(scene: DiagramScene) -> list[LegendEntry]:
    """Legend lines for what the scene shows: the node styles present and the edge kinds drawn."""
    kinds = frozenset(item.data_.kind for item in scene.node_items.values())
    present = {item.style for item in scene.node_items.values()}
    edges = frozenset(item.kind for item in scene.edge_items.values())
    return [e for e in legend_entries(kinds, edges) if e.node is None or e.node in present]


def _cells(entries: list[LegendEntry]) -> list[tuple[int, int]]:
    """(column, row) of each entry: node styles fill columns first, edge styles start a new one."""
    cells: list[tuple[int, int]] = []
    col, row = 0, 0
    for i, entry in enumerate(entries):
        starts_edges = entry.edge is not None and i > 0 and entries[i - 1].edge is None
        if row == MAX_ROWS or (starts_edges and row > 0):
            col, row = col + 1, 0
        cells.append((col, row))
        row += 1
    return cells


def legend_size(entries: list[LegendEntry]) -> QSize:
    cells = _cells(entries)
    columns = max((c for c, _ in cells), default=0) + 1
    rows = max((r for _, r in cells), default=0) + 1
    return QSize(int(columns * COLUMN_W + PAD * 2), int(rows * ROW_H + PAD * 2 + 18))


def paint_legend(painter: QPainter, origin: QPointF, entries: list[LegendEntry],
                 dark: bool = False) -> None:
    """Draw a legend box with its top-left at ``origin`` (scene or device coordinates), as a
    light panel or, on the dark canvas, a dark one."""
    size = legend_size(entries)
    box = QRectF(origin, QPointF(origin.x() + size.width(), origin.y() + size.height()))
    ink = QColor(DARK_INK if dark else INK)
    painter.save()
    painter.setPen(QPen(QColor("#5a5d62" if dark else "#c4c9ce"), 1.0))
    painter.setBrush(QColor(DARK_PANEL if dark else "#ffffff"))  # opaque: no ghosts of nodes
    painter.drawRoundedRect(box, 6, 6)
    painter.setPen(ink)
    painter.setFont(label_font(True, 12.0))
    painter.drawText(QRectF(box.left() + PAD, box.top() + 4, 200, 18), Qt.AlignmentFlag.AlignLeft, "Legend")
    painter.setFont(label_font(False, 10.5))
    for entry, (col, row) in zip(entries, _cells(entries), strict=True):
        x = box.left() + PAD + col * COLUMN_W
        y = box.top() + PAD + 18 + row * ROW_H
        _swatch(painter, QRectF(x, y + 2, SWATCH_W, ROW_H - 4), entry, dark)
        painter.setPen(ink)
        painter.drawText(QRectF(x + SWATCH_W + 8, y, COLUMN_W - SWATCH_W - 10, ROW_H),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, entry.caption)
    painter.restore()


def _swatch(painter: QPainter, rect: QRectF, entry: LegendEntry, dark: bool = False) -> None:
    if entry.node is not None:
        style = entry.node
        pen = QPen(QColor(style.stroke), min(style.stroke_width, 1.6))
        if style.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(style.fill))
        painter.save()
        painter.translate(rect.center())
        painter.drawPath(shape_path(style.shape, rect.width(), rect.height()))
        painter.restore()
    elif entry.edge is not None:
        style = entry.edge
        colour = QColor(edge_colour(style, dark))
        pen = QPen(colour, style.width)
        pen.setStyle(DASHES.get(style.dash, Qt.PenStyle.SolidLine))
        painter.setPen(pen)
        y = rect.center().y()
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right() - 2, y))
        if style.arrow:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            tip = QPointF(rect.right(), y)
            painter.drawPolygon([tip, QPointF(tip.x() - 7, y - 4), QPointF(tip.x() - 7, y + 4)])


class Legend(QWidget):
    """A legend panel floating over the bottom-left of the diagram view."""

    MAX_SHARE = 0.3  # hidden while it would cover more of the view than this

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.wanted = True  # the user's choice (the toolbar's Legend toggle)
        self.entries: list[LegendEntry] = legend_entries()
        self.resize(legend_size(self.entries))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_entries(self, entries: list[LegendEntry]) -> None:
        self.entries = entries
        self.resize(legend_size(self.entries))
        self.place()
        self.update()

    def set_wanted(self, wanted: bool) -> None:
        self.wanted = wanted
        self.place()

    def place(self) -> None:
        """Bottom-left of the view; hidden when unwanted or too big for the view."""
        parent = self.parentWidget()
        if parent is None:
            return
        self.move(8, max(8, parent.height() - self.height() - 8))
        area = max(1, parent.width() * parent.height())
        fits = self.width() * self.height() <= self.MAX_SHARE * area
        self.setVisible(self.wanted and fits and bool(self.entries))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        paint_legend(painter, QPointF(0.5, 0.5), self.entries, dark)
