"""Reading simulation results (SIMULATION.md section 4) for charts: series, scenario values, axes.

Charts accept one results dict or a list of up to three ``(label, results)`` pairs; this module
turns either into a list of ``Run`` records and answers the questions every chart asks (a series'
percentiles as arrays, the ops cap and pager budget from the scenario, the spans of overload
weeks). It also draws the shared week axis with years as secondary labels. Tolerant of missing
series (a chart then says so) but never invents values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from orgmodel.reporting import style

Results = Mapping[str, Any]
ChartInput = Results | Sequence[tuple[str, Results]]
MAX_COMPARED = 3
WEEKS_PER_YEAR = 52


@dataclass(frozen=True)
class Run:
    """One labelled results dict and its colour in the chart."""

    label: str
    results: Results
    colour: str
    dash: Any = "-"

    @property
    def weeks(self) -> int:
        return int(self.results.get("weeks") or len(self.stat("sre_ops_fraction", "p50")))

    def has(self, name: str) -> bool:
        return name in self.results.get("series", {})

    def stat(self, name: str, stat: str = "p50") -> np.ndarray:
        """One statistic of a series as a float array (NaN for missing values)."""
        series = self.results.get("series", {}).get(name)
        if series is None or stat not in series:
            return np.array([], dtype=float)
        values = [np.nan if v is None else v for v in series[stat]]
        return np.asarray(values, dtype=float)

    def scenario_value(self, section: str, key: str, default: float) -> float:
        return scenario_value(self.results, section, key, default)


def has_sre(results: Results) -> bool:
    """False when the results say there is never an SRE engineer (nothing SRE-related to chart)."""
    series = (results.get("series") or {}).get("sre_engineers")
    if not series or "mean" not in series:
        return True
    return any(v is not None and v > 0 for v in series["mean"])


def scenario_value(results: Results, section: str, key: str, default: float) -> float:
    """A scenario parameter from the results, nested (``{"sre": {"ops_cap": ..}}``) or dotted."""
    scenario = results.get("scenario") or {}
    value = None
    nested = scenario.get(section)
    if isinstance(nested, Mapping):
        value = nested.get(key)
    if value is None:
        value = scenario.get(f"{section}.{key}")
    try:
        return float(value) if value is not None else default
    except (TypeError, ValueError):
        return default


def as_runs(data: ChartInput) -> list[Run]:
    """Normalise one results dict or up to three (label, results) pairs."""
    if isinstance(data, Mapping):
        return [Run("", data, style.scenario_colour(0))]
    pairs = list(data)
    if not pairs:
        raise ValueError("no results to chart")
    if len(pairs) > MAX_COMPARED:
        raise ValueError(f"at most {MAX_COMPARED} scenarios can be compared on one chart")
    return [Run(str(label), results, style.scenario_colour(i), style.scenario_dash(i))
            for i, (label, results) in enumerate(pairs)]


def weeks_axis(runs: Sequence[Run]) -> np.ndarray:
    return np.arange(max(run.weeks for run in runs))


def spans(mask: np.ndarray) -> list[tuple[int, int]]:
    """Contiguous runs of True as (first, last + 1) index pairs."""
    padded = np.concatenate([[False], mask.astype(bool), [False]])
    edges = np.flatnonzero(np.diff(padded.astype(int)))
    return [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def overload_spans(run: Run, threshold: float = 0.5) -> list[tuple[int, int]]:
    """Weeks in which more than ``threshold`` of runs carry the OPS_OVERLOAD flag."""
    share = run.stat("ops_overload", "mean")
    if share.size == 0:
        return []
    return spans(np.nan_to_num(share) > threshold)


def format_weeks_axis(ax: Any, weeks: int, *, years: bool = True) -> None:
    """Weeks on the x axis (labelled), years as secondary labels along the top."""
    ax.set_xlim(0, max(weeks - 1, 1))
    ax.set_xlabel("Week of simulation", **style.font(style.LABEL_SIZE))
    if not years or weeks < WEEKS_PER_YEAR:
        return
    top = ax.secondary_xaxis(
        "top", functions=(lambda w: w / WEEKS_PER_YEAR, lambda y: y * WEEKS_PER_YEAR)
    )
    n_years = int(np.ceil((weeks - 1) / WEEKS_PER_YEAR))
    top.set_xticks(range(0, n_years + 1))
    narrow = ax.get_position().width * ax.figure.get_figwidth() < 4.5
    top.set_xticklabels([("" if not y else f"Y{y}" if narrow else f"Year {y}")
                         for y in range(0, n_years + 1)])
    top.tick_params(labelsize=style.TICK_SIZE - 0.5, colors=style.MUTED, length=3)
    top.spines["top"].set_color(style.GRID)
    for y in range(1, n_years + 1):
        if y * WEEKS_PER_YEAR < weeks:
            ax.axvline(y * WEEKS_PER_YEAR, color=style.GRID, linewidth=0.8, zorder=0)


def percent_axis(ax: Any, top: float = 1.0) -> None:
    from matplotlib.ticker import PercentFormatter

    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylim(0, top)


def legend(ax: Any, handles: list[Any] | None = None, *, loc: str = "upper left",
           ncol: int = 1, **extra: Any) -> None:
    kwargs: dict[str, Any] = {"loc": loc, "ncol": ncol, "fontsize": style.LEGEND_SIZE,
                              "frameon": True, "framealpha": 0.92, "edgecolor": style.GRID}
    kwargs.update(extra)
    if handles is not None:
        ax.legend(handles=handles, **kwargs)
    else:
        ax.legend(**kwargs)


def no_data(ax: Any, what: str) -> None:
    ax.text(0.5, 0.5, f"No {what} in these results", transform=ax.transAxes, ha="center",
            va="center", **style.font(style.LABEL_SIZE, style.MUTED))
