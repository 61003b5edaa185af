"""Charts for ``orgmodel sweep``: one headline metric against one parameter (line) or two (heatmap).

The sweep command computes the numbers; these functions only draw them. Values may be missing
(``None`` or NaN), for example "week of first overload" in a sweep point where no run overloads:
the line chart leaves a gap and marks it, the heatmap greys the cell and writes "never" in it.
Figures come from ``figures.new_figure`` (no pyplot) and are saved with ``figures.save_figure``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from orgmodel.reporting import style
from orgmodel.reporting.figures import new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_ANNOTATED_CELLS = 144
HIGHER_IS_BETTER = frozenset({"first_ops_overload_week", "first_handback_week",
                              "max_sustainable_services"})

METRIC_LABELS: dict[str, str] = {
    "first_ops_overload_week": "Week SRE is first overloaded (median)",
    "first_handback_week": "Week of the first handback (median)",
    "peak_sre_ops_fraction": "Peak SRE operational load",
    "max_sustainable_services": "Services SRE can hold at the cap",
}


def param_label(key: str) -> str:
    """A swept parameter's key with its unit, e.g. 'growth.dev_teams_per_quarter (teams/quarter)'."""
    try:
        from orgmodel.sim.parameters import BY_NAME
    except ImportError:  # pragma: no cover - the simulation package is part of the app
        return key
    param = BY_NAME.get(key)
    unit = getattr(param, "unit", "") if param is not None else ""
    return f"{key} ({unit})" if unit else key


def metric_label(metric: str) -> str:
    return METRIC_LABELS.get(metric, metric.replace("_", " ").capitalize())


def _floats(values: Sequence[Any]) -> np.ndarray:
    return np.asarray([np.nan if v is None else float(v) for v in values], dtype=float)


def _value_text(value: float) -> str:
    if np.isnan(value):
        return "never"
    if abs(value) < 10 and value != int(value):
        return f"{value:.2f}"
    return f"{value:.0f}"


def sweep_line_chart(param: str, values: Sequence[Any], metric_values: Sequence[Any],
                     metric: str, fig: Figure | None = None, *, title: str | None = None) -> Figure:
    """A headline metric against one swept parameter; missing points are marked 'never'."""
    fig = fig if fig is not None else new_figure()
    fig.clear()
    subtitle = f"Each point is one simulation with {param} set to the value on the x axis"
    ax = fig.subplots(gridspec_kw=style.margins(fig, subtitle=subtitle, top_axis=False))
    style.style_axes(ax, grid_axis="both")
    x, y = _floats(values), _floats(metric_values)
    ax.plot(x, y, color=style.scenario_colour(0), linewidth=2.4, marker="o", markersize=6)
    missing = np.isnan(y)
    if missing.any():
        from matplotlib.transforms import blended_transform_factory

        along_top = blended_transform_factory(ax.transData, ax.transAxes)
        ax.scatter(x[missing], np.full(missing.sum(), 0.96), marker="x", color=style.CAP_COLOUR,
                   s=60, zorder=3, transform=along_top, clip_on=False,
                   label="never within the horizon")
        ax.legend(fontsize=style.LEGEND_SIZE, frameon=False, loc="upper right")
        pad = (np.nanmax(x) - np.nanmin(x)) * 0.04 or 0.5
        ax.set_xlim(np.nanmin(x) - pad, np.nanmax(x) + pad)
    ax.set_xlabel(param_label(param), **style.font())
    ax.set_ylabel(metric_label(metric), **style.font())
    style.title_figure(fig, title or f"{metric_label(metric)} by {param}", subtitle)
    return fig


def sweep_heatmap(x_param: str, x_values: Sequence[Any], y_param: str, y_values: Sequence[Any],
                  grid: Sequence[Sequence[Any]], metric: str, fig: Figure | None = None, *,
                  title: str | None = None) -> Figure:
    """A headline metric over a 2-D sweep: ``grid[i][j]`` belongs to ``y_values[i]``, ``x_values[j]``."""
    from matplotlib.colors import ListedColormap

    fig = fig if fig is not None else new_figure()
    fig.clear()
    subtitle = "Each cell is one simulation; grey cells: never within the horizon"
    margins = style.margins(fig, subtitle=subtitle, top_axis=False, right_axis=True)
    ax = fig.subplots(gridspec_kw=margins)
    data = np.asarray([_floats(row) for row in grid], dtype=float)
    if data.shape != (len(y_values), len(x_values)):
        raise ValueError(f"grid is {data.shape}, expected ({len(y_values)}, {len(x_values)})")
    ax.set_facecolor(style.NEVER_COLOUR)
    cmap = ListedColormap(_cmap_colours(reverse=metric in HIGHER_IS_BETTER))
    masked = np.ma.masked_invalid(data)
    image = ax.imshow(masked, cmap=cmap, aspect="auto", origin="lower", interpolation="nearest")
    ax.set_xticks(range(len(x_values)), [_value_text(float(v)) for v in _floats(x_values)])
    ax.set_yticks(range(len(y_values)), [_value_text(float(v)) for v in _floats(y_values)])
    ax.tick_params(labelsize=style.TICK_SIZE, length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    if data.size <= MAX_ANNOTATED_CELLS:
        _annotate(ax, data, image)
    bar = fig.colorbar(image, ax=ax, pad=0.02)
    bar.set_label(metric_label(metric), **style.font(style.LABEL_SIZE - 1))
    bar.ax.tick_params(labelsize=style.TICK_SIZE)
    ax.set_xlabel(param_label(x_param), **style.font())
    ax.set_ylabel(param_label(y_param), **style.font())
    style.title_figure(fig, title or f"{metric_label(metric)} by {x_param} and {y_param}", subtitle)
    return fig


def _cmap_colours(*, reverse: bool) -> list[Any]:
    """Warm colours for the bad end of the metric (late overload is good, so reversed)."""
    from matplotlib import colormaps

    base = colormaps[style.HEATMAP_CMAP]
    stops = np.linspace(0.08, 0.92, 256)
    return [base(v) for v in (stops[::-1] if reverse else stops)]


def _annotate(ax: Any, data: np.ndarray, image: Any) -> None:
    for (i, j), value in np.ndenumerate(data):
        if np.isnan(value):
            colour = style.MUTED
        else:
            r, g, b, _ = image.cmap(image.norm(value))
            colour = "white" if 0.299 * r + 0.587 * g + 0.114 * b < 0.55 else style.INK
        ax.text(j, i, _value_text(value), ha="center", va="center",
                **style.font(style.ANNOTATION_SIZE, colour))
