"""Commands for the operations an organisation designer names: move a person, start and end an
embed, set who supports a service, hand a platform version to SRE, add and remove dependencies and
forum representatives.

Each is a thin ``Command`` that reads the model to build the new entity and writes it through the
journal, so the model's invariants decide what is allowed and undo is exact. Texts read like the
history of a planning session ("Move Ada to 'SRE'", "Hand Kubernetes 3.0 to 'SRE'"). Not for the
generic add/remove/change commands (``commands.py``) nor for saved views (``view_commands.py``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from orgmodel.core.entities import Dependency, Embed, Representative, new_id
from orgmodel.core.errors import NotFoundError
from orgmodel.core.kinds import EntityKind, Support
from orgmodel.core.model import OrgModel
from orgmodel.editing.stack import Command, Journal


def _name(model: OrgModel, entity_id: str, kind: EntityKind) -> str:
    entity = model.get(entity_id, kind)
    return str(entity.name)


def _version_label(model: OrgModel, version_id: str) -> str:
    version = model.get(version_id, EntityKind.PLATFORM_VERSION)
    platform = model.find(version.platform)
    prefix = f"{platform.name} " if platform is not None else ""
    return f"{prefix}{version.version}"


class MovePersonCommand(Command):
    """Give a person another home team (``None``: no team)."""

    def __init__(self, person_id: str, team_id: str | None) -> None:
        super().__init__(f"Move '{person_id}'")
        self.person_id = person_id
        self.team_id = team_id

    def apply(self, journal: Journal) -> None:
        model = journal.model
        person = model.get(self.person_id, EntityKind.PERSON)
        if self.team_id is None:
            where = "out of their team"
        else:
            where = f"to '{_name(model, self.team_id, EntityKind.TEAM)}'"
        journal.change(self.person_id, team=self.team_id)
        self.text = f"Move {person.name} {where}"


class StartEmbedCommand(Command):
    """Embed a person in a host team for a while (a new ``Embed``)."""

    def __init__(
        self,
        person_id: str,
        host_id: str,
        purpose: str = "",
        start: date | None = None,
        end: date | None = None,
        embed_id: str | None = None,
    ) -> None:
        super().__init__(f"Embed '{person_id}'")
        self.embed = Embed(embed_id or new_id(), person_id, host_id, purpose, start, end)

    def apply(self, journal: Journal) -> None:
        journal.add(self.embed)
        person = _name(journal.model, self.embed.person, EntityKind.PERSON)
        host = _name(journal.model, self.embed.host, EntityKind.TEAM)
        self.text = f"Embed {person} in '{host}'"


class EndEmbedCommand(Command):
    """Set (or move) the end date of an embed."""

    def __init__(self, embed_id: str, end: date | None) -> None:
        super().__init__(f"End embed '{embed_id}'")
        self.embed_id = embed_id
        self.end = end

    def apply(self, journal: Journal) -> None:
        model = journal.model
        embed = model.get(self.embed_id, EntityKind.EMBED)
        journal.change(self.embed_id, end=self.end)
        person = _name(model, embed.person, EntityKind.PERSON)
        host = _name(model, embed.host, EntityKind.TEAM)
        self.text = f"End {person}'s embed in '{host}'"


class SetServiceSupportCommand(Command):
    """Hand a service's pager to an SRE team, or back to its developers (``None``)."""

    def __init__(self, service_id: str, sre_team_id: str | None) -> None:
        super().__init__(f"Set support of '{service_id}'")
        self.service_id = service_id
        self.sre_team_id = sre_team_id

    def apply(self, journal: Journal) -> None:
        model = journal.model
        service = model.get(self.service_id, EntityKind.SERVICE)
        if self.sre_team_id is None:
            journal.change(self.service_id, support=Support.DEV, sre_team=None)
            self.text = f"Hand {service.name} back to its developers"
            return
        team = _name(model, self.sre_team_id, EntityKind.TEAM)
        journal.change(self.service_id, support=Support.SRE, sre_team=self.sre_team_id)
        self.text = f"Hand {service.name} to '{team}'"


