"""The canvas as a user drives it: mirrors the model, drags, layouts, filters, search, zoom."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from orgmodel.analysis.layouts import boxes_of, overlapping_pairs
from orgmodel.core.entities import Person
from orgmodel.core.kinds import Layout, Role
from orgmodel.editing.commands import AddEntityCommand, ChangeEntityCommand, RemoveEntityCommand
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.diagram.widget import DiagramWidget

from .conftest import settle

pytestmark = pytest.mark.gui


def view_point(widget: DiagramWidget, node_id: str) -> QPoint:
    return widget.view.mapFromScene(widget.scene.node_items[node_id].scenePos())


def drag(qtbot: QtBot, widget: DiagramWidget, start: QPoint, end: QPoint,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    viewport = widget.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def test_scene_shows_every_node_without_overlap(widget: DiagramWidget) -> None:
    scene = widget.scene
    assert set(scene.node_items) == set(scene.nodes)
    kinds = {n: d.kind for n, d in scene.nodes.items()}
    assert overlapping_pairs(boxes_of(scene.current_positions(), kinds)) == []
    assert ("p0", "pay", "member_of") in scene.edge_items


def test_canvas_mirrors_add_change_remove_and_undo(widget: DiagramWidget, stack: CommandStack) -> None:
    stack.push(AddEntityCommand(Person("new", "Nia New", Role.SOFTWARE_ENGINEER, "pay")))
    item = widget.scene.node_items["new"]
    assert ("new", "pay", "member_of") in widget.scene.edge_items
    team = widget.scene.node_items["pay"]
    assert item.pos().y() > team.pos().y()  # laid out under its team
    assert "4 people" in team.caption
    stack.push(ChangeEntityCommand("new", name="Nia Renamed"))
    assert widget.scene.node_items["new"].data_.label == "Nia Renamed"
    stack.push(ChangeEntityCommand("new", team="shop"))
    assert ("new", "shop", "member_of") in widget.scene.edge_items
    assert ("new", "pay", "member_of") not in widget.scene.edge_items
    stack.push(RemoveEntityCommand("new"))
    assert "new" not in widget.scene.node_items
    assert not any("new" in key[:2] for key in widget.scene.edge_items)
    stack.undo()
    assert widget.scene.node_items["new"].data_.label == "Nia Renamed"


def test_removing_a_team_removes_its_items_and_undo_restores(widget: DiagramWidget,
                                                          stack: CommandStack) -> None:
    stack.push(RemoveEntityCommand("pay"))
    assert not {"pay", "p0", "p1", "p2", "ledger"} & set(widget.scene.node_items)
    stack.undo()
    assert {"pay", "p0", "p1", "p2", "ledger"} <= set(widget.scene.node_items)
    assert ("ledger", "k8s-1", "runs_on") in widget.scene.edges


def test_drag_is_one_undo_step(qtbot: QtBot, widget: DiagramWidget, stack: CommandStack) -> None:
    before = widget.scene.node_items["ledger"].pos()
    start = view_point(widget, "ledger")
    drag(qtbot, widget, start, start + QPoint(0, 120))
    after = widget.scene.node_items["ledger"].pos()
    assert after.y() > before.y()
    assert len(stack) == 1 and stack.undo_text.startswith("Move")
    assert stack.model.views["v1"].positions["ledger"] == (after.x(), after.y())
    stack.undo()
    settle(widget)
    assert widget.scene.node_items["ledger"].pos() == before
    assert "ledger" not in stack.model.views["v1"].positions


def test_dragging_a_selection_moves_all_in_one_command(qtbot: QtBot, widget: DiagramWidget,
                                                      stack: CommandStack) -> None:
    widget.select_ids(["p0", "p1"])
    start = view_point(widget, "p0")
    viewport = widget.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, start)
    qtbot.mouseMove(viewport, start + QPoint(40, 200))
    qtbot.mouseMove(viewport, start + QPoint(80, 400))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(80, 400))
    assert len(stack) == 1
    assert set(stack.model.views["v1"].positions) == {"p0", "p1"}


def test_apply_layout_is_undoable_and_animates(qtbot: QtBot, widget: DiagramWidget,
                                               stack: CommandStack) -> None:
    before = widget.scene.current_positions()
    assert widget.apply_layout(Layout.PLATFORM_STACK)
    view = stack.model.views["v1"]
    assert view.layout is Layout.PLATFORM_STACK and set(view.positions) == set(before)
    assert widget.scene.animating
    qtbot.waitUntil(lambda: not widget.scene.animating, timeout=3000)
    assert widget.scene.current_positions() == pytest.approx(view.positions)
    assert len(stack) == 1
    stack.undo()
    settle(widget)
    assert stack.model.views["v1"].layout is Layout.ORG_CHART
    assert widget.scene.current_positions() == before


def test_layout_on_unsaved_view_creates_a_view_in_the_same_step(widget: DiagramWidget,
                                                               stack: CommandStack) -> None:
    widget.set_view(None)
    widget.apply_layout(Layout.FORCE)
    assert len(stack) == 1 and len(stack.model.views) == 3
    assert widget.current_view is not None and widget.current_view.layout is Layout.FORCE
    stack.undo()
    assert len(stack.model.views) == 2 and widget.view_id is None


def test_filters_hide_and_show_items(widget: DiagramWidget) -> None:
    flt = widget.scene.filter.toggled("node_kinds", "person", False, widget.scene.node_count)
    widget.set_filter(flt)
    assert not any(i.startswith("p") and i[1:].isdigit() for i in widget.scene.node_items)
    assert "boss" not in widget.scene.node_items and "pay" in widget.scene.node_items
    widget.set_collapsed("pay", True)
    assert "ledger" not in widget.scene.node_items
    assert widget.scene.node_items["pay"].collapsed_count == 1
    widget.set_collapsed("pay", False)
    widget.show_subtree("plat")
    assert set(widget.scene.node_items) == {"plat", "k8s", "k8s-1"}
    widget.show_subtree(None)
    widget.focus_on(["ledger"])
    assert set(widget.scene.node_items) == {"ledger", "pay"}


def test_edge_kind_filter(widget: DiagramWidget) -> None:
    assert ("p0", "boss", "reports_to") not in widget.scene.edge_items
    widget.set_filter(widget.scene.filter.toggled("edge_kinds", "reports_to", True))
    assert ("p0", "boss", "reports_to") in widget.scene.edge_items
    widget.set_filter(widget.scene.filter.toggled("edge_kinds", "member_of", False))
    assert ("p0", "pay", "member_of") not in widget.scene.edge_items


def test_search_highlights_and_centres(qtbot: QtBot, widget: DiagramWidget) -> None:
    widget.view.set_zoom(2.0, QPointF(0, 0))
    qtbot.keyClick(widget.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert widget.search.hasFocus()
    qtbot.keyClicks(widget.search, "ledg")
    lit = [n for n, i in widget.scene.node_items.items() if i.highlighted]
    assert lit == ["ledger"]
    qtbot.keyClick(widget.search, Qt.Key.Key_Return)
    assert widget.interactions.selected_ids() == ["ledger"]
    centre = widget.view.mapToScene(widget.view.viewport().rect().center())
    item = widget.scene.node_items["ledger"].pos()
    assert abs(centre.x() - item.x()) < 5 and abs(centre.y() - item.y()) < 5
    qtbot.keyClick(widget.search, Qt.Key.Key_Escape)
    assert not any(i.highlighted for i in widget.scene.node_items.values())


def test_zoom_keys_and_fit(qtbot: QtBot, widget: DiagramWidget) -> None:
    widget.view.setFocus()
    zoom = widget.view.zoom()
    qtbot.keyClick(widget.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert widget.view.zoom() == pytest.approx(zoom * 1.25)
    qtbot.keyClick(widget.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert widget.view.zoom() == pytest.approx(zoom * 0.8)
    qtbot.keyClick(widget.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    shown = widget.visible_rect()
    assert shown.contains(widget.scene.items_rect())


def test_rubber_band_selects_nodes(qtbot: QtBot, widget: DiagramWidget) -> None:
    rect = widget.scene.items_rect()
    top_left = widget.view.mapFromScene(rect.topLeft() - QPointF(20, 20))
    bottom_right = widget.view.mapFromScene(rect.bottomRight() + QPointF(20, 20))
    drag(qtbot, widget, top_left, bottom_right)
    assert set(widget.interactions.selected_ids()) == set(widget.scene.node_items)
    assert len(widget.stack) == 0


def test_large_model_opens_with_teams_only(qtbot: QtBot) -> None:
    from orgmodel.examples import load_example

    model = load_example("large-enterprise")
    w = DiagramWidget(CommandStack(model))
    qtbot.addWidget(w)
    w.set_view(None)  # no saved filter: a huge model shows its teams first
    assert set(w.scene.node_items) == set(model.teams)
    assert "teams only" in w.status.text()
    w.close_model()


def test_deleted_widget_stops_listening(qtbot: QtBot, stack: CommandStack) -> None:
    w = DiagramWidget(stack)
    scene = w.scene
    w.deleteLater()
    qtbot.waitUntil(lambda: scene._closed, timeout=2000)
    stack.push(AddEntityCommand(Person("late", "Late Comer", Role.OTHER, "pay")))  # no error
    assert "late" not in scene.nodes


def test_edges_follow_a_node_during_a_drag(qtbot: QtBot, widget: DiagramWidget) -> None:
    edge = widget.scene.edge_items[("pay", "ledger", "owns")]  # Payments' ownership comb
    before = edge.path().boundingRect()
    start = view_point(widget, "ledger")
    viewport = widget.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    qtbot.mouseMove(viewport, start + QPoint(150, 150))
    qtbot.mouseMove(viewport, start + QPoint(300, 300))
    assert edge.path().boundingRect() != before  # re-routed while the button is still down
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(300, 300))


def test_legend_lists_what_is_shown_and_hides_when_too_big(qtbot: QtBot, widget: DiagramWidget) -> None:
    captions = {e.caption for e in widget.legend.entries}
    assert {"Software team", "SRE-SE", "member of"} <= captions
    assert "Version retired" not in captions  # no retired version in this model
    assert widget.legend.isVisible()
    widget.controls.legend_action.setChecked(False)
    assert not widget.legend.isVisible()
    widget.controls.legend_action.setChecked(True)
    widget.resize(500, 400)
    qtbot.waitUntil(lambda: not widget.legend.isVisible(), timeout=2000)


def test_view_refits_on_resize_until_the_user_zooms(qtbot: QtBot, widget: DiagramWidget) -> None:
    widget.resize(700, 500)
    qtbot.waitUntil(lambda: widget.visible_rect().contains(widget.scene.items_rect()), timeout=2000)
    widget.view.zoom_by(2.0)
    zoom = widget.view.zoom()
    widget.resize(1000, 700)
    qtbot.waitUntil(lambda: widget.view.viewport().width() > 900, timeout=2000)
    assert widget.view.zoom() == pytest.approx(zoom)


def test_double_click_collapses_and_expands_a_team(qtbot: QtBot, widget: DiagramWidget) -> None:
    point = view_point(widget, "pay")
    qtbot.mouseDClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert "p0" not in widget.scene.node_items and widget.scene.node_items["pay"].collapsed_count == 4
    qtbot.mouseDClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point(widget, "pay"))
    assert "p0" in widget.scene.node_items
    assert len(widget.stack) == 0  # collapsing is a way of looking, not an edit


def test_force_layout_refuses_big_views_and_says_why(monkeypatch: pytest.MonkeyPatch,
                                                     widget: DiagramWidget) -> None:
    from orgmodel.analysis import layouts

    monkeypatch.setattr(layouts, "FORCE_LIMIT", 5)
    before = widget.scene.current_positions()
    assert not widget.apply_layout(Layout.FORCE)
    assert "up to 5 nodes" in widget.status.text()
    assert len(widget.stack) == 0 and widget.scene.current_positions() == before


def test_level_of_detail_follows_zoom(widget: DiagramWidget) -> None:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    widget.view.set_zoom(0.1)
    assert not widget.scene.labels_visible
    assert not widget.view.renderHints() & QPainter.RenderHint.Antialiasing
    widget.view.set_zoom(1.0)
    assert widget.scene.labels_visible
    labels = [c for c in widget.scene.node_items["pay"].childItems()
              if isinstance(c, QGraphicsSimpleTextItem)]
    assert [label.text() for label in labels] == ["Payments", "Software · 3 people"]
    assert all(label.isVisible() for label in labels)


def test_legend_stays_in_the_corner_while_scrolling(widget: DiagramWidget) -> None:
    widget.view.set_zoom(2.0, widget.scene.node_items["pay"].pos())
    corner = widget.legend.pos()
    widget.view.horizontalScrollBar().setValue(widget.view.horizontalScrollBar().value() + 300)
    widget.view.verticalScrollBar().setValue(widget.view.verticalScrollBar().value() + 200)
    assert widget.legend.pos() == corner


def test_filter_menu_toggles_kinds_and_support(widget: DiagramWidget) -> None:
    menu = widget.controls.filter_menu
    menu.aboutToShow.emit()
    people = next(a for a in menu.actions() if a.text() == "People")
    assert people.isChecked()
    people.trigger()
    assert "p0" not in widget.scene.node_items
    menu.aboutToShow.emit()  # rebuilt from the current filter
    assert not next(a for a in menu.actions() if a.text() == "People").isChecked()
    next(a for a in menu.actions() if a.text() == "SRE-supported only").trigger()
    assert "cart" in widget.scene.node_items and "ledger" not in widget.scene.node_items
    menu.aboutToShow.emit()
    next(a for a in menu.actions() if a.text() == "Reports to").trigger()
    assert "reports_to" in widget.scene.edge_kinds


def test_labels_are_made_only_for_nodes_near_the_window(widget: DiagramWidget) -> None:
    items = widget.scene.node_items
    widget.view.set_zoom(0.1)
    widget.scene.set_labels_visible(False)
    for item in items.values():  # start from a canvas without any label
        item._drop_labels()
        item._text_on = False
    left = min(items.values(), key=lambda i: i.pos().x())
    right = max(items.values(), key=lambda i: i.pos().x())
    widget.view.set_zoom(3.0, left.pos())
    assert left.has_labels and not right.has_labels
    widget.view.centerOn(right.pos())  # scrolling brings labels along
    assert right.has_labels


def test_wheel_zooms_and_middle_button_pans(qtbot: QtBot, widget: DiagramWidget) -> None:
    from PySide6.QtCore import QPointF as P
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    viewport = widget.view.viewport()
    centre = P(viewport.rect().center())
    zoom = widget.view.zoom()
    wheel = QWheelEvent(centre, P(viewport.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert widget.view.zoom() > zoom * 1.3
    assert not widget.view.auto_fit
    bar = widget.view.horizontalScrollBar()
    before = bar.value()
    start = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(-200, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, pos=start + QPoint(-200, 0))
    assert bar.value() > before  # dragged left: the view moved right
    assert len(widget.stack) == 0 and not widget.interactions.selected_ids()


def test_nodes_become_selectable_at_the_first_press_and_stay_so(qtbot: QtBot, widget: DiagramWidget,
                                                                 stack: CommandStack) -> None:
    """Opening a diagram does not make every node selectable and movable (a Qt call per node);
    the first press on the canvas does, and nodes added after it are made so at once."""
    from PySide6.QtWidgets import QGraphicsItem

    selectable = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    scene = widget.scene
    assert not any(i.flags() & selectable for i in scene.node_items.values())
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point(widget, "cart"))
    assert [i.node_id for i in scene.selectedItems()] == ["cart"]
    assert all(i.flags() & selectable for i in scene.node_items.values())
    stack.push(AddEntityCommand(Person("late", "Lee Late", Role.SRE_SE, "sre")))
    assert scene.node_items["late"].flags() & selectable
    widget.select_ids(["late"])
    assert [i.node_id for i in scene.selectedItems()] == ["late"]


def test_a_press_on_an_edge_acts_as_on_the_background(qtbot: QtBot, widget: DiagramWidget) -> None:
    """Edges take no clicks: a press where only a comb's box is clears the selection and a drag
    from there draws a rubber band, as on the empty canvas."""
    from orgmodel.ui.diagram.items import NodeItem

    scene = widget.scene
    comb = next(iter(scene.combs.values()))
    box = comb.sceneBoundingRect()
    spot = next(QPointF(box.left() + dx, box.top() + dy)
                for dy in range(2, int(box.height()), 3) for dx in range(2, int(box.width()), 3)
                if scene.items(QPointF(box.left() + dx, box.top() + dy))
                and not any(isinstance(i, NodeItem) for i in scene.items(QPointF(box.left() + dx,
                                                                                  box.top() + dy))))
    start = widget.view.mapFromScene(spot)
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point(widget, "cart"))
    assert [i.node_id for i in scene.selectedItems()] == ["cart"]
    qtbot.mouseClick(widget.view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    assert scene.selectedItems() == []
    everything = widget.view.mapFromScene(scene.items_rect().bottomRight() + QPointF(20, 20))
    drag(qtbot, widget, start, everything)
    assert scene.selectedItems() and len(widget.stack) == 0
