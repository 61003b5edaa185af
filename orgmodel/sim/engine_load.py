"""Steps 2-5 of the weekly step: demand per service, draws per pool, routing, capacity.

Demand follows the formulas of SIMULATION.md section 2, summed per pool without a loop over
services or runs: every rate is ``base * complexity * multipliers``, so a pool's sum is the
scenario's base rate times the pool's summed complexity (one ``np.bincount`` over the (S, runs)
float32 complexity array with flat indices ``run * (P + 1) + pool``; inactive slots fall into a
dummy pool; none at all while every complexity is 1) plus the document's overridden services;
factors that are constant per pool (the owner's automation level for dev-supported services, the
platform multipliers per run) are applied to the sums. SRE-supported services, whose owners
differ within a pool, are computed one by one from the block's list of them. Draws are per pool:
incidents negative binomial (gamma-Poisson with shape ``page_dispersion``; Poisson when it is
``inf``), tickets Poisson; in ``expected`` mode the means. Not for engineering time
(engine_engineering) nor stocks or flags (engine_stocks, engine_ladder).

Decisions: ``dev_ticket_share`` of an SRE-supported service's tickets goes to its owner's pool;
a software team has an on-call rotation (``sites`` of them) only while it supports at least one
service; an SRE team always has ``sites`` rotations; with no available hours a pool's phi is 1 if it
has any load (0 otherwise). An SRE service's expected hours (``SreServices.hours``) are computed
only in the weeks that read them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from orgmodel.sim.compile import CompiledModel, Rate
from orgmodel.sim.engine_state import (
    F32,
    HOURS,
    MIGRATION_WEEKS,
    SHIFTS_PER_WEEK,
    Floats,
    Floats32,
    Ints,
    State,
    sums_exactly,
)
from orgmodel.sim.scenario import ScenarioParams


@dataclass
class SreServices:
    """The SRE-supported services of the block this week (flat positions in the used prefix)."""

    slot: np.ndarray
    row: np.ndarray
    pos: np.ndarray  # slot * runs + row: the position in a flattened (S, runs) array
    pool: np.ndarray
    owner: np.ndarray
    key: np.ndarray  # row * Ps + pool
    owner_flat: np.ndarray  # row * (P + 1) + Ps + owner
    releases: Floats | float  # base releases of each (the one default when no slot overrides it)
    # hours_of(idx, week): the expected hours of services ``idx`` (None: all), migration hours
    # included for those still migrating after ``week`` (None: no migrations this week)
    hours_of: Callable[[Ints | None, int | None], Floats]
    moving_week: int | None = None  # this week while migrations run
    complexity: Floats | None = None  # this week's complexity of each (float64), when exponent is 1
    _hours: Floats | None = None

    @property
    def hours(self) -> Floats:
        """Expected ops hours of each in its SRE pool this week (computed when first needed)."""
        if self._hours is None:
            self._hours = self.hours_of(None, self.moving_week)
        return self._hours

    def hours_at(self, idx: Ints) -> Floats:
        """``hours[idx]``, computing only those while ``hours`` has not been needed (elementwise,
        so the values are the same)."""
        return self.hours_of(idx, self.moving_week) if self._hours is None else self._hours[idx]


@dataclass
class Week:
    """What one week of a block produced, shaped (runs, P) per pool unless noted.

    Fields read for the SRE teams alone (flags, ladder, record) are computed for them alone and
    shaped (runs, Ps): ``expected_hours``, ``phi``, ``engineering`` and ``pages``.
    """

    incidents: np.ndarray  # drawn counts (int64), or the means in expected mode
    tickets: np.ndarray
    tickets_expected: Floats
    interrupt: Floats  # I including backlog carried in
    expected_hours: Floats  # (runs, Ps) expected interrupt hours this week (means, no backlog)
    available: Floats  # N * H
    ops: Floats  # O
    phi: Floats  # (runs, Ps)
    engineering: Floats  # (runs, Ps) E
    rotations: Floats
    pages: Floats  # (runs, Ps) per shift
    services: Floats  # active services per support pool
    sre: SreServices
    complexity_sum: Floats = field(default_factory=lambda: np.zeros(0))  # (runs,) this week's


def _pool_sum(st: State, flat: np.ndarray, weights: np.ndarray) -> Floats:
    if weights.dtype == F32 and weights.ndim == 2:  # bincount's own cast to float64 is slower
        wide = st.scratch64[: weights.shape[0]]
        np.copyto(wide, weights)
        weights = wide
    out = np.bincount(flat.ravel(), weights=weights.ravel(), minlength=st.runs * st.width)
    return np.asarray(out, dtype=np.float64).reshape(st.runs, st.width)[:, : st.pools]


def _multipliers(p: ScenarioParams, maturity: Floats) -> dict[str, Floats]:
    plat = p.platform
    return {key: 1.0 - getattr(plat, f"effect_{key}") * maturity
            for key in ("incidents", "tickets", "toil", "review", "migration")}


def demand_and_capacity(st: State, cm: CompiledModel, p: ScenarioParams, t: int,
                        rng: np.random.Generator | None) -> Week:
    """Steps 2-5: demand per service, draws per pool, routing, capacity."""
    load, ps, used = p.load, st.sre_pools, st.used
    m = _multipliers(p, st.maturity)
    flat = st.flat_pool[:used]
    c: Floats32 | None = None  # None: every complexity is 1 (no per-service pass needed)
    if st.all_at_one:
        sum_c = st.pool_count[:, : st.pools].copy()
    else:
        c = st.complexity[:used]
        if p.complexity.exponent != 1.0:
            c = c ** F32(p.complexity.exponent)
        sum_c = _pool_sum(st, flat, c)
    c_f, sum_cf = c, sum_c
    if t <= st.unfamiliar_until:
        unfamiliar = 1 + F32(p.familiarity.penalty) * (1 - st.familiarity[:used])
        c_f = unfamiliar if c is None else c * unfamiliar
        sum_cf = _pool_sum(st, flat, c_f)
    inc_pool = _rate_sum(st, cm.rates["incidents"], sum_cf, c_f, used)
    tick_pool = _rate_sum(st, cm.rates["tickets"], sum_c, c, used)
    toil_pool = _rate_sum(st, cm.rates["toil"], sum_c, c, used)
    team_a = st.automation
    # the owner's automation factors per team slot, shared by dev pools and SRE services
    inc_factor, toil_factor = 1 - 0.5 * team_a, 1 - team_a
    inc_pool[:, ps:] *= inc_factor
    toil_pool[:, ps:] *= toil_factor
    migrating = st.migrations_until >= 0 and t < st.migrations_until + 1
    mig_pool = st.mig_count[:, : st.pools] * (load_migration(p) * m["migration"])[:, None] if migrating else None
    sre = _sre_services(st, cm, p, m, c, c_f, (inc_factor, toil_factor), inc_pool, tick_pool, toil_pool)
    inc_pool *= m["incidents"][:, None]
    tick_pool *= m["tickets"][:, None]
    det_pool = toil_pool * m["toil"][:, None]  # toil hours are >= 0: adding no migration is a no-op
    if mig_pool is not None:
        det_pool += mig_pool
    if ps:
        det_pool[:, :ps] += sre_review_hours(st, cm, p, m, sre)
    if ps and migrating:
        # which services still migrate is read when hours are needed: ``migration_end`` only
        # changes at the start of a week (engine_growth), so it reads the same all week
        sre.moving_week = t
    expected = inc_pool[:, :ps] * load.incident_hours + tick_pool[:, :ps] * load.ticket_hours + det_pool[:, :ps]
    if rng is None:
        incidents, tickets = inc_pool, tick_pool
    else:
        incidents, tickets = _draw(rng, inc_pool, tick_pool, load.page_dispersion)
    interrupt = np.multiply(incidents, load.incident_hours)  # + tickets + det + backlog, in that order
    interrupt += tickets * load.ticket_hours
    interrupt += det_pool
    interrupt += st.backlog
    services = st.pool_count[:, : st.pools]
    wk = _capacity(st, cm, p, incidents, tickets, tick_pool, interrupt, expected, services, sre)
    if c is not None and p.complexity.exponent != 1.0:
        sum_c = _pool_sum(st, flat, st.complexity[:used])
    wk.complexity_sum = sum_c.sum(axis=1)
    return wk


def load_migration(p: ScenarioParams) -> float:
    """Migration hours per week of a migrating service before the platform multiplier."""
    return float(p.platform.migration_hours / MIGRATION_WEEKS)


def _rate_sum(st: State, rate: Rate, sum_c: Floats, c: Floats32 | None, used: int) -> Floats:
    """Per pool: sum of base rate * c, as default * sum(c) plus the overridden slots' difference."""
    out = rate.default * sum_c
    idx = rate.slots[rate.slots < used]
    if idx.size:
        weights = rate.delta[: idx.size, None] * (c[idx] if c is not None else np.ones((idx.size, st.runs)))
        out += _pool_sum(st, st.flat_pool[idx], weights)
    return out


