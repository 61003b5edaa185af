"""Simulation results: percentiles per week, headline figures, events; JSON and CSV forms.

``summarise(raw, params, compiled, ...)`` turns the engine's per-run arrays into a
``SimulationResult`` whose ``to_dict()`` is exactly the JSON of SIMULATION.md section 4 (plus a
few documented extras) and whose ``to_csv_text()`` has one row per week and a ``NAME_STAT`` column
per series and statistic. ``from_dict`` reads the JSON back. ``headline_sentences`` words the
headline for people. Not for running anything (montecarlo.py) nor for drawing (reporting/).

Headline (all week numbers are simulation weeks, 0 = today):

- ``first_ops_overload_week`` / ``first_handback_week``: the first week any SRE team is flagged
  ``OPS_OVERLOAD`` / hands services back, as ``{"p10", "p50", "p90", "share"}`` over the runs in
  which it happened (nearest-rank percentiles; ``null`` when it never did), ``share``
  = the fraction of runs in which it happened;
- ``peak_sre_ops_fraction``: p10/p50/p90 across runs of each run's highest SRE ops fraction
  averaged over ``sre.overload_window_weeks`` (the window the overload flag uses; single weeks
  of bursty pages reach the available hours and say little);
- ``max_sustainable_services``: ``ops_cap * SRE hours today / today's mean expected SRE
  interrupt hours per SRE-supported service`` (``null`` without SRE-supported services);
- ``handback_probability_by_year``: a list, item i = share of runs with a handback in year i+1;
- extras: ``sre_ticket_desk`` (Erlang C view of the SRE ticket queue in week 0 and in the last
  week: tickets arrive over a 40-hour week, each takes ``ticket_hours``; the agents are the fewest
  engineers answering 80 % of tickets within 8 working hours, with their P(wait) and mean wait in
  hours), ``embed_queues`` (Erlang C view of the embed requests in the last week: agents =
  automation engineers or SRE-SWE, handling time = the embed length in weeks; ``unstable`` when
  requests outrun them, with the engineers needed for 80 % of requests served within 4 weeks), and
  ``dropped_services`` (growth beyond the preallocated service slots; normally 0).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from orgmodel.core.errors import FormatError
from orgmodel.sim import queueing
from orgmodel.sim.compile import CompiledModel
from orgmodel.sim.engine import RawRun
from orgmodel.sim.engine_state import HOURS
from orgmodel.sim.scenario import ScenarioParams

FORMAT = "orgmodel-simulation"
VERSION = 1
STATS = ("mean", "p10", "p50", "p90")
BY_TEAM = "sre_ops_fraction_by_team"


@dataclass
class SimulationResult:
    """Summarised results of a simulation (see the module docstring)."""

    scenario: dict[str, Any]
    runs: int
    seed: int
    weeks: int
    mode: str
    series: dict[str, dict[str, list[float]]]
    by_team: dict[str, dict[str, list[float]]]
    headline: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    team_names: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "scenario": self.scenario,
            "runs": self.runs, "seed": self.seed, "weeks": self.weeks, "mode": self.mode,
            "series": {**self.series, BY_TEAM: self.by_team},
            "headline": self.headline, "events": self.events, "team_names": self.team_names,
        }

    @staticmethod
    def from_dict(data: dict[str, Any]) -> SimulationResult:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise FormatError("This is not an OrgModel simulation result (format 'orgmodel-simulation').")
        if data.get("version") != VERSION:
            raise FormatError(f"Simulation results of version {data.get('version')!r} are not supported.")
        try:
            series = dict(data["series"])
            by_team = series.pop(BY_TEAM, {})
            return SimulationResult(
                scenario=dict(data["scenario"]), runs=int(data["runs"]), seed=int(data["seed"]),
                weeks=int(data["weeks"]), mode=str(data.get("mode", "stochastic")),
                series=series, by_team=by_team, headline=dict(data["headline"]),
                events=list(data.get("events", [])), team_names=dict(data.get("team_names", {})),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise FormatError(f"The simulation result is incomplete or malformed ({error}).") from None

    def to_csv_text(self) -> str:
        """One row per week; columns ``week`` then ``NAME_STAT`` (per team: ``NAME_TEAM_STAT``)."""
        columns: list[tuple[str, list[float]]] = []
        for name, stats in self.series.items():
            columns += [(f"{name}_{s}", stats[s]) for s in STATS]
        for team, stats in self.by_team.items():
            columns += [(f"{BY_TEAM}_{team}_{s}", stats[s]) for s in STATS]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["week"] + [c for c, _ in columns])
        for week in range(self.weeks):
            writer.writerow([week] + [_csv_number(values[week]) for _, values in columns])
        return out.getvalue()


def _csv_number(value: float | None) -> str:
    return "" if value is None else f"{value:.6g}"


def _stats(values: np.ndarray) -> dict[str, list[float]]:
    p10, p50, p90 = np.percentile(values, [10, 50, 90], axis=0)
    return {"mean": _rounded(values.mean(axis=0)), "p10": _rounded(p10), "p50": _rounded(p50),
            "p90": _rounded(p90)}


def _rounded(values: np.ndarray) -> list[float]:
    return [round(float(v), 6) for v in values]


def _first_week(flags: np.ndarray) -> dict[str, Any]:
    happened = flags.any(axis=1)
    share = float(happened.mean()) if flags.shape[0] else 0.0
    if not happened.any():
        return {"p10": None, "p50": None, "p90": None, "share": 0.0}
    weeks = np.argmax(flags[happened], axis=1)
    p10, p50, p90 = (int(x) for x in np.percentile(weeks, [10, 50, 90], method="nearest"))
    return {"p10": p10, "p50": p50, "p90": p90, "share": round(share, 6)}


def _by_year(flags: np.ndarray, weeks: int) -> list[float]:
    years = math.ceil(weeks / 52)
    return [round(float(flags[:, 52 * y: 52 * (y + 1)].any(axis=1).mean()), 6) for y in range(years)]


def _ticket_desk(raw: RawRun, p: ScenarioParams, week: int) -> dict[str, Any]:
    tickets = float(raw.series["sre_tickets_per_week"][:, week].mean())
    handle = p.load.ticket_hours
    load = tickets * handle / HOURS
    out: dict[str, Any] = {"week": week, "tickets_per_week": round(tickets, 4),
                           "load_erlangs": round(load, 4)}
    if load <= 0:
        return {**out, "agents_for_80pct_in_8h": 0, "p_wait": 0.0, "mean_wait_hours": 0.0}
    agents = queueing.required_agents(load, 8.0, handle, 0.8)
    return {**out, "agents_for_80pct_in_8h": agents,
            "p_wait": round(queueing.erlang_c(agents, load), 6),
            "mean_wait_hours": round(queueing.mean_wait(agents, load, handle), 4)}


def _embed_queue(arrivals: float, engineers: int, weeks: int) -> dict[str, Any]:
    load = arrivals * weeks
    out: dict[str, Any] = {"requests_per_week": round(arrivals, 4), "engineers": engineers,
                           "embed_weeks": weeks, "load_erlangs": round(load, 4)}
    needed = queueing.required_agents(load, 4.0, float(weeks), 0.8) if load > 0 else 0
    out["engineers_for_80pct_in_4_weeks"] = needed
    if load == 0:
        return {**out, "unstable": False, "p_wait": 0.0, "mean_wait_weeks": 0.0}
    if engineers <= load:
        return {**out, "unstable": True, "p_wait": 1.0, "mean_wait_weeks": None}
    return {**out, "unstable": False, "p_wait": round(queueing.erlang_c(engineers, load), 6),
            "mean_wait_weeks": round(queueing.mean_wait(engineers, load, float(weeks)), 4)}


def _rolling_mean(values: np.ndarray, window: int) -> np.ndarray:
    """Trailing means over ``window`` weeks (fewer in the first weeks), per run."""
    window = max(1, min(window, values.shape[1]))
    sums = np.cumsum(values, axis=1, dtype=np.float64)
    sums[:, window:] = sums[:, window:] - sums[:, :-window]
    counts = np.minimum(np.arange(1, values.shape[1] + 1), window)
    return sums / counts


def _headline(raw: RawRun, p: ScenarioParams, cm: CompiledModel, weeks: int) -> dict[str, Any]:
    s = raw.series
    peak = _rolling_mean(s["sre_ops_fraction"], p.sre.overload_window_weeks).max(axis=1)
    handbacks = np.diff(s["services_handed_back"], axis=1, prepend=0.0) > 0
    sre_services = float(s["services_sre"][:, 0].mean())
    per_service = float(s["sre_interrupt_hours"][:, 0].mean()) / sre_services if sre_services else 0.0
    capacity = p.sre.ops_cap * float(s["sre_engineers"][:, 0].mean()) * HOURS
    last = weeks - 1
    teams = float(s["dev_teams"][:, last].mean())
    emb = p.embeds
    return {
        "first_ops_overload_week": _first_week(s["ops_overload"] > 0),
        "first_handback_week": _first_week(handbacks),
        "peak_sre_ops_fraction": {k: round(float(v), 6) for k, v in
                                  zip(("p10", "p50", "p90"), np.percentile(peak, [10, 50, 90]), strict=True)},
        "max_sustainable_services": int(capacity // per_service) if per_service > 0 else None,
        "handback_probability_by_year": _by_year(handbacks, weeks),
        "sre_ticket_desk": [_ticket_desk(raw, p, 0), _ticket_desk(raw, p, last)],
        "embed_queues": {
            "automation": _embed_queue(teams * emb.automation_requests_per_team_per_week,
                                       cm.automation_engineers, emb.automation_weeks),
            "performance": _embed_queue(teams * emb.performance_requests_per_team_per_week,
                                        int(cm.sre_swe.sum()), emb.performance_weeks),
        },
        "dropped_services": raw.dropped_services,
    }


def summarise(raw: RawRun, p: ScenarioParams, cm: CompiledModel, *, seed: int, mode: str,
              team_names: dict[str, str] | None = None) -> SimulationResult:
    """Percentiles across runs per week, the headline figures and the events."""
    weeks = next(iter(raw.series.values())).shape[1]
    scenario = p.to_dict()
    return SimulationResult(
        scenario=scenario, runs=raw.runs, seed=seed, weeks=weeks, mode=mode,
        series={name: _stats(values) for name, values in raw.series.items()},
        by_team={team: _stats(values) for team, values in raw.by_team.items()},
        headline=_headline(raw, p, cm, weeks), events=raw.events,
        team_names=team_names or {},
    )


def _weeks(item: dict[str, Any]) -> str:
    return f"week {item['p50']} (P10-P90: {item['p10']}-{item['p90']})"


def headline_sentences(result: SimulationResult) -> list[str]:
    """The headline in plain sentences, for the command line and the UI."""
    h = result.headline
    cap = round(100 * float(result.scenario.get("sre", {}).get("ops_cap", 0.5)))
    lines = []
    over, back = h["first_ops_overload_week"], h["first_handback_week"]
    who = "SRE" if len(result.by_team) <= 1 else "An SRE team"
    if over["share"]:
        lines.append(f"{who} passes the {cap} % cap in {_weeks(over)} in {round(100 * over['share'])} % of runs.")
    else:
        lines.append(f"{'SRE stays' if who == 'SRE' else 'Every SRE team stays'} within the {cap} % cap in every run.")
    if back["share"]:
        lines.append(f"SRE first hands services back in {_weeks(back)} in {round(100 * back['share'])} % of runs.")
    else:
        lines.append("SRE hands no services back.")
    peak = h["peak_sre_ops_fraction"]
    window = int(result.scenario.get("sre", {}).get("overload_window_weeks", 13))
    lines.append(f"Peak SRE ops fraction ({window}-week average): {peak['p50']:.0%} "
                 f"(P10-P90: {peak['p10']:.0%}-{peak['p90']:.0%}).")
    if h["max_sustainable_services"] is not None:
        lines.append(f"At today's hours per service SRE can hold about {h['max_sustainable_services']} "
                     "services at the cap.")
    years = ", ".join(f"year {i + 1}: {p:.0%}" for i, p in enumerate(h["handback_probability_by_year"]))
    lines.append(f"Probability of a handback by year: {years}.")
    return lines
