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
from orgmodel.sim.engine_state import F32, HOURS, NONE, Floats, State, accumulate
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
        dev_teams = (st.team_active & cm.team_software).sum(axis=1).astype(np.float64)
        e_plat = platform_hours(cm, p, dev_teams, st.maturity)
        m = st.maturity
        st.maturity = np.clip(m + e_plat / plat.maturity_gain_hours * (1 - m) - plat.maturity_erosion * m,
                              0.0, 1.0)
    st.automation *= 1.0 - p.embeds.automation_decay
    if t <= st.unfamiliar_until:
        f = st.familiarity[: st.used]
        f += F32(1.0 / p.familiarity.ramp_weeks)
        np.minimum(f, F32(1), out=f)
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
        dev = np.where(st.team_active & cm.team_software, cm.team_fte[None, :], 0.0).sum(axis=1)
        target = hc.sre_ratio * dev if policy == "ratio" else hc.sre_sublinear_k * np.sqrt(dev)
        gap = np.floor(target - st.sre_ramped.sum(axis=1) - st.pipeline_count + 1e-9)
        rows = np.nonzero(gap >= 1)[0]
        hires[rows, np.argmax(wk.phi[rows, : st.sre_pools], axis=1)] = gap[rows]
    st.pipeline_count += hires.sum(axis=1)
    if arrive <= weeks:
        st.pipeline[arrive] += hires


def _requests(st: State, cm: CompiledModel, p: ScenarioParams, t: int,
              rng: np.random.Generator | None) -> None:
    software = st.team_active & cm.team_software
    emb = p.embeds
    for rate, acc, request, end in (
        (emb.automation_requests_per_team_per_week, st.acc_auto, st.auto_request, st.auto_end),
        (emb.performance_requests_per_team_per_week, st.acc_perf, st.perf_request, st.perf_end),
    ):
        amount = np.where(software, rate, 0.0)
        if rng is None:
            arrived = accumulate(acc, amount) > 0
        else:
            arrived = rng.random(amount.shape) < -np.expm1(-amount)
        new = arrived & (request == NONE) & (end == NONE)
        request[new] = t


def _oldest_first(request: np.ndarray, rows: np.ndarray, most: int) -> np.ndarray:
    """Per row, up to ``most`` queued teams, oldest request first (ties: lowest slot); -1 pads."""
    teams = request.shape[1]
    sub = request[rows]
    key = np.where(sub >= 0, sub * teams + np.arange(teams)[None, :], np.iinfo(np.int64).max)
    if most == 1:
        part = np.argmin(key, axis=1)[:, None]
    elif most < teams:
        part = np.argpartition(key, most - 1, axis=1)[:, :most]
    else:
        part = np.broadcast_to(np.arange(teams), key.shape)
    order = np.take_along_axis(part, np.argsort(np.take_along_axis(key, part, axis=1), axis=1), axis=1)
    queued = np.take_along_axis(key, order, axis=1) < np.iinfo(np.int64).max
    return np.where(queued, order, -1)


def _serve_automation(st: State, cm: CompiledModel, p: ScenarioParams, t: int) -> None:
    """Free automation engineers take the oldest requests, one request each."""
    pending = (st.auto_request != NONE).sum(axis=1)
    free = cm.automation_engineers - (st.auto_end != NONE).sum(axis=1)
    serve = np.minimum(np.maximum(free, 0), pending)
    rows = np.nonzero(serve > 0)[0]
    if rows.size == 0:
        return
    order = _oldest_first(st.auto_request, rows, int(serve[rows].max()))
    end = t + 1 + p.embeds.automation_weeks
    for j in range(order.shape[1]):
        take = serve[rows] > j
        r, team = rows[take], order[take, j]
        st.auto_request[r, team] = NONE
        st.auto_end[r, team] = end


def _serve_performance(st: State, cm: CompiledModel, p: ScenarioParams, t: int, spare: Floats) -> None:
    """Each SRE team with a free SRE-SWE and an engineer-week to spare serves one request.

    The oldest request goes to the team with the most free SRE-SWE (ties: first team), the next
    to the next such team, and so on.
    """
    free = np.where(spare >= HOURS, cm.sre_swe[None, :] - st.swe_out, 0)
    teams_able = (free > 0).sum(axis=1)
    if not teams_able.any():
        return
    serve = np.minimum(teams_able, (st.perf_request != NONE).sum(axis=1))
    rows = np.nonzero(serve > 0)[0]
    if rows.size == 0:
        return
    most = int(serve[rows].max())
    order = _oldest_first(st.perf_request, rows, most)
    pools = np.argsort(-free[rows], axis=1, kind="stable")[:, :most]
    end = t + 1 + p.embeds.performance_weeks
    for j in range(most):
        take = serve[rows] > j
        start_embed(st, rows[take], order[take, j], pools[take, j], end)


def start_embed(st: State, rows: np.ndarray, team: np.ndarray, pool: np.ndarray, end: int) -> None:
    """An SRE-SWE of ``pool`` embeds into ``team`` (per row) until week ``end``."""
    st.perf_request[rows, team] = NONE
    st.perf_end[rows, team] = end
    st.perf_pool[rows, team] = pool
    np.add.at(st.swe_out, (rows, pool), 1)
