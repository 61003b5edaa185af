"""Synthetic simulation results that follow SIMULATION.md section 4 exactly, for chart tests.

The shapes are plausible rather than simulated: SRE ops load rises with growth and crosses the
50 % cap, handbacks follow the overload, headcount and services grow, platform maturity climbs.
``growth`` scales how fast things happen so that comparisons between scenarios differ visibly.
Not a model of anything: a fixture generator, deterministic for a given seed.
"""

from __future__ import annotations

from typing import Any

import numpy as np

SERIES_NAMES = (
    "sre_ops_fraction", "sre_engineering_hours", "sre_oncall_fraction", "pages_per_shift",
    "pager_budget_exceeded", "ticket_backlog_hours", "services_total", "services_sre",
    "services_dev", "services_handed_back", "dev_teams", "dev_engineers", "sre_engineers",
    "platform_engineers", "automation_engineers", "sre_to_dev_ratio", "services_per_sre",
    "dev_ops_fraction", "dev_hours_lost_to_ops", "embed_queue_length", "embed_wait_weeks",
    "platform_maturity", "mean_complexity", "ops_overload",
)


def _stats(runs: np.ndarray) -> dict[str, list[float]]:
    return {
        "mean": runs.mean(axis=0).round(6).tolist(),
        "p10": np.percentile(runs, 10, axis=0).round(6).tolist(),
        "p50": np.percentile(runs, 50, axis=0).round(6).tolist(),
        "p90": np.percentile(runs, 90, axis=0).round(6).tolist(),
    }


def _scenario(weeks: int, runs: int, seed: int, cap: float, budget: float) -> dict[str, Any]:
    return {
        "weeks": weeks, "runs": runs, "seed": seed, "mode": "stochastic",
        "growth": {"model": "linear", "dev_teams_per_quarter": 2, "team_size": 7},
        "load": {"incidents_per_week": 0.1, "incident_hours": 6.0},
        "oncall": {"oncall_engineers": 2, "max_incidents_per_shift": budget},
        "sre": {"ops_cap": cap, "overload_window_weeks": 13, "handback": True},
        "platform": {"maturity_start": 0.2},
    }


def _first_week_stats(weeks_hit: np.ndarray, runs: int) -> dict[str, float | None]:
    hit = weeks_hit[weeks_hit >= 0]
    if hit.size == 0:
        return {"p10": None, "p50": None, "p90": None, "share": 0.0}
    p10, p50, p90 = np.percentile(hit, [10, 50, 90])
    return {"p10": float(p10), "p50": float(p50), "p90": float(p90), "share": hit.size / runs}


def make_results(
    *, weeks: int = 260, runs: int = 200, seed: int = 1, growth: float = 1.0,
    cap: float = 0.5, budget: float = 2.0, teams: tuple[str, ...] = ("sre-core", "sre-data"),
) -> dict[str, Any]:
    """A results dict in the section 4 format; ``growth`` 0 means nothing ever overloads."""
    rng = np.random.default_rng(seed)
    t = np.arange(weeks, dtype=float)
    slope = rng.normal(1.0, 0.25, size=(runs, 1)).clip(0.3) * growth
    noise = rng.normal(0.0, 0.03, size=(runs, weeks))
    raw = 0.30 + 0.0045 * slope * t + noise
    first_over = np.argmax(raw > cap + 0.02, axis=1)
    ever = (raw > cap + 0.02).any(axis=1)
    relief = np.where(ever[:, None] & (t[None, :] > first_over[:, None] + 26), 0.12, 0.0)
    phi = np.clip(raw - relief, 0.05, 1.0)
    overload = (phi > cap).astype(float)
    handback_week = np.where(ever, first_over + 26, -1)
    handback_week[handback_week >= weeks] = -1
    dev_teams = 12 + np.floor(t[None, :] / 13 * 2 * growth) + 0 * slope
    dev_eng = dev_teams * 7
    sre = np.full((runs, weeks), 10.0)
    services = dev_teams * 3 + 0.02 * t
    handed = np.where((handback_week[:, None] >= 0) & (t[None, :] >= handback_week[:, None]),
                      np.minimum(1 + (t[None, :] - handback_week[:, None]) / 20, 12), 0).round()
    services_sre = np.clip(services * 0.4 - handed, 0, None).round()
    pages = np.clip(0.6 + 0.008 * slope * t + rng.gamma(2.0, 0.25, size=(runs, weeks)) - 0.5, 0, None)
    maturity = 1 - 0.8 * np.exp(-t / (90 / max(growth, 0.2)))[None, :] + 0 * slope
    complexity = 1 + 0.002 * slope * t
    queue = np.clip(rng.poisson(1.0 + 0.01 * growth * t, size=(runs, weeks)), 0, None).astype(float)
    arrays = {
        "sre_ops_fraction": phi, "sre_engineering_hours": sre * 40 * (1 - phi),
        "sre_oncall_fraction": 2 / sre, "pages_per_shift": pages,
        "pager_budget_exceeded": np.clip((pages - 1) / 3, 0, 1),
        "ticket_backlog_hours": np.clip((phi - cap) * 400, 0, None),
        "services_total": services, "services_sre": services_sre,
        "services_dev": services - services_sre, "services_handed_back": handed,
        "dev_teams": dev_teams, "dev_engineers": dev_eng, "sre_engineers": sre,
        "platform_engineers": np.full((runs, weeks), 4.0),
        "automation_engineers": np.full((runs, weeks), 3.0),
        "sre_to_dev_ratio": sre / dev_eng, "services_per_sre": services_sre / sre,
        "dev_ops_fraction": 0.1 + 0.2 * handed / 12, "dev_hours_lost_to_ops": handed * 15,
        "embed_queue_length": queue, "embed_wait_weeks": queue * 1.5,
        "platform_maturity": maturity, "mean_complexity": complexity, "ops_overload": overload,
    }
    series: dict[str, Any] = {name: _stats(np.asarray(arrays[name], dtype=float)) for name in SERIES_NAMES}
    series["ops_overload"] = {k: overload.mean(axis=0).tolist() for k in ("mean", "p10", "p50", "p90")}
    series["sre_ops_fraction_by_team"] = {
        team: _stats(np.clip(phi + (i - 0.5) * 0.1, 0, 1)) for i, team in enumerate(teams)
    }
    events = [
        {"week": int(w), "kind": "handback", "team": teams[0], "services": [f"svc-{r}"], "run": r}
        for r, w in enumerate(handback_week) if w >= 0
    ]
    years = max(1, weeks // 52)
    by_year = [float(((handback_week >= 0) & (handback_week < 52 * (y + 1))).mean()) for y in range(years)]
    mean_hours = 20.0
    headline = {
        "first_ops_overload_week": _first_week_stats(np.where(ever, first_over + 13, -1), runs),
        "first_handback_week": _first_week_stats(handback_week, runs),
        "peak_sre_ops_fraction": float(np.percentile(phi.max(axis=1), 50)),
        "max_sustainable_services": float(10 * 40 * cap / mean_hours),
        "handback_probability_by_year": by_year,
    }
    return {
        "format": "orgmodel-simulation", "version": 1,
        "scenario": _scenario(weeks, runs, seed, cap, budget),
        "runs": runs, "seed": seed, "weeks": weeks,
        "series": series, "headline": headline, "events": events,
    }
