"""The canvas's node items: one ``NodeItem`` per visible node, with shapes, pens and fonts.

Items are thin: they hold the node's data and style (from ``analysis.styles``), are painted by
Qt itself (no Python paint, no shadows), create their labels only once the view is zoomed in far
enough to read them, and know their edges (``edges.py``) so those follow when they move. They
never touch the model: the scene creates, updates and removes them as the model changes, and
interactions push commands.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
)

from orgmodel.analysis.styles import (
    HIGHLIGHT,
    INK,
    MUTED_INK,
    SELECTION,
    SUB_LABELS,
    NodeStyle,
    node_style,
)
from orgmodel.ui.diagram.graphdata import NodeData

if TYPE_CHECKING:
    from orgmodel.ui.diagram.edges import CombItem, EdgeItem

Point = tuple[float, float]
TEXT_LOD = 0.42  # below this scale labels are unreadable: skip them
DASHES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine,
          "dot": Qt.PenStyle.DotLine, "dashdot": Qt.PenStyle.DashDotLine}


@cache
def label_font(bold: bool, size: float = 12.0) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(int(size))
    font.setBold(bold)
    return font


NODE_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable


@cache
def _metrics(bold: bool, size: float) -> QFontMetricsF:
    return QFontMetricsF(label_font(bold, size))


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


@cache
def _node_pen(style: NodeStyle, selected: bool, highlighted: bool) -> QPen:
    if selected:
        return QPen(QColor(SELECTION), style.stroke_width + 1.8)
    if highlighted:
        return QPen(QColor(HIGHLIGHT), style.stroke_width + 3.0)
    pen = QPen(QColor(style.stroke), style.stroke_width)
    if style.dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


@cache
def _stroked(kind: str, sub: str, selected: bool, highlighted: bool) -> QPainterPath:
    """A node's shape with its pen's width (the area it paints)."""
    style = node_style(kind, sub)
    path = shape_path(style.shape, style.width, style.height)
    outline = QPainterPathStroker(_node_pen(style, selected, highlighted)).createStroke(path)
    outline.addPath(path)
    return outline


class _Look(NamedTuple):
    style: NodeStyle
    path: QPainterPath
    brush: QBrush
    pen: QPen
    outline: QPainterPath


_LOOKS: dict[tuple[str, str], _Look] = {}


def _look(kind: str, sub: str) -> _Look:
    """Style, outline, brush and pen of a node kind (found once: styles hash slowly)."""
    look = _LOOKS.get((kind, sub))
    if look is None:
        style = node_style(kind, sub)
        look = _LOOKS[(kind, sub)] = _Look(style, shape_path(style.shape, style.width, style.height),
                                           _node_brush(style), _node_pen(style, False, False),
                                           _stroked(kind, sub, False, False))
    return look


@cache
def _node_brush(style: NodeStyle) -> QBrush:
    return QBrush(QColor(style.fill))


class NodeItem(QGraphicsPathItem):
    """A node box: shape, colours and label from its style; selectable and movable.

    Everything is painted by Qt in C++ (the outline is the item's path, the label a child text
    item), so a 5,000-node canvas paints as fast as plain items. Labels are created the first
    time the view is zoomed in far enough to read them (``show_text``). Edges follow a node when
    the scene or the view moves it (``adjust_edges``), not through ``itemChange``, which would
    call into Python for every change of every item.
    """

    # per-item state that most items never change lives on the class until they do
    highlighted = False
    collapsed_count = 0
    _elided: str | None = None
    _labels: tuple[QGraphicsSimpleTextItem, ...] = ()
    _text_on = False
    _badge: QGraphicsPathItem | None = None

    _caption: str | None = None  # a team's second line (the scene's)
    _outline: QPainterPath | None = None  # the look's until the node is selected or highlighted
    edges: list[EdgeItem | CombItem]
    data_: NodeData
    style: NodeStyle

    # No Python __init__: ``make_node_items`` builds thousands in one loop (a Python frame per
    # item would cost as much as the item itself).

    def shape(self) -> QPainterPath:
        """The outline with the pen's width, cached per style and pen: Qt would stroke the
        path anew for every item the first time it needs the item's bounding rect."""
        outline = self._outline
        if outline is None:
            data = self.data_
            return _LOOKS[data.kind, data.sub].outline  # made with the item (make_node_items)
        return outline

    @property
    def node_id(self) -> str:
        return self.data_.id

    @property
    def caption(self) -> str:
        """The second line (a team's kind and size) or the tooltip's (a role, support, status):
        the sub-kind's label unless the scene gave one."""
        if self._caption is None:
            return SUB_LABELS.get(self.data_.sub, self.data_.sub)
        return self._caption

    def set_data(self, data: NodeData, caption: str | None = None) -> None:
        # Every style of one kind has the same size, so the path (and bounding rect) stays.
        self.data_, self._caption = data, caption
        look = _look(data.kind, data.sub)
        self.style = look.style
        self._elided = None
        self.setBrush(look.brush)
        self.refresh_pen()
        if self._labels:
            shown = self._text_on
            self._drop_labels()
            self._text_on = False
            self.show_text(shown)

    def refresh_pen(self) -> None:
        selected, data = self.isSelected(), self.data_
        self._outline = _stroked(data.kind, data.sub, selected, self.highlighted)
        self.setPen(_node_pen(self.style, selected, self.highlighted))

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.refresh_pen()

    def adjust_edges(self) -> None:
        for edge in self.edges:
            edge.adjust()

    def elided_label(self) -> str:
        """The label as drawn: in a slightly smaller font when that makes it fit, elided only
        when even that is too long (the tooltip has the full name)."""
        if self._elided is None:
            width = self.style.width - self._text_margin() * 2
            size = self._font_size()
            metrics = _metrics(self.style.bold, size)
            mode = (Qt.TextElideMode.ElideMiddle if self.data_.kind == "platform_version"
                    else Qt.TextElideMode.ElideRight)
            self._elided = metrics.elidedText(self.data_.label, mode, width)
        return self._elided

    def _font_size(self) -> float:
        """The largest label size (down to two pixels below the normal one) the name fits in."""
        normal = 13.0 if self.data_.kind == "team" else 11.5
        width = self.style.width - self._text_margin() * 2
        for size in (normal, normal - 1.0, normal - 2.0):
            if _metrics(self.style.bold, size).horizontalAdvance(self.data_.label) <= width:
                return size
        return normal - 2.0

    def _text_margin(self) -> float:
        return {"hexagon": 14.0, "tag": 14.0, "pill": 12.0, "octagon": 12.0}.get(self.style.shape, 9.0)

    def box(self) -> QRectF:
        w, h = self.style.width, self.style.height
        return QRectF(-w / 2.0, -h / 2.0, w, h)

    # ----------------------------------------------------------------- text and badge
    @property
    def has_labels(self) -> bool:
        return bool(self._labels)

    def show_text(self, on: bool) -> None:
        """Show or hide the label (created on first need: most nodes of a huge model never are)."""
        if on == self._text_on:
            return
        self._text_on = on
        if on and not self._labels:
            self._make_labels()
        for label in self._labels:
            label.setVisible(on)

    def _make_labels(self) -> None:
        two_lines = bool(self.caption) and self.data_.kind == "team"
        name = self._label(self.elided_label(), label_font(self.style.bold, self._font_size()),
                           self.style.text)
        if not two_lines:
            _centre_on(name, 0.0)
            return
        caption = self._label(self.caption, label_font(False, 11.0), MUTED_INK)
        _centre_on(name, -9.0)
        _centre_on(caption, 10.0)

    def _label(self, text: str, font: QFont, colour: str) -> QGraphicsSimpleTextItem:
        label = QGraphicsSimpleTextItem(text, self)
        label.setFont(font)
        label.setBrush(QColor(colour))
        label.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._labels = (*self._labels, label)
        return label

    def _drop_labels(self) -> None:
        scene = self.scene()
        for label in self._labels:
            label.setParentItem(None)
            if scene is not None:
                scene.removeItem(label)
        self._labels = ()

    def set_collapsed_count(self, count: int) -> None:
        """A "+N" badge on a collapsed team: how many shown-kind nodes it hides."""
        if count == self.collapsed_count:
            return
        self.collapsed_count = count
        if self._badge is not None:
            scene = self._badge.scene()
            self._badge.setParentItem(None)
            if scene is not None:
                scene.removeItem(self._badge)
            self._badge = None
        if count:
            box = self.box()
            pill = QPainterPath()
            pill.addRoundedRect(QRectF(box.right() - 30, box.bottom() - 9, 36, 18), 9, 9)
            badge = QGraphicsPathItem(pill, self)
            badge.setBrush(QColor("#ffffff"))
            badge.setPen(QPen(QColor(INK), 1.0))
            text = QGraphicsSimpleTextItem(f"+{count}", badge)
            text.setFont(label_font(True, 10.0))
            bounds = text.boundingRect()
            text.setPos(box.right() - 12 - bounds.width() / 2, box.bottom() - bounds.height() / 2)
            self._badge = badge


