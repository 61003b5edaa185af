"""Defensive checks that a file is an OrgModel document before anything reads its rows.

``check_header`` reads the first 100 bytes with plain file I/O (no SQLite involved): the 16-byte
SQLite magic, the journal mode (no WAL), the page count against the file size (truncation),
``application_id`` and ``user_version``. ``check_database`` then runs on a read-only connection:
``PRAGMA quick_check`` and a comparison of the tables and columns with those of the document's
version (no triggers, no views, no extra tables). Every failure is a ``DocumentError`` with the
reason as one clause (``store.py`` prefixes the file name). Not for reading data.
"""

from __future__ import annotations

import struct
from pathlib import Path

from sqlalchemy import Connection, text

from orgmodel.persistence.errors import DocumentError
from orgmodel.persistence.migrations import columns_for
from orgmodel.persistence.schema import APPLICATION_ID, SCHEMA_VERSION

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


def _read_header(path: Path) -> tuple[bytes, int]:
    try:
        if path.is_dir():
            raise DocumentError("it is a folder, not a document")
        if path.exists() and not path.is_file():
            raise DocumentError("it is not a regular file")
        with open(path, "rb") as handle:
            return handle.read(HEADER_SIZE), path.stat().st_size
    except FileNotFoundError:
        raise DocumentError("there is no such file") from None
    except PermissionError:
        raise DocumentError("permission denied") from None
    except OSError as error:
        raise DocumentError(f"it cannot be read ({error.strerror or error})") from None


def _not_sqlite(header: bytes) -> DocumentError:
    start = header.lstrip()[:1]
    if start in (b"{", b"["):
        return DocumentError(
            "it is text (perhaps orgmodel JSON, which needs the .json extension), "
            "not an OrgModel document"
        )
    return DocumentError("it is not an OrgModel document (not an SQLite database)")


def check_header(path: Path) -> int:
    """Check the file's SQLite header; returns its schema version (``user_version``)."""
    header, size = _read_header(path)
    if size == 0:
        raise DocumentError("the file is empty")
    if not header.startswith(MAGIC):
        raise _not_sqlite(header)
    if len(header) < HEADER_SIZE:
        raise DocumentError("the file is truncated (shorter than an SQLite header)")
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    if header[18] == 2 or header[19] == 2:
        raise DocumentError("it uses write-ahead logging, which OrgModel documents never do")
    counter, pages = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if pages and counter == valid_for and size < pages * page_size:
        raise DocumentError(f"the file is truncated ({size} of {pages * page_size} bytes)")
    (version,) = struct.unpack(">i", header[60:64])
    (app_id,) = struct.unpack(">i", header[68:72])
    if app_id != APPLICATION_ID:
        raise DocumentError(
            "it is an SQLite database of another application, not an OrgModel document"
        )
    if version > SCHEMA_VERSION:
        raise DocumentError(
            f"it was made by a newer OrgModel (document version {version}; "
            f"this OrgModel reads versions up to {SCHEMA_VERSION})"
        )
    if version < 1:
        raise DocumentError(f"it has an unknown document version ({version})")
    return int(version)


def check_database(conn: Connection, version: int) -> None:
    """Check integrity, identity and schema through a read-only connection."""
    app_id = conn.exec_driver_sql("PRAGMA application_id").scalar()
    stored = conn.exec_driver_sql("PRAGMA user_version").scalar()
    if app_id != APPLICATION_ID or stored != version:
        raise DocumentError("its identity changed while it was being opened")
    problems = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA quick_check(1)")]
    if problems != ["ok"]:
        first = " ".join(problems[0].replace("*** in database main ***", "").split())
        raise DocumentError(f"it is damaged (SQLite reports: {first.rstrip('.')})")
    _check_schema(conn, version)


def _check_schema(conn: Connection, version: int) -> None:
    expected = columns_for(version)
    tables: set[str] = set()
    for kind, name in conn.execute(text("SELECT type, name FROM sqlite_master")):
        if kind == "table":
            tables.add(name)
        elif kind == "index" and str(name).startswith("sqlite_autoindex_"):
            continue
        else:
            raise DocumentError(f"it contains a {kind} '{name}' that OrgModel documents never have")
    if tables != set(expected):
        extra = sorted(tables - set(expected))
        missing = sorted(set(expected) - tables)
        what = f"an unknown table '{extra[0]}'" if extra else f"no '{missing[0]}' table"
        raise DocumentError(f"its schema is not OrgModel's (it has {what})")
    stored: dict[str, set[str]] = {}
    for table, column in conn.exec_driver_sql(
        "SELECT m.name, p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table'"
    ):
        stored.setdefault(table, set()).add(column)
    for table, columns in sorted(expected.items()):
        found = stored.get(table, set())
        if found != columns:
            odd = sorted(found ^ columns)
            raise DocumentError(f"its schema is not OrgModel's (table '{table}' column '{odd[0]}')")
