"""The rules an entity must satisfy against the rest of the model before ``OrgModel`` stores it.

``check_entity(model, entity)`` checks references (they exist and are of the right kind), cycles in
the team tree and the reporting lines, embeds (not into the home team) and SRE support (names an SRE
team); ``check_update(model, old, new)`` adds what an update must not break for *other* entities (an
SRE team keeps its kind while something relies on it). Each failure raises an ``OrgModelError``
subclass with one sentence a user can act on. Not for an entity's own values (``validation.py``)
and never changes the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Service,
    Team,
)
from orgmodel.core.errors import DanglingReferenceError, InvariantError
from orgmodel.core.kinds import EntityKind, Support, TeamKind
from orgmodel.core.naming import LABEL, describe, kind_of, upper_first
from orgmodel.core.validation import check_entity_values

if TYPE_CHECKING:
    from orgmodel.core.model import OrgModel


def reference(
    model: OrgModel,
    entity: Any,
    field: str,
    kind: EntityKind,
    owner: str = "",
    required: bool = False,
) -> Any:
    """The entity named by ``entity.<field>`` (None when unset); refuses a missing or wrong-kind one."""
    target_id = getattr(entity, field)
    if target_id is None:
        if required:
            who = owner or upper_first(describe(entity))
            raise InvariantError(f"{who}: {field} must name a {LABEL[kind]}.")
        return None
    target = model.find(target_id) if isinstance(target_id, str) else None
    if target is None or kind_of(target) is not kind:
        who = owner or upper_first(describe(entity))
        raise DanglingReferenceError(f"{who}: {field} '{target_id}' is not a {LABEL[kind]}.")
    return target


def check_entity(model: OrgModel, entity: Any) -> None:
    """Raise when ``entity`` (new or changed) would break a rule of ``model``."""
    check_entity_values(entity)
    checker = _CHECKERS.get(type(entity))
    if checker is not None:
        checker(model, entity)


def check_update(model: OrgModel, old: Any, new: Any) -> None:
    """Raise when replacing ``old`` by ``new`` would make another entity's reference wrong."""
    if isinstance(old, Team) and old.kind is TeamKind.SRE and new.kind is not TeamKind.SRE:
        users = [e for e, f in model.referrers(old.id) if f in ("sre_team", "production_owner")]
        if users:
            raise InvariantError(
                f"Team '{old.name}' must stay an SRE team: {describe(users[0])} "
                "relies on it for SRE support."
            )


def _check_team(model: OrgModel, team: Team) -> None:
    reference(model, team, "parent", EntityKind.TEAM)
    seen = {team.id}
    parent = team.parent
    while parent is not None:
        if parent in seen:
            raise InvariantError(
                f"Team '{team.name}' cannot sit under '{model.get(str(team.parent)).name}': "
                "the team tree would have a cycle."
            )
        seen.add(parent)
        above = model.find(parent)
        parent = above.parent if isinstance(above, Team) else None


def _check_person(model: OrgModel, person: Person) -> None:
    reference(model, person, "team", EntityKind.TEAM)
    reference(model, person, "manager", EntityKind.PERSON)
    seen = {person.id}
    manager = person.manager
    while manager is not None:
        if manager in seen:
            raise InvariantError(
                f"{person.name} cannot report to {model.get(str(person.manager)).name}: "
                "the reporting lines would have a cycle."
            )
        seen.add(manager)
        boss = model.find(manager)
        manager = boss.manager if isinstance(boss, Person) else None
    if person.team is None:
        return
    for embed in model.embeds_of(person.id):
        if embed.host == person.team:
            raise InvariantError(
                f"{person.name} cannot join '{model.get(embed.host).name}': "
                "they are embedded there (end the embed first)."
            )


def _check_service(model: OrgModel, service: Service) -> None:
    reference(model, service, "owner", EntityKind.TEAM)
    reference(model, service, "platform_version", EntityKind.PLATFORM_VERSION)
    if service.support is Support.SRE:
        sre = reference(model, service, "sre_team", EntityKind.TEAM)
        if sre is None or sre.kind is not TeamKind.SRE:
            raise InvariantError(
                f"Service '{service.name}' is SRE-supported, so it needs an SRE team "
                "(a team of kind 'sre') as its sre_team."
            )
    elif service.sre_team is not None:
        raise InvariantError(
            f"Service '{service.name}' is developer-supported and cannot name an SRE team."
        )


def _check_platform(model: OrgModel, platform: Platform) -> None:
    reference(model, platform, "owner", EntityKind.TEAM)


def _check_platform_version(model: OrgModel, version: PlatformVersion) -> None:
    reference(model, version, "platform", EntityKind.PLATFORM, required=True)
    owner = reference(model, version, "production_owner", EntityKind.TEAM)
    if owner is not None and owner.kind is not TeamKind.SRE:
        raise InvariantError(
            f"Platform version '{version.version}' can only be handed to an SRE team, "
            f"not to '{owner.name}' ({owner.kind.value})."
        )


def _check_embed(model: OrgModel, embed: Embed) -> None:
    person = reference(model, embed, "person", EntityKind.PERSON, required=True)
    host = reference(model, embed, "host", EntityKind.TEAM, required=True)
    if person.team == host.id:
        raise InvariantError(f"{person.name} cannot embed in '{host.name}': it is their home team.")


def _check_dependency(model: OrgModel, dependency: Dependency) -> None:
    reference(model, dependency, "source", EntityKind.SERVICE, required=True)
    reference(model, dependency, "target", EntityKind.SERVICE, required=True)


def _check_forum(model: OrgModel, forum: Forum) -> None:
    seen: set[tuple[str, str]] = set()
    where = f"Forum '{forum.name}' representative"
    for rep in forum.representatives:
        reference(model, rep, "person", EntityKind.PERSON, owner=where, required=True)
        reference(model, rep, "team", EntityKind.TEAM, owner=where, required=True)
        if (rep.person, rep.team) in seen:
            raise InvariantError(f"Forum '{forum.name}' lists the same representative twice.")
        seen.add((rep.person, rep.team))


_CHECKERS: dict[type, Any] = {
    Team: _check_team,
    Person: _check_person,
    Service: _check_service,
    Platform: _check_platform,
    PlatformVersion: _check_platform_version,
    Embed: _check_embed,
    Dependency: _check_dependency,
    Forum: _check_forum,
}
