"""``orgmodel new``, ``orgmodel examples`` and ``orgmodel convert``: output, files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from orgmodel.analysis.graph import build_graph
from orgmodel.cli import main
from orgmodel.examples import load_example
from orgmodel.interop.orgjson import dumps, read_json

SHARED = Path("/work/shared/data/backstage-examples")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_new_json_from_an_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "seed.json"
    code, out, _ = _run(capsys, "new", str(target), "--example", "seed-enterprise")
    assert code == 0 and f"{len(load_example('seed-enterprise').people)} people" in out
    assert dumps(read_json(str(target))) == dumps(load_example("seed-enterprise"))


def test_new_empty_document_is_named_after_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "acme-labs.json"
    code, out, _ = _run(capsys, "new", str(target))
    assert code == 0 and "empty" in out
    model = read_json(str(target))
    assert model.organisation.name == "acme labs" and len(model) == 0


def test_new_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "keep.json"
    target.write_text("precious", encoding="utf-8")
    code, out, err = _run(capsys, "new", str(target), "--example", "startup")
    assert code == 2 and out == ""
    assert err.strip() == f"orgmodel: {target} already exists; use --force to replace it."
    assert target.read_text(encoding="utf-8") == "precious"
    code, _, _ = _run(capsys, "new", str(target), "--example", "startup", "--force")
    assert code == 0 and len(read_json(str(target)).people) == 15


@pytest.mark.parametrize(
    "argv, message",
    [
        (["new", "{tmp}/x.txt"], "must end in .orgmodel or .json"),
        (["new", "{tmp}/x.json", "--example", "huge"], "no example called 'huge'"),
        (["new", "{tmp}/missing/x.json"], "does not exist"),
        (["convert", "{tmp}/nothing.json", "{tmp}/x.gexf"], "no such file"),
        (["convert", "{tmp}/bad.json", "{tmp}/x.gexf"], "Not valid JSON"),
        (["convert", "{tmp}/bad.json", "{tmp}/x.png"], "cannot write this kind of file"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    code, _, err = _run(capsys, *[a.format(tmp=tmp_path) for a in argv])
    assert code == 2 and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert {p.name for p in tmp_path.iterdir()} == {"bad.json"}


def test_new_orgmodel_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("orgmodel.persistence.store")
    target = tmp_path / "seed.orgmodel"
    code, _, _ = _run(capsys, "new", str(target), "--example", "seed-enterprise")
    assert code == 0
    back = tmp_path / "back.json"
    code, out, _ = _run(capsys, "convert", str(target), str(back))
    assert code == 0 and "OrgModel document" in out
    assert dumps(read_json(str(back))) == dumps(load_example("seed-enterprise"))


def test_examples_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "examples")
    assert code == 0
    rows = [line.split()[0] for line in out.splitlines()[1:4]]
    assert rows == ["seed-enterprise", "startup", "large-enterprise"]
    code, out, _ = _run(capsys, "examples", "--json")
    data = json.loads(out)
    assert data["schema"] == "orgmodel.examples/1"
    sizes = {e["name"]: e["people"] for e in data["examples"]}
    assert sizes["startup"] == 15 and sizes["large-enterprise"] >= 2000


@pytest.fixture
def seed_json(tmp_path: Path) -> Path:
    path = tmp_path / "seed.json"
    path.write_text(dumps(load_example("seed-enterprise")), encoding="utf-8")
    return path


def test_convert_to_graph_formats_reports_what_it_wrote(
    seed_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("org.graphml", "org.yed.graphml", "org.gexf", "org.mmd", "org.dot"):
        code, out, err = _run(capsys, "convert", str(seed_json), str(tmp_path / name))
        assert code == 0 and err == ""
        assert out.splitlines()[0].startswith(f"Read {seed_json} (orgmodel JSON): 14 teams")
        assert out.splitlines()[-1].startswith(f"Wrote {tmp_path / name} (")
    nodes = build_graph(load_example("seed-enterprise")).number_of_nodes()
    assert nx.read_graphml(tmp_path / "org.graphml").number_of_nodes() == nodes
    assert nx.read_gexf(tmp_path / "org.gexf").number_of_nodes() == nodes


def test_convert_view_selection(
    seed_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "sre.mmd"
    code, out, _ = _run(
        capsys, "convert", str(seed_json), str(out_path), "--view", "SRE and its services"
    )
    assert code == 0 and "view 'SRE and its services'" in out
    assert "Amara Okafor" not in out_path.read_text(encoding="utf-8")
    code, _, _ = _run(capsys, "convert", str(seed_json), str(out_path), "--whole")
    assert code == 0 and "Amara Okafor" in out_path.read_text(encoding="utf-8")
    code, _, err = _run(
        capsys, "convert", str(seed_json), str(tmp_path / "x.json"), "--view", "Platform stack"
    )
    assert code == 2 and "diagram formats" in err


def test_convert_replaces_out_and_a_failure_leaves_it_alone(
    seed_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "out.gexf"
    out_path.write_text("old", encoding="utf-8")
    code, _, _ = _run(capsys, "convert", str(seed_json), str(out_path))
    assert code == 0 and out_path.read_text(encoding="utf-8").startswith("<?xml")
    before = out_path.read_bytes()
    code, _, _ = _run(capsys, "convert", str(seed_json), str(out_path), "--view", "nope")
    assert code == 2 and out_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.gexf", "seed.json"]


def test_convert_backstage_catalog_prints_what_it_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = SHARED / "all.yaml"
    if not catalog.exists():
        pytest.skip("the shared Backstage examples are not available")
    pytest.importorskip("orgmodel.interop.backstage_import")
    code, out, _ = _run(capsys, "convert", str(catalog), str(tmp_path / "catalog.json"))
    assert code == 0 and "(Backstage catalog)" in out
    assert any(line.startswith("  ") for line in out.splitlines())  # the importer's report
    assert len(read_json(str(tmp_path / "catalog.json")).services) > 0


def test_convert_reads_several_catalogs_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = SHARED / "all.yaml", SHARED / "acme-corp.yaml"
    if not (first.exists() and second.exists()):
        pytest.skip("the shared Backstage examples are not available")
    out_path = tmp_path / "both.json"
    code, out, _ = _run(capsys, "convert", str(first), str(second), str(out_path))
    assert code == 0 and out.startswith(f"Read {first}, {second} (Backstage catalog)")
    both = read_json(str(out_path))
    code, _, _ = _run(capsys, "convert", str(first), str(tmp_path / "one.json"))
    one = read_json(str(tmp_path / "one.json"))
    assert len(both.teams) > len(one.teams) and len(both.services) >= len(one.services)


def test_convert_passes_roster_options_and_refuses_them_elsewhere(
    seed_json: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rosters = Path(__file__).resolve().parents[1] / "data" / "rosters"
    roster, mapping = rosters / "odd-columns.csv", rosters / "odd-columns.mapping.toml"
    if not mapping.exists():
        pytest.skip("the roster test data is not available")
    code, out, _ = _run(
        capsys, "convert", str(roster), "--mapping", str(mapping), str(tmp_path / "roster.json")
    )
    assert code == 0 and "(CSV roster)" in out
    assert len(read_json(str(tmp_path / "roster.json")).people) > 0
    code, _, err = _run(
        capsys, "convert", str(seed_json), "--mapping", str(mapping), str(tmp_path / "x.json")
    )
    assert code == 2 and "--mapping does not apply to orgmodel JSON input" in err
    code, _, err = _run(capsys, "convert", str(seed_json), str(seed_json), str(tmp_path / "x.json"))
    assert code == 2 and "one at a time" in err
    assert not (tmp_path / "x.json").exists()


def test_a_document_open_elsewhere_is_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock_module = pytest.importorskip("orgmodel.persistence.lock")
    target = tmp_path / "open.orgmodel"
    assert _run(capsys, "new", str(target), "--example", "startup")[0] == 0
    before = target.read_bytes()
    with lock_module.DocumentLock(target):
        code, _, err = _run(capsys, "new", str(target), "--force")
        assert code == 2 and "is open in another OrgModel" in err
        code, _, err = _run(capsys, "convert", str(target), str(target))
        assert code == 2 and "is open in another OrgModel" in err
    assert target.read_bytes() == before
    assert _run(capsys, "new", str(target), "--force")[0] == 0
    assert target.read_bytes() != before
