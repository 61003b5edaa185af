"""What a document shows when it opens: its first saved view, at a zoom whose labels can be read
(a big diagram from the top of its org chart, the rest a pan or a Fit away)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from orgmodel.examples import load_example
from orgmodel.persistence.store import save_document
from orgmodel.ui.diagram.items import TEXT_LOD
from orgmodel.ui.diagram.widget import CLAMPED_NOTE, LEGIBLE_ZOOM, DiagramWidget

pytestmark = pytest.mark.gui


def _root_team(diagram: DiagramWidget) -> str:
    model = diagram.model
    return next(t.id for t in model.teams.values() if t.parent is None)


def _readable_from_the_top(diagram: DiagramWidget) -> None:
    assert diagram.view.zoom() == pytest.approx(LEGIBLE_ZOOM)
    assert diagram.view.zoom() >= TEXT_LOD and diagram.scene.labels_visible
    shown = diagram.visible_rect()
    root = diagram.scene.node_items[_root_team(diagram)].sceneBoundingRect()
    assert shown.contains(root)  # the head of the org chart is in the window
    assert root.top() - shown.top() < shown.height() / 3  # near the top edge, not the middle
    assert not shown.contains(diagram.scene.items_rect())  # the rest is a pan away
    assert CLAMPED_NOTE.strip(" ·") in diagram.status.text()
    _labelled_where_shown(diagram)


def _labelled_where_shown(diagram: DiagramWidget) -> None:
    """Nodes in the window have their labels; nodes well away from it have none yet (a fit on
    its way to the top of a large diagram does not label everything it passes)."""
    shown = diagram.visible_rect()
    near = shown.adjusted(-shown.width(), -shown.height(), shown.width(), shown.height())
    items = list(diagram.scene.node_items.values())
    assert all(i.has_labels for i in items if shown.intersects(i.sceneBoundingRect()))
    assert not any(i.has_labels for i in items if not near.intersects(i.sceneBoundingRect()))


def test_the_seed_opens_on_its_first_saved_view_readable(seed_window: Any) -> None:
    diagram = seed_window.central.diagram
    first = next(iter(seed_window.document.model.views.values()))
    assert diagram.view_id == first.id
    assert diagram.controls.views.currentText() == first.name
    _readable_from_the_top(diagram)


def test_fit_still_shows_everything_and_drops_the_note(seed_window: Any) -> None:
    diagram = seed_window.central.diagram
    diagram.fit_action.trigger()
    assert diagram.visible_rect().contains(diagram.scene.items_rect())
    assert diagram.view.zoom() < LEGIBLE_ZOOM
    assert "Ctrl+0" not in diagram.status.text()


def test_the_readable_start_follows_window_resizes(seed_window: Any, qtbot: QtBot) -> None:
    diagram = seed_window.central.diagram
    before = diagram.view.viewport().width()
    seed_window.resize(seed_window.width() + 300, seed_window.height() + 150)
    qtbot.waitUntil(lambda: diagram.view.viewport().width() > before)
    _readable_from_the_top(diagram)
    diagram.view.zoom_by(1.25)  # the user's own zoom is left alone from then on
    zoom = diagram.view.zoom()
    seed_window.resize(seed_window.width() - 200, seed_window.height() - 100)
    qtbot.wait(50)
    assert diagram.view.zoom() == pytest.approx(zoom)


def test_a_document_opens_on_whichever_view_is_first(window: Any, tmp_path: Path) -> None:
    model = load_example("seed-enterprise")
    stack_view = next(v for v in model.views.values() if v.name == "Platform stack")
    model.move_view(stack_view.id, 0)
    path = tmp_path / "reordered.orgmodel"
    save_document(model, path)
    assert window.files.open_path(path, ask=False)
    diagram = window.central.diagram
    assert diagram.view_id == stack_view.id
    assert diagram.controls.views.currentText() == "Platform stack"
    assert diagram.view.zoom() >= LEGIBLE_ZOOM


def test_a_document_without_views_opens_readable_from_the_top(window: Any,
                                                             tmp_path: Path) -> None:
    model = load_example("seed-enterprise")
    model.remove_many(list(model.views))
    path = tmp_path / "no-views.orgmodel"
    save_document(model, path)
    assert window.files.open_path(path, ask=False)
    diagram = window.central.diagram
    assert diagram.view_id is None
    _readable_from_the_top(diagram)


def test_a_small_diagram_is_still_fitted_whole(widget: DiagramWidget) -> None:
    widget.set_view(None)
    assert widget.visible_rect().contains(widget.scene.items_rect())
    assert widget.view.zoom() >= LEGIBLE_ZOOM
    assert "Ctrl+0" not in widget.status.text()


@pytest.fixture
def large(qtbot: QtBot) -> Iterator[DiagramWidget]:
    """The large example's diagram in a shown 1400x900 widget, on its default view."""
    from orgmodel.editing.stack import CommandStack

    diagram = DiagramWidget(CommandStack(load_example("large-enterprise")))
    qtbot.addWidget(diagram)
    diagram.resize(1400, 900)
    diagram.show()
    qtbot.waitExposed(diagram)
    yield diagram
    diagram.close_model()


