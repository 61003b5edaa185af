"""The charts and sentences read what the simulation engine really writes (a short run)."""

from __future__ import annotations

from typing import Any

import pytest

from orgmodel.reporting.charts import CHARTS, chart_takeaway
from orgmodel.reporting.headline import headline_sentences


@pytest.fixture(scope="module")
def real(seed_model: Any) -> dict[str, Any]:
    from orgmodel.sim.montecarlo import run_simulation
    from orgmodel.sim.scenario import load_preset

    result = run_simulation(seed_model, load_preset("baseline"), runs=8, weeks=120, seed=3)
    return result.to_dict()


def test_real_results_follow_the_format_the_charts_expect(real: dict[str, Any]) -> None:
    assert real["format"] == "orgmodel-simulation" and real["weeks"] == 120
    for name in ("sre_ops_fraction", "pages_per_shift", "services_sre", "services_dev",
                 "services_handed_back", "dev_engineers", "sre_engineers", "sre_to_dev_ratio",
                 "platform_maturity", "mean_complexity", "embed_wait_weeks", "ops_overload"):
        assert len(real["series"][name]["p50"]) == 120, name


@pytest.mark.parametrize("key", list(CHARTS))
def test_every_chart_draws_real_results(real: dict[str, Any], key: str) -> None:
    fig = CHARTS[key][0](real)
    texts = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]
    assert not any(t.startswith("No ") and "in these results" in t for t in texts), key
    assert isinstance(chart_takeaway(key, real), str)


def test_real_results_give_an_overload_sentence(real: dict[str, Any]) -> None:
    first = headline_sentences(real)[0]
    assert first.startswith(("SRE passes the 50 % cap in week", "No run passes the cap within"))
