"""Step 1 of the weekly step (growth) and the start-of-week bookkeeping of the simulation engine.

At the start of week ``t``: hires whose ramp ends count toward N; embeds that end return their
engineer (an automation embed raises the host's automation level); embeds the document schedules
start; from week 1 on, new software teams and services appear (Poisson draws in ``stochastic``
mode, accumulators in ``expected`` mode), the platform releases a version every cadence and
services on unsupported versions start migrating. Vectorised across runs: new services are laid
out with ``np.repeat`` into each run's next free slots. Not for demand or capacity (engine_load).

Decisions: a new team's ``services_per_new_team`` services come from a per-run accumulator in both
modes (a fraction carries over); new services owned by a team are SRE-supported per
``new_service_support`` by the SRE team with the lowest ops fraction last week, and each costs
that team a PRR; with no SRE team they are dev-supported. Services beyond the preallocated slots
are dropped and counted (``dropped``).
"""

from __future__ import annotations

import numpy as np

from orgmodel.sim.compile import CompiledModel, new_teams_rate
from orgmodel.sim.engine_state import (
    F32,
    MIGRATION_WEEKS,
    NONE,
    Ints,
    State,
    accumulate,
    add_sre,
    nonzero2,
)
from orgmodel.sim.scenario import ScenarioParams


def prr_hours(p: ScenarioParams, maturity: np.ndarray) -> np.ndarray:
    """PRR cost per service given platform maturity (framework once mature enough)."""
    hours: np.ndarray = np.where(maturity >= p.sre.framework_maturity, p.sre.prr_hours_framework,
                    p.sre.prr_hours_classic)
    return hours


def start_week(st: State, cm: CompiledModel, p: ScenarioParams, t: int,
               rng: np.random.Generator | None) -> None:
    st.sre_ramped += st.pipeline[t]
    arrived = st.pipeline[t].sum(axis=1)
    st.pipeline_count -= arrived
    _end_embeds(st, p, t)
    _scheduled_embeds(st, cm, t)
    if t >= 1:
        existing = st.team_active & cm.team_software
        new_teams = _grow_teams(st, p, rng, existing)
        counts = _new_service_counts(st, p, rng, existing, new_teams)
        _create_services(st, cm, p, rng, counts)
        if t % p.platform.version_cadence_weeks == 0:
            _release(st, p, t)
    elif bool((st.lag[: st.used] >= p.platform.versions_supported).any()):
        _start_migrations(st, p, t)


def _end_embeds(st: State, p: ScenarioParams, t: int) -> None:
    rows, teams = nonzero2(st.auto_end == t)
    if rows.size:
        a = st.automation[rows, teams]
        st.automation[rows, teams] = a + p.embeds.automation_gain * (1.0 - a)
        st.auto_end[rows, teams] = NONE
        np.subtract.at(st.auto_busy, rows, 1)
    rows, teams = nonzero2(st.perf_end == t)
    if rows.size:
        np.add.at(st.swe_out, (rows, st.perf_pool[rows, teams]), -1)
        st.perf_end[rows, teams] = NONE
        st.perf_pool[rows, teams] = NONE


def _scheduled_embeds(st: State, cm: CompiledModel, t: int) -> None:
    for embed in cm.embeds:
        if embed.start_week != t:
            continue
        if embed.automation:
            st.auto_end[:, embed.host] = embed.end_week
            st.auto_busy = np.count_nonzero(st.auto_end != NONE, axis=1)
        else:
            busy = st.perf_end[:, embed.host] != NONE
            np.add.at(st.swe_out, (np.nonzero(busy)[0], st.perf_pool[busy, embed.host]), -1)
            st.perf_end[:, embed.host] = embed.end_week
            st.perf_pool[:, embed.host] = embed.sre_pool
            st.swe_out[:, embed.sre_pool] += 1


def _grow_teams(st: State, p: ScenarioParams, rng: np.random.Generator | None,
                existing: np.ndarray) -> Ints:
    g = p.growth
    software = np.count_nonzero(existing, axis=1).astype(np.float64)
    rate = np.broadcast_to(new_teams_rate(g.model, software, g.dev_teams_per_quarter,
                                          g.annual_growth, g.capacity), (st.runs,)).copy()
    if rng is None:
        n = accumulate(st.acc_teams, rate)
    else:
        n = rng.poisson(rate).astype(np.int64)
    room = st.teams - st.next_team
    n = np.minimum(n, room)
    first = st.next_team.copy()
    st.next_team += n
    new = np.zeros((st.runs, st.teams), dtype=np.int64)
    if n.any():  # the new teams: slots first .. first + n - 1 of each run
        rows = np.repeat(np.arange(st.runs), n)
        cols = np.repeat(first - (np.cumsum(n) - n), n) + np.arange(rows.size)
        st.team_active[rows, cols] = True
        per_team = p.growth.services_per_new_team
        whole = accumulate(st.acc_team_services, n * per_team)
        base = np.floor(per_team + 1e-9).astype(np.int64)
        extra = whole - base * n
        new[rows, cols] = base
        grown = np.nonzero(n)[0]
        new[grown, first[grown]] += extra[grown]
    return new


