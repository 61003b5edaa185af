"""The canvas's edge items: relations drawn between node items, routed by their kind.

``EdgeItem`` draws one relation ("tree" routes for the team tree, gentle arcs for cross
relations, straight lines in the force layout); ``ArrowEdgeItem`` adds a filled head at the
target; ``CombItem`` draws every membership (or ownership) of one team as a single comb, a bus
down the left of each leaf column with a tick per leaf, which keeps a 5,000-node canvas light.
All painting happens in Qt (C++); routes are recomputed when an end moves (``adjust``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsPolygonItem

from orgmodel.analysis.layouts import INDENT, LEAF_TOP_GAP, V_GAP
from orgmodel.analysis.styles import EdgeStyle, edge_colour, edge_style
from orgmodel.ui.diagram.graphdata import EdgeData
from orgmodel.ui.diagram.items import DASHES, NodeItem


@cache
def edge_pen(kind: str, dark: bool = False) -> QPen:
    style = edge_style(kind)
    pen = QPen(QColor(edge_colour(style, dark)), style.width)
    pen.setStyle(DASHES.get(style.dash, Qt.PenStyle.SolidLine))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


Rect = tuple[float, float, float, float]  # left, top, right, bottom
Point = tuple[float, float]
Places = Mapping[str, Point]  # where some nodes are, known to the caller (a new canvas's layout)


_x, _y = QGraphicsItem.x, QGraphicsItem.y  # unbound: no attribute lookup on each item


def _node_rect(node: NodeItem, xy: Point | None = None) -> Rect:
    """A node's box, at ``xy`` when the caller knows where it is (else asked of Qt)."""
    style = node.style
    x, y = (_x(node), _y(node)) if xy is None else xy
    w, h = style.width / 2.0, style.height / 2.0
    return (x - w, y - h, x + w, y + h)


class RouteItem(QGraphicsPathItem):
    """A path item whose bounds Qt takes from the route's box widened by the pen, instead of
    stroking the route to find them (a comb of fifty ticks is costly to stroke). Edges are
    never picked by their outline, so the box is their shape: neither selectable nor movable,
    they ignore presses, which go on to the nodes and background under them (a test checks)."""

    style: EdgeStyle
    _bounds = QPainterPath()

    def set_route(self, path: QPainterPath, box: Rect) -> None:
        """Show ``path``, whose points all lie in ``box`` (left, top, right, bottom: the caller
        knows it from the points it drew, so Qt need not walk the path for it)."""
        margin = self.style.width / 2.0 + 1.0
        bounds = QPainterPath()
        bounds.addRect(box[0] - margin, box[1] - margin,
                       box[2] - box[0] + 2.0 * margin, box[3] - box[1] + 2.0 * margin)
        self._bounds = bounds
        self.setPath(path)

    def shape(self) -> QPainterPath:
        return self._bounds


class EdgeItem(RouteItem):
    """A relation between two node items, routed by its kind: "tree" (parent above child),
    "comb" (a team's leaf column), otherwise a gentle arc; straight lines when ``orthogonal`` is
    off (the force layout). Painted by Qt itself; ``ArrowEdgeItem`` adds an arrow head."""

    orthogonal = True
    dark = False

    @property
    def kind(self) -> str:
        return self.data_.kind

    def __init__(self, data: EdgeData, source: NodeItem, target: NodeItem,
                 orthogonal: bool = True, at: Places | None = None) -> None:
        super().__init__()
        self.data_ = data
        self.source, self.target = source, target
        self.style: EdgeStyle = edge_style(data.kind)
        if not orthogonal:  # the class says True: one attribute fewer on thousands of edges
            self.orthogonal = orthogonal
        self.setZValue(-1.0)  # under the nodes (which keep the default 0: one call fewer each)
        self.setPen(edge_pen(data.kind))
        source.edges.append(self)
        target.edges.append(self)
        self.adjust(at)

    def set_dark(self, dark: bool) -> None:
        """Draw in the colours of the dark (or light) canvas."""
        self.dark = dark
        self.setPen(edge_pen(self.kind, dark))
        head = getattr(self, "head", None)
        if head is not None:
            head.setBrush(QColor(edge_colour(self.style, dark)))

    def detach(self) -> None:
        for node in (self.source, self.target):
            if self in node.edges:
                node.edges.remove(self)

    def edge_ids_at(self, node_id: str) -> list[tuple[str, str, str]]:
        return [self.data_.id]

    def adjust(self, at: Places | None = None) -> None:
        """Route again (nodes in ``at`` are there, the others where Qt has them)."""
        self.set_route(*self.route(at))

    def route(self, at: Places | None = None) -> tuple[QPainterPath, Rect]:
        """The path from source to target and the box its points lie in."""
        if at:
            data = self.data_
            a = _node_rect(self.source, at.get(data.source))
            b = _node_rect(self.target, at.get(data.target))
        else:
            a, b = _node_rect(self.source), _node_rect(self.target)
        upper, lower = (a, b) if a[1] + a[3] <= b[1] + b[3] else (b, a)
        routing = self.style.routing if self.orthogonal else "line"
        if routing == "tree" and lower[1] - upper[3] > 8:
            return _tree_route(upper, lower)
        if routing == "comb" and lower[1] - upper[3] > 8:
            return _polyline(_comb_points(upper, lower))
        if routing in ("line", "tree", "comb"):
            ca, cb = _centre(a), _centre(b)
            return _polyline([_clip(ca, cb, a), _clip(cb, ca, b)])
        return _arc_path(a, b)


