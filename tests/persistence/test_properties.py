"""Property tests: any text, number, date, filter or position a model can hold survives a save."""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgmodel.core.entities import Embed, Organisation, Person, Team, View
from orgmodel.core.model import OrgModel
from orgmodel.interop import orgjson
from orgmodel.persistence.errors import DocumentError
from orgmodel.persistence.store import open_document, save_document

# valid Unicode only (lone surrogates cannot be stored; see test_unpaired_surrogates_are_refused)
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
FINITE = st.floats(allow_nan=False, allow_infinity=False)
DATES = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
JSON = st.recursive(st.none() | st.booleans() | st.integers(-2**62, 2**62) | FINITE | TEXT,
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8)


@st.composite
def models(draw: Any) -> OrgModel:
    org = Organisation(draw(TEXT.filter(str.strip)), draw(TEXT), draw(DATES), draw(TEXT),
                       tuple(draw(st.lists(TEXT, max_size=3))))
    model = OrgModel(org)
    names = draw(st.lists(TEXT.filter(str.strip), min_size=2, max_size=4))
    for i, name in enumerate(names):
        model.add(Team(f"t{i}", name, notes=draw(TEXT), tags=tuple(draw(st.lists(TEXT, max_size=2))),
                       sites=draw(st.sampled_from((1, 2))), has_oncall=draw(st.booleans())))
    model.add(Person("p", draw(TEXT.filter(str.strip)), team="t0",
                     fte=draw(st.floats(0.0, 1.0)), location=draw(TEXT), email=draw(TEXT)))
    start = draw(DATES)
    end = None if start is None else draw(st.none() | st.dates(min_value=start))
    model.add(Embed("e", "p", "t1", purpose=draw(TEXT), start=start, end=end))
    positions = draw(st.dictionaries(TEXT, st.tuples(FINITE, FINITE), max_size=4))
    filters = draw(st.dictionaries(TEXT, JSON, max_size=3))
    model.add(View(draw(TEXT.filter(bool)), "view", filters=filters, positions=positions,
                   zoom=draw(st.floats(0.01, 100.0))))
    return model


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(model=models())
def test_any_model_round_trips(model: OrgModel) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.orgmodel"
        save_document(model, path)
        back = open_document(path)
    assert back.snapshot() == model.snapshot()
    assert orgjson.dumps(back) == orgjson.dumps(model)


def test_unpaired_surrogates_are_refused(tmp_path: Path) -> None:
    model = OrgModel()
    model.add(Team("t", "broken \ud800 text"))
    with pytest.raises(DocumentError, match="not valid Unicode"):
        save_document(model, tmp_path / "a.orgmodel")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["with space.orgmodel", "q?mark#hash%25.orgmodel",
                                  "ünï ☃.orgmodel", "file:odd.orgmodel"])
def test_odd_file_names(tmp_path: Path, name: str) -> None:
    model = OrgModel(Organisation("Odd"))
    save_document(model, tmp_path / name)
    assert open_document(tmp_path / name).organisation.name == "Odd"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.orgmodel"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError, match="not a regular file"):
        open_document(fifo)
