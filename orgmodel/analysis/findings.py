"""The findings catalogue (DESIGN.md section 3): what looks wrong in an organisation, and why.

``find_all(model, today=None)`` runs every rule of ``RULES`` and returns ``Finding``s (code,
severity, message naming the entities, remedy, entity ids, source) sorted by severity, then code,
then model order. Severities: *error* is a gap in production ownership (OM001 service without
owner, OM002 production platform version nobody in SRE owns, OM012 service on a retired
version): ``orgmodel validate`` exits 1 on them. *Warning* is a structure the seed or the SRE book
warns against; *info* is advice (OM010 forums, OM015 staffing, OM016 SRE priorities, OM017 span
of control). Dated rules (embeds) are judged on ``today`` (default: the current date).
Thresholds are the named fields of ``Thresholds``. Not for
metrics (``metrics``) and not for model invariants, which the core refuses outright.
"""

from __future__ import annotations

from datetime import date

from orgmodel.analysis import findings_people, findings_services
from orgmodel.analysis.findings_base import Context, Finding, Rule, Severity, Thresholds
from orgmodel.core.model import OrgModel

__all__ = ["RULES", "Finding", "Rule", "Severity", "Thresholds", "find_all", "rule_by_code"]

RULES: tuple[Rule, ...] = tuple(
    sorted(findings_services.RULES + findings_people.RULES, key=lambda r: r.code)
)


def rule_by_code(code: str) -> Rule:
    for candidate in RULES:
        if candidate.code == code:
            return candidate
    raise KeyError(code)


def find_all(
    model: OrgModel,
    today: date | None = None,
    *,
    thresholds: Thresholds | None = None,
    rules: tuple[Rule, ...] = RULES,
) -> list[Finding]:
    """Every finding of ``rules`` on ``model``, errors first, then by code (stable within one)."""
    context = Context(model, today or date.today(), thresholds or Thresholds())
    found = [finding for r in rules for finding in r.run(context)]
    return sorted(found, key=lambda f: (f.severity.rank, f.code))


def count_by_severity(findings: list[Finding]) -> dict[str, int]:
    counts = {s.value: 0 for s in Severity}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts
