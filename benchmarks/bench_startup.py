"""Start-up benchmark: wall time of ``orgmodel info`` next to ``python -c "import networkx"``.

Writes the bundled examples to a temporary folder (orgmodel JSON, and ``.orgmodel`` when the
persistence package is there), then times each command as a fresh subprocess several times and
prints the median, with the bare interpreter and the networkx import as yardsticks; then times
the analysis functions in process on the large example. Run it as
``python benchmarks/bench_startup.py [--runs N]``. Not a test: it prints numbers and asserts
nothing about them.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path


def _median_seconds(command: Sequence[str], runs: int) -> float:
    subprocess.run(command, capture_output=True, check=False)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _documents(folder: Path) -> dict[str, Path]:
    from orgmodel.cli.common import save_model
    from orgmodel.core.errors import OrgModelError
    from orgmodel.examples import load_example

    found: dict[str, Path] = {}
    for name in ("seed-enterprise", "large-enterprise"):
        model = load_example(name)
        for suffix in (".json", ".orgmodel"):
            path = folder / f"{name}{suffix}"
            try:
                save_model(model, str(path))
            except (ImportError, OrgModelError) as error:
                print(f"(skipping {path.name}: {error})")
                continue
            found[path.name] = path
    return found


def _orgmodel() -> list[str]:
    script = shutil.which("orgmodel")
    return [script] if script else [sys.executable, "-m", "orgmodel"]


def _row(label: str, seconds: float, networkx: float) -> None:
    print(f"{label:<52}{seconds:>10.3f}{seconds / networkx:>12.2f}")


def _in_process(runs: int) -> None:
    """Analysis alone on the large example, in this process (no start-up cost)."""
    from orgmodel.analysis.findings import find_all
    from orgmodel.analysis.graph import build_graph
    from orgmodel.analysis.metrics import compute_metrics
    from orgmodel.examples import load_example

    model = load_example("large-enterprise")
    print(
        f"\nin process, large-enterprise ({len(model.people)} people, {len(model.teams)} teams, "
        f"{len(model.services)} services), median of {runs}:"
    )
    for label, work in (
        ("find_all", find_all),
        ("compute_metrics", compute_metrics),
        ("build_graph", build_graph),
    ):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            work(model)
            times.append(time.perf_counter() - start)
        print(f"  {label:<20}{statistics.median(times) * 1000:>8.1f} ms")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per command (median is shown)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        documents = _documents(Path(tmp))
        python = _median_seconds([sys.executable, "-c", "pass"], args.runs)
        networkx = _median_seconds([sys.executable, "-c", "import networkx"], args.runs)
        print(f"{'command':<52}{'median s':>10}{'x networkx':>12}")
        _row("python -c pass", python, networkx)
        _row('python -c "import networkx"', networkx, networkx)
        for name, path in documents.items():
            for command in ("info", "validate"):
                seconds = _median_seconds([*_orgmodel(), command, str(path)], args.runs)
                _row(f"orgmodel {command} {name}", seconds, networkx)
    _in_process(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
