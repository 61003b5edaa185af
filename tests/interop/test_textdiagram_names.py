"""Any name a user can type survives the Mermaid and DOT writers (hypothesis-generated names)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgmodel.core.entities import Organisation, Person, Team
from orgmodel.core.kinds import TeamKind
from orgmodel.core.model import OrgModel
from orgmodel.interop.dot import dot_text
from orgmodel.interop.mermaid import mermaid_text

NAMES = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=24).filter(
    lambda s: s.strip() != ""
)


def _model(names: list[str]) -> OrgModel:
    model = OrgModel(Organisation(names[0]))
    model.add(Team("root", names[0], TeamKind.GROUP))
    for i, name in enumerate(names):
        model.add(Team(f"t{i}", name, parent="root"))
        model.add(Person(f"p{i}", name, team=f"t{i}"))
    return model


@settings(max_examples=25, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=5))
def test_graphviz_parses_dot_with_any_names(names: list[str]) -> None:
    dot = shutil.which("dot")
    if dot is None:
        pytest.skip("Graphviz 'dot' is not installed")
    text = dot_text(_model(names))
    result = subprocess.run(
        [dot, "-Tsvg"], input=text.encode("utf-8"), capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 0, (text, result.stderr.decode(errors="replace"))
    assert b"syntax error" not in result.stderr


@settings(max_examples=50, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=5))
def test_mermaid_labels_never_break_out_of_their_quotes(names: list[str]) -> None:
    text = mermaid_text(_model(names))
    title = text.splitlines()[1]
    assert title.startswith("title: '") and title.endswith("'")
    assert "'" not in title[8:-1].replace("''", "")
    body = text.split("\n---\n", 1)[1]
    for line in body.splitlines()[1:]:
        stripped = line.strip()
        if stripped.startswith(("subgraph", "n_")) and '"' in stripped:
            assert stripped.count('"') == 2, line
        assert "`" not in stripped
    assert body.startswith("flowchart TB\n")
