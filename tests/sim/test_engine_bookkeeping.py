"""State the engine keeps up to date (counts, sums) against the same figures recomputed each week."""

from __future__ import annotations

import numpy as np
import pytest

from orgmodel.examples import load_example
from orgmodel.sim import engine
from orgmodel.sim.compile import compile_model
from orgmodel.sim.engine_state import NONE, State, sum_exactly, sums_exactly
from orgmodel.sim.engine_stocks import _oldest_first
from orgmodel.sim.scenario import load_preset, scenario_from_document


def _check(st: State, team_fte: np.ndarray) -> None:
    auto = np.count_nonzero(st.auto_request != NONE, axis=1)
    perf = np.count_nonzero(st.perf_request != NONE, axis=1)
    assert np.array_equal(st.auto_waiting, auto)
    assert np.array_equal(st.perf_waiting, perf)
    assert np.array_equal(st.auto_busy, np.count_nonzero(st.auto_end != NONE, axis=1))
    # NONE is -1: adding the counts back removes the -1 of every empty slot from the sums
    weeks = st.auto_request.sum(1) + st.perf_request.sum(1) + (2 * st.teams - auto - perf)
    assert np.array_equal(st.waiting_weeks, weeks)
    assert np.array_equal(st.dev_teams, np.count_nonzero(st.dev_active, axis=1))
    assert st.dev_fte is not None  # whole FTE: kept
    assert np.array_equal(st.dev_fte, np.where(st.dev_active, team_fte, 0.0).sum(axis=1))
    for queued, oldest in ((st.auto_queued, st.auto_oldest), (st.perf_queued, st.perf_oldest)):
        assert not queued[:, :oldest].any()


@pytest.mark.parametrize("scenario", ["baseline", "Growth push"])
def test_kept_counts_match_the_state(monkeypatch: pytest.MonkeyPatch, scenario: str) -> None:
    model = load_example("seed-enterprise")  # document embeds, handbacks with "Growth push"
    params = (load_preset("baseline") if scenario == "baseline"
              else scenario_from_document(model, scenario)).replace(mode="stochastic")
    record = engine._record
    seen = []

    def checked(rec, st, cm, p, wk, flags, t):  # type: ignore[no-untyped-def]
        _check(st, cm.team_fte)
        seen.append(t)
        record(rec, st, cm, p, wk, flags, t)

    monkeypatch.setattr(engine, "_record", checked)
    weeks = 208
    raw = engine.run_block(compile_model(model, params, weeks), params, 20, weeks, np.random.default_rng(4))
    assert seen == list(range(weeks))
    if scenario != "baseline":  # services went back to the developers
        assert "handback" in {e["kind"] for e in raw.events}


def test_oldest_first_from_the_oldest_week_and_unranked() -> None:
    rng = np.random.default_rng(5)
    for _ in range(200):
        runs, teams, weeks = int(rng.integers(1, 8)), int(rng.integers(1, 30)), int(rng.integers(2, 40))
        oldest = int(rng.integers(0, weeks))
        request = rng.integers(oldest, weeks, (runs, teams))
        request[rng.random((runs, teams)) < rng.random()] = NONE
        per_week = np.zeros((runs, weeks + 1), dtype=np.int64)
        queued_rows, queued_cols = np.nonzero(request != NONE)
        np.add.at(per_week, (queued_rows, request[queued_rows, queued_cols]), 1)
        serve = np.minimum(rng.integers(0, 6, runs), np.count_nonzero(request != NONE, axis=1))
        if not serve.any():
            continue
        full = _oldest_first(request, per_week, serve, teams, weeks - 1)
        windowed = _oldest_first(request, per_week, serve, teams, weeks - 1, oldest)
        unranked = _oldest_first(request, per_week, serve, teams, weeks - 1, oldest, ranked=False)
        for a, b in zip(full, windowed, strict=True):
            assert np.array_equal(a, b)
        assert sorted(zip(full[0].tolist(), full[1].tolist(), strict=True)) == sorted(
            zip(unranked[0].tolist(), unranked[1].tolist(), strict=True))


def test_sum_exactly() -> None:
    assert sum_exactly(np.array([5.0, 6.5, 0.25, 8.0]))
    assert not sum_exactly(np.array([5.0, 0.1]))
    assert not sum_exactly(np.array([5.0, -1.0]))


def test_sums_exactly() -> None:
    for value in (0.0, 1.0, 0.5, 3.0, 6.25, 2.0**-30):
        assert sums_exactly(value)
        total = 0.0
        for _ in range(1000):
            total += value
        assert total == 1000 * value
    for value in (0.1, 1.0 / 3.0, -1.0):
        assert not sums_exactly(value)
