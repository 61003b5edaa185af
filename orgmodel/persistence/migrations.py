"""Numbered upgrades of older ``.orgmodel`` schemas to the current one, and what each version holds.

Each ``Migration`` turns version N-1 into version N inside one transaction and then sets
``PRAGMA user_version`` to N, so a document steps through every upgrade in order. Migrations run
only on a temporary copy of the user's file (``store.open_document`` makes it); they never touch
the original. ``columns_for(version)`` derives the tables and columns an older version must have
from the current schema minus what later migrations added, which is how ``checks.py`` recognises an
old document as ours. Not for reading entities (``mapping.py``).

Version history:

1. The first format: tags were comma-separated text ("a,b") and views had no zoom.
2. Tags are JSON lists (so a tag may contain a comma); ``views.zoom`` (default 1.0).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from orgmodel.persistence.errors import DocumentError
from orgmodel.persistence.schema import SCHEMA_VERSION, current_columns

TAGGED_TABLES = (
    "organisation",
    "teams",
    "people",
    "services",
    "platforms",
    "platform_versions",
    "embeds",
    "forums",
    "scenarios",
    "views",
)


@dataclass(frozen=True)
class Migration:
    version: int
    """The version this step produces (from ``version - 1``)."""
    summary: str
    added_columns: Mapping[str, tuple[str, ...]]
    upgrade: Callable[[Connection], None]


def _split_v1_tags(value: object, table: str) -> str:
    if not isinstance(value, str):
        raise DocumentError(f"In a {table} row of this version-1 document, tags should be text.")
    return json.dumps([t.strip() for t in value.split(",") if t.strip()], ensure_ascii=False)


def _upgrade_1_to_2(conn: Connection) -> None:
    conn.execute(text("ALTER TABLE views ADD COLUMN zoom FLOAT NOT NULL DEFAULT 1.0"))
    for table in TAGGED_TABLES:
        rows = conn.execute(text(f"SELECT rowid, tags FROM {table}")).all()
        updates = [{"rid": rid, "tags": _split_v1_tags(tags, table)} for rid, tags in rows]
        if updates:
            conn.execute(text(f"UPDATE {table} SET tags = :tags WHERE rowid = :rid"), updates)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(2, "tags as JSON lists; views.zoom", {"views": ("zoom",)}, _upgrade_1_to_2),
)


def columns_for(version: int) -> dict[str, frozenset[str]]:
    """Table name -> column names that a document of schema ``version`` has."""
    columns = current_columns()
    for step in MIGRATIONS:
        if step.version > version:
            for table, added in step.added_columns.items():
                columns[table] = columns[table] - set(added)
    return columns


def migrate(engine: Engine, from_version: int) -> None:
    """Upgrade the (temporary, writable) document behind ``engine`` to ``SCHEMA_VERSION``."""
    steps = [m for m in MIGRATIONS if m.version > from_version]
    if [m.version for m in steps] != list(range(from_version + 1, SCHEMA_VERSION + 1)):
        raise DocumentError(f"There is no upgrade path from document version {from_version}.")
    with engine.connect() as conn:
        for step in steps:
            with conn.begin():
                step.upgrade(conn)
                conn.exec_driver_sql(f"PRAGMA user_version = {int(step.version)}")
