"""Benchmark: the vectorised simulation engine against the per-service oracle and the draw floor.

Runs, on the bundled ``large-enterprise`` example under the baseline preset (stochastic mode):

- the engine: ``--runs`` x ``--weeks`` (default 1,000 x 260) in blocks of ``engine.BLOCK_SIZE``,
  one process, timed without compiling and summarising;
- the oracle (``benchmarks/oracle_sim.py``): ``--oracle-runs`` x ``--oracle-weeks`` (default
  1 x 260: the same horizon, since later weeks have more services), scaled to run-weeks per second;
- the draw floor: numpy alone drawing the engine's random variates for the same runs and weeks:
  the engine runs once more (untimed) with a generator that repeats each of its draws on a shadow
  generator seeded alike, timing only the shadow, so the floor has exactly the engine's draws
  (per pool: gamma-Poisson pages and Poisson tickets; per team slot: Poisson new services and two
  uniforms for embed requests; per run: Poisson new teams; uniforms for the tiers of new
  services), with the engine's own means, and nothing else. Engine and floor alternate block by
  block, so a change in a shared machine's load shifts both alike.

Prints run-weeks per second for each, the engine/oracle speed-up and the engine/floor time ratio
(goals: >= 100x and <= 3x). Times are CPU seconds of this process (``time.process_time``), so a
busy shared machine disturbs them less than wall-clock time would.
``python benchmarks/bench_sim.py --quick`` for a short check.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import numpy as np

from orgmodel.examples import load_example
from orgmodel.sim.compile import CompiledModel, compile_model
from orgmodel.sim.engine import BLOCK_SIZE, run_block
from orgmodel.sim.montecarlo import block_sizes
from orgmodel.sim.scenario import ScenarioParams, load_preset


def _oracle_module():  # type: ignore[no-untyped-def]
    path = Path(__file__).with_name("oracle_sim.py")
    spec = importlib.util.spec_from_file_location("oracle_sim", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["oracle_sim"] = module
    spec.loader.exec_module(module)
    return module


def time_engine_and_floor(cm: CompiledModel, p: ScenarioParams, runs: int, weeks: int,
                          seed: int) -> tuple[float, float, list[float]]:
    """CPU seconds of the engine and of its draw floor, block by block, interleaved.

    Each block runs timed with a plain generator, then again with ``_DrawTimer`` for the floor, so
    a change in the machine's load shifts both alike; also returns the per-block time ratios.
    """
    engine = floor = 0.0
    ratios = []
    for size, s in zip(block_sizes(runs), np.random.SeedSequence(seed).spawn(len(block_sizes(runs))),
                       strict=True):
        start = time.process_time()
        run_block(cm, p, size, weeks, np.random.default_rng(s))
        spent = time.process_time() - start
        drawn = floor_block(cm, p, size, weeks, s)
        engine, floor = engine + spent, floor + drawn
        ratios.append(spent / drawn)
    return engine, floor, ratios


class _DrawTimer(np.random.Generator):
    """The engine's generator; every draw is repeated on an identical shadow generator, timed.

    The shadow starts from the same seed and receives exactly the engine's calls in the engine's
    order, so it draws the same variates (same shapes, distributions and parameters, week 0
    included, no more and no fewer); only the shadow's calls are timed, right after the engine's
    own, so the floor is numpy's drawing time alone, with the arguments already in cache.
    """

    def __init__(self, seed: np.random.SeedSequence) -> None:
        super().__init__(np.random.PCG64(seed))
        self.shadow = np.random.default_rng(seed)
        self.spent = 0.0

    def _timed(self, name: str, *args: object, **kwargs: object) -> object:
        out = getattr(super(), name)(*args, **kwargs)
        draw = getattr(self.shadow, name)
        start = time.process_time()
        draw(*args, **kwargs)
        self.spent += time.process_time() - start
        return out

    def poisson(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        return self._timed("poisson", *args, **kwargs)

    def gamma(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        return self._timed("gamma", *args, **kwargs)

    def random(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
        return self._timed("random", *args, **kwargs)


def floor_block(cm: CompiledModel, p: ScenarioParams, runs: int, weeks: int,
                seed: np.random.SeedSequence) -> float:
    """numpy drawing exactly what the engine draws for one block, nothing else (``_DrawTimer``)."""
    timer = _DrawTimer(seed)
    run_block(cm, p, runs, weeks, timer)
    # the same stream position: the shadow drew every variate the engine drew, and no other
    assert timer.bit_generator.state == timer.shadow.bit_generator.state
    return timer.spent


def time_oracle(model: object, p: ScenarioParams, runs: int, weeks: int, seed: int) -> float:
    oracle = _oracle_module()
    start = time.process_time()
    oracle.run_oracle(model, p, runs=runs, weeks=weeks, seed=seed)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", default="large-enterprise")
    parser.add_argument("--preset", default="baseline")
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--weeks", type=int, default=260)
    parser.add_argument("--oracle-runs", type=int, default=1)
    parser.add_argument("--oracle-weeks", type=int, default=260)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--quick", action="store_true", help="100 runs x 52 weeks, oracle 1 x 8")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.weeks, args.oracle_weeks = 100, 52, 8
    model = load_example(args.example)
    p = load_preset(args.preset).replace(mode="stochastic")
    cm = compile_model(model, p, args.weeks)
    print(f"{args.example}: {len(cm.service_ids)} services, {cm.sre_pools} SRE teams, "
          f"{cm.team_slots} team slots, {cm.service_slots} service slots; block size {BLOCK_SIZE}")
    engine, floor, ratios = time_engine_and_floor(cm, p, args.runs, args.weeks, args.seed)
    oracle = time_oracle(model, p, args.oracle_runs, args.oracle_weeks, args.seed)
    rw_engine = args.runs * args.weeks / engine
    rw_floor = args.runs * args.weeks / floor
    rw_oracle = args.oracle_runs * args.oracle_weeks / oracle
    print(f"engine : {args.runs} runs x {args.weeks} weeks in {engine:8.2f} s = {rw_engine:10.0f} run-weeks/s")
    print(f"oracle : {args.oracle_runs} runs x {args.oracle_weeks} weeks in {oracle:8.2f} s = "
          f"{rw_oracle:10.1f} run-weeks/s")
    print(f"floor  : numpy draws alone      in {floor:8.2f} s = {rw_floor:10.0f} run-weeks/s")
    print(f"engine / oracle speed-up: {rw_engine / rw_oracle:8.0f}x   (goal >= 100x)")
    print(f"engine time / draw floor: {engine / floor:8.2f}x   (goal <= 3x; per block: median "
          f"{float(np.median(ratios)):.2f}x, range {min(ratios):.2f}-{max(ratios):.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