class HandPlatformVersionCommand(Command):
    """Make an SRE team the production owner of a platform version (``None``: no owner)."""

    def __init__(self, version_id: str, sre_team_id: str | None) -> None:
        super().__init__(f"Hand '{version_id}'")
        self.version_id = version_id
        self.sre_team_id = sre_team_id

    def apply(self, journal: Journal) -> None:
        model = journal.model
        label = _version_label(model, self.version_id)
        old_owner = model.get(self.version_id).production_owner
        if self.sre_team_id is None:
            journal.change(self.version_id, production_owner=None)
            if old_owner is None:
                self.text = f"Leave {label} without a production owner"
            else:
                owner = _name(model, old_owner, EntityKind.TEAM)
                self.text = f"Take {label} back from '{owner}'"
            return
        team = _name(model, self.sre_team_id, EntityKind.TEAM)
        journal.change(self.version_id, production_owner=self.sre_team_id)
        self.text = f"Hand {label} to '{team}'"


class AddDependencyCommand(Command):
    """Record that service ``source`` depends on service ``target``."""

    def __init__(self, source: str, target: str) -> None:
        super().__init__(f"Add dependency '{source}' -> '{target}'")
        self.dependency = Dependency(source, target)

    def apply(self, journal: Journal) -> None:
        journal.add(self.dependency)
        source = _name(journal.model, self.dependency.source, EntityKind.SERVICE)
        target = _name(journal.model, self.dependency.target, EntityKind.SERVICE)
        self.text = f"Make {source} depend on {target}"


class RemoveDependencyCommand(Command):
    """Forget that service ``source`` depends on service ``target``."""

    def __init__(self, source: str, target: str) -> None:
        super().__init__(f"Remove dependency '{source}' -> '{target}'")
        self.dependency = Dependency(source, target)

    def apply(self, journal: Journal) -> None:
        model = journal.model
        dep = self.dependency
        if dep.id not in model.dependencies:
            source = _label_or_id(model, dep.source)
            target = _label_or_id(model, dep.target)
            raise NotFoundError(f"{source} does not depend on {target}.")
        source, target = _label_or_id(model, dep.source), _label_or_id(model, dep.target)
        journal.remove(dep.id)
        self.text = f"Remove the dependency of {source} on {target}"


def _label_or_id(model: OrgModel, entity_id: str) -> str:
    """The entity's name, or its id in quotes when there is no such entity."""
    entity = model.find(entity_id)
    return str(entity.name) if entity is not None and hasattr(entity, "name") else f"'{entity_id}'"


def _quoted(model: OrgModel, entity_id: str) -> str:
    name = _label_or_id(model, entity_id)
    return name if name.startswith("'") else f"'{name}'"


class AddRepresentativeCommand(Command):
    """Seat a person in a forum as the representative of a team."""

    def __init__(self, forum_id: str, person_id: str, team_id: str) -> None:
        super().__init__(f"Add a representative to '{forum_id}'")
        self.forum_id = forum_id
        self.seat = Representative(person_id, team_id)

    def apply(self, journal: Journal) -> None:
        model = journal.model
        forum = model.get(self.forum_id, EntityKind.FORUM)
        journal.update(replace(forum, representatives=(*forum.representatives, self.seat)))
        person = _name(model, self.seat.person, EntityKind.PERSON)
        team = _name(model, self.seat.team, EntityKind.TEAM)
        self.text = f"Add {person} to '{forum.name}' for '{team}'"


class RemoveRepresentativeCommand(Command):
    """Take a person's seat for a team out of a forum."""

    def __init__(self, forum_id: str, person_id: str, team_id: str) -> None:
        super().__init__(f"Remove a representative from '{forum_id}'")
        self.forum_id = forum_id
        self.seat = Representative(person_id, team_id)

    def apply(self, journal: Journal) -> None:
        model = journal.model
        forum = model.get(self.forum_id, EntityKind.FORUM)
        person = _label_or_id(model, self.seat.person)
        team = _quoted(model, self.seat.team)
        if self.seat not in forum.representatives:
            raise NotFoundError(f"{person} does not represent {team} in '{forum.name}'.")
        seats = tuple(r for r in forum.representatives if r != self.seat)
        journal.update(replace(forum, representatives=seats))
        self.text = f"Remove {person} from '{forum.name}'"
