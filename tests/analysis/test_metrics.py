"""compute_metrics / metrics_to_dict on hand-built organisations with known answers."""

from __future__ import annotations

import json
from datetime import date

import pytest

from orgmodel.analysis.metrics import compute_metrics, metrics_to_dict
from orgmodel.core.kinds import Role, TeamKind
from orgmodel.core.model import OrgModel
from tests.analysis.conftest import TODAY, Org


def _org(org: Org) -> Org:
    org.team("eng", TeamKind.GROUP, size=0)
    org.team("pay", size=0, parent="eng")
    org.team("web", size=0, parent="eng")
    org.team("plat", TeamKind.PLATFORM, size=2, parent="eng")
    org.team("sre", TeamKind.SRE, size=0, parent="eng")
    boss = org.person("eng", Role.MANAGER, pid="boss")
    lead = org.person("pay", Role.MANAGER, pid="lead", manager=boss)
    for _ in range(4):
        org.person("pay", manager=lead)
    for _ in range(4):
        org.person("web", fte=0.5, manager=boss)
    org.person("plat", Role.AUTOMATION_ENGINEER, pid="ae")
    org.person("sre", Role.SRE_SE, pid="se1")
    org.person("sre", Role.SRE_SWE, pid="swe1", fte=0.5)
    org.person(None, Role.OTHER, pid="cto")
    org.person("eng", Role.MANAGER, pid="idle")
    org.service("a", owner="pay", tier=1, sre="sre")
    org.service("b", owner="pay", tier=1)
    org.service("c", owner="web", tier=3, sre="sre")
    org.service("d", owner="web", tier=4)
    org.embed("e-now", "ae", "pay", date(2026, 5, 1), date(2026, 7, 1))
    org.embed("e-past", "ae", "web", date(2026, 1, 1), date(2026, 2, 1))
    org.embed("e-perf", "swe1", "web", date(2026, 5, 20))
    return org


def test_headcount_by_role_and_team_kind_in_people_and_fte(org: Org) -> None:
    m = compute_metrics(_org(org).model, TODAY)
    assert m.by_role["software_engineer"].people == 8
    assert m.by_role["software_engineer"].fte == pytest.approx(6.0)
    assert m.by_role["platform_engineer"].people == 2
    assert m.by_role["manager"].people == 3
    assert m.by_team_kind["software"].people == 9  # 8 engineers and one team lead
    assert m.by_team_kind["sre"].fte == pytest.approx(1.5)
    assert m.by_team_kind["none"].people == 1
    assert m.people == 17
    assert m.fte == pytest.approx(14.5)


def test_ratios_are_fte_per_software_engineer_fte(org: Org) -> None:
    m = compute_metrics(_org(org).model, TODAY)
    assert m.ratios["platform_to_software"] == pytest.approx(2 / 6)
    assert m.ratios["automation_to_software"] == pytest.approx(1 / 6)
    assert m.ratios["sre_to_software"] == pytest.approx(1.5 / 6)


def test_span_of_control_counts_direct_reports_only(org: Org) -> None:
    m = compute_metrics(_org(org).model, TODAY)
    assert m.span_by_manager == {"boss": 5, "lead": 4}
    assert m.span_mean == pytest.approx(4.5)
    assert m.span_max == 5
    assert m.managers_without_reports == 1  # 'idle' has the role but nobody reports to them


def test_sre_coverage_and_services_per_sre(org: Org) -> None:
    m = compute_metrics(_org(org).model, TODAY)
    assert m.sre_supported_services == 2
    assert m.sre_service_share == pytest.approx(0.5)
    assert m.tier1_services == 2
    assert m.sre_tier1_share == pytest.approx(0.5)
    assert m.services_per_sre == pytest.approx(2 / 1.5)
    (team,) = m.sre_teams
    assert (team.team, team.services, team.tier1_services) == ("sre", 2, 1)


def test_active_embeds_depend_on_the_date(org: Org) -> None:
    model = _org(org).model
    assert compute_metrics(model, TODAY).active_embeds_by_kind == {
        "automation": 1,
        "performance": 1,
        "other": 0,
    }
    assert compute_metrics(model, date(2026, 1, 15)).active_embeds == 1
    assert compute_metrics(model, date(2025, 1, 1)).active_embeds == 0


def test_counts_cover_every_collection(org: Org) -> None:
    m = compute_metrics(_org(org).model, TODAY)
    assert m.counts["teams"] == 5
    assert m.counts["embeds"] == 3
    assert m.counts["views"] == 0
    assert m.teams_by_kind == {"group": 1, "software": 2, "platform": 1, "automation": 0, "sre": 1}


def test_empty_model_has_no_ratios_rather_than_a_division_error() -> None:
    m = compute_metrics(OrgModel(), TODAY)
    assert m.ratios == {
        "platform_to_software": None,
        "automation_to_software": None,
        "sre_to_software": None,
    }
    assert m.span_mean is None and m.span_max == 0
    assert m.sre_service_share is None and m.services_per_sre is None


def test_metrics_dict_is_json_and_rounded(org: Org) -> None:
    data = metrics_to_dict(compute_metrics(_org(org).model, TODAY))
    assert json.loads(json.dumps(data)) == data
    assert data["as_of"] == "2026-06-01"
    assert data["ratios"]["platform_to_software"] == 0.333
    assert data["headcount"] == {"people": 17, "fte": 14.5}
    assert data["span_of_control"]["by_manager"] == {"boss": 5, "lead": 4}
    assert data["sre"]["teams"][0]["services_per_sre"] == 1.333
