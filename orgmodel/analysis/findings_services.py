"""Rules about production ownership: services, SRE support and platform versions.

OM001 (service without owner), OM002 (production platform version without an SRE owner), OM005
(SRE supports everything), OM006 (owners who could not take the pager back), OM011 (platform never
released), OM012 (service on a deprecated/retired version), and our additions OM014 (service on
an unreleased version), OM015 (SRE team running platform versions without SRE-SE) and OM016
(SRE on low tiers while tier-1 services stay with developers). Not for
people and team-shape rules (``findings_people``) nor for running the catalogue (``findings``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from orgmodel.analysis.findings_base import Context, Hit, Severity, plural, rule
from orgmodel.core.entities import Service
from orgmodel.core.kinds import Role, Support, TeamKind, VersionStatus

SEED = "seed: DevOps and SRE in the Enterprise"
RELEASED = frozenset({VersionStatus.RELEASED, VersionStatus.PRODUCTION, VersionStatus.DEPRECATED})


@rule(
    "OM001",
    "Service without an owning team",
    Severity.ERROR,
    remedy="Give the service an owning team: the developers who build it own it in production.",
    source=f"{SEED}: 'Software Engineers are now tasked with owning production issues'",
)
def service_without_owner(ctx: Context) -> Iterator[Hit]:
    for service in ctx.model.services.values():
        if service.owner is None:
            yield Hit(f"Service '{service.name}' has no owning team.", (service.id,))


@rule(
    "OM002",
    "Production platform version without an SRE production owner",
    Severity.ERROR,
    remedy="Hand the version to an SRE-SE team (its production owner) before or as it goes to "
    "production.",
    source=f"{SEED}: 'Platform Engineering would pass ownership of a platform version to an "
    "SRE-SE team for production'",
)
def production_version_without_sre(ctx: Context) -> Iterator[Hit]:
    if not ctx.has_sre:
        return
    for version in ctx.model.platform_versions.values():
        if version.status is VersionStatus.PRODUCTION and version.production_owner is None:
            platform = ctx.name(version.platform)
            yield Hit(
                f"{platform} {version.version} is in production but no SRE team owns it.",
                (version.id, version.platform),
            )


@rule(
    "OM005",
    "SRE supports every service or every team",
    Severity.WARNING,
    remedy="Hand the services SRE need not carry (lower tiers, stable ones) back to their "
    "developers; keep SRE for what needs it most.",
    source=f"{SEED}: 'SRE typically does not support every team, so SRE does not own production "
    "for all things'",
)
def sre_supports_everything(ctx: Context) -> Iterator[Hit]:
    services = list(ctx.model.services.values())
    if not ctx.has_sre or len(services) < 2:
        return
    supported = [s for s in services if s.support is Support.SRE]
    if len(supported) == len(services):
        yield Hit(
            f"SRE supports every service ({len(services)} of {len(services)}).",
            tuple(s.id for s in services),
        )
        return
    owners = {s.owner for s in services if s.owner is not None}
    covered = {s.owner for s in supported if s.owner is not None}
    if len(owners) >= 2 and covered == owners:
        yield Hit(
            f"SRE supports at least one service of every team that owns services "
            f"({plural(len(owners), 'team')}).",
            tuple(sorted(owners)),
        )


def _handback_blocker(ctx: Context, team_id: str) -> str | None:
    """Why the team could not take the pager back, or None if it could.

    A team that already runs a rotation can take the pager back; whether that rotation is big
    enough is OM007's question, so it is not repeated here.
    """
    team = ctx.model.teams[team_id]
    if team.has_oncall:
        return None
    engineers = len(ctx.engineers(team_id))
    needed = ctx.min_rotation(team.sites)
    if engineers < needed:
        return (
            f"it has no on-call rotation and only {plural(engineers, 'engineer')} "
            f"(a rotation needs {needed})"
        )
    return "it has no on-call rotation"


@rule(
    "OM006",
    "SRE-supported services whose owners could not take the pager back",
    Severity.WARNING,
    remedy="Keep the owning team ready to take support back: give it an on-call rotation of its "
    "own and enough engineers to staff it.",
    source=f"{SEED}: 'if the SRE team becomes overwhelmed then even supported developers must be "
    "ready to take over support for production'",
)
def owners_cannot_take_pager(ctx: Context) -> Iterator[Hit]:
    by_owner: dict[str, list[Service]] = defaultdict(list)
    for service in ctx.model.services.values():
        if service.support is Support.SRE and service.owner is not None:
            by_owner[service.owner].append(service)
    for team_id, services in by_owner.items():
        blocker = _handback_blocker(ctx, team_id)
        if blocker is not None:
            yield Hit(
                f"Team '{ctx.name(team_id)}' could not take the pager back for "
                f"{ctx.names(s.id for s in services)}: {blocker}.",
                (team_id, *(s.id for s in services)),
            )


@rule(
    "OM011",
    "Platform with no released version",
    Severity.WARNING,
    remedy="Release a version of the platform (or mark the one teams use as released).",
    source=f"{SEED}: 'Platforms are versioned and released just like applications'",
)
def platform_never_released(ctx: Context) -> Iterator[Hit]:
    versions = defaultdict(list)
    for version in ctx.model.platform_versions.values():
        versions[version.platform].append(version)
    for platform in ctx.model.platforms.values():
        mine = versions[platform.id]
        if any(v.status in RELEASED for v in mine):
            continue
        state = (
            "has no versions"
            if not mine
            else "has no released version ("
            + ", ".join(f"{v.version}: {v.status.value}" for v in mine)
            + ")"
        )
        yield Hit(f"Platform '{platform.name}' {state}.", (platform.id, *(v.id for v in mine)))


@rule(
    "OM012",
    "Service on a deprecated or retired platform version",
    Severity.WARNING,
    remedy="Move the service to a current platform version (error when the version is retired).",
    source="Lehman's laws of software evolution (continuing change), cited by the seed",
)
def service_on_old_version(ctx: Context) -> Iterator[Hit]:
    for service in ctx.model.services.values():
        version = ctx.model.platform_versions.get(service.platform_version or "")
        if version is None:
            continue
        if version.status in (VersionStatus.DEPRECATED, VersionStatus.RETIRED):
            retired = version.status is VersionStatus.RETIRED
            yield Hit(
                f"Service '{service.name}' runs on {ctx.name(version.platform)} "
                f"{version.version}, which is {version.status.value}.",
                (service.id, version.id),
                Severity.ERROR if retired else None,
            )


@rule(
    "OM014",
    "Service on an unreleased platform version",
    Severity.WARNING,
    remedy="Run the service on a released platform version, or release this one.",
    source=f"{SEED}: platforms are versioned and released; a version is approved for release "
    "before production",
)
def service_on_unreleased_version(ctx: Context) -> Iterator[Hit]:
    for service in ctx.model.services.values():
        version = ctx.model.platform_versions.get(service.platform_version or "")
        if version is not None and version.status in (
            VersionStatus.PLANNED,
            VersionStatus.DEVELOPMENT,
        ):
            yield Hit(
                f"Service '{service.name}' runs on {ctx.name(version.platform)} "
                f"{version.version}, which is still {version.status.value}.",
                (service.id, version.id),
            )


@rule(
    "OM015",
    "SRE team owns platform versions but has no SRE-SE",
    Severity.INFO,
    remedy="Staff the team with SRE-SEs (systems engineers), who own production environments "
    "and platform versions.",
    source=f"{SEED}: platform versions are handed 'to an SRE-SE team for production'",
)
def sre_team_without_se(ctx: Context) -> Iterator[Hit]:
    owned: dict[str, list[str]] = defaultdict(list)
    for version in ctx.model.platform_versions.values():
        if version.production_owner is not None:
            owned[version.production_owner].append(version.id)
    for team_id, versions in owned.items():
        team = ctx.model.teams[team_id]
        if team.kind is TeamKind.SRE and not any(
            p.role is Role.SRE_SE for p in ctx.members.get(team_id, [])
        ):
            yield Hit(
                f"SRE team '{team.name}' owns {plural(len(versions), 'platform version')} in "
                "production but has no SRE-SE.",
                (team_id, *versions),
            )


@rule(
    "OM016",
    "Tier-1 services left to developers while SRE supports low tiers",
    Severity.INFO,
    remedy="Point SRE at the most critical services first: hand a low-tier service back to its "
    "developers and take on the tier-1 one, or note why the tier-1 service stays with them.",
    source="Site Reliability Engineering (Google, 2016), ch. 32 (the SRE engagement model): "
    "SRE is scarce and engages where reliability matters most",
)
def sre_priorities(ctx: Context) -> Iterator[Hit]:
    services = list(ctx.model.services.values())
    low = [s for s in services if s.support is Support.SRE and s.tier >= ctx.t.sre_low_tier]
    tier1 = [s for s in services if s.support is Support.DEV and s.tier == 1]
    if low and tier1:
        yield Hit(
            f"SRE supports {plural(len(low), 'service')} of tier {ctx.t.sre_low_tier} or lower "
            f"({ctx.names(s.id for s in low)}) while {plural(len(tier1), 'tier-1 service')} "
            f"({ctx.names(s.id for s in tier1)}) rest with developers alone.",
            tuple(s.id for s in tier1 + low),
        )


RULES = (
    service_without_owner,
    production_version_without_sre,
    sre_supports_everything,
    owners_cannot_take_pager,
    platform_never_released,
    service_on_old_version,
    service_on_unreleased_version,
    sre_team_without_se,
    sre_priorities,
)
