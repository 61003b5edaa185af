"""The ``orgmodel simulate`` command: run the SRE load simulation on a document and report it.

``simulate FILE [--scenario S] [--runs N] [--seed N] [--weeks N] [--mode M] [--workers N]
[--out R.json|R.csv] [--plot C.png|.svg|.pdf]`` resolves the scenario (a TOML file, a preset name
or a scenario stored in the document; default: the document's first scenario, else the baseline
preset), runs the Monte Carlo simulation, prints the headline as sentences and writes the results
(JSON of SIMULATION.md section 4, or CSV) and the SRE ops-fraction chart. Bad input (a malformed
scenario, an out-of-range option, an unknown file type) exits 2 with one line. Not for sweeps
(``sweep.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from orgmodel.cli.common import load_model
from orgmodel.core.errors import FormatError
from orgmodel.core.fileio import write_text_atomic

OUT_SUFFIXES = (".json", ".csv")
PLOT_SUFFIXES = (".png", ".svg", ".pdf")


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by ``simulate`` and ``sweep``."""
    parser.add_argument("file", help="a .orgmodel document or orgmodel JSON")
    parser.add_argument("--scenario", metavar="S",
                        help="a scenario TOML file, a preset (baseline, hire-linearly, "
                             "invest-in-platform, no-handback) or a scenario stored in the document")
    parser.add_argument("--runs", type=int, metavar="N", help="Monte Carlo runs (default: the scenario's)")
    parser.add_argument("--seed", type=int, metavar="N", help="random seed (default: the scenario's)")
    parser.add_argument("--weeks", type=int, metavar="N", help="simulated weeks (default: the scenario's)")
    parser.add_argument("--mode", choices=("stochastic", "expected"),
                        help="stochastic draws or deterministic expected values")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="worker processes (results do not depend on it)")


def register(name: str, parser: argparse.ArgumentParser) -> None:
    add_run_options(parser)
    parser.add_argument("--out", metavar="R.json|R.csv", help="write the results as JSON or CSV")
    parser.add_argument("--plot", metavar="C.png|.svg|.pdf", help="draw the SRE ops fraction chart")
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")


def check_suffix(path: str | None, allowed: tuple[str, ...], what: str) -> None:
    if path is not None and Path(path).suffix.lower() not in allowed:
        raise FormatError(f"{path}: {what} must end in {', '.join(allowed)}.")


def scenario_for(args: argparse.Namespace, model: Any) -> Any:
    from orgmodel.sim.scenario import resolve_scenario

    return resolve_scenario(args.scenario, model)


def run(args: argparse.Namespace) -> int:
    check_suffix(args.out, OUT_SUFFIXES, "--out")
    check_suffix(args.plot, PLOT_SUFFIXES, "--plot")
    model = load_model(args.file)
    params = scenario_for(args, model)
    from orgmodel.sim.montecarlo import run_simulation
    from orgmodel.sim.results import headline_sentences

    result = run_simulation(model, params, runs=args.runs, seed=args.seed, weeks=args.weeks,
                            mode=args.mode, workers=args.workers)
    if not args.quiet:
        label = params.name or args.scenario or "baseline"
        print(f"{label}: {result.runs} run(s) x {result.weeks} weeks, {result.mode} mode, seed {result.seed}")
        for line in headline_sentences(result):
            print(f"  {line}")
    if args.out:
        if Path(args.out).suffix.lower() == ".csv":
            write_text_atomic(args.out, result.to_csv_text())
        else:
            write_text_atomic(args.out, json.dumps(result.to_dict(), indent=1, allow_nan=False) + "\n")
        _note(args, f"results written to {args.out}")
    if args.plot:
        plot_ops_fraction(result.to_dict(), args.plot)
        _note(args, f"chart written to {args.plot}")
    return 0


def _note(args: argparse.Namespace, text: str) -> None:
    if not args.quiet:
        print(text, file=sys.stderr)


def plot_ops_fraction(results: dict[str, Any], path: str) -> None:
    """The SRE ops-fraction fan chart (orgmodel.reporting.charts), written atomically."""
    from orgmodel.reporting.charts import ops_fraction_chart, save_chart

    save_chart(ops_fraction_chart, results, path)
