"""Steps 8-9 of the weekly step: the flags per SRE team and the response ladder (incl. handback).

``OPS_OVERLOAD`` is the trailing mean of phi over ``overload_window_weeks`` (only once that many
weeks exist) above ``ops_cap``; ``PAGER_OVERLOAD`` the same for pages per shift over
``pager_window_weeks`` against ``max_incidents_per_shift``; ``ROTATION_UNDERSTAFFED`` ramped people
per site below the minimum rotation; ``TICKET_BACKLOG`` backlog hours above zero three weeks
running. The ladder, counted from the week t0 the overload flag was raised: the flagged toil share
(engine_load reads ``ops_flag``), an SRE-SWE embed at ``t0 + embed_after_weeks``, a handback at
``t0 + handback_after_weeks``; it resets when the flag clears. Not for recording (engine.py).

Decisions: the flagged toil share applies from the week after the flag is raised (the flags come
after engineering time in the weekly order); the handback happens once per overload episode and uses this week's expected
(mean) interrupt hours; services go back, highest expected hours first (exact sort, only in the
runs that hand back), until the projected ops hours are at most ``max(handback_target * N * H,
on-call floor)``. The ladder embed is skipped when the team has no free SRE-SWE or the chosen
development team already has one. Re-onboarding is checked at the end of every quarter (weeks
12, 25, ...): an SRE team that is not flagged and whose quarter mean phi is below
``reonboard_below`` takes back up to ``reonboard_per_quarter`` of the services it handed back,
earliest slots first; each costs a PRR and starts at familiarity 0 (so does a handed-back service).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from orgmodel.sim.compile import CompiledModel
from orgmodel.sim.engine_growth import prr_hours
from orgmodel.sim.engine_load import Week
from orgmodel.sim.engine_state import (
    F32,
    HOURS,
    MIGRATION_WEEKS,
    NONE,
    Bools,
    State,
    add_sre,
    nonzero2,
    remove_sre,
)
from orgmodel.sim.engine_stocks import start_embed
from orgmodel.sim.scenario import ScenarioParams

Event = dict[str, Any]


def update_flags(st: State, cm: CompiledModel, p: ScenarioParams, wk: Week, t: int) -> dict[str, Bools]:
    """Compute this week's flags per SRE team; ``st.ops_flag`` is updated, the rest returned."""
    ps, sre = st.sre_pools, p.sre
    phi, pages = wk.phi[:, :ps], wk.pages[:, :ps]
    st.phi_ring[t % sre.overload_window_weeks] = phi
    st.pages_ring[t % sre.pager_window_weeks] = pages
    st.quarter_ring[t % MIGRATION_WEEKS] = phi
    st.last_phi = phi
    if t + 1 >= sre.overload_window_weeks:
        st.ops_flag = st.phi_ring.mean(axis=0) > sre.ops_cap
    pager = (st.pages_ring.mean(axis=0) > p.oncall.max_incidents_per_shift
             if t + 1 >= sre.pager_window_weeks else np.zeros_like(st.ops_flag))
    people = np.maximum(0.0, st.sre_ramped - st.swe_out)
    single = cm.sre_sites[None, :] <= 1
    rotation = np.where(single, people < p.oncall.min_rotation_single_site,
                        people / np.maximum(1, cm.sre_sites)[None, :] < p.oncall.min_rotation_per_site)
    st.backlog_streak = np.where(st.backlog[:, :ps] > 0, st.backlog_streak + 1, 0)
    backlog = st.backlog_streak >= 3
    return {"pager_overload": pager, "rotation_understaffed": rotation, "ticket_backlog": backlog}


def ladder(st: State, cm: CompiledModel, p: ScenarioParams, wk: Week, t: int,
           was_flagged: Bools, events: list[Event]) -> None:
    raised = st.ops_flag & ~was_flagged
    st.flag_t0 = np.where(raised, t, np.where(st.ops_flag, st.flag_t0, NONE))
    st.ladder_embed_done &= st.ops_flag
    st.handback_done &= st.ops_flag
    for row, pool in zip(*np.nonzero(raised), strict=True):
        events.append(_event(t, "ops_overload", cm.sre_team_ids[pool], [], int(row)))
    since = t - st.flag_t0
    embed = st.ops_flag & ~st.ladder_embed_done & (since == p.sre.embed_after_weeks)
    if embed.any():
        _ladder_embed(st, cm, p, wk, t, embed)
    if p.sre.handback:
        back = st.ops_flag & ~st.handback_done & (since == p.sre.handback_after_weeks)
        if back.any():
            _hand_back(st, cm, p, wk, t, back, events)
    if t % MIGRATION_WEEKS == MIGRATION_WEEKS - 1 and p.sre.reonboard_per_quarter > 0:
        _reonboard(st, cm, p, t, events)


def _event(t: int, kind: str, team: str, services: list[str], run: int) -> Event:
    return {"week": t, "kind": kind, "team": team, "services": services, "run": run}


