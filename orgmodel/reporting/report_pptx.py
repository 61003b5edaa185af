"""The PPTX report: a 16:9 deck with one slide per view, chart and table page, made with python-pptx.

``write_report(model, path, scenario=None, results=None)`` turns the pages of ``report_content``
into slides: a title slide; on every other slide the title (a real title placeholder, so the
outline and accessibility tools see it) and the takeaway sentence as text; diagrams and charts
as high-DPI PNG pictures drawn without their own titles; tables as real PowerPoint tables a
consultant can edit. The file is written atomically.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from orgmodel.core.model import OrgModel
from orgmodel.reporting import style
from orgmodel.reporting.report_content import (
    TABLE_FONT_PT,
    TABLE_FONT_PT_DENSE,
    Page,
    ReportInfo,
    build_pages,
)

SLIDE_W_IN, SLIDE_H_IN = 13.333, 7.5
MARGIN_IN = 0.5
BODY_TOP_IN = 1.55
FOOTER_IN = 0.35
PICTURE_DPI = 180  # 2,200 px across a slide: sharp on a projector, small files
ROW_FILL = "#f3f6f9"
TITLE_ONLY_LAYOUT = 5
BLANK_LAYOUT = 6


def _rgb(hex_colour: str) -> Any:
    from pptx.dml.color import RGBColor

    value = hex_colour.lstrip("#")
    return RGBColor(int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))  # type: ignore[no-untyped-call]


def _text(frame: Any, text: str, size: float, colour: str, *, bold: bool = False) -> None:
    from pptx.util import Pt

    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.text = text
    paragraph.font.size = Pt(size)
    # An empty cell has no run: its height comes from the end-of-paragraph properties.
    paragraph._p.get_or_add_endParaRPr().set("sz", str(int(size * 100)))
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = _rgb(colour)
        run.font.name = "DejaVu Sans"


def _textbox(slide: Any, left: float, top: float, width: float, height: float) -> Any:
    from pptx.util import Inches

    return slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height)).text_frame


def title_size(title: str) -> float:
    """Points for a slide title that stays on one line across the slide."""
    fits = (SLIDE_W_IN - 2 * MARGIN_IN) * 72 / (0.62 * max(len(title), 1))
    return max(16.0, min(26.0, fits))


def _titled_slide(prs: Any, page: Page, info: ReportInfo, number: int) -> Any:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches

    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY_LAYOUT])
    title = slide.shapes.title
    title.left, title.top = Inches(MARGIN_IN), Inches(0.3)
    title.width, title.height = Inches(SLIDE_W_IN - 2 * MARGIN_IN), Inches(0.7)
    _text(title.text_frame, page.title, title_size(page.title), style.INK, bold=True)
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    if page.takeaway:
        frame = _textbox(slide, MARGIN_IN, 0.95, SLIDE_W_IN - 2 * MARGIN_IN, 0.6)
        _text(frame, page.takeaway, 15, style.MUTED)
    frame = _textbox(slide, MARGIN_IN, SLIDE_H_IN - FOOTER_IN - 0.05, SLIDE_W_IN - 2 * MARGIN_IN, 0.3)
    _text(frame, f"{info.organisation} · {info.made:%d %B %Y} · {number}", 9, style.MUTED)
    return slide


def _title_slide(prs: Any, info: ReportInfo) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    slide = prs.slides.add_slide(prs.slide_layouts[BLANK_LAYOUT])
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.35), Inches(SLIDE_H_IN))
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(style.SCENARIO_COLOURS[0])
    band.line.fill.background()
    _text(_textbox(slide, 1.0, 1.3, 11, 0.5), "Organisation and SRE load report", 18, style.MUTED)
    _text(_textbox(slide, 1.0, 1.8, 11.5, 1.0), info.organisation, 40, style.INK, bold=True)
    if info.description:
        _text(_textbox(slide, 1.0, 3.0, 11.3, 1.8), info.description, 15, style.INK)
    facts = f"Date: {info.made:%d %B %Y}"
    if info.scenario and info.scenario != "none":
        runs = f", {info.runs} Monte Carlo runs" if info.runs else ""
        facts += f"\nSimulation scenario: {info.scenario}{runs}"
    _text(_textbox(slide, 1.0, 5.4, 11, 0.9), facts, 15, style.MUTED)


def _bullets(slide: Any, lines: list[str]) -> None:
    from pptx.util import Pt

    frame = _textbox(slide, MARGIN_IN + 0.2, BODY_TOP_IN + 0.2, SLIDE_W_IN - 2 * MARGIN_IN - 0.4, 5.0)
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = f"•  {line}"
        paragraph.space_after = Pt(12)
        for run in paragraph.runs:
            run.font.size = Pt(18)
            run.font.color.rgb = _rgb(style.INK)
            run.font.name = "DejaVu Sans"


def _picture(slide: Any, fig: Any) -> None:
    from pptx.util import Inches

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=PICTURE_DPI, facecolor=style.BACKGROUND)
    buffer.seek(0)
    width = SLIDE_W_IN - 2 * MARGIN_IN
    height = width * fig.get_figheight() / fig.get_figwidth()
    slide.shapes.add_picture(buffer, Inches(MARGIN_IN), Inches(BODY_TOP_IN), Inches(width),
                             Inches(height))


def _body_figure() -> Any:
    from orgmodel.reporting.figures import new_figure

    width = SLIDE_W_IN - 2 * MARGIN_IN
    height = SLIDE_H_IN - BODY_TOP_IN - FOOTER_IN - 0.1
    return new_figure((width, height))


def _table(slide: Any, page: Page) -> None:
    from pptx.util import Inches, Pt

    from orgmodel.reporting.report_content import column_widths

    table_data = page.table
    assert table_data is not None
    size = TABLE_FONT_PT_DENSE if table_data.dense else TABLE_FONT_PT
    rows, cols = len(table_data.rows) + 1, len(table_data.columns)
    widths = column_widths(table_data)
    scale = (SLIDE_W_IN - 2 * MARGIN_IN) / sum(widths)
    shape = slide.shapes.add_table(rows, cols, Inches(MARGIN_IN), Inches(BODY_TOP_IN + 0.1),
                                   Inches(SLIDE_W_IN - 2 * MARGIN_IN), Inches(0.3 * rows))
    table = shape.table
    for j, w in enumerate(widths):
        table.columns[j].width = Inches(w * scale)
    align = table_data.align or ["l"] * cols
    table.horz_banding = False
    for i, cells in enumerate([table_data.columns, *table_data.rows]):
        table.rows[i].height = Inches(0.25 if table_data.dense else 0.32)
        fill = style.SCENARIO_COLOURS[0] if i == 0 else (ROW_FILL if i % 2 == 0 else "#FFFFFF")
        for j, value in enumerate(cells):
            cell = table.cell(i, j)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(fill)
            cell.margin_top = cell.margin_bottom = Pt(3 if table_data.dense else 4)
            _text(cell.text_frame, value, size, "#FFFFFF" if i == 0 else style.INK, bold=i == 0)
            if align[j] == "r":
                from pptx.enum.text import PP_ALIGN

                cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT


def add_slide(prs: Any, page: Page, info: ReportInfo, model: OrgModel, number: int) -> None:
    if page.kind == "title":
        _title_slide(prs, info)
        return
    slide = _titled_slide(prs, page, info, number)
    if page.kind == "bullets":
        _bullets(slide, page.lines)
    elif page.kind == "table":
        _table(slide, page)
    elif page.kind == "diagram":
        from orgmodel.reporting.diagram import draw_scene

        _picture(slide, draw_scene(page.scene, _body_figure(), model))
    elif page.kind == "chart":
        from orgmodel.reporting.report_content import chart_function

        assert page.results is not None
        with style.untitled():
            _picture(slide, chart_function(page.chart)(page.results, _body_figure()))


def write_pptx(pages: list[Page], info: ReportInfo, model: OrgModel, path: str | Path) -> None:
    from pptx import Presentation
    from pptx.util import Emu

    from orgmodel.core.fileio import write_with

    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # exactly 16:9
    prs.core_properties.title = f"{info.organisation}: organisation and SRE load report"
    prs.core_properties.author = "OrgModel"
    for number, page in enumerate(pages, start=1):
        add_slide(prs, page, info, model, number)
    write_with(path, lambda tmp: prs.save(str(tmp)))


def write_report(model: OrgModel, path: str | Path, scenario: Any = None,
                 results: Mapping[str, Any] | None = None, *, today: date | None = None,
                 compare: list[tuple[str, Mapping[str, Any]]] | None = None) -> int:
    """Write the PPTX report; returns the number of slides."""
    info, pages = build_pages(model, scenario=scenario, results=results, today=today,
                              compare=compare)
    write_pptx(pages, info, model, path)
    return len(pages)
