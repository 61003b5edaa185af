"""Results: the JSON of SIMULATION.md section 4, the CSV, reading JSON back, headline sentences."""

from __future__ import annotations

import csv
import io
import json

import pytest

from orgmodel.core.errors import FormatError
from orgmodel.examples import load_example
from orgmodel.sim.engine import SERIES
from orgmodel.sim.montecarlo import run_simulation
from orgmodel.sim.results import STATS, SimulationResult, headline_sentences
from orgmodel.sim.scenario import load_preset

WEEKS = 20


@pytest.fixture(scope="module")
def result() -> SimulationResult:
    return run_simulation(load_example("seed-enterprise"), load_preset("baseline"),
                          runs=12, weeks=WEEKS, seed=2)


def test_json_has_the_shape_of_section_4(result: SimulationResult) -> None:
    data = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert data["format"] == "orgmodel-simulation" and data["version"] == 1
    assert (data["runs"], data["seed"], data["weeks"]) == (12, 2, WEEKS)
    assert data["scenario"]["growth"]["model"] == "linear"
    for name in SERIES:
        assert set(data["series"][name]) == set(STATS), name
        assert all(len(data["series"][name][s]) == WEEKS for s in STATS)
        assert data["series"][name]["p10"] <= data["series"][name]["p90"]
    by_team = data["series"]["sre_ops_fraction_by_team"]
    assert set(by_team) == {"team-sre"} and len(by_team["team-sre"]["p50"]) == WEEKS
    headline = data["headline"]
    for key in ("first_ops_overload_week", "first_handback_week"):
        assert set(headline[key]) == {"p10", "p50", "p90", "share"}
    assert set(headline["peak_sre_ops_fraction"]) == {"p10", "p50", "p90"}
    assert isinstance(headline["max_sustainable_services"], int)
    assert len(headline["handback_probability_by_year"]) == 1
    assert isinstance(data["events"], list)


def test_percentiles_are_ordered_and_in_range(result: SimulationResult) -> None:
    s = result.series["sre_ops_fraction"]
    for week in range(WEEKS):
        assert 0 <= s["p10"][week] <= s["p50"][week] <= s["p90"][week] <= 1
    assert result.series["services_total"]["p50"][0] == 34


def test_csv_has_one_row_per_week_and_name_stat_columns(result: SimulationResult) -> None:
    rows = list(csv.reader(io.StringIO(result.to_csv_text())))
    header = rows[0]
    assert header[0] == "week" and len(rows) == WEEKS + 1
    assert "sre_ops_fraction_p50" in header and "pages_per_shift_mean" in header
    assert "sre_ops_fraction_by_team_team-sre_p90" in header
    assert len(header) == 1 + 4 * (len(result.series) + len(result.by_team))
    column = header.index("services_total_p50")
    assert float(rows[1][column]) == 34


def test_from_dict_round_trip_and_refusals(result: SimulationResult) -> None:
    data = json.loads(json.dumps(result.to_dict()))
    assert SimulationResult.from_dict(data).to_dict() == data
    with pytest.raises(FormatError, match="not an OrgModel simulation"):
        SimulationResult.from_dict({"format": "something-else"})
    with pytest.raises(FormatError, match="version"):
        SimulationResult.from_dict({**data, "version": 99})
    with pytest.raises(FormatError, match="malformed"):
        SimulationResult.from_dict({"format": "orgmodel-simulation", "version": 1})


def test_headline_sentences_and_queueing_extras(result: SimulationResult) -> None:
    lines = headline_sentences(result)
    assert lines[0].startswith("SRE ")
    desk = result.headline["sre_ticket_desk"][0]
    assert desk["week"] == 0 and desk["agents_for_80pct_in_8h"] >= 1
    assert 0 <= desk["p_wait"] <= 1
    auto = result.headline["embed_queues"]["automation"]
    assert auto["engineers"] == 4 and auto["embed_weeks"] == 8


def test_overload_sentence_quotes_the_weeks() -> None:
    data = {"format": "orgmodel-simulation", "version": 1, "scenario": {"sre": {"ops_cap": 0.5}},
            "runs": 10, "seed": 0, "weeks": 104, "series": {}, "events": [],
            "headline": {"first_ops_overload_week": {"p10": 31, "p50": 40, "p90": 52, "share": 0.87},
                         "first_handback_week": {"p10": None, "p50": None, "p90": None, "share": 0.0},
                         "peak_sre_ops_fraction": {"p10": 0.5, "p50": 0.6, "p90": 0.7},
                         "max_sustainable_services": None, "handback_probability_by_year": [0.0, 0.1]}}
    lines = headline_sentences(SimulationResult.from_dict(data))
    assert lines[0] == "SRE passes the 50 % cap in week 40 (P10-P90: 31-52) in 87 % of runs."
    assert lines[1] == "SRE hands no services back."


def test_peak_is_the_highest_overload_window_average_not_a_single_week() -> None:
    import numpy as np

    from orgmodel.sim.results import _rolling_mean

    phi = np.array([[0.2, 0.2, 1.0, 0.2, 0.2, 0.2], [0.6, 0.6, 0.6, 0.6, 0.6, 0.6]])
    means = _rolling_mean(phi, 3)
    assert np.allclose(means[0], [0.2, 0.2, 1.4 / 3, 1.4 / 3, 1.4 / 3, 0.2])
    assert np.allclose(means[1], 0.6)
    assert means.max(axis=1)[0] < phi.max(axis=1)[0]  # one bursty week does not make the peak
