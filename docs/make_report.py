"""Generate the example reports docs/report-seed-enterprise.pdf and .pptx.

Runs the bundled seed-enterprise example through the simulation (the document's own scenario, or
the baseline preset, with a fixed seed), compares it with the ``hire-linearly`` and
``invest-in-platform`` presets, and writes both report formats next to this script.
Usage: ``python docs/make_report.py [--runs N]``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from orgmodel.examples import load_example
from orgmodel.reporting import report_pdf, report_pptx
from orgmodel.sim.montecarlo import run_simulation
from orgmodel.sim.scenario import load_preset, resolve_scenario

COMPARED = ("hire-linearly", "invest-in-platform")

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    model = load_example("seed-enterprise")
    params = resolve_scenario(None, model)
    results = run_simulation(model, params, runs=args.runs, seed=args.seed).to_dict()
    compare = []
    for name in COMPARED:
        other = load_preset(name)
        compare.append((other.name or name,
                        run_simulation(model, other, runs=args.runs, seed=args.seed).to_dict()))
    for writer, suffix in ((report_pdf.write_report, ".pdf"), (report_pptx.write_report, ".pptx")):
        target = HERE / f"report-seed-enterprise{suffix}"
        pages = writer(model, target, scenario=params, results=results, compare=compare)
        print(f"{target.name}: {pages} pages, {target.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
