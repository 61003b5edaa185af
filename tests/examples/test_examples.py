"""The bundled examples: they load, they are valid orgmodel JSON, and they model what they claim."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from orgmodel.core.entities import Person, embed_kind
from orgmodel.core.errors import FormatError
from orgmodel.core.kinds import (
    Architecture,
    EmbedKind,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)
from orgmodel.core.model import OrgModel
from orgmodel.examplegen import large_enterprise, seed_enterprise, startup
from orgmodel.examples import list_examples, load_example
from orgmodel.interop.orgjson import dumps, loads
from orgmodel.resources_path import resource

STORED = {"seed-enterprise": seed_enterprise.build, "startup": startup.build}


def test_list_examples_names_all_three_with_descriptions() -> None:
    names = [name for name, _ in list_examples()]
    assert names == ["seed-enterprise", "startup", "large-enterprise"]
    assert all(description for _, description in list_examples())


def test_unknown_example_is_refused_with_the_known_names() -> None:
    with pytest.raises(FormatError, match="seed-enterprise, startup, large-enterprise"):
        load_example("nope")


@pytest.mark.parametrize("name", list(STORED))
def test_stored_json_is_what_the_generator_builds(name: str) -> None:
    text = resource("examples", f"{name}.json").read_text(encoding="utf-8")
    assert text == dumps(STORED[name]()), "run python -m orgmodel.examplegen"
    assert dumps(loads(text)) == text


def test_load_example_returns_independent_copies() -> None:
    first = load_example("startup")
    first.remove("view-whole-organisation")
    assert "view-whole-organisation" in load_example("startup")


def _software_teams(model: OrgModel) -> list[str]:
    return [t.id for t in model.teams.values() if t.kind is TeamKind.SOFTWARE]


def test_seed_enterprise_is_the_articles_organisation() -> None:
    model = load_example("seed-enterprise")
    assert model.organisation.planning_start == date(2026, 1, 5)
    assert 60 <= len(model.people) <= 90 and 30 <= len(model.services) <= 40
    kinds = {p.kind for p in model.platforms.values()}
    assert kinds == {PlatformKind.VM, PlatformKind.CONTAINER, PlatformKind.SERVERLESS}
    for platform in model.platforms:
        statuses = {v.status for v in model.platform_versions.values() if v.platform == platform}
        assert VersionStatus.PRODUCTION in statuses and len(statuses) >= 2
    production = [
        v for v in model.platform_versions.values() if v.status is VersionStatus.PRODUCTION
    ]
    assert all(v.production_owner == "team-sre" for v in production)
    software = _software_teams(model)
    assert len(software) >= 6
    assert all(5 <= len(model.members(t)) <= 9 for t in software)
    assert any(s.architecture is Architecture.MONOLITH for s in model.services.values())


def test_seed_enterprise_sre_supports_some_but_not_all_services() -> None:
    model = load_example("seed-enterprise")
    sre = model.teams["team-sre"]
    assert sre.kind is TeamKind.SRE and sre.has_oncall
    roles = {p.role for p in model.members("team-sre")}
    assert roles == {Role.SRE_SE, Role.SRE_SWE}
    supported = [s for s in model.services.values() if s.support is Support.SRE]
    assert 0 < len(supported) < len(model.services)
    assert all(s.tier == 1 for s in supported)


def test_seed_enterprise_embeds_are_active_in_november_and_short() -> None:
    model = load_example("seed-enterprise")
    on = date(2026, 11, 16)

    def role(embed_person: str) -> Role:
        person: Person = model.people[embed_person]
        return person.role

    active = [e for e in model.embeds.values() if e.is_active(on)]
    messaging = [e for e in active if "messaging" in e.purpose.lower()]
    assert messaging and embed_kind(role(messaging[0].person)) is EmbedKind.AUTOMATION
    assert model.teams[messaging[0].host].kind is TeamKind.SOFTWARE
    assert any(embed_kind(role(e.person)) is EmbedKind.PERFORMANCE for e in active)
    for embed in model.embeds.values():
        weeks = embed.weeks()
        assert weeks is not None and weeks <= 13


def test_seed_enterprise_has_reporting_lines_forum_scenario_and_views() -> None:
    model = load_example("seed-enterprise")
    managers = {p.id for p in model.people.values() if p.role is Role.MANAGER}
    non_managers = [p for p in model.people.values() if p.role is not Role.MANAGER]
    assert all(p.manager is not None for p in non_managers)
    # Everyone's chain of command ends at a manager, and no one manages more than 10 people.
    for person in non_managers:
        chain = person
        while chain.role is not Role.MANAGER:
            chain = model.people[chain.manager]
        assert chain.id in managers
    reports = Counter(p.manager for p in model.people.values() if p.manager)
    assert max(reports.values()) <= 10
    forum = model.forums["forum-scrum-of-scrums"]
    represented = {r.team for r in forum.representatives}
    working = {t.id for t in model.teams.values() if t.kind is not TeamKind.GROUP}
    assert represented == working
    assert all(model.people[r.person].team == r.team for r in forum.representatives)
    assert model.scenarios["baseline"].toml == "weeks = 260"
    names = [v.name for v in model.views.values()]
    assert names == ["Whole organisation", "Platform stack", "SRE and its services"]
    assert all(v.positions == {} for v in model.views.values())


def test_startup_is_small_and_has_no_sre_team() -> None:
    model = load_example("startup")
    assert 12 <= len(model.people) <= 18
    assert not any(t.kind is TeamKind.SRE for t in model.teams.values())
    assert len(model.platforms) == 1
    assert 2 <= len(_software_teams(model)) <= 3


def test_large_enterprise_is_large_and_reproducible() -> None:
    model = load_example("large-enterprise")
    assert len(model.people) >= 2000
    assert len(model.teams) >= 250
    assert len(model.services) >= 2500
    assert len(model.dependencies) > 0 and len(model.embeds) > 0 and len(model.forums) > 0
    assert len(model.platform_versions) > len(model.platforms)
    again = large_enterprise.build()
    assert again.snapshot() == model.snapshot()
    assert large_enterprise.build(seed=7).snapshot() != model.snapshot()


def test_large_enterprise_survives_a_json_round_trip() -> None:
    model = load_example("large-enterprise")
    assert loads(dumps(model)).snapshot() == model.snapshot()


def test_descriptions_state_the_true_sizes() -> None:
    descriptions = dict(list_examples())
    seed = load_example("seed-enterprise")
    assert (
        f"{len(seed.people)} people, {len(seed.services)} services"
        in descriptions["seed-enterprise"]
    )
    startup_model = load_example("startup")
    assert f"{len(startup_model.people)}-person" in descriptions["startup"]
    large = load_example("large-enterprise")
    assert (
        f"{len(large.teams)} teams, {len(large.services):,} services"
        in descriptions["large-enterprise"]
    )


@pytest.mark.parametrize("name", ["seed-enterprise", "startup", "large-enterprise"])
def test_examples_have_no_error_level_findings(name: str) -> None:
    from orgmodel.analysis.findings import find_all

    findings = find_all(load_example(name), today=date(2026, 11, 16))
    errors = [f.message for f in findings if f.severity.value == "error"]
    assert errors == []


def test_seed_enterprise_findings_are_a_short_demo_list() -> None:
    from orgmodel.analysis.findings import find_all

    findings = find_all(load_example("seed-enterprise"), today=date(2026, 11, 16))
    codes = {f.code for f in findings}
    assert "OM012" in codes  # the monolith still on the deprecated VM platform
    assert "OM006" in codes  # Storefront could not take the pager back
    assert len(findings) <= 8
