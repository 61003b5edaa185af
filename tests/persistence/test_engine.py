"""The connections a document is opened with cannot write and do not trust the schema."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from orgmodel.core.model import OrgModel
from orgmodel.persistence.engine import readonly_engine
from orgmodel.persistence.store import save_document


def test_readonly_connections_are_locked_down(tmp_path: Path) -> None:
    path = tmp_path / "doc.orgmodel"
    save_document(OrgModel(), path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    engine = readonly_engine(path)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
            assert conn.exec_driver_sql("PRAGMA query_only").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        with engine.connect() as conn, pytest.raises(OperationalError, match="readonly"):
            with conn.begin():
                conn.exec_driver_sql("DELETE FROM teams")
        with engine.connect() as conn, pytest.raises(OperationalError, match="readonly"):
            with conn.begin():  # even with query_only switched off, the file is opened mode=ro
                conn.exec_driver_sql("PRAGMA query_only = OFF")
                conn.exec_driver_sql("DELETE FROM teams")
    finally:
        engine.dispose()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
