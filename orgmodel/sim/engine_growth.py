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
        existing = st.dev_active  # last week's (team slots only change below)
        new_teams = _grow_teams(st, p, rng, existing)
        software = cm.team_software[new_teams[1]]
        st.dev_teams += np.bincount(new_teams[0][software], minlength=st.runs)
        if st.dev_fte is not None:
            np.add.at(st.dev_fte, new_teams[0][software], cm.team_fte[new_teams[1][software]])
        counts = _new_service_counts(st, p, rng, existing)
        _add_team_services(counts, *new_teams)
        _create_services(st, cm, p, rng, counts)
        if t % p.platform.version_cadence_weeks == 0:
            _release(st, p, t)
    elif bool((st.lag[: st.used] >= p.platform.versions_supported).any()):
        _start_migrations(st, p, t)
    st.dev_active = st.team_active & cm.team_software  # for the rest of the week


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
                existing: np.ndarray) -> tuple[Ints, Ints, int, Ints, Ints]:
    """New teams; returns their services sparsely: (rows, team slots, services each, runs with
    new teams, their extra services on the first new team)."""
    g = p.growth
    software = st.dev_teams.astype(np.float64)  # the active software teams of ``existing``
    rate = np.broadcast_to(new_teams_rate(g.model, software, g.dev_teams_per_quarter,
                                          g.annual_growth, g.capacity), (st.runs,)).copy()
    if rng is None:
        n = accumulate(st.acc_teams, rate)
    else:
        n = rng.poisson(rate).astype(np.int64, copy=False)
    room = st.teams - st.next_team
    n = np.minimum(n, room)
    first = st.next_team.copy()
    st.next_team += n
    if not n.any():
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, 0, empty, empty
    # the new teams: slots first .. first + n - 1 of each run
    rows = np.repeat(np.arange(st.runs), n)
    cols = np.repeat(first - (np.cumsum(n) - n), n) + np.arange(rows.size)
    st.team_active[rows, cols] = True
    per_team = p.growth.services_per_new_team
    whole = accumulate(st.acc_team_services, n * per_team)
    base = int(np.floor(per_team + 1e-9))
    extra = whole - base * n
    grown = np.nonzero(n)[0]
    return rows, cols, base, grown, extra[grown]


def _add_team_services(counts: Ints, rows: Ints, cols: Ints, base: int, grown: Ints,
                       extra: Ints) -> None:
    """New teams' services join the week's counts (their slots count nothing else yet)."""
    if rows.size:
        counts[rows, cols] += base
        first = cols[np.searchsorted(rows, grown)]  # each run's first new team
        counts[grown, first] += extra


def _new_service_counts(st: State, p: ScenarioParams, rng: np.random.Generator | None,
                        existing: np.ndarray) -> Ints:
    rate = p.growth.new_services_per_team_per_week
    means = np.multiply(existing, rate)  # the rate (>= 0) for existing teams, 0 for the others
    if rng is None:
        return accumulate(st.acc_services, means)
    counts: Ints = rng.poisson(means).astype(np.int64, copy=False)
    return counts


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
    rows_t, teams_t = nonzero2(counts)
    if not rows_t.size:
        return
    reps = counts[rows_t, teams_t]
    rows = np.repeat(rows_t, reps)
    owners = np.repeat(teams_t, reps)
    per_run = np.bincount(rows, minlength=st.runs)
    starts = np.cumsum(per_run) - per_run
    rank = np.arange(rows.size) - starts[rows]
    tier1 = _tiers(st, p, rng, rows, rank, per_run)
    slot = st.next_slot[rows] + rank
    st.next_slot = np.minimum(st.next_slot + per_run, st.slots)
    fits = slot < st.slots
    if not fits.all():
        st.dropped += np.bincount(rows[~fits], minlength=st.runs)
        rows, owners, slot, tier1 = rows[fits], owners[fits], slot[fits], tier1[fits]
        per_run = np.bincount(rows, minlength=st.runs)
    pool = _support_pool(st, p, tier1, rows, owners)
    pos = slot * st.runs + rows  # flat positions in the (S, runs) arrays: 1-D scatters
    np.put(st.active, pos, True)
    np.put(st.pool, pos, pool)
    np.put(st.owner, pos, owners)
    sre = pool < st.sre_pools
    # a fresh slot: familiarity, lag, migration and handback origin were never touched (they only
    # change for active services); complexity was updated along with the used prefix
    np.put(st.complexity, pos, F32(1.0))
    width = st.width
    flat = rows * width + pool
    flat_owner = rows * width + st.sre_pools + owners
    np.put(st.flat_pool, pos, flat)
    np.put(st.flat_owner, pos, flat_owner)
    np.add.at(st.pool_count.ravel(), flat, 1.0)  # whole counts: the same in any order
    st.pool_count[:, -1] -= per_run
    np.add.at(st.owner_count.ravel(), flat_owner, 1.0)
    if sre.any():
        add_sre(st, slot[sre], rows[sre], pool[sre])
        np.add.at(st.prr_backlog.ravel(), rows[sre] * st.sre_pools + pool[sre],
                  prr_hours(p, st.maturity[rows[sre]]))


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