def _sre_services(st: State, cm: CompiledModel, p: ScenarioParams, m: dict[str, Floats],
                  c: Floats32 | None, c_f: Floats32 | None, factors: tuple[Floats, Floats],
                  inc_pool: Floats, tick_pool: Floats, toil_pool: Floats) -> SreServices:
    """SRE pools get their sums from the SRE services alone (the owner's automation applies)."""
    ps = st.sre_pools
    empty = np.zeros(0, dtype=np.int64)
    if ps == 0:
        return SreServices(empty, empty, empty, empty, empty, empty, empty, np.zeros(0), lambda _, __: np.zeros(0))
    slot, row, pool, owner = st.sre_slot, st.sre_row, st.sre_pool, st.sre_owner
    pos, key, owners = st.sre_pos, st.sre_key, st.sre_owner_flat
    inc_factor = np.take(factors[0].ravel(), st.sre_team)  # 1 - 0.5 * the owner's automation
    toil_factor = np.take(factors[1].ravel(), st.sre_team)  # 1 - the owner's automation
    s_c32 = np.take(c.ravel(), pos) if c is not None else None
    s_c = s_c32.astype(np.float64) if s_c32 is not None else np.ones(pos.size)
    if c_f is None:
        s_cf: np.ndarray = s_c
    else:
        s_cf = s_c32 if c_f is c and s_c32 is not None else np.take(c_f.ravel(), pos)
    rates = cm.rates
    s_inc = _times(rates["incidents"].at(cm.base_incidents, slot), s_cf) * inc_factor
    s_tick = _times(rates["tickets"].at(cm.base_tickets, slot), s_c)
    s_toil = _times(rates["toil"].at(cm.base_toil, slot), s_c) * toil_factor
    size = st.runs * ps
    inc_pool[:, :ps] = np.bincount(key, s_inc, size).reshape(st.runs, ps)
    toil_pool[:, :ps] = np.bincount(key, s_toil, size).reshape(st.runs, ps)
    share = p.load.dev_ticket_share
    tick_pool[:, :ps] *= 1 - share
    if share:
        owner_tickets = np.bincount(owners, s_tick, st.runs * st.width).reshape(st.runs, st.width)
        tick_pool += share * owner_tickets[:, : st.pools]
    load = p.load
    releases = rates["releases"].at(cm.base_releases, slot)
    review = _review(p, m)
    def hours(idx: Ints | None, week: int | None) -> Floats:
        r, inc, tick, toil = ((row, s_inc, s_tick, s_toil) if idx is None else
                              (row[idx], s_inc[idx], s_tick[idx], s_toil[idx]))
        rel = releases if isinstance(releases, float) or idx is None else releases[idx]
        total: Floats = (inc * m["incidents"][r] * load.incident_hours
                         + tick * (1 - share) * m["tickets"][r] * load.ticket_hours
                         + toil * m["toil"][r]
                         + rel * review[r])
        if week is not None:
            mask = np.take(st.migration_end.ravel(), pos if idx is None else pos[idx]) > week
            total += np.where(mask, load_migration(p) * m["migration"][r], 0.0)
        return total

    plain = p.complexity.exponent == 1.0  # then s_c is the complexity itself (1 while all at one)
    return SreServices(slot, row, pos, pool, owner, key, owners, releases, hours, complexity=s_c if plain else None)


