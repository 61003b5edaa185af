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
    QPainterPath,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsSimpleTextItem,
)

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

    def __init__(self, data: NodeData, caption: str = "") -> None:
        super().__init__()
        self.edges: list[EdgeItem | CombItem] = []
        self.highlighted = False
        self.collapsed_count = 0
        self.data_: NodeData = data
        self.caption = caption
        self.style: NodeStyle = node_style(data.kind, data.sub)
        self._elided: str | None = None
        self._labels: list[QGraphicsSimpleTextItem] = []
        self._badge: QGraphicsPathItem | None = None
        self.setFlags(NODE_FLAGS)
        self.setZValue(1.0)
        self.setPath(shape_path(self.style.shape, self.style.width, self.style.height))
        self.setBrush(_node_brush(self.style))
        self.setPen(_node_pen(self.style, False, False))

    @property
    def node_id(self) -> str:
        return self.data_.id

    def set_data(self, data: NodeData, caption: str = "") -> None:
        # Every style of one kind has the same size, so the path (and bounding rect) stays.
        self.data_, self.caption = data, caption
        self.style = node_style(data.kind, data.sub)
        self._elided = None
        self.setBrush(_node_brush(self.style))
        self.refresh_pen()
        if self._labels:
            shown = self._labels[0].isVisible()
            self._drop_labels()
            self.show_text(shown)

    def refresh_pen(self) -> None:
        self.setPen(_node_pen(self.style, self.isSelected(), self.highlighted))

    def set_highlighted(self, on: bool) -> None:
        if on != self.highlighted:
            self.highlighted = on
            self.refresh_pen()

    def adjust_edges(self) -> None:
        for edge in self.edges:
            edge.adjust()

    def elided_label(self) -> str:
        if self._elided is None:
            metrics = _metrics(self.style.bold, self._font_size())
            mode = (Qt.TextElideMode.ElideMiddle if self.data_.kind == "platform_version"
                    else Qt.TextElideMode.ElideRight)
            self._elided = metrics.elidedText(self.data_.label, mode,
                                              self.style.width - self._text_margin() * 2)
        return self._elided

    def _font_size(self) -> float:
        return 13.0 if self.data_.kind == "team" else 11.5

    def _text_margin(self) -> float:
        return {"hexagon": 14.0, "tag": 14.0, "pill": 12.0, "octagon": 12.0}.get(self.style.shape, 9.0)

    def box(self) -> QRectF:
        w, h = self.style.width, self.style.height
        return QRectF(-w / 2.0, -h / 2.0, w, h)

    # ----------------------------------------------------------------- text and badge
    def show_text(self, on: bool) -> None:
        """Show or hide the label (created on first need: most nodes of a huge model never are)."""
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
        self._labels.append(label)
        return label

    def _drop_labels(self) -> None:
        scene = self.scene()
        for label in self._labels:
            label.setParentItem(None)
            if scene is not None:
                scene.removeItem(label)
        self._labels = []

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


def node_of_item(item: QGraphicsItem | None) -> NodeItem | None:
    """The node an item belongs to (itself, or the node of a label or badge)."""
    while item is not None and not isinstance(item, NodeItem):
        item = item.parentItem()
    return item


def _centre_on(label: QGraphicsSimpleTextItem, dy: float) -> None:
    bounds = label.boundingRect()
    label.setPos(-bounds.width() / 2.0, dy - bounds.height() / 2.0)


@cache
def edge_pen(kind: str) -> QPen:
    style = edge_style(kind)
    pen = QPen(QColor(style.colour), style.width)
    pen.setStyle(DASHES.get(style.dash, Qt.PenStyle.SolidLine))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


Rect = tuple[float, float, float, float]  # left, top, right, bottom


def _node_rect(node: NodeItem) -> Rect:
    pos, style = node.pos(), node.style
    x, y, w, h = pos.x(), pos.y(), style.width / 2.0, style.height / 2.0
    return (x - w, y - h, x + w, y + h)