def test_the_large_example_opens_labelling_only_what_is_near_the_window(large: DiagramWidget) -> None:
    diagram = large
    diagram.set_view(None)  # teams only, readable from the top
    assert diagram.view.zoom() == pytest.approx(LEGIBLE_ZOOM)
    _labelled_where_shown(diagram)
    labelled = sum(i.has_labels for i in diagram.scene.node_items.values())
    assert 0 < labelled < len(diagram.scene.node_items) / 2


def test_removing_a_big_team_relayouts_once_and_ends_where_a_new_canvas_would(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """A command sends dozens of events (a team, its people, services, edges); the canvas
    follows the layout once the command's batch ends, not once per event; after the command and
    after its undo every node is where a freshly opened canvas puts it."""
    from orgmodel.analysis import layouts
    from orgmodel.analysis.styles import NODE_KINDS
    from orgmodel.editing.commands import RemoveEntityCommand
    from orgmodel.editing.stack import CommandStack
    from orgmodel.ui.diagram.filters import ViewFilter
    from orgmodel.ui.diagram.scene import DiagramScene

    model = load_example("large-enterprise")
    stack = CommandStack(model)
    every_kind = ViewFilter(node_kinds=frozenset(NODE_KINDS))
    scene = DiagramScene(model)
    scene.configure("org_chart", every_kind, {})
    calls: list[int] = []
    real = layouts.layout
    monkeypatch.setattr(layouts, "layout", lambda *a, **k: calls.append(1) or real(*a, **k))
    members = {t: sum(p.team == t for p in model.people.values()) for t in model.teams}
    big = max(members, key=members.__getitem__)
    for step in (lambda: stack.push(RemoveEntityCommand(big)), stack.undo):
        calls.clear()
        step()
        assert len(calls) == 1
        fresh = DiagramScene(model)
        fresh.configure("org_chart", every_kind, {})
        assert scene.current_positions() == fresh.current_positions()
        assert set(scene.edge_items) == set(fresh.edge_items)
        fresh.close()
    scene.close()


def test_showing_every_kind_labels_the_nodes_near_the_window(large: DiagramWidget) -> None:
    from orgmodel.analysis.styles import NODE_KINDS
    from orgmodel.ui.diagram.filters import ViewFilter

    diagram = large
    diagram.set_view(None)
    diagram.set_filter(ViewFilter(node_kinds=frozenset(NODE_KINDS)))
    assert diagram.view.zoom() >= TEXT_LOD
    shown = diagram.visible_rect()
    items = list(diagram.scene.node_items.values())
    assert all(i.has_labels for i in items if shown.intersects(i.sceneBoundingRect()))
    assert sum(i.has_labels for i in items) < len(items) / 5  # not the 5,000 the view does not show


def test_showing_more_kinds_keeps_the_users_place_and_all_of_it_in_reach(large: DiagramWidget) -> None:
    """Showing every node kind of the large example grows the org chart threefold: the team in
    the middle of the window stays where it was in the window, and scrolling reaches all of the
    grown diagram (the scroll range of the first fit used to stop a third of the way)."""
    from orgmodel.analysis.styles import NODE_KINDS
    from orgmodel.ui.diagram.filters import ViewFilter

    diagram = large
    diagram.set_view(None)
    anchor = diagram.view.anchor()
    assert anchor is not None
    team = diagram.scene.node_items[anchor[0]]
    before = diagram.view.mapFromScene(team.pos())
    position = team.pos()
    diagram.set_filter(ViewFilter(node_kinds=frozenset(NODE_KINDS)))
    assert team.pos() != position  # the relayout moved it...
    after = diagram.view.mapFromScene(team.pos())
    assert abs(after.x() - before.x()) <= 1 and abs(after.y() - before.y()) <= 1  # ...not in the window
    assert diagram.view.sceneRect().contains(diagram.scene.itemsBoundingRect())
