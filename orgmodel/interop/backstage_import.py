"""Backstage catalog -> OrgModel: Groups become teams, Users people, Components services.

A whole catalog (file or folder, Locations followed) is read first, checked, and only then turned
into a new model, so broken input (malformed YAML, an unknown kind, a duplicate entity, a cycle of
groups) imports nothing. Owners and parents that do not resolve are reported by name and line, never
guessed. Systems, Domains, Resources and APIs become tags on the services that use them. OrgModel's
own annotations (``orgmodel.io/...``, documented in the README) carry what Backstage has no field for:
team kind, role, SRE support, tier, architecture, platform version.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Organisation,
    Person,
    Platform,
    PlatformVersion,
    Service,
    Team,
)
from orgmodel.core.errors import FormatError, OrgModelError
from orgmodel.core.kinds import Architecture, Role, Support, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel
from orgmodel.interop.backstage_refs import EntityRef, orgmodel_id, parse_ref, valid_name
from orgmodel.interop.backstage_yaml import RawEntity, read_catalog

ANNOTATION = "orgmodel.io/"
KNOWN_KINDS = {"component", "api", "resource", "system", "domain", "group", "user", "location", "template"}
SERVICE_TYPES = {"service", "website"}
ROLE_FOR_KIND = {
    TeamKind.SRE: Role.SRE_SE,
    TeamKind.PLATFORM: Role.PLATFORM_ENGINEER,
    TeamKind.AUTOMATION: Role.AUTOMATION_ENGINEER,
}


@dataclass
class ImportReport:
    """What an import took and what it left out, as sentences a user can read."""

    taken: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    kept_as_tags: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        took = ", ".join(f"{n} {k}" for k, n in self.taken.items()) or "nothing"
        out = [f"Imported {took}."]
        if self.kept_as_tags:
            kept = ", ".join(f"{n} {k}" for k, n in sorted(self.kept_as_tags.items()))
            out.append(f"Kept as tags on services: {kept}.")
        if self.skipped:
            out.append(f"Skipped or changed {len(self.skipped)}:")
            out.extend(f"  {line}" for line in self.skipped)
        return out


def _annotations(entity: RawEntity) -> dict[str, str]:
    meta = entity.data.get("metadata") or {}
    ann = meta.get("annotations") or {}
    return {k[len(ANNOTATION):]: str(v) for k, v in ann.items() if isinstance(k, str) and k.startswith(ANNOTATION)}


def _spec(entity: RawEntity) -> dict[str, Any]:
    spec = entity.data.get("spec") or {}
    if not isinstance(spec, dict):
        raise FormatError(f"{entity.where}: spec must be a mapping.")
    return spec


def _title(entity: RawEntity, name: str) -> str:
    meta = entity.data.get("metadata") or {}
    profile = _spec(entity).get("profile") or {}
    title = (profile.get("displayName") if isinstance(profile, dict) else None) or meta.get("title") or name
    return str(title)


def _enum(kind: type[Enum], value: str | None, entity: RawEntity, key: str) -> Any:
    if value is None:
        return None
    try:
        return kind(value.strip().lower())
    except ValueError:
        choices = ", ".join(e.value for e in kind)
        raise FormatError(f"{entity.where}: annotation {ANNOTATION}{key} must be one of {choices}, not '{value}'.") from None


class _Catalog:
    """Indexes the raw entities by reference and checks kinds, names and duplicates."""

    def __init__(self, entities: list[RawEntity], report: ImportReport) -> None:
        self.by_key: dict[tuple[str, str, str], tuple[EntityRef, RawEntity]] = {}
        self.report = report
        for entity in entities:
            kind = entity.data.get("kind")
            if not isinstance(kind, str) or not kind:
                raise FormatError(f"{entity.where}: the entity has no kind.")
            if kind.lower() not in KNOWN_KINDS:
                raise FormatError(f"{entity.where}: unknown kind '{kind}'.")
            meta = entity.data.get("metadata")
            if not isinstance(meta, dict) or "name" not in meta:
                raise FormatError(f"{entity.where}: the {kind} has no metadata.name.")
            if not valid_name(meta["name"]):
                report.skipped.append(f"{entity.where}: {kind} '{meta['name']}' skipped: not a valid Backstage name.")
                continue
            ref = EntityRef(kind.lower(), str(meta.get("namespace") or "default"), meta["name"])
            if ref.key in self.by_key:
                first = self.by_key[ref.key][1]
                raise FormatError(f"{entity.where}: duplicate entity {ref} (first defined at {first.where}).")
            self.by_key[ref.key] = (ref, entity)

    def of_kind(self, kind: str) -> list[tuple[EntityRef, RawEntity]]:
        return [v for v in self.by_key.values() if v[0].kind == kind]

    def resolve(self, text: Any, default_kind: str, context: EntityRef) -> EntityRef | None:
        ref = parse_ref(str(text), default_kind, context.namespace) if text is not None else None
        if ref is None:
            return None
        found = self.by_key.get(ref.key)
        return found[0] if found else None


def import_backstage(*sources: str | Path, embeds_from_memberships: bool = False) -> tuple[OrgModel, ImportReport]:
    """Read a Backstage catalog (files or folders, together) into a new model, with a report."""
    if not sources:
        raise FormatError("No Backstage catalog file or folder was given.")
    files = read_catalog(*sources)
    if not files.entities:
        raise FormatError(f"{Path(sources[0]).name} holds no Backstage catalog entities.")
    report = ImportReport(skipped=list(files.skipped))
    catalog = _Catalog(files.entities, report)
    model = OrgModel(Organisation(name=_organisation_name(catalog, sources[0])))
    try:
        _teams(model, catalog, report)
        _people(model, catalog, report, embeds_from_memberships)
        _services(model, catalog, report)
    except FormatError:
        raise
    except OrgModelError as error:
        raise FormatError(f"The catalog cannot be imported: {error}") from None
    for kind in ("api", "resource", "system", "domain", "template"):
        count = len(catalog.of_kind(kind))
        if count and kind == "template":
            report.skipped.append(f"{count} Template entities skipped (scaffolder templates are not part of an organisation).")
    return model, report


def _organisation_name(catalog: _Catalog, source: str | Path) -> str:
    for ref, entity in catalog.of_kind("group"):
        if str(_spec(entity).get("type", "")).lower() in ("organization", "organisation", "root"):
            return _title(entity, ref.name)
    return Path(source).stem or "Imported catalog"


def _team_kind(entity: RawEntity) -> TeamKind:
    explicit = _enum(TeamKind, _annotations(entity).get("team-kind"), entity, "team-kind")
    if explicit is not None:
        return explicit  # type: ignore[no-any-return]
    return TeamKind.SOFTWARE if str(_spec(entity).get("type", "")).lower() == "team" else TeamKind.GROUP


def _teams(model: OrgModel, catalog: _Catalog, report: ImportReport) -> None:
    groups = catalog.of_kind("group")
    parents: dict[str, str | None] = {}
    where = {orgmodel_id(ref): entity for ref, entity in groups}
    for ref, entity in groups:
        spec = _spec(entity)
        tid = orgmodel_id(ref)
        if spec.get("parent") is not None:
            parent = catalog.resolve(spec["parent"], "group", ref)
            if parent is None:
                report.skipped.append(f"{entity.path.name}:{entity.line_of('spec.parent')}: parent '{spec['parent']}' of group "
                                      f"'{ref.name}' does not resolve; the team is placed at the top.")
            parents[tid] = orgmodel_id(parent) if parent else None
        for child in spec.get("children") or []:
            child_ref = catalog.resolve(child, "group", ref)
            if child_ref is None:
                report.skipped.append(f"{entity.path.name}:{entity.line_of('spec.children')}: child '{child}' of group "
                                      f"'{ref.name}' does not resolve.")
            elif orgmodel_id(child_ref) not in parents or parents[orgmodel_id(child_ref)] is None:
                parents.setdefault(orgmodel_id(child_ref), tid)
    for ref, entity in groups:
        ann = _annotations(entity)
        team = Team(orgmodel_id(ref), _title(entity, ref.name), _team_kind(entity),
                    sites=int(ann.get("sites", "1")) if ann.get("sites", "1").isdigit() else 1,
                    has_oncall=ann.get("oncall", "").lower() in ("true", "yes", "1"),
                    notes=str((entity.data.get("metadata") or {}).get("description") or ""))
        model.add(team)
        report.taken["teams"] += 1
    for tid, parent_id in parents.items():
        if parent_id is not None and tid in model.teams:
            try:
                model.change(tid, parent=parent_id)
            except OrgModelError:
                raise FormatError(f"{where[tid].where}: the groups form a cycle: '{model.teams[tid].name}' "
                                  f"cannot sit under '{model.teams[parent_id].name}'.") from None


def _people(model: OrgModel, catalog: _Catalog, report: ImportReport, embeds: bool) -> None:
    for ref, entity in catalog.of_kind("user"):
        spec = _spec(entity)
        ann = _annotations(entity)
        teams: list[str] = []
        for membership in spec.get("memberOf") or []:
            group = catalog.resolve(membership, "group", ref)
            if group is None:
                report.skipped.append(f"{entity.path.name}:{entity.line_of('spec.memberOf')}: membership '{membership}' "
                                      f"of user '{ref.name}' does not resolve.")
            elif orgmodel_id(group) not in teams:
                teams.append(orgmodel_id(group))
        home = teams[0] if teams else None
        role = _enum(Role, ann.get("role"), entity, "role")
        if role is None:
            role = ROLE_FOR_KIND.get(model.teams[home].kind, Role.SOFTWARE_ENGINEER) if home else Role.SOFTWARE_ENGINEER
        profile: dict[str, Any] = spec["profile"] if isinstance(spec.get("profile"), dict) else {}
        pid = orgmodel_id(ref)
        model.add(Person(pid, _title(entity, ref.name), role, team=home, email=str(profile.get("email") or "")))
        report.taken["people"] += 1
        for extra in teams[1:]:
            if embeds:
                model.add(Embed(f"embed:{pid}@{extra}", pid, extra, purpose="second membership in Backstage"))
                report.taken["embeds"] += 1
            else:
                report.skipped.append(f"{entity.where}: second membership of '{ref.name}' in '{model.teams[extra].name}' "
                                      "not imported (use --embeds-from-memberships to make it an embed).")


def _services(model: OrgModel, catalog: _Catalog, report: ImportReport) -> None:
    deps: list[tuple[str, EntityRef, RawEntity]] = []
    for ref, entity in catalog.of_kind("component"):
        spec = _spec(entity)
        kind = str(spec.get("type", "")).lower()
        if kind not in SERVICE_TYPES:
            report.skipped.append(f"{entity.where}: component '{ref.name}' of type '{kind or '?'}' skipped (only services and websites are services).")
            continue
        service = Service(orgmodel_id(ref), _title(entity, ref.name), owner=_owner(catalog, ref, entity, report),
                          tags=_tags(catalog, ref, entity, report),
                          notes=str((entity.data.get("metadata") or {}).get("description") or ""))
        service = _annotated(model, service, entity, catalog, ref)
        model.add(service)
        report.taken["services"] += 1
        deps.extend((service.id, ref, entity) for _ in [0])
    for sid, ref, entity in deps:
        for target in _spec(entity).get("dependsOn") or []:
            dep = catalog.resolve(target, "component", ref)
            if dep is not None and dep.kind == "component" and orgmodel_id(dep) in model.services:
                if Dependency(sid, orgmodel_id(dep)).id not in model.dependencies and orgmodel_id(dep) != sid:
                    model.add(Dependency(sid, orgmodel_id(dep)))
                    report.taken["dependencies"] += 1
            elif dep is None:
                report.skipped.append(f"{entity.path.name}:{entity.line_of('spec.dependsOn')}: dependency '{target}' of "
                                      f"'{ref.name}' does not resolve.")


def _owner(catalog: _Catalog, ref: EntityRef, entity: RawEntity, report: ImportReport) -> str | None:
    owner = _spec(entity).get("owner")
    line = entity.line_of("spec.owner")
    if owner is None:
        report.skipped.append(f"{entity.path.name}:{line}: component '{ref.name}' has no owner.")
        return None
    found = catalog.resolve(owner, "group", ref)
    if found is None:
        report.skipped.append(f"{entity.path.name}:{line}: owner '{owner}' of component '{ref.name}' does not resolve; "
                              "left without an owning team.")
        return None
    if found.kind != "group":
        report.skipped.append(f"{entity.path.name}:{line}: owner '{owner}' of component '{ref.name}' is a {found.kind}, "
                              "not a team; left without an owning team.")
        return None
    return orgmodel_id(found)


def _tags(catalog: _Catalog, ref: EntityRef, entity: RawEntity, report: ImportReport) -> tuple[str, ...]:
    spec = _spec(entity)
    meta = entity.data.get("metadata") or {}
    tags = [str(t) for t in meta.get("tags") or []]
    system = catalog.resolve(spec.get("system"), "system", ref) if spec.get("system") else None
    if system is not None:
        tags.append(f"system:{system.name}")
        report.kept_as_tags["systems"] += 1
        domain = catalog.resolve(_spec(catalog.by_key[system.key][1]).get("domain"), "domain", system)
        if domain is not None:
            tags.append(f"domain:{domain.name}")
            report.kept_as_tags["domains"] += 1
    for key, prefix in (("providesApis", "provides-api"), ("consumesApis", "consumes-api")):
        for api in spec.get(key) or []:
            found = catalog.resolve(api, "api", ref)
            if found is not None:
                tags.append(f"{prefix}:{found.name}")
                report.kept_as_tags["APIs"] += 1
    for target in spec.get("dependsOn") or []:
        found = catalog.resolve(target, "component", ref)
        if found is not None and found.kind == "resource":
            tags.append(f"resource:{found.name}")
            report.kept_as_tags["resources"] += 1
    if spec.get("lifecycle"):
        tags.append(f"lifecycle:{spec['lifecycle']}")
    return tuple(dict.fromkeys(tags))


def _annotated(model: OrgModel, service: Service, entity: RawEntity, catalog: _Catalog, ref: EntityRef) -> Service:
    ann = _annotations(entity)
    changes: dict[str, Any] = {}
    if "tier" in ann:
        if ann["tier"] not in ("1", "2", "3", "4"):
            raise FormatError(f"{entity.where}: annotation {ANNOTATION}tier must be 1-4, not '{ann['tier']}'.")
        changes["tier"] = int(ann["tier"])
    if "architecture" in ann:
        changes["architecture"] = _enum(Architecture, ann["architecture"], entity, "architecture")
    support = _enum(Support, ann.get("support"), entity, "support")
    if support is Support.SRE:
        team = catalog.resolve(ann.get("sre-team"), "group", ref)
        if team is None or orgmodel_id(team) not in model.teams or model.teams[orgmodel_id(team)].kind is not TeamKind.SRE:
            raise FormatError(f"{entity.where}: {ANNOTATION}support is sre, so {ANNOTATION}sre-team must name a group "
                              f"with {ANNOTATION}team-kind: sre (it is '{ann.get('sre-team', '')}').")
        changes.update(support=Support.SRE, sre_team=orgmodel_id(team))
    if ann.get("platform-version"):
        changes["platform_version"] = _platform_version(model, ann["platform-version"], entity)
    return replace(service, **changes) if changes else service


def _platform_version(model: OrgModel, text: str, entity: RawEntity) -> str:
    if "@" not in text:
        raise FormatError(f"{entity.where}: {ANNOTATION}platform-version must look like 'kubernetes@1.29', not '{text}'.")
    platform, version = (part.strip() for part in text.split("@", 1))
    pid, vid = f"platform:{platform}", f"platform-version:{platform}@{version}"
    if pid not in model.platforms:
        model.add(Platform(pid, platform))
    if vid not in model.platform_versions:
        model.add(PlatformVersion(vid, pid, version, VersionStatus.PRODUCTION))
    return vid
