"""Production-ownership rules, each with a case that fires and one that does not."""

from __future__ import annotations

from orgmodel.analysis.findings import Finding, Severity, find_all
from orgmodel.core.kinds import Role, TeamKind, VersionStatus
from tests.analysis.conftest import TODAY, Org


def codes(org: Org, code: str) -> list[Finding]:
    return [f for f in find_all(org.model, TODAY) if f.code == code]


def test_om001_service_without_owner(org: Org) -> None:
    org.team("pay")
    org.service("owned", owner="pay")
    assert codes(org, "OM001") == []
    org.service("orphan")
    (finding,) = codes(org, "OM001")
    assert finding.severity is Severity.ERROR
    assert finding.entities == ("orphan",)
    assert "'Orphan'" in finding.message


def test_om002_production_version_needs_an_sre_owner_when_there_is_sre(org: Org) -> None:
    org.team("plat", TeamKind.PLATFORM)
    org.platform("k8s", owner="plat")
    org.version("k8s-1", "k8s", VersionStatus.PRODUCTION)
    org.version("k8s-2", "k8s", VersionStatus.DEVELOPMENT)
    assert codes(org, "OM002") == []  # no SRE in the organisation: nobody to hand it to
    org.team("sre", TeamKind.SRE)
    (finding,) = codes(org, "OM002")
    assert finding.severity is Severity.ERROR
    assert finding.entities == ("k8s-1", "k8s")
    assert "K8S 1 is in production" in finding.message
    org.model.change("k8s-1", production_owner="sre")
    assert codes(org, "OM002") == []


def test_om005_sre_supports_every_service(org: Org) -> None:
    org.team("sre", TeamKind.SRE)
    org.team("pay")
    org.team("web")
    org.service("a", owner="pay", sre="sre")
    org.service("b", owner="web", sre="sre")
    (finding,) = codes(org, "OM005")
    assert "every service (2 of 2)" in finding.message


def test_om005_sre_supports_a_service_of_every_team(org: Org) -> None:
    org.team("sre", TeamKind.SRE)
    org.team("pay")
    org.team("web")
    org.service("a", owner="pay", sre="sre")
    org.service("b", owner="web", sre="sre")
    org.service("c", owner="web")
    (finding,) = codes(org, "OM005")
    assert "every team that owns services (2 teams)" in finding.message
    assert set(finding.entities) == {"pay", "web"}


def test_om005_silent_when_sre_is_selective(org: Org) -> None:
    org.team("sre", TeamKind.SRE)
    org.team("pay")
    org.team("web")
    org.service("a", owner="pay", sre="sre")
    org.service("b", owner="web")
    assert codes(org, "OM005") == []


def test_om006_owner_without_rotation_could_not_take_the_pager_back(org: Org) -> None:
    org.team("sre", TeamKind.SRE)
    org.team("pay", size=4)
    org.service("a", owner="pay", sre="sre")
    org.service("b", owner="pay", sre="sre")
    org.service("c", owner="pay")
    (finding,) = codes(org, "OM006")
    assert finding.entities == ("pay", "a", "b")
    assert "no on-call rotation and only 4 engineers (a rotation needs 8)" in finding.message


def test_om006_silent_when_owner_runs_a_rotation(org: Org) -> None:
    org.team("sre", TeamKind.SRE)
    org.team("pay", size=4, oncall=True)
    org.service("a", owner="pay", sre="sre")
    assert codes(org, "OM006") == []
    assert [f.code for f in find_all(org.model, TODAY) if "Pay" in f.message] == ["OM007"]


def test_om006_large_team_still_needs_a_rotation(org: Org) -> None:
    org.team("sre", TeamKind.SRE)
    org.team("pay", size=9)
    org.service("a", owner="pay", sre="sre")
    (finding,) = codes(org, "OM006")
    assert finding.message.endswith("it has no on-call rotation.")


def test_om011_platform_without_released_version(org: Org) -> None:
    org.platform("lambda")
    org.platform("k8s")
    org.version("k8s-1", "k8s", VersionStatus.DEVELOPMENT)
    org.platform("vm")
    org.version("vm-1", "vm", VersionStatus.DEPRECATED)
    found = {f.entities[0]: f.message for f in codes(org, "OM011")}
    assert set(found) == {"lambda", "k8s"}
    assert "has no versions" in found["lambda"]
    assert "(1: development)" in found["k8s"]


def test_om012_deprecated_is_a_warning_and_retired_an_error(org: Org) -> None:
    org.platform("vm")
    org.version("vm-1", "vm", VersionStatus.RETIRED)
    org.version("vm-2", "vm", VersionStatus.DEPRECATED)
    org.version("vm-3", "vm", VersionStatus.PRODUCTION)
    org.service("old", version="vm-1")
    org.service("aging", version="vm-2")
    org.service("new", version="vm-3")
    found = {f.entities[0]: f.severity for f in codes(org, "OM012")}
    assert found == {"old": Severity.ERROR, "aging": Severity.WARNING}


def test_om014_service_on_unreleased_version(org: Org) -> None:
    org.platform("k8s")
    org.version("k8s-2", "k8s", VersionStatus.DEVELOPMENT)
    org.version("k8s-1", "k8s", VersionStatus.RELEASED)
    org.service("early", version="k8s-2")
    org.service("fine", version="k8s-1")
    (finding,) = codes(org, "OM014")
    assert finding.entities == ("early", "k8s-2")
    assert "still development" in finding.message


def test_om015_sre_team_operating_versions_needs_an_sre_se(org: Org) -> None:
    org.team("sre", TeamKind.SRE, size=3, role=Role.SRE_SWE)
    org.platform("k8s")
    org.version("k8s-1", "k8s", VersionStatus.PRODUCTION, owner="sre")
    (finding,) = codes(org, "OM015")
    assert finding.severity is Severity.INFO
    assert finding.entities == ("sre", "k8s-1")
    org.person("sre", Role.SRE_SE)
    assert codes(org, "OM015") == []


def test_om016_sre_on_low_tiers_while_tier1_stays_with_developers(org: Org) -> None:
    org.team("sre", TeamKind.SRE)
    org.team("pay")
    org.service("checkout", owner="pay", tier=1)
    org.service("reports", owner="pay", tier=3, sre="sre")
    org.service("search", owner="pay", tier=2, sre="sre")
    (finding,) = codes(org, "OM016")
    assert finding.entities == ("checkout", "reports")
    assert "1 service of tier 3 or lower (Reports)" in finding.message
    org.model.change("reports", tier=2)
    assert codes(org, "OM016") == []
