"""orgmodel JSON: lossless both ways, and strict about anything wrong, naming the place."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Forum,
    Organisation,
    Person,
    Platform,
    PlatformVersion,
    Representative,
    Scenario,
    Service,
    ServiceLoad,
    Team,
    View,
)
from orgmodel.core.errors import FormatError
from orgmodel.core.kinds import (
    Architecture,
    Layout,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)
from orgmodel.core.model import OrgModel
from orgmodel.interop.orgjson import (
    dumps,
    loads,
    model_from_dict,
    model_to_dict,
    read_json,
    write_json,
)


def full_model() -> OrgModel:
    """Every entity with every field away from its default (so a dropped field shows)."""
    m = OrgModel(Organisation("Acme", "Shop", date(2026, 1, 5), "n", ("t",)))
    m.add(Team("eng", "Engineering", TeamKind.GROUP, None, 2, True, "n", ("a", "b")))
    m.add(Team("sre", "SRE", TeamKind.SRE, "eng", 1, True))
    m.add(Team("pay", "Payments", TeamKind.SOFTWARE, "eng"))
    m.add(Person("p1", "Ada", Role.SRE_SE, "sre", None, 0.5, "Oslo", "ada@x", "n", ("x",)))
    m.add(Person("p2", "Bob", Role.SOFTWARE_ENGINEER, "pay", "p1"))
    m.add(Platform("k8s", "Kubernetes", PlatformKind.SERVERLESS, "eng", "n", ("y",)))
    m.add(
        PlatformVersion(
            "k8s-3",
            "k8s",
            "3.0",
            VersionStatus.PRODUCTION,
            "sre",
            date(2026, 3, 2),
            "Three",
            "n",
            ("z",),
        )
    )
    m.add(
        Service(
            "checkout",
            "Checkout",
            "pay",
            Architecture.MONOLITH,
            1,
            Support.SRE,
            "sre",
            "k8s-3",
            ServiceLoad(0.2, 3.0, None, 1.5),
            "n",
            ("q",),
        )
    )
    m.add(Service("ledger", "Ledger", "pay"))
    m.add(Embed("e1", "p1", "pay", "perf", date(2026, 1, 5), date(2026, 3, 2), "E", "n", ("e",)))
    m.add(Dependency("checkout", "ledger"))
    m.add(
        Forum("sos", "Scrum of scrums", (Representative("p2", "pay"), Representative("p1", "sre")))
    )
    m.add(Scenario("base", "Baseline", "weeks = 260\n", "n", ("s",)))
    m.add(
        View(
            "v1",
            "Whole org",
            Layout.FORCE,
            {"kinds": ["team"], "depth": 2},
            {"eng": (1.5, -2.0)},
            1.25,
            "n",
            ("v",),
        )
    )
    m.add(View("v0", "Second", Layout.MANUAL))
    return m


def test_round_trip_is_an_identity() -> None:
    model = full_model()
    text = dumps(model)
    again = loads(text)
    assert again.snapshot() == model.snapshot()
    assert dumps(again) == text
    assert list(again.views) == ["v1", "v0"]


@pytest.mark.parametrize("name", ["seed-enterprise", "startup", "large-enterprise"])
def test_round_trip_of_the_bundled_examples(name: str) -> None:
    from orgmodel.examples import load_example

    model = load_example(name)
    again = loads(dumps(model))
    assert again.snapshot() == model.snapshot()


def test_omitted_optional_fields_take_their_defaults() -> None:
    model = loads(
        json.dumps(
            {
                "format": "orgmodel",
                "version": 1,
                "teams": [{"id": "t", "name": "T"}],
                "people": [{"id": "p", "name": "P"}],
                "platform_versions": [],
                "services": [{"id": "s", "name": "S"}],
            }
        )
    )
    assert model.organisation == Organisation()
    assert model.teams["t"] == Team("t", "T")
    assert model.people["p"] == Person("p", "P")
    assert model.services["s"] == Service("s", "S")


def test_teams_and_managers_may_come_in_any_order() -> None:
    model = loads(
        json.dumps(
            {
                "format": "orgmodel",
                "version": 1,
                "teams": [
                    {"id": "child", "name": "C", "parent": "root"},
                    {"id": "root", "name": "R"},
                ],
                "people": [{"id": "a", "name": "A", "manager": "b"}, {"id": "b", "name": "B"}],
            }
        )
    )
    assert model.teams["child"].parent == "root" and list(model.teams) == ["child", "root"]
    assert model.people["a"].manager == "b"


def test_write_and_read_a_file(tmp_path: Path) -> None:
    path = tmp_path / "org.json"
    write_json(full_model(), str(path))
    assert read_json(str(path)).snapshot() == full_model().snapshot()
    assert json.loads(path.read_text("utf-8"))["format"] == "orgmodel"


def base() -> dict[str, Any]:
    return model_to_dict(full_model())


def edited(change: Any) -> str:
    data = copy.deepcopy(base())
    change(data)
    return json.dumps(data)


def _set(path: list[Any], value: Any) -> Any:
    def change(data: Any) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return change


def _delete(path: list[Any]) -> Any:
    def change(data: Any) -> None:
        for key in path[:-1]:
            data = data[key]
        del data[path[-1]]

    return change


BAD: dict[str, tuple[str, str]] = {
    # unknown fields
    "unknown top-level field": (edited(_set(["colour"], 1)), "Unknown top-level field 'colour'"),
    "unknown organisation field": (
        edited(_set(["organisation", "ceo"], "x")),
        "organisation: unknown field 'ceo'",
    ),
    "unknown team field": (
        edited(_set(["teams", 1, "budget"], 1)),
        "teams[1]: unknown field 'budget'",
    ),
    "unknown load field": (
        edited(_set(["services", 0, "load", "cpu"], 1)),
        "services[0].load: unknown field 'cpu'",
    ),
    "unknown seat field": (
        edited(_set(["forums", 0, "representatives", 1, "since"], 1)),
        "forums[0].representatives[1]: unknown field 'since'",
    ),
    # dangling references
    "dangling parent": (
        edited(_set(["teams", 1, "parent"], "ghost")),
        "teams[1] (id 'sre'): Team 'SRE': parent 'ghost' is not a team",
    ),
    "dangling home team": (edited(_set(["people", 0, "team"], "ghost")), "people[0] (id 'p1')"),
    "dangling manager": (
        edited(_set(["people", 1, "manager"], "ghost")),
        "people[1] (id 'p2'): Person 'Bob': manager 'ghost' is not a person",
    ),
    "wrong-kind sre team": (
        edited(_set(["services", 0, "sre_team"], "pay")),
        "services[0] (id 'checkout')",
    ),
    "dangling platform version": (
        edited(_set(["services", 0, "platform_version"], "k9")),
        "platform_version 'k9' is not a platform version",
    ),
    "dangling dependency": (
        edited(_set(["dependencies", 0, "to"], "ghost")),
        "dependencies[0]: Dependency 'checkout->ghost': target 'ghost' is not a service",
    ),
    "dangling seat": (
        edited(_set(["forums", 0, "representatives", 0, "person"], "ghost")),
        "forums[0] (id 'sos'): Forum 'Scrum of scrums' representative: person 'ghost'",
    ),
    "dangling embed host": (edited(_set(["embeds", 0, "host"], "ghost")), "embeds[0] (id 'e1')"),
    # wrong types
    "tier as text": (
        edited(_set(["services", 0, "tier"], "1")),
        'services[0].tier must be a whole number, not "1"',
    ),
    "fte as text": (edited(_set(["people", 0, "fte"], "half")), "people[0].fte must be a number"),
    "sites as boolean": (
        edited(_set(["teams", 0, "sites"], True)),
        "teams[0].sites must be a whole number",
    ),
    "tags as text": (
        edited(_set(["teams", 0, "tags"], "a")),
        "teams[0].tags must be a list of strings",
    ),
    "tag as number": (
        edited(_set(["teams", 0, "tags"], ["a", 2])),
        "teams[0].tags[1] must be a string",
    ),
    "position as number": (
        edited(_set(["views", 0, "positions", "eng"], 1)),
        "views[0].positions.eng must be a pair",
    ),
    "bad date": (
        edited(_set(["embeds", 0, "start"], "2026-13-01")),
        "embeds[0].start must be a date",
    ),
    "unknown kind": (
        edited(_set(["teams", 0, "kind"], "squad")),
        "teams[0].kind must be one of group, software",
    ),
    "id as number": (edited(_set(["teams", 0, "id"], 7)), "teams[0].id must be a string"),
    "teams not a list": (edited(_set(["teams"], {})), '"teams" must be a list'),
    "team not an object": (edited(_set(["teams", 0], "eng")), "teams[0] must be an object"),
    "filters not an object": (
        edited(_set(["views", 0, "filters"], [])),
        "views[0].filters must be an object",
    ),
    # missing, wrong values, rules
    "missing name": (
        edited(_delete(["teams", 0, "name"])),
        "teams[0]: the field 'name' is missing",
    ),
    "missing version": (
        edited(_delete(["platform_versions", 0, "version"])),
        "platform_versions[0]: the field 'version'",
    ),
    "empty id": (
        edited(_set(["scenarios", 0, "id"], "")),
        "scenarios[0] (id ''): A scenario needs a non-empty id",
    ),
    "duplicate id": (
        edited(_set(["services", 1, "id"], "checkout")),
        "services[1] (id 'checkout')",
    ),
    "team cycle": (edited(_set(["teams", 0, "parent"], "sre")), "the team tree would have a cycle"),
    "fte out of range": (edited(_set(["people", 0, "fte"], 2)), "fte must be between 0 and 1"),
    "embed ends before start": (
        edited(_set(["embeds", 0, "end"], "2025-01-01")),
        "embeds[0] (id 'e1')",
    ),
    "infinite position": (
        edited(_set(["views", 0, "positions", "eng"], [1e400, 0])),
        "views[0].positions.eng[0] must be a number, not Infinity",
    ),
    "nan in filters": (
        edited(_set(["views", 0, "filters", "depth"], float("nan"))),
        "views[0].filters.depth must be a finite number, not NaN",
    ),
    "empty organisation name": (
        edited(_set(["organisation", "name"], " ")),
        "organisation: The organisation needs a name",
    ),
    # the envelope
    "not orgmodel": (edited(_set(["format"], "other")), "This is not orgmodel JSON"),
    "newer version": (edited(_set(["version"], 2)), "version 2 is not supported"),
    "version true": (edited(_set(["version"], True)), "version true is not supported"),
    "not an object": ("[1, 2]", "the document must be an object"),
    "not json": ('{"format": ', "Not valid JSON (line 1, column 12"),
    "nan": (
        '{"format": "orgmodel", "version": 1, "teams": [{"id": "t", "name": "T", "sites": NaN}]}',
        "teams[0].sites must be a whole number, not NaN",
    ),
    "repeated key": (
        '{"format": "orgmodel", "version": 1, "version": 1}',
        "The field 'version' appears twice",
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_bad_input_is_refused_naming_the_place(name: str) -> None:
    text, words = BAD[name]
    with pytest.raises(FormatError) as raised:
        loads(text)
    message = str(raised.value)
    assert words in message
    assert "\n" not in message and message.endswith(".")


def test_model_from_dict_refuses_what_loads_refuses() -> None:
    data = base()
    data["teams"][0]["kind"] = "squad"
    with pytest.raises(FormatError, match="teams\\[0\\].kind"):
        model_from_dict(data)


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="Cannot read"):
        read_json(str(tmp_path / "missing.json"))
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"name": "\xe9"}')
    with pytest.raises(FormatError, match="not UTF-8"):
        read_json(str(latin))
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(FormatError):
        read_json(str(deep))
