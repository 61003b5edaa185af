"""Render a saved view to a file without a window (``orgmodel render``, scripts, screenshots).

``render_view(model, view, out, scale)`` makes sure a ``QApplication`` exists (offscreen when
there is no display), builds a ``DiagramScene`` for the view, and exports it with
``export_scene``. ``find_view`` resolves a view by name (case-insensitive) or id. Not for the
interactive canvas.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from orgmodel.core.entities import View
from orgmodel.core.errors import FormatError
from orgmodel.core.kinds import Layout
from orgmodel.core.model import OrgModel


class UnknownViewError(FormatError):
    """No view of that name; the message lists the views there are."""


def find_view(model: OrgModel, name: str | None) -> View | None:
    """The view named ``name`` (or with that id); the first view when ``name`` is None."""
    if name is None:
        return next(iter(model.views.values()), None)
    for view in model.views.values():
        if view.id == name or view.name.casefold() == name.casefold():
            return view
    names = ", ".join(f"'{v.name}'" for v in model.views.values()) or "none"
    raise UnknownViewError(f"There is no view named '{name}' (views: {names}).")


def ensure_application() -> object:
    """The running QApplication, or a new one (offscreen when there is no display)."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["orgmodel-render"])


def render_view(model: OrgModel, view: View | None, out: str | Path, scale: float = 2.0,
                legend: bool = True) -> Path:
    """Export ``view`` (None: the default whole-organisation view) of ``model`` to ``out``."""
    ensure_application()
    from orgmodel.ui.diagram.export import export_scene
    from orgmodel.ui.diagram.filters import ViewFilter
    from orgmodel.ui.diagram.scene import DiagramScene

    scene = DiagramScene(model)
    try:
        if view is None:
            scene.configure(Layout.ORG_CHART, ViewFilter(), {})
        else:
            scene.configure(view.layout, ViewFilter.from_dict(view.filters), view.positions)
        title = view.name if view else model.organisation.name
        return export_scene(scene, out, scale, title=title, legend=legend)
    finally:
        scene.close()