def _ladder_embed(st: State, cm: CompiledModel, p: ScenarioParams, wk: Week, t: int,
                  trigger: Bools) -> None:
    st.ladder_embed_done |= trigger
    sre = wk.sre
    end = t + 1 + p.embeds.performance_weeks
    ps = st.sre_pools
    listed = np.flatnonzero(trigger.ravel()[sre.key])  # the SRE services of triggered pools
    keys, owners, hours = sre.key[listed], sre.owner[listed], sre.hours_at(listed)
    rows, pools = nonzero2(trigger)  # in row-major order, as one by one
    which = np.full(st.runs * ps, -1, dtype=np.int64)
    which[rows * ps + pools] = np.arange(rows.size)
    # each trigger's hours per owner team (each bin sums its services in list order)
    cost = np.bincount(which[keys] * st.teams + owners, weights=hours,
                       minlength=rows.size * st.teams).reshape(rows.size, st.teams)
    teams = np.argmax(cost, axis=1)
    ok = ((st.swe_out[rows, pools] < cm.sre_swe[pools]) & (cost[np.arange(rows.size), teams] > 0)
          & (st.perf_end[rows, teams] == NONE))
    # a team already chosen by an earlier trigger of its run (a lower pool) has an embed by then
    pair = rows * st.teams + teams
    first = np.zeros(rows.size, dtype=bool)
    first[np.unique(np.where(ok, pair, -1), return_index=True)[1]] = True
    ok &= first
    if ok.any():
        start_embed(st, rows[ok], teams[ok], pools[ok], end)


def service_name(cm: CompiledModel, slot: int) -> str:
    s0 = len(cm.service_ids)
    return cm.service_ids[slot] if slot < s0 else f"new-service-{slot - s0 + 1}"


def _hand_back(st: State, cm: CompiledModel, p: ScenarioParams, wk: Week, t: int,
               trigger: Bools, events: list[Event]) -> None:
    st.handback_done |= trigger
    ps, sre = st.sre_pools, wk.sre
    floor = p.oncall.oncall_engineers * HOURS * wk.rotations[:, :ps]
    excess = wk.expected_hours[:, :ps] - np.maximum(p.sre.handback_target * wk.available[:, :ps], floor)
    go = trigger & (excess > 0)
    mine = np.flatnonzero(go.ravel()[sre.key])
    if not mine.size:
        return
    rows, pools, slots, hours = sre.row[mine], sre.pool[mine], sre.slot[mine], sre.hours_at(mine)
    order = np.lexsort((slots, -hours, pools, rows))  # by run, pool, hours descending
    rows, pools, slots, hours = rows[order], pools[order], slots[order], hours[order]
    group = rows * ps + pools
    start = np.ones(group.size, dtype=bool)
    start[1:] = group[1:] != group[:-1]
    cum = np.cumsum(hours) - hours
    first = np.maximum.accumulate(np.where(start, np.arange(group.size), 0))
    give = cum - cum[first] < excess[rows, pools]
    rows, pools, slots = rows[give], pools[give], slots[give]
    _move(st, p, t, rows, slots, ps + st.owner[slots, rows])
    st.handed_back_from[slots, rows] = pools
    st.handed_back_total += np.bincount(rows, minlength=st.runs)
    for row, pool in sorted(set(zip(rows.tolist(), pools.tolist(), strict=True))):
        chosen = np.sort(slots[(rows == row) & (pools == pool)])
        events.append(_event(t, "handback", cm.sre_team_ids[pool],
                             [service_name(cm, int(s)) for s in chosen], row))


def _move(st: State, p: ScenarioParams, t: int, rows: np.ndarray, slots: np.ndarray,
          pool: np.ndarray) -> None:
    """Change the support pool of services; the new supporters start at familiarity 0."""
    width = st.width
    np.subtract.at(st.pool_count, (rows, st.pool[slots, rows]), 1)
    np.add.at(st.pool_count, (rows, pool), 1)
    was_sre = st.pool[slots, rows] < st.sre_pools
    if was_sre.any():
        remove_sre(st, slots[was_sre], rows[was_sre])
    migrating = st.migration_end[slots, rows] > t + 1  # still migrating next week
    if migrating.any():
        r = rows[migrating]
        np.subtract.at(st.mig_count, (r, st.pool[slots[migrating], r]), 1)
        np.add.at(st.mig_count, (r, pool[migrating]), 1)
    st.pool[slots, rows] = pool
    to_sre = pool < st.sre_pools
    if to_sre.any():
        add_sre(st, slots[to_sre], rows[to_sre], pool[to_sre])
    st.flat_pool[slots, rows] = rows * width + pool
    st.familiarity[slots, rows] = F32(0)
    st.unfamiliar_until = max(st.unfamiliar_until, t + p.familiarity.ramp_weeks)


def _reonboard(st: State, cm: CompiledModel, p: ScenarioParams, t: int, events: list[Event]) -> None:
    calm = (st.quarter_ring.mean(axis=0) < p.sre.reonboard_below) & ~st.ops_flag
    if not calm.any():
        return
    used = st.used
    origin = st.handed_back_from[:used]
    if not (origin >= 0).any():
        return
    for pool in range(st.sre_pools):  # SRE teams are few; services stay vectorised
        cand = (origin == pool) & calm[:, pool][None, :]
        if not cand.any():
            continue
        take = cand & (np.cumsum(cand, axis=0) <= p.sre.reonboard_per_quarter)
        slots, rows = nonzero2(take)
        _move(st, p, t, rows, slots, np.full(rows.size, pool))
        st.handed_back_from[slots, rows] = NONE
        np.add.at(st.prr_backlog, (rows, np.full(rows.size, pool)), prr_hours(p, st.maturity[rows]))
        for row in np.unique(rows).tolist():
            events.append(_event(t, "reonboard", cm.sre_team_ids[pool],
                                 [service_name(cm, int(s)) for s in np.sort(slots[rows == row])], row))
