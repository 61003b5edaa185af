"""SQLAlchemy engines for one document file: read-only for opening, writable for a fresh copy.

Each engine makes its own ``sqlite3`` connections (no pool, no URL parsing of the user's path),
switches ``trusted_schema`` off before anything reads the schema, and lets SQLAlchemy emit
``BEGIN`` itself (SQLAlchemy's recipe for Python 3.11's sqlite3, which otherwise leaves DDL outside
transactions). Read-only engines open the file with ``mode=ro`` and ``query_only``, so nothing can
be written to it. Not for deciding what a file means: see ``checks.py`` and ``store.py``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool


def _prepare(con: sqlite3.Connection) -> sqlite3.Connection:
    con.execute("PRAGMA trusted_schema = OFF")
    con.execute("PRAGMA cell_size_check = ON")
    return con


def _engine(connect: Any) -> Engine:
    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def readonly_engine(path: Path) -> Engine:
    """An engine that can only read ``path`` (URI ``mode=ro`` plus ``PRAGMA query_only``)."""
    uri = path.resolve().as_uri() + "?mode=ro"

    def connect() -> sqlite3.Connection:
        con = _prepare(sqlite3.connect(uri, uri=True, isolation_level=None))
        con.execute("PRAGMA query_only = ON")
        return con

    return _engine(connect)


def writable_engine(path: Path, *, scratch: bool = False) -> Engine:
    """An engine that writes ``path`` (never WAL).

    A ``scratch`` file is a temporary file that is thrown away if anything fails (the file a save
    builds before ``os.replace``, the copy an upgrade works on): its rollback journal stays in
    memory and commits skip fsync, so a killed save leaves no ``-journal`` file behind; the
    finished file is fsynced as a whole by ``core.fileio.atomic_path``.
    """

    def connect() -> sqlite3.Connection:
        con = _prepare(sqlite3.connect(str(path), isolation_level=None))
        if scratch:
            con.execute("PRAGMA journal_mode = MEMORY")
            con.execute("PRAGMA synchronous = OFF")
        else:
            con.execute("PRAGMA journal_mode = DELETE")
        return con

    return _engine(connect)
