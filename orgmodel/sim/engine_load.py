"""Steps 2-6 of the weekly step: demand per service, draws per pool, routing, capacity, engineering.

Demand is computed for every service slot of every run at once ((runs, S) float32 arrays) with the
formulas of SIMULATION.md section 2 and summed per pool with one ``np.bincount`` per quantity over
flat indices ``run * (P + 1) + pool`` (inactive slots fall into a dummy pool). Draws are per pool:
incidents negative binomial (gamma-Poisson with shape ``page_dispersion``; Poisson when it is
``inf``), tickets Poisson; in ``expected`` mode the means. Not for stocks or flags (engine_ladder).

Decisions: ``dev_ticket_share`` of an SRE-supported service's tickets goes to its owner's pool;
a software team has an on-call rotation (``sites`` of them) only while it supports at least one
service; an SRE team always has ``sites`` rotations; with no available hours a pool's phi is 1 if it
has any load (0 otherwise). SRE toil reduction goes to the pool's services "highest ops hours first"
at a resolution of half an octave of expected ops hours (services in the same half-octave bucket
share the bucket's hours pro rata); a service absorbs at most the hours that bring its complexity
back to 1 (what its owner's anti-regressive hours leave). Development teams spread
``dev_anti_regressive_share`` of their capacity evenly over the services they own; an SRE-SWE
embedded in a team adds H hours a week to that. PRRs are paid from the SRE engineering hours left
after toil reduction; they gate nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from orgmodel.sim.compile import CompiledModel
from orgmodel.sim.engine_state import F32, HOURS, SHIFTS_PER_WEEK, Floats, Floats32, State
from orgmodel.sim.scenario import ScenarioParams

BUCKETS = 48  # half-octave buckets of expected ops hours per service
BUCKET_OFFSET = 24  # bucket of 1 hour/week


@dataclass
class Week:
    """What one week of a block produced, shaped (runs, P) per pool unless noted."""

    incidents: Floats
    tickets: Floats
    tickets_expected: Floats
    interrupt: Floats  # I including backlog carried in
    expected_hours: Floats  # expected interrupt hours this week (means, no backlog)
    available: Floats  # N * H
    ops: Floats  # O
    phi: Floats
    engineering: Floats  # E
    rotations: Floats
    pages: Floats  # per shift
    services: Floats  # active services per support pool
    service_hours: Floats32  # (runs, S) expected ops hours of each service in its pool


def _pool_sum(st: State, flat: np.ndarray, weights: np.ndarray | None) -> Floats:
    out = np.bincount(flat.ravel(), weights=None if weights is None else weights.ravel(),
                      minlength=st.runs * st.width)
    return out.reshape(st.runs, st.width)[:, : st.pools]


def demand_and_capacity(st: State, cm: CompiledModel, p: ScenarioParams,
                        rng: np.random.Generator | None) -> Week:
    load, plat, ps = p.load, p.platform, st.sre_pools
    m = st.maturity[:, None]
    a = np.take_along_axis(st.automation, st.owner, axis=1).astype(F32)
    c = st.complexity if p.complexity.exponent == 1.0 else st.complexity ** F32(p.complexity.exponent)
    sre = (st.pool < ps).astype(F32)
    inc = cm.base_incidents.astype(F32) * c * (1 - F32(0.5) * a)
    inc *= (1 + F32(p.familiarity.penalty) * (1 - st.familiarity))
    inc *= (1 - plat.effect_incidents * m).astype(F32)
    tick = cm.base_tickets.astype(F32) * c * (1 - plat.effect_tickets * m).astype(F32)
    det = cm.base_toil.astype(F32) * c * (1 - a) * (1 - plat.effect_toil * m).astype(F32)
    review = (load.review_hours_swe + load.review_hours_se) * (1 - plat.effect_review * m)
    det += cm.base_releases.astype(F32) * sre * review.astype(F32)
    if st.migrations_until >= 0:
        per_week = plat.migration_hours * (1 - plat.effect_migration * m) / 13.0
        det += (st.migration_left > 0) * per_week.astype(F32)
    share = load.dev_ticket_share
    sre_tick = tick * sre
    inc_pool = _pool_sum(st, st.flat_pool, inc)
    tick_pool = _pool_sum(st, st.flat_pool, tick)
    tick_pool[:, :ps] *= 1 - share
    tick_pool += share * _pool_sum(st, st.flat_owner, sre_tick)
    det_pool = _pool_sum(st, st.flat_pool, det)
    services = _pool_sum(st, st.flat_pool, None)
    hours = inc * F32(load.incident_hours) + tick * F32(load.ticket_hours) * (1 - F32(share) * sre) + det
    expected = inc_pool * load.incident_hours + tick_pool * load.ticket_hours + det_pool
    if rng is None:
        incidents, tickets = inc_pool, tick_pool
    else:
        incidents, tickets = _draw(rng, inc_pool, tick_pool, load.page_dispersion)
    interrupt = incidents * load.incident_hours + tickets * load.ticket_hours + det_pool + st.backlog
    wk = _capacity(st, cm, p, incidents, tickets, interrupt, expected, services, hours)
    wk.tickets_expected = tick_pool
    return wk


def _draw(rng: np.random.Generator, inc: Floats, tick: Floats,
          dispersion: float) -> tuple[Floats, Floats]:
    if np.isinf(dispersion):
        incidents = rng.poisson(inc)
    else:
        incidents = rng.poisson(rng.gamma(dispersion, inc / dispersion))
    return incidents.astype(np.float64), rng.poisson(tick).astype(np.float64)


def pool_people(st: State, cm: CompiledModel) -> Floats:
    """N per pool: ramped SRE FTE present (embedded engineers out), team FTE of active teams."""
    sre = np.maximum(0.0, st.sre_ramped - st.swe_out)
    dev = np.where(st.team_active, cm.team_fte[None, :], 0.0)
    return np.concatenate([sre, dev], axis=1)


def _capacity(st: State, cm: CompiledModel, p: ScenarioParams, incidents: Floats, tickets: Floats,
              interrupt: Floats, expected: Floats, services: Floats, hours: Floats32) -> Week:
    ps = st.sre_pools
    people = pool_people(st, cm)
    available = people * HOURS
    rotations = np.concatenate([
        np.broadcast_to(cm.sre_sites.astype(np.float64), (st.runs, ps)),
        np.where(services[:, ps:] > 0, cm.team_sites[None, :], 0).astype(np.float64)], axis=1)
    floor = p.oncall.oncall_engineers * HOURS * rotations
    ops = np.minimum(np.maximum(floor, interrupt), available)
    st.backlog = np.maximum(0.0, interrupt - available)
    with np.errstate(divide="ignore", invalid="ignore"):
        phi = np.where(available > 0, ops / available, (interrupt > 0).astype(np.float64))
        pages = np.where(rotations > 0, incidents / (SHIFTS_PER_WEEK * rotations), 0.0)
    engineering = np.maximum(0.0, available - ops)
    return Week(incidents, tickets, tickets, interrupt, expected, available, ops, phi, engineering,
                rotations, pages, services, hours)


def engineering_time(st: State, cm: CompiledModel, p: ScenarioParams, wk: Week) -> Floats:
    """Step 6: toil reduction, PRRs, dev anti-regressive work, complexity. Returns spare SRE hours."""
    ps = st.sre_pools
    sre_e = wk.engineering[:, :ps]
    share = np.where(st.ops_flag, p.sre.toil_reduction_share_flagged, p.sre.toil_reduction_share)
    toil_reduction = share * sre_e
    after = sre_e - toil_reduction
    prr = np.minimum(st.prr_backlog, after)
    st.prr_backlog -= prr
    if not p.complexity.freeze:
        _complexity(st, cm, p, wk, toil_reduction)
    return after - prr


def _complexity(st: State, cm: CompiledModel, p: ScenarioParams, wk: Week,
                toil_reduction: Floats) -> None:
    cx = p.complexity
    ps = st.sre_pools
    team_hours = np.where(st.team_active, cm.team_fte[None, :] * HOURS * cx.dev_anti_regressive_share, 0.0)
    team_hours += np.where(st.perf_end >= 0, HOURS, 0.0)
    owned = _pool_sum(st, st.flat_owner, st.active)[:, ps:]
    per_service = np.zeros((st.runs, st.width))
    with np.errstate(divide="ignore", invalid="ignore"):
        per_service[:, ps:st.pools] = np.where(owned > 0, team_hours / owned, 0.0)
    dev_ar = per_service.ravel()[st.flat_owner].astype(F32)
    growth = (cm.base_releases * cx.growth_per_release).astype(F32)
    reduction = F32(cx.reduction_per_hour)
    ar = dev_ar
    if ps > 0 and cx.reduction_per_hour > 0:
        need = np.maximum(F32(0), (st.complexity - 1 + growth) / reduction - dev_ar)
        ar = dev_ar + _greedy(st, need * (st.pool < ps), wk.service_hours, toil_reduction)
    st.complexity = np.maximum(F32(1), st.complexity + growth - reduction * ar)


def bucket_of(hours: Floats32) -> np.ndarray:
    """Half-octave bucket of expected ops hours (higher bucket = more hours)."""
    logs = np.log2(np.maximum(hours, F32(1e-30))) * F32(2) + F32(BUCKET_OFFSET)
    return np.clip(np.floor(logs), 0, BUCKETS - 1).astype(np.int64)


def _greedy(st: State, need: Floats32, hours: Floats32, budget: Floats) -> Floats32:
    """Hours each SRE service gets from its pool's toil-reduction budget, highest hours first."""
    ps = st.sre_pools
    rows = np.arange(st.runs, dtype=np.int64)[:, None]
    sre = st.pool < ps
    key = np.where(sre, (rows * ps + np.minimum(st.pool, ps - 1)) * BUCKETS + bucket_of(hours),
                   st.runs * ps * BUCKETS)
    per_bucket = np.bincount(key.ravel(), weights=need.ravel(), minlength=st.runs * ps * BUCKETS + 1)
    per_bucket = per_bucket[:-1].reshape(st.runs, ps, BUCKETS)
    above = np.cumsum(per_bucket[:, :, ::-1], axis=2)[:, :, ::-1] - per_bucket  # higher buckets
    left = budget[:, :, None] - above
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = np.where(per_bucket > 0, np.clip(left / per_bucket, 0.0, 1.0), 0.0)
    frac_flat = np.append(frac.ravel(), 0.0)
    return need * frac_flat[key].astype(F32)
