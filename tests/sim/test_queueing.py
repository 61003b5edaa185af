"""Erlang C helpers: the published case, stability for thousands of agents, unstable loads."""

from __future__ import annotations

import math

import pytest

from orgmodel.core.errors import OrgModelError
from orgmodel.sim.queueing import erlang_b, erlang_c, mean_wait, required_agents, service_level


def test_published_erlang_c_case() -> None:
    # 100 calls per 30 minutes, 180 s handling, 20 s target: A = 10 Erlangs.
    load = 100 / 1800 * 180
    assert load == pytest.approx(10.0)
    assert erlang_c(14, load) == pytest.approx(0.174132, abs=1e-6)
    assert service_level(14, load, 20, 180) == pytest.approx(0.888350, abs=1e-6)
    assert mean_wait(14, load, 180) == pytest.approx(7.8359, abs=1e-4)
    assert erlang_c(15, load) == pytest.approx(0.102042, abs=1e-6)


def test_erlang_b_small_case_by_hand() -> None:
    # B(1, A) = A / (1 + A); B(2, A) = A^2/2 / (1 + A + A^2/2)
    assert erlang_b(1, 2.0) == pytest.approx(2 / 3)
    assert erlang_b(2, 2.0) == pytest.approx(2 / 5)


def test_required_agents_reaches_goal_and_one_fewer_does_not() -> None:
    agents = required_agents(10.0, 20, 180, 0.8)
    assert agents == 14
    assert service_level(agents, 10.0, 20, 180) >= 0.8
    assert service_level(agents - 1, 10.0, 20, 180) < 0.8


def test_stable_for_thousands_of_agents() -> None:
    c = erlang_c(5000, 4900.0)
    assert 0.0 < c < 1.0 and math.isfinite(c)
    assert mean_wait(5000, 4900.0, 1.0) > 0


@pytest.mark.parametrize("agents", [5, 4])
def test_unstable_load_is_never_a_negative_wait(agents: int) -> None:
    assert erlang_c(agents, 5.0) == 1.0
    assert mean_wait(agents, 5.0, 3.0) == math.inf
    assert service_level(agents, 5.0, 1.0, 3.0) == 0.0


def test_bad_arguments_are_refused_with_a_sentence() -> None:
    with pytest.raises(OrgModelError, match="agents"):
        erlang_c(-1, 2.0)
    with pytest.raises(OrgModelError, match="load"):
        erlang_c(3, float("nan"))