class EdgeItem(QGraphicsPathItem):
    """A relation between two node items, routed by its kind: "tree" (parent above child),
    "comb" (a team's leaf column), otherwise a gentle arc; straight lines when ``orthogonal`` is
    off (the force layout). Painted by Qt itself; ``ArrowEdgeItem`` adds an arrow head."""

    def __init__(self, data: EdgeData, source: NodeItem, target: NodeItem,
                 orthogonal: bool = True) -> None:
        super().__init__()
        self.data_ = data
        self.source, self.target = source, target
        self.style: EdgeStyle = edge_style(data.kind)
        self.kind = data.kind
        self.orthogonal = orthogonal
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPen(edge_pen(data.kind))
        source.edges.append(self)
        target.edges.append(self)
        self.adjust()

    def detach(self) -> None:
        for node in (self.source, self.target):
            if self in node.edges:
                node.edges.remove(self)

    def edge_ids_at(self, node_id: str) -> list[tuple[str, str, str]]:
        return [self.data_.id]

    def adjust(self) -> None:
        self.setPath(self.route())

    def route(self) -> QPainterPath:
        a, b = _node_rect(self.source), _node_rect(self.target)
        upper, lower = (a, b) if a[1] + a[3] <= b[1] + b[3] else (b, a)
        routing = self.style.routing if self.orthogonal else "line"
        if routing == "tree" and lower[1] - upper[3] > 8:
            return _polyline(_tree_points(upper, lower))
        if routing == "comb" and lower[1] - upper[3] > 8:
            return _polyline(_comb_points(upper, lower))
        if routing in ("line", "tree", "comb"):
            ca, cb = _centre(a), _centre(b)
            return _polyline([_clip(ca, cb, a), _clip(cb, ca, b)])
        return _arc_path(a, b)


class ArrowEdgeItem(EdgeItem):
    """An edge with a filled arrow head at its target (a child polygon item, painted by Qt)."""

    def adjust(self) -> None:
        path = self.route()
        self.setPath(path)
        head = getattr(self, "head", None)
        if head is None:
            head = QGraphicsPolygonItem(self)
            head.setBrush(QColor(self.style.colour))
            head.setPen(Qt.PenStyle.NoPen)
            head.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.head = head
        head.setPolygon(_arrow_head(path, 6.0 + self.style.width * 2))


HUB_END = {"member_of": "target", "owns": "source", "version_of": "target"}


def hub_of(data: EdgeData) -> str:
    """The shared end of a bundled edge (the team of a membership, the owner of a service)."""
    return data.target if HUB_END[data.kind] == "target" else data.source


class CombItem(QGraphicsPathItem):
    """All edges of one kind between a hub (a team) and its leaves, drawn as one comb: a bus
    down the left of each leaf column with a tick to each leaf. One item instead of one per
    member keeps a 5,000-node canvas light, and the shared bus is drawn once."""

    def __init__(self, kind: str, hub: NodeItem, orthogonal: bool = True) -> None:
        super().__init__()
        self.kind = kind
        self.style: EdgeStyle = edge_style(kind)
        self.hub = hub
        self.spokes: dict[tuple[str, str, str], NodeItem] = {}
        self.orthogonal = orthogonal
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setPen(edge_pen(kind))
        hub.edges.append(self)

    def add(self, data: EdgeData, leaf: NodeItem) -> None:
        self.spokes[data.id] = leaf
        if self not in leaf.edges:
            leaf.edges.append(self)

    def remove(self, edge_id: tuple[str, str, str]) -> None:
        leaf = self.spokes.pop(edge_id, None)
        if leaf is not None and self in leaf.edges and leaf not in self.spokes.values():
            leaf.edges.remove(self)

    def detach(self) -> None:
        for node in [self.hub, *self.spokes.values()]:
            if self in node.edges:
                node.edges.remove(self)

    def edge_ids_at(self, node_id: str) -> list[tuple[str, str, str]]:
        if node_id == self.hub.node_id:
            return list(self.spokes)
        return [e for e, leaf in self.spokes.items() if leaf.node_id == node_id]

    def adjust(self) -> None:
        """One trunk per leaf column (hub -> bus -> down the column) plus a tick per leaf."""
        hub = _node_rect(self.hub)
        hx = (hub[0] + hub[2]) / 2.0
        path = QPainterPath()
        columns: dict[float, list[Rect]] = {}
        for leaf in self.spokes.values():
            rect = _node_rect(leaf)
            if self.orthogonal and rect[1] - hub[3] > 8:
                columns.setdefault(rect[0], []).append(rect)
            else:
                ca, cb = _centre(hub), _centre(rect)
                start, end = _clip(ca, cb, hub), _clip(cb, ca, rect)
                path.moveTo(*start)
                path.lineTo(*end)
        for left, rects in columns.items():
            bus_x = left - INDENT / 2.0
            top = min(r[1] for r in rects)
            bus_y = hub[3] + min(LEAF_TOP_GAP / 2.0, (top - hub[3]) / 2.0)
            bottom = max((r[1] + r[3]) / 2.0 for r in rects)
            path.moveTo(hx, hub[3])
            path.lineTo(hx, bus_y)
            path.lineTo(bus_x, bus_y)
            path.lineTo(bus_x, bottom)
            for r in rects:
                y = (r[1] + r[3]) / 2.0
                path.moveTo(bus_x, y)
                path.lineTo(r[0], y)
        self.setPath(path)


