"""Headline metrics of an organisation: headcount, ratios, span of control and SRE coverage.

``compute_metrics(model, today=None)`` reads the model directly (no networkx, so ``orgmodel info``
starts fast) and returns a frozen ``Metrics``; ``metrics_to_dict`` turns it into the JSON of
``orgmodel info --json`` (docs/cli-json.md). Headcount is given both as people and as FTE; ratios
use FTE. ``today`` only matters for "active" embeds. Not for judgements: the rules that say
whether a number is healthy live in ``findings``.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from orgmodel.core.entities import embed_kind
from orgmodel.core.kinds import SRE_ROLES, EmbedKind, EntityKind, Role, Support, TeamKind
from orgmodel.core.model import OrgModel

NO_TEAM = "none"  # team-kind key for people without a home team


@dataclass(frozen=True)
class Headcount:
    people: int = 0
    fte: float = 0.0


@dataclass(frozen=True)
class SreTeamLoad:
    """What one SRE team carries: supported services and platform versions per SRE FTE."""

    team: str
    name: str
    sre_fte: float
    services: int
    tier1_services: int
    platform_versions: int
    services_per_sre: float | None


@dataclass(frozen=True)
class Metrics:
    as_of: date
    counts: dict[str, int]
    teams_by_kind: dict[str, int]
    by_role: dict[str, Headcount]
    by_team_kind: dict[str, Headcount]
    ratios: dict[str, float | None]
    span_by_manager: dict[str, int]
    span_mean: float | None
    span_median: float | None
    span_max: int
    managers_without_reports: int
    sre_supported_services: int
    sre_service_share: float | None
    tier1_services: int
    sre_tier1_share: float | None
    services_per_sre: float | None
    sre_teams: tuple[SreTeamLoad, ...]
    active_embeds: int
    active_embeds_by_kind: dict[str, int]

    @property
    def people(self) -> int:
        return sum(h.people for h in self.by_role.values())

    @property
    def fte(self) -> float:
        return sum(h.fte for h in self.by_role.values())


def _share(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def _headcount_by(model: OrgModel, key_of: dict[str, str], keys: list[str]) -> dict[str, Headcount]:
    people: Counter[str] = Counter()
    fte: defaultdict[str, float] = defaultdict(float)
    for person in model.people.values():
        key = key_of[person.id]
        people[key] += 1
        fte[key] += person.fte
    return {k: Headcount(people[k], round(fte[k], 6)) for k in keys}


def _by_role(model: OrgModel) -> dict[str, Headcount]:
    key_of = {p.id: p.role.value for p in model.people.values()}
    return _headcount_by(model, key_of, [r.value for r in Role])


def _by_team_kind(model: OrgModel) -> dict[str, Headcount]:
    key_of = {
        p.id: model.teams[p.team].kind.value if p.team is not None else NO_TEAM
        for p in model.people.values()
    }
    return _headcount_by(model, key_of, [k.value for k in TeamKind] + [NO_TEAM])


def _ratios(by_role: dict[str, Headcount]) -> dict[str, float | None]:
    software = by_role[Role.SOFTWARE_ENGINEER.value].fte
    sre = sum(by_role[r.value].fte for r in SRE_ROLES)
    return {
        "platform_to_software": _share(by_role[Role.PLATFORM_ENGINEER.value].fte, software),
        "automation_to_software": _share(by_role[Role.AUTOMATION_ENGINEER.value].fte, software),
        "sre_to_software": _share(sre, software),
    }


def _spans(model: OrgModel) -> dict[str, int]:
    reports: Counter[str] = Counter(
        p.manager for p in model.people.values() if p.manager is not None
    )
    return {pid: reports[pid] for pid in model.people if reports[pid] > 0}


def _sre_fte_by_team(model: OrgModel) -> defaultdict[str, float]:
    fte: defaultdict[str, float] = defaultdict(float)
    for person in model.people.values():
        if person.role in SRE_ROLES and person.team is not None:
            fte[person.team] += person.fte
    return fte


def _sre_teams(model: OrgModel) -> tuple[SreTeamLoad, ...]:
    fte = _sre_fte_by_team(model)
    services: Counter[str] = Counter()
    tier1: Counter[str] = Counter()
    for service in model.services.values():
        if service.support is Support.SRE and service.sre_team is not None:
            services[service.sre_team] += 1
            tier1[service.sre_team] += service.tier == 1
    versions = Counter(
        v.production_owner for v in model.platform_versions.values() if v.production_owner
    )
    return tuple(
        SreTeamLoad(
            team.id,
            team.name,
            round(fte[team.id], 6),
            services[team.id],
            tier1[team.id],
            versions[team.id],
            _share(services[team.id], fte[team.id]),
        )
        for team in model.teams.values()
        if team.kind is TeamKind.SRE
    )


def _active_embeds(model: OrgModel, today: date) -> Counter[str]:
    kinds: Counter[str] = Counter({k.value: 0 for k in EmbedKind})
    for embed in model.embeds.values():
        if embed.is_active(today):
            kinds[embed_kind(model.people[embed.person].role).value] += 1
    return kinds


def compute_metrics(model: OrgModel, today: date | None = None) -> Metrics:
    """Every headline metric of ``model``; embeds count as active on ``today`` (default: now)."""
    today = today or date.today()
    by_role = _by_role(model)
    spans = _spans(model)
    services = list(model.services.values())
    sre_services = [s for s in services if s.support is Support.SRE]
    tier1 = [s for s in services if s.tier == 1]
    sre_fte = sum(by_role[r.value].fte for r in SRE_ROLES)
    embeds = _active_embeds(model, today)
    managers = [p for p in model.people.values() if p.role is Role.MANAGER]
    return Metrics(
        as_of=today,
        counts={k.value: len(model.collection(k)) for k in EntityKind},
        teams_by_kind={k.value: sum(t.kind is k for t in model.teams.values()) for k in TeamKind},
        by_role=by_role,
        by_team_kind=_by_team_kind(model),
        ratios=_ratios(by_role),
        span_by_manager=spans,
        span_mean=statistics.fmean(spans.values()) if spans else None,
        span_median=float(statistics.median(spans.values())) if spans else None,
        span_max=max(spans.values(), default=0),
        managers_without_reports=sum(p.id not in spans for p in managers),
        sre_supported_services=len(sre_services),
        sre_service_share=_share(len(sre_services), len(services)),
        tier1_services=len(tier1),
        sre_tier1_share=_share(sum(s.support is Support.SRE for s in tier1), len(tier1)),
        services_per_sre=_share(len(sre_services), sre_fte),
        sre_teams=_sre_teams(model),
        active_embeds=sum(embeds.values()),
        active_embeds_by_kind=dict(embeds),
    )


def _num(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _headcounts(table: dict[str, Headcount]) -> dict[str, dict[str, Any]]:
    return {k: {"people": h.people, "fte": _num(h.fte)} for k, h in table.items()}


def metrics_to_dict(metrics: Metrics) -> dict[str, Any]:
    """The ``metrics`` object of ``orgmodel info --json`` (floats rounded to 3 decimals)."""
    return {
        "as_of": metrics.as_of.isoformat(),
        "counts": dict(metrics.counts),
        "teams_by_kind": dict(metrics.teams_by_kind),
        "headcount": {"people": metrics.people, "fte": _num(metrics.fte)},
        "headcount_by_role": _headcounts(metrics.by_role),
        "headcount_by_team_kind": _headcounts(metrics.by_team_kind),
        "ratios": {k: _num(v) for k, v in metrics.ratios.items()},
        "span_of_control": {
            "managers": len(metrics.span_by_manager),
            "mean": _num(metrics.span_mean),
            "median": _num(metrics.span_median),
            "max": metrics.span_max,
            "managers_without_reports": metrics.managers_without_reports,
            "by_manager": dict(metrics.span_by_manager),
        },
        "sre": {
            "supported_services": metrics.sre_supported_services,
            "service_share": _num(metrics.sre_service_share),
            "tier1_services": metrics.tier1_services,
            "tier1_share": _num(metrics.sre_tier1_share),
            "services_per_sre": _num(metrics.services_per_sre),
            "teams": [
                {
                    "id": t.team,
                    "name": t.name,
                    "sre_fte": _num(t.sre_fte),
                    "services": t.services,
                    "tier1_services": t.tier1_services,
                    "platform_versions": t.platform_versions,
                    "services_per_sre": _num(t.services_per_sre),
                }
                for t in metrics.sre_teams
            ],
        },
        "embeds": {
            "active": metrics.active_embeds,
            "active_by_kind": dict(metrics.active_embeds_by_kind),
        },
    }
