from __future__ import annotations

import math

import pytest

from orgmodel.reporting.charts_sweep import sweep_heatmap, sweep_line_chart


def _texts(fig: object) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]  # type: ignore[attr-defined]


def test_line_chart_plots_values_and_marks_missing_points() -> None:
    fig = sweep_line_chart("growth.dev_teams_per_quarter", [0, 1, 2], [None, 120, 80],
                           "first_ops_overload_week")
    ax = fig.axes[0]
    ys = ax.get_lines()[0].get_ydata()
    assert math.isnan(ys[0]) and list(ys[1:]) == [120, 80]
    assert any("never within the horizon" in t for t in _texts(fig))
    assert ax.get_xlabel() == "growth.dev_teams_per_quarter (teams/quarter)"
    assert ax.get_xlim()[0] < 0  # the missing point at x = 0 stays in view


def test_heatmap_annotates_cells_and_never() -> None:
    grid = [[None, 100.0], [80.0, 40.0]]
    fig = sweep_heatmap("growth.dev_teams_per_quarter", [1, 2], "headcount.sre_ratio", [0.1, 0.2],
                        grid, "first_ops_overload_week")
    texts = _texts(fig)
    for expected in ("never", "100", "80", "40"):
        assert expected in texts
    image = fig.axes[0].images[0]
    assert image.get_array().shape == (2, 2)
    assert image.get_array().mask[0, 0]


def test_heatmap_refuses_a_grid_of_the_wrong_shape() -> None:
    with pytest.raises(ValueError, match="grid is"):
        sweep_heatmap("a", [1, 2, 3], "b", [1, 2], [[1, 2], [3, 4]], "peak_sre_ops_fraction")
