"""Generate the example reports docs/report-seed-enterprise.pdf and .pptx.

Runs the bundled seed-enterprise example through its "Growth push" scenario (twice the hiring of
development teams, so SRE passes the 50 % cap) with a fixed seed, compares it with the same growth
under the other two answers to overload the seed article weighs (hiring SRE in proportion to
developers; investing in platform self-service), and writes both report formats next to this
script. Usage: ``python docs/make_report.py [--runs N]``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from orgmodel.examples import load_example
from orgmodel.reporting import report_pdf, report_pptx
from orgmodel.sim.montecarlo import run_simulation
from orgmodel.sim.scenario import ScenarioParams, load_preset, resolve_scenario

HERE = Path(__file__).resolve().parent
SCENARIO = "Growth push"


def _variants(base: ScenarioParams) -> list[tuple[str, ScenarioParams]]:
    """The base scenario's growth with each preset's answer to overload applied on top."""
    out = []
    for preset in ("hire-linearly", "invest-in-platform"):
        other = load_preset(preset)
        changes = {k: v for k, v in other.changed().items() if not k.startswith("growth.")}
        out.append((f"{base.name} + {other.name.lower()}", base.replace(**changes)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    model = load_example("seed-enterprise")
    params = resolve_scenario(SCENARIO, model)
    results = run_simulation(model, params, runs=args.runs, seed=args.seed).to_dict()
    compare = [(label, run_simulation(model, variant, runs=args.runs, seed=args.seed).to_dict())
               for label, variant in _variants(params)]
    for writer, suffix in ((report_pdf.write_report, ".pdf"), (report_pptx.write_report, ".pptx")):
        target = HERE / f"report-seed-enterprise{suffix}"
        pages = writer(model, target, scenario=params, results=results, compare=compare)
        print(f"{target.name}: {pages} pages, {target.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