def _times(rate: Floats | float, values: np.ndarray) -> np.ndarray:
    """``rate * values``; a rate of exactly 1.0 (the default toil hours) changes nothing."""
    if isinstance(rate, float) and rate == 1.0:
        return values
    product: np.ndarray = rate * values
    return product


def _review(p: ScenarioParams, m: dict[str, Floats]) -> Floats:
    hours: float = p.load.review_hours_swe + p.load.review_hours_se
    return hours * m["review"]


def sre_review_hours(st: State, cm: CompiledModel, p: ScenarioParams, m: dict[str, Floats],
                     sre: SreServices) -> Floats:
    """Release reviews per SRE pool: releases of its services times review hours."""
    ps = st.sre_pools
    rate = cm.rates["releases"]
    if rate.slots.size == 0 and sums_exactly(rate.default):
        # n services at the same rate sum to exactly n * rate: the pool's service count
        releases: np.ndarray = st.pool_count[:, :ps] * rate.default
    else:
        weights = np.broadcast_to(sre.releases, sre.key.shape)
        releases = np.bincount(sre.key, weights, st.runs * ps).reshape(st.runs, ps)
    return releases * _review(p, m)[:, None]


def _draw(rng: np.random.Generator, inc: Floats, tick: Floats,
          dispersion: float) -> tuple[np.ndarray, np.ndarray]:
    """Whole counts (int64: exact in every float formula that uses them, no cast needed)."""
    if np.isinf(dispersion):
        incidents = rng.poisson(inc)
    else:
        incidents = rng.poisson(rng.gamma(dispersion, inc / dispersion))
    return incidents, rng.poisson(tick)


