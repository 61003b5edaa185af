"""Open and save ``.orgmodel`` documents: the public face of the persistence package.

``open_document`` never writes to the file it opens: it checks the header, opens the database
read-only, checks integrity and schema, reads every table in one transaction (plain driver rows,
checked column by column in ``readers.py``) and builds an ``OrgModel`` with
``OrgModel.from_collections``, which applies every rule of the aggregate in one pass (so dangling
references or cycles are refused with the usual sentence).
An older document is copied to a temporary folder, upgraded there step by step and read from the
copy. ``save_document`` writes a complete new database beside the target and moves it into place
atomically (``core.fileio.atomic_path``). Every failure is a ``DocumentError`` with one sentence.
Not for locking (``lock.py``) or for the JSON twin of a document (``interop.orgjson``).
"""

from __future__ import annotations

import gc
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from itertools import islice
from operator import lt
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import SQLAlchemyError

from orgmodel.core.entities import Forum, Organisation, Representative
from orgmodel.core.errors import OrgModelError
from orgmodel.core.fileio import atomic_path
from orgmodel.core.kinds import EntityKind
from orgmodel.core.model import OrgModel
from orgmodel.persistence import mapping as m
from orgmodel.persistence import readers
from orgmodel.persistence.checks import check_database, check_header
from orgmodel.persistence.engine import readonly_engine, writable_engine
from orgmodel.persistence.errors import DocumentError, DocumentLockedError
from orgmodel.persistence.lock import DocumentLock
from orgmodel.persistence.migrations import migrate
from orgmodel.persistence.parsers import Reader
from orgmodel.persistence.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Base,
    DependencyRow,
    EmbedRow,
    ForumRow,
    OrganisationRow,
    PersonRow,
    PlatformRow,
    PlatformVersionRow,
    RepresentativeRow,
    ScenarioRow,
    ServiceRow,
    TeamRow,
    ViewRow,
    table,
)

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "DocumentError",
    "DocumentLock",
    "DocumentLockedError",
    "open_document",
    "save_document",
]

# collection -> (row class, entity -> row, reader); also the order in which a model is rebuilt
_TABLES: dict[EntityKind, tuple[type[Base], Any, Reader]] = {
    EntityKind.TEAM: (TeamRow, m.team_row, readers.TEAMS),
    EntityKind.PERSON: (PersonRow, m.person_row, readers.PEOPLE),
    EntityKind.PLATFORM: (PlatformRow, m.platform_row, readers.PLATFORMS),
    EntityKind.PLATFORM_VERSION: (
        PlatformVersionRow,
        m.platform_version_row,
        readers.PLATFORM_VERSIONS,
    ),
    EntityKind.SERVICE: (ServiceRow, m.service_row, readers.SERVICES),
    EntityKind.EMBED: (EmbedRow, m.embed_row, readers.EMBEDS),
    EntityKind.DEPENDENCY: (DependencyRow, m.dependency_row, readers.DEPENDENCIES),
    EntityKind.FORUM: (ForumRow, m.forum_row, readers.FORUMS),
    EntityKind.SCENARIO: (ScenarioRow, m.scenario_row, readers.SCENARIOS),
    EntityKind.VIEW: (ViewRow, m.view_row, readers.VIEWS),
}


def _sentence(text: str) -> str:
    """One line, ending with a full stop (messages from SQLite may span lines)."""
    text = " ".join(text.split())
    return text if text.endswith((".", "?", "!")) else text + "."


@contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Turn every failure while opening ``path`` into one ``DocumentError`` sentence."""
    try:
        yield
    except OrgModelError as error:
        raise DocumentError(_sentence(f"Cannot open {path}: {error}")) from None
    except (SQLAlchemyError, sqlite3.Error) as error:
        cause = getattr(error, "orig", None) or error
        raise DocumentError(
            _sentence(f"Cannot open {path}: it is damaged or unreadable ({cause}).")
        ) from None
    except OSError as error:
        raise DocumentError(_sentence(f"Cannot open {path}: {error.strerror or error}")) from None
    except RecursionError:
        raise DocumentError(f"Cannot open {path}: its data is nested too deeply.") from None


Contents = tuple[Organisation, list[tuple[EntityKind, list[Any]]]]
"""A document's organisation and its entities, collection by collection, in stored order."""


