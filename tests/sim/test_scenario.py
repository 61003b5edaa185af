"""Scenarios: defaults and provenance, strict TOML validation, presets, documents."""

from __future__ import annotations

import pytest

from orgmodel.core import OrgModel, Scenario
from orgmodel.sim.parameters import BY_NAME, PARAMETERS
from orgmodel.sim.scenario import (
    ScenarioError,
    load_preset,
    parse_scenario,
    preset_names,
    resolve_scenario,
    scenario_to_toml,
)


def test_every_parameter_of_the_spec_has_a_default_and_provenance() -> None:
    assert BY_NAME["sre.ops_cap"].default == 0.5 and BY_NAME["sre.ops_cap"].provenance == "S"
    assert BY_NAME["sre.prr_hours_classic"].provenance == "D"
    assert BY_NAME["load.incident_hours"].default == 6.0
    assert BY_NAME["embeds.automation_requests_per_team_per_week"].default == pytest.approx(1 / 26)
    assert all(p.provenance in {"S", "D", "A", "W", ""} for p in PARAMETERS)
    params = parse_scenario("")
    assert params.weeks == 260 and params.runs == 1000 and params.mode == "stochastic"
    assert params.growth.model == "linear" and params.oncall.min_rotation_per_site == 6


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[load]\nincidents_per_wek = 1", "load.incidents_per_wek"),
        ("[lod]\nincidents_per_week = 1", "[lod]"),
        ("[load]\nincidents_per_week = -1", "load.incidents_per_week"),
        ("[load]\nincidents_per_week = nan", "load.incidents_per_week"),
        ("[load]\nincidents_per_week = inf", "load.incidents_per_week"),
        ("[sre]\nops_cap = 1.5", "sre.ops_cap"),
        ("[sre]\nhandback = 1", "sre.handback"),
        ("[growth]\nmodel = \"quadratic\"", "growth.model"),
        ("weeks = 2.5", "weeks"),
        ("weeks = \"ten\"", "weeks"),
        ("colour = 3", "colour"),
        ("[load\n", "TOML"),
    ],
)
def test_bad_scenarios_are_refused_naming_the_key(text: str, named: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text)
    message = str(caught.value)
    assert named in message and "\n" not in message.strip()


def test_presets_exist_and_differ_where_they_should() -> None:
    assert set(preset_names()) >= {"baseline", "hire-linearly", "invest-in-platform", "no-handback"}
    assert load_preset("hire-linearly").headcount.sre_policy == "ratio"
    assert load_preset("no-handback").sre.handback is False
    assert load_preset("invest-in-platform").platform.maturity_gain_hours < 20000
    with pytest.raises(ScenarioError, match="baseline"):
        load_preset("nope")


def test_toml_round_trip_and_replace() -> None:
    params = load_preset("invest-in-platform").replace(**{"load.page_dispersion": float("inf")})
    assert parse_scenario(scenario_to_toml(params)) == params
    assert parse_scenario(scenario_to_toml(params, only_changed=True)) == params
    with pytest.raises(ScenarioError, match="sre.ops_cap"):
        params.replace(**{"sre.ops_cap": -0.1})


def test_scenario_stored_in_document_is_usable() -> None:
    model = OrgModel()
    model.add(Scenario("fast", "Fast growth", toml="[growth]\ndev_teams_per_quarter = 6.0"))
    assert resolve_scenario("Fast growth", model).growth.dev_teams_per_quarter == 6.0
    assert resolve_scenario(None, model).growth.dev_teams_per_quarter == 6.0
    assert resolve_scenario(None, None) == load_preset("baseline")
    with pytest.raises(ScenarioError, match="Fast growth"):
        resolve_scenario("slow", model)
