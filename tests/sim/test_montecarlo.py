"""Monte Carlo: agreement with expected mode, seeds, blocks and workers, progress, cancellation."""

from __future__ import annotations

import numpy as np
import pytest

from orgmodel.core.entities import ServiceLoad
from orgmodel.examples import load_example
from orgmodel.sim.engine import BLOCK_SIZE
from orgmodel.sim.montecarlo import SimulationCancelled, block_sizes, run_simulation
from orgmodel.sim.scenario import ScenarioError, load_preset

from .conftest import build_org, still

# 12 SREs (480 h), 20 services: ~191 h of interrupts a week, far from both the 80 h on-call
# floor and the 480 h ceiling, so the ops fraction is linear in the draws and its mean must
# equal the expected-mode value. Overload flags (possible with bursty pages) change nothing here:
# complexity is frozen, there is no SRE-SWE to embed and a handback would come after week 26.
LOAD = ServiceLoad(incidents_per_week=0.5, tickets_per_week=2.0, toil_hours=2.0, releases_per_week=1.0)


def _pair(dispersion: str):  # type: ignore[no-untyped-def]
    model = build_org(sre_people=12, services=20, load=LOAD)
    params = still(f"[load]\npage_dispersion = {dispersion}", weeks=26)
    expected = run_simulation(model, params)
    stochastic = run_simulation(model, params, mode="stochastic", runs=200, seed=11)
    return expected, stochastic


@pytest.mark.parametrize("dispersion", ["inf", "1.0"])
def test_monte_carlo_mean_agrees_with_expected_mode(dispersion: str) -> None:
    expected, stochastic = _pair(dispersion)
    assert expected.runs == 1 and stochastic.runs == 200
    e_phi = np.array(expected.series["sre_ops_fraction"]["mean"])
    s_phi = np.array(stochastic.series["sre_ops_fraction"]["mean"])
    assert e_phi == pytest.approx(191.0 / 480, rel=1e-6)
    # tolerance: 26 weeks x 200 runs, sd of one week's phi ~0.05 (NB pages: ~0.08) -> se < 0.001
    assert abs(s_phi.mean() - e_phi.mean()) < 0.01
    e_pages = np.array(expected.series["pages_per_shift"]["mean"])
    s_pages = np.array(stochastic.series["pages_per_shift"]["mean"])
    assert abs(s_pages.mean() - e_pages.mean()) < 0.03
    if dispersion == "inf":  # Poisson: the 13-week mean is ~8 standard deviations under the cap
        assert stochastic.headline["first_ops_overload_week"]["share"] == 0.0


def test_negative_binomial_pages_are_burstier_than_poisson() -> None:
    _, poisson = _pair("inf")
    _, bursty = _pair("1.0")

    def spread(result) -> float:  # type: ignore[no-untyped-def]
        s = result.series["pages_per_shift"]
        return float(np.mean(np.array(s["p90"]) - np.array(s["p10"])))

    assert spread(bursty) > 1.5 * spread(poisson)


def test_results_do_not_depend_on_worker_count() -> None:
    model, params = load_example("seed-enterprise"), load_preset("baseline")
    runs = BLOCK_SIZE * 2 + 7
    one = run_simulation(model, params, runs=runs, weeks=30, seed=5, workers=1)
    two = run_simulation(model, params, runs=runs, weeks=30, seed=5, workers=2)
    assert one.to_dict() == two.to_dict()
    other = run_simulation(model, params, runs=runs, weeks=30, seed=6, workers=1)
    assert other.to_dict()["series"] != one.to_dict()["series"]


def test_blocks_are_fixed_by_the_engine() -> None:
    assert block_sizes(BLOCK_SIZE * 2 + 1) == [BLOCK_SIZE, BLOCK_SIZE, 1]
    assert block_sizes(3) == [3]


def test_progress_and_cancel_between_blocks() -> None:
    model, params = load_example("startup"), load_preset("baseline")
    seen: list[tuple[int, int]] = []
    run_simulation(model, params, runs=BLOCK_SIZE * 2, weeks=5, progress=lambda d, n: seen.append((d, n)))
    assert seen == [(1, 2), (2, 2)]
    with pytest.raises(SimulationCancelled):
        run_simulation(model, params, runs=BLOCK_SIZE * 3, weeks=5, cancel=lambda: len(seen) >= 3,
                       progress=lambda d, n: seen.append((d, n)))
    assert len(seen) == 3  # one block ran, then the cancel was honoured


def test_parallel_cancel() -> None:
    model, params = load_example("startup"), load_preset("baseline")
    with pytest.raises(SimulationCancelled):
        run_simulation(model, params, runs=BLOCK_SIZE * 3, weeks=5, workers=2, cancel=lambda: True)


def test_bad_overrides_are_refused_with_the_key() -> None:
    model, params = load_example("startup"), load_preset("baseline")
    with pytest.raises(ScenarioError, match="runs"):
        run_simulation(model, params, runs=0)
    with pytest.raises(ScenarioError, match="mode"):
        run_simulation(model, params, mode="random")
    with pytest.raises(ScenarioError, match="workers"):
        run_simulation(model, params, workers=0)
