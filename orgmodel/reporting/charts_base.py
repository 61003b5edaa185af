"""Building blocks shared by the chart modules: axes with house margins, fans, legends, titles.

Not a public API for other packages: ``charts`` and ``charts_headcount`` compose these into the
charts of ``CHARTS``. Every helper draws on a given ``Figure``/``Axes``; none creates pyplot state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from orgmodel.reporting import style
from orgmodel.reporting.chartdata import Run
from orgmodel.reporting.figures import new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def chart_axes(fig: Figure | None, ncols: int = 1, *, subtitle: str, right_axis: bool = False,
               legend_below: bool = False, legend_rows: int = 1,
               sharey: bool = False) -> tuple[Figure, list[Any]]:
    """A cleared figure with ``ncols`` styled axes inside the house margins."""
    fig = fig if fig is not None else new_figure()
    fig.clear()
    margins = style.margins(fig, subtitle=subtitle, right_axis=right_axis,
                            legend_rows=legend_rows if legend_below else 0)
    if ncols > 1:
        margins["top"] -= PANEL_TITLE_IN / fig.get_figheight()
    wspace = 0.42 if right_axis else 0.22
    axes = fig.subplots(1, ncols, sharey=sharey, squeeze=False,
                        gridspec_kw={**margins, "wspace": wspace})[0]
    for ax in axes:
        style.style_axes(ax)
    return fig, list(axes)


def chart_title(runs: list[Run], text: str) -> str:
    """What the chart shows; comparisons say so."""
    return f"{text}: scenarios compared" if len(runs) > 1 else text


PANEL_TITLE_IN = 0.24  # room above multi-panel charts for the panel titles


def legend_below(fig: Figure, handles: list[Any]) -> None:
    """Legend centred under the plot; two rows when there are more than four entries."""
    ncol = len(handles) if len(handles) <= 4 else (len(handles) + 1) // 2
    while True:
        legend = fig.legend(handles=handles, loc="lower center", ncol=ncol, frameon=False,
                            fontsize=style.LEGEND_SIZE, columnspacing=1.6,
                            bbox_to_anchor=(0.5, style.footer_inches() / fig.get_figheight()))
        if ncol == 1 or _legend_fits(fig, legend):
            return
        legend.remove()  # too wide for the figure: fewer columns, more rows
        ncol -= 1


def _legend_fits(fig: Figure, legend: Any) -> bool:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
    width = legend.get_window_extent(canvas.get_renderer()).width
    return bool(width <= 0.98 * fig.get_figwidth() * fig.dpi)



def compare_text(runs: list[Run], what: str, one: Callable[[Run], str | None]) -> str:
    """'What: A value, B value' across scenarios, or 'What: value' for one."""
    values = [(run.label, text) for run in runs if (text := one(run))]
    if not values:
        return ""
    if len(runs) == 1:
        return f"{what}: {values[0][1]}"
    return f"{what}: " + "; ".join(f"{label} {text}" for label, text in values)



def fan_line(ax: Any, run: Run, name: str, x: np.ndarray, label: str, *, fan: bool = True) -> bool:
    median = run.stat(name, "p50")
    if median.size == 0:
        return False
    n = min(len(x), median.size)
    if fan:
        low, high = run.stat(name, "p10"), run.stat(name, "p90")
        if low.size and high.size:
            ax.fill_between(x[:n], low[:n], high[:n], color=run.colour, alpha=style.FAN_ALPHA,
                            linewidth=0)
    ax.plot(x[:n], median[:n], color=run.colour, linewidth=2.2, label=label, linestyle=run.dash)
    return True


def fan_legend_handles(runs: list[Run], what: str) -> list[Any]:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    for run in runs:
        label = run.label or f"Median {what}"
        handles.append(Line2D([], [], color=run.colour, linewidth=2.2, label=label,
                              linestyle=run.dash))
    handles.append(Patch(color=runs[0].colour if len(runs) == 1 else style.MUTED,
                         alpha=style.FAN_ALPHA + 0.1, label="P10-P90 range of runs"))
    return handles



def panel_title(ax: Any, title: str, pad: float = 22) -> None:
    ax.set_title(title, loc="left", pad=pad, **style.font(style.LABEL_SIZE, weight="bold"))
