"""Drawing a saved view of a model with matplotlib, for PDF/PPTX reports (vector, no Qt).

``draw_view(model, view, fig)`` renders the ``Scene`` of ``diagram_scene``: node boxes in the
colours and shapes of ``analysis.styles`` (team kinds, roles, SRE-supported services, platform
version status), tree and comb connectors along their routes, other relations as arrows, and a
legend of exactly what is drawn. Labels are sized from the drawing's scale so they never
overflow their boxes. Not for interaction or canvas export (``ui.diagram`` does that).
"""

from __future__ import annotations

import math
import textwrap
from typing import TYPE_CHECKING, Any

from orgmodel.analysis import styles as node_styles
from orgmodel.core.entities import View
from orgmodel.core.model import OrgModel
from orgmodel.reporting import style
from orgmodel.reporting.diagram_scene import (
    LABEL_PX,
    Scene,
    box_size,
    build_scene,
    extent,
    team_counts,
)
from orgmodel.reporting.figures import new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DASHES: dict[str, Any] = {"solid": "-", "dash": (0, (5, 3)), "dot": (0, (1, 2)),
                          "dashdot": (0, (5, 2, 1, 2))}
LEGEND_WIDTH_IN = 2.4
DIAGRAM_FIGSIZE = (13.0, 6.4)  # a standalone drawing: about a 16:9 slide without its title


def _shape(kind: str, x: float, y: float, w: float, h: float, st: Any, lw: float) -> Any:
    from matplotlib.patches import FancyBboxPatch, Polygon

    common = {"facecolor": st.fill, "edgecolor": st.stroke, "linewidth": lw,
              "linestyle": "--" if st.dashed else "-", "zorder": 3}
    left, top = x - w / 2, y - h / 2
    if kind in ("round_rect", "pill", "cylinder"):
        radius = h / 2 if kind == "pill" else h * (0.3 if kind == "cylinder" else 0.18)
        return FancyBboxPatch((left, top), w, h,
                              boxstyle=f"round,pad=0,rounding_size={radius}", **common)
    if kind == "hexagon":
        d = h / 2
        pts = [(left + d, top), (left + w - d, top), (left + w, y), (left + w - d, top + h),
               (left + d, top + h), (left, y)]
    elif kind == "tag":
        d = h / 2
        pts = [(left, top), (left + w - d, top), (left + w, y), (left + w - d, top + h),
               (left, top + h)]
    else:  # octagon
        d = h * 0.3
        pts = [(left + d, top), (left + w - d, top), (left + w, top + d), (left + w, top + h - d),
               (left + w - d, top + h), (left + d, top + h), (left, top + h - d), (left, top + d)]
    return Polygon(pts, closed=True, **common)


def _fit_label(text: str, box_w: float, font_units: float, lines: int = 2) -> tuple[str, float]:
    """A label that fits a box ``box_w`` wide: shrunk up to 20 %, then wrapped, then shortened.

    Returns the text and the factor to apply to the font size.
    """
    capacity = box_w * 0.92 / (font_units * 0.6)  # characters per line at full size
    if len(text) <= capacity:
        return text, 1.0
    if len(text) <= capacity / 0.8:
        return text, capacity / len(text)
    if lines == 1:
        return text[: int(capacity / 0.8) - 1].rstrip() + "…", 0.8
    per_line = max(4, int(capacity / 0.85))
    wrapped = textwrap.wrap(text, per_line) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: per_line - 1].rstrip() + "…"
    return "\n".join(wrapped), 0.85


