"""Benchmark: does the large example stay usable on the canvas? Edits and view changes, timed.

The diagram widget on the ``large-enterprise`` example (1400x900, offscreen), from the view the
example opens on (teams only, readable from the top) to every node kind, then edits as a user
makes them, each followed by the Qt events it queues and one paint of the widget: rename a team,
move a person to another team, undo, delete the biggest team (a command of dozens of model
events), undo, switch to the platform stack layout, drag a team (20 mouse-move steps). Each
sequence runs ``--runs`` times (default 5) on a fresh widget; prints the median and best wall
time of each step. Not a test: it prints numbers and asserts nothing about them.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_canvas_edits.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import orgmodel.ui  # noqa: E402,F401  (PySide6 6.12 / Python 3.11 None-reference workaround)
from orgmodel.analysis.styles import NODE_KINDS  # noqa: E402
from orgmodel.editing.commands import ChangeEntityCommand, RemoveEntityCommand  # noqa: E402
from orgmodel.editing.stack import CommandStack  # noqa: E402
from orgmodel.examples import load_example  # noqa: E402
from orgmodel.ui.diagram.filters import ViewFilter  # noqa: E402
from orgmodel.ui.diagram.widget import DiagramWidget  # noqa: E402


def one_run(app: QApplication, times: dict[str, list[float]]) -> None:
    model = load_example("large-enterprise")
    stack = CommandStack(model)
    widget = DiagramWidget(stack)
    widget.resize(1400, 900)
    widget.show()
    app.processEvents()

    def step(name: str, action: Callable[[], object]) -> None:
        start = time.perf_counter()
        action()
        app.processEvents()
        widget.grab()
        times.setdefault(name, []).append(time.perf_counter() - start)

    team = next(iter(model.teams))
    person = next(p for p in model.people.values() if p.team is not None)
    other = next(t for t in model.teams if t != person.team)
    members = {t: sum(p.team == t for p in model.people.values()) for t in model.teams}
    biggest = max(members, key=members.__getitem__)
    items = widget.scene.node_items
    step("open the view the example opens on (teams only)", lambda: widget.set_view(None))
    step("show every node kind (5,329 nodes)", lambda: widget.set_filter(
        ViewFilter(node_kinds=frozenset(NODE_KINDS))))
    step("rename a team", lambda: stack.push(ChangeEntityCommand(team, name="Renamed team")))
    step("move a person to another team", lambda: stack.push(ChangeEntityCommand(person.id, team=other)))
    step("undo", stack.undo)
    step(f"delete the biggest team ({members[biggest]} people, its services)",
         lambda: stack.push(RemoveEntityCommand(biggest)))
    step("undo the delete", stack.undo)
    step("drag a team (20 move steps)", lambda: [widget.scene.place(
        {team: QPointF(items[team].pos().x() + 5, items[team].pos().y())}) for _ in range(20)])
    step("switch to the platform stack layout", lambda: widget.apply_layout("platform_stack"))
    widget.close_model()
    widget.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    times: dict[str, list[float]] = {}
    for _ in range(args.runs):
        one_run(app, times)
    print(f"large-enterprise on the diagram widget, {args.runs} runs (wall time, with one paint):")
    for name, values in times.items():
        print(f"  {name:55s} median {statistics.median(values) * 1000:5.0f} ms, "
              f"best {min(values) * 1000:5.0f} ms")


if __name__ == "__main__":
    main()