def pool_people(st: State, cm: CompiledModel) -> Floats:
    """N per pool: ramped SRE FTE present (embedded engineers out), team FTE of active teams."""
    people = np.empty((st.runs, st.pools))
    np.subtract(st.sre_ramped, st.swe_out, out=people[:, : st.sre_pools])
    np.maximum(0.0, people[:, : st.sre_pools], out=people[:, : st.sre_pools])
    np.multiply(st.team_active, cm.team_fte, out=people[:, st.sre_pools:])
    return people


def _capacity(st: State, cm: CompiledModel, p: ScenarioParams, incidents: Floats, tickets: Floats,
              tickets_expected: Floats, interrupt: Floats, expected: Floats, services: Floats,
              sre: SreServices) -> Week:
    ps = st.sre_pools
    people = pool_people(st, cm)
    available = people * HOURS
    rotations = np.empty_like(available)
    rotations[:, :ps] = cm.sre_sites
    np.multiply(services[:, ps:] > 0, cm.team_sites, out=rotations[:, ps:])
    ops = p.oncall.oncall_engineers * HOURS * rotations  # the on-call floor, then O
    np.maximum(ops, interrupt, out=ops)
    np.minimum(ops, available, out=ops)
    backlog = np.subtract(interrupt, available, out=st.backlog)
    np.maximum(st.zeros_pools, backlog, out=backlog)  # array to array: faster than with a scalar
    sre_ops, sre_available, sre_rotations = ops[:, :ps], available[:, :ps], rotations[:, :ps]
    with np.errstate(divide="ignore", invalid="ignore"):
        phi = sre_ops / sre_available
        pages = incidents[:, :ps] / (SHIFTS_PER_WEEK * sre_rotations)
    idle = sre_available <= 0
    if idle.any():
        phi[idle] = interrupt[:, :ps][idle] > 0
    pages[sre_rotations <= 0] = 0.0
    engineering = np.subtract(sre_available, sre_ops)
    np.maximum(0.0, engineering, out=engineering)
    return Week(incidents, tickets, tickets_expected, interrupt, expected, available, ops, phi,
                engineering, rotations, pages, services, sre)
