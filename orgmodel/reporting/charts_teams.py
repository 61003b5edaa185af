"""Which SRE teams pass the cap: the median ops fraction of each SRE team against the cap.

The all-SRE series of the ops-fraction chart can hide one drowning team among several calm
ones. For organisations with more than one SRE team this chart draws each team's median
(``sre_ops_fraction_by_team``, named by ``team_names``), the busiest ``MAX_TEAMS`` on average,
with the cap line. One results dict only: comparing scenarios team by team is unreadable.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from orgmodel.reporting import style
from orgmodel.reporting.chartdata import Results, format_weeks_axis, percent_axis, scenario_value
from orgmodel.reporting.charts_base import chart_axes, legend_below

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_TEAMS = 6
TEAM_COLOURS = ("#1f4e79", "#d9822b", "#2a9d8f", "#8c6d31", "#6c3483", "#7f8c8d")  # no cap red


def team_medians(results: Results) -> dict[str, np.ndarray]:
    """Team name -> median ops fraction per week, busiest (highest mean) first."""
    by_team = (results.get("series") or {}).get("sre_ops_fraction_by_team") or {}
    names: Mapping[str, str] = results.get("team_names") or {}
    out = {}
    for team, stats in by_team.items():
        values = np.asarray([np.nan if v is None else v for v in stats.get("p50", [])], dtype=float)
        if values.size:
            out[names.get(team, team)] = values
    return dict(sorted(out.items(), key=lambda kv: -float(np.nanmean(kv[1]))))


def teams_over_cap(results: Results) -> list[str]:
    cap = scenario_value(results, "sre", "ops_cap", 0.5)
    return [name for name, values in team_medians(results).items() if np.nanmax(values) > cap]


def sre_teams_chart(results: Results, fig: Figure | None = None) -> Figure:
    """Median ops fraction of each SRE team (busiest first) against the cap."""
    medians = team_medians(results)
    shown = dict(list(medians.items())[:MAX_TEAMS])
    cap = scenario_value(results, "sre", "ops_cap", 0.5)
    sub = takeaway(results)
    fig, (ax,) = chart_axes(fig, subtitle=sub, legend_below=True,
                            legend_rows=2 if len(shown) > 3 else 1)
    weeks = max((v.size for v in shown.values()), default=int(results.get("weeks") or 1))
    x = np.arange(weeks)
    handles: list[Any] = []
    for i, (name, values) in enumerate(shown.items()):
        (line,) = ax.plot(x[: values.size], values, color=TEAM_COLOURS[i % len(TEAM_COLOURS)],
                          linewidth=2.0, label=name, linestyle=style.scenario_dash(i // 3))
        handles.append(line)
    ax.axhline(cap, color=style.CAP_COLOUR, linestyle="--", linewidth=1.6)
    from matplotlib.lines import Line2D

    handles.append(Line2D([], [], color=style.CAP_COLOUR, linestyle="--", linewidth=1.6,
                          label=f"{cap * 100:.0f} % operations cap"))
    peak = max((float(np.nanmax(v)) for v in shown.values()), default=cap)
    percent_axis(ax, top=max(1.0, peak * 1.05))
    ax.set_ylabel("Share of the team's time on operations (median)", **style.font())
    format_weeks_axis(ax, weeks)
    legend_below(fig, handles)
    title = "SRE teams against the operations cap"
    if len(medians) > MAX_TEAMS:
        title += f" (busiest {MAX_TEAMS} of {len(medians)})"
    style.title_figure(fig, title, sub)
    return fig


def takeaway(results: Results) -> str:
    over = teams_over_cap(results)
    total = len(team_medians(results))
    if not over:
        return f"No SRE team's median passes the cap ({total} teams)."
    names = ", ".join(over[:3]) + (f" and {len(over) - 3} more" if len(over) > 3 else "")
    return f"{len(over)} of {total} SRE teams pass the cap in the median run: {names}."
