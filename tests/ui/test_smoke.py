"""``orgmodel --smoke-test`` checks the window, a simulation, a render and a save/reopen."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


@pytest.mark.gui
@pytest.mark.slow
def test_smoke_test_passes_and_reports_each_check() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "orgmodel", "--smoke-test"], capture_output=True,
                          text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    for check in ("main window", "simulation", "render view", "save and reopen"):
        assert f"ok   {check}:" in done.stdout
    assert "smoke test passed" in done.stdout


@pytest.mark.gui
def test_a_failing_check_makes_the_smoke_test_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    from orgmodel.ui import smoke

    def broken(folder: object) -> str:
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(smoke, "CHECKS", (("broken", broken),))
    assert smoke.run(None) == 1
