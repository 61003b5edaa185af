"""Moving node items: placing them with their edges, and short animations between layouts.

``NodeMotion`` is a mixin of the diagram scene. ``place`` puts items at positions and re-routes
each affected edge once; ``move_nodes`` animates a move with a ``QVariantAnimation`` (a quarter
of a second) unless it is asked not to or too many nodes move (big moves jump: animating
thousands of items would stutter). Not for deciding positions (layouts, views) or commands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QVariantAnimation
from PySide6.QtWidgets import QGraphicsItem

if TYPE_CHECKING:
    from orgmodel.ui.diagram.edges import CombItem, EdgeItem
    from orgmodel.ui.diagram.items import NodeItem

Point = tuple[float, float]
_x, _y = QGraphicsItem.x, QGraphicsItem.y  # unbound: no attribute lookup on each item
ANIMATION_MS = 260
ANIMATE_AT_MOST = 1500  # nodes; larger moves jump


class NodeMotion:
    """Mixin for a QGraphicsScene with ``node_items: dict[str, NodeItem]``."""

    node_items: dict[str, NodeItem]
    _animation: QVariantAnimation | None
    _animation_end: dict[str, Point]

    @property
    def animating(self) -> bool:
        return self._animation is not None

    def place(self, positions: Mapping[str, QPointF]) -> None:
        """Put node items at scene positions and re-route each affected edge once."""
        self.place_at({n: (p.x(), p.y()) for n, p in positions.items()})

    def place_at(self, positions: Mapping[str, Point]) -> None:
        """``place`` with (x, y) pairs: edges are routed from them, not from asking Qt."""
        edges: dict[int, EdgeItem | CombItem] = {}
        nodes = self.node_items
        for node_id, (x, y) in positions.items():
            item = nodes.get(node_id)
            if item is not None:
                item.setPos(x, y)
                for edge in item.edges:
                    edges[id(edge)] = edge
        for edge in edges.values():
            edge.adjust(positions)

    def move_nodes(self, target: Mapping[str, Point], animate: bool = True) -> None:
        self.finish_animation()
        nodes, moving = self.node_items, {}
        for node_id, (x, y) in target.items():  # compared as floats: thousands of nodes
            item = nodes.get(node_id)
            if item is not None and (_x(item) != x or _y(item) != y):
                moving[node_id] = (x, y)
        if not moving:
            return
        if not animate or len(moving) > ANIMATE_AT_MOST:
            self.place_at(moving)
            return
        start = {n: (_x(nodes[n]), _y(nodes[n])) for n in moving}
        animation = QVariantAnimation(self)  # type: ignore[arg-type]
        animation.setDuration(ANIMATION_MS)
        animation.setStartValue(0.0)
        animation.setEndValue(1.0)

        def step(value: Any) -> None:
            t = float(value)
            self.place_at({n: (start[n][0] + (x - start[n][0]) * t, start[n][1] + (y - start[n][1]) * t)
                           for n, (x, y) in moving.items()})

        animation.valueChanged.connect(step)
        animation.finished.connect(self._animation_done)
        self._animation = animation
        self._animation_end = moving
        animation.start()

    def finish_animation(self) -> None:
        if self._animation is not None:
            self._animation.stop()
            self.place_at(self._animation_end)
            self._animation_done()

    def _animation_done(self) -> None:
        if self._animation is not None:
            self._animation.deleteLater()
        self._animation = None
