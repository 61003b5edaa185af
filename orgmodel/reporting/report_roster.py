"""An appendix listing every team with its people and services, for diagrams that fold them away.

A page cannot draw a hundred people legibly, so the diagrams count them in the team boxes; this
appendix names them instead: one row per team (its kind, its people with their roles, its
services with SRE support marked). Left out above ``MAX_PEOPLE`` people, where a roster belongs
in the HR system rather than in a deck. Pure data like ``report_content``.
"""

from __future__ import annotations

from orgmodel.core.kinds import Role, Support
from orgmodel.core.model import OrgModel
from orgmodel.reporting.report_content import Page, Table, paginate

MAX_PEOPLE = 200
ROLE_TAGS = {
    Role.MANAGER: "manager", Role.SRE_SE: "SRE-SE", Role.SRE_SWE: "SRE-SWE",
    Role.PLATFORM_ENGINEER: "platform", Role.AUTOMATION_ENGINEER: "automation",
    Role.OTHER: "other",
}
TEAM_KINDS = {"group": "Group", "software": "Software", "platform": "Platform",
              "automation": "Automation", "sre": "SRE"}


def _people(model: OrgModel, team_id: str) -> str:
    names = []
    for person in sorted(model.members(team_id), key=lambda p: (p.role is not Role.MANAGER, p.name)):
        tag = ROLE_TAGS.get(person.role)
        names.append(f"{person.name} ({tag})" if tag else person.name)
    return ", ".join(names) or "–"


def _services(model: OrgModel, team_id: str) -> str:
    names = [f"{s.name} (SRE)" if s.support is Support.SRE else s.name
             for s in model.services.values() if s.owner == team_id]
    return ", ".join(names) or "–"


def roster_pages(model: OrgModel) -> list[Page]:
    """'Appendix: teams, people and services', or nothing for very large organisations."""
    if not model.teams or len(model.people) > MAX_PEOPLE:
        return []
    rows = [[team.name, TEAM_KINDS.get(team.kind.value, team.kind.value), _people(model, team.id),
             _services(model, team.id)] for team in model.teams.values()]
    take = ("Who is in each team and which services it owns; (SRE) marks services SRE supports. "
            "Software engineers carry no role tag.")
    return paginate("Appendix: teams, people and services", take,
                    Table(["Team", "Kind", "People", "Services owned"], rows, [2.2, 1.1, 6.0, 4.2],
                          dense=True))
