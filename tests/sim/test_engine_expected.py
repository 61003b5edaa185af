"""The engine in expected mode against hand arithmetic: demand, capacity, flags, handback, growth.

The organisation: SRE team of 4 (160 h a week, one rotation: on-call floor 2 x 40 = 80 h)
supporting 10 services owned by a software team of 6 (240 h). Each service: 0.4 incidents x 6 h,
1 ticket x 2 h (10 % to the developers), 3 h toil, 2 releases x 0.75 h review.
"""

from __future__ import annotations

import math

import pytest

from orgmodel.core.entities import ServiceLoad
from orgmodel.sim.compile import compile_model
from orgmodel.sim.engine import run_block
from orgmodel.sim.montecarlo import run_simulation

from .conftest import build_org, still

LOAD = ServiceLoad(incidents_per_week=0.4, tickets_per_week=1.0, toil_hours=3.0, releases_per_week=2.0)
HAND = "[load]\ndev_ticket_share = 0.1\n"


def _raw(model, params, weeks=None):  # type: ignore[no-untyped-def]
    weeks = weeks or params.weeks
    return run_block(compile_model(model, params, weeks), params, 1, weeks, None)


def test_week_zero_and_one_by_hand() -> None:
    raw = _raw(build_org(load=LOAD), still(HAND), 2)
    s = raw.series
    # SRE: incidents 10 x 0.4 x 6 = 24 h; tickets 10 x 1 x 0.9 x 2 = 18 h; toil 30 h; reviews 15 h
    interrupt = 24 + 18 + 30 + 15
    for week in (0, 1):
        assert s["sre_ops_fraction"][0, week] == pytest.approx(interrupt / 160)
        assert s["sre_engineering_hours"][0, week] == pytest.approx(160 - interrupt)
        assert s["pages_per_shift"][0, week] == pytest.approx(4 / 14)
        assert s["sre_oncall_fraction"][0, week] == pytest.approx(2 / 4)
        assert s["services_per_sre"][0, week] == pytest.approx(10 / 4)
        assert s["sre_to_dev_ratio"][0, week] == pytest.approx(4 / 6)
        # developers: 1 ticket x 2 h, no dev-supported service so no rotation and no floor
        assert s["dev_hours_lost_to_ops"][0, week] == pytest.approx(2.0)
        assert s["dev_ops_fraction"][0, week] == pytest.approx(2 / 240)
    lam = 4 / 14
    tail = 1 - math.exp(-lam) * (1 + lam + lam**2 / 2)
    assert s["pager_budget_exceeded"][0, 0] == pytest.approx(tail)
    assert raw.by_team["sre"][0, 1] == pytest.approx(interrupt / 160)


def test_on_call_floor_and_backlog_carry() -> None:
    light = ServiceLoad(incidents_per_week=0.0, tickets_per_week=0.0, toil_hours=1.0, releases_per_week=0.0)
    s = _raw(build_org(load=light), still(), 1).series
    assert s["sre_ops_fraction"][0, 0] == pytest.approx(80 / 160)  # 10 h of toil, 80 h floor
    heavy = ServiceLoad(incidents_per_week=0.0, tickets_per_week=0.0, toil_hours=20.0, releases_per_week=0.0)
    s = _raw(build_org(load=heavy), still(), 3).series
    # 200 h of toil a week against 160 h: 40 h carried, then 80 h ...
    assert list(s["ticket_backlog_hours"][0]) == pytest.approx([40.0, 80.0, 120.0])
    assert list(s["sre_ops_fraction"][0]) == pytest.approx([1.0, 1.0, 1.0])
    assert s["sre_engineering_hours"][0, 0] == 0.0


def test_overload_flag_then_handback_by_hand() -> None:
    params = still(HAND, weeks=60)
    result = run_simulation(build_org(load=LOAD), params)
    s = result.series
    # phi = 87/160 > 0.5 every week: the 13-week mean first exists (and is over) in week 12
    assert s["ops_overload"]["mean"][11] == 0.0 and s["ops_overload"]["mean"][12] == 1.0
    assert result.headline["first_ops_overload_week"] == {"p10": 12, "p50": 12, "p90": 12, "share": 1.0}
    # handback at 12 + 26 = 38: 7 h above max(0.4 x 160, 80 h floor); one service of 8.7 h goes back
    assert result.headline["first_handback_week"]["p50"] == 38
    assert s["services_handed_back"]["mean"][37] == 0 and s["services_handed_back"]["mean"][38] == 1
    assert s["services_sre"]["mean"][38] == 9 and s["services_dev"]["mean"][38] == 1
    handbacks = [e for e in result.events if e["kind"] == "handback"]
    assert handbacks == [{"week": 38, "kind": "handback", "team": "sre", "services": ["svc0"], "run": 0}]
    # afterwards SRE sits on its floor (80 h = 0.5, not above the cap) and the flag clears
    assert s["sre_ops_fraction"]["mean"][39] == pytest.approx(0.5)
    assert s["ops_overload"]["mean"][38 + 13] == 0.0
    # the developers now carry a pager: their floor of 80 h out of 240 h
    assert s["dev_ops_fraction"]["mean"][39] == pytest.approx(80 / 240)


