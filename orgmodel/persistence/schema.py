"""The tables of a ``.orgmodel`` document (schema version 2) as SQLAlchemy typed declarative rows.

One table per entity kind, each with a ``position`` column that keeps the order of the model's
collections (views are slides). Tags, view positions and view filters are JSON text; dependencies
and forum representatives are tables of their own. Rows are storage only: converting between rows
and core entities is the job of ``mapping.py`` (writing) and ``readers.py`` (reading), opening and
saving files is ``store.py``'s, and older schemas are described by ``migrations.py``. There are deliberately no SQL foreign keys: the
``OrgModel`` aggregate checks every reference when a document is read.
"""

from __future__ import annotations

from sqlalchemy import Float, Integer, MetaData, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

APPLICATION_ID = 0x4F524731
"""``PRAGMA application_id`` of every OrgModel document ("ORG1" in ASCII)."""

SCHEMA_VERSION = 2
"""``PRAGMA user_version`` of the documents this code writes."""


class Base(DeclarativeBase):
    metadata = MetaData()


class OrganisationRow(Base):
    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    planning_start: Mapped[str | None] = mapped_column(String)
    notes: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)


class TeamRow(Base):
    __tablename__ = "teams"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String)
    parent: Mapped[str | None] = mapped_column(String)
    sites: Mapped[int] = mapped_column(Integer)
    has_oncall: Mapped[bool]
    notes: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String)
    team: Mapped[str | None] = mapped_column(String)
    manager: Mapped[str | None] = mapped_column(String)
    fte: Mapped[float] = mapped_column(Float)
    location: Mapped[str] = mapped_column(Text)
    email: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)


class ServiceRow(Base):
    __tablename__ = "services"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String)
    architecture: Mapped[str] = mapped_column(String)
    tier: Mapped[int] = mapped_column(Integer)
    support: Mapped[str] = mapped_column(String)
    sre_team: Mapped[str | None] = mapped_column(String)
    platform_version: Mapped[str | None] = mapped_column(String)
    incidents_per_week: Mapped[float | None] = mapped_column(Float)
    tickets_per_week: Mapped[float | None] = mapped_column(Float)
    toil_hours: Mapped[float | None] = mapped_column(Float)
    releases_per_week: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)


class PlatformRow(Base):
    __tablename__ = "platforms"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String)
    owner: Mapped[str | None] = mapped_column(String)
    notes: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)


class PlatformVersionRow(Base):
    __tablename__ = "platform_versions"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    platform: Mapped[str] = mapped_column(String)
    version: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String)
    production_owner: Mapped[str | None] = mapped_column(String)
    released: Mapped[str | None] = mapped_column(String)
    name: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)


class EmbedRow(Base):
    __tablename__ = "embeds"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    person: Mapped[str] = mapped_column(String)
    host: Mapped[str] = mapped_column(String)
    purpose: Mapped[str] = mapped_column(Text)
    start_date: Mapped[str | None] = mapped_column(String)
    end_date: Mapped[str | None] = mapped_column(String)
    name: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)


class DependencyRow(Base):
    __tablename__ = "dependencies"
    source: Mapped[str] = mapped_column(String, primary_key=True)
    target: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class ForumRow(Base):
    __tablename__ = "forums"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)


class RepresentativeRow(Base):
    __tablename__ = "forum_representatives"
    forum: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    person: Mapped[str] = mapped_column(String)
    team: Mapped[str] = mapped_column(String)


class ScenarioRow(Base):
    __tablename__ = "scenarios"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    toml: Mapped[str] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)


class ViewRow(Base):
    __tablename__ = "views"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    layout: Mapped[str] = mapped_column(String)
    filters: Mapped[str] = mapped_column(Text)
    positions: Mapped[str] = mapped_column(Text)
    zoom: Mapped[float] = mapped_column(Float)
    notes: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)


def table(row: type[Base]) -> Table:
    """The Core ``Table`` of a row class (for bulk inserts and selects)."""
    result = row.__table__
    assert isinstance(result, Table)
    return result


def current_columns() -> dict[str, frozenset[str]]:
    """Table name -> column names of the current schema."""
    return {name: frozenset(t.columns.keys()) for name, t in Base.metadata.tables.items()}
