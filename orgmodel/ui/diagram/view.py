"""The diagram's ``QGraphicsView``: zoom (wheel, keys), pan, fit, rubber band, drag bookkeeping.

``DiagramView`` shows a ``DiagramScene``. The wheel zooms around the cursor, the middle button
(or Space held down) pans, dragging on the background draws a rubber band, and dragging nodes moves
them; when a node drag ends the view reports it once through ``drag_finished`` (start and end
positions, the drop point and the keyboard modifiers) so that ``interactions`` can push one
command. Entity ids dragged in from the explorer are handed to its ``drop_target`` (accepted
only where a drop would do something, so the cursor says no elsewhere). It never changes the
model itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget

if TYPE_CHECKING:
    from orgmodel.ui.diagram.legend import Legend

from orgmodel.ui.diagram.items import TEXT_LOD, NodeItem, node_of_item
from orgmodel.ui.diagram.scene import DiagramScene
from orgmodel.ui.dragdata import ids_of

MIN_ZOOM, MAX_ZOOM = 0.02, 4.0


class DropTarget(Protocol):
    """Decides what entity ids dragged in from another widget mean (``Interactions``)."""

    def drag_over(self, ids: list[str], point: QPointF, modifiers: object) -> bool: ...
    def drag_left(self) -> None: ...
    def drop(self, ids: list[str], point: QPointF, modifiers: object) -> bool: ...


SMOOTH_ZOOM = 0.25  # below this zoom the canvas is drawn without antialiasing


class DiagramView(QGraphicsView):
    """Zoomable, pannable view of the diagram scene."""

    drag_finished = Signal(dict, dict, QPointF, object)  # start, end, drop point, modifiers
    zoom_changed = Signal(float)
    delete_requested = Signal()
    find_requested = Signal()
    node_double_clicked = Signal(str)
    menu_requested = Signal(object, QPoint)  # node id or None, global position
    viewport_changed = Signal()  # resized or scrolled: overlays re-place themselves
    fit_clamped = Signal(bool)  # a fit showed the top at a legible zoom (True) or everything

    def __init__(self, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.auto_fit = True  # refit on resize until the user zooms or pans
        self.auto_min_zoom = 0.0  # ... never below this zoom (see ``fit``)
        self.clamped = False  # the last fit showed the top at ``min_zoom`` rather than all
        self.overlay: Legend | None = None  # fitting keeps the nodes clear of it
        self.zoom_changed.connect(self._level_of_detail)
        self.viewport_changed.connect(self._label_newly_shown)
        self._drag_start: dict[str, QPointF] = {}
        self._pan_from: QPointF | None = None
        self._space = False
        self._fitting = False  # a fit is on its way: labels wait for where it ends
        self.drop_target: DropTarget | None = None  # entity drags from the explorer
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self._follow_palette()

    def _follow_palette(self) -> None:
        """The canvas is dark when the window's palette is (the dark theme)."""
        if isinstance(self.scene(), DiagramScene):
            self.diagram.set_dark(self.palette().color(QPalette.ColorRole.Window).lightness() < 128)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()

    def _level_of_detail(self, zoom: float) -> None:
        """Labels only when readable; no antialiasing when nodes are a few pixels (faster)."""
        if not isinstance(self.scene(), DiagramScene):
            return
        if not self._fitting:
            self.diagram.set_labels_visible(zoom >= TEXT_LOD, self._shown_rect())
        self.setRenderHint(QPainter.RenderHint.Antialiasing, zoom >= SMOOTH_ZOOM)

    def _shown_rect(self) -> QRectF:
        """The part of the scene in the window, with a margin for the next scroll."""
        rect = self.mapToScene(self.viewport().rect()).boundingRect()
        return rect.adjusted(-rect.width() / 2, -rect.height() / 2, rect.width() / 2, rect.height() / 2)

    def _label_newly_shown(self) -> None:
        # not while being deleted, nor while a fit scrolls and zooms on its way to the place it
        # shows (it would label every node it passes: the whole of a large diagram); the fit's
        # last step labels what it shows
        if isinstance(self.scene(), DiagramScene) and self.diagram.labels_visible and not self._fitting:
            self.diagram.set_labels_visible(True, self._shown_rect())

    @property
    def diagram(self) -> DiagramScene:
        scene = self.scene()
        assert isinstance(scene, DiagramScene)
        return scene

    # ----------------------------------------------------------------- zoom
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        self.auto_fit = False
        target = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom() * factor))
        if target != self.zoom():
            factor = target / self.zoom()
            self.scale(factor, factor)
            self.zoom_changed.emit(self.zoom())

    def set_zoom(self, zoom: float, centre: QPointF | None = None) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self.auto_fit = False
        self.resetTransform()
        self.scale(zoom, zoom)
        if centre is not None:
            self.centerOn(centre)
        self.zoom_changed.emit(self.zoom())

    def fit(self, rect: QRectF | None = None, max_zoom: float = 1.5,
            min_zoom: float = 0.0) -> None:
        """Fit the visible nodes (or ``rect``) in the window, never zooming in past ``max_zoom``.
        Where that would zoom out below ``min_zoom`` (labels too small to read), show the top
        of the diagram at ``min_zoom`` instead (``fit_clamped`` says which it did)."""
        target = rect if rect is not None else self.diagram.items_rect()
        if target.isEmpty():
            return
        margin = 40.0
        target = self._clear_of_overlay(target.adjusted(-margin, -margin, margin, margin))
        self._fitting = True
        try:
            self.setSceneRect(self.diagram.itemsBoundingRect().united(target).adjusted(-2000, -2000, 2000, 2000))
            self.fitInView(target, Qt.AspectRatioMode.KeepAspectRatio)
            if self.zoom() > max_zoom:
                self.set_zoom(max_zoom, target.center())
            clamped = rect is None and self.zoom() < min_zoom
            if clamped:
                self._show_top(min_zoom)
        finally:
            self._fitting = False
        self.auto_fit = rect is None
        self.auto_min_zoom = min_zoom if rect is None else 0.0
        if clamped != self.clamped:
            self.clamped = clamped
            self.fit_clamped.emit(clamped)
        self.zoom_changed.emit(self.zoom())

    def cover_items(self) -> None:
        """Keep the whole diagram within scrolling reach as it grows (a filter showing more
        kinds, a relayout after an edit): the scroll range set by the last fit only grows."""
        items = self.diagram.sceneRect()  # Qt's growing bounds of every item
        rect = self.sceneRect()
        if not rect.contains(items):
            self.setSceneRect(rect.united(items.adjusted(-2000, -2000, 2000, 2000)))

    def anchor(self) -> tuple[str, QPointF] | None:
        """The shown node nearest the window's centre and where in the window it is."""
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        centre = shown.center()
        nodes = [i for i in self.diagram.items(shown) if isinstance(i, NodeItem)]
        if not nodes:
            return None
        nearest = min(nodes, key=lambda i: (i.pos() - centre).manhattanLength())
        return nearest.node_id, QPointF(self.mapFromScene(nearest.pos()))

    def keep_anchor(self, anchor: tuple[str, QPointF] | None) -> None:
        """Scroll so that the anchor's node (if still shown) is where it was in the window."""
        item = self.diagram.node_items.get(anchor[0]) if anchor else None
        if anchor is None or item is None:
            return
        self.cover_items()
        moved = QPointF(self.mapFromScene(item.pos())) - anchor[1]
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + round(moved.x()))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + round(moved.y()))

    def _show_top(self, zoom: float) -> None:
        """The top of the diagram at ``zoom``: its topmost node (the one nearest the middle,
        the head of an org chart) centred just below the window's top edge."""
        items = self.diagram.items_rect()
        self.resetTransform()
        self.scale(zoom, zoom)
        top = min(self.diagram.node_items.values(),
                  key=lambda i: (round(i.sceneBoundingRect().top()),
                                 abs(i.scenePos().x() - items.center().x())))
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        self.centerOn(QPointF(top.scenePos().x(), items.top() - 40.0 + shown.height() / 2))

    def _clear_of_overlay(self, target: QRectF) -> QRectF:
        """``target`` grown so that, fitted, the nodes sit beside the legend's corner (above or
        below it) rather than under it (unless that would shrink them too much)."""
        overlay = self.overlay
        if overlay is None:
            return target
        overlay.place()
        if overlay.isHidden():
            return target
        vw, vh = self.viewport().width(), self.viewport().height()
        ow, oh = overlay.width() + 16.0, overlay.height() + 16.0
        tw, th = target.width(), target.height()
        plain = min(vw / tw, vh / th)
        left, top = overlay.at_left, overlay.at_top
        corner = QRectF(0.0 if left else vw - ow, 0.0 if top else vh - oh, ow, oh)
        if not self._covers_nodes(target, plain, corner):
            return target
        beside = min(max(vw - ow, 1.0) / tw, vh / th)
        above = min(vw / tw, max(vh - oh, 1.0) / th)
        if max(beside, above) < plain * 0.6:
            return target
        if beside >= above:
            grow = ow / beside
            return target.adjusted(-grow, 0, 0, 0) if left else target.adjusted(0, 0, grow, 0)
        grow = oh / above
        return target.adjusted(0, -grow, 0, 0) if top else target.adjusted(0, 0, 0, grow)

    def _covers_nodes(self, target: QRectF, zoom: float, corner: QRectF) -> bool:
        """Whether ``corner`` (viewport pixels) would hide a node once ``target`` is fitted."""
        centre = QPointF(self.viewport().width() / 2.0, self.viewport().height() / 2.0)
        top_left = target.center() + (corner.topLeft() - centre) / zoom
        hidden = QRectF(top_left, corner.size() / zoom)
        return any(item.sceneBoundingRect().intersects(hidden)
                   for item in self.diagram.node_items.values())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit(min_zoom=self.auto_min_zoom)
        self.viewport_changed.emit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)  # this also scrolls the viewport's child widgets
        self.viewport_changed.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.zoom_by(1.0015 ** delta)
            event.accept()
        else:
            super().wheelEvent(event)

    # ----------------------------------------------------------------- keys
    @staticmethod
    def _own_key(event: QKeyEvent) -> str:
        """Keys the canvas handles itself even when the window has a shortcut for them."""
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            return "delete"
        if event.matches(QKeySequence.StandardKey.Find):
            return "find"
        return ""

    def event(self, event: QEvent) -> bool:
        # Accepting the override sends Delete and Ctrl+F here as key presses instead of
        # firing the main window's actions of the same keys (which would be ambiguous).
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if self._own_key(event):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        own = self._own_key(event)
        if own == "delete":
            self.delete_requested.emit()
            return
        if own == "find":
            self.find_requested.emit()
            return
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = node_of_item(self.itemAt(event.pos()))
            if item is not None:
                text = item.data_.label + (f"\n{item.caption}" if item.caption else "")
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.diagram.make_interactive()
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._pan_from = event.position()
            self.auto_fit = False
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and node_of_item(
            self.itemAt(event.position().toPoint())
        ) is not None:
            self._drag_start = {
                i.node_id: i.pos() for i in self.diagram.selectedItems() if isinstance(i, NodeItem)
            }

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = node_of_item(self.itemAt(event.pos()))
        self.menu_requested.emit(item.node_id if item is not None else None, event.globalPos())
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = node_of_item(self.itemAt(event.position().toPoint()))
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.node_double_clicked.emit(item.node_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)
        if self._drag_start:  # Qt moved the dragged items; their edges follow
            items = self.diagram.node_items
            self.diagram.place({n: items[n].pos() for n in self._drag_start if n in items})

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        start, self._drag_start = self._drag_start, {}
        items = self.diagram.node_items
        end = {n: items[n].pos() for n in start if n in items}
        if any(end[n] != start[n] for n in end):
            drop = self.mapToScene(event.position().toPoint())
            self.drag_finished.emit(start, end, drop, event.modifiers())

    # ----------------------------------------------------------------- drops from other widgets
    def _dragged_ids(self, event: QDropEvent) -> list[str]:
        return ids_of(event.mimeData()) if self.drop_target is not None else []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self._dragged_ids(event):
            super().dragEnterEvent(event)
            return
        event.acceptProposedAction()  # an ignored enter gets no moves; the moves decide

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        ids = self._dragged_ids(event)
        if not ids or self.drop_target is None:
            super().dragMoveEvent(event)
            return
        point = self.mapToScene(event.position().toPoint())
        if self.drop_target.drag_over(ids, point, event.modifiers()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        if self.drop_target is not None:
            self.drop_target.drag_left()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        ids = self._dragged_ids(event)
        if not ids or self.drop_target is None:
            super().dropEvent(event)
            return
        point = self.mapToScene(event.position().toPoint())
        if self.drop_target.drop(ids, point, event.modifiers()):
            event.acceptProposedAction()
        else:
            event.ignore()
