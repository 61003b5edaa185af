"""Errors of the document layer: a file that cannot be opened, a document open elsewhere.

Both carry one user-facing sentence (``str(error)``), like every ``OrgModelError``; the CLI prints
it on one line and the UI shows it in a message box. Not for programming errors.
"""

from __future__ import annotations

from orgmodel.core.errors import FormatError, OrgModelError


class DocumentError(FormatError):
    """A file is not a readable OrgModel document, or a document cannot be saved."""


class DocumentLockedError(OrgModelError):
    """The document is open in another OrgModel (another process holds its lock)."""