def _draw_nodes(ax: Any, scene: Scene, points_per_unit: float, counts: dict[str, str]) -> None:
    for node, (x, y) in scene.positions.items():
        data = scene.nodes[node]
        st = node_styles.node_style(data["kind"], data["sub"])
        w, h = box_size(data["kind"], scene.compact)
        ax.add_patch(_shape(st.shape, x, y, w, h, st, max(0.5, st.stroke_width * 0.6)))
        is_team = data["kind"] == "team"
        font_units = LABEL_PX * (1.1 if is_team else 1.0)
        fontsize = font_units * points_per_unit
        extra = counts.get(node)
        inner = w - (h if st.shape in ("hexagon", "tag") else 8)
        label, factor = _fit_label(data["label"], inner, font_units)
        weight = "bold" if st.bold else "normal"
        if extra:
            two = "\n" in label
            ax.text(x, y - h * (0.1 if two else 0.16), label, ha="center", va="center", zorder=4,
                    linespacing=0.95, **style.font(fontsize * factor, st.text, weight=weight))
            ax.text(x, y + h * (0.34 if two else 0.24), extra, ha="center", va="center", zorder=4,
                    **style.font(fontsize * 0.78, style.MUTED))
        else:
            ax.text(x, y, label, ha="center", va="center", zorder=4, linespacing=1.0,
                    **style.font(fontsize * factor, st.text, weight=weight))


def _anchor(scene: Scene, node: str, toward: tuple[float, float]) -> tuple[float, float]:
    """Where a straight edge leaves ``node``'s box towards a point."""
    x, y = scene.positions[node]
    w, h = box_size(scene.nodes[node]["kind"], scene.compact)
    dx, dy = toward[0] - x, toward[1] - y
    if dx == 0 and dy == 0:
        return x, y
    scale = min((w / 2) / abs(dx) if dx else math.inf, (h / 2) / abs(dy) if dy else math.inf)
    return x + dx * scale, y + dy * scale


def _comb_kind(scene: Scene, leaf: str, head: str, kinds: dict[tuple[str, str], str]) -> str:
    if (leaf, head) in kinds or (head, leaf) in kinds:
        return kinds.get((leaf, head)) or kinds[(head, leaf)]
    return "version_of" if scene.nodes.get(leaf, {}).get("kind") == "platform_version" else "member_of"


def _draw_edges(ax: Any, scene: Scene, points_per_unit: float) -> None:
    """Routed structure (team tree, combs) first, then the other relations as arrows."""
    from matplotlib.patches import FancyArrowPatch

    lw_scale = max(0.35, min(1.0, points_per_unit * 1.4))
    kinds = {(s, t): k for s, t, k in scene.edges}
    for (leaf, head), route in scene.routes.items():
        es = node_styles.edge_style(_comb_kind(scene, leaf, head, kinds))
        xs, ys = zip(*route, strict=True)
        ax.plot(xs, ys, color=es.colour, linewidth=es.width * lw_scale, zorder=1,
                linestyle=DASHES[es.dash], solid_joinstyle="miter", solid_capstyle="butt")
    for source, target, kind in scene.edges:
        es = node_styles.edge_style(kind)
        if scene.routes and es.routing in ("tree", "comb"):
            continue  # the routes above show the structure
        if source not in scene.positions or target not in scene.positions:
            continue
        a = _anchor(scene, source, scene.positions[target])
        b = _anchor(scene, target, scene.positions[source])
        lw = es.width * lw_scale
        arrow = FancyArrowPatch(a, b, arrowstyle="-|>" if es.arrow else "-",
                                mutation_scale=max(4.0, 9 * lw_scale), color=es.colour,
                                linewidth=lw, linestyle=DASHES[es.dash],
                                connectionstyle="arc3,rad=0.12", zorder=2, alpha=0.75)
        ax.add_patch(arrow)


