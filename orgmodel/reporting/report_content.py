"""The content of a report as pages, shared by the PDF and the PPTX writers.

``build_pages(model, scenario=None, results=None)`` decides what a reader sees and in what order:
a title page, a summary, one diagram per saved view, metrics tables, findings (grouped by rule,
with remedies and sources), the simulation's headline and charts, and the scenario's parameters
with their provenance. Every page has a title and a takeaway sentence; long tables are split
across pages. Pure data (plus the chart functions to call): no drawing, no file writing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from orgmodel.core.entities import View
from orgmodel.core.model import OrgModel
from orgmodel.reporting.headline import headline_sentences, percent

# Page geometry shared with the writers (inches): a 16:9 page, its margins, the table type.
PAGE_SIZE = (13.333, 7.5)
MARGIN = 0.55
TABLE_TOP = 1.45  # below a title and a two-line takeaway
TABLE_BOTTOM = 0.6  # above the footer
TABLE_FONT_PT = 12.0
TABLE_FONT_PT_DENSE = 9.5
CHAR_EM = 0.55  # average character width in ems (DejaVu Sans)


def cell_lines(text: str, width_in: float, size: float, bold: bool = False) -> list[str]:
    """A cell's text wrapped to a column ``width_in`` wide at ``size`` points (bold is wider)."""
    import textwrap

    em = CHAR_EM * (1.15 if bold else 1.0)
    chars = max(4, int((width_in - 0.2) * 72 / (size * em)))
    return textwrap.wrap(text, chars) or [""]


def row_height(cells: list[str], widths: list[float], size: float, dense: bool,
               bold: bool = False) -> float:
    """Height in inches of a table row (also used to draw it)."""
    lines = max(len(cell_lines(c, w, size, bold)) for c, w in zip(cells, widths, strict=True))
    return lines * size * 1.3 / 72 + 2 * (0.06 if dense else 0.09)


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    widths: list[float]  # relative column widths
    align: list[str] = field(default_factory=list)  # "l" or "r" per column
    dense: bool = False  # smaller type, more rows per page (appendix tables)


@dataclass
class Page:
    kind: str  # "title", "bullets", "diagram", "chart", "table"
    title: str
    takeaway: str = ""
    lines: list[str] = field(default_factory=list)
    table: Table | None = None
    view: View | None = None
    chart: str = ""
    results: Any = None  # one results dict, or (label, results) pairs for a comparison
    scene: Any = None  # a diagram page's laid-out diagram_scene.Scene


@dataclass
class ReportInfo:
    organisation: str
    description: str
    scenario: str
    made: date
    runs: int | None = None


def column_widths(table: Table) -> list[float]:
    width = PAGE_SIZE[0] - 2 * MARGIN
    total = sum(table.widths)
    return [width * w / total for w in table.widths]


def paginate(title: str, takeaway: str, table: Table) -> list[Page]:
    """Split a table over pages so that its wrapped rows fit; titles get '(1/3)' and so on."""
    size = TABLE_FONT_PT_DENSE if table.dense else TABLE_FONT_PT
    widths = column_widths(table)
    header = row_height(table.columns, widths, size, table.dense, bold=True)
    room = PAGE_SIZE[1] - TABLE_TOP - TABLE_BOTTOM - header
    pages: list[Page] = []
    rows: list[list[str]] = []
    used = 0.0
    for row in table.rows:
        height = row_height(row, widths, size, table.dense)
        if rows and used + height > room:
            pages.append(Page("table", title, takeaway, table=Table(
                table.columns, rows, table.widths, table.align, table.dense)))
            rows, used = [], 0.0
        rows.append(row)
        used += height
    pages.append(Page("table", title, takeaway,
                      table=Table(table.columns, rows, table.widths, table.align, table.dense)))
    if len(pages) > 1:
        for i, page in enumerate(pages, start=1):
            page.title = f"{title} ({i}/{len(pages)})"
    return pages


