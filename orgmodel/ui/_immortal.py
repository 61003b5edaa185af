"""Work around shiboken6 6.12 (abi3 wheels) over-releasing ``None``, ``True`` and ``False``.

On Python 3.11 every call of a PySide6 6.12 method that returns nothing drops one reference to
``None`` that it never took (and some bool returns do the same to ``True``/``False``). Python 3.12+
makes these singletons immortal, so the bug is invisible there; on 3.11 the count reaches zero
after enough calls and the interpreter aborts ("Fatal Python error: none_dealloc"). Giving the
three singletons a huge reference count makes them immortal in practice, which is what 3.12 does.
Applied once, only on Python < 3.12, before any Qt object is used. Remove with the upstream fix.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40


def make_singletons_immortal() -> bool:
    """Raise the reference counts of None, True and False; True when applied."""
    if sys.version_info >= (3, 12) or getattr(sys, "_orgmodel_immortal", False):
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _BALLAST
    sys._orgmodel_immortal = True  # type: ignore[attr-defined]
    return True