def _new_service_counts(st: State, p: ScenarioParams, rng: np.random.Generator | None,
                        existing: np.ndarray, new_team_services: Ints) -> Ints:
    rate = p.growth.new_services_per_team_per_week
    if rng is None:
        counts = accumulate(st.acc_services, np.where(existing, rate, 0.0))
    else:
        counts = rng.poisson(np.where(existing, rate, 0.0)).astype(np.int64)
    return counts + new_team_services


def _support_pool(st: State, p: ScenarioParams, tier1: np.ndarray, rows: Ints,
                  owners: Ints) -> Ints:
    mode = p.growth.new_service_support
    dev_pool = st.sre_pools + owners
    if st.sre_pools == 0 or mode == "dev":
        return dev_pool
    target = np.argmin(st.last_phi, axis=1)[rows]
    to_sre = tier1 if mode == "sre_if_tier1" else np.ones_like(tier1)
    return np.where(to_sre, target, dev_pool)


def _tiers(st: State, p: ScenarioParams, rng: np.random.Generator | None, rows: Ints,
           rank: Ints, per_run: Ints) -> np.ndarray:
    share = p.growth.tier1_share
    if rng is not None:
        drawn: np.ndarray = rng.random(rows.size) < share
        return drawn
    acc0 = st.acc_tier[rows]
    tier1: np.ndarray = np.floor(acc0 + share * (rank + 1) + 1e-9) > np.floor(acc0 + share * rank + 1e-9)
    st.acc_tier += share * per_run
    return tier1


def _create_services(st: State, cm: CompiledModel, p: ScenarioParams,
                     rng: np.random.Generator | None, counts: Ints) -> None:
    if team_services_none(counts):
        return
    rows_t, teams_t = nonzero2(counts)
    reps = counts[rows_t, teams_t]
    rows = np.repeat(rows_t, reps)
    owners = np.repeat(teams_t, reps)
    per_run = np.bincount(rows, minlength=st.runs)
    starts = np.cumsum(per_run) - per_run
    rank = np.arange(rows.size) - starts[rows]
    tier1 = _tiers(st, p, rng, rows, rank, per_run)
    slot = st.next_slot[rows] + rank
    fits = slot < st.slots
    st.dropped += np.bincount(rows[~fits], minlength=st.runs)
    st.next_slot = np.minimum(st.next_slot + per_run, st.slots)
    rows, owners, slot, tier1 = rows[fits], owners[fits], slot[fits], tier1[fits]
    pool = _support_pool(st, p, tier1, rows, owners)
    st.active[slot, rows] = True
    st.pool[slot, rows] = pool
    st.owner[slot, rows] = owners
    sre = pool < st.sre_pools
    # a fresh slot: familiarity, lag, migration and handback origin were never touched (they only
    # change for active services); complexity was updated along with the used prefix
    st.complexity[slot, rows] = F32(1.0)
    width = st.width
    flat = rows * width + pool
    flat_owner = rows * width + st.sre_pools + owners
    st.flat_pool[slot, rows] = flat
    st.flat_owner[slot, rows] = flat_owner
    np.add.at(st.pool_count, (rows, pool), 1.0)  # whole counts: the same in any order
    st.pool_count[:, -1] -= per_run_fit(rows, st.runs)
    np.add.at(st.owner_count, (rows, st.sre_pools + owners), 1.0)
    if sre.any():
        add_sre(st, slot[sre], rows[sre], pool[sre])
        np.add.at(st.prr_backlog, (rows[sre], pool[sre]), prr_hours(p, st.maturity[rows[sre]]))


def per_run_fit(rows: Ints, runs: int) -> Ints:
    return np.bincount(rows, minlength=runs)


def team_services_none(counts: Ints) -> bool:
    return not bool(counts.any())


def _release(st: State, p: ScenarioParams, t: int) -> None:
    used = st.used
    st.lag[:used] += st.active[:used]
    if not p.platform.freeze:
        st.maturity = np.maximum(0.0, st.maturity - p.platform.release_erosion)
    _start_migrations(st, p, t)


def _start_migrations(st: State, p: ScenarioParams, t: int) -> None:
    used = st.used
    start = st.active[:used] & (st.lag[:used] >= p.platform.versions_supported)
    start &= st.migration_end[:used] <= t  # not migrating already
    if start.any():
        end = t + MIGRATION_WEEKS
        st.migration_end[:used][start] = end
        pos = np.flatnonzero(start)  # slot * runs + row: the used prefix is contiguous
        st.mig_count += _per_pool(st, pos)
        st.cohorts.append((end, pos))
        st.migrations_until = end


def _per_pool(st: State, pos: Ints) -> np.ndarray:
    """Services at flat positions ``pos`` counted per (run, support pool)."""
    size = st.runs * st.width
    counts: np.ndarray = np.bincount(np.take(st.flat_pool.ravel(), pos), minlength=size)
    return counts.reshape(st.runs, st.width)


def finish_migration_week(st: State, t: int) -> None:
    """End of week: the cohort whose 13th migration week this was is current again."""
    if t >= st.migrations_until:
        return
    for cohort in [c for c in st.cohorts if c[0] == t + 1]:
        pos = cohort[1]
        np.put(st.lag, pos, 0)
        st.mig_count -= _per_pool(st, pos)
        st.cohorts.remove(cohort)