def make_edge(data: EdgeData, source: NodeItem, target: NodeItem, orthogonal: bool = True) -> EdgeItem:
    cls = ArrowEdgeItem if edge_style(data.kind).arrow else EdgeItem
    return cls(data, source, target, orthogonal)


def _arrow_head(path: QPainterPath, size: float) -> QPolygonF:
    count = path.elementCount()
    if count < 2:
        return QPolygonF()
    tip = QPointF(path.elementAt(count - 1).x, path.elementAt(count - 1).y)
    back = QPointF(path.elementAt(count - 2).x, path.elementAt(count - 2).y)
    line = QLineF(tip, back)
    if line.length() < 1:
        return QPolygonF()
    left, right = QLineF(line), QLineF(line)
    left.setLength(size)
    right.setLength(size)
    left.setAngle(line.angle() + 25)
    right.setAngle(line.angle() - 25)
    return QPolygonF([tip, left.p2(), right.p2()])


def _centre(r: Rect) -> tuple[float, float]:
    return ((r[0] + r[2]) / 2.0, (r[1] + r[3]) / 2.0)


def _clip(inside: tuple[float, float], outside: tuple[float, float], r: Rect) -> tuple[float, float]:
    """Where the segment from the box centre ``inside`` towards ``outside`` leaves the box."""
    dx, dy = outside[0] - inside[0], outside[1] - inside[1]
    if dx == 0 and dy == 0:
        return inside
    tx = ((r[2] - r[0]) / 2.0) / abs(dx) if dx else float("inf")
    ty = ((r[3] - r[1]) / 2.0) / abs(dy) if dy else float("inf")
    t = min(tx, ty, 1.0)
    return (inside[0] + dx * t, inside[1] + dy * t)


def _polyline(points: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    return path


def _tree_points(upper: Rect, lower: Rect) -> list[tuple[float, float]]:
    # the bar runs in the gap just above the child's level, clear of the parent's leaf columns
    gap = lower[1] - upper[3]
    bar = upper[3] + gap / 2.0 if gap < V_GAP else lower[1] - V_GAP / 2.0
    ux, lx = (upper[0] + upper[2]) / 2.0, (lower[0] + lower[2]) / 2.0
    return [(ux, upper[3]), (ux, bar), (lx, bar), (lx, lower[1])]


def _comb_points(upper: Rect, lower: Rect) -> list[tuple[float, float]]:
    bus_y = upper[3] + min(LEAF_TOP_GAP / 2.0, (lower[1] - upper[3]) / 2.0)
    bus_x = lower[0] - INDENT / 2.0
    ux, ly = (upper[0] + upper[2]) / 2.0, (lower[1] + lower[3]) / 2.0
    return [(ux, upper[3]), (ux, bus_y), (bus_x, bus_y), (bus_x, ly), (lower[0], ly)]


def _arc_path(a: Rect, b: Rect) -> QPainterPath:
    """A gentle arc from box ``a`` to box ``b`` (bulging up, or right when mostly vertical)."""
    ca, cb = _centre(a), _centre(b)
    dx, dy = cb[0] - ca[0], cb[1] - ca[1]
    length = (dx * dx + dy * dy) ** 0.5
    if length < 1:
        return QPainterPath(QPointF(*ca))
    bend = min(0.18 * length, 160.0)
    nx, ny = dy / length, -dx / length  # a perpendicular
    if (abs(dx) >= abs(dy) and ny > 0) or (abs(dx) < abs(dy) and nx < 0):
        nx, ny = -nx, -ny
    control = ((ca[0] + cb[0]) / 2 + nx * bend, (ca[1] + cb[1]) / 2 + ny * bend)
    path = QPainterPath(QPointF(*_clip(ca, control, a)))
    path.quadTo(QPointF(*control), QPointF(*_clip(cb, control, b)))
    return path
