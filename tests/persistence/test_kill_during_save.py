"""SIGKILL a process while it saves, many times: the document always opens, old or new, whole.

The saving process is forked from the test with the models already in memory, so each of the
30 rounds costs a fraction of a second; it saves model B, then A, then B ... over the target until
the test kills it at a random moment. One round runs the saver as a fresh interpreter too.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from orgmodel.core.model import OrgModel
from orgmodel.persistence.store import open_document, save_document

SAVER = """
import sys
from dataclasses import replace
from orgmodel.persistence.store import open_document, save_document
a = open_document(sys.argv[1])
b = a.copy()
b.set_organisation(replace(a.organisation, name="Renamed by the saver"))
print("ready", flush=True)
while True:
    save_document(b, sys.argv[2])
    save_document(a, sys.argv[2])
"""


def _big_model(fallback: OrgModel) -> OrgModel:
    """The large example (saves take long enough to be hit), or a small model until it exists."""
    try:
        from orgmodel.examples import load_example

        return load_example("large-enterprise")
    except ImportError:
        return fallback


def _renamed(model: OrgModel) -> OrgModel:
    other = model.copy()
    other.set_organisation(replace(model.organisation, name="Renamed by the saver"))
    return other


def _fork_saver(a: OrgModel, b: OrgModel, target: Path) -> int:
    pid = os.fork()
    if pid == 0:  # the child: save until killed, never return into pytest
        try:
            while True:
                save_document(b, target)
                save_document(a, target)
        finally:
            os._exit(1)
    return pid


def _temps(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.name.startswith(".target.orgmodel.")}


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_killed_saves_never_damage_the_document(tmp_path: Path, rich_model: OrgModel) -> None:
    model_a = _big_model(rich_model)
    model_b = _renamed(model_a)
    target = tmp_path / "target.orgmodel"
    save_document(model_a, target)
    start = time.perf_counter()
    save_document(model_a, target)
    save_seconds = time.perf_counter() - start  # to spread the kills over about 2 saves
    old, new = model_a.snapshot(), model_b.snapshot()
    rng = random.Random(20261128)
    seen_new = 0
    for _ in range(30):
        pid = _fork_saver(model_a, model_b, target)
        time.sleep(rng.uniform(0.0, 2 * save_seconds))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        snapshot = open_document(target).snapshot()
        assert snapshot in (old, new)
        seen_new += snapshot == new
    assert seen_new > 0, "no save ever finished: the kills did not test a replaced file"
    # killed saves leave their unfinished temporary file, never a journal, never the target broken
    assert _temps(tmp_path), "no kill landed in the middle of a save"
    assert all(name.endswith(".tmp") for name in _temps(tmp_path))
    save_document(model_a, target)
    assert open_document(target).snapshot() == old


@pytest.mark.slow
def test_killing_a_fresh_interpreter_mid_save(tmp_path: Path, rich_model: OrgModel) -> None:
    model_a = _big_model(rich_model)
    source, target = tmp_path / "source.orgmodel", tmp_path / "target.orgmodel"
    save_document(model_a, source)
    save_document(model_a, target)
    child = subprocess.Popen([sys.executable, "-c", SAVER, str(source), str(target)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    snapshot = open_document(target).snapshot()
    assert snapshot in (model_a.snapshot(), _renamed(model_a).snapshot())