ROLE_NAMES = {
    "software_engineer": "Software engineers", "platform_engineer": "Platform engineers",
    "automation_engineer": "Automation engineers", "sre_se": "SRE-SE (systems)",
    "sre_swe": "SRE-SWE (software)", "manager": "Managers", "other": "Other roles",
}


def _number(value: Any, digits: int = 1) -> str:
    """Whole numbers with thousands separators, others with ``digits`` decimals; '–' for None."""
    if value is None:
        return "–"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


def _fixed(value: Any, digits: int = 2) -> str:
    """A ratio with a fixed number of decimals, so a column lines up."""
    return "–" if value is None else f"{float(value):,.{digits}f}"


def metric_pages(model: OrgModel, today: date | None) -> list[Page]:
    from orgmodel.analysis.metrics import compute_metrics, metrics_to_dict

    m = metrics_to_dict(compute_metrics(model, today))
    software = m["headcount_by_role"].get("software_engineer", {}).get("fte") or 0
    rows = []
    for role, head in m["headcount_by_role"].items():
        if head["people"]:
            per = f"1 : {software / head['fte']:.1f}" if head["fte"] and role != "software_engineer" else ""
            rows.append([ROLE_NAMES.get(role, role), _number(head["people"]), _number(head["fte"]), per])
    rows.append(["All people", _number(m["headcount"]["people"]), _number(m["headcount"]["fte"]), ""])
    ratios = m["ratios"]
    sre_ratio = ratios.get("sre_to_software")
    take = (f"{m['headcount']['people']:,} people in {m['counts']['teams']:,} teams"
            + (f"; one SRE for every {1 / sre_ratio:.1f} software engineers." if sre_ratio else "."))
    pages = [Page("table", "Headcount by role", take, table=Table(
        ["Role", "People", "FTE", "Software engineers per person in role"], rows,
        [3, 1, 1, 3], ["l", "r", "r", "r"]))]
    sre = m["sre"]
    span = m["span_of_control"]
    key_rows = [
        ["Services", _number(m["counts"]["services"]), "owned by development teams"],
        ["Services supported by SRE", _number(sre["supported_services"]),
         f"{percent(sre['service_share'] or 0)} of all services"],
        ["Tier-1 services supported by SRE", f"{percent(sre['tier1_share'] or 0)}",
         f"of {sre['tier1_services']} tier-1 services"],
        ["SRE-supported services per SRE", _fixed(sre["services_per_sre"]), "FTE-weighted"],
        ["Platform : software engineers", _fixed(ratios.get("platform_to_software"), 3), "FTE ratio"],
        ["Automation : software engineers", _fixed(ratios.get("automation_to_software"), 3), "FTE ratio"],
        ["SRE : software engineers", _fixed(sre_ratio, 3), "FTE ratio"],
        ["Span of control (mean / median / max)",
         f"{_number(span['mean'])} / {_number(span['median'])} / {span['max']}",
         f"{span['managers']} managers"],
        ["Active embeds", str(m["embeds"]["active"]),
         ", ".join(f"{n} {k}" for k, n in m["embeds"]["active_by_kind"].items() if n) or "none"],
    ]
    take = (f"SRE supports {sre['supported_services']:,} of {m['counts']['services']:,} services "
            f"({percent(sre['service_share'] or 0)}), {percent(sre['tier1_share'] or 0)} of tier 1.")
    pages.append(Page("table", "Key ratios", take,
                      table=Table(["Measure", "Value", "Note"], key_rows, [4, 2, 4], ["l", "r", "l"])))
    if sre["teams"]:
        team_rows = [[t["name"], _number(t["sre_fte"]), _number(t["services"]),
                      _number(t["tier1_services"]), _number(t["platform_versions"]),
                      _fixed(t["services_per_sre"])]
                     for t in sre["teams"]]
        pages.append(Page("table", "What each SRE team carries",
                          "Services and platform versions in production per SRE team today.",
                          table=Table(["SRE team", "SRE FTE", "Services", "Tier 1",
                                       "Platform versions", "Services per SRE"], team_rows,
                                      [4, 1.3, 1.3, 1.3, 1.8, 1.8], ["l", "r", "r", "r", "r", "r"])))
    return pages


