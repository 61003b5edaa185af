"""Step 6 of the weekly step: engineering time (toil reduction, PRRs) and the complexity update.

SRE toil reduction goes to the pool's services "highest ops hours first" at a resolution of half
an octave of expected ops hours (services in the same half-octave bucket share the bucket's hours
pro rata); a service absorbs at most the hours that bring its complexity back to 1 (what its
owner's anti-regressive hours leave). Development teams spread ``dev_anti_regressive_share`` of
their capacity evenly over the services they own; an SRE-SWE embedded in a team adds H hours a
week to that. PRRs are paid from the SRE engineering hours left after toil reduction; they gate
nothing. Complexity is float32 per (slot, run); the document's services have one owner in every
run, so their weekly change is gathered as whole rows. Not for demand (engine_load).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from orgmodel.sim.compile import CompiledModel
from orgmodel.sim.engine_load import Week
from orgmodel.sim.engine_state import F32, HOURS, Floats, Floats32, Ints, State
from orgmodel.sim.scenario import ScenarioParams

BUCKETS = 48  # half-octave buckets of expected ops hours per service
BUCKET_OFFSET = 24  # bucket of 1 hour/week


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
    spare: Floats = after - prr
    return spare


def _complexity(st: State, cm: CompiledModel, p: ScenarioParams, wk: Week,
                toil_reduction: Floats) -> None:
    cx = p.complexity
    ps, used = st.sre_pools, st.used
    # the active teams' anti-regressive hours (inactive teams: 0, as the hours are >= 0)
    team_hours = np.multiply(st.team_active, cm.team_fte * HOURS * cx.dev_anti_regressive_share)
    np.add(team_hours, HOURS, out=team_hours, where=st.perf_end >= 0)  # an embedded SRE-SWE adds H
    owned = st.owner_count[:, ps: st.pools]
    per_service = np.zeros((st.runs, st.width), dtype=F32)
    with np.errstate(divide="ignore", invalid="ignore"):
        hours_each = team_hours / owned
    hours_each[owned <= 0] = 0.0  # teams owning nothing (a mask: faster than np.where here)
    per_service[:, ps: st.pools] = hours_each
    reduction = F32(cx.reduction_per_hour)
    if st.all_at_one and cm.uniform_growth is not None:
        # everything sits at complexity 1: it stays there if every owner's anti-regressive hours
        # per service outweigh the growth (then no SRE service needs toil reduction either)
        held = (owned == 0) | (per_service[:, ps: st.pools] * cx.reduction_per_hour
                               > cm.uniform_growth * (1 + 1e-6))
        if held.all():
            return
    # per owner pool: growth - reduction * anti-regressive hours per service (one gather per slot)
    change = -reduction * per_service
    if cm.uniform_growth is not None:
        change += F32(cm.uniform_growth)
    delta = _per_owner(st, cm, change, used)
    if cm.uniform_growth is None:
        delta += cm.growth32[:used, None]
    c = st.complexity[:used]
    sre = wk.sre
    greedy = ps > 0 and cx.reduction_per_hour > 0 and sre.slot.size > 0
    flat_c = c.ravel()  # a view: c is a contiguous prefix
    before = None
    if greedy:  # complexity is unchanged since demand: reuse its gather when it has one
        before = sre.complexity if sre.complexity is not None else np.take(flat_c, sre.pos).astype(np.float64)
    c += delta
    if before is not None:
        dev_ar = np.take(per_service.astype(np.float64).ravel(), sre.owner_flat)
        releases = cm.rates["releases"]
        # sre.releases holds base_releases[slot] (the same values) when any slot overrides them
        g = (sre.releases if releases.slots.size else releases.default) * cx.growth_per_release
        need = (before - 1 + g) / cx.reduction_per_hour - dev_ar  # hours to get back to 1 (< 0: none)
        # services that need nothing get nothing: leave them out (zeros change no sum)
        some = np.flatnonzero(need > 0)
        if some.size:
            given = _greedy(st, sre.key[some], lambda idx: sre.hours_at(some[idx]), need[some], toil_reduction)
            at = sre.pos[some]
            np.put(flat_c, at, np.take(flat_c, at) - (reduction * given).astype(F32))
    st.all_at_one = False  # rechecked every quarter (engine.py)
    np.maximum(c, st.ones32[:used], out=c)  # numpy's maximum is several times faster array to array


def bucket_of(hours: Floats) -> np.ndarray:
    """Half-octave bucket of expected ops hours (higher bucket = more hours)."""
    logs = np.log2(np.maximum(hours, 1e-30)) * 2 + BUCKET_OFFSET
    buckets: np.ndarray = np.clip(np.floor(logs), 0, BUCKETS - 1).astype(np.int64)
    return buckets


def _per_owner(st: State, cm: CompiledModel, change: Floats32, used: int) -> Floats32:
    """``change[run, owner pool]`` for every used slot, shaped (used, runs).

    The document's services have the same owner in every run: whole rows of the transposed
    ``change``; only the slots created during the run need a gather per (slot, run).
    """
    s0 = cm.owner.size
    out = st.scratch32[:used]  # mode "clip": the indices are valid; "raise" would buffer ``out``
    np.take(np.ascontiguousarray(change.T), cm.owner + st.sre_pools, axis=0, out=out[:s0], mode="clip")
    if used > s0:
        np.take(change.ravel(), st.flat_owner[s0:used], out=out[s0:], mode="clip")
    return out


def _greedy(st: State, pool_key: Ints, hours: Callable[[Ints], Floats], need: Floats, budget: Floats) -> Floats:
    """Hours each SRE service (``pool_key`` = row * Ps + pool) gets from its pool's toil-reduction
    budget, highest hours first."""
    ps = st.sre_pools
    total = np.bincount(pool_key, weights=need, minlength=st.runs * ps)
    if (total <= budget.ravel()).all():  # every pool can afford all its services' needs
        return need
    # a pool whose needs stay below its budget by a margin far above rounding gives every service
    # a fraction left / per_bucket >= 1, clipped to exactly 1: only the other pools' services need
    # their hours and buckets (a pool's buckets hold the same services in the same order)
    tight = np.flatnonzero((total > budget.ravel() * (1 - 1e-9))[pool_key])
    need_t = need[tight]
    # only the buckets from the lowest to the highest in use: the others hold nothing, and adding
    # their zeros to a running sum changes nothing
    buckets = bucket_of(hours(tight))
    low = int(buckets.min())
    span = int(buckets.max()) - low + 1
    key = pool_key[tight] * span + (buckets - low)
    per_bucket = np.bincount(key, weights=need_t, minlength=st.runs * ps * span).reshape(st.runs, ps, span)
    above = np.cumsum(per_bucket[:, :, ::-1], axis=2)[:, :, ::-1] - per_bucket  # higher buckets
    left = budget[:, :, None] - above
    # each service's bucket holds at least its own need (> 0): the fraction only where it is read
    frac = np.minimum(np.maximum(left.ravel()[key] / per_bucket.ravel()[key], 0.0), 1.0)
    given: Floats = need.copy()
    given[tight] = need_t * frac
    return given