class ArrowEdgeItem(EdgeItem):
    """An edge with a filled arrow head at its target (a child polygon item, painted by Qt)."""

    def adjust(self, at: Places | None = None) -> None:
        path, box = self.route(at)
        self.set_route(path, box)
        head = getattr(self, "head", None)
        if head is None:
            head = QGraphicsPolygonItem(self)
            head.setBrush(QColor(edge_colour(self.style, self.dark)))
            head.setPen(Qt.PenStyle.NoPen)
            head.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.head = head
        head.setPolygon(_arrow_head(path, 6.0 + self.style.width * 2))


HUB_END = {"member_of": "target", "owns": "source", "version_of": "target"}


class CombItem(RouteItem):
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
        self.setZValue(-1.0)
        self.setPen(edge_pen(kind))
        hub.edges.append(self)

    def set_dark(self, dark: bool) -> None:
        self.setPen(edge_pen(self.kind, dark))

    def add(self, spokes: list[tuple[tuple[str, str, str], NodeItem]]) -> None:
        """Edges (by id) to leaves; call ``adjust`` after."""
        mine = self.spokes
        for edge_id, leaf in spokes:
            mine[edge_id] = leaf
            edges = leaf.edges
            if self not in edges:
                edges.append(self)

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

    def adjust(self, at: Places | None = None) -> None:
        """One trunk per leaf column (hub -> bus -> down the column) plus a tick per leaf (nodes
        in ``at`` are there, the others where Qt has them)."""
        places = at or {}
        hub = _node_rect(self.hub, places.get(self.hub.node_id) if places else None)
        leaf_end = 0 if HUB_END[self.kind] == "target" else 1  # the leaf's id in an edge id
        hx, hub_bottom = (hub[0] + hub[2]) / 2.0, hub[3]
        path = QPainterPath()
        move, line = path.moveTo, path.lineTo
        columns: dict[float, list[float]] = {}  # left edge -> [top, lowest centre y, centre ys...]
        orthogonal = self.orthogonal
        left, top, right, bottom = hx, hub_bottom, hx, hub_bottom  # the box of what is drawn
        for edge_id, leaf in self.spokes.items():
            style = leaf.style
            xy = places.get(edge_id[leaf_end])
            x, y = (_x(leaf), _y(leaf)) if xy is None else xy
            w, h = style.width / 2.0, style.height / 2.0
            leaf_top = y - h
            if orthogonal and leaf_top - hub_bottom > 8:
                column = columns.get(x - w)
                if column is None:
                    columns[x - w] = [leaf_top, y, y]
                    continue
                column.append(y)
                if leaf_top < column[0]:
                    column[0] = leaf_top
                if y > column[1]:
                    column[1] = y
            else:
                ca, cb = _centre(hub), (x, y)
                (ax, ay), (bx, by) = _clip(ca, cb, hub), _clip(cb, ca, (x - w, leaf_top, x + w, y + h))
                move(ax, ay)
                line(bx, by)
                left, right = min(left, ax, bx), max(right, ax, bx)
                top, bottom = min(top, ay, by), max(bottom, ay, by)
        half_indent, gap = INDENT / 2.0, LEAF_TOP_GAP / 2.0
        for column_left, column in columns.items():
            bus_x = column_left - half_indent
            bus_y = hub_bottom + min(gap, (column[0] - hub_bottom) / 2.0)
            move(hx, hub_bottom)
            line(hx, bus_y)
            line(bus_x, bus_y)
            line(bus_x, column[1])
            for y in column[2:]:
                move(bus_x, y)
                line(column_left, y)
            # the bus runs below the hub (columns are more than 8 below it) to the lowest tick
            left, right = min(left, bus_x), max(right, bus_x, column_left)
            bottom = max(bottom, column[1])
        self.set_route(path, (left, top, right, bottom))