def _severity_words(findings: list[Any]) -> str:
    words = {"error": "error", "warning": "warning", "info": "note"}
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.severity.value] = counts.get(finding.severity.value, 0) + 1
    return ", ".join(f"{n} {words.get(k, k)}" + ("s" if n != 1 else "") for k, n in counts.items())


def finding_pages(model: OrgModel, today: date | None) -> list[Page]:
    from orgmodel.analysis.findings import find_all

    findings = find_all(model, today)
    if not findings:
        return [Page("bullets", "Findings", "No rule of the catalogue flags this organisation.",
                     lines=["Every rule (team sizes, rotations, embeds, SRE coverage, platform "
                            "versions) passes."])]
    groups: dict[str, list[Any]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    rows = []
    for code, items in sorted(groups.items(), key=lambda kv: (kv[1][0].severity.rank, kv[0])):
        first = items[0]
        text = first.message if len(items) == 1 else (
            f"{len(items)} cases, e.g. {first.message}")
        rows.append([f"{first.severity.value.capitalize()} {code}", text, first.remedy, first.source])
    take = f"{len(findings)} findings from {len(groups)} rules: {_severity_words(findings)}."
    table = Table(["Rule", "Finding", "Remedy", "Source"], rows, [1.2, 4, 4, 2.6])
    return paginate("Findings, remedies and sources", take, table)


CHART_TITLES = {
    "ops_fraction": "SRE time spent on operational work",
    "pages": "On-call pages per shift against the pager budget",
    "services": "Services by who carries the pager",
    "headcount": "Headcount by discipline and the SRE-to-developer ratio",
    "maturity": "Platform maturity and service complexity",
    "embed_wait": "Waiting time for an embedded engineer",
}


def simulation_pages(results: Mapping[str, Any], start: date | None, scenario: str) -> list[Page]:
    from orgmodel.reporting.charts import chart_takeaway
    from orgmodel.reporting.charts_teams import takeaway as teams_takeaway
    from orgmodel.reporting.charts_teams import team_medians

    sentences = headline_sentences(results, start)
    runs = results.get("runs")
    weeks = int(results.get("weeks") or 0)
    intro = (f"Scenario '{scenario}': {runs} Monte Carlo runs over {weeks} weeks "
             f"({weeks / 52:.0f} years), seed {results.get('seed')}.")
    pages = [Page("bullets", "Simulation: the headline", sentences[0] if sentences else intro,
                  lines=[intro, *sentences])]
    for key, title in CHART_TITLES.items():
        takeaway = chart_takeaway(key, results)
        pages.append(Page("chart", title, takeaway, chart=key, results=results))
        if key == "ops_fraction" and len(team_medians(results)) > 1:
            pages.append(Page("chart", "SRE teams against the operations cap",
                              teams_takeaway(results), chart="sre_teams", results=results))
    return pages


def chart_function(key: str) -> Any:
    """The chart function behind a chart page (the ``CHARTS`` ones and report-only charts)."""
    if key == "sre_teams":
        from orgmodel.reporting.charts_teams import sre_teams_chart

        return sre_teams_chart
    from orgmodel.reporting.charts import CHARTS

    return CHARTS[key][0]


def parameter_pages(results: Mapping[str, Any] | None, params: Any) -> list[Page]:
    from orgmodel.sim.parameters import PARAMETERS, PROVENANCE

    values = _scenario_values(results, params)
    rows = []
    for param in PARAMETERS:
        value = values.get(param.name, param.default)
        changed = value != param.default
        shown = _number(value, 3) if isinstance(value, float) else str(value)
        rows.append([param.name, shown + (" *" if changed else ""), _number(param.default, 3)
                     if isinstance(param.default, float) else str(param.default),
                     param.provenance or "–", param.note])
    legend = "; ".join(f"{k} = {v}" for k, v in PROVENANCE.items() if k)
    take = f"Provenance: {legend}. * = changed from the default."
    return paginate("Appendix: scenario parameters with provenance", take,
                    Table(["Parameter", "Value", "Default", "Prov.", "Note"], rows,
                          [3.6, 1.4, 1.4, 0.7, 5.4], ["l", "r", "r", "l", "l"], dense=True))


def _scenario_values(results: Mapping[str, Any] | None, params: Any) -> dict[str, Any]:
    """The values simulated: the results' own scenario (runs, seed, weeks as run), else params."""
    flat: dict[str, Any] = {}
    for key, value in ((results or {}).get("scenario") or {}).items():
        if isinstance(value, Mapping):
            flat.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            flat[key] = value
    if flat or params is None:
        return flat
    from orgmodel.sim.parameters import PARAMETERS

    return {p.name: params[p.name] for p in PARAMETERS}


def diagram_pages(model: OrgModel) -> list[Page]:
    from orgmodel.reporting.diagram_scene import build_scene

    views: list[View | None] = list(model.views.values()) or [None]
    pages = []
    for view in views:
        scene = build_scene(model, view)
        note = " ".join(scene.notes) or (view.notes if view is not None else "")
        title = view.name if view is not None else "The organisation"
        pages.append(Page("diagram", title, note or _diagram_takeaway(scene), view=view,
                          scene=scene))
    return pages


def _diagram_takeaway(scene: Any) -> str:
    from collections import Counter

    kinds = Counter(d["kind"] for d in scene.nodes.values())
    if not kinds:
        return "Nothing to draw yet: the view shows no teams, people or services."
    words = {"team": "teams", "person": "people", "service": "services", "platform": "platforms",
             "platform_version": "platform versions", "forum": "forums"}
    return "Shows " + ", ".join(f"{n} {words.get(k, k)}" for k, n in kinds.items()) + "."


def build_pages(model: OrgModel, *, scenario: Any = None, results: Mapping[str, Any] | None = None,
                today: date | None = None,
                compare: list[tuple[str, Mapping[str, Any]]] | None = None
                ) -> tuple[ReportInfo, list[Page]]:
    """Every page of the report, in order, and what the title page says.

    ``compare``: other scenarios' (label, results) to set beside this one (at most two more).
    """
    made = today or date.today()
    name = (getattr(scenario, "name", "") or ((results or {}).get("scenario") or {}).get("name")
            or ("unnamed scenario" if results else "none"))
    info = ReportInfo(model.organisation.name, model.organisation.description, str(name), made,
                      (results or {}).get("runs"))
    pages = [Page("title", model.organisation.name, "Organisation and SRE load report")]
    pages.append(summary_page(model, results, today))
    pages += diagram_pages(model)
    pages += metric_pages(model, today)
    pages += finding_pages(model, today)
    if results:
        pages += simulation_pages(results, model.organisation.planning_start, info.scenario)
        if compare:
            from orgmodel.reporting.report_compare import comparison_pages

            pages += comparison_pages([(info.scenario, results), *compare])
        pages += parameter_pages(results, scenario)
    from orgmodel.reporting.report_roster import roster_pages

    pages += roster_pages(model)
    return info, pages


def summary_page(model: OrgModel, results: Mapping[str, Any] | None, today: date | None) -> Page:
    from orgmodel.analysis.findings import find_all
    from orgmodel.analysis.metrics import compute_metrics

    metrics = compute_metrics(model, today)
    lines = [f"{metrics.people:,} people in {len(model.teams):,} teams, {len(model.services):,} "
             f"services on {len(model.platforms)} platforms."]
    if metrics.sre_supported_services:
        lines.append(f"SRE supports {metrics.sre_supported_services} services "
                     f"({percent(metrics.sre_service_share or 0)} of all).")
    findings = find_all(model, today)
    lines.append(f"{len(findings)} findings from the rule catalogue"
                 + (f": {_severity_words(findings)}." if findings else "."))
    take = lines[0]
    if results:
        sentences = headline_sentences(results, model.organisation.planning_start)
        lines += sentences[:3]
        take = sentences[0] if sentences else take
    return Page("bullets", "Summary", take, lines=lines)
