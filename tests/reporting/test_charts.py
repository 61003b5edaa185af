from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from orgmodel.core.errors import FormatError
from orgmodel.reporting import style
from orgmodel.reporting.charts import (
    CHARTS,
    chart_takeaway,
    new_figure,
    ops_fraction_chart,
    pages_chart,
    save_chart,
    services_chart,
)


def _texts(fig: Any) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


@pytest.mark.parametrize("key", list(CHARTS))
def test_every_chart_draws_one_and_three_scenarios(key: str, make_results: Callable[..., Any]) -> None:
    function, title = CHARTS[key]
    single = function(make_results(runs=30), new_figure())
    assert single.axes, key
    assert any(t.startswith(title.split(" and ")[0][:20]) for t in _texts(single)), key
    compared = [(f"S{i}", make_results(runs=30, seed=i, growth=0.5 + i * 0.5)) for i in range(3)]
    fig = function(compared, new_figure())
    texts = _texts(fig)
    assert all(any(f"S{i}" in t for t in texts) for i in range(3)), key


def test_ops_chart_draws_the_cap_from_the_scenario(make_results: Callable[..., Any]) -> None:
    fig = ops_fraction_chart(make_results(runs=30, cap=0.4))
    ax = fig.axes[0]
    flat = [line for line in ax.get_lines() if len(set(line.get_ydata())) == 1]
    assert any(np.isclose(line.get_ydata()[0], 0.4) for line in flat)
    assert any("40 % operations cap" in t for t in _texts(fig))


def test_overload_weeks_are_shaded_only_when_runs_overload(make_results: Callable[..., Any]) -> None:
    def shaded(results: dict[str, Any]) -> int:
        ax = ops_fraction_chart(results).axes[0]
        return sum(1 for p in ax.patches if p.get_facecolor()[:3] == _rgb(style.OVERLOAD_SHADE))

    assert shaded(make_results(runs=30)) >= 1
    assert shaded(make_results(runs=30, growth=0.0)) == 0


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    from matplotlib.colors import to_rgb

    return to_rgb(hex_colour)


def test_pager_budget_line_follows_the_scenario(make_results: Callable[..., Any]) -> None:
    fig = pages_chart(make_results(runs=30, budget=3.0))
    ax = fig.axes[0]
    assert any(np.allclose(line.get_ydata(), 3.0) for line in ax.get_lines())


def test_services_stack_adds_up_to_the_mean_total(make_results: Callable[..., Any]) -> None:
    results = make_results(runs=30)
    fig = services_chart(results)
    top = fig.axes[0].collections[-1].get_paths()[0].vertices[:, 1].max()
    expected = max(np.asarray(results["series"]["services_sre"]["mean"])
                   + np.asarray(results["series"]["services_dev"]["mean"]))
    assert top == pytest.approx(expected, rel=1e-6)


def test_missing_series_are_reported_not_invented(results: dict[str, Any]) -> None:
    stripped = {**results, "series": {k: v for k, v in results["series"].items()
                                      if k != "embed_wait_weeks"}}
    fig = CHARTS["embed_wait"][0](stripped)
    assert any("No embed queue data" in t for t in _texts(fig))


def test_untitled_charts_leave_the_title_to_the_slide(results: dict[str, Any]) -> None:
    with style.untitled():
        fig = ops_fraction_chart(results)
    assert not any("SRE time spent" in t for t in _texts(fig))
    assert chart_takeaway("ops_fraction", results).startswith("SRE passes the 50 % cap")


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_save_chart_writes_each_format(tmp_path: Path, results: dict[str, Any], suffix: str,
                                       magic: bytes) -> None:
    target = tmp_path / f"chart{suffix}"
    save_chart(ops_fraction_chart, results, target, dpi=50)
    assert target.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary file left


def test_save_chart_refuses_other_formats(tmp_path: Path, results: dict[str, Any]) -> None:
    with pytest.raises(FormatError):
        save_chart(ops_fraction_chart, results, tmp_path / "chart.jpg")
    assert not list(tmp_path.iterdir())


def test_an_organisation_without_sre_is_said_so(results: dict[str, Any]) -> None:
    from orgmodel.reporting.headline import NO_SRE, headline_sentences

    zero = {k: [0.0] * len(v) for k, v in results["series"]["sre_engineers"].items()}
    no_sre = {**results, "series": {**results["series"], "sre_engineers": zero}}
    assert headline_sentences(no_sre) == [NO_SRE]
    fig = ops_fraction_chart(no_sre)
    assert "No SRE engineers in these results" in _texts(fig)
    assert NO_SRE in _texts(fig)
    assert "No SRE engineers in these results" not in _texts(ops_fraction_chart(results))


def test_sre_teams_chart_ranks_teams_and_marks_those_over_the_cap(make_results: Callable[..., Any]) -> None:
    from orgmodel.reporting.charts_teams import sre_teams_chart, takeaway, team_medians

    results = make_results(runs=30, teams=("calm", "busy"))
    results["team_names"] = {"calm": "Calm SRE", "busy": "Busy SRE"}
    assert list(team_medians(results)) == ["Busy SRE", "Calm SRE"]  # the synthetic 'busy' runs hotter
    assert takeaway(results).startswith("2 of 2 SRE teams pass the cap")
    fig = sre_teams_chart(results)
    labels = [t.get_text() for t in fig.legends[0].get_texts()]
    assert labels == ["Busy SRE", "Calm SRE", "50 % operations cap"]


def test_report_adds_the_team_chart_only_for_several_sre_teams(seed_model: Any,
                                                              make_results: Callable[..., Any]) -> None:
    from orgmodel.reporting.report_content import simulation_pages

    one = simulation_pages(make_results(runs=20, teams=("solo",)), None, "s")
    two = simulation_pages(make_results(runs=20), None, "s")
    assert "sre_teams" not in [p.chart for p in one]
    assert [p.chart for p in two].count("sre_teams") == 1
