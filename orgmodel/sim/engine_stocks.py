"""Step 7 of the weekly step: the stocks (maturity, automation, familiarity, headcount, embeds).

Platform maturity and team automation levels follow SIMULATION.md section 2 step 7 exactly;
familiarity rises by ``1 / ramp_weeks`` a week up to 1. Headcount policies decide hires per run;
hires count toward N ``hiring_lag_weeks + ramp_weeks`` later. Embed requests (Poisson arrivals in
``stochastic`` mode, accumulators in ``expected`` mode) queue FIFO by request week and are served
in rounds (one engineer per run per round), never by a loop over runs or services. Not for flags
or the response ladder (engine_ladder).

Decisions: ``ratio`` and ``sublinear`` hire the whole-number gap between target and headcount
(ramped plus pipeline) each week, into the SRE team with the highest ops fraction; there is no
firing. ``hire_on_overload`` hires one engineer for each flagged SRE team that has no hire in its
hiring lag. Hires are generic SREs: only the document's SRE-SWE embed. A team has at most one
outstanding request (queued or embedded) of each kind; further requests meanwhile are absorbed.
A performance request is served by the SRE team with the most free SRE-SWE, and only if that team
has at least H engineering hours spare after toil reduction and PRRs. Embeds served in week t
start in week t+1.
"""

from __future__ import annotations

import numpy as np

from orgmodel.sim.compile import CompiledModel
from orgmodel.sim.engine_load import Week
from orgmodel.sim.engine_state import F32, HOURS, NONE, Floats, State, accumulate, nonzero2
from orgmodel.sim.scenario import ScenarioParams


def platform_hours(cm: CompiledModel, p: ScenarioParams, dev_teams: Floats, maturity: Floats) -> Floats:
    """E_platform = N_platform * H - dev_teams * support_hours_per_team * (1 - M), not below 0."""
    plat = p.platform
    hours: Floats = np.maximum(0.0, cm.platform_fte * HOURS - dev_teams * plat.support_hours_per_team * (1 - maturity))
    return hours


def update_stocks(st: State, cm: CompiledModel, p: ScenarioParams, wk: Week, t: int,
                  spare: Floats, weeks: int, rng: np.random.Generator | None) -> None:
    plat = p.platform
    if not plat.freeze:
        dev_teams = st.dev_teams.astype(np.float64)
        e_plat = platform_hours(cm, p, dev_teams, st.maturity)
        m = st.maturity
        st.maturity = np.clip(m + e_plat / plat.maturity_gain_hours * (1 - m) - plat.maturity_erosion * m,
                              0.0, 1.0)
    st.automation *= 1.0 - p.embeds.automation_decay
    if t <= st.unfamiliar_until:
        f = st.familiarity[: st.used]
        f += F32(1.0 / p.familiarity.ramp_weeks)
        np.minimum(f, st.ones32[: st.used], out=f)  # array to array: faster than with a scalar
    if st.sre_pools:
        _hire(st, cm, p, wk, t, weeks)
    _requests(st, cm, p, t, rng)
    _serve_automation(st, cm, p, t)
    if st.sre_pools:
        _serve_performance(st, cm, p, t, spare)


def _hire(st: State, cm: CompiledModel, p: ScenarioParams, wk: Week, t: int, weeks: int) -> None:
    hc = p.headcount
    policy = hc.sre_policy
    if policy == "fixed":
        return
    arrive = t + hc.hiring_lag_weeks + hc.ramp_weeks
    hires = np.zeros((st.runs, st.sre_pools))
    if policy == "hire_on_overload":
        want = st.ops_flag & (st.lag_until <= t)
        hires[want] = 1.0
        st.lag_until[want] = t + hc.hiring_lag_weeks
    else:
        dev = (st.dev_fte if st.dev_fte is not None
               else np.where(st.dev_active, cm.team_fte[None, :], 0.0).sum(axis=1))
        target = hc.sre_ratio * dev if policy == "ratio" else hc.sre_sublinear_k * np.sqrt(dev)
        gap = np.floor(target - st.sre_ramped.sum(axis=1) - st.pipeline_count + 1e-9)
        rows = np.nonzero(gap >= 1)[0]
        hires[rows, np.argmax(wk.phi[rows, : st.sre_pools], axis=1)] = gap[rows]
    st.pipeline_count += hires.sum(axis=1)
    if arrive <= weeks:
        st.pipeline[arrive] += hires


