"""Erlang C queueing helpers for ticket desks and embed queues (SIMULATION.md section 6).

Times are in any one unit (hours, seconds) as long as all arguments share it; loads are in Erlangs
(arrival rate x handle time). Erlang B is computed with the inverse recursion
``1/B(n) = 1 + (n/A) / B(n-1)``, which is stable for thousands of agents. A load at or above the
number of agents is unstable: every arrival waits and the mean wait is ``inf``, never negative.
Pure Python, no numpy: these are called a handful of times per result, not per week.
"""

from __future__ import annotations

import math

from orgmodel.core.errors import InvariantError


def _check(agents: int, load: float) -> None:
    if isinstance(agents, bool) or not isinstance(agents, int) or agents < 0:
        raise InvariantError(f"agents must be a whole number of at least 0, not {agents!r}.")
    if not isinstance(load, (int, float)) or math.isnan(load) or load < 0:
        raise InvariantError(f"load must be a number of Erlangs of at least 0, not {load!r}.")


def erlang_b(agents: int, load: float) -> float:
    """Blocking probability of an M/M/N/N system (Erlang B)."""
    _check(agents, load)
    if load == 0:
        return 0.0 if agents > 0 else 1.0
    inverse = 1.0
    for n in range(1, agents + 1):
        inverse = 1.0 + inverse * n / load
    return 1.0 / inverse


def erlang_c(agents: int, load: float) -> float:
    """Probability that an arrival waits (Erlang C); 1.0 when the queue is unstable."""
    _check(agents, load)
    if load == 0:
        return 0.0
    if load >= agents:
        return 1.0
    b = erlang_b(agents, load)
    return agents * b / (agents - load * (1.0 - b))


def service_level(agents: int, load: float, target_time: float, handle_time: float) -> float:
    """Probability that an arrival waits at most ``target_time`` (0.0 when unstable)."""
    if handle_time <= 0 or target_time < 0:
        raise InvariantError("handle_time must be above 0 and target_time at least 0.")
    if load >= agents and load > 0:
        return 0.0
    c = erlang_c(agents, load)
    return 1.0 - c * math.exp(-(agents - load) * target_time / handle_time)


def mean_wait(agents: int, load: float, handle_time: float) -> float:
    """Mean wait in queue (average speed of answer); ``inf`` when unstable."""
    if handle_time <= 0:
        raise InvariantError("handle_time must be above 0.")
    _check(agents, load)
    if load == 0:
        return 0.0
    if load >= agents:
        return math.inf
    return erlang_c(agents, load) * handle_time / (agents - load)


def required_agents(
    load: float, target_time: float, handle_time: float, service_level_goal: float
) -> int:
    """The fewest agents whose service level reaches ``service_level_goal`` (a share 0-1)."""
    _check(0, load)
    if not 0 <= service_level_goal < 1:
        raise InvariantError("service_level_goal must be a share from 0 up to (not including) 1.")
    if load == 0:
        return 0
    agents = max(1, math.floor(load) + 1)
    while service_level(agents, load, target_time, handle_time) < service_level_goal:
        agents += 1
    return agents
