"""The PDF report: one 16:9 page per report page, vector diagrams and charts, selectable text.

``write_report(model, path, scenario=None, results=None)`` lays out the pages of
``report_content`` with matplotlib's ``PdfPages`` (TrueType fonts embedded as Type 42, so text
can be selected and searched) and writes the file atomically. Diagrams and charts are drawn
straight onto the pages as vectors, never as pictures.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from orgmodel.core.model import OrgModel
from orgmodel.reporting import style
from orgmodel.reporting.report_content import PAGE_SIZE, Page, ReportInfo, build_pages
from orgmodel.reporting.report_pages import (
    bullet_page,
    footer,
    new_page,
    table_page,
    title_page,
)


def render_page(page: Page, info: ReportInfo, model: OrgModel) -> Any:
    """One report page as a figure of ``PAGE_SIZE``."""
    fig = new_page()
    if page.kind == "title":
        title_page(fig, info)
    elif page.kind == "bullets":
        bullet_page(fig, page)
    elif page.kind == "table":
        table_page(fig, page)
    elif page.kind == "diagram":
        from orgmodel.reporting.diagram import draw_scene

        draw_scene(page.scene, fig, model, title=page.title, subtitle=page.takeaway)
    elif page.kind == "chart":
        from orgmodel.reporting.report_content import chart_function

        assert page.results is not None
        with style.footer_space(0.35):
            chart_function(page.chart)(page.results, fig)
    return fig


def write_pdf(pages: list[Page], info: ReportInfo, model: OrgModel, path: str | Path) -> None:
    from matplotlib import rc_context
    from matplotlib.backends.backend_pdf import PdfPages

    from orgmodel.core.fileio import write_with

    def writer(tmp: Path) -> None:
        with rc_context({"pdf.fonttype": 42}), PdfPages(tmp, metadata=_metadata(info)) as pdf:
            for number, page in enumerate(pages, start=1):
                fig = render_page(page, info, model)
                if page.kind != "title":
                    footer(fig, info, number)
                pdf.savefig(fig, facecolor=style.BACKGROUND)

    write_with(path, writer)


def _metadata(info: ReportInfo) -> dict[str, Any]:
    return {"Title": f"{info.organisation}: organisation and SRE load report",
            "Subject": f"Scenario: {info.scenario}", "Creator": "OrgModel"}


def write_report(model: OrgModel, path: str | Path, scenario: Any = None,
                 results: Mapping[str, Any] | None = None, *, today: date | None = None,
                 compare: list[tuple[str, Mapping[str, Any]]] | None = None) -> int:
    """Write the PDF report; returns the number of pages."""
    info, pages = build_pages(model, scenario=scenario, results=results, today=today,
                              compare=compare)
    assert PAGE_SIZE[0] > PAGE_SIZE[1]
    write_pdf(pages, info, model, path)
    return len(pages)
