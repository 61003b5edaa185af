"""Monte Carlo: split the runs into fixed blocks, seed each block, run blocks in worker processes.

``run_simulation(model, params, ...)`` compiles the document once, splits ``runs`` into blocks of
``engine.BLOCK_SIZE`` runs (the last one shorter), gives block i the generator of
``SeedSequence(seed).spawn(blocks)[i]`` and runs the blocks in order or in ``workers`` processes
(``concurrent.futures``; the ``fork`` start method where the platform has it, since workers run
only numpy code and need no importable ``__main__``; ``spawn`` elsewhere). Blocks are
reassembled in block order, so the results are identical for any number of workers.
``progress(done, total)`` is called after every finished block; ``cancel()`` is polled between
blocks and raises ``SimulationCancelled``. ``expected`` mode is deterministic, so it simulates one
run and reports ``runs = 1``. Not for percentiles (results.py) nor the weekly step (engine.py).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

import numpy as np

from orgmodel.core.errors import OrgModelError
from orgmodel.core.model import OrgModel
from orgmodel.sim.compile import CompiledModel, compile_model
from orgmodel.sim.engine import BLOCK_SIZE, RawRun, run_block
from orgmodel.sim.parameters import BY_NAME
from orgmodel.sim.results import SimulationResult, summarise
from orgmodel.sim.scenario import ScenarioError, ScenarioParams

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class SimulationCancelled(OrgModelError):
    """The simulation was cancelled before it finished."""


def _flat(params: ScenarioParams) -> dict[str, Any]:
    return {name: params[name] for name in BY_NAME}


def _run_block(cm: CompiledModel, values: dict[str, Any], runs: int, weeks: int,
               seed: np.random.SeedSequence | None) -> RawRun:
    """Worker entry point (module level, so it pickles)."""
    params = ScenarioParams(values)
    rng = None if seed is None else np.random.default_rng(seed)
    return run_block(cm, params, runs, weeks, rng)


def block_sizes(runs: int) -> list[int]:
    full, rest = divmod(runs, BLOCK_SIZE)
    return [BLOCK_SIZE] * full + ([rest] if rest else [])


def resolve(params: ScenarioParams, runs: int | None, seed: int | None, weeks: int | None,
            mode: str | None) -> ScenarioParams:
    """The scenario with the caller's overrides applied and validated like scenario values."""
    changes = {k: v for k, v in (("runs", runs), ("seed", seed), ("weeks", weeks), ("mode", mode))
               if v is not None}
    return params.replace(**changes) if changes else params


def run_simulation(model: OrgModel, params: ScenarioParams, *, runs: int | None = None,
                   seed: int | None = None, weeks: int | None = None, mode: str | None = None,
                   workers: int = 1, progress: Progress | None = None,
                   cancel: Cancel | None = None) -> SimulationResult:
    """Simulate the organisation under the scenario (see the module docstring)."""
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ScenarioError(f"workers must be a whole number of at least 1, not {workers!r}.")
    p = resolve(params, runs, seed, weeks, mode)
    cm = compile_model(model, p, p.weeks)
    seeds: list[np.random.SeedSequence | None]
    if p.mode == "expected":
        sizes, seeds = [1], [None]
    else:
        sizes = block_sizes(p.runs)
        seeds = list(np.random.SeedSequence(p.seed).spawn(len(sizes)))
    tasks = [(cm, _flat(p), n, p.weeks, s) for n, s in zip(sizes, seeds, strict=True)]
    parts = _serial(tasks, progress, cancel) if workers == 1 or len(tasks) == 1 else _parallel(
        tasks, workers, progress, cancel)
    offsets = list(np.cumsum([0] + sizes[:-1]).tolist())
    raw = RawRun.concatenate(parts, offsets)
    names = {tid: model.teams[tid].name for tid in cm.sre_team_ids}
    return summarise(raw, p, cm, seed=p.seed, mode=p.mode, team_names=names)


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise SimulationCancelled("The simulation was cancelled.")


def _serial(tasks: list[tuple[Any, ...]], progress: Progress | None, cancel: Cancel | None) -> list[RawRun]:
    parts = []
    for i, task in enumerate(tasks):
        _check_cancel(cancel)
        parts.append(_run_block(*task))
        if progress is not None:
            progress(i + 1, len(tasks))
    return parts


def _parallel(tasks: list[tuple[Any, ...]], workers: int, progress: Progress | None,
              cancel: Cancel | None) -> list[RawRun]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    results: dict[int, RawRun] = {}
    with ProcessPoolExecutor(max_workers=min(workers, len(tasks)), mp_context=context) as pool:
        pending: dict[Future[RawRun], int] = {}
        queue = list(enumerate(tasks))
        try:
            while queue or pending:
                _check_cancel(cancel)
                while queue and len(pending) < workers:  # keep cancellation prompt: no backlog
                    index, task = queue.pop(0)
                    pending[pool.submit(_run_block, *task)] = index
                finished, _ = wait(list(pending), return_when=FIRST_COMPLETED)
                for future in finished:
                    results[pending.pop(future)] = future.result()
                    if progress is not None:
                        progress(len(results), len(tasks))
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return [results[i] for i in range(len(tasks))]
