"""The vectorised engine against the per-service pure-Python oracle (benchmarks/oracle_sim.py).

In expected mode both must produce the same weeks: every recorded series within a relative 1e-4
(the engine keeps service state in float32) and identical events. The scenario is chosen so the
whole ladder happens within the horizon: overload, SRE-SWE embed, handback, re-onboarding.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from orgmodel.examples import load_example
from orgmodel.sim.compile import compile_model
from orgmodel.sim.engine import run_block
from orgmodel.sim.scenario import load_preset

ROOT = Path(__file__).resolve().parents[2]


def _oracle():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("oracle_sim", ROOT / "benchmarks" / "oracle_sim.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["oracle_sim"] = module
    spec.loader.exec_module(module)
    return module


LADDER = {"growth.dev_teams_per_quarter": 8.0, "sre.handback_target": 0.15,
          "sre.reonboard_below": 0.45, "sre.overload_window_weeks": 4,
          "sre.handback_after_weeks": 4, "sre.embed_after_weeks": 2}


@pytest.mark.parametrize(("preset", "changes", "weeks"), [
    ("baseline", LADDER, 150),
    ("hire-linearly", {"growth.model": "exponential", "growth.annual_growth": 0.6,
                       "complexity.growth_per_release": 0.05, "load.dev_ticket_share": 0.2}, 80),
    ("baseline", {**LADDER, "headcount.sre_policy": "hire_on_overload",
                  "headcount.hiring_lag_weeks": 3, "headcount.ramp_weeks": 5}, 130),
])
def test_engine_agrees_with_oracle_in_expected_mode(preset: str, changes: dict, weeks: int) -> None:
    oracle = _oracle()
    model = load_example("seed-enterprise")
    params = load_preset(preset).replace(**changes)
    slow = oracle.run_oracle(model, params, runs=1, weeks=weeks, expected=True)[0]
    fast = run_block(compile_model(model, params, weeks), params, 1, weeks, None)
    for name in oracle.RECORDED:
        a, b = np.array(slow.series[name]), fast.series[name][0]
        assert np.allclose(a, b, rtol=1e-4, atol=1e-6), (name, int(np.argmax(~np.isclose(a, b, rtol=1e-4))))
    for team, values in slow.by_team.items():
        assert np.allclose(values, fast.by_team[team][0], rtol=1e-4, atol=1e-6)
    assert slow.r.events == [{k: v for k, v in e.items() if k != "run"} for e in fast.events]
    if preset == "baseline":
        kinds = {e["kind"] for e in fast.events}
        assert {"ops_overload", "handback", "reonboard"} <= kinds


def test_oracle_stochastic_runs_are_plausible() -> None:
    oracle = _oracle()
    model, params = load_example("seed-enterprise"), load_preset("baseline")
    runs = oracle.run_oracle(model, params, runs=3, weeks=20, seed=1)
    phi = np.array([r.series["sre_ops_fraction"] for r in runs])
    assert phi.shape == (3, 20) and (phi > 0).all() and (phi <= 1).all()
    assert len({tuple(r.series["pages_per_shift"]) for r in runs}) == 3
