"""OrgModel ui package."""

import sys as _sys

if _sys.version_info < (3, 12):
    # PySide6 6.12 returns None from every void C++ call without a new reference (fine on 3.12+,
    # where None is immortal); on 3.11 each call drops None's refcount until the interpreter
    # aborts with "none_dealloc". Give None references enough for any session.
    import ctypes as _ctypes

    _ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48
