"""Apply handback plan: the median run's handed-back services become dev-supported in one step."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from orgmodel.core.kinds import Support
from orgmodel.examples import load_example
from orgmodel.ui.simulation.plan import handback_plan

from .conftest import HANDBACK, run, set_params

pytestmark = pytest.mark.gui
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def _support(model: Any) -> dict[str, Any]:
    return {sid: (s.support, s.sre_team) for sid, s in model.services.items()}


def test_apply_handback_plan_is_one_undoable_step(qtbot: Any, workspace: Any, dialogs: Any) -> None:
    set_params(qtbot, workspace, HANDBACK)
    run(qtbot, workspace)
    stack, model = workspace.stack, workspace.stack.model
    before = _support(model)
    plan = handback_plan(workspace.current_results(), model)
    assert plan.services, "the scenario should hand services back"
    assert all(model.services[s].support == Support.SRE for s in plan.services)

    dialogs.answers.append(YES)
    qtbot.mouseClick(workspace.handback_button, Qt.MouseButton.LeftButton)
    question = dialogs.texts("question")[-1]
    for service_id in plan.services:
        assert f"• {model.services[service_id].name}" in question
    assert f"median run of “Baseline” (run {plan.run};" in question
    for service_id in plan.services:
        assert model.services[service_id].support == Support.DEV
        assert model.services[service_id].sre_team is None
    assert stack.undo_text == f"Apply handback plan ({len(plan.services)} services)"

    stack.undo()
    assert _support(model) == before
    stack.redo()
    assert all(model.services[s].support == Support.DEV for s in plan.services)


def test_declining_the_confirmation_changes_nothing(
    qtbot: Any, workspace: Any, dialogs: Any
) -> None:
    set_params(qtbot, workspace, HANDBACK)
    run(qtbot, workspace)
    before, index = _support(workspace.stack.model), workspace.stack.index
    dialogs.answers.append(NO)
    assert workspace.apply_handback_plan() is False
    assert _support(workspace.stack.model) == before and workspace.stack.index == index


def test_no_handback_means_nothing_to_apply(qtbot: Any, workspace: Any, dialogs: Any) -> None:
    set_params(qtbot, workspace, {"weeks": 4})
    run(qtbot, workspace)
    index = workspace.stack.index
    qtbot.mouseClick(workspace.handback_button, Qt.MouseButton.LeftButton)
    assert dialogs.texts("information") == [
        "No run hands any of the document's services back: there is nothing to apply."
    ]
    assert workspace.stack.index == index


def _event(run: int, week: int, kind: str, services: list[str]) -> dict[str, Any]:
    return {"run": run, "week": week, "kind": kind, "team": "team-sre", "services": services}


def test_plan_takes_the_median_run_and_skips_what_cannot_change() -> None:
    model = load_example("seed-enterprise")
    sre = [sid for sid, s in model.services.items() if s.support == Support.SRE]
    dev = next(sid for sid, s in model.services.items() if s.support == Support.DEV)
    a, b, c = sre[:3]
    events = [
        _event(0, 5, "handback", [a, b, c, "new-service-4"]),  # run 0: three
        _event(1, 9, "handback", [a]),  # run 1: one
        _event(2, 3, "handback", [b, dev]),  # run 2: two, one of them already dev-supported
        _event(2, 30, "handback", [c]),
        _event(2, 40, "reonboard", [c]),  # taken back after a PRR: not in the plan
        _event(3, 1, "ops_overload", []),  # run 3: none
        _event(4, 2, "handback", [a, b, c]),
    ]
    plan = handback_plan({"runs": 5, "events": events}, model)
    # counts per run: 3, 1, 2, 0, 3 -> sorted 0 (r3), 1 (r1), 2 (r2), 3 (r0), 3 (r4): median run 2
    assert plan.run == 2
    assert plan.services == [b]
    assert plan.skipped == [model.services[dev].name]
    assert (plan.runs_with_handback, plan.total_runs) == (4, 5)
    assert handback_plan({"runs": 5, "events": []}, model).services == []
