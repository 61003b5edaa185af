"""How the canvas looks: names that fit their boxes, the dark canvas, the legend kept clear of nodes,
and readable zoom when an entity is centred (what the screenshots in docs/screenshots showed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainterPath, QPalette

from orgmodel.analysis.styles import CANVAS_DARK, CANVAS_LIGHT, edge_colour, edge_style
from orgmodel.editing.commands import ChangeEntityCommand
from orgmodel.editing.stack import CommandStack
from orgmodel.ui.diagram.items import TEXT_LOD, NodeItem
from orgmodel.ui.diagram.widget import DiagramWidget


def _name_label(item: NodeItem) -> str:
    item.show_text(True)
    return item._labels[0].text()


def test_long_team_names_shrink_a_little_before_being_elided(widget: DiagramWidget,
                                                            stack: CommandStack) -> None:
    stack.push(ChangeEntityCommand("sre", name="Site Reliability Engineering"))
    item = widget.scene.node_items["sre"]
    assert _name_label(item) == "Site Reliability Engineering"
    assert item._labels[0].font().pixelSize() < 13
    assert item._labels[0].boundingRect().width() <= item.style.width
    stack.push(ChangeEntityCommand("sre", name="Site Reliability Engineering and Production Operations"))
    item = widget.scene.node_items["sre"]
    assert _name_label(item).endswith("…")
    assert item._labels[0].boundingRect().width() <= item.style.width


def test_dark_palette_darkens_the_canvas_but_not_exports(widget: DiagramWidget, tmp_path: Path) -> None:
    assert widget.scene.backgroundBrush().color() == QColor(CANVAS_LIGHT)
    palette = QPalette(widget.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#2b2d30"))
    widget.view.setPalette(palette)
    assert widget.scene.dark
    assert widget.scene.backgroundBrush().color() == QColor(CANVAS_DARK)
    edge = next(iter(widget.scene.edge_items.values()))
    assert edge.pen().color() == QColor(edge_colour(edge_style(edge.kind), dark=True))
    out = tmp_path / "d.png"
    widget.export(str(out), scale=1.0)
    assert QImage(str(out)).pixelColor(2, 2) == QColor("#ffffff")
    assert widget.scene.dark  # restored after the export


def test_fitting_keeps_nodes_clear_of_the_legend(widget: DiagramWidget) -> None:
    widget.resize(1100, 700)
    widget.view.fit()
    legend = widget.legend
    assert not legend.isHidden()
    corner = widget.view.mapToScene(legend.geometry()).boundingRect()
    assert not any(i.sceneBoundingRect().intersects(corner) for i in widget.scene.node_items.values())


def test_centring_zooms_in_when_labels_are_not_drawn(widget: DiagramWidget) -> None:
    widget.view.set_zoom(0.2)
    widget.center_on(["ledger"])
    assert widget.view.zoom() >= TEXT_LOD
    assert widget.scene.node_items["ledger"].has_labels
    assert widget.visible_rect().contains(widget.scene.node_items["ledger"].sceneBoundingRect())


def test_bounds_follow_the_pen_so_a_selected_node_repaints_whole(widget: DiagramWidget) -> None:
    item = widget.scene.node_items["sre"]
    plain = item.boundingRect()
    half_pen = item.pen().widthF() / 2.0
    assert plain.width() >= item.style.width + 2 * half_pen - 0.01  # the outline is inside the bounds
    widget.scene.make_interactive()  # as a press on the canvas does
    item.setSelected(True)
    selected = item.boundingRect()
    assert item.pen().widthF() > 2 * half_pen
    assert selected.width() > plain.width() and selected.contains(plain)
    item.setSelected(False)
    assert item.boundingRect() == plain
    edge = next(iter(widget.scene.edge_items.values()))
    route = edge.path().controlPointRect()
    assert edge.boundingRect().contains(route)  # edges' cheap bounds still hold the whole route


def test_every_edge_is_drawn_inside_the_bounds_qt_repaints(qapp: object) -> None:
    """Edges give Qt the box of the points they drew instead of stroking the route: on every
    layout of the seed example, with every node kind and every edge kind shown, each edge's
    path lies inside its bounds widened by the pen (else moving a node leaves stray lines)."""
    from orgmodel.analysis.styles import EDGE_KINDS, NODE_KINDS
    from orgmodel.examples import load_example
    from orgmodel.ui.diagram.filters import ViewFilter
    from orgmodel.ui.diagram.scene import DiagramScene

    model = load_example("seed-enterprise")
    checked = 0
    for layout in ("org_chart", "platform_stack", "force"):
        scene = DiagramScene(model)
        scene.configure(layout, ViewFilter(node_kinds=frozenset(NODE_KINDS),
                                           edge_kinds=frozenset(EDGE_KINDS)), {})
        for item in {id(i): i for i in scene.edge_items.values()}.values():
            drawn = item.path().controlPointRect()
            pen = item.pen().widthF() / 2.0
            assert item.boundingRect().contains(drawn.adjusted(-pen, -pen, pen, pen)), (layout, item)
            checked += 1
        scene.close()
    assert checked > 100


def test_edges_routed_from_the_layout_match_edges_routed_from_their_nodes(qapp: object) -> None:
    """A new canvas routes its edges from the layout's positions (not asking Qt where each node
    is): the routes equal those recomputed from the placed node items, on every layout."""
    from orgmodel.analysis.styles import EDGE_KINDS, NODE_KINDS
    from orgmodel.examples import load_example
    from orgmodel.ui.diagram.filters import ViewFilter
    from orgmodel.ui.diagram.scene import DiagramScene

    model = load_example("seed-enterprise")
    for layout in ("org_chart", "platform_stack", "force"):
        scene = DiagramScene(model)
        scene.configure(layout, ViewFilter(node_kinds=frozenset(NODE_KINDS),
                                           edge_kinds=frozenset(EDGE_KINDS)), {})
        items = list({id(i): i for i in scene.edge_items.values()}.values())
        built = [QPainterPath(item.path()) for item in items]
        for item in items:
            item.adjust()
        assert [item.path() for item in items] == built, layout
        assert len(items) > 50
        scene.close()
