"""Fixtures for the reporting tests: synthetic results (section 4 format) and the seed example."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

_spec = importlib.util.spec_from_file_location("reporting_synthetic", Path(__file__).with_name("synthetic.py"))
assert _spec is not None and _spec.loader is not None
synthetic = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synthetic)


@pytest.fixture
def make_results() -> Callable[..., dict[str, Any]]:
    return synthetic.make_results


@pytest.fixture(scope="session")
def results() -> dict[str, Any]:
    return synthetic.make_results(runs=60)


@pytest.fixture(scope="session")
def seed_model() -> Any:
    from orgmodel.examples import load_example

    return load_example("seed-enterprise")