def open_document(path: str | Path) -> OrgModel:
    """Read a ``.orgmodel`` document; the file is never written, whatever its version."""
    path = Path(path)
    with _no_cycle_collection():
        contents = read_contents(path)
        with _reading(path):
            return build_model(contents)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document's entities are made.

    Opening makes tens of thousands of objects that form no reference cycles; each few hundred
    new objects would otherwise start a collection, and the occasional full one walks every
    object of the application (in the benchmark, a pause of ~40% of the open). Reference
    counting still frees everything as usual; the collector is switched back on afterwards if it
    was on before.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def read_contents(path: Path) -> Contents:
    """Check ``path`` and read its rows as entities (not yet checked against each other)."""
    with _reading(path):
        version = check_header(path)
        engine = readonly_engine(path)
        try:
            with engine.connect() as conn, conn.begin():
                check_database(conn, version)
                if version == SCHEMA_VERSION:
                    return _read_contents(conn)
        finally:
            engine.dispose()
        return _read_upgraded(path, version)


def _read_upgraded(path: Path, version: int) -> Contents:
    """Copy an older document to a temporary folder, upgrade the copy, read it."""
    with tempfile.TemporaryDirectory(prefix="orgmodel-upgrade-") as folder:
        copy = Path(folder) / "upgrading.orgmodel"
        shutil.copyfile(path, copy)
        engine = writable_engine(copy, scratch=True)
        try:
            migrate(engine, version)
            with engine.connect() as conn, conn.begin():
                check_database(conn, SCHEMA_VERSION)
                return _read_contents(conn)
        finally:
            engine.dispose()


@cache
def _query(row: type[Base], reader: Reader, ordered: bool = True) -> str:
    """The SELECT of ``reader``'s columns (for an entity table, then ``position``), in stored
    order when ``ordered``; compiled once (SQLAlchemy Core)."""
    t = table(row)
    query = select(*(t.c[name] for name in reader.names))
    if row is RepresentativeRow:
        query = query.order_by(t.c.forum, t.c.position)
    elif row is not OrganisationRow:
        query = query.add_columns(t.c.position)
        query = query.order_by(t.c.position) if ordered else query
    return str(query.compile(dialect=sqlite.dialect()))


def _fetch(conn: Connection, sql: str) -> list[Any]:
    """Plain tuples straight from the driver, in the transaction ``conn`` began (the readers
    check and convert every value themselves, so SQLAlchemy's result rows would only cost)."""
    driver = conn.connection.driver_connection
    if driver is None:  # pragma: no cover - a live connection always has one
        raise DocumentError("the database connection was closed while reading")
    cursor = driver.cursor()
    try:
        cursor.execute(sql)
        return cast(list[Any], cursor.fetchall())
    finally:
        cursor.close()


def _read(conn: Connection, row: type[Base], reader: Reader) -> list[Any]:
    if row is OrganisationRow or row is RepresentativeRow:
        return reader.read(_fetch(conn, _query(row, reader)))
    # Rows usually come back in stored order already: check that (positions strictly
    # increasing, the last column) instead of making SQLite sort them; otherwise ask it to.
    rows = _fetch(conn, _query(row, reader, ordered=False))
    columns = list(zip(*rows, strict=True))
    if columns and not _increasing(columns[-1]):
        rows = _fetch(conn, _query(row, reader))
        columns = list(zip(*rows, strict=True))
    return reader.read_columns(columns, rows)


def _increasing(values: Sequence[Any]) -> bool:
    return set(map(type, values)) <= {int} and all(map(lt, values, islice(values, 1, None)))


def _read_contents(conn: Connection) -> Contents:
    orgs = _read(conn, OrganisationRow, readers.ORGANISATION)
    if len(orgs) != 1:
        raise DocumentError(f"it has {len(orgs)} organisation records instead of one")
    batches = []
    for kind, (row, _, reader) in _TABLES.items():
        entities = _read(conn, row, reader)
        if kind is EntityKind.FORUM:
            entities = _with_representatives(conn, entities)
        batches.append((kind, entities))
    return orgs[0], batches


