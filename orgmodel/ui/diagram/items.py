"""The canvas items: one ``NodeItem`` per visible node, one ``EdgeItem`` per visible edge.

Items are thin: they hold the node's data and style (from ``analysis.styles``), paint themselves
with a level of detail (a plain coloured box when zoomed far out, no text below a readable size,
no shadows ever) and keep their edges' paths up to date when they move. They never touch the
model: the scene creates, updates and removes them when the model changes, and interactions push
commands.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from orgmodel.analysis.layouts import INDENT, LEAF_TOP_GAP, V_GAP
from orgmodel.analysis.styles import (
    HIGHLIGHT,
    INK,
    MUTED_INK,
    SELECTION,
    EdgeStyle,
    NodeStyle,
    edge_style,
    node_style,
)
from orgmodel.ui.diagram.graphdata import EdgeData, NodeData

TEXT_LOD = 0.42  # below this scale labels are unreadable: skip them
BOX_LOD = 0.18  # below this scale nodes are plain rectangles
DASHES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine,
          "dot": Qt.PenStyle.DotLine, "dashdot": Qt.PenStyle.DashDotLine}


@cache
def label_font(bold: bool, size: float = 12.0) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(int(size))
    font.setBold(bold)
    return font


@cache
def shape_path(shape: str, width: float, height: float) -> QPainterPath:
    """The outline of a node shape centred on (0, 0)."""
    w, h = width / 2.0, height / 2.0
    path = QPainterPath()
    rect = QRectF(-w, -h, width, height)
    if shape == "pill":
        path.addRoundedRect(rect, h, h)
    elif shape == "hexagon":
        d = h * 0.6
        path.addPolygon(QPolygonF([QPointF(-w + d, -h), QPointF(w - d, -h), QPointF(w, 0),
                                   QPointF(w - d, h), QPointF(-w + d, h), QPointF(-w, 0)]))
        path.closeSubpath()
    elif shape == "octagon":
        d = h * 0.45
        path.addPolygon(QPolygonF([QPointF(-w + d, -h), QPointF(w - d, -h), QPointF(w, -h + d),
                                   QPointF(w, h - d), QPointF(w - d, h), QPointF(-w + d, h),
                                   QPointF(-w, h - d), QPointF(-w, -h + d)]))
        path.closeSubpath()
    elif shape == "tag":
        d = h * 0.7
        path.addPolygon(QPolygonF([QPointF(-w, -h), QPointF(w - d, -h), QPointF(w, 0),
                                   QPointF(w - d, h), QPointF(-w, h)]))
        path.closeSubpath()
    elif shape == "cylinder":
        e = min(8.0, h * 0.5)
        path.moveTo(-w, -h + e / 2)
        path.arcTo(QRectF(-w, -h, width, e), 180, -180)
        path.lineTo(w, h - e / 2)
        path.arcTo(QRectF(-w, h - e, width, e), 0, -180)
        path.closeSubpath()
        path.moveTo(-w, -h + e / 2)
        path.arcTo(QRectF(-w, -h, width, e), 180, 180)
    else:
        path.addRoundedRect(rect, 8, 8)
    return path


class NodeItem(QGraphicsItem):
    """A node box: shape, colours and label from its style; selectable and movable."""

    def __init__(self, data: NodeData, caption: str = "") -> None:
        super().__init__()
        self.edges: list[EdgeItem] = []
        self.highlighted = False
        self.collapsed_count = 0
        self.data_: NodeData = data
        self.caption = caption
        self.style: NodeStyle = node_style(data.kind, data.sub)
        self._elided = ""
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(1.0)
        self.set_data(data, caption)

    @property
    def node_id(self) -> str:
        return self.data_.id

    def set_data(self, data: NodeData, caption: str = "") -> None:
        # Every style of one kind has the same size, so the bounding rect never changes here
        # (and PySide 6.12's prepareGeometryChange leaks a reference to None on every call).
        self.data_, self.caption = data, caption
        self.style = node_style(data.kind, data.sub)
        metrics = QFontMetricsF(label_font(self.style.bold, self._font_size()))
        mode = Qt.TextElideMode.ElideMiddle if data.kind == "platform_version" else Qt.TextElideMode.ElideRight
        self._elided = metrics.elidedText(data.label, mode,
                                          self.style.width - self._text_margin() * 2)
        self.setToolTip(f"{data.label}\n{caption}" if caption else data.label)
        self.update()

    def _font_size(self) -> float:
        return 13.0 if self.data_.kind == "team" else 11.5

    def _text_margin(self) -> float:
        return {"hexagon": 14.0, "tag": 14.0, "pill": 12.0, "octagon": 12.0}.get(self.style.shape, 9.0)

    def box(self) -> QRectF:
        w, h = self.style.width, self.style.height
        return QRectF(-w / 2.0, -h / 2.0, w, h)

    def boundingRect(self) -> QRectF:
        return self.box().adjusted(-4, -4, 4, 4)

    def shape(self) -> QPainterPath:
        return shape_path(self.style.shape, self.style.width, self.style.height)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        style = self.style
        selected = self.isSelected()
        if lod < BOX_LOD:
            colour = SELECTION if selected else HIGHLIGHT if self.highlighted else style.stroke
            painter.fillRect(self.box(), QColor(colour))
            return
        if self.highlighted:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(HIGHLIGHT))
            painter.drawRoundedRect(self.box().adjusted(-4, -4, 4, 4), 10, 10)
        pen = QPen(QColor(SELECTION if selected else style.stroke),
                   style.stroke_width + (1.6 if selected else 0.0))
        if style.dashed and not selected:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(style.fill)))
        painter.drawPath(self.shape())
        if lod >= TEXT_LOD:
            self._paint_text(painter)
        if self.collapsed_count:
            self._paint_badge(painter)

    def _paint_text(self, painter: QPainter) -> None:
        painter.setPen(QColor(self.style.text))
        painter.setFont(label_font(self.style.bold, self._font_size()))
        margin = self._text_margin()
        rect = self.box().adjusted(margin, 2, -margin, -2)
        if self.caption and self.data_.kind == "team":
            top = QRectF(rect.left(), rect.top() + 3, rect.width(), rect.height() / 2)
            painter.drawText(top, Qt.AlignmentFlag.AlignCenter, self._elided)
            painter.setPen(QColor(MUTED_INK))
            painter.setFont(label_font(False, 11.0))
            bottom = QRectF(rect.left(), rect.center().y(), rect.width(), rect.height() / 2 - 3)
            painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, self.caption)
        else:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._elided)

    def _paint_badge(self, painter: QPainter) -> None:
        box = self.box()
        badge = QRectF(box.right() - 30, box.bottom() - 9, 34, 18)
        painter.setPen(QPen(QColor(INK), 1.0))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(badge, 9, 9)
        painter.setFont(label_font(True, 10.0))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, f"+{self.collapsed_count}")

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.adjust()
        return value  # not super().itemChange(): in PySide6 it over-releases None (none_dealloc abort)


def _clip_to_box(inside: QPointF, outside: QPointF, box: QRectF) -> QPointF:
    """Where the segment from the box centre ``inside`` towards ``outside`` leaves the box."""
    dx, dy = outside.x() - inside.x(), outside.y() - inside.y()
    if dx == 0 and dy == 0:
        return inside
    tx = (box.width() / 2.0) / abs(dx) if dx else float("inf")
    ty = (box.height() / 2.0) / abs(dy) if dy else float("inf")
    t = min(tx, ty, 1.0)
    return QPointF(inside.x() + dx * t, inside.y() + dy * t)


class EdgeItem(QGraphicsPathItem):
    """A relation drawn between two node items, routed by its kind (tree, comb or straight).

    The path given to ``setPath`` includes the arrow head so the item's bounding rect covers it;
    ``paint`` strokes the line and fills the head.
    """

    def __init__(self, data: EdgeData, source: NodeItem, target: NodeItem) -> None:
        super().__init__()
        self.data_ = data
        self.source, self.target = source, target
        self.style: EdgeStyle = edge_style(data.kind)
        self.line_path = QPainterPath()
        self.arrow = QPolygonF()
        self.orthogonal = True  # tree and comb routes (tidy layouts); straight lines otherwise
        self.setZValue(0.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        pen = QPen(QColor(self.style.colour), self.style.width)
        pen.setStyle(DASHES.get(self.style.dash, Qt.PenStyle.SolidLine))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self.setPen(pen)
        source.edges.append(self)
        target.edges.append(self)
        self.adjust()

    def detach(self) -> None:
        for node in (self.source, self.target):
            if self in node.edges:
                node.edges.remove(self)

    def adjust(self) -> None:
        a = self.source.sceneBoundingRect().adjusted(4, 4, -4, -4)
        b = self.target.sceneBoundingRect().adjusted(4, 4, -4, -4)
        upper, lower = (a, b) if a.center().y() <= b.center().y() else (b, a)
        routing = self.style.routing if self.orthogonal else "line"
        if routing == "tree" and lower.top() - upper.bottom() > 8:
            path = _tree_path(upper, lower)
        elif routing == "comb" and lower.top() - upper.bottom() > 8:
            path = _comb_path(upper, lower)
        elif routing == "line":
            path = QPainterPath(_clip_to_box(a.center(), b.center(), a))
            path.lineTo(_clip_to_box(b.center(), a.center(), b))
        else:
            path = _arc_path(a, b)
        self.line_path = path
        self.arrow = self._arrow_head() if self.style.arrow else QPolygonF()
        whole = QPainterPath(path)
        if not self.arrow.isEmpty():
            whole.addPolygon(self.arrow)
        self.setPath(whole)

    def _arrow_head(self) -> QPolygonF:
        path = self.line_path
        count = path.elementCount()
        if count < 2:
            return QPolygonF()
        tip = QPointF(path.elementAt(count - 1).x, path.elementAt(count - 1).y)
        back = QPointF(path.elementAt(count - 2).x, path.elementAt(count - 2).y)
        line = QLineF(tip, back)
        if line.length() < 1:
            return QPolygonF()
        size = 6.0 + self.style.width * 2
        left, right = QLineF(line), QLineF(line)
        left.setLength(size)
        right.setLength(size)
        left.setAngle(line.angle() + 25)
        right.setAngle(line.angle() - 25)
        return QPolygonF([tip, left.p2(), right.p2()])

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setPen(self.pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.line_path)
        if not self.arrow.isEmpty() and option.levelOfDetailFromTransform(painter.worldTransform()) > BOX_LOD:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.style.colour))
            painter.drawPolygon(self.arrow)


def _arc_path(a: QRectF, b: QRectF) -> QPainterPath:
    """A gentle arc from box ``a`` to box ``b`` (bulging up, or right when mostly vertical)."""
    ca, cb = a.center(), b.center()
    dx, dy = cb.x() - ca.x(), cb.y() - ca.y()
    length = (dx * dx + dy * dy) ** 0.5
    if length < 1:
        return QPainterPath(ca)
    bend = min(0.18 * length, 160.0)
    nx, ny = dy / length, -dx / length  # a perpendicular
    if (abs(dx) >= abs(dy) and ny > 0) or (abs(dx) < abs(dy) and nx < 0):
        nx, ny = -nx, -ny
    control = QPointF((ca.x() + cb.x()) / 2 + nx * bend, (ca.y() + cb.y()) / 2 + ny * bend)
    start = _clip_to_box(ca, control, a)
    end = _clip_to_box(cb, control, b)
    path = QPainterPath(start)
    path.quadTo(control, end)
    return path


def _tree_path(upper: QRectF, lower: QRectF) -> QPainterPath:
    # the bar runs in the gap just above the child's level, clear of the parent's leaf columns
    mid = max(upper.bottom() + (lower.top() - upper.bottom()) / 2.0 if lower.top() - upper.bottom() < V_GAP
              else lower.top() - V_GAP / 2.0, upper.bottom() + 4)
    path = QPainterPath(QPointF(upper.center().x(), upper.bottom()))
    path.lineTo(upper.center().x(), mid)
    path.lineTo(lower.center().x(), mid)
    path.lineTo(lower.center().x(), lower.top())
    return path


def _comb_path(upper: QRectF, lower: QRectF) -> QPainterPath:
    bus_y = upper.bottom() + min(LEAF_TOP_GAP / 2.0, (lower.top() - upper.bottom()) / 2.0)
    bus_x = lower.left() - INDENT / 2.0
    path = QPainterPath(QPointF(upper.center().x(), upper.bottom()))
    path.lineTo(upper.center().x(), bus_y)
    path.lineTo(bus_x, bus_y)
    path.lineTo(bus_x, lower.center().y())
    path.lineTo(lower.left(), lower.center().y())
    return path
