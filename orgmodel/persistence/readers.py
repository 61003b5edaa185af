"""How each table of a document is read back into core entities: one ``Reader`` per table.

Each reader lists (column, parser) in the order the columns are selected and a builder that makes
the entities from the checked columns (``parsers.instances`` names every dataclass field, so a
column cannot silently land in the wrong field). A document is untrusted input, so every value is
checked by its parser; a bad one raises ``DocumentError`` naming the table, the row and the column.
Not for writing rows (``mapping.py``), invariants between entities (the ``OrgModel`` aggregate) or
files (``store.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
from orgmodel.core.kinds import (
    Architecture,
    Layout,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)
from orgmodel.persistence.parsers import (
    BOOL,
    DAY,
    INT,
    NUMBER,
    OBJECT,
    OPT_NUMBER,
    OPT_TEXT,
    POSITIONS,
    TAGS,
    TEXT,
    Reader,
    enum,
    instances,
    rowwise,
)

_NO_OVERRIDES = (None, None, None, None)


def _services(columns: Sequence[Sequence[Any]]) -> list[Service]:
    """Services from their columns; the four load columns become one ``ServiceLoad`` each (the
    services without overrides share one: it is an immutable value)."""
    empty = ServiceLoad()
    overrides = columns[8:12]
    if all(set(column) <= {None} for column in overrides):
        loads = [empty] * len(columns[0])
    else:
        loads = [
            empty if values == _NO_OVERRIDES else ServiceLoad(*values)
            for values in zip(*overrides, strict=True)
        ]
    return _SERVICE([*columns[:8], loads, *columns[12:]])


_SERVICE = instances(
    Service,
    "id",
    "name",
    "owner",
    "architecture",
    "tier",
    "support",
    "sre_team",
    "platform_version",
    "load",
    "notes",
    "tags",
)

ORGANISATION = Reader(
    "organisation",
    (
        ("name", TEXT),
        ("description", TEXT),
        ("planning_start", DAY),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    rowwise(
        lambda name, description, start, notes, tags: Organisation(
            name=name, description=description, planning_start=start, notes=notes, tags=tags
        )
    ),
)

TEAMS = Reader(
    "teams",
    (
        ("id", TEXT),
        ("name", TEXT),
        ("kind", enum(TeamKind)),
        ("parent", OPT_TEXT),
        ("sites", INT),
        ("has_oncall", BOOL),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(Team, "id", "name", "kind", "parent", "sites", "has_oncall", "notes", "tags"),
)

PEOPLE = Reader(
    "people",
    (
        ("id", TEXT),
        ("name", TEXT),
        ("role", enum(Role)),
        ("team", OPT_TEXT),
        ("manager", OPT_TEXT),
        ("fte", NUMBER),
        ("location", TEXT),
        ("email", TEXT),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(
        Person, "id", "name", "role", "team", "manager", "fte", "location", "email", "notes", "tags"
    ),
)

SERVICES = Reader(
    "services",
    (
        ("id", TEXT),
        ("name", TEXT),
        ("owner", OPT_TEXT),
        ("architecture", enum(Architecture)),
        ("tier", INT),
        ("support", enum(Support)),
        ("sre_team", OPT_TEXT),
        ("platform_version", OPT_TEXT),
        ("incidents_per_week", OPT_NUMBER),
        ("tickets_per_week", OPT_NUMBER),
        ("toil_hours", OPT_NUMBER),
        ("releases_per_week", OPT_NUMBER),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    _services,
)

PLATFORMS = Reader(
    "platforms",
    (
        ("id", TEXT),
        ("name", TEXT),
        ("kind", enum(PlatformKind)),
        ("owner", OPT_TEXT),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(Platform, "id", "name", "kind", "owner", "notes", "tags"),
)

PLATFORM_VERSIONS = Reader(
    "platform_versions",
    (
        ("id", TEXT),
        ("platform", TEXT),
        ("version", TEXT),
        ("status", enum(VersionStatus)),
        ("production_owner", OPT_TEXT),
        ("released", DAY),
        ("name", TEXT),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(
        PlatformVersion,
        "id",
        "platform",
        "version",
        "status",
        "production_owner",
        "released",
        "name",
        "notes",
        "tags",
    ),
)

EMBEDS = Reader(
    "embeds",
    (
        ("id", TEXT),
        ("person", TEXT),
        ("host", TEXT),
        ("purpose", TEXT),
        ("start_date", DAY),
        ("end_date", DAY),
        ("name", TEXT),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(Embed, "id", "person", "host", "purpose", "start", "end", "name", "notes", "tags"),
)


DEPENDENCIES = Reader(
    "dependencies",
    (("source", TEXT), ("target", TEXT)),
    instances(Dependency, "source", "target"),  # measured: twice as quick as Dependency(...)
)

FORUMS = Reader(
    "forums",
    (("id", TEXT), ("name", TEXT), ("notes", TEXT), ("tags", TAGS)),
    rowwise(lambda id, name, notes, tags: Forum(id=id, name=name, notes=notes, tags=tags)),
)

REPRESENTATIVES = Reader(
    "forum_representatives",
    (("forum", TEXT), ("person", TEXT), ("team", TEXT)),
    rowwise(lambda forum, person, team: (forum, Representative(person=person, team=team))),
)

SCENARIOS = Reader(
    "scenarios",
    (("id", TEXT), ("name", TEXT), ("toml", TEXT), ("notes", TEXT), ("tags", TAGS)),
    instances(Scenario, "id", "name", "toml", "notes", "tags"),
)

VIEWS = Reader(
    "views",
    (
        ("id", TEXT),
        ("name", TEXT),
        ("layout", enum(Layout)),
        ("filters", OBJECT),
        ("positions", POSITIONS),
        ("zoom", NUMBER),
        ("notes", TEXT),
        ("tags", TAGS),
    ),
    instances(View, "id", "name", "layout", "filters", "positions", "zoom", "notes", "tags"),
)
