"""The mutable state of one block of simulation runs, as numpy arrays shaped (runs, ...).

``State`` holds every stock of SIMULATION.md section 2 for ``runs`` runs at once: per run (platform
maturity, growth accumulators), per team slot (active, automation level, embed requests and embeds),
per SRE pool (ramped headcount, hiring pipeline, flags, ladder), per pool (backlog) and per service
slot (active, support pool, owner, complexity, familiarity, platform lag, migration, handback
origin). Service arrays are laid out slot-major, (S, runs), so the slots in use in any run
(``used``, a prefix) are one contiguous block; service-level floats are float32 (half the memory
traffic of the hot loop); everything aggregated per pool is float64. Per-pool service counts and
per-pool migrating services (by cohort of migrations started together) are kept up to date
incrementally; the SRE-supported services are a list, in the order they joined, with the flat
indices the hot loop gathers by, in a buffer that grows in place; scratch (S, runs) arrays take
the per-service temporaries. Embed bookkeeping per team slot is int32 (weeks), with per-run
counts of queued requests and busy automation engineers kept up to date. Not for
behaviour: the engine modules change the state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from orgmodel.sim.compile import CompiledModel
from orgmodel.sim.scenario import ScenarioParams

F32 = np.float32
Floats = npt.NDArray[np.float64]
Floats32 = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]
Weeks = npt.NDArray[np.int32]  # per team slot: weeks (or NONE), half the memory of int64
Bools = npt.NDArray[np.bool_]

HOURS = 40.0  # H, hours per FTE-week
SHIFTS_PER_WEEK = 14  # 12-hour shifts
MIGRATION_WEEKS = 13
NONE = -1
SRE_COLUMNS = 8  # slot, row, pool, owner and four flat indices (State.sre_pos ... sre_team)


def nonzero2(a: np.ndarray) -> tuple[Ints, Ints]:
    """``np.nonzero`` of a 2-D array (same pairs, same row-major order) in one flat pass: several
    times faster than numpy's 2-D ``nonzero`` for the engine's (runs, T) arrays."""
    flat = np.flatnonzero(a if a.dtype == np.bool_ else a != 0)
    rows, cols = np.divmod(flat, a.shape[1])
    return rows, cols


def sums_exactly(value: float) -> bool:
    """Whether any number (below 2**32) of copies of ``value`` >= 0 add up exactly in float64, in
    any order: true when its significand has at most 21 bits (1.0, 0.5, 3.0, ...), so every partial
    sum is exactly ``k * value``."""
    significand = math.frexp(value)[0]
    return value >= 0 and (significand * 2.0**21).is_integer()


def sum_exactly(values: np.ndarray) -> bool:
    """Whether any sums of ``values`` (>= 0) are exact in float64 in any order: all are multiples
    of 2**-20 and they total below 2**32, so every partial sum fits the 53-bit significand."""
    scaled = np.asarray(values, dtype=np.float64) * 2.0**20
    return bool((values >= 0).all() and (scaled == np.floor(scaled)).all() and values.sum() < 2.0**32)


def accumulate(acc: Floats, amount: Floats) -> Ints:
    """Expected-mode whole counts: add ``amount`` to ``acc`` in place, release whole units passed."""
    before = np.floor(acc + 1e-9)
    acc += amount
    units = (np.floor(acc + 1e-9) - before).astype(np.int64)
    return units


@dataclass
class State:
    """Every stock of ``runs`` runs (see the module docstring for the layout)."""

    runs: int
    sre_pools: int
    teams: int
    slots: int
    # per run
    maturity: Floats
    next_team: Ints
    next_slot: Ints
    acc_teams: Floats
    acc_tier: Floats
    acc_team_services: Floats
    dropped: Ints
    handed_back_total: Ints
    # per team slot (runs, T)
    team_active: Bools
    dev_active: Bools  # active software teams, as of this week's growth (engine_growth)
    dev_teams: Ints  # (runs,) how many: the row counts of ``dev_active``
    dev_fte: Floats | None  # (runs,) their FTE, kept when FTE sum exactly in any order (else None)
    automation: Floats
    acc_services: Floats
    acc_auto: Floats
    acc_perf: Floats
    auto_request: Weeks  # week of the queued request, NONE without one
    auto_end: Weeks
    perf_request: Weeks
    perf_end: Weeks
    perf_pool: Weeks
    auto_queued: Ints  # (runs, weeks + 1): queued automation requests per request week
    perf_queued: Ints  # the same for performance requests
    auto_waiting: Ints  # (runs,) queued automation requests, kept up to date
    perf_waiting: Ints  # (runs,) queued performance requests
    waiting_weeks: Ints  # (runs,) sum of the request weeks of every queued request (both kinds)
    auto_busy: Ints  # (runs,) teams with an automation embed (``auto_end`` set)
    # per SRE pool (runs, Ps)
    sre_ramped: Floats
    swe_out: Ints
    prr_backlog: Floats
    pipeline: Floats  # (weeks + 1, runs, Ps) hires counting toward N from that week
    pipeline_count: Floats  # (runs,)
    lag_until: Ints
    ops_flag: Bools
    flag_t0: Ints
    ladder_embed_done: Bools
    handback_done: Bools
    phi_ring: Floats  # (window, runs, Ps)
    pages_ring: Floats
    quarter_ring: Floats  # (13, runs, Ps)
    last_phi: Floats
    # per pool (runs, P)
    backlog: Floats
    backlog_streak: Ints  # (runs, Ps): weeks in a row with backlog, per SRE pool
    pool_count: Floats  # (runs, P + 1) active services per support pool
    owner_count: Floats  # (runs, P + 1) active services per owner pool
    # per service slot (S, runs)
    active: Bools
    pool: Ints  # support pool; inactive slots point at the dummy pool P
    owner: Ints
    sre_cols: Ints  # (SRE_COLUMNS, capacity): the SRE-supported services of all runs (see below)
    flat_pool: Ints  # row * (P + 1) + pool
    flat_owner: Ints  # row * (P + 1) + Ps + owner
    complexity: Floats32
    familiarity: Floats32
    lag: Ints
    migration_end: Ints  # week a service's migration ends (it migrates while t < this); 0: never
    handed_back_from: Ints
    auto_oldest: int = 0  # no queued automation request is older than this week
    perf_oldest: int = 0  # the same for performance requests
    migrations_until: int = -1
    unfamiliar_until: int = -1
    all_at_one: bool = True  # every complexity is exactly 1
    sre_n: int = 0  # SRE-supported services listed in ``sre_cols``
    # migrating services per (run, pool), kept up to date (engine_growth), and the cohorts of
    # migrations started together: (end week, flat ``slot * runs + row`` positions)
    mig_count: Floats = field(default_factory=lambda: np.zeros(0))
    # scratch (S, runs) arrays for the hot loop's per-service temporaries: reused every week, so
    # the large temporaries cost no fresh pages
    scratch32: Floats32 = field(default_factory=lambda: np.zeros((0, 0), dtype=F32))
    scratch64: Floats = field(default_factory=lambda: np.zeros((0, 0)))
    ones32: Floats32 = field(default_factory=lambda: np.zeros((0, 0), dtype=F32))  # (S, runs) of 1
    zeros_pools: Floats = field(default_factory=lambda: np.zeros((0, 0)))  # (runs, P) of 0, read-only
    cohorts: list[tuple[int, Ints]] = field(default_factory=list)

    @property
    def used(self) -> int:
        """Slots in use in at least one run (a prefix of the slot axis)."""
        return int(self.next_slot.max()) if self.runs else 0

    @property
    def pools(self) -> int:
        return self.sre_pools + self.teams

    @property
    def width(self) -> int:
        """Bins per run in flat per-pool aggregations (the last one is the dummy pool)."""
        return self.pools + 1

    # The SRE-supported services of all runs as (slot, row) pairs in the order they joined, one
    # column each, with the flat indices the hot loop gathers by; rows of a buffer that grows in
    # place (appends never touch the views handed out before them).
    def _sre(self, i: int) -> Ints:
        column: Ints = self.sre_cols[i, : self.sre_n]
        return column

    @property
    def sre_slot(self) -> Ints:
        return self._sre(0)

    @property
    def sre_row(self) -> Ints:
        return self._sre(1)

    @property
    def sre_pool(self) -> Ints:
        return self._sre(2)

    @property
    def sre_owner(self) -> Ints:
        return self._sre(3)

    @property
    def sre_pos(self) -> Ints:
        """slot * runs + row: the position in a flattened (S, runs) array."""
        return self._sre(4)

    @property
    def sre_key(self) -> Ints:
        """row * Ps + SRE pool: the position in a flattened (runs, Ps) array."""
        return self._sre(5)

    @property
    def sre_owner_flat(self) -> Ints:
        """row * (P + 1) + Ps + owner: the owner pool in a flattened (runs, P + 1) array."""
        return self._sre(6)

    @property
    def sre_team(self) -> Ints:
        """row * T + owner: the owner in a flattened (runs, T) array."""
        return self._sre(7)

    def refresh_derived(self) -> None:
        rows = np.arange(self.runs, dtype=np.int64)[None, :] * self.width
        self.flat_pool = rows + self.pool
        self.flat_owner = rows + self.sre_pools + self.owner
        slot, row = np.nonzero(self.pool < self.sre_pools)
        self.sre_n = 0
        add_sre(self, slot, row, self.pool[slot, row])
        size = self.runs * self.width
        self.pool_count = np.bincount(self.flat_pool.ravel(), minlength=size).reshape(
            self.runs, self.width).astype(np.float64)
        self.owner_count = np.zeros((self.runs, self.width))
        self.mig_count = np.zeros((self.runs, self.width))
        self.scratch32 = np.zeros((self.slots, self.runs), dtype=F32)
        self.scratch64 = np.zeros((self.slots, self.runs))
        self.ones32 = np.ones((self.slots, self.runs), dtype=F32)
        self.zeros_pools = np.zeros((self.runs, self.pools))
        self.owner_count += np.bincount(self.flat_owner.ravel(), weights=self.active.ravel(),
                                        minlength=size).reshape(self.runs, self.width)


def add_sre(st: State, slots: Ints, rows: Ints, pools: Ints) -> None:
    """Services that became SRE-supported join the end of the SRE list."""
    k, n = slots.size, st.sre_n
    if n + k > st.sre_cols.shape[1]:
        grown = np.zeros((SRE_COLUMNS, max(2 * (n + k), 1024)), dtype=np.int64)
        grown[:, :n] = st.sre_cols[:, :n]
        st.sre_cols = grown
    owners = st.owner[slots, rows]
    new = st.sre_cols[:, n: n + k]
    new[0], new[1], new[2], new[3] = slots, rows, pools, owners
    new[4] = slots * st.runs + rows
    new[5] = rows * st.sre_pools + pools
    new[6] = rows * st.width + st.sre_pools + owners
    new[7] = rows * st.teams + owners
    st.sre_n = n + k


def remove_sre(st: State, slots: Ints, rows: Ints) -> None:
    """Services that stopped being SRE-supported leave the SRE list (the rest keep their order).

    Into a new buffer: views of the old one handed out this week stay as they were.
    """
    keep = ~np.isin(st.sre_pos, slots * st.runs + rows)
    kept = st.sre_cols[:, : st.sre_n][:, keep]
    st.sre_cols = np.zeros((SRE_COLUMNS, st.sre_cols.shape[1]), dtype=np.int64)
    st.sre_n = kept.shape[1]
    st.sre_cols[:, : st.sre_n] = kept


def init_state(cm: CompiledModel, params: ScenarioParams, runs: int, weeks: int) -> State:
    """The starting state of SIMULATION.md section 1 for ``runs`` identical runs."""
    ps, t, s = cm.sre_pools, cm.team_slots, cm.service_slots
    s0 = len(cm.service_ids)
    p = ps + t

    def per_team(value: float) -> Floats:
        return np.full((runs, t), value, dtype=np.float64)

    pool = np.full((s, runs), p, dtype=np.int64)
    pool[:s0] = cm.pool[:, None]
    owner = np.zeros((s, runs), dtype=np.int64)
    owner[:s0] = cm.owner[:, None]
    active = np.zeros((s, runs), dtype=bool)
    active[:s0] = True
    lag = np.zeros((s, runs), dtype=np.int64)
    lag[:s0] = cm.lag[:, None]
    window = params.sre.overload_window_weeks
    st = State(
        runs=runs, sre_pools=ps, teams=t, slots=s,
        maturity=np.full(runs, params.platform.maturity_start),
        next_team=np.full(runs, cm.teams_in_document, dtype=np.int64),
        next_slot=np.full(runs, s0, dtype=np.int64),
        acc_teams=np.zeros(runs), acc_tier=np.zeros(runs), acc_team_services=np.zeros(runs),
        dropped=np.zeros(runs, dtype=np.int64), handed_back_total=np.zeros(runs, dtype=np.int64),
        team_active=np.broadcast_to(cm.team_active, (runs, t)).copy(),
        dev_active=np.broadcast_to(cm.team_active & cm.team_software, (runs, t)).copy(),
        dev_teams=np.full(runs, np.count_nonzero(cm.team_active & cm.team_software), dtype=np.int64),
        dev_fte=(np.full(runs, float(cm.team_fte[cm.team_active & cm.team_software].sum()))
                 if sum_exactly(cm.team_fte) else None),
        automation=per_team(params.embeds.automation_start),
        acc_services=per_team(0.0), acc_auto=per_team(0.0), acc_perf=per_team(0.0),
        auto_request=np.full((runs, t), NONE, dtype=np.int32),
        auto_end=np.full((runs, t), NONE, dtype=np.int32),
        perf_request=np.full((runs, t), NONE, dtype=np.int32),
        perf_end=np.full((runs, t), NONE, dtype=np.int32),
        perf_pool=np.full((runs, t), NONE, dtype=np.int32),
        auto_queued=np.zeros((runs, weeks + 1), dtype=np.int64),
        perf_queued=np.zeros((runs, weeks + 1), dtype=np.int64),
        auto_waiting=np.zeros(runs, dtype=np.int64), perf_waiting=np.zeros(runs, dtype=np.int64),
        waiting_weeks=np.zeros(runs, dtype=np.int64), auto_busy=np.zeros(runs, dtype=np.int64),
        sre_ramped=np.broadcast_to(cm.sre_fte, (runs, ps)).astype(np.float64),
        swe_out=np.zeros((runs, ps), dtype=np.int64),
        prr_backlog=np.zeros((runs, ps)),
        pipeline=np.zeros((weeks + 1, runs, ps)),
        pipeline_count=np.zeros(runs),
        lag_until=np.full((runs, ps), NONE, dtype=np.int64),
        ops_flag=np.zeros((runs, ps), dtype=bool),
        flag_t0=np.full((runs, ps), NONE, dtype=np.int64),
        ladder_embed_done=np.zeros((runs, ps), dtype=bool),
        handback_done=np.zeros((runs, ps), dtype=bool),
        phi_ring=np.zeros((window, runs, ps)),
        pages_ring=np.zeros((params.sre.pager_window_weeks, runs, ps)),
        quarter_ring=np.zeros((MIGRATION_WEEKS, runs, ps)),
        last_phi=np.zeros((runs, ps)),
        backlog=np.zeros((runs, p)), backlog_streak=np.zeros((runs, ps), dtype=np.int64),
        pool_count=np.zeros(0), owner_count=np.zeros(0),
        active=active, pool=pool, owner=owner,
        sre_cols=np.zeros((SRE_COLUMNS, 0), dtype=np.int64),
        flat_pool=pool, flat_owner=owner,
        complexity=np.ones((s, runs), dtype=F32), familiarity=np.ones((s, runs), dtype=F32),
        lag=lag, migration_end=np.zeros((s, runs), dtype=np.int64),
        handed_back_from=np.full((s, runs), NONE, dtype=np.int64),
    )
    st.refresh_derived()
    return st
