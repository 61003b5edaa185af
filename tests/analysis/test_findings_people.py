"""People, team and embed rules, each with a case that fires and one that does not."""

from __future__ import annotations

from datetime import date

from orgmodel.analysis.findings import Finding, Severity, Thresholds, find_all
from orgmodel.core.kinds import Role, TeamKind
from tests.analysis.conftest import TODAY, Org


def codes(org: Org, code: str, **thresholds: float) -> list[Finding]:
    found = find_all(org.model, TODAY, thresholds=Thresholds(**thresholds))  # type: ignore[arg-type]
    return [f for f in found if f.code == code]


def _automation_org(org: Org, teams: int) -> list[str]:
    org.team("auto", TeamKind.AUTOMATION, size=0)
    for i in range(teams):
        org.team(f"dev{i}")
    return [org.person("auto", Role.AUTOMATION_ENGINEER, pid=f"ae{i}") for i in range(teams)]


def test_om003_one_automation_engineer_per_team_for_a_long_time(org: Org) -> None:
    engineers = _automation_org(org, 4)
    for i, person in enumerate(engineers[:3]):
        org.embed(f"e{i}", person, f"dev{i}", date(2025, 6, 1))  # open-ended, a year in
    (finding,) = codes(org, "OM003")
    assert "3 of 4 software teams" in finding.message
    assert finding.entities[:3] == ("dev0", "dev1", "dev2")


def test_om003_silent_for_short_purposeful_embeds(org: Org) -> None:
    engineers = _automation_org(org, 4)
    for i, person in enumerate(engineers):
        org.embed(f"e{i}", person, f"dev{i}", date(2026, 5, 1), date(2026, 6, 30))
    assert codes(org, "OM003") == []


def test_om003_silent_when_only_a_few_teams_have_an_engineer(org: Org) -> None:
    engineers = _automation_org(org, 4)
    org.embed("e0", engineers[0], "dev0", date(2025, 6, 1))
    assert codes(org, "OM003") == []
    assert len(codes(org, "OM003", one_to_one_share=0.25)) == 1


def test_om004_open_ended_and_long_embeds(org: Org) -> None:
    org.team("auto", TeamKind.AUTOMATION, size=0)
    org.team("pay")
    a = org.person("auto", Role.AUTOMATION_ENGINEER)
    b = org.person("auto", Role.AUTOMATION_ENGINEER)
    c = org.person("auto", Role.AUTOMATION_ENGINEER)
    d = org.person("auto", Role.AUTOMATION_ENGINEER)
    org.embed("open", a, "pay", date(2026, 5, 1))
    org.embed("long", b, "pay", date(2026, 3, 2), date(2026, 9, 28))  # 30 weeks
    org.embed("short", c, "pay", date(2026, 5, 4), date(2026, 8, 3))  # exactly 13 weeks
    org.embed("over", d, "pay", date(2025, 1, 1), date(2025, 12, 31))  # history
    found = {f.entities[0]: f.message for f in codes(org, "OM004")}
    assert set(found) == {"open", "long"}
    assert "has no end date" in found["open"]
    assert "lasts 30 weeks (more than 13)" in found["long"]
    assert set(f.entities[0] for f in codes(org, "OM004", embed_max_weeks=40)) == {"open"}


def test_om007_single_site_rotation_below_eight(org: Org) -> None:
    org.team("small", size=7, oncall=True)
    org.team("fine", size=8, oncall=True)
    org.team("quiet", size=2)  # no rotation: nothing to judge
    (finding,) = codes(org, "OM007")
    assert finding.entities == ("small",)
    assert "7 engineers on one site (minimum 8)" in finding.message


def test_om007_managers_do_not_count_towards_the_rotation(org: Org) -> None:
    org.team("pay", size=7, oncall=True)
    org.person("pay", Role.MANAGER)
    assert len(codes(org, "OM007")) == 1


def test_om007_two_sites_need_six_per_site(org: Org) -> None:
    org.team("two", size=0, oncall=True, sites=2)
    for _ in range(8):
        org.person("two", location="Dublin")
    for _ in range(5):
        org.person("two", location="Sydney")
    (finding,) = codes(org, "OM007")
    assert "8 and 5 engineers on its two sites" in finding.message
    org.person("two", location="Sydney")
    assert codes(org, "OM007") == []


