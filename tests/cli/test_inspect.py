"""``orgmodel info`` and ``orgmodel validate``: text, JSON schema, exit codes, light imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from orgmodel.cli import main

HEALTHY: dict[str, Any] = {
    "format": "orgmodel",
    "version": 1,
    "organisation": {"name": "Acme", "planning_start": "2026-01-05"},
    "teams": [
        {"id": "eng", "name": "Engineering", "kind": "group"},
        {"id": "pay", "name": "Payments", "kind": "software", "parent": "eng", "has_oncall": True},
        {"id": "sre", "name": "SRE", "kind": "sre", "parent": "eng", "has_oncall": True},
    ],
    "people": (
        [{"id": "boss", "name": "Boss", "role": "manager", "team": "eng"}]
        + [  # a lead per team keeps every span of control within eight (OM017)
            {"id": f"{t}-lead", "name": f"{t} lead", "role": "manager", "team": "eng",
             "manager": "boss"}
            for t in ("pay", "sre")
        ]
        + [
            {
                "id": f"d{i}",
                "name": f"Dev {i}",
                "role": "software_engineer",
                "team": "pay",
                "manager": "pay-lead",
            }
            for i in range(8)
        ]
        + [
            {
                "id": f"s{i}",
                "name": f"SRE {i}",
                "role": "sre_se",
                "team": "sre",
                "manager": "sre-lead",
                "fte": 0.5 if i == 0 else 1.0,
            }
            for i in range(8)
        ]
    ),
    "services": [
        {
            "id": "checkout",
            "name": "Checkout",
            "owner": "pay",
            "tier": 1,
            "support": "sre",
            "sre_team": "sre",
        },
        {"id": "ledger", "name": "Ledger", "owner": "pay", "tier": 2},
    ],
    "forums": [
        {
            "id": "sos",
            "name": "Scrum of scrums",
            "representatives": [{"person": "d0", "team": "pay"}, {"person": "s1", "team": "sre"}],
        }
    ],
}


def write(tmp_path: Path, data: dict[str, Any], name: str = "org.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def broken() -> dict[str, Any]:
    """HEALTHY plus one service nobody owns (an error) and one tiny team (a warning)."""
    data = json.loads(json.dumps(HEALTHY))
    data["services"].append({"id": "orphan", "name": "Orphan"})
    data["teams"].append({"id": "tiny", "name": "Tiny", "kind": "software", "parent": "eng"})
    return data


def test_info_prints_a_readable_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", write(tmp_path, HEALTHY), "--on", "2026-03-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Acme  (org.json, as of 2026-03-01)")
    assert "People     19 (18.5 FTE)" in out
    assert "SRE : software            1 : 1.1  (0.938)" in out
    assert "Span of control   3 managers, mean 6.0, median 8.0, max 8" in out
    assert "SRE support       1 of 2 services (50 %), 1 of 1 tier-1 (100 %)" in out
    assert "Findings   0 errors, 0 warnings, 0 info" in out


def test_info_json_follows_the_documented_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", write(tmp_path, broken()), "--json", "--on", "2026-03-01"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "orgmodel.info/1"
    assert data["organisation"] == {
        "name": "Acme",
        "description": "",
        "planning_start": "2026-01-05",
    }
    assert data["findings"] == {"error": 1, "warning": 1, "info": 1}
    metrics = data["metrics"]
    assert set(metrics) == {
        "as_of",
        "counts",
        "teams_by_kind",
        "headcount",
        "headcount_by_role",
        "headcount_by_team_kind",
        "ratios",
        "span_of_control",
        "sre",
        "embeds",
    }
    assert metrics["counts"]["services"] == 3
    assert metrics["ratios"]["sre_to_software"] == 0.938
    assert metrics["sre"]["teams"][0]["id"] == "sre"


def test_validate_exits_0_without_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", write(tmp_path, HEALTHY)]) == 0
    assert capsys.readouterr().out.strip() == "org.json: 0 errors, 0 warnings, 0 info"


def test_validate_exits_1_on_an_error_and_prints_remedies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", write(tmp_path, broken())]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "error   OM001  Service 'Orphan' has no owning team."
    assert lines[1].strip().startswith("remedy: Give the service an owning team")
    assert lines[2].strip().startswith("source: seed")
    assert lines[-2] == "org.json: 1 error, 1 warning, 1 info"
    assert lines[-1] == "by code: OM001 1, OM008 1, OM010 1"


def test_validate_warnings_alone_exit_0(tmp_path: Path) -> None:
    data = json.loads(json.dumps(HEALTHY))
    data["teams"].append({"id": "tiny", "name": "Tiny", "kind": "software", "parent": "eng"})
    assert main(["validate", write(tmp_path, data)]) == 0


def test_validate_fail_on_makes_warnings_fail(tmp_path: Path) -> None:
    data = json.loads(json.dumps(HEALTHY))
    data["teams"].append({"id": "tiny", "name": "Tiny", "kind": "software", "parent": "eng"})
    path = write(tmp_path, data)
    assert main(["validate", path, "--fail-on", "warning"]) == 1
    assert main(["validate", path, "--fail-on", "info"]) == 1
    assert main(["validate", write(tmp_path, HEALTHY, "ok.json"), "--fail-on", "info"]) == 0


def test_validate_json_lists_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", write(tmp_path, broken()), "--json", "--on", "2026-03-01"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "orgmodel.validate/1"
    assert data["as_of"] == "2026-03-01"
    assert data["summary"] == {"error": 1, "warning": 1, "info": 1}
    assert data["by_code"] == {"OM001": 1, "OM008": 1, "OM010": 1}
    assert [f["code"] for f in data["findings"]] == ["OM001", "OM008", "OM010"]
    assert set(data["findings"][0]) == {
        "code",
        "severity",
        "message",
        "remedy",
        "entities",
        "source",
    }
    assert data["findings"][0]["entities"] == ["orphan"]


@pytest.mark.parametrize("command", ["info", "validate"])
@pytest.mark.parametrize("case", ["missing", "not json", "dangling", "folder"])
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, case: str
) -> None:
    path = str(tmp_path / "missing.json")
    if case == "not json":
        path = str(tmp_path / "bad.json")
        Path(path).write_text("{not json", encoding="utf-8")
    elif case == "dangling":
        data = json.loads(json.dumps(HEALTHY))
        data["services"][0]["owner"] = "nobody"
        path = write(tmp_path, data)
    elif case == "folder":
        path = str(tmp_path)
    assert main([command, path]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("orgmodel: ")


def test_bad_date_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["info", write(tmp_path, HEALTHY), "--on", "yesterday"])
    assert caught.value.code == 2
    assert "'yesterday' is not a date like 2026-03-02" in capsys.readouterr().err


HEAVY = (
    "PySide6",
    "matplotlib",
    "numpy",
    "networkx",
    "orgmodel.sim",
    "orgmodel.ui",
    "orgmodel.reporting",
)

PROBE = """
import json, sys
from orgmodel.cli import main
code = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split('.')[0] in {heavy_roots}
               or any(m == h or m.startswith(h + '.') for h in {heavy}))
