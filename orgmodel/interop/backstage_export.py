"""OrgModel -> Backstage catalog YAML (Groups, Users, Components), re-importable by OrgModel.

Teams become Groups (``spec.type`` team or department, parent/children), people Users (memberOf
their team), services Components of type service with their owner and ``dependsOn``. What
Backstage has no field for travels in ``orgmodel.io/`` annotations, so an export imports back with
team kinds, roles, SRE support, tier, architecture and platform versions intact. Entities imported
from Backstage keep their names and namespaces. Not for embeds, forums or views (no Backstage kind).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from orgmodel.core.fileio import write_text_atomic
from orgmodel.core.kinds import Support, TeamKind
from orgmodel.core.model import OrgModel
from orgmodel.interop.backstage_import import ANNOTATION
from orgmodel.interop.backstage_refs import DEFAULT_NAMESPACE, valid_name

API_VERSION = "backstage.io/v1alpha1"


class _Names:
    """Backstage (namespace, name) for each exported entity id, unique per kind."""

    def __init__(self) -> None:
        self._by_id: dict[str, tuple[str, str]] = {}
        self._used: set[tuple[str, str, str]] = set()

    def assign(self, kind: str, entity_id: str, fallback: str) -> tuple[str, str]:
        namespace, name = DEFAULT_NAMESPACE, ""
        match = re.fullmatch(rf"{kind}:(?:([^/]+)/)?(.+)", entity_id)
        if match and valid_name(match.group(2)):
            namespace, name = match.group(1) or DEFAULT_NAMESPACE, match.group(2)
        else:
            name = _slug(fallback) or _slug(entity_id) or kind
        base, n = name, 2
        while (kind, namespace, name.lower()) in self._used:
            name = f"{base[:58]}-{n}"
            n += 1
        self._used.add((kind, namespace, name.lower()))
        self._by_id[entity_id] = (namespace, name)
        return namespace, name

    def ref(self, kind: str, entity_id: str) -> str:
        namespace, name = self._by_id[entity_id]
        return f"{kind}:{namespace}/{name}" if namespace != DEFAULT_NAMESPACE else f"{kind}:{name}"


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", text.strip()).strip("-._")[:63].strip("-._")
    return slug.lower()


def _meta(namespace: str, name: str, title: str, description: str, annotations: dict[str, str],
          tags: tuple[str, ...] = ()) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": name}
    if namespace != DEFAULT_NAMESPACE:
        meta["namespace"] = namespace
    if title and title != name:
        meta["title"] = title
    if description:
        meta["description"] = description
    if annotations:
        meta["annotations"] = {f"{ANNOTATION}{k}": v for k, v in annotations.items()}
    plain = [t for t in tags if valid_name(t) and ":" not in t]
    if plain:
        meta["tags"] = plain
    return meta


def backstage_documents(model: OrgModel) -> list[dict[str, Any]]:
    names = _Names()
    for team in model.teams.values():
        names.assign("group", team.id, team.name)
    for person in model.people.values():
        names.assign("user", person.id, person.email.split("@")[0] if person.email else person.name)
    for service in model.services.values():
        names.assign("component", service.id, service.name)
    docs: list[dict[str, Any]] = []
    for team in model.teams.values():
        ns, name = names._by_id[team.id]
        spec: dict[str, Any] = {"type": "team" if team.kind is not TeamKind.GROUP else "department",
                                "profile": {"displayName": team.name},
                                "children": [names.ref("group", c.id) for c in model.children(team.id)]}
        if team.parent:
            spec["parent"] = names.ref("group", team.parent)
        ann = {"team-kind": team.kind.value, "sites": str(team.sites), "oncall": str(team.has_oncall).lower()}
        docs.append({"apiVersion": API_VERSION, "kind": "Group", "metadata": _meta(ns, name, "", team.notes, ann), "spec": spec})
    for person in model.people.values():
        ns, name = names._by_id[person.id]
        profile = {"displayName": person.name, **({"email": person.email} if person.email else {})}
        spec = {"profile": profile, "memberOf": [names.ref("group", person.team)] if person.team else []}
        docs.append({"apiVersion": API_VERSION, "kind": "User",
                     "metadata": _meta(ns, name, "", person.notes, {"role": person.role.value}), "spec": spec})
    for service in model.services.values():
        docs.append(_component(model, names, service))
    return docs


def _component(model: OrgModel, names: _Names, service: Any) -> dict[str, Any]:
    ns, name = names._by_id[service.id]
    ann = {"tier": str(service.tier), "architecture": service.architecture.value, "support": service.support.value}
    if service.support is Support.SRE and service.sre_team:
        ann["sre-team"] = names.ref("group", service.sre_team)
    if service.platform_version:
        version = model.platform_versions[service.platform_version]
        platform = model.platforms[version.platform]
        ann["platform-version"] = f"{_slug(platform.name) or platform.id}@{version.version}"
    spec: dict[str, Any] = {"type": "service", "lifecycle": "production"}
    if service.owner:
        spec["owner"] = names.ref("group", service.owner)
    depends = [names.ref("component", d.target) for d in model.dependencies.values() if d.source == service.id]
    if depends:
        spec["dependsOn"] = depends
    return {"apiVersion": API_VERSION, "kind": "Component",
            "metadata": _meta(ns, name, service.name, service.notes, ann, service.tags), "spec": spec}


def dumps_backstage(model: OrgModel) -> str:
    return str(yaml.safe_dump_all(backstage_documents(model), sort_keys=False, allow_unicode=True))


def write_backstage(model: OrgModel, path: str | Path) -> None:
    write_text_atomic(path, dumps_backstage(model))
