"""Report pages that compare scenarios: a table of headline figures and charts side by side.

The question the seed asks (does investing in platform self-service beat hiring SREs in
proportion to developers?) is answered by putting two or three simulated scenarios next to each
other: ``comparison_pages([(label, results), ...])`` gives a table of their headline figures
and the comparison charts (SRE load, services by support, headcount), each with its takeaway.
Pure data like ``report_content``; the writers draw them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from orgmodel.reporting.chartdata import MAX_COMPARED
from orgmodel.reporting.headline import handback_by_year, percent
from orgmodel.reporting.report_content import Page, Table

Labelled = Sequence[tuple[str, Mapping[str, Any]]]
COMPARED_CHARTS = ("ops_fraction", "services", "headcount")


def _first(results: Mapping[str, Any], key: str) -> str:
    block = (results.get("headline") or {}).get(key) or {}
    share, week = block.get("share"), block.get("p50")
    if share is None:
        return "–"
    if not share or week is None:
        return "never"
    return f"week {week:.0f} ({percent(float(share))} of runs)"


def _peak(results: Mapping[str, Any]) -> str:
    peak = (results.get("headline") or {}).get("peak_sre_ops_fraction")
    value = peak.get("p50") if isinstance(peak, Mapping) else peak
    return "–" if value is None else percent(float(value))


def _final(results: Mapping[str, Any], name: str, stat: str = "p50") -> str:
    values = (results.get("series") or {}).get(name, {}).get(stat) or []
    return "–" if not values or values[-1] is None else f"{values[-1]:,.0f}"


def _handback_by_end(results: Mapping[str, Any]) -> str:
    pairs = handback_by_year(results)
    return percent(pairs[-1][1]) if pairs else "–"


def headline_table(compared: Labelled) -> Table:
    rows = [[label, _first(r, "first_ops_overload_week"), _first(r, "first_handback_week"),
             _peak(r), _handback_by_end(r), _final(r, "sre_engineers"), _final(r, "dev_engineers")]
            for label, r in compared]
    return Table(["Scenario", "SRE first over the cap (median)", "First handback (median)",
                  "Peak SRE ops load", "Handback by the end", "SREs at the end",
                  "Developers at the end"], rows, [2.2, 2.6, 2.6, 1.5, 1.6, 1.4, 1.6],
                 ["l", "l", "l", "r", "r", "r", "r"])


def _takeaway(compared: Labelled) -> str:
    """Which scenario keeps SRE under the cap longest (never beats any week)."""
    def when(results: Mapping[str, Any]) -> float:
        block = (results.get("headline") or {}).get("first_ops_overload_week") or {}
        if not block.get("share") or block.get("p50") is None:
            return float("inf")
        return float(block["p50"])

    ranked = sorted(compared, key=lambda pair: when(pair[1]), reverse=True)
    best_label, best = ranked[0]
    if when(best) == float("inf"):
        never = [label for label, r in compared if when(r) == float("inf")]
        if len(never) == len(compared):
            return "No scenario takes SRE past the cap within the horizon."
        return f"SRE stays under the cap throughout with: {', '.join(never)}."
    return f"{best_label} keeps SRE under the cap longest (median week {when(best):.0f})."


def comparison_pages(compared: Labelled) -> list[Page]:
    """A headline table and the comparison charts for two or three labelled results."""
    from orgmodel.reporting.charts import chart_takeaway
    from orgmodel.reporting.report_content import CHART_TITLES

    compared = list(compared)[:MAX_COMPARED]
    if len(compared) < 2:
        return []
    pages = [Page("table", "Scenarios compared", _takeaway(compared), table=headline_table(compared))]
    for key in COMPARED_CHARTS:
        pages.append(Page("chart", f"{CHART_TITLES[key]}: scenarios compared",
                          chart_takeaway(key, compared), chart=key, results=compared))
    return pages