def build_model(contents: Contents) -> OrgModel:
    """An ``OrgModel`` of the contents, through the aggregate's checks (refs, cycles, values)."""
    organisation, batches = contents
    return OrgModel.from_collections(organisation, dict(batches))


def _with_representatives(conn: Connection, forums: list[Forum]) -> list[Forum]:
    reps: dict[str, list[Representative]] = {}
    for forum_id, rep in _read(conn, RepresentativeRow, readers.REPRESENTATIVES):
        reps.setdefault(forum_id, []).append(rep)
    out = [replace(f, representatives=tuple(reps.pop(f.id, ()))) for f in forums]
    if reps:
        raise DocumentError(
            f"it lists representatives of a forum '{next(iter(reps))}' that does not exist"
        )
    return out


def model_rows(model: OrgModel) -> list[tuple[type[Base], list[dict[str, Any]]]]:
    """Every row of ``model``, table by table, ready for bulk inserts."""
    out: list[tuple[type[Base], list[dict[str, Any]]]] = [
        (OrganisationRow, [m.organisation_row(model.organisation)])
    ]
    for kind, (row, to_row, _) in _TABLES.items():
        entities = model.collection(kind).values()
        out.append((row, [to_row(e, i) for i, e in enumerate(entities)]))
    reps = [r for forum in model.forums.values() for r in m.representative_rows(forum)]
    out.append((RepresentativeRow, reps))
    return out


def _write(path: Path, rows: list[tuple[type[Base], list[dict[str, Any]]]]) -> None:
    engine = writable_engine(path, scratch=True)
    try:
        with engine.connect() as conn, conn.begin():
            conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
            Base.metadata.create_all(conn, checkfirst=False)
            for row, values in rows:
                if values:
                    conn.execute(insert(table(row)), values)
    finally:
        engine.dispose()


def save_document(model: OrgModel, path: str | Path) -> None:
    """Write ``model`` to ``path`` atomically: the old file stays whole until the new one is."""
    path = Path(path)
    if path.is_dir():
        raise DocumentError(f"Cannot save {path}: it is a folder.")
    if not path.parent.is_dir():
        raise DocumentError(f"Cannot save {path}: the folder {path.parent} does not exist.")
    try:
        rows = model_rows(model)
        with atomic_path(path) as tmp:
            _write(tmp, rows)
    except DocumentError as error:
        raise DocumentError(_sentence(f"Cannot save {path}: {error}")) from None
    except UnicodeEncodeError:
        raise DocumentError(
            f"Cannot save {path}: some text contains characters that are not "
            "valid Unicode (unpaired surrogates)."
        ) from None
    except (SQLAlchemyError, sqlite3.Error) as error:
        cause = getattr(error, "orig", None) or error
        raise DocumentError(
            _sentence(f"Cannot save {path}: the database could not be written ({cause}).")
        ) from None
    except OSError as error:
        raise DocumentError(_sentence(f"Cannot save {path}: {error.strerror or error}")) from None
    remove_stale_temporaries(path)


STALE_SECONDS = 3600.0
"""A temporary file of a save this old was left by a save that was killed, not one in progress."""


def remove_stale_temporaries(path: Path, now: float | None = None) -> list[Path]:
    """Delete what killed saves of ``path`` left behind (``.NAME.xxxxxxxx.tmp``, over an hour old).

    Only names of the exact form ``core.fileio.atomic_path`` uses for this very document are
    touched, so other files and saves in progress are safe. Returns the files removed.
    """
    now = time.time() if now is None else now
    pattern = re.compile(re.escape(f".{path.name}.") + r"[A-Za-z0-9_]{8}\.tmp")
    removed = []
    try:
        candidates = [p for p in path.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return []
    for candidate in candidates:
        try:
            if candidate.is_file() and now - candidate.stat().st_mtime > STALE_SECONDS:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed
