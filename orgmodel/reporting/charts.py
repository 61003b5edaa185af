"""Simulation charts for screens, slides and reports: matplotlib ``Figure``/``Axes``, never pyplot.

Each chart function takes one results dict (SIMULATION.md section 4) or a list of up to three
``(label, results)`` pairs to compare scenarios, plus an optional ``Figure`` to draw into, and
returns the figure. Titles say what the chart shows, subtitles give the takeaway, axes carry
units, weeks run along the bottom with years on top. ``CHARTS`` lists them for reports and the
command line; ``save_chart`` writes PNG, SVG or PDF atomically. Sweep charts live in
``charts_sweep``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from orgmodel.reporting import style
from orgmodel.reporting.chartdata import (
    ChartInput,
    Run,
    as_runs,
    format_weeks_axis,
    has_sre,
    no_data,
    overload_spans,
    percent_axis,
    weeks_axis,
)
from orgmodel.reporting.charts_base import (
    chart_axes,
    chart_title,
    compare_text,
    fan_legend_handles,
    fan_line,
    legend_below,
)
from orgmodel.reporting.charts_headcount import headcount_chart, headcount_subtitle
from orgmodel.reporting.figures import ChartFunction, new_figure, save_chart, save_figure
from orgmodel.reporting.headline import NO_SRE, handback_sentence, overload_sentence

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["CHARTS", "ChartFunction", "chart_takeaway", "new_figure", "save_chart", "save_figure"]


def _no_sre(ax: Any, runs: list[Run]) -> None:
    """Say so when no compared scenario has SRE engineers (an empty chart would mislead)."""
    if not any(has_sre(run.results) for run in runs):
        ax.text(0.5, 0.55, "No SRE engineers in these results", transform=ax.transAxes,
                ha="center", va="center", **style.font(style.LABEL_SIZE + 2, style.MUTED))


def _subtitle(runs: list[Run], default: str) -> str:
    if len(runs) == 1 and not has_sre(runs[0].results):
        return NO_SRE
    if len(runs) == 1:
        return overload_sentence(runs[0].results) or default

    def one(run: Run) -> str | None:
        block = (run.results.get("headline") or {}).get("first_ops_overload_week") or {}
        share, week = block.get("share"), block.get("p50")
        if share is None:
            return None
        return "never" if not share or week is None else f"week {week:.0f} ({share * 100:.0f} % of runs)"

    return compare_text(runs, "First passes the cap (median)", one) or default


def _shade_overload(ax: Any, runs: list[Run]) -> Any | None:
    """Shade overload weeks: full-height for one scenario, a strip per scenario when comparing."""
    from matplotlib.patches import Patch

    any_span = False
    for i, run in enumerate(runs):
        for start, end in overload_spans(run):
            any_span = True
            if len(runs) == 1:
                ax.axvspan(start, end - 1, color=style.OVERLOAD_SHADE, zorder=0, linewidth=0)
            else:
                y0 = 0.012 + i * 0.03
                ax.axvspan(start, end - 1, ymin=y0, ymax=y0 + 0.022, color=run.colour, alpha=0.55,
                           linewidth=0)
    if not any_span:
        return None
    colour = style.OVERLOAD_SHADE if len(runs) == 1 else style.MUTED
    return Patch(color=colour, alpha=1 if len(runs) == 1 else 0.55,
                 label="Overloaded (flag raised in most runs)" if len(runs) == 1
                 else "Overloaded weeks (strips)")


def ops_fraction_chart(data: ChartInput, fig: Figure | None = None) -> Figure:
    """SRE operational load as a P10-P90 fan with median, the cap line and overload weeks."""
    runs = as_runs(data)
    sub = _subtitle(runs, "Median and P10-P90 range of runs per scenario")
    fig, (ax,) = chart_axes(fig, subtitle=sub, legend_below=True, legend_rows=2 if len(runs) > 1 else 1)
    x = weeks_axis(runs)
    cap = runs[0].scenario_value("sre", "ops_cap", 0.5)
    handles = fan_legend_handles(runs, "SRE time on operations")
    shade = _shade_overload(ax, runs)
    drawn = [fan_line(ax, run, "sre_ops_fraction", x, run.label) for run in runs]
    ax.axhline(cap, color=style.CAP_COLOUR, linestyle="--", linewidth=1.6)
    from matplotlib.lines import Line2D

    handles.append(Line2D([], [], color=style.CAP_COLOUR, linestyle="--", linewidth=1.6,
                          label=f"{cap * 100:.0f} % operations cap"))
    if shade is not None:
        handles.append(shade)
    peak = max((np.nanmax(r.stat("sre_ops_fraction", "p90")) for r in runs
                if r.stat("sre_ops_fraction", "p90").size), default=cap)
    percent_axis(ax, top=max(1.0, float(peak) * 1.05))
    ax.set_ylabel("Share of SRE time on operations", **style.font())
    format_weeks_axis(ax, len(x))
    if not any(drawn):
        no_data(ax, "SRE operations data")
    _no_sre(ax, runs)
    legend_below(fig, handles)
    style.title_figure(fig, chart_title(runs, "SRE time spent on operational work"), sub)
    return fig


def pages_chart(data: ChartInput, fig: Figure | None = None) -> Figure:
    """Pages per 12-hour on-call shift against the pager budget."""
    runs = as_runs(data)
    budget = runs[0].scenario_value("oncall", "max_incidents_per_shift", 2.0)
    sub = _pager_subtitle(runs, budget)
    fig, (ax,) = chart_axes(fig, subtitle=sub, legend_below=True)
    x = weeks_axis(runs)
    drawn = [fan_line(ax, run, "pages_per_shift", x, run.label) for run in runs]
    ax.axhline(budget, color=style.CAP_COLOUR, linestyle="--", linewidth=1.6)
    from matplotlib.lines import Line2D

    handles = fan_legend_handles(runs, "pages per shift")
    handles.append(Line2D([], [], color=style.CAP_COLOUR, linestyle="--", linewidth=1.6,
                          label=f"Budget: {budget:g} incidents per shift"))
    ax.set_ylim(0, max(budget * 1.6, *(np.nanmax(r.stat("pages_per_shift", "p90")) * 1.1
                                        for r in runs if r.stat("pages_per_shift", "p90").size)))
    ax.set_ylabel("Pages per 12-hour shift", **style.font())
    format_weeks_axis(ax, len(x))
    if not any(drawn):
        no_data(ax, "pager data")
    _no_sre(ax, runs)
    legend_below(fig, handles)
    style.title_figure(fig, chart_title(runs, "On-call pages per shift against the pager budget"), sub)
    return fig


def _pager_subtitle(runs: list[Run], budget: float) -> str:
    def one(run: Run) -> str | None:
        exceeded = run.stat("pager_budget_exceeded", "mean")
        return f"{np.nanmean(exceeded[-52:]) * 100:.0f} %" if exceeded.size else None

    text = compare_text(runs, "Shifts over the pager budget in the final year", one)
    return text or f"Budget of {budget:g} incidents per 12-hour shift"

def services_chart(data: ChartInput, fig: Figure | None = None) -> Figure:
    """Services by who supports them (SRE, development teams, handed back), stacked, mean of runs."""
    runs = as_runs(data)
    sub = _services_subtitle(runs)
    fig, axes = chart_axes(fig, len(runs), subtitle=sub, legend_below=True, sharey=True)
    x = weeks_axis(runs)
    for ax, run in zip(axes, runs, strict=True):
        sre = np.nan_to_num(run.stat("services_sre", "mean"))
        dev = np.nan_to_num(run.stat("services_dev", "mean"))
        back = np.nan_to_num(run.stat("services_handed_back", "mean"))
        if sre.size == 0 or dev.size == 0:
            no_data(ax, "service counts")
            continue
        n = min(len(x), sre.size, dev.size)
        back = back[:n] if back.size >= n else np.zeros(n)
        dev_own = np.clip(dev[:n] - back, 0, None)
        ax.stackplot(x[:n], sre[:n], dev_own, np.minimum(back, dev[:n]),
                     colors=[style.SRE_COLOUR, style.DEV_COLOUR, style.HANDBACK_COLOUR],
                     labels=["Supported by SRE", "Supported by development teams",
                             "Handed back to developers"], linewidth=0)
        format_weeks_axis(ax, len(x))
        if run.label:
            ax.set_title(run.label, loc="left", pad=22 if len(x) >= 52 else 6,
                         **style.font(style.LABEL_SIZE, weight="bold"))
    axes[0].set_ylabel("Services (mean of runs)", **style.font())
    handles, _ = axes[0].get_legend_handles_labels()
    if handles:
        legend_below(fig, handles)
    style.title_figure(fig, chart_title(runs, "Services by who carries the pager"), sub)
    return fig


def _services_subtitle(runs: list[Run]) -> str:
    def one(run: Run) -> str | None:
        back, total = run.stat("services_handed_back", "mean"), run.stat("services_total", "mean")
        return f"{back[-1]:.0f} of {total[-1]:.0f}" if back.size and total.size else None

    if len(runs) == 1 and has_sre(runs[0].results) and (sentence := handback_sentence(runs[0].results)):
        return sentence
    return compare_text(runs, "Services handed back to developers by the end (mean of runs)", one)

def maturity_chart(data: ChartInput, fig: Figure | None = None) -> Figure:
    """Platform maturity (0-100 %) and mean service complexity, side by side."""
    runs = as_runs(data)
    sub = _maturity_subtitle(runs)
    fig, (left, right) = chart_axes(fig, 2, subtitle=sub, legend_below=len(runs) > 1)
    x = weeks_axis(runs)
    for run in runs:
        fan_line(left, run, "platform_maturity", x, run.label or "Platform maturity")
        fan_line(right, run, "mean_complexity", x, run.label or "Mean complexity")
    percent_axis(left)
    left.set_ylabel("Platform maturity (self-service)", **style.font())
    right.set_ylabel("Mean service complexity (start = 1)", **style.font())
    lows = [np.nanmin(r.stat("mean_complexity", "p10")) for r in runs
            if r.stat("mean_complexity", "p10").size]
    highs = [np.nanmax(r.stat("mean_complexity", "p90")) for r in runs
             if r.stat("mean_complexity", "p90").size]
    low = min([1.0, *lows])
    high = max([low + 0.1, *highs])
    right.set_ylim(low - (high - low) * 0.05, high + (high - low) * 0.05)
    for ax, title in ((left, "Platform maturity"), (right, "Service complexity")):
        format_weeks_axis(ax, len(x))
        ax.set_title(title, loc="left", pad=22, **style.font(style.LABEL_SIZE, weight="bold"))
    if len(runs) > 1:
        legend_below(fig, fan_legend_handles(runs, ""))
    style.title_figure(fig, chart_title(runs, "Platform maturity and service complexity over time"), sub)
    return fig


def _maturity_subtitle(runs: list[Run]) -> str:
    def one(run: Run) -> str | None:
        m = run.stat("platform_maturity", "p50")
        return f"{m[0] * 100:.0f} % to {m[-1] * 100:.0f} %" if m.size else None

    return compare_text(runs, "Median platform maturity, start to end", one)

def embed_wait_chart(data: ChartInput, fig: Figure | None = None) -> Figure:
    """How long development teams wait for an automation or SRE-SWE embed."""
    runs = as_runs(data)
    sub = _embed_subtitle(runs)
    fig, (ax,) = chart_axes(fig, subtitle=sub, legend_below=True)
    x = weeks_axis(runs)
    drawn = [fan_line(ax, run, "embed_wait_weeks", x, run.label) for run in runs]
    ax.set_ylim(bottom=0)
    ax.set_ylabel("Wait for an embed (weeks)", **style.font())
    format_weeks_axis(ax, len(x))
    if not any(drawn):
        no_data(ax, "embed queue data")
    legend_below(fig, fan_legend_handles(runs, "wait"))
    style.title_figure(fig, chart_title(runs, "Waiting time for an embedded engineer"), sub)
    return fig


def _embed_subtitle(runs: list[Run]) -> str:
    def one(run: Run) -> str | None:
        wait = run.stat("embed_wait_weeks", "p50")
        return f"{np.nanmean(wait[-52:]):.1f} weeks" if wait.size else None

    return compare_text(runs, "Median wait for an embed in the final year", one)

CHARTS: dict[str, tuple[ChartFunction, str]] = {
    "ops_fraction": (ops_fraction_chart, "SRE time spent on operational work"),
    "pages": (pages_chart, "On-call pages per shift against the pager budget"),
    "services": (services_chart, "Services by who carries the pager"),
    "headcount": (headcount_chart, "Headcount by discipline and the SRE-to-developer ratio"),
    "maturity": (maturity_chart, "Platform maturity and service complexity"),
    "embed_wait": (embed_wait_chart, "Waiting time for an embedded engineer"),
}


def chart_takeaway(key: str, data: ChartInput) -> str:
    """The takeaway sentence a chart shows as its subtitle (for slides that show it as text)."""
    runs = as_runs(data)
    if key == "ops_fraction":
        return _subtitle(runs, "")
    if key == "pages":
        return _pager_subtitle(runs, runs[0].scenario_value("oncall", "max_incidents_per_shift", 2.0))
    takeaways = {"services": _services_subtitle, "headcount": headcount_subtitle,
                 "maturity": _maturity_subtitle, "embed_wait": _embed_subtitle}
    return takeaways[key](runs) if key in takeaways else ""
