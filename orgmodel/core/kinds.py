"""Enumerations of the domain: kinds of team, roles, statuses.

Values are the lowercase strings used in orgmodel JSON and in the document, so ``Kind(value)``
parses a file and ``kind.value`` (or ``str(kind)``: they are ``StrEnum``s) writes one. Not for behaviour: rules live in the model and in
analysis.
"""

from __future__ import annotations

from enum import StrEnum


class TeamKind(StrEnum):
    GROUP = "group"
    SOFTWARE = "software"
    PLATFORM = "platform"
    AUTOMATION = "automation"
    SRE = "sre"


class Role(StrEnum):
    SOFTWARE_ENGINEER = "software_engineer"
    PLATFORM_ENGINEER = "platform_engineer"
    AUTOMATION_ENGINEER = "automation_engineer"
    SRE_SE = "sre_se"
    SRE_SWE = "sre_swe"
    MANAGER = "manager"
    OTHER = "other"


SRE_ROLES = frozenset({Role.SRE_SE, Role.SRE_SWE})


class Architecture(StrEnum):
    MICROSERVICE = "microservice"
    MONOLITH = "monolith"


class Support(StrEnum):
    DEV = "dev"
    SRE = "sre"


class PlatformKind(StrEnum):
    VM = "vm"
    CONTAINER = "container"
    SERVERLESS = "serverless"
    OTHER = "other"


class VersionStatus(StrEnum):
    PLANNED = "planned"
    DEVELOPMENT = "development"
    RELEASED = "released"
    PRODUCTION = "production"
    DEPRECATED = "deprecated"
    RETIRED = "retired"


class EmbedKind(StrEnum):
    AUTOMATION = "automation"
    PERFORMANCE = "performance"  # an SRE-SWE embedding to help with performance
    OTHER = "other"


class Layout(StrEnum):
    ORG_CHART = "org_chart"
    PLATFORM_STACK = "platform_stack"
    FORCE = "force"
    MANUAL = "manual"


class EntityKind(StrEnum):
    """The collections of an OrgModel, named as in orgmodel JSON."""

    TEAM = "teams"
    PERSON = "people"
    SERVICE = "services"
    PLATFORM = "platforms"
    PLATFORM_VERSION = "platform_versions"
    EMBED = "embeds"
    DEPENDENCY = "dependencies"
    FORUM = "forums"
    SCENARIO = "scenarios"
    VIEW = "views"
