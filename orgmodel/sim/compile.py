"""Compile an organisation and a scenario into the flat arrays the simulation engine steps.

A ``CompiledModel`` is plain data: support pools (every SRE team first, then every team that owns
services or is a software team, then empty slots for the software teams growth may add), per-pool
full-time equivalents, services as per-slot arrays (owner, support pool, tier, base demand rates
with the document's load overrides applied, platform-version lag), the platform and automation
engineers, and the embeds the document schedules. Slots for services created during the run are
preallocated for the whole horizon (``new_service_slots``) from the expected growth path with a
generous margin; growth beyond it is dropped and counted. Not for stepping anything: see
``engine.py``.

Decisions where SIMULATION.md is silent:

- a pool's FTE counts members whose role is not ``manager``/``other`` (SRE pools: ``sre_se`` and
  ``sre_swe`` only); every team that owns a service is an owner pool, whatever its kind;
- a service supported by SRE without a valid SRE team is treated as dev-supported;
- platform-version lag = number of released/production/deprecated/retired versions of the same
  platform released after the service's version; a deprecated or retired version counts as
  unsupported from week 0; services without a version are current;
- document embeds are scheduled by date (week = days since the planning start / 7; the planning
  start defaults to the earliest embed start, else week 0) on software hosts; an automation
  engineer's embed raises the host's automation level when it ends, an SRE's embed takes one
  engineer out of its SRE pool.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from orgmodel.core.kinds import Role, Support, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel
from orgmodel.sim.scenario import ScenarioParams

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

SRE_ROLES = (Role.SRE_SE, Role.SRE_SWE)
NON_ENGINEERING = (Role.MANAGER, Role.OTHER)
AVAILABLE = (VersionStatus.RELEASED, VersionStatus.PRODUCTION, VersionStatus.DEPRECATED,
             VersionStatus.RETIRED)
UNSUPPORTED = (VersionStatus.DEPRECATED, VersionStatus.RETIRED)


@dataclass(frozen=True)
class ScheduledEmbed:
    """An embed of the document: host team slot, weeks it covers, kind and source SRE pool."""

    host: int
    start_week: int
    end_week: int
    automation: bool
    sre_pool: int  # -1 unless an SRE engineer embeds


@dataclass(frozen=True)
class Rate:
    """A per-service base rate as the scenario default plus the slots the document overrides."""

    default: float
    slots: IntArray  # ascending
    delta: FloatArray  # override - default, per slot in ``slots``

    def at(self, values: FloatArray, slots: IntArray) -> FloatArray | float:
        """The rate of each of ``slots`` (the default itself when no slot is overridden)."""
        return self.default if self.slots.size == 0 else values[slots]

    @staticmethod
    def of(values: FloatArray, default: float) -> Rate:
        slots = np.flatnonzero(values != default)
        return Rate(default, slots, values[slots] - default)


@dataclass
class CompiledModel:
    """The arrays of one organisation under one scenario (see the module docstring)."""

    sre_team_ids: list[str]
    sre_fte: FloatArray  # (Ps,)
    sre_swe: IntArray  # (Ps,) SRE-SWE able to embed
    sre_sites: IntArray  # (Ps,)
    team_ids: list[str]  # (T,) owner teams of the document, then growth slots
    team_software: npt.NDArray[np.bool_]
    team_fte: FloatArray
    team_sites: IntArray
    team_active: npt.NDArray[np.bool_]
    teams_in_document: int
    service_ids: list[str]  # the document's services (slots 0..S0-1)
    service_slots: int  # S, including slots for services created during the run
    owner: IntArray  # (S0,) team slot
    pool: IntArray  # (S0,) support pool (SRE pool index, or Ps + team slot)
    tier1: npt.NDArray[np.bool_]  # (S0,)
    lag: IntArray  # (S0,) platform versions behind
    base_incidents: FloatArray  # (S,)
    base_tickets: FloatArray
    base_toil: FloatArray
    base_releases: FloatArray
    platform_fte: float
    automation_engineers: int
    growth_per_release: float
    embeds: list[ScheduledEmbed] = field(default_factory=list)
    base_incidents32: npt.NDArray[np.float32] = field(init=False, repr=False)
    base_tickets32: npt.NDArray[np.float32] = field(init=False, repr=False)
    base_toil32: npt.NDArray[np.float32] = field(init=False, repr=False)
    growth32: npt.NDArray[np.float32] = field(init=False, repr=False)
    rates: dict[str, Rate] = field(init=False, repr=False)
    uniform_growth: float | None = field(init=False, repr=False)  # complexity growth if all equal

    def __post_init__(self) -> None:
        self.base_incidents32 = self.base_incidents.astype(np.float32)
        self.base_tickets32 = self.base_tickets.astype(np.float32)
        self.base_toil32 = self.base_toil.astype(np.float32)
        self.growth32 = (self.base_releases * self.growth_per_release).astype(np.float32)
        def last(values: FloatArray) -> float:  # growth slots (at the end) carry the scenario's rates
            return float(values[-1]) if values.size else 0.0

        g = self.growth32
        self.uniform_growth = float(g[0]) if g.size and bool((g == g[0]).all()) else None
        self.rates = {
            "incidents": Rate.of(self.base_incidents, last(self.base_incidents)),
            "tickets": Rate.of(self.base_tickets, last(self.base_tickets)),
            "toil": Rate.of(self.base_toil, last(self.base_toil)),
            "releases": Rate.of(self.base_releases, last(self.base_releases)),
        }

    @property
    def sre_pools(self) -> int:
        return len(self.sre_team_ids)

    @property
    def team_slots(self) -> int:
        return len(self.team_ids)

    @property
    def pools(self) -> int:
        return self.sre_pools + self.team_slots


def expected_growth(params: ScenarioParams, teams0: int, weeks: int) -> tuple[float, float]:
    """Expected (new teams, new services) over the horizon, following the growth model."""
    g = params.growth
    teams = float(teams0)
    new_teams = new_services = 0.0
    for _ in range(1, weeks):
        added = float(new_teams_rate(g.model, teams, g.dev_teams_per_quarter, g.annual_growth, g.capacity))
        new_services += teams * g.new_services_per_team_per_week + added * g.services_per_new_team
        teams += added
        new_teams += added
    return new_teams, new_services


def new_teams_rate(model: str, teams: Any, per_quarter: float, annual: float,
                   capacity: float) -> Any:
    """Expected new software teams this week given the current count (a float or an array).

    linear: ``dev_teams_per_quarter / 13``; exponential: ``teams * ((1 + annual_growth)^(1/52) - 1)``;
    logistic: the exponential rate times ``1 - teams / capacity`` (never below 0).
    """
    weekly = (1.0 + annual) ** (1.0 / 52.0) - 1.0
    if model == "linear":
        return per_quarter / 13.0 + 0.0 * teams
    if model == "exponential":
        return teams * weekly
    if model == "logistic":
        room = 1.0 - teams / capacity if capacity > 0 else 0.0 * teams
        return np.maximum(0.0, teams * weekly * room)
    return 0.0 * teams


def headroom(expected: float, factor: float = 1.5) -> int:
    """Slots preallocated for an expected count: ``factor`` x plus six standard deviations plus a few.

    A Poisson count passes its mean by six standard deviations about once in a billion; the factor
    covers growth that compounds (exponential, logistic), whose paths spread further.
    """
    return int(math.ceil(factor * expected + 6.0 * math.sqrt(expected) + 4)) if expected > 0 else 0


def _fte(model: OrgModel, team_id: str, roles: tuple[Role, ...] | None, exclude: tuple[Role, ...]) -> float:
    total = 0.0
    for person in model.members(team_id):
        if (roles is None or person.role in roles) and person.role not in exclude:
            total += person.fte
    return total


def _version_lags(model: OrgModel, versions_supported: int) -> dict[str, int]:
    by_platform: dict[str, list[tuple[date, str]]] = {}
    for v in model.platform_versions.values():
        if v.status in AVAILABLE:
            by_platform.setdefault(v.platform, []).append((v.released or date.max, v.id))
    lags: dict[str, int] = {}
    for v in model.platform_versions.values():
        mine = v.released or date.max
        newer = sum(1 for when, vid in by_platform.get(v.platform, []) if when > mine and vid != v.id)
        lags[v.id] = max(newer, versions_supported) if v.status in UNSUPPORTED else newer
    return lags


def _start_date(model: OrgModel) -> date | None:
    if model.organisation.planning_start is not None:
        return model.organisation.planning_start
    starts = [e.start for e in model.embeds.values() if e.start is not None]
    return min(starts) if starts else None


def _week_of(day: date | None, start: date | None, default: int) -> int:
    if day is None or start is None:
        return default
    return (day - start).days // 7


def compile_model(model: OrgModel, params: ScenarioParams, weeks: int | None = None) -> CompiledModel:
    """Turn the document and scenario into arrays; ``weeks`` sizes the growth slots."""
    horizon = params.weeks if weeks is None else weeks
    teams = model.teams
    sre_ids = [t.id for t in teams.values() if t.kind is TeamKind.SRE]
    sre_index = {tid: i for i, tid in enumerate(sre_ids)}
    owners = {s.owner for s in model.services.values() if s.owner in teams}
    doc_team_ids = [t.id for t in teams.values()
                    if t.kind is TeamKind.SOFTWARE or (t.id in owners and t.kind is not TeamKind.SRE)]
    doc_team_ids += [t.id for t in teams.values() if t.kind is TeamKind.SRE and t.id in owners]
    unowned = any(s.owner not in teams for s in model.services.values())
    software0 = sum(1 for t in doc_team_ids if teams[t].kind is TeamKind.SOFTWARE)
    new_teams, _ = expected_growth(params, software0, horizon)
    extra_teams = headroom(new_teams, 1.0 if params.growth.model in ("none", "linear") else 1.5)
    team_ids = list(doc_team_ids) + (["(unowned)"] if unowned else [])
    team_ids += [f"new-team-{i + 1}" for i in range(extra_teams)]
    team_index = {tid: i for i, tid in enumerate(team_ids)}
    t_count = len(team_ids)
    n_doc = len(doc_team_ids) + (1 if unowned else 0)

    team_software = np.zeros(t_count, dtype=bool)
    team_fte = np.zeros(t_count)
    team_sites = np.ones(t_count, dtype=np.int64)
    team_active = np.zeros(t_count, dtype=bool)
    for i, tid in enumerate(team_ids[:n_doc]):
        team_active[i] = True
        if tid in teams:
            team = teams[tid]
            team_software[i] = team.kind is TeamKind.SOFTWARE
            team_fte[i] = _fte(model, tid, None, NON_ENGINEERING)
            team_sites[i] = team.sites
    team_software[n_doc:] = True
    team_fte[n_doc:] = params.growth.team_size

    # services created during the run, with the team headroom included
    _, new_services = expected_growth(params, software0 + extra_teams // 3, horizon)
    services = list(model.services.values())
    s0 = len(services)
    s_total = s0 + headroom(new_services)
    ps = len(sre_ids)
    lags = _version_lags(model, params.platform.versions_supported)
    owner = np.zeros(s0, dtype=np.int64)
    pool = np.zeros(s0, dtype=np.int64)
    tier1 = np.zeros(s0, dtype=bool)
    lag = np.zeros(s0, dtype=np.int64)
    rates = {
        "incidents_per_week": np.full(s_total, params.load.incidents_per_week),
        "tickets_per_week": np.full(s_total, params.load.tickets_per_week),
        "toil_hours": np.full(s_total, params.load.toil_hours),
        "releases_per_week": np.full(s_total, params.load.releases_per_week),
    }
    for i, svc in enumerate(services):
        owner[i] = team_index[svc.owner if svc.owner in teams and svc.owner else "(unowned)"]
        sre_pool = sre_index.get(svc.sre_team or "")
        pool[i] = sre_pool if svc.support is Support.SRE and sre_pool is not None else ps + owner[i]
        tier1[i] = svc.tier == 1
        lag[i] = lags.get(svc.platform_version or "", 0)
        for key, value in svc.load.as_dict().items():
            rates[key][i] = value

    sre_fte = np.array([_fte(model, t, SRE_ROLES, ()) for t in sre_ids], dtype=float)
    sre_swe = np.array([int(round(_fte(model, t, (Role.SRE_SWE,), ()))) for t in sre_ids], dtype=np.int64)
    sre_sites = np.array([teams[t].sites for t in sre_ids], dtype=np.int64)
    people = model.people.values()
    platform_fte = sum(p.fte for p in people if p.role is Role.PLATFORM_ENGINEER)
    automation = int(round(sum(p.fte for p in people if p.role is Role.AUTOMATION_ENGINEER)))

    return CompiledModel(
        sre_team_ids=sre_ids, sre_fte=sre_fte, sre_swe=sre_swe, sre_sites=sre_sites,
        team_ids=team_ids, team_software=team_software, team_fte=team_fte, team_sites=team_sites,
        team_active=team_active, teams_in_document=n_doc,
        service_ids=[s.id for s in services], service_slots=s_total, owner=owner, pool=pool,
        tier1=tier1, lag=lag,
        base_incidents=rates["incidents_per_week"], base_tickets=rates["tickets_per_week"],
        base_toil=rates["toil_hours"], base_releases=rates["releases_per_week"],
        platform_fte=float(platform_fte), automation_engineers=automation,
        growth_per_release=params.complexity.growth_per_release,
        embeds=_embeds(model, params, team_index, sre_index),
    )


def _embeds(model: OrgModel, params: ScenarioParams, team_index: dict[str, int],
            sre_index: dict[str, int]) -> list[ScheduledEmbed]:
    start = _start_date(model)
    out: list[ScheduledEmbed] = []
    for embed in model.embeds.values():
        person = model.people.get(embed.person)
        host = model.teams.get(embed.host)
        if person is None or host is None or host.kind is not TeamKind.SOFTWARE:
            continue
        automation = person.role in (Role.AUTOMATION_ENGINEER, Role.PLATFORM_ENGINEER)
        sre_pool = sre_index.get(person.team or "", -1) if person.role in SRE_ROLES else -1
        if not automation and sre_pool < 0:
            continue
        first = _week_of(embed.start, start, 0)
        length = params.embeds.automation_weeks if automation else params.embeds.performance_weeks
        last = _week_of(embed.end, start, first + length)
        if last < 0 or last <= max(first, 0):
            continue
        out.append(ScheduledEmbed(team_index[embed.host], max(first, 0), last, automation, sre_pool))
    return out
