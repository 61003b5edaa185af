"""Turning one edited field of the inspector into the command that makes the change.

Most fields become ``ChangeEntityCommand(id, merge=..., field=value)``; a few have a dedicated
command because the model ties fields together: a service's support and SRE team
(``SetServiceSupportCommand``), a platform version's production owner
(``HandPlatformVersionCommand``), a person's home team (``MovePersonCommand``) and the
organisation's own details (``ChangeOrganisationCommand``). Returns None when nothing would change.
Qt-free.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from orgmodel.core.entities import Organisation, Person, PlatformVersion, Service
from orgmodel.core.errors import InvariantError
from orgmodel.core.kinds import Support, TeamKind
from orgmodel.core.model import OrgModel
from orgmodel.editing.commands import (
    ChangeEntityCommand,
    ChangeOrganisationCommand,
    Command,
    HandPlatformVersionCommand,
    MovePersonCommand,
    SetServiceSupportCommand,
)
from orgmodel.ui.inspector.specs import read_field


def _first_sre_team(model: OrgModel) -> str | None:
    return next((t.id for t in model.teams.values() if t.kind is TeamKind.SRE), None)


def _support_command(model: OrgModel, service: Service, name: str, value: Any) -> Command:
    if name == "sre_team":
        return SetServiceSupportCommand(service.id, value)
    if value is Support.DEV:
        return SetServiceSupportCommand(service.id, None)
    team = service.sre_team or _first_sre_team(model)
    if team is None:
        raise InvariantError(
            f"Service '{service.name}' cannot be SRE-supported: there is no SRE team yet "
            "(add a team of kind SRE first)."
        )
    return SetServiceSupportCommand(service.id, team)


def command_for(model: OrgModel, entity: Any, name: str, value: Any, merge: bool) -> Command | None:
    """The command that sets field ``name`` of ``entity`` to ``value`` (None if already so).

    Raises ``OrgModelError`` for a change that cannot even be expressed (SRE support without any
    SRE team); the model checks everything else when the command is pushed.
    """
    if read_field(entity, name) == value:
        return None
    if isinstance(entity, Organisation):
        return ChangeOrganisationCommand(merge=merge, **{name: value})
    if name.startswith("load."):
        load = replace(entity.load, **{name.split(".", 1)[1]: value})
        return ChangeEntityCommand(entity.id, merge=merge, load=load)
    if isinstance(entity, Service) and name in ("support", "sre_team"):
        return _support_command(model, entity, name, value)
    if isinstance(entity, PlatformVersion) and name == "production_owner":
        return HandPlatformVersionCommand(entity.id, value)
    if isinstance(entity, Person) and name == "team":
        return MovePersonCommand(entity.id, value)
    return ChangeEntityCommand(entity.id, merge=merge, **{name: value})
