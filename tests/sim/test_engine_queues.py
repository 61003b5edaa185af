"""Embed queues: the oldest-first selection (engine_stocks) against a plain per-run sort."""

from __future__ import annotations

import numpy as np

from orgmodel.sim.engine_state import NONE
from orgmodel.sim.engine_stocks import _oldest_first


def _reference(request: np.ndarray, serve: np.ndarray) -> list[tuple[int, int, int]]:
    out = []
    for run in range(request.shape[0]):
        queued = sorted((int(week), team) for team, week in enumerate(request[run]) if week != NONE)
        out += [(run, team, rank) for rank, (_, team) in enumerate(queued[: int(serve[run])])]
    return out


def test_oldest_first_matches_a_sort_per_run() -> None:
    rng = np.random.default_rng(3)
    for trial in range(200):
        runs, teams = int(rng.integers(1, 8)), int(rng.integers(1, 30))
        weeks = int(rng.integers(1, 40))
        request = rng.integers(0, weeks, (runs, teams))
        request[rng.random((runs, teams)) < rng.random()] = NONE
        pending = np.count_nonzero(request != NONE, axis=1)
        serve = np.minimum(rng.integers(0, 6, runs), pending)
        if not serve.any():
            continue
        in_use = teams if trial % 2 else int(np.max(np.nonzero((request != NONE).any(0))[0], initial=-1)) + 1
        per_week = np.zeros((runs, weeks + 1), dtype=np.int64)
        queued_rows, queued_cols = np.nonzero(request != NONE)
        np.add.at(per_week, (queued_rows, request[queued_rows, queued_cols]), 1)
        rows, cols, rank = _oldest_first(request, per_week, serve, max(in_use, 1), weeks - 1)
        got = list(zip(rows.tolist(), cols.tolist(), rank.tolist(), strict=True))
        assert sorted(got) == sorted(_reference(request, serve)), trial
