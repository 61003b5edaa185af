"""Errors of the domain, each carrying a message a user can act on.

Every invariant the model enforces raises a subclass of ``OrgModelError``; the CLI and the UI show
``str(error)`` as one sentence. Not for programming errors (those stay ordinary exceptions).
"""

from __future__ import annotations


class OrgModelError(Exception):
    """Base of every error a user can see and act on."""


class InvariantError(OrgModelError):
    """An edit would break a rule of the organisation (a cycle, a wrong date, a bad value)."""


class DanglingReferenceError(OrgModelError):
    """A reference names an entity that does not exist or is of the wrong kind."""


class DuplicateIdError(OrgModelError):
    """An id is already used by another entity."""


class NotFoundError(OrgModelError):
    """No entity has the given id."""


class InUseError(OrgModelError):
    """An entity cannot be removed because others still refer to it."""


class FormatError(OrgModelError):
    """A file or text is not in the expected format (JSON, TOML, CSV, YAML, .orgmodel)."""