def make_edge(data: EdgeData, source: NodeItem, target: NodeItem, orthogonal: bool = True,
              at: Places | None = None) -> EdgeItem:
    cls = ArrowEdgeItem if edge_style(data.kind).arrow else EdgeItem
    return cls(data, source, target, orthogonal, at)


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


def _polyline(points: list[tuple[float, float]]) -> tuple[QPainterPath, Rect]:
    path = QPainterPath()
    path.moveTo(*points[0])
    for x, y in points[1:]:
        path.lineTo(x, y)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return path, (min(xs), min(ys), max(xs), max(ys))


def _tree_route(upper: Rect, lower: Rect) -> tuple[QPainterPath, Rect]:
    """Parent (upper) to child: down, along a bar, down (hundreds of them in a large org chart:
    drawn and boxed directly)."""
    # the bar runs in the gap just above the child's level, clear of the parent's leaf columns
    top, bottom = upper[3], lower[1]
    gap = bottom - top
    bar = top + gap / 2.0 if gap < V_GAP else bottom - V_GAP / 2.0
    ux, lx = (upper[0] + upper[2]) / 2.0, (lower[0] + lower[2]) / 2.0
    path = QPainterPath()
    path.moveTo(ux, top)
    path.lineTo(ux, bar)
    path.lineTo(lx, bar)
    path.lineTo(lx, bottom)
    return path, (ux if ux < lx else lx, top, lx if ux < lx else ux, bottom)


def _comb_points(upper: Rect, lower: Rect) -> list[tuple[float, float]]:
    bus_y = upper[3] + min(LEAF_TOP_GAP / 2.0, (lower[1] - upper[3]) / 2.0)
    bus_x = lower[0] - INDENT / 2.0
    ux, ly = (upper[0] + upper[2]) / 2.0, (lower[1] + lower[3]) / 2.0
    return [(ux, upper[3]), (ux, bus_y), (bus_x, bus_y), (bus_x, ly), (lower[0], ly)]


def _arc_path(a: Rect, b: Rect) -> tuple[QPainterPath, Rect]:
    """A gentle arc from box ``a`` to box ``b`` (bulging up, or right when mostly vertical)."""
    ca, cb = _centre(a), _centre(b)
    dx, dy = cb[0] - ca[0], cb[1] - ca[1]
    length = (dx * dx + dy * dy) ** 0.5
    if length < 1:
        return QPainterPath(QPointF(*ca)), (ca[0], ca[1], ca[0], ca[1])
    bend = min(0.18 * length, 160.0)
    nx, ny = dy / length, -dx / length  # a perpendicular
    if (abs(dx) >= abs(dy) and ny > 0) or (abs(dx) < abs(dy) and nx < 0):
        nx, ny = -nx, -ny
    control = ((ca[0] + cb[0]) / 2 + nx * bend, (ca[1] + cb[1]) / 2 + ny * bend)
    start, end = _clip(ca, control, a), _clip(cb, control, b)
    path = QPainterPath(QPointF(*start))
    path.quadTo(QPointF(*control), QPointF(*end))
    xs, ys = (start[0], control[0], end[0]), (start[1], control[1], end[1])
    return path, (min(xs), min(ys), max(xs), max(ys))  # the curve stays inside its control points