def test_no_handback_when_disabled() -> None:
    result = run_simulation(build_org(load=LOAD), still(HAND + "[sre]\nhandback = false", weeks=60))
    assert result.headline["first_handback_week"]["share"] == 0.0
    assert result.series["services_handed_back"]["mean"][-1] == 0


def test_linear_growth_counts_from_accumulators() -> None:
    params = still("[growth]\nmodel = \"linear\"\ndev_teams_per_quarter = 2.0\n"
                   "services_per_new_team = 3.0\nnew_service_support = \"dev\"", weeks=40)
    s = _raw(build_org(load=LOAD), params).series
    for week in range(40):
        added = math.floor(2 * week / 13 + 1e-9)
        assert s["dev_teams"][0, week] == 1 + added
        assert s["services_total"][0, week] == 10 + 3 * added
        assert s["dev_engineers"][0, week] == 6 + 7 * added


def test_existing_teams_create_services_and_tier_one_goes_to_sre() -> None:
    params = still("[growth]\nnew_services_per_team_per_week = 0.25\n"
                   "new_service_support = \"sre_if_tier1\"\ntier1_share = 0.5", weeks=30)
    s = _raw(build_org(load=LOAD, sre_supported=False), params).series
    for week in range(30):
        new = math.floor(0.25 * week + 1e-9)
        assert s["services_total"][0, week] == 10 + new
        assert s["services_sre"][0, week] == new // 2  # every second new service is tier 1


def test_platform_release_starts_migrations() -> None:
    params = still("[platform]\nversion_cadence_weeks = 5\nversions_supported = 1\n"
                   "migration_hours = 13.0\n[load]\ntoil_hours = 0.0\nincidents_per_week = 0.0\n"
                   "tickets_per_week = 0.0\nreleases_per_week = 0.0", weeks=30)
    s = _raw(build_org(services=4, sre_people=10), params).series
    # from week 5: 4 services x 13 h / 13 weeks = 4 h a week (below the on-call floor, so read the
    # expected SRE interrupt hours rather than the ops fraction)
    assert s["sre_interrupt_hours"][0, 4] == 0.0
    assert s["sre_interrupt_hours"][0, 5] == pytest.approx(4.0)
    assert s["sre_interrupt_hours"][0, 17] == pytest.approx(4.0)
    assert s["sre_interrupt_hours"][0, 18] == 0.0  # 13 weeks later the services are current


def test_hire_on_overload_adds_ramped_engineers_later() -> None:
    params = still(HAND + "[sre]\nhandback = false\n[headcount]\n"
                   "sre_policy = \"hire_on_overload\"\nhiring_lag_weeks = 4\nramp_weeks = 6", weeks=60)
    s = _raw(build_org(load=LOAD), params).series
    # flagged in week 12; stocks come before flags in the week, so the first requisition is in
    # week 13, then one per hiring lag (17, 21, ...); each counts 4 + 6 weeks after it was opened
    assert s["sre_engineers"][0, 22] == 4 and s["sre_engineers"][0, 23] == 5
    assert s["sre_engineers"][0, 26] == 5 and s["sre_engineers"][0, 27] == 6


def test_flags_pager_rotation_backlog() -> None:
    pager = ServiceLoad(incidents_per_week=3.0, tickets_per_week=0.0, toil_hours=0.0, releases_per_week=0.0)
    s = _raw(build_org(load=pager, sre_people=20), still(), 4).series
    # 30 incidents a week over 14 shifts = 2.14 > 2 per shift; the 3-week mean exists from week 2
    assert list(s["pager_overload"][0]) == [0.0, 0.0, 1.0, 1.0]
    assert list(s["rotation_understaffed"][0]) == [0.0] * 4  # 20 people on one site
    assert _raw(build_org(load=LOAD), still(), 1).series["rotation_understaffed"][0, 0] == 1.0
    heavy = ServiceLoad(incidents_per_week=0.0, tickets_per_week=0.0, toil_hours=20.0, releases_per_week=0.0)
    s = _raw(build_org(load=heavy), still(), 4).series
    assert list(s["ticket_backlog"][0]) == [0.0, 0.0, 1.0, 1.0]  # backlog three weeks running


def test_ladder_embeds_an_sre_swe_then_hands_back() -> None:
    from orgmodel.core.entities import Person
    from orgmodel.core.kinds import Role

    model = build_org(load=LOAD, services=12)
    model.add(Person("swe", "SRE-SWE", Role.SRE_SWE, team="sre"))
    result = run_simulation(model, still(HAND, weeks=45))
    phi = result.series["sre_ops_fraction"]["mean"]
    interrupt = 12 * 8.7  # hours a week, as in the hand case above
    assert phi[25] == pytest.approx(interrupt / 200)
    # flagged in week 12; in week 12 + 13 the SRE-SWE embeds for 6 weeks: N = 4 from week 26 to 31
    assert phi[26] == pytest.approx(interrupt / 160) and phi[31] == pytest.approx(interrupt / 160)
    assert phi[32] == pytest.approx(interrupt / 200)
    # week 38: 24.4 h above max(0.4 x 200, 80): three services of 8.7 h go back
    back = [e for e in result.events if e["kind"] == "handback"]
    assert back == [{"week": 38, "kind": "handback", "team": "sre", "services": ["svc0", "svc1", "svc2"],
                     "run": 0}]
