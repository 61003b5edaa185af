from __future__ import annotations

from datetime import date
from typing import Any

from orgmodel.reporting.headline import (
    handback_by_year,
    handback_year_sentence,
    headline_sentences,
    overload_sentence,
    peak_sentence,
    percent,
)


def _results(**headline: Any) -> dict[str, Any]:
    return {"weeks": 260, "scenario": {"sre": {"ops_cap": 0.5}}, "headline": headline}


def test_overload_sentence_has_median_spread_and_share() -> None:
    r = _results(first_ops_overload_week={"p10": 31, "p50": 40, "p90": 52, "share": 0.87})
    assert overload_sentence(r) == "SRE passes the 50 % cap in week 40 (P10-P90: 31-52) in 87 % of runs."


def test_overload_sentence_names_the_month_when_the_start_is_known() -> None:
    r = _results(first_ops_overload_week={"p10": 31, "p50": 40, "p90": 52, "share": 0.87})
    assert overload_sentence(r, date(2026, 1, 5)).endswith("in 87 % of runs, around Oct 2026.")


def test_never_overloaded_says_so_with_the_horizon() -> None:
    r = _results(first_ops_overload_week={"p10": None, "p50": None, "p90": None, "share": 0.0})
    assert overload_sentence(r) == "No run passes the cap within 5 years."
    r["weeks"] = 100
    assert overload_sentence(r) == "No run passes the cap within 100 weeks."


def test_cap_comes_from_the_scenario() -> None:
    r = _results(first_ops_overload_week={"p10": 1, "p50": 2, "p90": 3, "share": 1.0})
    r["scenario"] = {"sre.ops_cap": 0.4}
    assert overload_sentence(r).startswith("SRE passes the 40 % cap")


def test_percent_never_rounds_to_certainty() -> None:
    assert percent(0.001) == "< 1 %"
    assert percent(0.999) == "> 99 %"
    assert percent(1.0) == "100 %"
    assert percent(0.0) == "0 %"


def test_handback_by_year_accepts_lists_and_mappings() -> None:
    assert handback_by_year(_results(handback_probability_by_year=[0.0, 0.25])) == [(1, 0.0), (2, 0.25)]
    assert handback_by_year(_results(handback_probability_by_year={"2": 0.5, "1": 0.1})) == [(1, 0.1), (2, 0.5)]


def test_handback_year_sentence_skips_the_quiet_years() -> None:
    r = _results(handback_probability_by_year=[0.0, 0.0, 0.3])
    assert handback_year_sentence(r) == (
        "No handback in years 1-2. Chance that SRE has handed services back by the end of year 3: 30 %.")
    assert handback_year_sentence(_results(handback_probability_by_year=[0.0, 0.0])) is None


def test_peak_sentence_reads_percentiles() -> None:
    r = _results(peak_sre_ops_fraction={"p10": 0.5, "p50": 0.7, "p90": 0.9})
    assert peak_sentence(r) == "At its peak, SRE spends 70 % of its time on operations (P10-P90: 50-90 %)."


def test_missing_figures_leave_sentences_out() -> None:
    assert headline_sentences({"weeks": 52, "headline": {}}) == []


def test_synthetic_results_give_the_overload_sentence_first(results: dict[str, Any]) -> None:
    sentences = headline_sentences(results)
    assert sentences[0].startswith("SRE passes the 50 % cap in week ")
