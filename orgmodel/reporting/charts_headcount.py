"""The headcount chart: engineers by discipline and the SRE-to-developer ratio (twin axis).

One scenario: developers on the left panel, SRE, platform and automation engineers with the
SRE-per-developer ratio (right axis) on the right panel. Compared scenarios: four small panels
(developers, SRE, platform engineers, SREs per developer), one line style per scenario.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from orgmodel.reporting import style
from orgmodel.reporting.chartdata import ChartInput, Run, as_runs, format_weeks_axis, weeks_axis
from orgmodel.reporting.charts_base import (
    PANEL_TITLE_IN,
    chart_axes,
    chart_title,
    compare_text,
    fan_legend_handles,
    fan_line,
    legend_below,
    panel_title,
)
from orgmodel.reporting.figures import new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure


ROLES = (("dev_engineers", "Developers", "dev"), ("sre_engineers", "SRE", "sre"),
         ("platform_engineers", "Platform", "platform"),
         ("automation_engineers", "Automation", "automation"))


def _role_lines(ax: Any, run: Run, x: np.ndarray, names: tuple[str, ...]) -> list[Any]:
    handles = []
    for name, label, key in ROLES:
        values = run.stat(name, "p50")
        if name in names and values.size:
            n = min(len(x), values.size)
            (line,) = ax.plot(x[:n], values[:n], color=style.ROLE_COLOURS[key], linewidth=2.4,
                              label=label)
            handles.append(line)
    ax.set_ylim(bottom=0)
    return handles


def _ratio_twin(ax: Any, run: Run, x: np.ndarray) -> list[Any]:
    ratio = run.stat("sre_to_dev_ratio", "p50")
    if ratio.size == 0:
        return []
    twin = ax.twinx()
    n = min(len(x), ratio.size)
    (line,) = twin.plot(x[:n], ratio[:n], color=style.RATIO_COLOUR, linestyle=":", linewidth=2.4,
                        label="SREs per developer (right axis)")
    twin.set_ylim(0, max(0.05, float(np.nanmax(ratio)) * 1.25))
    twin.set_ylabel("SREs per developer", **style.font(colour=style.RATIO_COLOUR))
    twin.tick_params(labelsize=style.TICK_SIZE, colors=style.RATIO_COLOUR)
    twin.spines["top"].set_visible(False)
    return [line]


def headcount_chart(data: ChartInput, fig: Figure | None = None) -> Figure:
    """Engineers by discipline (median of runs) and the SRE-to-developer ratio."""
    runs = as_runs(data)
    if len(runs) > 1:
        return _headcount_comparison(runs, fig)
    run = runs[0]
    sub = headcount_subtitle(runs)
    fig, (left, right) = chart_axes(fig, 2, subtitle=sub, right_axis=True, legend_below=True,
                               legend_rows=2)
    x = weeks_axis(runs)
    handles = _role_lines(left, run, x, ("dev_engineers",))
    handles += _role_lines(right, run, x, ("sre_engineers", "platform_engineers",
                                           "automation_engineers"))
    handles += _ratio_twin(right, run, x)
    left.set_ylabel("Engineers (median of runs)", **style.font())
    for ax, title in ((left, "Developers"), (right, "SRE, platform and automation")):
        format_weeks_axis(ax, len(x))
        panel_title(ax, title)
    legend_below(fig, handles)
    style.title_figure(fig, chart_title(runs, "Headcount by discipline and the SRE-to-developer ratio"), sub)
    return fig


def _headcount_comparison(runs: list[Run], fig: Figure | None) -> Figure:
    sub = headcount_subtitle(runs)
    fig = fig if fig is not None else new_figure()
    fig.clear()
    margins = style.margins(fig, subtitle=sub, legend_rows=1)
    margins["top"] -= PANEL_TITLE_IN / fig.get_figheight()
    axes = fig.subplots(2, 2, squeeze=False, gridspec_kw={**margins, "wspace": 0.18,
                                                           "hspace": 0.55}).ravel()
    x = weeks_axis(runs)
    panels = (("dev_engineers", "Developers"), ("sre_engineers", "SRE engineers"),
              ("platform_engineers", "Platform engineers"),
              ("sre_to_dev_ratio", "SREs per developer"))
    for ax, (name, title) in zip(axes, panels, strict=True):
        style.style_axes(ax)
        for run in runs:
            fan_line(ax, run, name, x, run.label, fan=False)
        ax.set_ylim(bottom=0)
        format_weeks_axis(ax, len(x), years=ax in axes[:2])
        ax.set_xlabel("")
        panel_title(ax, title, pad=20 if ax in axes[:2] else 6)
    axes[2].set_xlabel("Week of simulation", **style.font())
    axes[3].set_xlabel("Week of simulation", **style.font())
    legend_below(fig, fan_legend_handles(runs, "")[:-1])
    style.title_figure(fig, chart_title(runs, "Headcount by discipline and the SRE-to-developer ratio"), sub)
    return fig


def headcount_subtitle(runs: list[Run]) -> str:
    def one(run: Run) -> str | None:
        dev, sre = run.stat("dev_engineers", "p50"), run.stat("sre_engineers", "p50")
        if not (dev.size and sre.size):
            return None
        return f"{dev[0]:.0f} to {dev[-1]:.0f} developers, {sre[0]:.0f} to {sre[-1]:.0f} SREs"

    return compare_text(runs, "Median headcount, start to end", one)
