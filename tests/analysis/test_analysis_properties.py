"""Property tests: on any valid organisation, analysis never fails and its numbers add up."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel.analysis.findings import find_all
from orgmodel.analysis.graph import build_graph
from orgmodel.analysis.metrics import compute_metrics
from orgmodel.core.entities import (
    Embed,
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Representative,
    Service,
    Team,
)
from orgmodel.core.kinds import Role, Support, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel

TODAY = date(2026, 6, 1)


@st.composite
def models(draw: st.DrawFn) -> OrgModel:
    model = OrgModel()
    teams: list[Team] = []
    for i in range(draw(st.integers(1, 6))):
        parent = draw(st.sampled_from([None, *[t.id for t in teams]]))
        team = Team(
            f"t{i}",
            f"Team {i}",
            kind=draw(st.sampled_from(list(TeamKind))),
            parent=parent,
            sites=draw(st.sampled_from([1, 2])),
            has_oncall=draw(st.booleans()),
        )
        model.add(team)
        teams.append(team)
    team_ids = [t.id for t in teams]
    sre = [t.id for t in teams if t.kind is TeamKind.SRE]
    people: list[str] = []
    for i in range(draw(st.integers(0, 20))):
        model.add(
            Person(
                f"p{i}",
                f"Person {i}",
                role=draw(st.sampled_from(list(Role))),
                team=draw(st.sampled_from([None, *team_ids])),
                manager=draw(st.sampled_from([None, *people])),
                fte=draw(st.sampled_from([0.0, 0.5, 1.0])),
                location=draw(st.sampled_from(["", "A", "B"])),
            )
        )
        people.append(f"p{i}")
    versions: list[str] = []
    for i in range(draw(st.integers(0, 3))):
        model.add(
            Platform(f"pl{i}", f"Platform {i}", owner=draw(st.sampled_from([None, *team_ids])))
        )
        for j in range(draw(st.integers(0, 3))):
            model.add(
                PlatformVersion(
                    f"v{i}.{j}",
                    f"pl{i}",
                    f"{j}.0",
                    status=draw(st.sampled_from(list(VersionStatus))),
                    production_owner=draw(st.sampled_from([None, *sre])),
                )
            )
            versions.append(f"v{i}.{j}")
    for i in range(draw(st.integers(0, 8))):
        sre_team = draw(st.sampled_from([None, *sre]))
        model.add(
            Service(
                f"s{i}",
                f"Service {i}",
                owner=draw(st.sampled_from([None, *team_ids])),
                tier=draw(st.integers(1, 4)),
                support=Support.SRE if sre_team else Support.DEV,
                sre_team=sre_team,
                platform_version=draw(st.sampled_from([None, *versions])),
            )
        )
    for i, person_id in enumerate(
        draw(st.lists(st.sampled_from(people), max_size=6)) if people else []
    ):
        host = draw(st.sampled_from(team_ids))
        if host == model.people[person_id].team:
            continue
        start = TODAY + timedelta(weeks=draw(st.integers(-60, 10)))
        end = draw(st.sampled_from([None, start + timedelta(weeks=draw(st.integers(0, 40)))]))
        model.add(Embed(f"e{i}", person_id, host, start=start, end=end))
    if people and draw(st.booleans()):
        reps = {
            Representative(draw(st.sampled_from(people)), draw(st.sampled_from(team_ids)))
            for _ in range(draw(st.integers(0, 4)))
        }
        model.add(Forum("f", "Forum", tuple(reps)))
    return model


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_findings_name_existing_entities_and_are_sorted(model: OrgModel) -> None:
    found = find_all(model, TODAY)
    for finding in found:
        assert finding.entities and all(e in model for e in finding.entities), finding
        assert finding.message.endswith(".") and finding.remedy and finding.source
    keys = [(f.severity.rank, f.code) for f in found]
    assert keys == sorted(keys)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_metrics_add_up(model: OrgModel) -> None:
    m = compute_metrics(model, TODAY)
    assert sum(h.people for h in m.by_role.values()) == len(model.people)
    assert sum(h.people for h in m.by_team_kind.values()) == len(model.people)
    assert abs(sum(h.fte for h in m.by_team_kind.values()) - m.fte) < 1e-9
    assert sum(m.span_by_manager.values()) == sum(
        p.manager is not None for p in model.people.values()
    )
    assert sum(t.services for t in m.sre_teams) == m.sre_supported_services
    assert m.active_embeds <= len(model.embeds)
    for share in (m.sre_service_share, m.sre_tier1_share):
        assert share is None or 0.0 <= share <= 1.0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_graph_has_a_node_for_every_thing_and_edges_only_between_them(model: OrgModel) -> None:
    graph = build_graph(model)
    assert graph.number_of_nodes() == (
        len(model.teams)
        + len(model.people)
        + len(model.services)
        + len(model.platforms)
        + len(model.platform_versions)
        + len(model.forums)
    )
    for source, target in graph.edges():
        assert source in model and target in model
