"""The catalogue as a whole: codes, ordering, a healthy organisation, the bundled examples."""

from __future__ import annotations

from datetime import date

import pytest

from orgmodel.analysis.findings import RULES, Severity, find_all, rule_by_code
from orgmodel.core.kinds import Role, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel
from tests.analysis.conftest import TODAY, Org


def _example(name: str) -> OrgModel:
    try:
        from orgmodel.examples import load_example
    except ImportError:
        pytest.skip("orgmodel.examples is not written yet")
    return load_example(name)


def healthy(org: Org) -> Org:
    """An organisation that breaks no rule: the baseline every rule test departs from."""
    org.team("eng", TeamKind.GROUP, size=0)
    org.team("pay", parent="eng", size=8, oncall=True)
    org.team("web", parent="eng", size=8, oncall=True)
    org.team("plat", TeamKind.PLATFORM, parent="eng", size=4)
    org.team("sre", TeamKind.SRE, parent="eng", size=8, oncall=True)
    ae = org.person("plat", Role.AUTOMATION_ENGINEER, pid="ae")
    org.platform("k8s", owner="plat")
    org.version("k8s-1", "k8s", VersionStatus.PRODUCTION, owner="sre")
    org.version("k8s-2", "k8s", VersionStatus.DEVELOPMENT)
    org.service("checkout", owner="pay", tier=1, sre="sre", version="k8s-1")
    org.service("ledger", owner="pay", version="k8s-1")
    org.service("shop", owner="web", version="k8s-1")
    org.depend("checkout", "ledger")
    org.embed("e1", ae, "pay", date(2026, 5, 4), date(2026, 7, 27))
    org.forum("sos", ("p1", "pay"), ("p9", "web"), ("p17", "plat"), ("p21", "sre"))
    return org


def test_catalogue_has_the_design_codes_and_our_additions() -> None:
    codes = [r.code for r in RULES]
    assert codes == [f"OM{i:03d}" for i in range(1, 18)]
    for r in RULES:
        assert r.title and r.remedy and r.source, r.code
    assert rule_by_code("OM001").severity is Severity.ERROR
    assert rule_by_code("OM002").severity is Severity.ERROR


def test_healthy_organisation_has_no_findings(org: Org) -> None:
    assert find_all(healthy(org).model, TODAY) == []


def test_findings_sort_by_severity_then_code(org: Org) -> None:
    healthy(org)
    org.team("tiny", size=1)  # OM008 warning, OM010 info
    org.service("orphan")  # OM001 error
    org.model.change("k8s-1", production_owner=None)  # OM002 error
    found = find_all(org.model, TODAY)
    keys = [(f.severity.rank, f.code) for f in found]
    assert keys == sorted(keys)
    assert [f.code for f in found] == ["OM001", "OM002", "OM008", "OM010"]


def test_every_finding_names_entities_that_exist(org: Org) -> None:
    healthy(org)
    org.team("tiny", size=1)
    org.service("orphan", version="k8s-2")
    org.embed("e2", "ae", "web", date(2026, 5, 1))
    for finding in find_all(org.model, TODAY):
        assert finding.entities, finding
        assert all(e in org.model for e in finding.entities), finding


def test_finding_to_dict_has_the_documented_keys(org: Org) -> None:
    org.service("orphan")
    (data,) = [f.to_dict() for f in find_all(org.model, TODAY)]
    assert data == {
        "code": "OM001",
        "severity": "error",
        "message": "Service 'Orphan' has no owning team.",
        "remedy": rule_by_code("OM001").remedy,
        "entities": ["orphan"],
        "source": rule_by_code("OM001").source,
    }


def test_seed_enterprise_is_healthy_with_a_few_warnings() -> None:
    model = _example("seed-enterprise")
    found = find_all(model, model.organisation.planning_start or TODAY)
    assert [f for f in found if f.severity is Severity.ERROR] == []
    warnings = [f for f in found if f.severity is Severity.WARNING]
    assert 1 <= len(warnings) <= 12


def test_large_enterprise_runs_every_rule() -> None:
    model = _example("large-enterprise")
    found = find_all(model, TODAY)
    assert {f.code for f in found} <= {r.code for r in RULES}