print(json.dumps({{"code": code, "heavy": heavy}}), file=sys.stderr)
"""


def _document(tmp_path: Path, suffix: str) -> str:
    path = write(tmp_path, broken())
    if suffix == ".json":
        return path
    pytest.importorskip("orgmodel.persistence.store", reason="persistence not written yet")
    from orgmodel.cli.common import load_model, save_model

    target = str(tmp_path / "org.orgmodel")
    save_model(load_model(path), target)
    return target


@pytest.mark.parametrize("suffix", [".json", ".orgmodel"])
@pytest.mark.parametrize("command", ["info", "validate"])
def test_commands_import_no_gui_plotting_numeric_or_graph_modules(
    tmp_path: Path, command: str, suffix: str
) -> None:
    roots = {h for h in HEAVY if "." not in h}
    probe = PROBE.format(heavy_roots=roots, heavy=list(HEAVY))
    done = subprocess.run(
        [sys.executable, "-c", probe, command, _document(tmp_path, suffix)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] == (0 if command == "info" else 1)
    assert report["heavy"] == []


def test_seed_enterprise_example_validates_without_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        from orgmodel.examples import load_example
    except ImportError:
        pytest.skip("orgmodel.examples is not written yet")
    from orgmodel.interop.orgjson import write_json

    path = tmp_path / "seed.json"
    write_json(load_example("seed-enterprise"), str(path))
    assert main(["validate", str(path), "--on", "2026-01-05"]) == 0
    assert main(["info", str(path)]) == 0
