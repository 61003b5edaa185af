"""The simulation engine: the weekly step of SIMULATION.md section 2, vectorised across runs.

``run_block(compiled, params, runs, weeks, rng)`` simulates ``runs`` runs at once and returns a
``RawRun`` (every series of section 4 shaped (runs, weeks), the SRE ops fraction per SRE team, and
the events). ``rng=None`` is ``expected`` mode (every draw its mean, whole counts from
accumulators). Each week runs, in order: growth (engine_growth), demand, draws, routing and
capacity (engine_load), engineering time (engine_engineering), stocks (engine_stocks), flags and response
ladder (engine_ladder), record (here). All per-service work is on (runs, services) arrays; Python
loops are over weeks, SRE teams and rare events only. Not for seeding, blocks or workers
(montecarlo.py) nor percentiles (results.py).

Recording decisions: SRE-wide series pool all SRE teams (sums of hours and people, then ratios);
``pages_per_shift`` is all SRE incidents over all SRE shifts; ``pager_budget_exceeded`` is the
rotation-weighted probability that a Poisson shift count with that week's mean exceeds
``max_incidents_per_shift``; ``ticket_backlog_hours`` is the SRE teams' carried backlog;
``sre_engineers`` counts ramped SRE FTE; ``embed_queue_length`` counts queued requests of both kinds
and ``embed_wait_weeks`` is their mean age (0 with an empty queue); ``mean_complexity`` is over
active services as used by this week's demand (before this week's update); the other stocks
are recorded after this week's update. Extra series beyond section 4:
``pager_overload``, ``rotation_understaffed``, ``ticket_backlog`` (share of runs with any SRE team
flagged), ``sre_tickets_per_week`` and ``sre_interrupt_hours`` (expected, SRE teams),
``prr_backlog_hours``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from orgmodel.sim.compile import CompiledModel
from orgmodel.sim.engine_engineering import engineering_time
from orgmodel.sim.engine_growth import finish_migration_week, start_week
from orgmodel.sim.engine_ladder import ladder, update_flags
from orgmodel.sim.engine_load import Week, demand_and_capacity
from orgmodel.sim.engine_state import HOURS, SHIFTS_PER_WEEK, Floats, State, init_state
from orgmodel.sim.engine_stocks import update_stocks
from orgmodel.sim.scenario import ScenarioParams

BLOCK_SIZE = 100  # runs per block: a constant of the engine, never of the machine

SERIES = (
    "sre_ops_fraction", "sre_engineering_hours", "sre_oncall_fraction", "pages_per_shift",
    "pager_budget_exceeded", "ticket_backlog_hours", "services_total", "services_sre",
    "services_dev", "services_handed_back", "dev_teams", "dev_engineers", "sre_engineers",
    "platform_engineers", "automation_engineers", "sre_to_dev_ratio", "services_per_sre",
    "dev_ops_fraction", "dev_hours_lost_to_ops", "embed_queue_length", "embed_wait_weeks",
    "platform_maturity", "mean_complexity", "ops_overload",
)
EXTRA_SERIES = ("pager_overload", "rotation_understaffed", "ticket_backlog", "sre_tickets_per_week",
                "sre_interrupt_hours", "prr_backlog_hours")


@dataclass
class RawRun:
    """Unsummarised output of a block (or of blocks concatenated)."""

    series: dict[str, Floats]
    by_team: dict[str, Floats]
    events: list[dict[str, Any]] = field(default_factory=list)
    dropped_services: int = 0

    @property
    def runs(self) -> int:
        return int(next(iter(self.series.values())).shape[0])

    @staticmethod
    def concatenate(parts: list[RawRun], offsets: list[int]) -> RawRun:
        series = {k: np.concatenate([p.series[k] for p in parts]) for k in parts[0].series}
        by_team = {k: np.concatenate([p.by_team[k] for p in parts]) for k in parts[0].by_team}
        events = [{**e, "run": e["run"] + off} for p, off in zip(parts, offsets, strict=True)
                  for e in p.events]
        return RawRun(series, by_team, events, sum(p.dropped_services for p in parts))


def _ratio(num: Floats, den: Floats) -> Floats:
    """num / den, 0 where den is not positive (callers silence numpy's divide warnings)."""
    return np.where(den > 0, num / den, 0.0)


def poisson_tail(mean: Floats, budget: float) -> Floats:
    """P(X > budget) for X ~ Poisson(mean), elementwise."""
    term = np.exp(-mean)
    cdf = term.copy()
    for k in range(1, int(math.floor(budget)) + 1):
        term = term * mean / k
        cdf += term
    return np.clip(1.0 - cdf, 0.0, 1.0)


def _record(rec: dict[str, Floats], st: State, cm: CompiledModel, p: ScenarioParams, wk: Week,
            flags: dict[str, np.ndarray], t: int) -> None:
    ps = st.sre_pools
    s_ops, s_av, s_rot = wk.ops[:, :ps].sum(1), wk.available[:, :ps].sum(1), wk.rotations[:, :ps].sum(1)
    dev_ops = wk.ops[:, ps:].sum(1)
    sre_people = st.sre_ramped.sum(1)
    # FTE of the active software teams (exact, so kept per run, when they sum exactly)
    dev_eng = st.dev_fte if st.dev_fte is not None else st.dev_active.astype(np.float64) @ cm.team_fte
    services = st.pool_count[:, : st.pools]  # end of week: after this week's handbacks
    services_sre = services[:, :ps].sum(1)
    # whole numbers held as floats (exact in any order): every slot is active or in the dummy pool
    n_active = st.slots - st.pool_count[:, -1]
    n_wait = st.auto_waiting + st.perf_waiting
    waiting = n_wait.astype(np.float64)
    tail = poisson_tail(wk.pages[:, :ps], p.oncall.max_incidents_per_shift)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = {
            "sre_ops_fraction": _ratio(s_ops, s_av),
            "sre_engineering_hours": wk.engineering[:, :ps].sum(1),
            "sre_oncall_fraction": _ratio(p.oncall.oncall_engineers * s_rot, s_av / HOURS),
            "pages_per_shift": _ratio(wk.incidents[:, :ps].sum(1), SHIFTS_PER_WEEK * s_rot),
            "pager_budget_exceeded": _ratio((tail * wk.rotations[:, :ps]).sum(1), s_rot),
            "ticket_backlog_hours": st.backlog[:, :ps].sum(1),
            "services_total": n_active,
            "services_sre": services_sre,
            "services_dev": n_active - services_sre,
            "services_handed_back": st.handed_back_total,  # whole numbers, cast as recorded
            "dev_teams": st.dev_teams,  # whole numbers, cast as recorded
            "dev_engineers": dev_eng,
            "sre_engineers": sre_people,
            "platform_engineers": cm.platform_fte,
            "automation_engineers": float(cm.automation_engineers),
            "sre_to_dev_ratio": _ratio(sre_people, dev_eng),
            "services_per_sre": _ratio(services_sre, sre_people),
            "dev_ops_fraction": _ratio(dev_ops, wk.available[:, ps:].sum(1)),
            "dev_hours_lost_to_ops": dev_ops,
            "embed_queue_length": waiting,
            "embed_wait_weeks": _ratio((t * n_wait - st.waiting_weeks).astype(np.float64), waiting),
            "platform_maturity": st.maturity,
            "mean_complexity": _ratio(wk.complexity_sum, n_active),  # wk.services is a view of these counts
            "ops_overload": st.ops_flag.any(1),  # booleans are recorded as 0.0 / 1.0
            "pager_overload": flags["pager_overload"].any(1),
            "rotation_understaffed": flags["rotation_understaffed"].any(1),
            "ticket_backlog": flags["ticket_backlog"].any(1),
            "sre_tickets_per_week": wk.tickets_expected[:, :ps].sum(1),
            "sre_interrupt_hours": wk.expected_hours[:, :ps].sum(1),
            "prr_backlog_hours": st.prr_backlog.sum(1),
        }
    for name, value in values.items():
        rec[name][t] = value


def run_block(cm: CompiledModel, p: ScenarioParams, runs: int, weeks: int,
              rng: np.random.Generator | None) -> RawRun:
    """Simulate ``runs`` runs of ``weeks`` weeks (``rng=None``: expected mode)."""
    st = init_state(cm, p, runs, weeks)
    rec = {name: np.zeros((weeks, runs)) for name in SERIES + EXTRA_SERIES}  # week-major while running
    phi = np.zeros((weeks, runs, cm.sre_pools))  # per SRE team, split at the end
    events: list[dict[str, Any]] = []
    for t in range(weeks):
        start_week(st, cm, p, t, rng)
        wk = demand_and_capacity(st, cm, p, t, rng)
        spare = engineering_time(st, cm, p, wk)
        update_stocks(st, cm, p, wk, t, spare, weeks, rng)
        finish_migration_week(st, t)
        if t % 13 == 12 and not st.all_at_one:
            st.all_at_one = not bool((st.complexity[: st.used] > 1).any())
        was_flagged = st.ops_flag.copy()
        flags = update_flags(st, cm, p, wk, t) if st.sre_pools else _no_flags(st)
        if st.sre_pools:
            ladder(st, cm, p, wk, t, was_flagged, events)
        _record(rec, st, cm, p, wk, flags, t)
        phi[t] = wk.phi
    by_team = {tid: np.ascontiguousarray(phi[:, :, i].T) for i, tid in enumerate(cm.sre_team_ids)}
    return RawRun({k: np.ascontiguousarray(v.T) for k, v in rec.items()}, by_team, events,
                  int(st.dropped.sum()))


def _no_flags(st: State) -> dict[str, np.ndarray]:
    empty = np.zeros((st.runs, 0), dtype=bool)
    return {"pager_overload": empty, "rotation_understaffed": empty, "ticket_backlog": empty}
