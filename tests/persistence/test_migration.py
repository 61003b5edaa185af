"""Older documents open through the numbered upgrades; newer ones are refused; files stay as they were."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from orgmodel.core.entities import Representative, ServiceLoad
from orgmodel.core.kinds import Layout, Role, TeamKind
from orgmodel.core.model import OrgModel
from orgmodel.persistence.errors import DocumentError
from orgmodel.persistence.migrations import MIGRATIONS, columns_for
from orgmodel.persistence.schema import SCHEMA_VERSION, current_columns
from orgmodel.persistence.store import open_document, save_document

FIXTURE = Path(__file__).parents[1] / "data" / "v1" / "seed-v1.orgmodel"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _user_version(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


def test_the_fixture_is_version_1() -> None:
    assert _user_version(FIXTURE) == 1
    con = sqlite3.connect(f"{FIXTURE.as_uri()}?mode=ro", uri=True)
    try:
        columns = {r[1] for r in con.execute("PRAGMA table_info(views)")}
    finally:
        con.close()
    assert "zoom" not in columns


def test_version_1_document_opens_with_its_data(tmp_path: Path) -> None:
    copy = tmp_path / "old.orgmodel"
    shutil.copyfile(FIXTURE, copy)
    before = _digest(copy)
    model = open_document(copy)
    assert _digest(copy) == before and _user_version(copy) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.orgmodel"]

    assert model.organisation.name == "Acme Lögistics"
    assert model.organisation.planning_start == date(2026, 1, 5)
    assert model.organisation.tags == ("enterprise", "logistics")
    assert list(model.teams) == ["payments", "eng", "sre", "platform", "automation"]
    assert model.teams["payments"].parent == "eng" and model.teams["payments"].has_oncall
    assert model.teams["payments"].tags == ("revenue", "tier-1")
    assert model.teams["eng"].tags == ()
    assert model.teams["sre"].kind is TeamKind.SRE and model.teams["sre"].sites == 2
    assert model.people["p1"].name == "Ada Ølsen" and model.people["p1"].manager == "m1"
    assert model.people["p1"].role is Role.SRE_SE and model.people["p2"].fte == 0.5
    assert model.people["p3"].tags == ("a", "b")
    assert model.services["checkout"].load == ServiceLoad(incidents_per_week=0.2, toil_hours=4.0)
    assert model.services["checkout"].sre_team == "sre"
    assert model.platform_versions["k8s-3"].released == date(2026, 3, 2)
    assert model.embeds["e1"].end == date(2026, 3, 2)
    assert list(model.dependencies) == ["checkout->ledger"]
    assert model.forums["sos"].representatives == (Representative("p2", "payments"),
                                                   Representative("p1", "sre"))
    assert list(model.views) == ["v2", "v1"]
    assert all(v.zoom == 1.0 for v in model.views.values())
    assert model.views["v2"].layout is Layout.PLATFORM_STACK
    assert model.views["v2"].filters == {"kinds": ["platform"]}
    assert model.views["v1"].positions == {"eng": (0.0, 0.0), "sre": (120.5, -40.0)}


def test_saving_an_upgraded_document_writes_the_current_version(tmp_path: Path) -> None:
    model = open_document(FIXTURE)
    target = tmp_path / "new.orgmodel"
    save_document(model, target)
    assert _user_version(target) == SCHEMA_VERSION
    assert open_document(target).snapshot() == model.snapshot()


def test_migrations_are_numbered_without_gaps() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(2, SCHEMA_VERSION + 1))
    assert columns_for(SCHEMA_VERSION) == current_columns()
    assert "zoom" not in columns_for(1)["views"]


def _with_user_version(tmp_path: Path, version: int) -> Path:
    path = tmp_path / f"v{version}.orgmodel"
    save_document(OrgModel(), path)
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()
    return path


def test_a_newer_document_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = _with_user_version(tmp_path, SCHEMA_VERSION + 1)
    before = _digest(path)
    with pytest.raises(DocumentError) as info:
        open_document(path)
    message = str(info.value)
    assert "made by a newer OrgModel" in message and str(path) in message
    assert "\n" not in message and message.endswith(".")
    assert _digest(path) == before


def test_a_version_1_file_with_bad_v1_tags_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "old.orgmodel"
    shutil.copyfile(FIXTURE, copy)
    con = sqlite3.connect(copy)
    con.execute("UPDATE teams SET tags = x'ff00' WHERE id = 'eng'")
    con.commit()
    con.close()
    before = _digest(copy)
    with pytest.raises(DocumentError, match="version-1 document, tags should be text"):
        open_document(copy)
    assert _digest(copy) == before


def test_version_zero_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="unknown document version"):
        open_document(_with_user_version(tmp_path, 0))


def test_a_failed_upgrade_step_rolls_back_completely(tmp_path: Path) -> None:
    """The ALTER TABLE of step 2 is undone with the rest (SQLAlchemy emits BEGIN itself)."""
    from orgmodel.persistence.engine import writable_engine
    from orgmodel.persistence.migrations import migrate

    copy = tmp_path / "old.orgmodel"
    shutil.copyfile(FIXTURE, copy)
    con = sqlite3.connect(copy)
    con.execute("UPDATE views SET tags = x'ff00'")  # the last table the step converts
    con.commit()
    con.close()
    engine = writable_engine(copy, scratch=True)
    try:
        with pytest.raises(DocumentError):
            migrate(engine, 1)
    finally:
        engine.dispose()
    assert _user_version(copy) == 1
    con = sqlite3.connect(copy)
    try:
        assert "zoom" not in {r[1] for r in con.execute("PRAGMA table_info(views)")}
        assert con.execute("SELECT tags FROM teams WHERE id = 'payments'").fetchone()[0] == \
            "revenue,tier-1"
    finally:
        con.close()