def make_node_items(nodes: Iterable[tuple[NodeData, str | None, Point | None]],
                    interactive: bool = True) -> list[NodeItem]:
    """Items for nodes, each with its caption (a team's second line; None: the sub-kind's
    label) and its place (None: the origin), not yet in a scene; selectable and movable when
    ``interactive`` (else ``make_interactive`` does it when the user first reaches for them)."""
    made: list[NodeItem] = []
    append, looks = made.append, _LOOKS
    for data, caption, place in nodes:
        look = looks.get((data.kind, data.sub)) or _look(data.kind, data.sub)
        item = NodeItem(look.path)
        item.edges = []
        item.data_ = data
        if caption is not None:
            item._caption = caption
        item.style = look.style
        if interactive:
            item.setFlags(NODE_FLAGS)
        item.setBrush(look.brush)
        item.setPen(look.pen)
        if place is not None:
            item.setPos(place[0], place[1])
        append(item)
    return made


def make_interactive(items: Iterable[NodeItem]) -> None:
    """Let the user select and move these node items."""
    for item in items:
        item.setFlags(NODE_FLAGS)


def node_of_item(item: QGraphicsItem | None) -> NodeItem | None:
    """The node an item belongs to (itself, or the node of a label or badge)."""
    while item is not None and not isinstance(item, NodeItem):
        item = item.parentItem()
    return item


def _centre_on(label: QGraphicsSimpleTextItem, dy: float) -> None:
    bounds = label.boundingRect()
    label.setPos(-bounds.width() / 2.0, dy - bounds.height() / 2.0)
