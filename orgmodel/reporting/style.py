"""Style constants for every chart, diagram and report page: one palette, one set of font sizes.

Presentation-grade defaults live here so that charts, diagrams, the PDF and the PPTX look like one
family: a sober navy/orange/teal palette for compared scenarios, semantic colours for SRE, dev and
handed-back services, font sizes readable on a 16:9 slide. Pure data plus two tiny helpers that
style a matplotlib ``Axes``; no pyplot, no global rcParams changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

# Figure geometry: 16:9 at 10 inches wide reads well on a slide and on an A4 landscape page.
FIGSIZE: tuple[float, float] = (10.0, 5.625)
WIDE_FIGSIZE: tuple[float, float] = (12.0, 5.625)
DPI_SCREEN = 100
DPI_SLIDE = 200

FONT_FAMILY = "DejaVu Sans"
TITLE_SIZE = 16
SUBTITLE_SIZE = 11.5
LABEL_SIZE = 12
TICK_SIZE = 10.5
LEGEND_SIZE = 10.5
ANNOTATION_SIZE = 10

INK = "#1d2733"  # titles and axis labels
MUTED = "#5b6770"  # subtitles, secondary labels
GRID = "#dde3e8"
BACKGROUND = "#ffffff"

# Compared scenarios, in order (colour-blind safe: navy, orange, teal).
SCENARIO_COLOURS: tuple[str, ...] = ("#1f4e79", "#d9822b", "#2a9d8f")
SCENARIO_DASHES: tuple[Any, ...] = ("-", (0, (6, 2)), (0, (1.5, 1.5)))  # tell overlaps apart
FAN_ALPHA = 0.18

# Meaning-bearing colours.
CAP_COLOUR = "#b03a2e"  # the 50 % cap and budgets
OVERLOAD_SHADE = "#f6d5d1"
SRE_COLOUR = "#1f4e79"
DEV_COLOUR = "#8fb3d9"
HANDBACK_COLOUR = "#d9822b"
ROLE_COLOURS: dict[str, str] = {
    "dev": "#8fb3d9",
    "sre": "#1f4e79",
    "platform": "#2a9d8f",
    "automation": "#d9822b",
}
RATIO_COLOUR = "#6c3483"
HEATMAP_CMAP = "YlOrRd"
NEVER_COLOUR = "#e9ecef"


# Slides carry the title and takeaway as text: charts drawn inside ``untitled()`` leave them out.
_TITLED: ContextVar[bool] = ContextVar("orgmodel_chart_titles", default=True)


@contextmanager
def untitled() -> Iterator[None]:
    """Draw figures without their title and subtitle (the slide shows them as text)."""
    token = _TITLED.set(False)
    try:
        yield
    finally:
        _TITLED.reset(token)


# Report pages keep a strip at the bottom for their footer (inches).
_FOOTER_IN: ContextVar[float] = ContextVar("orgmodel_chart_footer", default=0.0)


@contextmanager
def footer_space(inches: float) -> Iterator[None]:
    """Draw figures leaving ``inches`` free at the bottom (for a page footer)."""
    token = _FOOTER_IN.set(inches)
    try:
        yield
    finally:
        _FOOTER_IN.reset(token)


def footer_inches() -> float:
    return _FOOTER_IN.get()


def scenario_colour(index: int) -> str:
    return SCENARIO_COLOURS[index % len(SCENARIO_COLOURS)]


def scenario_dash(index: int) -> Any:
    return SCENARIO_DASHES[index % len(SCENARIO_DASHES)]


def font(size: float = LABEL_SIZE, colour: str = INK, **extra: Any) -> dict[str, Any]:
    """Keyword arguments for matplotlib text calls."""
    return {"fontsize": size, "color": colour, "family": FONT_FAMILY, **extra}


def style_axes(ax: Any, *, grid_axis: str = "y") -> None:
    """Light grid, no top/right frame, readable ticks."""
    ax.set_facecolor(BACKGROUND)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(MUTED)
    ax.tick_params(labelsize=TICK_SIZE, colors=INK)
    ax.grid(True, axis=grid_axis, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)


def wrap_subtitle(fig: Any, text: str, max_lines: int = 2) -> str:
    """Wrap a subtitle to the figure's width (at most ``max_lines`` lines)."""
    import textwrap

    width_chars = int(fig.get_figwidth() * 72 / (SUBTITLE_SIZE * 0.58))
    lines = textwrap.wrap(text, width_chars)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ;,") + " ..."
    return "\n".join(lines)


def title_figure(fig: Any, title: str, subtitle: str = "") -> None:
    """A left-aligned bold title (what the chart shows) and an optional subtitle (the takeaway)."""
    if not _TITLED.get():
        return
    height = fig.get_figheight()
    subtitle = wrap_subtitle(fig, subtitle) if subtitle else ""
    # Bold DejaVu is ~0.64 em per character: shrink a long title rather than clip it.
    fits = fig.get_figwidth() * 0.97 * 72 / (0.64 * max(len(title), 1))
    size = max(11.0, min(TITLE_SIZE, fits))
    fig.text(0.012, 1 - 0.22 / height, title, ha="left", va="top", **font(size, weight="bold"))
    if subtitle:
        fig.text(0.012, 1 - 0.55 / height, subtitle, ha="left", va="top", **font(SUBTITLE_SIZE, MUTED))


def margins(fig: Any, *, subtitle: str | bool, top_axis: bool = True, right_axis: bool = False,
            legend_rows: int = 0) -> dict[str, float]:
    """Subplot margins in figure fractions from fixed distances in inches (any figure size)."""
    width, height = fig.get_figwidth(), fig.get_figheight()
    lines = wrap_subtitle(fig, subtitle).count("\n") + 1 if isinstance(subtitle, str) and subtitle else int(bool(subtitle))
    title_in = 0.6 + 0.28 * lines if _TITLED.get() else 0.12
    top_in = title_in + (0.3 if top_axis else 0.0)
    bottom_in = 0.62 + (0.12 + 0.28 * legend_rows if legend_rows else 0.0) + _FOOTER_IN.get()
    return {
        "left": 0.85 / width,
        "right": 1 - (0.95 if right_axis else 0.3) / width,
        "top": 1 - top_in / height,
        "bottom": bottom_in / height,
    }
