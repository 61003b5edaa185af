"""The domain of OrgModel: entities, kinds, the OrgModel aggregate, events and errors.

Standard library only; every other package of ours builds on this one.
"""

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
    new_id,
)
from orgmodel.core.errors import OrgModelError
from orgmodel.core.kinds import (
    Architecture,
    EntityKind,
    Layout,
    PlatformKind,
    Role,
    Support,
    TeamKind,
    VersionStatus,
)
from orgmodel.core.model import OrgModel, describe, kind_of

__all__ = [
    "Architecture",
    "Dependency",
    "Embed",
    "EntityKind",
    "Forum",
    "Layout",
    "OrgModel",
    "OrgModelError",
    "Organisation",
    "Person",
    "Platform",
    "PlatformKind",
    "PlatformVersion",
    "Representative",
    "Role",
    "Scenario",
    "Service",
    "ServiceLoad",
    "Support",
    "Team",
    "TeamKind",
    "VersionStatus",
    "View",
    "describe",
    "kind_of",
    "new_id",
]
