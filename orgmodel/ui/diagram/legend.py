"""The legend: what node colours, shapes and edge styles mean, for the kinds a view shows.

``Legend`` is a small panel floating in a corner of the diagram view (toggle with the toolbar's
Legend button or View > Show Legend; click its title to collapse it, drag it to another corner);
``paint_legend`` draws the same entries with any ``QPainter``, so exports
and presentation slides carry the legend too. Entries come from ``analysis.styles.legend_entries``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QMenu, QWidget

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
TITLE_H = 24.0  # the title row: clicking it collapses or expands the legend
MARGIN = 8  # from the view's edges
COLLAPSED_SIZE = QSize(100, 28)
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")


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
    """A legend panel floating in a corner of the diagram view (bottom-left at first).

    The user may hide it (toolbar, View > Show Legend), collapse it to its title by clicking the
    title, drag it to another corner (it snaps to the nearest) or do either from its context
    menu; ``state_changed`` reports such changes so the window can remember them. A legend made
    with ``interactive=False`` (presentation slides) lets every click through.
    """

    MAX_SHARE = 0.3  # hidden while it would cover more of the view than this
    state_changed = Signal()

    def __init__(self, parent: QWidget, interactive: bool = True) -> None:
        super().__init__(parent)
        self.wanted = True  # the user's choice (the toolbar's Legend toggle)
        self.collapsed = False
        self.corner = "bottom-left"
        self.entries: list[LegendEntry] = legend_entries()
        self._press: QPointF | None = None  # where a left press began (widget coordinates)
        self._dragging = False
        self.interactive = interactive
        self.resize(self._size())
        if interactive:
            self.setMouseTracking(True)
            self.setToolTip("Click the title to collapse or expand the legend; drag it to "
                            "another corner; right-click for more.")
        else:
            self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    # ----------------------------------------------------------------- state
    def _size(self) -> QSize:
        return COLLAPSED_SIZE if self.collapsed else legend_size(self.entries)

    def set_entries(self, entries: list[LegendEntry]) -> None:
        self.entries = entries
        self.resize(self._size())
        self.place()
        self.update()

    def set_wanted(self, wanted: bool) -> None:
        changed = wanted != self.wanted
        self.wanted = wanted
        self.place()
        if changed:
            self.state_changed.emit()

    def set_collapsed(self, collapsed: bool) -> None:
        if collapsed == self.collapsed:
            return
        self.collapsed = collapsed
        self.resize(self._size())
        self.place()
        self.update()
        self.state_changed.emit()

    def set_corner(self, corner: str) -> None:
        corner = corner if corner in CORNERS else "bottom-left"
        changed = corner != self.corner
        self.corner = corner
        self.place()
        if changed:
            self.state_changed.emit()

    def restore(self, wanted: bool, collapsed: bool, corner: str) -> None:
        """Show the legend as the user left it (no ``state_changed``)."""
        blocked = self.blockSignals(True)
        try:
            self.set_collapsed(collapsed)
            self.set_corner(corner)
            self.set_wanted(wanted)
        finally:
            self.blockSignals(blocked)

    @property
    def at_left(self) -> bool:
        return self.corner.endswith("left")

    @property
    def at_top(self) -> bool:
        return self.corner.startswith("top")

    def place(self) -> None:
        """In its corner of the view; hidden when unwanted or too big for the view."""
        parent = self.parentWidget()
        if parent is None or self._dragging:
            return
        x = MARGIN if self.at_left else parent.width() - self.width() - MARGIN
        y = MARGIN if self.at_top else parent.height() - self.height() - MARGIN
        self.move(max(MARGIN, x), max(MARGIN, y))
        area = max(1, parent.width() * parent.height())
        fits = self.collapsed or self.width() * self.height() <= self.MAX_SHARE * area
        self.setVisible(self.wanted and fits and bool(self.entries))

    # ----------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        if self.collapsed:
            _paint_title_only(painter, QRectF(0.5, 0.5, self.width() - 1.0, self.height() - 1.0),
                              dark)
        else:
            paint_legend(painter, QPointF(0.5, 0.5), self.entries, dark)
        if self.interactive:  # a slide's legend cannot be collapsed: no affordance
            _chevron(painter, QPointF(self.width() - PAD - 6, TITLE_H / 2.0 + 1), self.collapsed,
                     dark)

    # ----------------------------------------------------------------- mouse
    def _on_title(self, point: QPointF) -> bool:
        return self.collapsed or point.y() <= TITLE_H

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            title = self._on_title(event.position())
            self.setCursor(Qt.CursorShape.PointingHandCursor if title
                           else Qt.CursorShape.OpenHandCursor)
            return
        travel = (event.position() - self._press).manhattanLength()
        if not self._dragging and travel >= QApplication.startDragDistance():
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._dragging and self.parentWidget() is not None:
            parent = self.parentWidget()
            top_left = self.mapToParent((event.position() - self._press).toPoint())
            self.move(max(0, min(top_left.x(), parent.width() - self.width())),
                      max(0, min(top_left.y(), parent.height() - self.height())))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        press, self._press = self._press, None
        if self._dragging:
            self._dragging = False
            self.unsetCursor()
            self.set_corner(self.nearest_corner())
            self.place()
        elif self._on_title(press):
            self.set_collapsed(not self.collapsed)
        event.accept()

    def nearest_corner(self) -> str:
        """The corner of the view nearest to where the legend is now (after a drag)."""
        parent = self.parentWidget()
        if parent is None:
            return self.corner
        centre = self.geometry().center()
        vertical = "top" if centre.y() < parent.height() / 2 else "bottom"
        horizontal = "left" if centre.x() < parent.width() / 2 else "right"
        return f"{vertical}-{horizontal}"

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu().exec(event.globalPos())
        event.accept()

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction("Expand Legend" if self.collapsed else "Collapse Legend",
                       lambda: self.set_collapsed(not self.collapsed))
        corners = menu.addMenu("Move to")
        for corner in CORNERS:
            action = corners.addAction(corner.replace("-", " ").capitalize(),
                                       lambda c=corner: self.set_corner(c))
            action.setCheckable(True)
            action.setChecked(corner == self.corner)
        menu.addSeparator()
        menu.addAction("Hide Legend", lambda: self.set_wanted(False))
        return menu


def _paint_title_only(painter: QPainter, box: QRectF, dark: bool) -> None:
    painter.save()
    painter.setPen(QPen(QColor("#5a5d62" if dark else "#c4c9ce"), 1.0))
    painter.setBrush(QColor(DARK_PANEL if dark else "#ffffff"))
    painter.drawRoundedRect(box, 6, 6)
    painter.setPen(QColor(DARK_INK if dark else INK))
    painter.setFont(label_font(True, 12.0))
    painter.drawText(QRectF(box.left() + PAD, box.top() + 4, 200, 18), Qt.AlignmentFlag.AlignLeft,
                     "Legend")
    painter.restore()


def _chevron(painter: QPainter, centre: QPointF, collapsed: bool, dark: bool) -> None:
    """A small triangle beside the title: pointing right when collapsed, down when open."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#9aa0a6" if dark else "#5f6368"))
    x, y = centre.x(), centre.y()
    if collapsed:
        points = [QPointF(x - 3, y - 5), QPointF(x + 3, y), QPointF(x - 3, y + 5)]
    else:
        points = [QPointF(x - 5, y - 3), QPointF(x + 5, y - 3), QPointF(x, y + 3)]
    painter.drawPolygon(points)
    painter.restore()
