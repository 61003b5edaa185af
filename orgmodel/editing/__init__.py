"""Qt-free undo for OrgModel documents: the command stack and one command per model operation.

Import commands from ``orgmodel.editing.commands`` and the stack from ``orgmodel.editing.stack``;
the names are re-exported here for convenience.
"""

from orgmodel.editing.commands import *  # noqa: F403
from orgmodel.editing.commands import __all__ as _commands
from orgmodel.editing.stack import CommandStack, Journal

__all__ = [*_commands, "CommandStack", "Journal"]
