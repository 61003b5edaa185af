"""Roles from job titles, and team kinds from their members' roles.

Titles are free text ("Senior Site Reliability Engineer", "SRE - Software", "Platform Eng II",
"Head of Payments"); ``infer_role`` reads them with ordered rules and ``role_preview`` groups a
roster's titles so a user can check and correct the guesses (the corrections go into a mapping's
``[roles]``). Not for reading files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from orgmodel.core.kinds import Role, TeamKind

_RULES: tuple[tuple[str, Role], ...] = (
    (r"\bmanager\b|\bdirector\b|\bhead of\b|\bvp\b|\bvice president\b|\bchief\b|\bcto\b|\blead\b(?!.*engineer)", Role.MANAGER),
    (r"\b(sre|site reliability|reliability engineer|production engineer)\b.*\b(swe|software|developer)\b"
     r"|\b(swe|software)\b.*\b(sre|site reliability)\b", Role.SRE_SWE),
    (r"\b(sre|site reliability|reliability engineer|production engineer)\b", Role.SRE_SE),
    (r"\bplatform\b|\binfrastructure\b|\bcloud engineer\b|\bsystems? engineer\b|\bnetwork engineer\b", Role.PLATFORM_ENGINEER),
    (r"\bautomation\b|\bdevops\b|\bbuild engineer\b|\brelease engineer\b", Role.AUTOMATION_ENGINEER),
    (r"\bengineer\b|\bdeveloper\b|\bprogrammer\b|\bswe\b|\barchitect\b|\beng\b", Role.SOFTWARE_ENGINEER),
)

KIND_OF_ROLE = {
    Role.SRE_SE: TeamKind.SRE,
    Role.SRE_SWE: TeamKind.SRE,
    Role.PLATFORM_ENGINEER: TeamKind.PLATFORM,
    Role.AUTOMATION_ENGINEER: TeamKind.AUTOMATION,
    Role.SOFTWARE_ENGINEER: TeamKind.SOFTWARE,
}


def infer_role(title: str) -> Role:
    text = title.lower().replace("-", " ").replace("_", " ")
    for pattern, role in _RULES:
        if re.search(pattern, text):
            return role
    return Role.OTHER


def role_preview(titles: Iterable[str], corrections: dict[str, Role] | None = None) -> list[tuple[str, Role, int]]:
    """(title, role, how many people) for each distinct title, most common first."""
    corrections = corrections or {}
    counts = Counter(t.strip() for t in titles)
    return [(title, corrections.get(title, infer_role(title)), n) for title, n in counts.most_common()]


def team_kind(roles: Iterable[Role]) -> TeamKind:
    """A team's kind: the kind of most of its engineers (managers and others do not vote)."""
    votes = Counter(KIND_OF_ROLE[r] for r in roles if r in KIND_OF_ROLE)
    if not votes:
        return TeamKind.SOFTWARE
    return votes.most_common(1)[0][0]
