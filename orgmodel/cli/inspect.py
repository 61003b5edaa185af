"""The ``orgmodel info`` and ``orgmodel validate`` commands: metrics and findings of a document.

``info FILE`` prints counts, headcount, ratios, span of control, SRE coverage and active embeds as
a readable table (``--json``: the schema of docs/cli-json.md) and exits 0. ``validate FILE``
prints the findings with their remedies and exits 1 if any is an error (``--fail-on warning``
or ``info`` makes it stricter, e.g. for CI), 0 otherwise. Both accept
``--on DATE`` to judge dated things (embeds) on another day than today. Start-up matters: this
module imports neither Qt, matplotlib, numpy nor networkx. Not for editing or converting files.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from orgmodel.analysis.findings import Finding, Severity, count_by_severity, find_all
from orgmodel.analysis.findings_base import plural
from orgmodel.analysis.metrics import Headcount, Metrics, compute_metrics, metrics_to_dict
from orgmodel.cli.common import load_model, print_json
from orgmodel.core.model import OrgModel

INFO_SCHEMA = "orgmodel.info/1"
VALIDATE_SCHEMA = "orgmodel.validate/1"


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-02") from None


def register(name: str, parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a .orgmodel document or orgmodel JSON")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print JSON (schema in docs/cli-json.md) instead of text",
    )
    parser.add_argument(
        "--on",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        default=None,
        help="judge embeds as on this date (default: today)",
    )
    if name == "validate":
        parser.add_argument(
            "--fail-on",
            choices=[s.value for s in Severity],
            default="error",
            help="exit 1 if any finding is this severe or worse (default: error)",
        )


def run(args: argparse.Namespace) -> int:
    model = load_model(args.file)
    today: date = args.on or date.today()
    if args.command == "validate":
        return _validate(model, args.file, today, args.json, Severity(args.fail_on))
    return _info(model, args.file, today, args.json)


# ------------------------------------------------------------------------------------ info
def _info(model: OrgModel, path: str, today: date, as_json: bool) -> int:
    metrics = compute_metrics(model, today)
    counts = count_by_severity(find_all(model, today))
    if as_json:
        print_json(
            {
                "schema": INFO_SCHEMA,
                "file": path,
                "organisation": _organisation(model),
                "metrics": metrics_to_dict(metrics),
                "findings": counts,
            }
        )
    else:
        print("\n".join(info_lines(model, Path(path).name, metrics, counts)))
    return 0


def _organisation(model: OrgModel) -> dict[str, Any]:
    org = model.organisation
    return {
        "name": org.name,
        "description": org.description,
        "planning_start": org.planning_start.isoformat() if org.planning_start else None,
    }


def _label(key: str) -> str:
    return {"sre_se": "SRE-SE", "sre_swe": "SRE-SWE", "sre": "SRE"}.get(key, key.replace("_", " "))


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:.0f} %"


def _one_in(value: float | None) -> str:
    """A ratio as '1 : 8.8' (0.113), or 'none' / 'n/a'."""
    if value is None:
        return "n/a (no software engineers)"
    if value == 0:
        return "none"
    return f"1 : {1 / value:.1f}  ({value:.3f})"


def _table(title: str, rows: dict[str, Headcount]) -> list[str]:
    lines = [f"{title:<28}{'people':>7}{'FTE':>8}"]
    for key, count in rows.items():
        if count.people:
            lines.append(f"  {_label(key):<26}{count.people:>7}{count.fte:>8.1f}")
    return lines


def info_lines(model: OrgModel, name: str, m: Metrics, findings: dict[str, int]) -> list[str]:
    """The text of ``orgmodel info``: one section per group of metrics."""
    c = m.counts
    teams = ", ".join(f"{n} {_label(k)}" for k, n in m.teams_by_kind.items() if n)
    lines = [
        f"{model.organisation.name}  ({name}, as of {m.as_of.isoformat()})",
        "",
        f"Teams      {c['teams']} ({teams or 'none'})",
        f"People     {c['people']} ({m.fte:.1f} FTE)",
        f"Services   {c['services']} ({m.tier1_services} tier 1), {c['dependencies']} dependencies",
        f"Platforms  {c['platforms']}, {c['platform_versions']} versions",
        f"Other      {plural(c['embeds'], 'embed')}, {plural(c['forums'], 'forum')}, "
        f"{plural(c['scenarios'], 'scenario')}, {plural(c['views'], 'view')}",
        "",
        *_table("Headcount by role", m.by_role),
        "",
        *_table("Headcount by team kind", m.by_team_kind),
        "",
        "Ratios (FTE to software-engineer FTE)",
        f"  platform : software       {_one_in(m.ratios['platform_to_software'])}",
        f"  automation : software     {_one_in(m.ratios['automation_to_software'])}",
        f"  SRE : software            {_one_in(m.ratios['sre_to_software'])}",
        "",
        *_span_lines(m),
        *_sre_lines(m),
        "",
        _embed_line(m),
        f"Findings   {_summary(findings)} (details: orgmodel validate {name})",
    ]
    return lines


def _span_lines(m: Metrics) -> list[str]:
    if not m.span_by_manager:
        return ["Span of control   nobody has direct reports", ""]
    line = (
        f"Span of control   {plural(len(m.span_by_manager), 'manager')}, "
        f"mean {m.span_mean:.1f}, "
        f"median {m.span_median:.1f}, max {m.span_max}"
    )
    if m.managers_without_reports:
        line += f" ({plural(m.managers_without_reports, 'manager')} without reports)"
    return [line, ""]


def _sre_lines(m: Metrics) -> list[str]:
    per_sre = "n/a" if m.services_per_sre is None else f"{m.services_per_sre:.2f}"
    tier1 = sum(t.tier1_services for t in m.sre_teams)
    lines = [
        f"SRE support       {m.sre_supported_services} of {m.counts['services']} services "
        f"({_pct(m.sre_service_share)}), {tier1} of {m.tier1_services} tier-1 "
        f"({_pct(m.sre_tier1_share)}), {per_sre} services per SRE FTE",
    ]
    for team in m.sre_teams:
        ratio = "n/a" if team.services_per_sre is None else f"{team.services_per_sre:.2f}"
        lines.append(
            f"  {team.name}: {team.sre_fte:.1f} SRE FTE, {team.services} services "
            f"({team.tier1_services} tier 1, {ratio} per SRE), "
            f"{team.platform_versions} platform versions owned"
        )
    return lines


def _embed_line(m: Metrics) -> str:
    kinds = ", ".join(f"{n} {k}" for k, n in m.active_embeds_by_kind.items() if n)
    return f"Embeds     {m.active_embeds} active" + (f" ({kinds})" if kinds else "")


# -------------------------------------------------------------------------------- validate
def _validate(
    model: OrgModel, path: str, today: date, as_json: bool, fail_on: Severity = Severity.ERROR
) -> int:
    findings = find_all(model, today)
    counts = count_by_severity(findings)
    if as_json:
        print_json(
            {
                "schema": VALIDATE_SCHEMA,
                "file": path,
                "as_of": today.isoformat(),
                "summary": counts,
                "by_code": _by_code(findings),
                "findings": [f.to_dict() for f in findings],
            }
        )
    else:
        print("\n".join(validate_lines(Path(path).name, findings, counts)))
    return 1 if any(f.severity.rank <= fail_on.rank for f in findings) else 0


def validate_lines(name: str, findings: list[Finding], counts: dict[str, int]) -> list[str]:
    """The text of ``orgmodel validate``: each finding, its remedy and source, then a summary."""
    lines: list[str] = []
    for finding in findings:
        lines.append(f"{finding.severity.value:<8}{finding.code}  {finding.message}")
        lines.append(f"{'':<15}remedy: {finding.remedy}")
        lines.append(f"{'':<15}source: {finding.source}")
    if lines:
        lines.append("")
    lines.append(f"{name}: {_summary(counts)}")
    if findings:
        lines.append("by code: " + ", ".join(f"{c} {n}" for c, n in _by_code(findings).items()))
    return lines


def _by_code(findings: list[Finding]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in sorted(findings, key=lambda f: f.code):
        counts[finding.code] = counts.get(finding.code, 0) + 1
    return counts


def _summary(counts: dict[str, int]) -> str:
    return (
        f"{plural(counts['error'], 'error')}, {plural(counts['warning'], 'warning')}, "
        f"{counts['info']} info"
    )
