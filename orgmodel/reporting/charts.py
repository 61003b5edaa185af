"""Simulation charts for screens, slides and reports: matplotlib ``Figure``/``Axes``, never pyplot.

Each chart function takes one results dict (SIMULATION.md section 4) or a list of up to three
``(label, results)`` pairs to compare scenarios, plus an optional ``Figure`` to draw into, and
returns the figure. Titles say what the chart shows, subtitles give the takeaway, axes carry
units, weeks run along the bottom with years on top. ``CHARTS`` lists them for reports and the
command line; ``save_chart`` writes PNG, SVG or PDF atomically. Sweep charts live in
``charts_sweep``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from orgmodel.reporting import style
from orgmodel.reporting.chartdata import (
    ChartInput,
    Run,
    as_runs,
    format_weeks_axis,
    no_data,
    overload_spans,
    percent_axis,
    weeks_axis,
)
from orgmodel.reporting.figures import ChartFunction, new_figure, save_chart, save_figure
from orgmodel.reporting.headline import handback_sentence, overload_sentence

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["CHARTS", "ChartFunction", "chart_takeaway", "new_figure", "save_chart", "save_figure"]


def _axes(fig: Figure | None, ncols: int = 1, *, subtitle: str, right_axis: bool = False,
          legend_below: bool = False, legend_rows: int = 1,
          sharey: bool = False) -> tuple[Figure, list[Any]]:
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


def _title(runs: list[Run], text: str) -> str:
    """What the chart shows; comparisons say so."""
    return f"{text}: scenarios compared" if len(runs) > 1 else text


PANEL_TITLE_IN = 0.24  # room above multi-panel charts for the panel titles


def _legend_below(fig: Figure, handles: list[Any]) -> None:
    """Legend centred under the plot; two rows when there are more than four entries."""
    ncol = len(handles) if len(handles) <= 4 else (len(handles) + 1) // 2
    fig.legend(handles=handles, loc="lower center", ncol=ncol, frameon=False,
               fontsize=style.LEGEND_SIZE, columnspacing=1.6,
               bbox_to_anchor=(0.5, style.footer_inches() / fig.get_figheight()))


def _compare(runs: list[Run], what: str, one: Callable[[Run], str | None]) -> str:
    """'What: A value, B value' across scenarios, or 'What: value' for one."""
    values = [(run.label, text) for run in runs if (text := one(run))]
    if not values:
        return ""
    if len(runs) == 1:
        return f"{what}: {values[0][1]}"
    return f"{what}: " + "; ".join(f"{label} {text}" for label, text in values)


def _subtitle(runs: list[Run], default: str) -> str:
    if len(runs) == 1:
        return overload_sentence(runs[0].results) or default

    def one(run: Run) -> str | None:
        block = (run.results.get("headline") or {}).get("first_ops_overload_week") or {}
        share, week = block.get("share"), block.get("p50")
        if share is None:
            return None
        return "never" if not share or week is None else f"week {week:.0f} ({share * 100:.0f} % of runs)"

    return _compare(runs, "First passes the cap (median)", one) or default


def _fan(ax: Any, run: Run, name: str, x: np.ndarray, label: str, *, fan: bool = True) -> bool:
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


def _fan_legend_handles(runs: list[Run], what: str) -> list[Any]:
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
    fig, (ax,) = _axes(fig, subtitle=sub, legend_below=True, legend_rows=2 if len(runs) > 1 else 1)
    x = weeks_axis(runs)
    cap = runs[0].scenario_value("sre", "ops_cap", 0.5)
    handles = _fan_legend_handles(runs, "SRE time on operations")
    shade = _shade_overload(ax, runs)
    drawn = [_fan(ax, run, "sre_ops_fraction", x, run.label) for run in runs]
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
    _legend_below(fig, handles)
    style.title_figure(fig, _title(runs, "SRE time spent on operational work"), sub)
    return fig


def pages_chart(data: ChartInput, fig: Figure | None = None) -> Figure:
    """Pages per 12-hour on-call shift against the pager budget."""
    runs = as_runs(data)
    budget = runs[0].scenario_value("oncall", "max_incidents_per_shift", 2.0)
    sub = _pager_subtitle(runs, budget)
    fig, (ax,) = _axes(fig, subtitle=sub, legend_below=True)
    x = weeks_axis(runs)
    drawn = [_fan(ax, run, "pages_per_shift", x, run.label) for run in runs]
    ax.axhline(budget, color=style.CAP_COLOUR, linestyle="--", linewidth=1.6)
    from matplotlib.lines import Line2D

    handles = _fan_legend_handles(runs, "pages per shift")
    handles.append(Line2D([], [], color=style.CAP_COLOUR, linestyle="--", linewidth=1.6,
                          label=f"Budget: {budget:g} incidents per shift"))
    ax.set_ylim(0, max(budget * 1.6, *(np.nanmax(r.stat("pages_per_shift", "p90")) * 1.1
                                        for r in runs if r.stat("pages_per_shift", "p90").size)))
    ax.set_ylabel("Pages per 12-hour shift", **style.font())
    format_weeks_axis(ax, len(x))
    if not any(drawn):
        no_data(ax, "pager data")
    _legend_below(fig, handles)
    style.title_figure(fig, _title(runs, "On-call pages per shift against the pager budget"), sub)
    return fig


def _pager_subtitle(runs: list[Run], budget: float) -> str:
    def one(run: Run) -> str | None:
        exceeded = run.stat("pager_budget_exceeded", "mean")
        return f"{np.nanmean(exceeded[-52:]) * 100:.0f} %" if exceeded.size else None

    text = _compare(runs, "Shifts over the pager budget in the final year", one)
    return text or f"Budget of {budget:g} incidents per 12-hour shift"

def services_chart(data: ChartInput, fig: Figure | None = None) -> Figure:
    """Services by who supports them (SRE, development teams, handed back), stacked, mean of runs."""
    runs = as_runs(data)
    sub = _services_subtitle(runs)
    fig, axes = _axes(fig, len(runs), subtitle=sub, legend_below=True, sharey=True)
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
        _legend_below(fig, handles)
    style.title_figure(fig, _title(runs, "Services by who carries the pager"), sub)
    return fig


def _services_subtitle(runs: list[Run]) -> str:
    def one(run: Run) -> str | None:
        back, total = run.stat("services_handed_back", "mean"), run.stat("services_total", "mean")
        return f"{back[-1]:.0f} of {total[-1]:.0f}" if back.size and total.size else None

    if len(runs) == 1 and (sentence := handback_sentence(runs[0].results)):
        return sentence
    return _compare(runs, "Services handed back to developers by the end (mean of runs)", one)

ROLES = (("dev_engineers", "Developers", "dev"), ("sre_engineers", "SRE", "sre"),
         ("platform_engineers", "Platform", "platform"),
         ("automation_engineers", "Automation", "automation"))


def _panel_title(ax: Any, title: str, pad: float = 22) -> None:
    ax.set_title(title, loc="left", pad=pad, **style.font(style.LABEL_SIZE, weight="bold"))


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
    sub = _headcount_subtitle(runs)
    fig, (left, right) = _axes(fig, 2, subtitle=sub, right_axis=True, legend_below=True,
                               legend_rows=2)
    x = weeks_axis(runs)
    handles = _role_lines(left, run, x, ("dev_engineers",))
    handles += _role_lines(right, run, x, ("sre_engineers", "platform_engineers",
                                           "automation_engineers"))
    handles += _ratio_twin(right, run, x)
    left.set_ylabel("Engineers (median of runs)", **style.font())
    for ax, title in ((left, "Developers"), (right, "SRE, platform and automation")):
        format_weeks_axis(ax, len(x))
        _panel_title(ax, title)
    _legend_below(fig, handles)
    style.title_figure(fig, _title(runs, "Headcount by discipline and the SRE-to-developer ratio"), sub)
    return fig


def _headcount_comparison(runs: list[Run], fig: Figure | None) -> Figure:
    sub = _headcount_subtitle(runs)
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
            _fan(ax, run, name, x, run.label, fan=False)
        ax.set_ylim(bottom=0)
        format_weeks_axis(ax, len(x), years=ax in axes[:2])
        ax.set_xlabel("")
        _panel_title(ax, title, pad=20 if ax in axes[:2] else 6)
    axes[2].set_xlabel("Week of simulation", **style.font())
    axes[3].set_xlabel("Week of simulation", **style.font())
    _legend_below(fig, _fan_legend_handles(runs, "")[:-1])
    style.title_figure(fig, _title(runs, "Headcount by discipline and the SRE-to-developer ratio"), sub)
    return fig


def _headcount_subtitle(runs: list[Run]) -> str:
    def one(run: Run) -> str | None:
        dev, sre = run.stat("dev_engineers", "p50"), run.stat("sre_engineers", "p50")
        if not (dev.size and sre.size):
            return None
        return f"{dev[0]:.0f} to {dev[-1]:.0f} developers, {sre[0]:.0f} to {sre[-1]:.0f} SREs"

    return _compare(runs, "Median headcount, start to end", one)

def maturity_chart(data: ChartInput, fig: Figure | None = None) -> Figure:
    """Platform maturity (0-100 %) and mean service complexity, side by side."""
    runs = as_runs(data)
    sub = _maturity_subtitle(runs)
    fig, (left, right) = _axes(fig, 2, subtitle=sub, legend_below=len(runs) > 1)
    x = weeks_axis(runs)
    for run in runs:
        _fan(left, run, "platform_maturity", x, run.label or "Platform maturity")
        _fan(right, run, "mean_complexity", x, run.label or "Mean complexity")
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
        _legend_below(fig, _fan_legend_handles(runs, ""))
    style.title_figure(fig, _title(runs, "Platform maturity and service complexity over time"), sub)
    return fig


def _maturity_subtitle(runs: list[Run]) -> str:
    def one(run: Run) -> str | None:
        m = run.stat("platform_maturity", "p50")
        return f"{m[0] * 100:.0f} % to {m[-1] * 100:.0f} %" if m.size else None

    return _compare(runs, "Median platform maturity, start to end", one)

def embed_wait_chart(data: ChartInput, fig: Figure | None = None) -> Figure:
    """How long development teams wait for an automation or SRE-SWE embed."""
    runs = as_runs(data)
    sub = _embed_subtitle(runs)
    fig, (ax,) = _axes(fig, subtitle=sub, legend_below=True)
    x = weeks_axis(runs)
    drawn = [_fan(ax, run, "embed_wait_weeks", x, run.label) for run in runs]
    ax.set_ylim(bottom=0)
    ax.set_ylabel("Wait for an embed (weeks)", **style.font())
    format_weeks_axis(ax, len(x))
    if not any(drawn):
        no_data(ax, "embed queue data")
    _legend_below(fig, _fan_legend_handles(runs, "wait"))
    style.title_figure(fig, _title(runs, "Waiting time for an embedded engineer"), sub)
    return fig


def _embed_subtitle(runs: list[Run]) -> str:
    def one(run: Run) -> str | None:
        wait = run.stat("embed_wait_weeks", "p50")
        return f"{np.nanmean(wait[-52:]):.1f} weeks" if wait.size else None

    return _compare(runs, "Median wait for an embed in the final year", one)

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
    takeaways = {"services": _services_subtitle, "headcount": _headcount_subtitle,
                 "maturity": _maturity_subtitle, "embed_wait": _embed_subtitle}
    return takeaways[key](runs) if key in takeaways else ""
