"""Rules about people, teams, embeds and forums.

OM003 (automation engineers statically one per development team), OM004 (open-ended or long
embeds), OM007 (on-call rotation too small), OM008 (team size), OM009 (concurrent embeds), OM010
(team without a forum representative) and our additions OM013 (engineer with no team) and OM017
(span of control: too many direct reports, or a single one). Embeds that
ended before the evaluation date are history and are not judged. Not for production-ownership
rules (``findings_services``) nor for running the catalogue (``findings``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date

from orgmodel.analysis.findings_base import (
    NON_ENGINEER_ROLES,
    Context,
    Hit,
    Severity,
    plural,
    role_label,
    rule,
)
from orgmodel.core.entities import Embed, Person, embed_kind
from orgmodel.core.kinds import EmbedKind, TeamKind

SEED = "seed: DevOps and SRE in the Enterprise"
SRE_BOOK_11 = "Site Reliability Engineering (Google, 2016), ch. 11 'Being On-Call'"


def _current_embeds(ctx: Context) -> list[Embed]:
    """Embeds not yet over on the evaluation date (running or planned)."""
    return [e for e in ctx.model.embeds.values() if e.end is None or e.end >= ctx.today]


def _is_long(embed: Embed, weeks: float) -> bool:
    length = embed.weeks()
    return embed.end is None or (length is not None and length >= weeks)


@rule(
    "OM003",
    "Automation engineers embedded one-to-one with development teams",
    Severity.WARNING,
    remedy="Embed automation engineers for a purpose and a few weeks, then move on; put what "
    "every team needs into the platform (self-service) instead of staffing every team.",
    source=f"{SEED}: 'If you find yourself in the situation where you have one Automation "
    "Engineer per development team at all times then something is inherently wrong'",
)
def automation_one_to_one(ctx: Context) -> Iterator[Hit]:
    software = [t.id for t in ctx.model.teams.values() if t.kind is TeamKind.SOFTWARE]
    if len(software) < ctx.t.one_to_one_min_teams:
        return
    long_embeds = [
        e
        for e in ctx.model.embeds.values()
        if e.is_active(ctx.today)
        and e.host in software
        and embed_kind(ctx.model.people[e.person].role) is EmbedKind.AUTOMATION
        and _is_long(e, ctx.t.long_embed_weeks)
    ]
    hosts = list(dict.fromkeys(e.host for e in long_embeds))
    if len(hosts) / len(software) >= ctx.t.one_to_one_share:
        yield Hit(
            f"Automation engineers are embedded long-term in {len(hosts)} of "
            f"{plural(len(software), 'software team')} ({ctx.names(hosts)}).",
            (*hosts, *(e.id for e in long_embeds)),
        )


@rule(
    "OM004",
    "Embed with no end date or longer than the threshold",
    Severity.WARNING,
    remedy="Give the embed an end date within the threshold: an embed helps a team and hands "
    "over, it does not take over the team's functions.",
    source=f"{SEED}: the embedded engineer 'is not there to take over these functions for a team'",
)
def long_embed(ctx: Context) -> Iterator[Hit]:
    for embed in _current_embeds(ctx):
        length = embed.weeks()
        if embed.end is None:
            problem = "has no end date"
        elif length is not None and length > ctx.t.embed_max_weeks:
            problem = f"lasts {length:.0f} weeks (more than {ctx.t.embed_max_weeks:g})"
        else:
            continue
        yield Hit(
            f"The embed of {ctx.name(embed.person)} in '{ctx.name(embed.host)}' {problem}.",
            (embed.id, embed.person, embed.host),
        )


def _rotation_problem(ctx: Context, team_id: str, sites: int) -> str | None:
    engineers = ctx.engineers(team_id)
    if sites < 2:
        needed = ctx.t.min_rotation_single_site
        if len(engineers) < needed:
            return f"{plural(len(engineers), 'engineer')} on one site (minimum {needed})"
        return None
    per_site = ctx.t.min_rotation_per_site
    locations = Counter(p.location for p in engineers if p.location)
    if len(locations) >= 2:
        counts = [n for _, n in locations.most_common(2)]
        if min(counts) < per_site:
            return (
                f"{counts[0]} and {counts[1]} engineers on its two sites "
                f"(minimum {per_site} per site)"
            )
        return None
    if len(engineers) < per_site * 2:
        return (
            f"{plural(len(engineers), 'engineer')} across two sites "
            f"(minimum {per_site} per site, {per_site * 2} in all)"
        )
    return None


@rule(
    "OM007",
    "On-call rotation too small",
    Severity.WARNING,
    remedy="Grow the rotation (or merge it with a neighbouring team's) to at least 8 engineers "
    "on one site or 6 per site on two, so on-call stays a small share of each engineer's time.",
    source=SRE_BOOK_11,
)
def small_rotation(ctx: Context) -> Iterator[Hit]:
    for team in ctx.model.teams.values():
        if not team.has_oncall:
            continue
        problem = _rotation_problem(ctx, team.id, team.sites)
        if problem is not None:
            yield Hit(f"Team '{team.name}' runs an on-call rotation of {problem}.", (team.id,))


@rule(
    "OM008",
    "Team smaller than 3 or larger than 9 people",
    Severity.WARNING,
    remedy="Merge a very small team with a neighbour, or split a large one along a service or "
    "product boundary.",
    source="Team Topologies (Skelton & Pais, 2019): teams of 5-9; QSM team-size studies",
)
def team_size(ctx: Context) -> Iterator[Hit]:
    low, high = ctx.t.min_team_size, ctx.t.max_team_size
    for team in ctx.model.teams.values():
        if team.kind is TeamKind.GROUP:
            continue
        size = len(ctx.members.get(team.id, []))
        if size < low:
            yield Hit(
                f"Team '{team.name}' has {plural(size, 'person', 'people')} (fewer than {low}).",
                (team.id,),
            )
        elif size > high:
            yield Hit(f"Team '{team.name}' has {size} people (more than {high}).", (team.id,))


def _span(embed: Embed) -> tuple[date, date]:
    return (embed.start or date.min, embed.end or date.max)


def _overlapping(embeds: list[Embed]) -> list[Embed]:
    """The embeds of one person that overlap at least one other of theirs."""
    ordered = sorted(embeds, key=_span)
    hit: dict[str, Embed] = {}
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if _span(second)[0] > _span(first)[1]:
                break
            hit[first.id], hit[second.id] = first, second
    return [e for e in ordered if e.id in hit]


@rule(
    "OM009",
    "Person in more than one concurrent embed",
    Severity.WARNING,
    remedy="Finish one embed before starting the next: an engineer split across teams loses "
    "much of each day to switching.",
    source="Weinberg, Quality Software Management vol. 1 (1992): context-switching cost",
)
def concurrent_embeds(ctx: Context) -> Iterator[Hit]:
    by_person: dict[str, list[Embed]] = defaultdict(list)
    for embed in _current_embeds(ctx):
        by_person[embed.person].append(embed)
    for person_id, embeds in by_person.items():
        overlapping = _overlapping(embeds)
        if overlapping:
            hosts = ctx.names(e.host for e in overlapping)
            yield Hit(
                f"{ctx.name(person_id)} is in {len(overlapping)} overlapping embeds ({hosts}).",
                (person_id, *(e.id for e in overlapping)),
            )


@rule(
    "OM010",
    "Team with no representative in any forum",
    Severity.INFO,
    remedy="Let the team elect a representative to the cross-team forum (scrum of scrums).",
    source=f"{SEED}: 'enables engineers on teams to elect team mates to represent them in high "
    "level scrums'",
)
def unrepresented_team(ctx: Context) -> Iterator[Hit]:
    teams = [t for t in ctx.model.teams.values() if t.kind is not TeamKind.GROUP]
    if not ctx.model.forums:
        if len(teams) >= 2:
            yield Hit(
                f"The organisation has no cross-team forum, so none of its "
                f"{len(teams)} teams is represented.",
                tuple(t.id for t in teams),
            )
        return
    represented = {r.team for f in ctx.model.forums.values() for r in f.representatives}
    for team in teams:
        if team.id not in represented:
            yield Hit(f"Team '{team.name}' has no representative in any forum.", (team.id,))


def _is_engineer(person: Person) -> bool:
    return person.role not in NON_ENGINEER_ROLES


@rule(
    "OM013",
    "Engineer with no team",
    Severity.WARNING,
    remedy="Put the engineer in a team: teams own services, elect representatives and carry "
    "the pager; a person outside every team is invisible to all three.",
    source=f"{SEED}: engineers work 'on teams' and elect team mates to represent them",
)
def engineer_without_team(ctx: Context) -> Iterator[Hit]:
    loose = [p for p in ctx.model.people.values() if p.team is None and _is_engineer(p)]
    for person in loose:
        yield Hit(f"{person.name} ({role_label(person.role)}) belongs to no team.", (person.id,))


def _direct_reports(ctx: Context) -> dict[str, list[str]]:
    """Manager id -> ids of the people who report to them (``reports_to``), in model order."""
    reports: dict[str, list[str]] = defaultdict(list)
    for person in ctx.model.people.values():
        if person.manager is not None and person.manager in ctx.model.people:
            reports[person.manager].append(person.id)
    return reports


@rule(
    "OM017",
    "Span of control too wide, or a single direct report",
    Severity.INFO,
    remedy="Spread a wide span: let a team lead or a second manager take part of it (or split "
    "the team). Fold a manager of one into the level above, or give them a team to lead.",
    source="Larson, An Elegant Puzzle (2019), 'Sizing teams': 'Managers should support six to "
    "eight engineers'; with more they act as coaches and safety nets, with fewer than four as "
    "tech lead managers",
)
def span_of_control(ctx: Context) -> Iterator[Hit]:
    """Info, not a warning: the span that works depends on the work (how much coaching,
    coordination and hands-on design it needs) and the seed and the SRE book say nothing about
    it; the catalogue keeps warnings for structures they warn against. It is advice to look at
    the reporting lines, like OM010 is for forums."""
    high, low = ctx.t.max_direct_reports, ctx.t.min_direct_reports
    for manager_id, reports in _direct_reports(ctx).items():
        name = ctx.name(manager_id)
        if len(reports) > high:
            yield Hit(
                f"{name} has {len(reports)} direct reports (more than {high}): "
                f"{ctx.names(reports)}.",
                (manager_id, *reports),
            )
        elif len(reports) < low:
            message = (
                f"{name} manages a single direct report ({ctx.names(reports)}): "
                "a management layer of one."
                if len(reports) == 1
                else f"{name} has {len(reports)} direct reports ({ctx.names(reports)}), "
                f"fewer than {low}."
            )
            yield Hit(message, (manager_id, *reports))


RULES = (
    automation_one_to_one,
    long_embed,
    small_rotation,
    team_size,
    concurrent_embeds,
    unrepresented_team,
    engineer_without_team,
    span_of_control,
)
