"""Report pages drawn with matplotlib: the title page, bullet pages, table pages and the footer.

Each function fills one 16:9 ``Figure`` (13.33 x 7.5 inches, the size of a widescreen slide) in
the house style: title and takeaway at the top left as on chart pages, content below, a footer
with the organisation and page number. Used by the PDF writer (and for the PPTX title slide
nothing: PowerPoint draws its own text). Measurements are in inches from the top-left corner.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from orgmodel.reporting import style
from orgmodel.reporting.report_content import (
    MARGIN,
    PAGE_SIZE,
    TABLE_FONT_PT,
    TABLE_FONT_PT_DENSE,
    TABLE_TOP,
    Page,
    ReportInfo,
    Table,
    cell_lines,
    column_widths,
    row_height,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

ACCENT = style.SCENARIO_COLOURS[0]
ROW_FILL = "#f3f6f9"


def _y(fig: Figure, inches_from_top: float) -> float:
    return 1 - inches_from_top / fig.get_figheight()


def _x(fig: Figure, inches: float) -> float:
    return inches / fig.get_figwidth()


def content_top(fig: Figure, takeaway: str) -> float:
    """Inches from the top where content may start under a title and wrapped takeaway."""
    lines = style.wrap_subtitle(fig, takeaway).count("\n") + 1 if takeaway else 0
    return 0.75 + 0.3 * lines + 0.2


def footer(fig: Figure, info: ReportInfo, number: int) -> None:
    left = f"{info.organisation} · Organisation and SRE load report · {info.made:%d %B %Y}"
    fig.text(_x(fig, MARGIN), _y(fig, PAGE_SIZE[1] - 0.3), left, ha="left", va="center",
             **style.font(9, style.MUTED))
    fig.text(1 - _x(fig, MARGIN), _y(fig, PAGE_SIZE[1] - 0.3), str(number), ha="right",
             va="center", **style.font(9, style.MUTED))


def title_page(fig: Figure, info: ReportInfo) -> None:
    from matplotlib.patches import Rectangle

    fig.add_artist(Rectangle((0, 0), _x(fig, 0.35), 1, transform=fig.transFigure, color=ACCENT))
    left = _x(fig, 1.0)
    fig.text(left, _y(fig, 1.6), "Organisation and SRE load report", ha="left", va="top",
             **style.font(16, style.MUTED))
    fig.text(left, _y(fig, 2.1), info.organisation, ha="left", va="top",
             **style.font(34, style.INK, weight="bold"))
    description = textwrap.fill(info.description, 95) if info.description else ""
    if description:
        fig.text(left, _y(fig, 3.15), description, ha="left", va="top", linespacing=1.4,
                 **style.font(13, style.INK))
    facts = [f"Date: {info.made:%d %B %Y}"]
    if info.scenario and info.scenario != "none":
        runs = f", {info.runs} Monte Carlo runs" if info.runs else ""
        facts.append(f"Simulation scenario: {info.scenario}{runs}")
    else:
        facts.append("No simulation in this report")
    fig.text(left, _y(fig, 5.6), "\n".join(facts), ha="left", va="top", linespacing=1.6,
             **style.font(13, style.MUTED))
    fig.text(left, _y(fig, 6.9), "Made with OrgModel", ha="left", va="top",
             **style.font(10, style.MUTED))


def bullet_page(fig: Figure, page: Page) -> None:
    style.title_figure(fig, page.title, page.takeaway)
    top = content_top(fig, page.takeaway) + 0.3
    for line in page.lines:
        wrapped = textwrap.wrap(line, 105) or [""]
        fig.text(_x(fig, MARGIN + 0.1), _y(fig, top), "•", ha="left", va="top",
                 **style.font(16, ACCENT, weight="bold"))
        fig.text(_x(fig, MARGIN + 0.45), _y(fig, top), "\n".join(wrapped), ha="left", va="top",
                 linespacing=1.35, **style.font(15, style.INK))
        top += 0.33 * len(wrapped) + 0.32


def table_page(fig: Figure, page: Page) -> None:
    """A table with a bold header band, light row stripes and wrapped cells."""
    assert page.table is not None
    style.title_figure(fig, page.title, page.takeaway)
    draw_table(fig, page.table, min(TABLE_TOP, content_top(fig, page.takeaway)))


def draw_table(fig: Figure, table: Table, top: float) -> None:
    from matplotlib.patches import Rectangle

    size = TABLE_FONT_PT_DENSE if table.dense else TABLE_FONT_PT
    pad = 0.06 if table.dense else 0.09
    widths = column_widths(table)
    width = sum(widths)
    align = table.align or ["l"] * len(widths)

    def row(cells: list[str], y: float, bold: bool, fill: str | None) -> float:
        wrapped = [cell_lines(c, w, size, bold) for c, w in zip(cells, widths, strict=True)]
        height = row_height(cells, widths, size, table.dense, bold)
        if fill:
            fig.add_artist(Rectangle((_x(fig, MARGIN), _y(fig, y + height)), _x(fig, width),
                                     height / fig.get_figheight(), transform=fig.transFigure,
                                     color=fill, zorder=0))
        x = MARGIN
        for lines, w, a in zip(wrapped, widths, align, strict=True):
            tx = x + 0.08 if a == "l" else x + w - 0.08
            fig.text(_x(fig, tx), _y(fig, y + pad), "\n".join(lines), ha="left" if a == "l" else "right",
                     va="top", linespacing=1.3,
                     **style.font(size, "white" if bold else style.INK, weight="bold" if bold else "normal"))
            x += w
        return y + height

    y = row(table.columns, top, True, ACCENT)
    for i, cells in enumerate(table.rows):
        y = row(cells, y, False, ROW_FILL if i % 2 else None)
    fig.add_artist(Rectangle((_x(fig, MARGIN), _y(fig, y)), _x(fig, width), 0.8 / 72 / fig.get_figheight(),
                             transform=fig.transFigure, color=style.GRID))


def new_page() -> Any:
    from orgmodel.reporting.figures import new_figure

    return new_figure(PAGE_SIZE)
