"""CSV roster (an HRIS export) -> OrgModel, with optional side CSVs for services and embeds.

Departments become group teams, teams sit under their department (a roster without a team column
uses departments as teams), people get roles from their titles (or a role column, or the mapping's
corrections) and managers by id or e-mail. Everything is checked before the model is returned, so
broken input (duplicate ids, a cycle of managers, a ragged row) imports nothing; managers that do
not resolve are reported by file and line and left empty. Side CSVs: ``services.csv`` (id, name,
owner_team, tier, support, sre_team, architecture) and ``embeds.csv`` (person, host_team, purpose,
start, end); their columns are documented in the README.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from orgmodel.core.entities import Embed, Organisation, Person, Service, Team
from orgmodel.core.errors import FormatError, OrgModelError
from orgmodel.core.kinds import Architecture, Role, Support, TeamKind
from orgmodel.core.model import OrgModel
from orgmodel.interop.backstage_import import ImportReport
from orgmodel.interop.csv_table import Table, read_table
from orgmodel.interop.roster_columns import Mapping, detect_columns
from orgmodel.interop.roster_roles import infer_role, team_kind

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y/%m/%d")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def parse_date(text: str, where: str) -> date | None:
    if not text:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise FormatError(f"{where}: '{text}' is not a date (use 2026-01-05).")


def _get(row: dict[str, str], mapping: Mapping, field: str) -> str:
    column = mapping.columns.get(field)
    return row.get(column, "").strip() if column else ""


def _name(row: dict[str, str], mapping: Mapping) -> str:
    name = _get(row, mapping, "name")
    if not name:
        name = " ".join(p for p in (_get(row, mapping, "first_name"), _get(row, mapping, "last_name")) if p)
    return name


def import_roster(path: str | Path, mapping: Mapping | None = None, *, services: str | Path | None = None,
                  embeds: str | Path | None = None) -> tuple[OrgModel, ImportReport]:
    """Read a roster CSV (and optional side CSVs) into a new model, with a report."""
    table = read_table(path)
    mapping = mapping or Mapping(detect_columns(table.header))
    mapping.check_against(table.header, table.path.name)
    report = ImportReport()
    model = OrgModel(Organisation(name=table.path.stem.replace("_", " ").replace("-", " ").title()))
    try:
        people = _people(table, mapping, report)
        _teams(model, people, mapping, report)
        _add_people(model, table, people, mapping, report)
        if services:
            _services(model, read_table(services), report)
        if embeds:
            _embeds(model, read_table(embeds), report)
    except FormatError:
        raise
    except OrgModelError as error:
        raise FormatError(f"{table.path.name}: {error}") from None
    return model, report


def _people(table: Table, mapping: Mapping, report: ImportReport) -> list[tuple[int, Person, str, str, str, str]]:
    """(line, person without team/manager, department, team, manager id, manager email) per row."""
    out = []
    seen: dict[str, int] = {}
    for line, row in table.rows:
        name = _name(row, mapping)
        if not name:
            raise FormatError(f"{table.where(line)}: the row has no name.")
        email = _get(row, mapping, "email")
        pid = _get(row, mapping, "person_id") or (email.lower() if email else _slug(name))
        if pid in seen:
            raise FormatError(f"{table.where(line)}: person id '{pid}' is used again (first at line {seen[pid]}).")
        seen[pid] = line
        title = _get(row, mapping, "title")
        role_text = _get(row, mapping, "role")
        try:
            role = Role(role_text) if role_text else mapping.roles.get(title, infer_role(title))
        except ValueError:
            raise FormatError(f"{table.where(line)}: role '{role_text}' is not one of "
                              f"{', '.join(r.value for r in Role)}.") from None
        fte_text = _get(row, mapping, "fte")
        try:
            fte = float(fte_text.replace(",", ".")) if fte_text else 1.0
            if fte > 1.0 and fte <= 100:
                fte = fte / 100.0  # "80" meaning 80 %
        except ValueError:
            raise FormatError(f"{table.where(line)}: FTE '{fte_text}' is not a number.") from None
        started = parse_date(_get(row, mapping, "start_date"), table.where(line))
        notes = "; ".join(x for x in (title and f"Title: {title}", started and f"Started {started.isoformat()}") if x)
        person = Person(pid, name, role, fte=fte, email=email, location=_get(row, mapping, "location"), notes=notes)
        out.append((line, person, _get(row, mapping, "department"), _get(row, mapping, "team"),
                    _get(row, mapping, "manager_id"), _get(row, mapping, "manager_email").lower()))
    if not out:
        raise FormatError(f"{table.path.name} has a header but no people.")
    return out


def _team_id(department: str, team: str) -> str | None:
    if team:
        return f"team:{_slug(department)}/{_slug(team)}" if department else f"team:{_slug(team)}"
    return f"dept:{_slug(department)}" if department else None


def _teams(model: OrgModel, people: list[tuple[int, Person, str, str, str, str]], mapping: Mapping,
           report: ImportReport) -> None:
    roles: dict[str, list[Role]] = {}
    for _, person, department, team, _, _ in people:
        tid = _team_id(department, team)
        if tid:
            roles.setdefault(tid, []).append(person.role)
    for _, _, department, team, _, _ in people:
        if department and team and f"dept:{_slug(department)}" not in model.teams:
            model.add(Team(f"dept:{_slug(department)}", department, TeamKind.GROUP))
            report.taken["teams"] += 1
        tid = _team_id(department, team)
        if tid and tid not in model.teams:
            label = team or department
            kind = mapping.team_kinds.get(label) or team_kind(roles[tid])
            parent = f"dept:{_slug(department)}" if team and department else None
            model.add(Team(tid, label, kind, parent=parent))
            report.taken["teams"] += 1


def _add_people(model: OrgModel, table: Table, people: list[tuple[int, Person, str, str, str, str]],
                mapping: Mapping, report: ImportReport) -> None:
    by_email = {p.email.lower(): p.id for _, p, *_ in people if p.email}
    for _, person, department, team, _, _ in people:
        model.add(replace(person, team=_team_id(department, team)))
        report.taken["people"] += 1
    for line, person, _, _, manager_id, manager_email in people:
        manager = manager_id if manager_id in model.people else by_email.get(manager_email)
        if (manager_id or manager_email) and manager is None:
            report.skipped.append(f"{table.where(line)}: manager '{manager_id or manager_email}' of {person.name} "
                                  "does not resolve; left without a manager.")
            continue
        if manager:
            try:
                model.change(person.id, manager=manager)
            except OrgModelError as error:
                raise FormatError(f"{table.where(line)}: {error}") from None


def _services(model: OrgModel, table: Table, report: ImportReport) -> None:
    for line, row in table.rows:
        where = table.where(line)
        name = row.get("name", "")
        sid = row.get("id") or f"service:{_slug(name)}"
        owner = _team_ref(model, row.get("owner_team", ""), where)
        try:
            tier = int(row.get("tier") or 2)
            support = Support(row.get("support") or "dev")
            architecture = Architecture(row.get("architecture") or "microservice")
        except ValueError:
            raise FormatError(f"{where}: tier must be 1-4, support dev or sre, architecture microservice or monolith.") from None
        sre = _team_ref(model, row.get("sre_team", ""), where) if support is Support.SRE else None
        try:
            model.add(Service(sid, name or sid, owner=owner, tier=tier, support=support, sre_team=sre,
                              architecture=architecture))
        except OrgModelError as error:
            raise FormatError(f"{where}: {error}") from None
        report.taken["services"] += 1


def _team_ref(model: OrgModel, text: str, where: str) -> str | None:
    if not text:
        return None
    if text in model.teams:
        return text
    matches = [t.id for t in model.teams.values() if t.name.lower() == text.lower()]
    if len(matches) != 1:
        raise FormatError(f"{where}: team '{text}' is {'ambiguous' if matches else 'not in the roster'}.")
    return matches[0]


def _embeds(model: OrgModel, table: Table, report: ImportReport) -> None:
    by_email = {p.email.lower(): p.id for p in model.people.values() if p.email}
    for line, row in table.rows:
        where = table.where(line)
        who = row.get("person", "")
        person = who if who in model.people else by_email.get(who.lower())
        if person is None:
            raise FormatError(f"{where}: person '{who}' is not in the roster.")
        host = _team_ref(model, row.get("host_team", ""), where)
        if host is None:
            raise FormatError(f"{where}: the embed needs a host_team.")
        start, end = parse_date(row.get("start", ""), where), parse_date(row.get("end", ""), where)
        try:
            model.add(Embed(f"embed:{person}@{host}:{line}", person, host, row.get("purpose", ""), start, end))
        except OrgModelError as error:
            raise FormatError(f"{where}: {error}") from None
        report.taken["embeds"] += 1