def _requests(st: State, cm: CompiledModel, p: ScenarioParams, t: int,
              rng: np.random.Generator | None) -> None:
    software = st.dev_active
    emb = p.embeds
    for rate, acc, request, end, queued, waiting in (
        (emb.automation_requests_per_team_per_week, st.acc_auto, st.auto_request, st.auto_end,
         st.auto_queued, st.auto_waiting),
        (emb.performance_requests_per_team_per_week, st.acc_perf, st.perf_request, st.perf_end,
         st.perf_queued, st.perf_waiting),
    ):
        if rng is None:
            flat = np.flatnonzero(accumulate(acc, np.where(software, rate, 0.0)) > 0)
        else:  # u < 1 - exp(-rate) for software teams (u < 0 never holds for the others)
            flat = np.flatnonzero(rng.random(software.shape) < -np.expm1(-np.full(1, rate))[0])
            flat = flat[np.take(software, flat)]  # few: look at the arrivals only
        # flat positions row * T + team, in row-major order
        new = flat[(np.take(request, flat) == NONE) & (np.take(end, flat) == NONE)]
        np.put(request, new, t)
        added = np.bincount(new // st.teams, minlength=st.runs)
        queued[:, t] += added
        waiting += added
        st.waiting_weeks += t * added


def _oldest_first(request: np.ndarray, per_week: np.ndarray, serve: np.ndarray, in_use: int, t: int,
                  oldest: int = 0, ranked: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per run, its ``serve[run]`` oldest queued teams (ties: lowest slot) as (run, team, rank).

    No sort over the queue: ``per_week`` counts each run's queued requests by request week (kept
    up to date as requests arrive and leave), so its running total gives the week w* holding the
    ``serve``-th oldest; the run takes every request before w* and the lowest slots of week w*.
    Team slots from ``in_use`` on have never been active in any run, so never request; no request
    is later than week ``t`` and none earlier than ``oldest`` (the running totals start there).
    Only the taken requests are sorted, for their rank; ``ranked=False``: neither sorted nor ranked
    (an empty rank), for callers that treat them alike.
    """
    serving = np.flatnonzero(serve)
    every = serving.size == serve.size  # all runs serve: slices instead of row gathers
    need = serve[serving]
    cum = np.cumsum(per_week[:, oldest: t + 1] if every else per_week[serving, oldest: t + 1], axis=1)
    k = (cum < need[:, None]).sum(axis=1)  # w* - oldest: the first week whose total reaches need
    week = oldest + k
    left = need - np.where(k > 0, cum[np.arange(serving.size), np.maximum(k - 1, 0)], 0)
    sub = request[:, :in_use] if every else request[serving, :in_use]
    w = week[:, None].astype(sub.dtype)  # compared in the queue's own (narrow) integer type
    # requests up to w* (NONE is -1: as unsigned it is never below w*), in row-major order; of
    # those of week w* itself, each run keeps its ``left`` lowest slots
    unsigned = sub.view(f"u{sub.itemsize}")
    rows, cols = nonzero2(unsigned <= w.view(unsigned.dtype))
    at = np.flatnonzero(sub[rows, cols] == week[rows])
    at_r = rows[at]
    keep = np.ones(rows.size, dtype=bool)
    keep[at] = np.arange(at.size) - np.searchsorted(at_r, at_r, side="left") < left[at_r]
    rows, cols = rows[keep], cols[keep]
    if not ranked:
        return serving[rows], cols, np.zeros(0, dtype=np.int64)
    order = np.argsort((rows * per_week.shape[1] + sub[rows, cols]) * in_use + cols)
    rows, cols = rows[order], cols[order]
    rank = np.arange(rows.size) - np.searchsorted(rows, rows, side="left")
    return serving[rows], cols, rank


def _first_queued(per_week: np.ndarray, oldest: int, t: int) -> int:
    """The first request week with a queued request in any run (``t`` if none), at least ``oldest``
    (a bound from an earlier week: requests are only ever added in the current week)."""
    while oldest < t and not per_week[:, oldest].any():
        oldest += 1
    return oldest


def _serve_automation(st: State, cm: CompiledModel, p: ScenarioParams, t: int) -> None:
    """Free automation engineers take the oldest requests, one request each."""
    free = cm.automation_engineers - st.auto_busy
    serve = np.minimum(np.maximum(free, 0), st.auto_waiting)
    if not serve.any():
        return
    st.auto_oldest = _first_queued(st.auto_queued, st.auto_oldest, t)
    rows, teams, _ = _oldest_first(st.auto_request, st.auto_queued, serve, int(st.next_team.max()), t,
                                   st.auto_oldest, ranked=False)  # all served alike: no order needed
    week = st.auto_request[rows, teams]
    np.subtract.at(st.auto_queued, (rows, week), 1)
    np.subtract.at(st.waiting_weeks, rows, week)
    st.auto_waiting -= serve  # each run takes exactly ``serve`` of its requests
    # a document embed may already hold the team's engineer: only idle teams become busy
    np.add.at(st.auto_busy, rows[st.auto_end[rows, teams] == NONE], 1)
    st.auto_request[rows, teams] = NONE
    st.auto_end[rows, teams] = t + 1 + p.embeds.automation_weeks


def _serve_performance(st: State, cm: CompiledModel, p: ScenarioParams, t: int, spare: Floats) -> None:
    """Each SRE team with a free SRE-SWE and an engineer-week to spare serves one request.

    The oldest request goes to the team with the most free SRE-SWE (ties: first team), the next
    to the next such team, and so on.
    """
    free = np.where(spare >= HOURS, cm.sre_swe[None, :] - st.swe_out, 0)
    teams_able = (free > 0).sum(axis=1)
    if not teams_able.any():
        return
    serve = np.minimum(teams_able, st.perf_waiting)
    if not serve.any():
        return
    st.perf_oldest = _first_queued(st.perf_queued, st.perf_oldest, t)
    rows, teams, rank = _oldest_first(st.perf_request, st.perf_queued, serve, int(st.next_team.max()), t,
                                      st.perf_oldest)
    pools = np.argsort(-free, axis=1, kind="stable")[rows, rank]
    start_embed(st, rows, teams, pools, t + 1 + p.embeds.performance_weeks)


def start_embed(st: State, rows: np.ndarray, team: np.ndarray, pool: np.ndarray, end: int) -> None:
    """An SRE-SWE of ``pool`` embeds into ``team`` (per row) until week ``end``."""
    week = st.perf_request[rows, team]
    queued = week != NONE
    np.subtract.at(st.perf_queued, (rows[queued], week[queued]), 1)
    np.subtract.at(st.perf_waiting, rows[queued], 1)
    np.subtract.at(st.waiting_weeks, rows[queued], week[queued])
    st.perf_request[rows, team] = NONE
    st.perf_end[rows, team] = end
    st.perf_pool[rows, team] = pool
    np.add.at(st.swe_out, (rows, pool), 1)
