"""Benchmark: File > Open of the large example in the main window, until the window is painted.

What a user waits for: the document read, the explorer tree, findings and metrics refreshed,
the diagram built on the document's first view (the large example's: teams only, readable
from the top of its org chart) and the whole window painted once (offscreen). The window
alternates between two copies of the document (opening the file already open does nothing),
``--runs`` times (default 7), and prints the best and median wall times of each part. Not a
test: it prints numbers and asserts nothing about them.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window_open.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

import orgmodel.ui  # noqa: E402,F401  (PySide6 6.12 / Python 3.11 None-reference workaround)
from orgmodel.examples import load_example  # noqa: E402
from orgmodel.interop.documents import write_document_file  # noqa: E402
from orgmodel.ui.main_window import MainWindow  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    model = load_example("large-enterprise")
    copies = [folder / "large-a.orgmodel", folder / "large-b.orgmodel"]
    for path in copies:
        write_document_file(model, path)
    window = MainWindow(recovery_dir=folder / "recovery", restore=False)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    opened, painted = [], []
    for run in range(args.runs + 1):
        start = time.perf_counter()
        window.files.open_path(copies[run % 2], ask=False)
        app.processEvents()
        middle = time.perf_counter()
        window.grab()
        end = time.perf_counter()
        if run:  # the first run also pays for imports and caches the later ones do not
            opened.append(middle - start)
            painted.append(end - start)
    diagram = window.central.diagram
    labelled = sum(i.has_labels for i in diagram.scene.node_items.values())
    print(f"large-enterprise: {len(model.teams)} teams, {len(model.people)} people, "
          f"{len(model.services)} services; the window opens on {len(diagram.scene.node_items)} "
          f"nodes at zoom {diagram.view.zoom():.2f} ({labelled} labelled)")
    print(f"open (read, explorer, findings, metrics, diagram): best {min(opened) * 1000:5.0f} ms, "
          f"median {statistics.median(opened) * 1000:5.0f} ms")
    print(f"open + first paint of the window:                  best {min(painted) * 1000:5.0f} ms, "
          f"median {statistics.median(painted) * 1000:5.0f} ms")
    window.close()


if __name__ == "__main__":
    main()
