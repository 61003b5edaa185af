"""``orgmodel report FILE [--scenario S] [--runs N] --out R.pdf|.pptx``: a presentation-ready report.

Loads the document, runs the simulation (the scenario from a TOML file, a preset name or a
scenario stored in the document; the document's first scenario or the baseline by default)
unless ``--no-simulation`` or ``--results R.json`` (results written by ``orgmodel simulate``)
says otherwise, simulates the ``--compare`` scenarios too, and writes the PDF or PPTX report
atomically. Prints one line saying what it
wrote. Bad input raises ``OrgModelError`` subclasses (exit code 2 through ``orgmodel.cli``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from orgmodel.core.errors import FormatError

DEFAULT_RUNS = 500
FORMATS = (".pdf", ".pptx")


def register(name: str, parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a .orgmodel document or orgmodel JSON")
    parser.add_argument("--out", required=True, metavar="R.pdf|R.pptx",
                        help="the report to write (PDF or PowerPoint, by extension)")
    parser.add_argument("--scenario", metavar="S",
                        help="scenario TOML file, preset name or a scenario stored in the document")
    parser.add_argument("--runs", type=int, metavar="N",
                        help=f"Monte Carlo runs (default {DEFAULT_RUNS} for reports)")
    parser.add_argument("--seed", type=int, metavar="N", help="random seed")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes")
    parser.add_argument("--compare", metavar="S[,S]",
                        help="one or two more scenarios (files, presets or stored scenarios) to "
                             "simulate and compare with the first, e.g. hire-linearly,invest-in-platform")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--results", metavar="R.json",
                       help="use results written by 'orgmodel simulate' instead of simulating")
    group.add_argument("--no-simulation", action="store_true",
                       help="leave the simulation out (diagrams, metrics and findings only)")


def _read_results(path: str) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise FormatError(f"{path}: cannot read the results ({error.strerror}).") from None
    except json.JSONDecodeError as error:
        raise FormatError(f"{path}: not JSON (line {error.lineno}).") from None
    if not isinstance(data, dict) or data.get("format") != "orgmodel-simulation":
        raise FormatError(f"{path}: not OrgModel simulation results.")
    return data


def _simulate(model: Any, args: argparse.Namespace, spec: str | None) -> tuple[Any, dict[str, Any]]:
    from orgmodel.sim.montecarlo import run_simulation
    from orgmodel.sim.scenario import resolve_scenario

    params = resolve_scenario(spec, model)
    if not params.name:  # an unnamed TOML file: call it by its file name
        params.name = Path(spec).stem if spec else "baseline"
    runs = args.runs if args.runs is not None else min(params.runs, DEFAULT_RUNS)
    result = run_simulation(model, params, runs=runs, seed=args.seed, workers=args.workers)
    return params, result.to_dict()


def _compared(model: Any, args: argparse.Namespace) -> list[tuple[str, Mapping[str, Any]]]:
    specs = [s.strip() for s in (args.compare or "").split(",") if s.strip()]
    if len(specs) > 2:
        raise FormatError("--compare takes at most two scenarios (three on one chart in all).")
    out: list[tuple[str, Mapping[str, Any]]] = []
    for spec in specs:
        params, results = _simulate(model, args, spec)
        out.append((params.name or spec, results))
    return out


def run(args: argparse.Namespace) -> int:
    from orgmodel.cli.common import load_model

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise FormatError(f"{args.out}: a report is written as .pdf or .pptx.")
    if args.runs is not None and args.runs < 1:
        raise FormatError("--runs must be at least 1.")
    model = load_model(args.file)
    params: Any = None
    results: dict[str, Any] | None = None
    if args.results:
        results = _read_results(args.results)
    elif not args.no_simulation:
        params, results = _simulate(model, args, args.scenario)
    if args.compare and results is None:
        raise FormatError("--compare needs a simulation (leave out --no-simulation).")
    compare = _compared(model, args) if args.compare else None
    if suffix == ".pdf":
        from orgmodel.reporting.report_pdf import write_report
    else:
        from orgmodel.reporting.report_pptx import write_report
    pages = write_report(model, out, scenario=params, results=results, compare=compare)
    unit = "pages" if suffix == ".pdf" else "slides"
    print(f"Wrote {out} ({pages} {unit}).", file=sys.stdout)
    return 0
