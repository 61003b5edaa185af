from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from orgmodel.cli import main
from orgmodel.reporting import report_pdf, report_pptx
from orgmodel.reporting.headline import overload_sentence
from orgmodel.reporting.report_content import build_pages

TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory, seed_model: Any, results: dict[str, Any]) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    report_pdf.write_report(seed_model, path, results=results, today=TODAY)
    return path


@pytest.fixture(scope="module")
def pptx(tmp_path_factory: pytest.TempPathFactory, seed_model: Any, results: dict[str, Any]) -> Path:
    path = tmp_path_factory.mktemp("pptx") / "report.pptx"
    report_pptx.write_report(seed_model, path, results=results, today=TODAY)
    return path


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                         check=True)
    return " ".join(out.stdout.split())


def _pdf_pages(path: Path) -> int:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def test_pages_cover_every_section(seed_model: Any, results: dict[str, Any]) -> None:
    _, pages = build_pages(seed_model, results=results, today=TODAY)
    kinds = [p.kind for p in pages]
    assert kinds[0] == "title"
    assert kinds.count("diagram") == len(seed_model.views)
    charts = [p.chart for p in pages if p.kind == "chart"]
    assert charts == ["ops_fraction", "sre_teams", "pages", "services", "headcount", "maturity",
                      "embed_wait"]  # the synthetic results have two SRE teams
    titles = " ".join(p.title for p in pages)
    for section in ("Headcount by role", "Findings, remedies and sources", "Simulation: the headline",
                    "scenario parameters with provenance"):
        assert section in titles
    assert all(p.takeaway for p in pages), [p.title for p in pages if not p.takeaway]


def test_no_simulation_leaves_the_simulation_out(seed_model: Any) -> None:
    _, pages = build_pages(seed_model, today=TODAY)
    assert not any(p.kind == "chart" for p in pages)
    assert not any("parameters" in p.title for p in pages)


def test_pdf_has_the_pages_and_selectable_text(pdf: Path, seed_model: Any,
                                               results: dict[str, Any]) -> None:
    _, pages = build_pages(seed_model, results=results, today=TODAY)
    assert _pdf_pages(pdf) == len(pages)
    text = _pdf_text(pdf)
    assert seed_model.organisation.name in text
    sentence = overload_sentence(results)
    assert sentence is not None and sentence[:-1] in text
    assert "Appendix: scenario parameters" in text
    assert "Payments gateway" in text  # diagram labels are text, not pictures


def test_pptx_is_16_9_with_a_slide_per_page(pptx: Path, seed_model: Any,
                                            results: dict[str, Any]) -> None:
    from pptx import Presentation

    deck = Presentation(str(pptx))
    assert deck.slide_width * 9 == deck.slide_height * 16
    _, pages = build_pages(seed_model, results=results, today=TODAY)
    assert len(deck.slides) == len(pages)
    for slide, page in zip(list(deck.slides)[1:], pages[1:], strict=True):
        assert slide.shapes.title.text_frame.text == page.title
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert page.takeaway in texts
        if page.kind == "table":
            tables = [s for s in slide.shapes if s.has_table]
            assert tables and len(tables[0].table.rows) == len(page.table.rows) + 1
        if page.kind in ("chart", "diagram"):
            assert any(s.shape_type == 13 for s in slide.shapes)  # a picture


