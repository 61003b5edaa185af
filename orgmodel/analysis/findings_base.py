"""The building blocks of the findings catalogue: severities, findings, thresholds and rules.

A rule is a check function decorated with ``@rule(code, ...)``: it reads a ``Context`` (the model,
the date rules are evaluated on, the thresholds and a few shared indexes) and yields ``Hit``s
(message, entity ids, optionally a stronger severity); ``Rule.run`` turns them into ``Finding``s
carrying the rule's code, remedy and source. Not the catalogue itself: the rules live in the
``findings_*`` modules and ``findings.py`` lists and runs them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Any, NamedTuple

from orgmodel.core.entities import Person
from orgmodel.core.kinds import Role, TeamKind
from orgmodel.core.model import OrgModel


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}

NON_ENGINEER_ROLES = frozenset({Role.MANAGER, Role.OTHER})


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    remedy: str
    entities: tuple[str, ...]
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "remedy": self.remedy,
            "entities": list(self.entities),
            "source": self.source,
        }


@dataclass(frozen=True)
class Thresholds:
    """Every number a rule compares against, by name (defaults follow DESIGN.md section 3)."""

    embed_max_weeks: float = 13.0  # OM004: longer embeds take over rather than embed
    long_embed_weeks: float = 26.0  # OM003: an automation embed this long (or open) is "static"
    one_to_one_share: float = 0.75  # OM003: share of software teams with such an embed
    one_to_one_min_teams: int = 2  # OM003: below this many software teams the rule is silent
    min_rotation_single_site: int = 8  # OM006/OM007: SRE book ch. 11
    min_rotation_per_site: int = 6  # OM006/OM007: SRE book ch. 11, two-site rotations
    min_team_size: int = 3  # OM008
    max_team_size: int = 9  # OM008
    sre_low_tier: int = 3  # OM016: SRE-supported services of this tier or lower (3, 4)
    max_direct_reports: int = 8  # OM017: Larson, 'An Elegant Puzzle': six to eight engineers
    min_direct_reports: int = 2  # OM017: fewer (a single report) is a layer of one


class Hit(NamedTuple):
    message: str
    entities: tuple[str, ...]
    severity: Severity | None = None  # None: the rule's default


class Context:
    """What every rule reads: the model, the evaluation date, thresholds and shared indexes."""

    def __init__(self, model: OrgModel, today: date, thresholds: Thresholds) -> None:
        self.model = model
        self.today = today
        self.t = thresholds

    @cached_property
    def members(self) -> dict[str, list[Person]]:
        by_team: dict[str, list[Person]] = defaultdict(list)
        for person in self.model.people.values():
            if person.team is not None:
                by_team[person.team].append(person)
        return by_team

    def engineers(self, team_id: str) -> list[Person]:
        """Members who can carry a pager (everyone but managers and 'other' roles)."""
        return [p for p in self.members.get(team_id, []) if p.role not in NON_ENGINEER_ROLES]

    @cached_property
    def has_sre(self) -> bool:
        return any(t.kind is TeamKind.SRE for t in self.model.teams.values())

    def min_rotation(self, sites: int) -> int:
        if sites >= 2:
            return self.t.min_rotation_per_site * sites
        return self.t.min_rotation_single_site

    def name(self, entity_id: str | None) -> str:
        entity = self.model.find(entity_id) if entity_id else None
        if entity is None:
            return str(entity_id)
        return str(getattr(entity, "name", "") or getattr(entity, "version", "") or entity.id)

    def names(self, ids: Iterable[str], limit: int = 5) -> str:
        """'A, B, C' or 'A, B, C, D, E and 3 more'."""
        listed = [self.name(i) for i in ids]
        shown = ", ".join(listed[:limit])
        return shown + (f" and {len(listed) - limit} more" if len(listed) > limit else "")


Check = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    severity: Severity
    remedy: str
    source: str
    check: Check

    def run(self, context: Context) -> Iterator[Finding]:
        for hit in self.check(context):
            yield Finding(
                self.code,
                hit.severity or self.severity,
                hit.message,
                self.remedy,
                hit.entities,
                self.source,
            )


def rule(
    code: str, title: str, severity: Severity, remedy: str, source: str
) -> Callable[[Check], Rule]:
    """Decorator: make a check function into a ``Rule`` of the catalogue."""

    def wrap(check: Check) -> Rule:
        return Rule(code, title, severity, remedy, source, check)

    return wrap


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


def role_label(role: Role) -> str:
    """'SRE-SE', 'automation engineer', ..."""
    special = {Role.SRE_SE: "SRE-SE", Role.SRE_SWE: "SRE-SWE"}
    return special.get(role, role.value.replace("_", " "))
