"""Headline sentences from simulation results, for chart subtitles, reports and the command line.

Turns the ``headline`` block of a results dict (SIMULATION.md section 4) into plain sentences an
executive reads in one go: "SRE passes the 50 % cap in week 40 (P10-P90: 31-52) in 87 % of
runs", "No run passes the cap within 5 years", handback chances by year. Never invents a figure:
when the results lack one, the sentence is left out.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from orgmodel.reporting.chartdata import WEEKS_PER_YEAR, Results, has_sre, scenario_value

NO_SRE = "The organisation has no SRE engineers in this simulation, so there is no SRE load to forecast."

SHARE_KEYS = ("share", "probability", "fraction", "share_of_runs", "runs_share")


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _share(block: Mapping[str, Any]) -> float | None:
    for key in SHARE_KEYS:
        if key in block:
            return _number(block[key])
    return None


def percent(value: float) -> str:
    """87 %, or '< 1 %' / '> 99 %' near the ends so that rounding never claims certainty."""
    if 0 < value < 0.005:
        return "< 1 %"
    if 0.995 < value < 1:
        return "> 99 %"
    return f"{value * 100:.0f} %"


def horizon(weeks: int) -> str:
    if weeks % WEEKS_PER_YEAR == 0:
        years = weeks // WEEKS_PER_YEAR
        return f"{years} year" + ("s" if years != 1 else "")
    return f"{weeks} weeks"


def week_date(week: float, start: date | None) -> str:
    if start is None:
        return ""
    return (start + timedelta(weeks=float(week))).strftime("%b %Y")


def _first_week_sentence(results: Results, key: str, did: str, never: str,
                         start: date | None) -> str | None:
    block = (results.get("headline") or {}).get(key)
    if not isinstance(block, Mapping):
        return None
    weeks = int(results.get("weeks") or 0)
    share = _share(block)
    p10, p50, p90 = (_number(block.get(k)) for k in ("p10", "p50", "p90"))
    if share == 0 or p50 is None:
        return f"{never} within {horizon(weeks)}." if weeks else f"{never}."
    spread = f" (P10-P90: {p10:.0f}-{p90:.0f})" if p10 is not None and p90 is not None else ""
    runs = f" in {percent(share)} of runs" if share is not None else ""
    label = week_date(p50, start)
    around = f", around {label}" if label else ""
    return f"{did} in week {p50:.0f}{spread}{runs}{around}."


def overload_sentence(results: Results, start: date | None = None) -> str | None:
    """When SRE first passes the ops cap, or that no run does."""
    cap = scenario_value(results, "sre", "ops_cap", 0.5)
    return _first_week_sentence(
        results, "first_ops_overload_week", f"SRE passes the {cap * 100:.0f} % cap",
        "No run passes the cap", start,
    )


def handback_sentence(results: Results, start: date | None = None) -> str | None:
    return _first_week_sentence(
        results, "first_handback_week", "SRE first hands services back to developers",
        "No run hands services back to developers", start,
    )


def handback_by_year(results: Results) -> list[tuple[int, float]]:
    """(year, probability that a handback has happened by its end) from the headline."""
    raw = (results.get("headline") or {}).get("handback_probability_by_year")
    pairs: list[tuple[int, float]] = []
    if isinstance(raw, Mapping):
        items: Sequence[tuple[Any, Any]] = list(raw.items())
    elif isinstance(raw, Sequence):
        items = [(i + 1, v) for i, v in enumerate(raw)]
    else:
        return []
    for year, value in items:
        number = _number(value)
        year_number = _number(year)
        if number is not None and year_number is not None:
            pairs.append((int(year_number), number))
    return sorted(pairs)


def handback_year_sentence(results: Results) -> str | None:
    pairs = handback_by_year(results)
    if not pairs:
        return None
    if all(p == 0 for _, p in pairs):
        return None
    first = next(i for i, (_, p) in enumerate(pairs) if p > 0)
    parts = "; ".join(f"year {year}: {percent(p)}" for year, p in pairs[first:])
    sentence = f"Chance that SRE has handed services back by the end of {parts}."
    if first == 1:
        return f"No handback in year 1. {sentence}"
    if first > 1:
        return f"No handback in years 1-{pairs[first - 1][0]}. {sentence}"
    return sentence


def peak_sentence(results: Results) -> str | None:
    raw = (results.get("headline") or {}).get("peak_sre_ops_fraction")
    if isinstance(raw, Mapping):
        peak, low, high = (_number(raw.get(k)) for k in ("p50", "p10", "p90"))
    else:
        peak, low, high = _number(raw), None, None
    if peak is None:
        return None
    spread = (f" (P10-P90: {low * 100:.0f}-{high * 100:.0f} %)"
              if low is not None and high is not None else "")
    return f"At its peak, SRE spends {percent(peak)} of its time on operations{spread}."


def capacity_sentence(results: Results) -> str | None:
    services = _number((results.get("headline") or {}).get("max_sustainable_services"))
    if services is None:
        return None
    cap = scenario_value(results, "sre", "ops_cap", 0.5)
    return (f"At today's hours per service, SRE can hold about {services:.0f} services "
            f"at the {cap * 100:.0f} % cap.")


def headline_sentences(results: Results, start: date | None = None) -> list[str]:
    """Every headline sentence the results support, most important first."""
    if not has_sre(results):
        return [NO_SRE]
    candidates = (
        overload_sentence(results, start),
        handback_sentence(results, start),
        handback_year_sentence(results),
        peak_sentence(results),
        capacity_sentence(results),
    )
    return [sentence for sentence in candidates if sentence]
