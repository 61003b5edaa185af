"""Figures without pyplot, and writing them: ``new_figure``, ``save_figure``, ``save_chart``.

A figure gets an Agg canvas of its own (no global state, no GUI backend); files are written by
extension (PNG, SVG, PDF) through ``orgmodel.core.fileio`` so that a crash never leaves half a
file, with fonts embedded as text (PDF Type 42, SVG text) so that words stay selectable.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from orgmodel.reporting import style

if TYPE_CHECKING:
    from matplotlib.figure import Figure

ChartFunction = Callable[..., "Figure"]


def new_figure(size: tuple[float, float] = style.FIGSIZE) -> Figure:
    """A pyplot-free figure with an Agg canvas attached."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=style.DPI_SCREEN, facecolor=style.BACKGROUND)
    FigureCanvasAgg(fig)
    return fig


SAVE_FORMATS = (".png", ".svg", ".pdf")


def save_figure(fig: Figure, path: str | Path, *, dpi: int = style.DPI_SLIDE) -> None:
    """Write a figure to PNG, SVG or PDF (by extension), atomically, with selectable PDF text."""
    from matplotlib import rc_context

    from orgmodel.core.errors import FormatError
    from orgmodel.core.fileio import write_with

    suffix = Path(path).suffix.lower()
    if suffix not in SAVE_FORMATS:
        raise FormatError(f"{path}: charts are written as PNG, SVG or PDF.")
    with rc_context({"pdf.fonttype": 42, "svg.fonttype": "none"}):
        write_with(path, lambda tmp: fig.savefig(tmp, format=suffix[1:], dpi=dpi,
                                                 facecolor=style.BACKGROUND))


def save_chart(fig_func: ChartFunction, results: Any, path: str | Path, *,
               size: tuple[float, float] = style.FIGSIZE, dpi: int = style.DPI_SLIDE) -> Figure:
    """Draw ``fig_func(results)`` on a new figure and write it to ``path`` (PNG, SVG or PDF)."""
    fig = fig_func(results, new_figure(size))
    save_figure(fig, path, dpi=dpi)
    return fig
