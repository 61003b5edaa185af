"""The by-ending registry of readers and writers used by ``orgmodel convert``."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.core.errors import FormatError
from orgmodel.examples import load_example
from orgmodel.interop import formats
from orgmodel.interop.formats import (
    READERS,
    WRITERS,
    Format,
    find_format,
    read_any,
    write_any,
    writer_for,
)
from orgmodel.interop.orgjson import dumps


@pytest.mark.parametrize(
    "name, expected",
    [
        ("a.orgmodel", "OrgModel document"),
        ("A.JSON", "orgmodel JSON"),
        ("x.graphml", "GraphML"),
        ("x.yed.graphml", "GraphML for yEd"),
        ("x.gexf", "GEXF 1.3"),
        ("x.mmd", "Mermaid"),
        ("x.gv", "DOT (Graphviz)"),
        ("x.dot", "DOT (Graphviz)"),
        ("x.yaml", "Backstage catalog"),
    ],
)
def test_writer_is_chosen_by_the_longest_ending(name: str, expected: str) -> None:
    assert writer_for(name).name == expected


def test_unknown_endings_are_refused_listing_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match=r"\.graphml, \.gexf"):
        writer_for("x.png")
    (tmp_path / "x.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(FormatError, match="cannot read this file"):
        read_any(tmp_path / "x.txt")
    with pytest.raises(FormatError, match="no such file"):
        read_any(tmp_path / "missing.json")


def test_a_folder_is_read_by_the_folder_reader() -> None:
    fmt = find_format(READERS, Path("catalog"), folder=True)
    assert fmt is not None and fmt.folders


def test_json_round_trip_through_the_registry(tmp_path: Path) -> None:
    model = load_example("startup")
    fmt, _summary = write_any(model, tmp_path / "s.json")
    assert fmt.name == "orgmodel JSON"
    imported, read_format = read_any(tmp_path / "s.json")
    assert read_format.name == "orgmodel JSON" and imported.report == ()
    assert dumps(imported.model) == dumps(model)


def test_reader_results_are_normalised(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    model = load_example("startup")

    class Report:
        def lines(self) -> list[str]:
            return ["took 3 teams", "skipped 1 API"]

    source = tmp_path / "in.fake"
    source.write_text("x", encoding="utf-8")
    fake = Format("Fake", (".fake",), "fake:read")
    monkeypatch.setattr(formats, "READERS", [fake])
    for result, lines in [
        (model, ()),
        ((model, Report()), ("took 3 teams", "skipped 1 API")),
        ((model, ["a"]), ("a",)),
    ]:
        monkeypatch.setattr(formats, "_function", lambda fmt, r=result: lambda path: r)
        imported, _ = read_any(source)
        assert imported.model is model and imported.report == lines


def test_a_format_whose_module_is_missing_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(
        formats,
        "WRITERS",
        [Format("Nothing", (".nothing",), "orgmodel.interop.no_such_module:write")],
    )
    with pytest.raises(FormatError, match="Nothing files are not supported"):
        write_any(load_example("startup"), tmp_path / "x.nothing")


def test_writing_into_a_missing_folder_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="does not exist"):
        write_any(load_example("startup"), tmp_path / "no" / "x.gexf")


def test_every_registered_writer_writes_the_startup_example(tmp_path: Path) -> None:
    model = load_example("startup")
    for fmt in WRITERS:
        if fmt.endings[0] == ".orgmodel":
            pytest.importorskip("orgmodel.persistence.store")
        out = tmp_path / f"out{fmt.endings[0]}"
        written, _ = write_any(model, out, next(iter(model.views.values())))
        assert written == fmt and out.stat().st_size > 0
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left
