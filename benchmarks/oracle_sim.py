"""The oracle: a straightforward per-run, per-service, pure-Python implementation of the simulation.

It steps the same model as ``orgmodel.sim.engine`` (SIMULATION.md section 2 plus the decisions
written in the engine modules' docstrings) with plain loops and lists, one run at a time, so it is
easy to read and check against the specification, and slow. It reuses only ``compile_model`` (the
document-to-arrays step, converted to lists here). In ``expected`` mode it must agree with the
engine (tests/sim/test_oracle.py); in ``stochastic`` mode it draws with ``random.Random`` and
agrees only in distribution. ``benchmarks/bench_sim.py`` times it against the engine.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from orgmodel.core.model import OrgModel
from orgmodel.sim.compile import CompiledModel, compile_model, new_teams_rate
from orgmodel.sim.scenario import ScenarioParams

H = 40.0
BUCKETS, OFFSET = 48, 24
RECORDED = ("sre_ops_fraction", "sre_engineering_hours", "pages_per_shift", "services_total",
            "services_sre", "services_dev", "services_handed_back", "dev_teams", "sre_engineers",
            "dev_ops_fraction", "embed_queue_length", "embed_wait_weeks", "platform_maturity",
            "mean_complexity", "ops_overload", "dev_engineers", "ticket_backlog_hours")


@dataclass
class Service:
    slot: int
    owner: int
    pool: int
    c: float = 1.0
    f: float = 1.0
    lag: int = 0
    mig: int = 0
    origin: int = -1


@dataclass
class Team:
    active: bool
    software: bool
    fte: float
    sites: int
    a: float
    acc_svc: float = 0.0
    acc_auto: float = 0.0
    acc_perf: float = 0.0
    auto_req: int = -1
    auto_end: int = -1
    perf_req: int = -1
    perf_end: int = -1
    perf_pool: int = -1


@dataclass
class Run:
    teams: list[Team]
    services: list[Service]
    m: float
    ramped: list[float]
    swe_out: list[int]
    prr: list[float]
    next_team: int
    next_slot: int
    backlog: list[float]
    streak: list[int]
    acc_teams: float = 0.0
    acc_tier: float = 0.0
    acc_team_services: float = 0.0
    handed_back: int = 0
    pipeline: dict[int, list[float]] = field(default_factory=dict)
    pipeline_count: float = 0.0
    lag_until: list[int] = field(default_factory=list)
    flag: list[bool] = field(default_factory=list)
    t0: list[int] = field(default_factory=list)
    embed_done: list[bool] = field(default_factory=list)
    handback_done: list[bool] = field(default_factory=list)
    phi_hist: list[list[float]] = field(default_factory=list)
    pages_hist: list[list[float]] = field(default_factory=list)
    migrations_until: int = -1
    events: list[dict[str, Any]] = field(default_factory=list)


def _whole(acc: float, amount: float) -> tuple[float, int]:
    before = math.floor(acc + 1e-9)
    acc += amount
    return acc, math.floor(acc + 1e-9) - before


def _poisson(rnd: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:  # split: a sum of Poissons is Poisson
        half = lam / 2
        return _poisson(rnd, half) + _poisson(rnd, lam - half)
    limit, k, prod = math.exp(-lam), 0, rnd.random()
    while prod > limit:
        k += 1
        prod *= rnd.random()
    return k


class Oracle:
    """One run of the model, stepped week by week with loops over teams, pools and services."""

    def __init__(self, model: OrgModel, p: ScenarioParams, weeks: int, rnd: random.Random | None,
                 cm: CompiledModel | None = None) -> None:
        self.p, self.weeks, self.rnd = p, weeks, rnd
        self.cm = cm or compile_model(model, p, weeks)
        cm = self.cm
        self.ps = cm.sre_pools
        teams = [Team(bool(cm.team_active[i]), bool(cm.team_software[i]), float(cm.team_fte[i]),
                      int(cm.team_sites[i]), p.embeds.automation_start) for i in range(cm.team_slots)]
        services = [Service(i, int(cm.owner[i]), int(cm.pool[i]), lag=int(cm.lag[i]))
                    for i in range(len(cm.service_ids))]
        ps = self.ps
        self.r = Run(teams, services, p.platform.maturity_start, [float(x) for x in cm.sre_fte],
                     [0] * ps, [0.0] * ps, cm.teams_in_document, len(cm.service_ids),
                     [0.0] * cm.pools, [0] * cm.pools, lag_until=[-1] * ps, flag=[False] * ps,
                     t0=[-1] * ps, embed_done=[False] * ps, handback_done=[False] * ps,
                     phi_hist=[[] for _ in range(ps)], pages_hist=[[] for _ in range(ps)])
        self.series: dict[str, list[float]] = {k: [] for k in RECORDED}
        self.by_team: dict[str, list[float]] = {tid: [] for tid in cm.sre_team_ids}
        self.last_phi = [0.0] * ps

    # -------------------------------------------------------------- helpers
    def prr_hours(self) -> float:
        s = self.p.sre
        return s.prr_hours_framework if self.r.m >= s.framework_maturity else s.prr_hours_classic

    def run(self) -> Oracle:
        for t in range(self.weeks):
            self.step(t)
        return self

    def step(self, t: int) -> None:
        self.start_week(t)
        wk = self.demand(t)
        spare = self.engineering(wk)
        self.stocks(t, wk, spare)
        self.finish_migrations(t)
        was = list(self.r.flag)
        if self.ps:
            self.flags(t, wk)
            self.ladder(t, wk, was)
        self.record(wk, t)

    # -------------------------------------------------------------- step 1
    def start_week(self, t: int) -> None:
        r, p, cm = self.r, self.p, self.cm
        for i, n in enumerate(r.pipeline.pop(t, [0.0] * self.ps)):
            r.ramped[i] += n
            r.pipeline_count -= n
        for team in r.teams:
            if team.auto_end == t:
                team.a += p.embeds.automation_gain * (1 - team.a)
                team.auto_end = -1
            if team.perf_end == t:
                r.swe_out[team.perf_pool] -= 1
                team.perf_end = team.perf_pool = -1
        for e in cm.embeds:
            if e.start_week == t:
                team = r.teams[e.host]
                if e.automation:
                    team.auto_end = e.end_week
                else:
                    if team.perf_end != -1:
                        r.swe_out[team.perf_pool] -= 1
                    team.perf_end, team.perf_pool = e.end_week, e.sre_pool
                    r.swe_out[e.sre_pool] += 1
        if t >= 1:
            self.grow(t)
            if t % p.platform.version_cadence_weeks == 0:
                for s in r.services:
                    s.lag += 1
                if not p.platform.freeze:
                    r.m = max(0.0, r.m - p.platform.release_erosion)
                self.start_migrations(t)
        elif any(s.lag >= p.platform.versions_supported for s in r.services):
            self.start_migrations(t)

    def start_migrations(self, t: int) -> None:
        started = False
        for s in self.r.services:
            if s.lag >= self.p.platform.versions_supported and s.mig == 0:
                s.mig, started = 13, True
        if started:
            self.r.migrations_until = t + 13

    def grow(self, t: int) -> None:
        r, g, rnd = self.r, self.p.growth, self.rnd
        existing = [tm.active and tm.software for tm in r.teams]
        rate = float(new_teams_rate(g.model, float(sum(existing)), g.dev_teams_per_quarter,
                                    g.annual_growth, g.capacity))
        if rnd is None:
            r.acc_teams, n = _whole(r.acc_teams, rate)
        else:
            n = _poisson(rnd, rate)
        n = min(n, len(r.teams) - r.next_team)
        counts = [0] * len(r.teams)
        if n:
            r.acc_team_services, whole = _whole(r.acc_team_services, n * g.services_per_new_team)
            base = math.floor(g.services_per_new_team + 1e-9)
            for i in range(r.next_team, r.next_team + n):
                r.teams[i].active = True
                counts[i] = base
            counts[r.next_team] += whole - base * n
            r.next_team += n
        for i, team in enumerate(r.teams):
            amount = g.new_services_per_team_per_week if existing[i] else 0.0
            if rnd is None:
                team.acc_svc, k = _whole(team.acc_svc, amount)
            else:
                k = _poisson(rnd, amount)
            counts[i] += k
        self.create(counts)

    def create(self, counts: list[int]) -> None:
        r, g, rnd, ps = self.r, self.p.growth, self.rnd, self.ps
        total, rank = sum(counts), 0
        acc0 = r.acc_tier
        for owner, k in enumerate(counts):
            for _ in range(k):
                if rnd is None:
                    tier1 = (math.floor(acc0 + g.tier1_share * (rank + 1) + 1e-9)
                             > math.floor(acc0 + g.tier1_share * rank + 1e-9))
                else:
                    tier1 = rnd.random() < g.tier1_share
                slot = r.next_slot + rank
                rank += 1
                if slot >= self.cm.service_slots:
                    continue
                pool = ps + owner
                if ps and g.new_service_support != "dev" and (g.new_service_support == "sre" or tier1):
                    pool = min(range(ps), key=lambda i: (self.last_phi[i], i))
                    r.prr[pool] += self.prr_hours()
                r.services.append(Service(slot, owner, pool))
        if rnd is None:
            r.acc_tier += g.tier1_share * total
        r.next_slot = min(r.next_slot + total, self.cm.service_slots)

    # -------------------------------------------------------------- steps 2-5
    def demand(self, t: int) -> dict[str, Any]:
        r, p, cm, ps = self.r, self.p, self.cm, self.ps
        load, plat = p.load, p.platform
        mult = {k: 1 - getattr(plat, f"effect_{k}") * r.m
                for k in ("incidents", "tickets", "toil", "review", "migration")}
        npool = cm.pools
        inc, tick, det = [0.0] * npool, [0.0] * npool, [0.0] * npool
        count = [0] * npool
        share = load.dev_ticket_share
        hours: dict[int, float] = {}
        for s in r.services:
            a = r.teams[s.owner].a
            c = s.c ** p.complexity.exponent
            i_s = cm.base_incidents[s.slot] * c * (1 + p.familiarity.penalty * (1 - s.f))
            i_s *= (1 - 0.5 * a) * mult["incidents"]
            k_s = cm.base_tickets[s.slot] * c * mult["tickets"]
            d_s = cm.base_toil[s.slot] * c * (1 - a) * mult["toil"]
            if s.mig > 0:
                d_s += plat.migration_hours / 13 * mult["migration"]
            sre = s.pool < ps
            if sre:
                d_s += cm.base_releases[s.slot] * (load.review_hours_swe + load.review_hours_se) * mult["review"]
                tick[s.pool] += k_s * (1 - share)
                tick[ps + s.owner] += k_s * share
                hours[id(s)] = i_s * load.incident_hours + k_s * (1 - share) * load.ticket_hours + d_s
            else:
                tick[s.pool] += k_s
            inc[s.pool] += i_s
            det[s.pool] += d_s
            count[s.pool] += 1
        expected = [inc[g] * load.incident_hours + tick[g] * load.ticket_hours + det[g] for g in range(npool)]
        incidents, tickets = list(inc), list(tick)
        if self.rnd is not None:
            k = load.page_dispersion
            incidents = [float(_poisson(self.rnd, x if math.isinf(k) else self.rnd.gammavariate(k, x / k)))
                         if x > 0 else 0.0 for x in inc]
            tickets = [float(_poisson(self.rnd, x)) for x in tick]
        return self.capacity(incidents, tickets, det, expected, count, hours)

    def capacity(self, incidents: list[float], tickets: list[float], det: list[float],
                 expected: list[float], count: list[int], hours: dict[int, float]) -> dict[str, Any]:
        r, p, cm, ps = self.r, self.p, self.cm, self.ps
        wk: dict[str, Any] = {k: [] for k in ("avail", "ops", "phi", "E", "rot", "pages")}
        wk.update(incidents=incidents, expected=expected, count=count, hours=hours,
                  complexity=sum(s.c for s in r.services))  # as used by this week's demand
        for g in range(cm.pools):
            if g < ps:
                n, rot = max(0.0, r.ramped[g] - r.swe_out[g]), float(cm.sre_sites[g])
            else:
                team = r.teams[g - ps]
                n = team.fte if team.active else 0.0
                rot = float(team.sites) if count[g] > 0 else 0.0
            avail = n * H
            interrupt = incidents[g] * p.load.incident_hours + tickets[g] * p.load.ticket_hours + det[g] + r.backlog[g]
            ops = min(max(p.oncall.oncall_engineers * H * rot, interrupt), avail)
            r.backlog[g] = max(0.0, interrupt - avail)
            wk["avail"].append(avail)
            wk["ops"].append(ops)
            wk["phi"].append(ops / avail if avail > 0 else float(interrupt > 0))
            wk["E"].append(max(0.0, avail - ops))
            wk["rot"].append(rot)
            wk["pages"].append(incidents[g] / (14 * rot) if rot > 0 else 0.0)
        return wk

    # -------------------------------------------------------------- step 6
    def engineering(self, wk: dict[str, Any]) -> list[float]:
        r, p, ps = self.r, self.p, self.ps
        budget, spare = [], []
        for g in range(ps):
            share = p.sre.toil_reduction_share_flagged if r.flag[g] else p.sre.toil_reduction_share
            tr = share * wk["E"][g]
            prr = min(r.prr[g], wk["E"][g] - tr)
            r.prr[g] -= prr
            budget.append(tr)
            spare.append(wk["E"][g] - tr - prr)
        if not p.complexity.freeze:
            self.complexity(wk, budget)
        return spare

    def complexity(self, wk: dict[str, Any], budget: list[float]) -> None:
        r, cx, ps, cm = self.r, self.p.complexity, self.ps, self.cm
        owned = [0] * len(r.teams)
        for s in r.services:
            owned[s.owner] += 1
        per = []
        for i, team in enumerate(r.teams):
            hrs = team.fte * H * cx.dev_anti_regressive_share if team.active else 0.0
            hrs += H if team.perf_end >= 0 else 0.0
            per.append(hrs / owned[i] if owned[i] else 0.0)
        ar = {id(s): per[s.owner] for s in r.services}
        if ps and cx.reduction_per_hour > 0:
            need: dict[int, float] = {}
            bucket_need: dict[tuple[int, int], float] = {}
            for s in r.services:
                if s.pool < ps:
                    g = cm.base_releases[s.slot] * cx.growth_per_release
                    need[id(s)] = max(0.0, (s.c - 1 + g) / cx.reduction_per_hour - ar[id(s)])
                    b = (s.pool, _bucket(wk["hours"][id(s)]))
                    bucket_need[b] = bucket_need.get(b, 0.0) + need[id(s)]
            for s in r.services:
                if s.pool < ps:
                    b = _bucket(wk["hours"][id(s)])
                    above = sum(v for (g, bb), v in bucket_need.items() if g == s.pool and bb > b)
                    total = bucket_need[(s.pool, b)]
                    frac = min(1.0, max(0.0, (budget[s.pool] - above) / total)) if total > 0 else 0.0
                    ar[id(s)] += need[id(s)] * frac
        for s in r.services:
            g = cm.base_releases[s.slot] * cx.growth_per_release
            s.c = max(1.0, s.c + g - cx.reduction_per_hour * ar[id(s)])

    # -------------------------------------------------------------- step 7
    def stocks(self, t: int, wk: dict[str, Any], spare: list[float]) -> None:
        r, p = self.r, self.p
        if not p.platform.freeze:
            dev_teams = sum(1 for tm in r.teams if tm.active and tm.software)
            e = max(0.0, self.cm.platform_fte * H - dev_teams * p.platform.support_hours_per_team * (1 - r.m))
            r.m = min(1.0, max(0.0, r.m + e / p.platform.maturity_gain_hours * (1 - r.m)
                               - p.platform.maturity_erosion * r.m))
        for team in r.teams:
            team.a *= 1 - p.embeds.automation_decay
        for s in r.services:
            s.f = min(1.0, s.f + 1.0 / p.familiarity.ramp_weeks)
        if self.ps:
            self.hire(t, wk)
        self.requests(t)
        self.serve(t, spare)

    def hire(self, t: int, wk: dict[str, Any]) -> None:
        r, hc, ps = self.r, self.p.headcount, self.ps
        if hc.sre_policy == "fixed":
            return
        hires = [0.0] * ps
        if hc.sre_policy == "hire_on_overload":
            for g in range(ps):
                if r.flag[g] and r.lag_until[g] <= t:
                    hires[g], r.lag_until[g] = 1.0, t + hc.hiring_lag_weeks
        else:
            dev = sum(tm.fte for tm in r.teams if tm.active and tm.software)
            target = hc.sre_ratio * dev if hc.sre_policy == "ratio" else hc.sre_sublinear_k * math.sqrt(dev)
            gap = math.floor(target - sum(r.ramped) - r.pipeline_count + 1e-9)
            if gap >= 1:
                hires[max(range(ps), key=lambda g: (wk["phi"][g], -g))] = gap
        r.pipeline_count += sum(hires)
        arrive = t + hc.hiring_lag_weeks + hc.ramp_weeks
        if arrive <= self.weeks:
            old = r.pipeline.setdefault(arrive, [0.0] * ps)
            r.pipeline[arrive] = [a + b for a, b in zip(old, hires, strict=True)]

    def requests(self, t: int) -> None:
        emb, rnd = self.p.embeds, self.rnd
        for team in self.r.teams:
            soft = team.active and team.software
            for kind, rate in (("auto", emb.automation_requests_per_team_per_week),
                               ("perf", emb.performance_requests_per_team_per_week)):
                amount = rate if soft else 0.0
                if rnd is None:
                    acc, k = _whole(getattr(team, f"acc_{kind}"), amount)
                    setattr(team, f"acc_{kind}", acc)
                    arrived = k > 0
                else:
                    arrived = rnd.random() < -math.expm1(-amount)
                if arrived and getattr(team, f"{kind}_req") == -1 and getattr(team, f"{kind}_end") == -1:
                    setattr(team, f"{kind}_req", t)

    def serve(self, t: int, spare: list[float]) -> None:
        r, emb, cm = self.r, self.p.embeds, self.cm
        free = cm.automation_engineers - sum(1 for tm in r.teams if tm.auto_end != -1)
        queue = sorted((tm.auto_req, i) for i, tm in enumerate(r.teams) if tm.auto_req != -1)
        for _, i in queue[: max(0, free)]:
            r.teams[i].auto_req, r.teams[i].auto_end = -1, t + 1 + emb.automation_weeks
        if not self.ps:
            return
        spare = list(spare)
        queue = sorted((tm.perf_req, i) for i, tm in enumerate(r.teams) if tm.perf_req != -1)
        for _, i in queue:
            free_p = [int(cm.sre_swe[g]) - r.swe_out[g] if spare[g] >= H else 0 for g in range(self.ps)]
            if max(free_p) <= 0:
                break
            g = free_p.index(max(free_p))
            self.embed(i, g, t + 1 + emb.performance_weeks)
            spare[g] = 0.0

    def embed(self, team_i: int, pool: int, end: int) -> None:
        team = self.r.teams[team_i]
        team.perf_req, team.perf_end, team.perf_pool = -1, end, pool
        self.r.swe_out[pool] += 1

    def finish_migrations(self, t: int) -> None:
        if t >= self.r.migrations_until:
            return
        for s in self.r.services:
            if s.mig > 0:
                s.mig -= 1
                if s.mig == 0:
                    s.lag = 0

    # -------------------------------------------------------------- steps 8-9
    def flags(self, t: int, wk: dict[str, Any]) -> None:
        r, sre = self.r, self.p.sre
        for g in range(self.ps):
            r.phi_hist[g].append(wk["phi"][g])
            r.pages_hist[g].append(wk["pages"][g])
            self.last_phi[g] = wk["phi"][g]
            window = sre.overload_window_weeks
            if t + 1 >= window:
                r.flag[g] = sum(r.phi_hist[g][-window:]) / window > sre.ops_cap

    def ladder(self, t: int, wk: dict[str, Any], was: list[bool]) -> None:
        r, sre = self.r, self.p.sre
        for g in range(self.ps):
            if r.flag[g] and not was[g]:
                r.t0[g] = t
                self.event(t, "ops_overload", g, [])
            elif not r.flag[g]:
                r.t0[g] = -1
                r.embed_done[g] = r.handback_done[g] = False
        for g in range(self.ps):
            since = t - r.t0[g]
            if r.flag[g] and not r.embed_done[g] and since == sre.embed_after_weeks:
                r.embed_done[g] = True
                self.ladder_embed(t, wk, g)
        for g in range(self.ps):
            since = t - r.t0[g]
            if sre.handback and r.flag[g] and not r.handback_done[g] and since == sre.handback_after_weeks:
                r.handback_done[g] = True
                self.hand_back(t, wk, g)
        if t % 13 == 12 and sre.reonboard_per_quarter > 0:
            self.reonboard(t)

    def event(self, t: int, kind: str, g: int, services: list[str]) -> None:
        self.r.events.append({"week": t, "kind": kind, "team": self.cm.sre_team_ids[g], "services": services})

    def name(self, slot: int) -> str:
        s0 = len(self.cm.service_ids)
        return self.cm.service_ids[slot] if slot < s0 else f"new-service-{slot - s0 + 1}"

    def ladder_embed(self, t: int, wk: dict[str, Any], g: int) -> None:
        r = self.r
        cost = [0.0] * len(r.teams)
        for s in r.services:
            if s.pool == g:
                cost[s.owner] += wk["hours"][id(s)]
        team = cost.index(max(cost))
        if r.swe_out[g] < self.cm.sre_swe[g] and cost[team] > 0 and r.teams[team].perf_end == -1:
            self.embed(team, g, t + 1 + self.p.embeds.performance_weeks)

    def hand_back(self, t: int, wk: dict[str, Any], g: int) -> None:
        r, p = self.r, self.p
        floor = p.oncall.oncall_engineers * H * wk["rot"][g]
        excess = wk["expected"][g] - max(p.sre.handback_target * wk["avail"][g], floor)
        if excess <= 0:
            return
        mine = sorted((s for s in r.services if s.pool == g), key=lambda s: (-wk["hours"][id(s)], s.slot))
        done, moved = 0.0, []
        for s in mine:
            if done >= excess:
                break
            done += wk["hours"][id(s)]
            s.pool, s.origin, s.f = self.ps + s.owner, g, 0.0
            moved.append(s.slot)
        r.handed_back += len(moved)
        self.event(t, "handback", g, [self.name(x) for x in sorted(moved)])

    def reonboard(self, t: int) -> None:
        r, sre = self.r, self.p.sre
        for g in range(self.ps):
            calm = sum(r.phi_hist[g][-13:]) / 13 < sre.reonboard_below and not r.flag[g]
            back = sorted((s for s in r.services if s.origin == g), key=lambda s: s.slot)
            if not calm or not back:
                continue
            for s in back[: sre.reonboard_per_quarter]:
                s.pool, s.origin, s.f = g, -1, 0.0
                r.prr[g] += self.prr_hours()
            self.event(t, "reonboard", g, [self.name(s.slot) for s in back[: sre.reonboard_per_quarter]])

    # -------------------------------------------------------------- step 10
    def record(self, wk: dict[str, Any], t: int) -> None:
        r, ps, out = self.r, self.ps, self.series
        s_ops, s_av = sum(wk["ops"][:ps]), sum(wk["avail"][:ps])
        s_rot = sum(wk["rot"][:ps])
        d_ops, d_av = sum(wk["ops"][ps:]), sum(wk["avail"][ps:])
        n_sre = sum(1 for s in r.services if s.pool < ps)  # end of week, after any handback
        values = {
            "sre_ops_fraction": s_ops / s_av if s_av > 0 else 0.0,
            "sre_engineering_hours": sum(wk["E"][:ps]),
            "pages_per_shift": sum(wk["incidents"][:ps]) / (14 * s_rot) if s_rot > 0 else 0.0,
            "services_total": float(len(r.services)),
            "services_sre": float(n_sre),
            "services_dev": float(len(r.services) - n_sre),
            "services_handed_back": float(r.handed_back),
            "dev_teams": float(sum(1 for tm in r.teams if tm.active and tm.software)),
            "sre_engineers": sum(r.ramped),
            "dev_ops_fraction": d_ops / d_av if d_av > 0 else 0.0,
            "embed_queue_length": float(sum((tm.auto_req != -1) + (tm.perf_req != -1) for tm in r.teams)),
            "embed_wait_weeks": _mean([t - x for tm in r.teams for x in (tm.auto_req, tm.perf_req) if x != -1]),
            "dev_engineers": sum(tm.fte for tm in r.teams if tm.active and tm.software),
            "ticket_backlog_hours": sum(r.backlog[:ps]),
            "platform_maturity": r.m,
            "mean_complexity": wk["complexity"] / len(r.services) if r.services else 0.0,
            "ops_overload": float(any(r.flag)),
        }
        for key, value in values.items():
            out[key].append(value)
        for g, tid in enumerate(self.cm.sre_team_ids):
            self.by_team[tid].append(wk["phi"][g])


def _mean(values: list[int]) -> float:
    return sum(values) / len(values) if values else 0.0


def _bucket(hours: float) -> int:
    return min(BUCKETS - 1, max(0, math.floor(math.log2(max(hours, 1e-30)) * 2 + OFFSET)))


def run_oracle(model: OrgModel, p: ScenarioParams, *, runs: int, weeks: int, seed: int = 0,
               expected: bool = False) -> list[Oracle]:
    """``runs`` oracle runs (one when ``expected``), each its own ``random.Random``."""
    cm = compile_model(model, p, weeks)
    if expected:
        return [Oracle(model, p, weeks, None, cm).run()]
    return [Oracle(model, p, weeks, random.Random(seed * 1_000_003 + i), cm).run() for i in range(runs)]