def test_om007_two_sites_without_locations_count_the_total(org: Org) -> None:
    org.team("two", size=11, oncall=True, sites=2)
    assert "minimum 6 per site, 12 in all" in codes(org, "OM007")[0].message
    org.person("two")
    assert codes(org, "OM007") == []


def test_om008_team_size_bounds(org: Org) -> None:
    org.team("eng", TeamKind.GROUP, size=1)  # groups are departments, not teams
    org.team("tiny", size=2)
    org.team("ok", size=3)
    org.team("big", size=10)
    org.team("max", size=9)
    found = {f.entities[0]: f.message for f in codes(org, "OM008")}
    assert set(found) == {"tiny", "big"}
    assert "2 people (fewer than 3)" in found["tiny"]
    assert "10 people (more than 9)" in found["big"]


def test_om009_concurrent_embeds(org: Org) -> None:
    org.team("auto", TeamKind.AUTOMATION, size=0)
    org.team("pay")
    org.team("web")
    org.team("ops")
    busy = org.person("auto", Role.AUTOMATION_ENGINEER, pid="busy")
    calm = org.person("auto", Role.AUTOMATION_ENGINEER, pid="calm")
    org.embed("b1", busy, "pay", date(2026, 5, 1), date(2026, 6, 30))
    org.embed("b2", busy, "web", date(2026, 6, 1), date(2026, 7, 31))
    org.embed("c1", calm, "pay", date(2026, 4, 1), date(2026, 5, 31))
    org.embed("c2", calm, "web", date(2026, 6, 1), date(2026, 7, 31))
    org.embed("c3", calm, "ops", date(2026, 8, 1))
    (finding,) = codes(org, "OM009")
    assert finding.entities == ("busy", "b1", "b2")
    assert "2 overlapping embeds (Pay, Web)" in finding.message


def test_om010_unrepresented_team(org: Org) -> None:
    org.team("eng", TeamKind.GROUP, size=0)
    org.team("pay", size=1)
    org.team("web", size=1)
    (finding,) = codes(org, "OM010")
    assert "no cross-team forum" in finding.message
    org.forum("sos", ("p1", "pay"))
    (finding,) = codes(org, "OM010")
    assert finding.entities == ("web",) and finding.severity is Severity.INFO
    org.forum("arch", ("p2", "web"))
    assert codes(org, "OM010") == []


def test_om013_engineer_without_team(org: Org) -> None:
    org.team("pay", size=3)
    org.person(None, Role.OTHER)  # e.g. an executive assistant: not an engineer
    org.person(None, Role.MANAGER)
    assert codes(org, "OM013") == []
    loose = org.person(None, Role.SRE_SWE)
    (finding,) = codes(org, "OM013")
    assert finding.entities == (loose,)
    assert "(SRE-SWE) belongs to no team" in finding.message


def _reports(org: Org, manager: str, count: int) -> list[str]:
    return [org.person("pay", manager=manager) for _ in range(count)]


def test_om017_a_manager_with_more_than_eight_direct_reports(org: Org) -> None:
    org.team("pay", size=0)
    boss = org.person("pay", Role.MANAGER, pid="boss")
    reports = _reports(org, boss, 8)
    assert codes(org, "OM017") == []  # eight is still within Larson's six to eight
    reports.append(org.person("pay", manager=boss))
    (finding,) = codes(org, "OM017")
    assert finding.severity is Severity.INFO
    assert finding.entities == (boss, *reports)
    assert finding.message.startswith("Person 1 has 9 direct reports (more than 8): Person 2,")
    assert finding.message.endswith("and 4 more.")
    assert "Larson" in finding.source and finding.remedy


def test_om017_threshold_is_a_named_setting(org: Org) -> None:
    org.team("pay", size=0)
    boss = org.person("pay", Role.MANAGER)
    _reports(org, boss, 6)
    assert codes(org, "OM017") == []
    assert len(codes(org, "OM017", max_direct_reports=5)) == 1


def test_om017_a_manager_of_one(org: Org) -> None:
    org.team("pay", size=0)
    boss = org.person("pay", Role.MANAGER, pid="boss")
    lead = org.person("pay", Role.MANAGER, manager=boss, pid="lead")
    _reports(org, lead, 3)
    (finding,) = codes(org, "OM017")
    assert finding.entities == ("boss", "lead")
    assert finding.message == (
        "Person 1 manages a single direct report (Person 2): a management layer of one."
    )
    assert codes(org, "OM017", min_direct_reports=1) == []
    _reports(org, boss, 1)
    assert codes(org, "OM017") == []
