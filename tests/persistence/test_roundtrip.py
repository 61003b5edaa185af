"""Save then open gives back the same model: every field, defaults, unicode, order."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from orgmodel.core.entities import View
from orgmodel.core.model import OrgModel
from orgmodel.interop import orgjson
from orgmodel.persistence.errors import DocumentError
from orgmodel.persistence.schema import APPLICATION_ID, SCHEMA_VERSION
from orgmodel.persistence.store import open_document, save_document


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _round_trip(model: OrgModel, tmp_path: Path) -> OrgModel:
    path = tmp_path / "doc.orgmodel"
    save_document(model, path)
    return open_document(path)


def test_every_field_survives(rich_model: OrgModel, tmp_path: Path) -> None:
    back = _round_trip(rich_model, tmp_path)
    assert back.snapshot() == rich_model.snapshot()
    # the snapshot compares values; check a few types and the order explicitly too
    assert list(back.views) == ["v-c", "v-a", "v-b"]
    assert list(back.teams) == ["z-sre", "b-pay", "a-eng", "plat", "auto"]
    assert back.views["v-b"].positions["k8s"] == (10.0, -20.5)
    assert isinstance(back.views["v-b"].positions["k8s"], tuple)
    assert back.organisation.tags == ("enterprise", "tag, with comma", "")
    assert [r.person for r in back.forums["sos"].representatives] == ["p-lin", "p-ada", "p-pe"]
    assert list(back.dependencies) == ["orphan->ledger", "checkout->ledger", "ledger->orphan"]


def test_defaults_and_none_survive(default_model: OrgModel, tmp_path: Path) -> None:
    back = _round_trip(default_model, tmp_path)
    assert back.snapshot() == default_model.snapshot()
    assert back.services["s"].load.as_dict() == {}
    assert back.embeds["e"].start is None and back.platform_versions["pv"].released is None


def test_empty_model(tmp_path: Path) -> None:
    model = OrgModel()
    assert _round_trip(model, tmp_path).snapshot() == model.snapshot()


def test_matches_the_json_twin(rich_model: OrgModel, tmp_path: Path) -> None:
    back = _round_trip(rich_model, tmp_path)
    # numbers come back as floats (fte=1 -> 1.0), exactly as the JSON reader normalises them
    normal = orgjson.loads(orgjson.dumps(rich_model))
    assert orgjson.dumps(back) == orgjson.dumps(normal)
    json_then_doc = _round_trip(orgjson.loads(orgjson.dumps(back)), tmp_path)
    assert json_then_doc.snapshot() == back.snapshot()


def test_every_example_round_trips_through_the_document_and_json(tmp_path: Path) -> None:
    """.orgmodel -> JSON -> .orgmodel is an identity on every bundled example."""
    examples = pytest.importorskip("orgmodel.examples")
    for name, _ in examples.list_examples():
        model = examples.load_example(name)
        first = tmp_path / f"{name}.orgmodel"
        save_document(model, first)
        opened = open_document(first)
        assert opened.snapshot() == model.snapshot(), name
        second = tmp_path / f"{name}-again.orgmodel"
        save_document(orgjson.loads(orgjson.dumps(opened)), second)
        assert open_document(second).snapshot() == opened.snapshot(), name
        assert orgjson.dumps(open_document(second)) == orgjson.dumps(opened), name


def test_file_identity_pragmas(rich_model: OrgModel, tmp_path: Path) -> None:
    path = tmp_path / "doc.orgmodel"
    save_document(rich_model, path)
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        con.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.orgmodel"]


def test_open_writes_nothing(rich_model: OrgModel, tmp_path: Path) -> None:
    path = tmp_path / "doc.orgmodel"
    save_document(rich_model, path)
    before, mtime = _digest(path), path.stat().st_mtime_ns
    open_document(path)
    open_document(str(path))
    assert _digest(path) == before and path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.orgmodel"]


def test_open_works_on_a_read_only_file(rich_model: OrgModel, tmp_path: Path) -> None:
    path = tmp_path / "doc.orgmodel"
    save_document(rich_model, path)
    path.chmod(0o444)
    assert open_document(path).snapshot() == rich_model.snapshot()


def test_save_replaces_and_keeps_the_mode(rich_model: OrgModel, tmp_path: Path) -> None:
    path = tmp_path / "doc.orgmodel"
    save_document(OrgModel(), path)
    path.chmod(0o600)
    save_document(rich_model, path)
    assert open_document(path).snapshot() == rich_model.snapshot()
    assert path.stat().st_mode & 0o777 == 0o600


def test_unsavable_filters_leave_the_old_file(rich_model: OrgModel, tmp_path: Path) -> None:
    path = tmp_path / "doc.orgmodel"
    save_document(rich_model, path)
    before = _digest(path)
    bad = rich_model.copy()
    bad.update(View("v-a", "Whole org", filters={"when": {1, 2}}))
    with pytest.raises(DocumentError, match="cannot be saved") as info:
        save_document(bad, path)
    assert "\n" not in str(info.value)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.orgmodel"]


@pytest.mark.parametrize("where", ["missing/doc.orgmodel", "folder"])
def test_save_to_a_bad_place_is_one_sentence(tmp_path: Path, where: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(DocumentError, match=r"^Cannot save .*\.$"):
        save_document(OrgModel(), tmp_path / where)


def test_the_rich_model_sets_every_field(rich_model: OrgModel) -> None:
    """Guard for the fixture: each field of each kind differs from its default somewhere."""
    import dataclasses

    from orgmodel.core.kinds import EntityKind

    for kind in EntityKind:
        entities = list(rich_model.collection(kind).values())
        assert entities, kind
        for field in dataclasses.fields(entities[0]):
            if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
                continue
            default = field.default if field.default is not dataclasses.MISSING else field.default_factory()  # type: ignore[misc]
            assert any(getattr(e, field.name) != default for e in entities), (kind, field.name)


def test_saving_removes_only_stale_temporaries_of_the_same_document(tmp_path: Path) -> None:
    path = tmp_path / "doc.orgmodel"
    stale = tmp_path / ".doc.orgmodel.abcd_123.tmp"  # what a save killed long ago left
    fresh = tmp_path / ".doc.orgmodel.zzzz9999.tmp"  # a save that may be in progress
    other = tmp_path / ".other.orgmodel.abcd_123.tmp"
    unrelated = tmp_path / ".doc.orgmodel.notes.tmp"
    for leftover in (stale, fresh, other, unrelated):
        leftover.write_bytes(b"partial")
        os.utime(leftover, (1_000_000_000, 1_000_000_000))
    os.utime(fresh, None)
    save_document(OrgModel(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["doc.orgmodel", fresh.name, other.name, unrelated.name])
