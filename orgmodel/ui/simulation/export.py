"""Saving what the workspace shows: the current chart (PNG, SVG, PDF) and the results (JSON, CSV).

Charts are redrawn at slide size (16:9, ``reporting.style.FIGSIZE``) on a figure of their own, so
the file does not depend on the window's size, and written by ``reporting.figures.save_chart``.
Results are written with ``orgmodel.core.fileio.write_text_atomic``: JSON is the results document
of SIMULATION.md section 4, CSV one row per week. Both raise ``OrgModelError`` with one sentence;
the dialogs turn the answer into a status line. ``ask_path`` is the one place a file dialog opens
(tests replace it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from orgmodel.core.errors import FormatError, OrgModelError
from orgmodel.core.fileio import write_text_atomic
from orgmodel.sim.results import SimulationResult

CHART_FILTER = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"
RESULTS_FILTER = "Results as JSON (*.json);;Weekly table as CSV (*.csv)"
CHART_SUFFIXES = (".png", ".svg", ".pdf")
RESULTS_SUFFIXES = (".json", ".csv")


def ask_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return str(path or "")


def with_suffix(path: str, allowed: tuple[str, ...]) -> Path:
    """The path, given the first allowed suffix when the user typed none."""
    target = Path(path)
    return target if target.suffix else target.with_suffix(allowed[0])


def write_results(results: dict[str, Any], path: str | Path) -> Path:
    """Write results as JSON or CSV (by extension), atomically."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".json":
        text = json.dumps(results, indent=2, sort_keys=False) + "\n"
    elif suffix == ".csv":
        text = SimulationResult.from_dict(results).to_csv_text()
    else:
        raise FormatError(f"{target.name}: results are saved as .json or .csv.")
    try:
        write_text_atomic(target, text)
    except OSError as error:
        raise FormatError(f"Cannot write {target.name}: {error.strerror or error}.") from None
    return target


def write_chart(key: str, data: Any, path: str | Path) -> Path:
    """Draw chart ``key`` of ``reporting.charts.CHARTS`` at slide size and save it."""
    from orgmodel.reporting.charts import CHARTS
    from orgmodel.reporting.figures import save_chart

    target = Path(path)
    if target.suffix.lower() not in CHART_SUFFIXES:
        raise FormatError(f"{target.name}: charts are saved as .png, .svg or .pdf.")
    try:
        save_chart(CHARTS[key][0], data, target)
    except OSError as error:
        raise FormatError(f"Cannot write {target.name}: {error.strerror or error}.") from None
    return target


def export_chart(parent: QWidget | None, key: str, data: Any, suggested: str) -> str:
    """Ask for a file and save the chart; a one-sentence outcome ('' when the user cancelled)."""
    path = ask_path(parent, "Export chart", suggested, CHART_FILTER)
    if not path:
        return ""
    try:
        target = write_chart(key, data, with_suffix(path, CHART_SUFFIXES))
    except OrgModelError as error:
        return str(error)
    return f"Saved the chart to {target.name}."


def export_results(parent: QWidget | None, results: dict[str, Any], suggested: str) -> str:
    """Ask for a file and save the results; a one-sentence outcome ('' when cancelled)."""
    path = ask_path(parent, "Export results", suggested, RESULTS_FILTER)
    if not path:
        return ""
    try:
        target = write_results(results, with_suffix(path, RESULTS_SUFFIXES))
    except OrgModelError as error:
        return str(error)
    return f"Saved the results to {target.name}."