def test_cli_report_from_results_file(tmp_path: Path, results: dict[str, Any],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from orgmodel.resources_path import resource

    saved = tmp_path / "results.json"
    saved.write_text(json.dumps(results))
    out = tmp_path / "deck.pptx"
    code = main(["report", str(resource("examples", "seed-enterprise.json")), "--results", str(saved),
                 "--out", str(out)])
    assert code == 0
    assert out.exists() and "slides" in capsys.readouterr().out


def test_cli_refuses_bad_output_and_bad_results(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from orgmodel.resources_path import resource

    model = str(resource("examples", "seed-enterprise.json"))
    assert main(["report", model, "--no-simulation", "--out", str(tmp_path / "r.docx")]) == 2
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"format": "something-else"}')
    assert main(["report", model, "--results", str(bogus), "--out", str(tmp_path / "r.pdf")]) == 2
    assert "not OrgModel simulation results" in capsys.readouterr().err
    assert not list(tmp_path.glob("r.*"))


def test_compared_scenarios_get_a_table_and_charts(seed_model: Any, make_results: Any) -> None:
    base, calm = make_results(runs=30), make_results(runs=30, growth=0.0, seed=5)
    _, pages = build_pages(seed_model, results=base, today=TODAY, compare=[("Calm", calm)])
    table = next(p for p in pages if p.title == "Scenarios compared")
    assert [row[0] for row in table.table.rows] == ["unnamed scenario", "Calm"]
    assert table.table.rows[1][1] == "never"
    assert table.takeaway == "SRE stays under the cap throughout with: Calm."
    charts = [p for p in pages if p.kind == "chart" and isinstance(p.results, list)]
    assert [p.chart for p in charts] == ["ops_fraction", "services", "headcount"]
    assert all("Calm" in p.takeaway for p in charts)


def test_cli_compare_needs_a_simulation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from orgmodel.resources_path import resource

    model = str(resource("examples", "seed-enterprise.json"))
    code = main(["report", model, "--no-simulation", "--compare", "hire-linearly",
                 "--out", str(tmp_path / "r.pdf")])
    assert code == 2


def test_parameter_table_shows_what_was_simulated_with_provenance(results: dict[str, Any]) -> None:
    from orgmodel.reporting.report_content import parameter_pages
    from orgmodel.sim.parameters import PARAMETERS

    pages = parameter_pages(results, None)
    rows = {row[0]: row for page in pages for row in page.table.rows}
    assert set(rows) == {p.name for p in PARAMETERS}
    assert rows["runs"][1] == f"{results['runs']} *"  # changed from the default of 1000
    assert rows["sre.ops_cap"][1:4] == ["0.500", "0.500", "S"]
    assert rows["sre.prr_hours_classic"][3] == "D"


def test_cli_names_an_unnamed_scenario_file_after_it(tmp_path: Path, seed_model: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from orgmodel.cli import report as report_cli
    from orgmodel.resources_path import resource

    scenario = tmp_path / "fast-growth.toml"
    scenario.write_text("weeks = 60\n[growth]\ndev_teams_per_quarter = 4\n")
    seen: dict[str, Any] = {}

    def fake_write(model: Any, out: Path, scenario: Any = None, results: Any = None,
                   compare: Any = None) -> int:
        seen.update(name=scenario.name, weeks=results["weeks"], runs=results["runs"])
        return 1

    monkeypatch.setattr("orgmodel.reporting.report_pdf.write_report", fake_write)
    code = main(["report", str(resource("examples", "seed-enterprise.json")), "--scenario",
                 str(scenario), "--runs", "3", "--out", str(tmp_path / "r.pdf")])
    assert code == 0 and report_cli.DEFAULT_RUNS > 3
    assert seen == {"name": "fast-growth", "weeks": 60, "runs": 3}


def test_an_empty_document_still_makes_a_report(tmp_path: Path) -> None:
    from pptx import Presentation

    from orgmodel.core.model import OrgModel

    model = OrgModel()
    out = tmp_path / "empty.pptx"
    slides = report_pptx.write_report(model, out, today=TODAY)
    deck = Presentation(str(out))
    assert len(deck.slides) == slides
    texts = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    assert "Nothing to draw yet" in texts and "0 people in 0 teams" in texts


def test_roster_appendix_names_everyone_and_stops_for_big_organisations(
        seed_model: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from orgmodel.reporting import report_roster

    pages = report_roster.roster_pages(seed_model)
    text = " ".join(cell for page in pages for row in page.table.rows for cell in row)
    assert all(person.name in text for person in seed_model.people.values())
    assert len([row for page in pages for row in page.table.rows]) == len(seed_model.teams)
    monkeypatch.setattr(report_roster, "MAX_PEOPLE", len(seed_model.people) - 1)
    assert report_roster.roster_pages(seed_model) == []
