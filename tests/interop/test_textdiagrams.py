"""Mermaid and DOT text diagrams: every shown node is there, the syntax is sane, dot renders it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from orgmodel.core.entities import View
from orgmodel.core.model import OrgModel
from orgmodel.examples import load_example
from orgmodel.interop.dot import dot_text, quote, write_dot
from orgmodel.interop.mermaid import mermaid_text, write_mermaid
from orgmodel.interop.textdiagram import safe_ids
from orgmodel.interop.viewgraph import view_graph

NODE = re.compile(
    r'^\s*(n_\w+)(\(\["|\{\{"|\[\("|>"|\[\["|\("|\[")(.*?)("\]\)|"\}\}|"\)\]|"\]|"\]\]|"\))$'
)
SUBGRAPH = re.compile(r'^\s*subgraph (n_\w+)\["(.*)"\]$')
EDGE = re.compile(r'^\s*(n_\w+) (-->|---|-\.->|-\.-|==>|===)\|"[a-z ]+"\| (n_\w+)$')
OTHER = re.compile(r"^\s*(end|direction TB|style n_\w+ .+|classDef \w+ .+|class [\w,]+ \w+)$")


def _check_mermaid(text: str) -> tuple[set[str], set[str]]:
    """Parse our Mermaid subset line by line; returns declared ids and ids used by edges."""
    lines = text.splitlines()
    assert lines[:4] == ["---", lines[1], "---", "flowchart TB"] and lines[1].startswith("title: ")
    declared: set[str] = set()
    used: set[str] = set()
    depth = 0
    for line in lines[4:]:
        if m := SUBGRAPH.match(line):
            depth += 1
            declared.add(m.group(1))
        elif m := NODE.match(line):
            declared.add(m.group(1))
            assert '"' not in m.group(3), line
        elif m := EDGE.match(line):
            used.update({m.group(1), m.group(3)})
        elif line.strip() == "end":
            depth -= 1
            assert depth >= 0
        else:
            assert OTHER.match(line), f"unexpected Mermaid line: {line!r}"
    assert depth == 0
    return declared, used


@pytest.mark.parametrize(
    "view_id", [None, "view-whole-organisation", "view-platform-stack", "view-sre-services"]
)
def test_mermaid_declares_every_shown_node_and_only_uses_declared_ids(view_id: str | None) -> None:
    model = load_example("seed-enterprise")
    view = model.views[view_id] if view_id else None
    text = mermaid_text(model, view)
    declared, used = _check_mermaid(text)
    graph = view_graph(model, view)
    assert declared == set(safe_ids(list(graph)).values())
    assert used <= declared
    for _, label in graph.nodes(data="label"):
        assert label.replace("&", "#amp;") in text


def test_mermaid_teams_with_members_are_subgraphs_and_quotes_are_escaped() -> None:
    model = load_example("startup")
    model.change("person-theo-grant", name='Theo "TG" Grant')
    text = mermaid_text(model, View("v", "People", filters={"node_kinds": ["team", "person"]}))
    _check_mermaid(text)
    assert 'subgraph n_team_product["Product"]' in text
    assert "Theo #quot;TG#quot; Grant" in text
    assert "member of" not in text  # membership is drawn by nesting


def test_safe_ids_are_unique_identifiers() -> None:
    ids = safe_ids(["a-b", "a_b", "a.b", "end"])
    assert len(set(ids.values())) == 4
    assert all(re.fullmatch(r"n_\w+", v) for v in ids.values())


def _balanced(text: str) -> bool:
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            escaped, in_string = (False, True) if escaped else (char == "\\", char != '"')
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and not in_string


def test_dot_text_names_every_node_and_is_balanced() -> None:
    model = load_example("seed-enterprise")
    view = model.views["view-platform-stack"]
    text = dot_text(model, view)
    assert text.startswith('digraph "Harbourline Engineering: Platform stack" {')
    assert _balanced(text)
    for node, label in view_graph(model, view).nodes(data="label"):
        assert f"label={quote(label)}" in text
        assert re.search(rf"^\s*{safe_ids([node])[node]} \[", text, re.M)


def test_dot_quote_escapes_quotes_and_backslashes_on_one_line() -> None:
    assert quote('a "b" \\ c\nd\x00e') == '"a \\"b\\" \\\\ c d e"'


def _render(dot: str, path: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([dot, "-Tsvg", str(path)], capture_output=True, timeout=120, check=False)


@pytest.mark.parametrize("view_id", [None, "view-whole-organisation", "view-sre-services"])
def test_graphviz_renders_the_dot_file(tmp_path: Path, view_id: str | None) -> None:
    dot = shutil.which("dot")
    if dot is None:
        pytest.skip("Graphviz 'dot' is not installed")
    model: OrgModel = load_example("seed-enterprise")
    model.change("team-data", name='Data "&" \\ Analytics')
    out = tmp_path / "org.dot"
    write_dot(model, out, model.views[view_id] if view_id else None)
    result = _render(dot, out)
    assert result.returncode == 0, result.stderr.decode()
    assert b"<svg" in result.stdout and b"Checkout" in result.stdout
    assert result.stderr == b""


def test_writers_replace_an_existing_file(tmp_path: Path) -> None:
    model = load_example("startup")
    out = tmp_path / "org.mmd"
    out.write_text("old", encoding="utf-8")
    write_mermaid(model, out)
    assert out.read_text(encoding="utf-8").startswith("---\ntitle:")
    assert [p.name for p in tmp_path.iterdir()] == ["org.mmd"]
