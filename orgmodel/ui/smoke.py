"""``orgmodel --smoke-test``: prove an installed OrgModel works, end to end, without a screen.

Opens the main window offscreen on a bundled example, runs a short simulation in worker
processes, renders a saved view to PNG, saves a document and reopens it, each in a temporary
folder. Prints one line per check and exits 0 only if every check passed (1 otherwise), so a
packaged bundle or an installed ``.deb`` can be verified by a script. Not a test suite.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

EXAMPLE = "seed-enterprise"


def _not_blank(png: Path) -> str:
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    if image.isNull() or image.width() < 50 or image.height() < 50:
        raise RuntimeError(f"{png.name} is not a readable image")
    small = image.scaled(64, 64)
    colours = {small.pixel(x, y) for x in range(64) for y in range(64)}
    if len(colours) < 8:
        raise RuntimeError(f"{png.name} looks blank ({len(colours)} colours)")
    return f"{image.width()}x{image.height()}, {len(colours)} colours in a 64x64 thumbnail"


def _window(folder: Path) -> str:
    from orgmodel.cli.common import save_model
    from orgmodel.examples import load_example
    from orgmodel.ui.document import Document
    from orgmodel.ui.screenshot import grab_window

    path = folder / f"{EXAMPLE}.orgmodel"
    save_model(load_example(EXAMPLE), str(path))
    document = Document.open(path)
    png = folder / "window.png"
    if not grab_window(document, png, (1280, 800)):
        raise RuntimeError("the main window could not be grabbed")
    return _not_blank(png)


def _simulation(folder: Path) -> str:
    from orgmodel.examples import load_example
    from orgmodel.sim.montecarlo import run_simulation
    from orgmodel.sim.scenario import load_preset

    result = run_simulation(load_example(EXAMPLE), load_preset("baseline"), runs=40, weeks=52, workers=2)
    data = result.to_dict()
    series = data["series"]["sre_ops_fraction"]["p50"]
    if len(series) != 52 or not all(0.0 <= v <= 1.5 for v in series):
        raise RuntimeError("the SRE ops fraction series is wrong")
    return f"40 runs x 52 weeks, median SRE ops fraction in week 52: {series[-1]:.2f}"


def _render(folder: Path) -> str:
    from orgmodel.examples import load_example
    from orgmodel.ui.diagram.render import find_view, render_view

    model = load_example(EXAMPLE)
    view = find_view(model, None)
    png = folder / "view.png"
    render_view(model, view, png, 1.0)
    return f"view '{view.name if view else 'all'}': " + _not_blank(png)


def _save_reopen(folder: Path) -> str:
    from orgmodel.cli.common import load_model, save_model
    from orgmodel.examples import load_example

    model = load_example(EXAMPLE)
    path = folder / "roundtrip.orgmodel"
    save_model(model, str(path))
    again = load_model(str(path))
    if again.snapshot() != model.snapshot():
        raise RuntimeError("the reopened document differs from the saved one")
    return f"{len(model)} entities, {path.stat().st_size // 1024} KiB"


CHECKS: tuple[tuple[str, Callable[[Path], str]], ...] = (
    ("main window", _window),
    ("simulation", _simulation),
    ("render view", _render),
    ("save and reopen", _save_reopen),
)


def run(args: argparse.Namespace | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from orgmodel.ui.app import create_application

    app = create_application([sys.argv[0]])
    failed = 0
    with tempfile.TemporaryDirectory(prefix="orgmodel-smoke-") as tmp:
        for name, check in CHECKS:
            start = time.perf_counter()
            try:
                detail = check(Path(tmp))
                print(f"ok   {name}: {detail} ({time.perf_counter() - start:.1f} s)", flush=True)
            except Exception as error:  # noqa: BLE001 - every failure is reported, then counted
                failed += 1
                print(f"FAIL {name}: {error}", flush=True)
                if os.environ.get("ORGMODEL_SMOKE_DEBUG"):
                    traceback.print_exc()
    del app
    print("smoke test passed" if not failed else f"smoke test failed: {failed} check(s)")
    return 0 if not failed else 1