def _legend(ax: Any, scene: Scene) -> None:
    from matplotlib.lines import Line2D

    subs = {(d["kind"], d["sub"]) for d in scene.nodes.values()}
    edge_kinds = {kind for _, _, kind in scene.edges}
    handles = []
    for entry in node_styles.legend_entries(None, edge_kinds):
        if entry.node is not None and not any(
            node_styles.node_style(k, s) == entry.node for k, s in subs
        ):
            continue
        if entry.node is not None:
            marker = {"pill": "o", "hexagon": "h", "tag": ">", "octagon": "8"}.get(
                entry.node.shape, "s")
            handles.append(Line2D([], [], linestyle="", marker=marker, markersize=10,
                                  markerfacecolor=entry.node.fill, markeredgecolor=entry.node.stroke,
                                  markeredgewidth=1.4, label=entry.caption))
        elif entry.edge is not None:
            handles.append(Line2D([], [], color=entry.edge.colour, linewidth=1.6,
                                  linestyle=DASHES[entry.edge.dash], label=entry.edge.label))
    ax.axis("off")
    if handles:
        ax.legend(handles=handles, loc="upper left", frameon=False, fontsize=style.LEGEND_SIZE - 1,
                  title="Legend", title_fontsize=style.LEGEND_SIZE, alignment="left",
                  borderaxespad=0.0, handlelength=1.6)


def draw_scene(scene: Scene, fig: Figure, model: OrgModel | None = None, *,
               title: str | None = None, subtitle: str = "") -> Figure:
    """Draw a scene filling ``fig`` (legend on the right, title and notes on top if given)."""
    fig.clear()
    width, height = fig.get_figwidth(), fig.get_figheight()
    lines = style.wrap_subtitle(fig, subtitle).count("\n") + 1 if subtitle else 0
    top_in = 0.15 + (0.6 + 0.28 * lines if title else 0.0)
    bottom_in = 0.6 if title else 0.2  # titled pages keep room for a footer
    ax = fig.add_axes((0.3 / width, bottom_in / height, 1 - (LEGEND_WIDTH_IN + 0.5) / width,
                       1 - (top_in + bottom_in) / height))
    legend_ax = fig.add_axes((1 - LEGEND_WIDTH_IN / width, bottom_in / height,
                              (LEGEND_WIDTH_IN - 0.1) / width, 1 - (top_in + bottom_in) / height))
    left, top, right, bottom = extent(scene)
    pad = 12.0
    ax.set_xlim(left - pad, right + pad)
    ax.set_ylim(bottom + pad, top - pad)  # y grows downward, as on the canvas
    ax.set_aspect("equal", adjustable="box", anchor="N")
    ax.axis("off")
    # Equal aspect with an adjustable box: the data fill the axes in one direction.
    box_w = ax.get_position().width * width
    box_h = ax.get_position().height * height
    span_w, span_h = right - left + 2 * pad, bottom - top + 2 * pad
    points_per_unit = 72.0 * min(box_w / max(span_w, 1.0), box_h / max(span_h, 1.0))
    _draw_edges(ax, scene, points_per_unit)
    _draw_nodes(ax, scene, points_per_unit, team_counts(model, scene) if model else {})
    _legend(legend_ax, scene)
    if not scene.nodes:
        ax.text(0.5, 0.5, "Nothing to draw", transform=ax.transAxes, ha="center", va="center",
                **style.font(style.LABEL_SIZE + 2, style.MUTED))
    if title:
        style.title_figure(fig, title, subtitle)
    return fig


def draw_view(model: OrgModel, view: View | None, fig: Figure | None = None, *,
              title: str | None = None, subtitle: str | None = None, titled: bool = True) -> Figure:
    """A saved view (the whole model when None) as a diagram with a legend.

    Titled with the view's name (or ``title``) and its notes (or ``subtitle``). Untitled drawings
    (for slides, whose title is text) leave the notes to the caller: ``build_scene().notes``.
    """
    scene = build_scene(model, view)
    fig = fig if fig is not None else new_figure(DIAGRAM_FIGSIZE)
    if not titled:
        return draw_scene(scene, fig, model)
    text = " ".join(scene.notes) if subtitle is None else subtitle
    return draw_scene(scene, fig, model, title=title or scene.title, subtitle=text)
