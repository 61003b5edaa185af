"""Runs in the background: results and headline cards, cancel, comparison, exports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from orgmodel.reporting.headline import percent
from orgmodel.ui.simulation import export

from .conftest import RUN_TIMEOUT_MS, run, set_params, type_into

pytestmark = pytest.mark.gui


def _median_lines(workspace: Any) -> list[str]:
    fig = workspace.charts.figure("ops_fraction")
    return [line.get_label() for line in fig.axes[0].lines if not line.get_label().startswith("_")]


def test_tiny_run_fills_cards_and_charts(qtbot: Any, workspace: Any) -> None:
    assert workspace.cards.cards["overload"].value.text() == "—"
    set_params(qtbot, workspace, {"weeks": 60})
    run(qtbot, workspace)
    qtbot.waitUntil(lambda: bool(workspace.compare.results))
    results = workspace.compare.results["Baseline"]
    assert results["runs"] == 4 and results["weeks"] == 60
    assert workspace.progress.format() == "Done"
    assert workspace.status.text().startswith("Finished “Baseline”: 4 runs over 60 weeks")

    cards = workspace.cards.cards
    headline = results["headline"]
    over = headline["first_ops_overload_week"]
    if over["share"]:
        assert cards["overload"].value.text() == f"Week {over['p50']}"
        detail = cards["overload"].detail.text().replace("\u00a0", " ")
        assert f"weeks {over['p10']}-{over['p90']}" in detail
    else:
        assert cards["overload"].value.text() == "Never"
    assert cards["capacity"].value.text() == f"{headline['max_sustainable_services']} services"
    assert cards["peak"].value.text() == percent(headline["peak_sre_ops_fraction"]["p50"])
    years = headline["handback_probability_by_year"]
    assert cards["handback"].detail.text().count("Y") == len(years) == 2
    assert "4 runs over 60 weeks" in workspace.cards.caption.text()

    fig = workspace.charts.figure("ops_fraction")
    assert fig.axes and fig.texts[0].get_text() == "SRE time spent on operational work"
    workspace.charts.setCurrentIndex(2)  # other tabs draw when shown
    assert workspace.charts.figure("services").axes


def test_cancel_stops_a_longer_run(qtbot: Any, workspace: Any) -> None:
    set_params(qtbot, workspace, {"runs": 1000, "weeks": 260})
    with qtbot.waitSignal(workspace.runner.progress, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(workspace.run_button, Qt.MouseButton.LeftButton)
    assert workspace.running and workspace.cancel_button.isEnabled()
    assert not workspace.run_button.isEnabled()
    type_into(qtbot, workspace.editor.name, "Still editable")  # the window stays responsive
    with qtbot.waitSignal(workspace.runner.cancelled, timeout=RUN_TIMEOUT_MS):
        qtbot.mouseClick(workspace.cancel_button, Qt.MouseButton.LeftButton)
    assert not workspace.running
    assert workspace.progress.format() == "Cancelled"
    assert workspace.status.text().startswith("Cancelled")
    assert workspace.compare.results == {}
    assert workspace.run_button.isEnabled()


def test_comparison_puts_two_series_on_the_fan_chart(qtbot: Any, workspace: Any) -> None:
    type_into(qtbot, workspace.editor.name, "Slow growth")
    set_params(qtbot, workspace, {"growth.dev_teams_per_quarter": 1})
    run(qtbot, workspace)
    type_into(qtbot, workspace.editor.name, "Fast growth")
    set_params(qtbot, workspace, {"growth.dev_teams_per_quarter": 8})
    run(qtbot, workspace)
    assert workspace.compare.checked() == ["Fast growth"]
    assert workspace.charts.data is workspace.compare.results["Fast growth"]  # one, unlabelled

    with qtbot.waitSignal(workspace.results_shown):
        workspace.compare.set_checked(["Slow growth", "Fast growth"])
    assert _median_lines(workspace) == ["Slow growth", "Fast growth"]
    assert workspace.cards.caption.text().startswith("Headline for “Fast growth”")


def test_at_most_three_scenarios_are_compared(qtbot: Any, workspace: Any) -> None:
    set_params(qtbot, workspace, {"mode": "expected", "weeks": 8})
    for name in ("A", "B", "C", "D"):
        type_into(qtbot, workspace.editor.name, name)
        run(qtbot, workspace)
    assert workspace.compare.checked() == ["D"]
    workspace.compare.set_checked(["A", "B", "C"])
    assert workspace.compare.checked() == ["A", "B", "C"]
    (d_item,) = workspace.compare.list.findItems("D", Qt.MatchFlag.MatchExactly)
    d_item.setCheckState(Qt.CheckState.Checked)  # a fourth tick is refused
    assert workspace.compare.checked() == ["A", "B", "C"]
    assert "At most 3" in workspace.compare.note.text()
    assert _median_lines(workspace) == ["A", "B", "C"]
    assert "Headline for “A” · 1 run over 8 weeks" in workspace.cards.caption.text()


def test_exports_write_charts_and_results(
    qtbot: Any, workspace: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(qtbot, workspace)
    answers: list[str] = []
    monkeypatch.setattr(export, "ask_path", lambda *_args: answers.pop(0))
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")):
        answers.append(str(tmp_path / f"chart{suffix}"))
        qtbot.mouseClick(workspace.export_chart_button, Qt.MouseButton.LeftButton)
        assert (tmp_path / f"chart{suffix}").read_bytes().startswith(magic)
        assert workspace.status.text() == f"Saved the chart to chart{suffix}."
    answers.append(str(tmp_path / "results.json"))
    qtbot.mouseClick(workspace.export_results_button, Qt.MouseButton.LeftButton)
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert data["format"] == "orgmodel-simulation" and data["runs"] == 4
    answers.append(str(tmp_path / "weekly"))  # no suffix typed: JSON
    qtbot.mouseClick(workspace.export_results_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "weekly.json").is_file()
    answers.append(str(tmp_path / "results.csv"))
    qtbot.mouseClick(workspace.export_results_button, Qt.MouseButton.LeftButton)
    lines = (tmp_path / "results.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("week,") and len(lines) == 1 + 16
    answers.append(str(tmp_path / "results.xlsx"))
    qtbot.mouseClick(workspace.export_results_button, Qt.MouseButton.LeftButton)
    assert workspace.status.text() == "results.xlsx: results are saved as .json or .csv."
    assert not (tmp_path / "results.xlsx").exists()
