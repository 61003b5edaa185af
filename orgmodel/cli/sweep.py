"""The ``orgmodel sweep`` command: one headline metric over a grid of scenario parameters.

``sweep FILE --param KEY=LO:HI:STEPS [--param ...] --metric NAME [--out T.csv] [--plot H.png]``
(plus the run options of ``simulate``) runs one simulation per grid point and prints a table; one
parameter can be plotted as a line chart, two as a heatmap. ``KEY`` is a scenario parameter
(``growth.dev_teams_per_quarter``); ``KEY=a,b,c`` lists values instead (also for text choices).
Whole-number parameters round their grid values. ``NAME`` is a headline figure
(``first_ops_overload_week``; its median, or ``NAME.share`` / ``.p10`` / ``.p90``;
``max_sustainable_services``; ``handback_probability`` = share of runs with a handback by the
end) or a series (its final-week mean, or ``NAME.p90`` ...). A malformed parameter or metric exits
2 with one line. Not for single runs (``simulate.py``).
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import math
import sys
from dataclasses import dataclass
from typing import Any

from orgmodel.cli.common import load_model
from orgmodel.cli.simulate import add_run_options, check_suffix, scenario_for
from orgmodel.core.errors import FormatError
from orgmodel.core.fileio import write_text_atomic

MAX_POINTS = 400


@dataclass(frozen=True)
class Axis:
    key: str
    values: list[Any]


def register(name: str, parser: argparse.ArgumentParser) -> None:
    add_run_options(parser)
    parser.add_argument("--param", action="append", required=True, metavar="KEY=LO:HI:STEPS",
                        help="a scenario parameter and its range (repeat for a grid)")
    parser.add_argument("--metric", required=True, metavar="NAME",
                        help="headline figure or series to tabulate (e.g. first_ops_overload_week)")
    parser.add_argument("--out", metavar="T.csv", help="write the table as CSV")
    parser.add_argument("--plot", metavar="H.png|.svg|.pdf", help="line chart (1 parameter) or heatmap (2)")


def parse_axis(text: str) -> Axis:
    """``KEY=LO:HI:STEPS`` or ``KEY=a,b,c`` -> an Axis with its values (raises FormatError)."""
    from orgmodel.sim.parameters import BY_NAME

    key, sep, spec = text.partition("=")
    key = key.strip()
    if not sep or not spec.strip():
        raise FormatError(f"--param {text!r}: expected KEY=LO:HI:STEPS, e.g. growth.dev_teams_per_quarter=1:4:4.")
    if key not in BY_NAME or key in ("runs", "seed", "weeks", "mode"):
        raise FormatError(f"--param {text!r}: '{key}' is not a scenario parameter that can be swept.")
    param = BY_NAME[key]
    if ":" in spec:
        parts = spec.split(":")
        try:
            lo, hi, steps = float(parts[0]), float(parts[1]), int(parts[2])
        except (ValueError, IndexError):
            raise FormatError(f"--param {text!r}: expected KEY=LO:HI:STEPS with numbers and a whole STEPS.") from None
        if len(parts) != 3 or steps < 1 or not (math.isfinite(lo) and math.isfinite(hi)):
            raise FormatError(f"--param {text!r}: expected KEY=LO:HI:STEPS with finite LO, HI and STEPS >= 1.")
        values: list[Any] = [lo + (hi - lo) * i / (steps - 1) if steps > 1 else lo for i in range(steps)]
    else:
        values = [_typed(v.strip(), param.default, text) for v in spec.split(",")]
    if isinstance(param.default, (bool, str)) and ":" in spec:
        raise FormatError(f"--param {text!r}: list the values of '{key}' as KEY=a,b.")
    if isinstance(param.default, int) and not isinstance(param.default, bool):
        values = list(dict.fromkeys(int(round(float(v))) for v in values))
    return Axis(key, values)


def _typed(value: str, default: Any, text: str) -> Any:
    if isinstance(default, bool):
        if value.lower() not in ("true", "false"):
            raise FormatError(f"--param {text!r}: '{value}' is not true or false.")
        return value.lower() == "true"
    if isinstance(default, str):
        return value
    try:
        return float(value)
    except ValueError:
        raise FormatError(f"--param {text!r}: '{value}' is not a number.") from None


def metric_value(result: Any, metric: str) -> float | None:
    """The number ``metric`` names in a SimulationResult (None when it never happened)."""
    name, _, stat = metric.partition(".")
    headline = result.headline
    if name == "handback_probability":
        return 1.0 - _no_handback(result)
    if name in headline:
        value = headline[name]
        if isinstance(value, dict):
            key = stat or "p50"
            if key not in value:
                raise FormatError(f"--metric {metric!r}: {name} has {', '.join(value)}.")
            return None if value[key] is None else float(value[key])
        if isinstance(value, (int, float)) and not stat:
            return float(value)
        raise FormatError(f"--metric {metric!r}: {name} is not a single number.")
    if name in result.series:
        key = stat or "mean"
        if key not in result.series[name]:
            raise FormatError(f"--metric {metric!r}: use {name}.mean, .p10, .p50 or .p90.")
        return float(result.series[name][key][-1])
    raise FormatError(f"--metric {metric!r}: not a headline figure or series of the results.")


def _no_handback(result: Any) -> float:
    return 1.0 - float(result.headline["first_handback_week"]["share"])


def check_metric(metric: str) -> None:
    from orgmodel.sim.engine import EXTRA_SERIES, SERIES

    name = metric.partition(".")[0]
    known = {"first_ops_overload_week", "first_handback_week", "peak_sre_ops_fraction",
             "max_sustainable_services", "handback_probability", *SERIES, *EXTRA_SERIES}
    if name not in known:
        raise FormatError(f"--metric {metric!r}: not a headline figure or series "
                          "(e.g. first_ops_overload_week, peak_sre_ops_fraction, sre_ops_fraction).")


def run(args: argparse.Namespace) -> int:
    axes = [parse_axis(text) for text in args.param]
    check_metric(args.metric)
    check_suffix(args.out, (".csv",), "--out")
    check_suffix(args.plot, (".png", ".svg", ".pdf"), "--plot")
    if args.plot and len(axes) > 2:
        raise FormatError("--plot draws one or two swept parameters, not more.")
    if args.plot and any(isinstance(v, (str, bool)) for a in axes for v in a.values):
        raise FormatError("--plot needs numeric parameters; print the table for text or true/false values.")
    points = list(itertools.product(*(a.values for a in axes)))
    if len(points) > MAX_POINTS:
        raise FormatError(f"The sweep has {len(points)} points; at most {MAX_POINTS} are allowed.")
    model = load_model(args.file)
    base = scenario_for(args, model)
    from orgmodel.sim.montecarlo import run_simulation

    rows: list[tuple[Any, ...]] = []
    for point in points:
        params = base.replace(**{a.key: v for a, v in zip(axes, point, strict=True)})
        result = run_simulation(model, params, runs=args.runs, seed=args.seed, weeks=args.weeks,
                                mode=args.mode, workers=args.workers)
        rows.append((*point, metric_value(result, args.metric)))
    header = [a.key for a in axes] + [args.metric]
    print(format_table(header, rows))
    if args.out:
        write_text_atomic(args.out, table_csv(header, rows))
        print(f"table written to {args.out}", file=sys.stderr)
    if args.plot:
        _plot(axes, rows, args.metric, args.plot)
        print(f"chart written to {args.plot}", file=sys.stderr)
    return 0


def _cell(value: Any) -> str:
    if value is None:
        return "never"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def format_table(header: list[str], rows: list[tuple[Any, ...]]) -> str:
    cells = [header] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def table_csv(header: list[str], rows: list[tuple[Any, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue()


def _plot(axes: list[Axis], rows: list[tuple[Any, ...]], metric: str, path: str) -> None:
    from orgmodel.reporting.charts_sweep import sweep_heatmap, sweep_line_chart
    from orgmodel.reporting.figures import new_figure, save_figure

    def number(v: Any) -> float:
        return math.nan if v is None else float(v)

    if len(axes) == 1:
        fig = sweep_line_chart(axes[0].key, axes[0].values, [number(r[-1]) for r in rows], metric,
                               new_figure())
    else:
        x, y = axes
        lookup = {(r[0], r[1]): number(r[-1]) for r in rows}
        grid = [[lookup[(xv, yv)] for xv in x.values] for yv in y.values]
        fig = sweep_heatmap(x.key, x.values, y.key, y.values, grid, metric, new_figure())
    save_figure(fig, path)
