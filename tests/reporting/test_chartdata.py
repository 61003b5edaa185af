from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from orgmodel.reporting.chartdata import as_runs, overload_spans, scenario_value, spans


def test_spans_finds_contiguous_runs() -> None:
    assert spans(np.array([0, 1, 1, 0, 1], dtype=bool)) == [(1, 3), (4, 5)]
    assert spans(np.zeros(4, dtype=bool)) == []


def test_overload_spans_use_the_share_of_runs(results: dict[str, Any]) -> None:
    run = as_runs(results)[0]
    share = np.asarray(results["series"]["ops_overload"]["mean"])
    found = overload_spans(run)
    assert found, "the synthetic results overload"
    for start, end in found:
        assert (share[start:end] > 0.5).all()
    inside = {w for a, b in found for w in range(a, b)}
    assert all(share[w] <= 0.5 for w in range(len(share)) if w not in inside)


def test_at_most_three_scenarios(results: dict[str, Any]) -> None:
    assert [r.label for r in as_runs([("a", results), ("b", results)])] == ["a", "b"]
    with pytest.raises(ValueError):
        as_runs([(str(i), results) for i in range(4)])
    with pytest.raises(ValueError):
        as_runs([])


def test_scenario_value_nested_dotted_and_default() -> None:
    assert scenario_value({"scenario": {"oncall": {"max_incidents_per_shift": 3}}}, "oncall",
                          "max_incidents_per_shift", 2.0) == 3.0
    assert scenario_value({"scenario": {"oncall.max_incidents_per_shift": 4}}, "oncall",
                          "max_incidents_per_shift", 2.0) == 4.0
    assert scenario_value({}, "oncall", "max_incidents_per_shift", 2.0) == 2.0
