"""Which column of an HR export holds what: auto-detection by common names, and mapping files.

Fields: person_id, name (or first_name + last_name), title, role, manager_id, manager_email,
department, team, email, location, start_date, fte. ``detect_columns`` matches header names
against common spellings (case, spaces and punctuation ignored); a mapping file (TOML, for the
command line) or the window's column-mapping dialog overrides what detection chose. Not for
reading rows.
"""

from __future__ import annotations

import re
import tomllib
from enum import Enum
from pathlib import Path
from typing import Any

from orgmodel.core.errors import FormatError
from orgmodel.core.kinds import Role, TeamKind

FIELDS: dict[str, tuple[str, ...]] = {
    "person_id": ("person id", "employee id", "employee number", "employee no", "emp id", "worker id", "id", "staff id", "personnel number"),
    "name": ("name", "full name", "employee name", "display name", "person", "employee"),
    "first_name": ("first name", "given name", "forename", "firstname"),
    "last_name": ("last name", "surname", "family name", "lastname"),
    "title": ("title", "job title", "position", "job", "job name", "business title", "role title"),
    "role": ("orgmodel role", "role"),
    "manager_id": ("manager id", "manager employee id", "supervisor id", "reports to id", "line manager id", "manager number", "reports to"),
    "manager_email": ("manager email", "supervisor email", "line manager email", "reports to email", "manager e mail"),
    "department": ("department", "dept", "division", "org unit", "organisation unit", "organization unit", "cost center", "cost centre"),
    "team": ("team", "team name", "squad", "group"),
    "email": ("email", "e mail", "work email", "email address", "mail"),
    "location": ("location", "office", "site", "city", "work location"),
    "start_date": ("start date", "hire date", "date of joining", "joined", "start"),
    "fte": ("fte", "full time equivalent", "capacity"),
}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def detect_columns(header: list[str]) -> dict[str, str]:
    """Field -> column name, for the fields whose column could be recognised."""
    by_norm = {_norm(h): h for h in header}
    found: dict[str, str] = {}
    used: set[str] = set()
    for field, names in FIELDS.items():
        for name in names:
            column = by_norm.get(name)
            if column is not None and column not in used:
                found[field] = column
                used.add(column)
                break
    return found


class Mapping:
    """Columns plus optional corrections: title -> role, team -> kind."""

    def __init__(self, columns: dict[str, str], roles: dict[str, Role] | None = None,
                 team_kinds: dict[str, TeamKind] | None = None) -> None:
        unknown = sorted(set(columns) - set(FIELDS))
        if unknown:
            raise FormatError(f"Unknown roster field '{unknown[0]}' (fields: {', '.join(FIELDS)}).")
        self.columns = columns
        self.roles = roles or {}
        self.team_kinds = team_kinds or {}

    def check_against(self, header: list[str], where: str) -> None:
        missing = [c for c in self.columns.values() if c not in header]
        if missing:
            raise FormatError(f"{where}: the mapping names the column '{missing[0]}', which the file does not have.")
        if "name" not in self.columns and not {"first_name", "last_name"} <= set(self.columns):
            raise FormatError(f"{where}: no column looks like a person's name (columns: {', '.join(header)}); "
                              "map one with a mapping file.")


def _enum_map(data: Any, enum: type[Enum], where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise FormatError(f"{where} must be a table of name = value.")
    out = {}
    for key, value in data.items():
        try:
            out[str(key)] = enum(value)
        except ValueError:
            choices = ", ".join(e.value for e in enum)
            raise FormatError(f"{where}: '{key}' = '{value}' is not one of {choices}.") from None
    return out


def load_mapping(path: str | Path, header: list[str] | None = None) -> Mapping:
    """A mapping file: ``[columns] field = "Column"``, ``[roles] "Title" = "sre_se"``, ``[teams] "Team" = "sre"``."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise FormatError(f"Cannot read the mapping {p}: {error.strerror}.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise FormatError(f"The mapping {p.name} is not valid TOML ({error}).") from None
    unknown = sorted(set(data) - {"columns", "roles", "teams"})
    if unknown:
        raise FormatError(f"The mapping {p.name} has an unknown section [{unknown[0]}] (known: columns, roles, teams).")
    columns = data.get("columns", {})
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise FormatError(f"The mapping {p.name}: [columns] must map fields to column names.")
    detected = detect_columns(header) if header else {}
    return Mapping({**detected, **columns}, _enum_map(data.get("roles", {}), Role, f"{p.name} [roles]"),
                   _enum_map(data.get("teams", {}), TeamKind, f"{p.name} [teams]"))
