"""The quick paths of ``open_document``: column-wise builders, the order check, the bulk model.

Each quick path must give exactly what the plain one gives: entities equal to those made by their
constructors, collections in ``position`` order even when SQLite hands rows back in another order,
the model (and its reference index) of adding every entity one by one, and a bad stored value
still refused with one sentence.
"""

from __future__ import annotations

import dataclasses
import gc
import sqlite3
from pathlib import Path

import pytest

from orgmodel.core import bulk
from orgmodel.core.entities import Person, Team
from orgmodel.core.kinds import EntityKind, Role
from orgmodel.core.model import OrgModel
from orgmodel.persistence.errors import DocumentError
from orgmodel.persistence.parsers import instances
from orgmodel.persistence.store import open_document, read_contents, save_document


def test_column_builders_make_what_constructors_make(rich_model: OrgModel, tmp_path: Path) -> None:
    path = tmp_path / "rich.orgmodel"
    save_document(rich_model, path)
    _, batches = read_contents(path)
    for _, entities in batches:
        for entity in entities:
            again = type(entity)(
                **{f.name: getattr(entity, f.name) for f in dataclasses.fields(entity)}
            )
            assert again == entity and vars(again) == vars(entity)
            assert hash(entity) == hash(again)


def test_builders_refuse_classes_they_cannot_build() -> None:
    with pytest.raises(TypeError):
        instances(Team, "id", "name")  # not every field

    @dataclasses.dataclass(frozen=True)
    class Checked:
        x: int

        def __post_init__(self) -> None:
            pass

    with pytest.raises(TypeError):
        instances(Checked, "x")


def _reverse_positions(path: Path, table: str) -> None:
    con = sqlite3.connect(path)
    with con:
        con.execute(f"UPDATE {table} SET position = -position")
    con.close()


def test_rows_stored_out_of_order_open_in_position_order(
    rich_model: OrgModel, tmp_path: Path
) -> None:
    path = tmp_path / "order.orgmodel"
    save_document(rich_model, path)
    _reverse_positions(path, "teams")
    _reverse_positions(path, "views")
    opened = open_document(path)
    assert list(opened.teams) == list(reversed(rich_model.teams))
    assert list(opened.views) == list(reversed(rich_model.views))
    assert list(opened.people) == list(rich_model.people)


def test_open_builds_what_adding_one_by_one_builds(rich_model: OrgModel, tmp_path: Path) -> None:
    path = tmp_path / "rich.orgmodel"
    save_document(rich_model, path)
    organisation, batches = read_contents(path)
    slow = OrgModel(organisation)
    bulk.add_in_order(slow, bulk.in_order(dict(batches)))
    fast = open_document(path)
    assert fast.snapshot() == slow.snapshot() == rich_model.snapshot()
    assert fast._where == slow._where
    assert {k: list(v) for k, v in fast._refs._by_target.items()} == {
        k: list(v) for k, v in slow._refs._by_target.items()
    }


def test_edits_before_the_reference_index_is_built(rich_model: OrgModel, tmp_path: Path) -> None:
    path = tmp_path / "rich.orgmodel"
    save_document(rich_model, path)
    opened = open_document(path)
    team = next(iter(opened.teams))
    opened.add(Person("newcomer", "Newcomer", Role.OTHER, team=team))
    assert ("newcomer", "team") in [(e.id, f) for e, f in opened.referrers(team)]
    expected = rich_model.copy()
    expected.add(Person("newcomer", "Newcomer", Role.OTHER, team=team))
    assert opened.referrers(team) == expected.referrers(team)


def _write_rows(path: Path, *statements: str) -> None:
    """Change a saved document's rows behind the application's back."""
    con = sqlite3.connect(path)
    with con:
        for statement in statements:
            con.execute(statement)
    con.close()


def test_a_bad_value_is_still_one_sentence(rich_model: OrgModel, tmp_path: Path) -> None:
    path = tmp_path / "bad.orgmodel"
    save_document(rich_model, path)
    _write_rows(path, "UPDATE people SET fte = 'lots' WHERE rowid = (SELECT max(rowid) FROM people)",
                "UPDATE teams SET kind = 'tribe' WHERE rowid = (SELECT max(rowid) FROM teams)")
    with pytest.raises(
        DocumentError,
        match=r"^Cannot open .*the teams row '.*', kind should be "
        r"one of group, .*, not 'tribe'\.$",
    ):
        open_document(path)
    _write_rows(path, "UPDATE teams SET kind = 'sre'")
    with pytest.raises(
        DocumentError,
        match=r"^Cannot open .*the people row '.*', fte should be "
        r"a finite number, not 'lots'\.$",
    ):
        open_document(path)


def test_a_broken_rule_is_refused_and_the_collector_is_back_on(
    rich_model: OrgModel, tmp_path: Path
) -> None:
    path = tmp_path / "cycle.orgmodel"
    save_document(rich_model, path)
    teams = list(rich_model.teams.values())
    child = next(t for t in teams if t.parent is not None)
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE teams SET parent = ? WHERE id = ?", (child.id, child.parent))
    con.close()
    assert gc.isenabled()
    with pytest.raises(DocumentError, match="cycle"):
        open_document(path)
    assert gc.isenabled()
    assert EntityKind.TEAM in bulk.LATE
