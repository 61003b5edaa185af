"""``orgmodel [FILE] [--screenshot PNG]``: start the desktop application.

Qt is imported here lazily (inside ``run``), so the rest of the command line never pays for it.
Without ``--screenshot`` the window opens (with FILE if given; a bad file is one message box and
the window stays, empty) and recovery copies left by a crash are offered. With ``--screenshot`` the
window renders offscreen at a fixed size once the event loop has settled, is saved as a PNG and the
command exits 0 (a bad FILE: one line on stderr, exit 2). ``--smoke-test`` is a hook: it runs
``orgmodel.ui.smoke.run(args)`` when that module exists.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SCREENSHOT_SIZE = (1400, 900)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "smoke_test", False):
        return _smoke_test(args)
    if getattr(args, "screenshot", None):
        return screenshot(getattr(args, "file", None), args.screenshot)
    return _interactive(getattr(args, "file", None))


def _smoke_test(args: argparse.Namespace) -> int:
    """Hook for ``orgmodel --smoke-test``: ``orgmodel.ui.smoke.run(args) -> int`` does the checks."""
    try:
        from orgmodel.ui import smoke
    except ImportError:
        print("orgmodel: --smoke-test is not available in this build", file=sys.stderr)
        return 2
    return int(smoke.run(args))


def _interactive(file: str | None) -> int:
    from orgmodel.ui.app import create_application
    from orgmodel.ui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    window = MainWindow()
    window.show()
    restored = window.files.offer_recovery()
    if file and not restored:
        window.files.open_path(file, ask=False)
    return int(app.exec())


def screenshot(file: str | None, png: str, theme: str | None = None,
               size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    """Render the main window (with FILE) offscreen to ``png``; 0 on success, 2 on bad input."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from orgmodel.core.errors import OrgModelError
    from orgmodel.ui.app import configure_application, create_application
    from orgmodel.ui.document import Document, open_error_sentence

    document = None
    if file:
        try:
            document = Document.open(file)
        except (OrgModelError, OSError) as error:
            print(f"orgmodel: {open_error_sentence(file, error)}", file=sys.stderr)
            return 2
    app = create_application([sys.argv[0]])
    if theme is not None:
        configure_application(app, theme)
    try:
        from orgmodel.ui.screenshot import grab_window

        ok = grab_window(document, Path(png), size)
    finally:
        if document is not None:
            document.close()
    if not ok:
        print(f"orgmodel: cannot write {png}", file=sys.stderr)
        return 2
    return 0
