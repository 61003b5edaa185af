"""``orgmodel simulate`` and ``orgmodel sweep``: outputs, exit codes, one-line errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from orgmodel.cli import main
from orgmodel.examples import load_example
from orgmodel.interop.orgjson import write_json


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("docs") / "seed.json"
    write_json(load_example("seed-enterprise"), str(path))
    return str(path)


def test_simulate_prints_headline_and_writes_json_and_csv(seed_json: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.json"
    assert main(["simulate", seed_json, "--runs", "6", "--weeks", "12", "--seed", "3", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "6 run(s) x 12 weeks, stochastic mode, seed 3" in printed
    assert "SRE " in printed and "cap" in printed
    data = json.loads(out.read_text())
    assert data["format"] == "orgmodel-simulation" and data["runs"] == 6
    table = tmp_path / "r.csv"
    assert main(["simulate", seed_json, "--mode", "expected", "--weeks", "8", "--out", str(table),
                 "--quiet"]) == 0
    assert capsys.readouterr().out == ""
    rows = list(csv.reader(table.open()))
    assert len(rows) == 9 and rows[0][0] == "week"


def test_simulate_plot_writes_a_chart(seed_json: str, tmp_path: Path) -> None:
    chart = tmp_path / "c.svg"
    assert main(["simulate", seed_json, "--mode", "expected", "--weeks", "30", "--plot", str(chart),
                 "--quiet"]) == 0
    assert chart.read_text().lstrip().startswith("<?xml")


def test_simulate_accepts_a_preset_and_a_scenario_file(seed_json: str, tmp_path: Path) -> None:
    assert main(["simulate", seed_json, "--scenario", "no-handback", "--mode", "expected",
                 "--weeks", "5", "--quiet"]) == 0
    toml = tmp_path / "s.toml"
    toml.write_text("weeks = 5\nmode = \"expected\"\n[growth]\nmodel = \"none\"\n")
    assert main(["simulate", seed_json, "--scenario", str(toml), "--quiet"]) == 0


@pytest.mark.parametrize(("args", "message"), [
    (["--runs", "0"], "runs"),
    (["--out", "r.txt"], "--out"),
    (["--plot", "c.gif"], "--plot"),
    (["--scenario", "no-such-preset"], "no scenario 'no-such-preset'"),
    (["--workers", "0"], "workers"),
])
def test_simulate_bad_input_exits_2_with_one_line(seed_json: str, args: list[str], message: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulate", seed_json, "--weeks", "3", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err


def test_simulate_malformed_scenario_file_exits_2(seed_json: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[load]\nincidents_per_week = -1\n")
    assert main(["simulate", seed_json, "--scenario", str(bad)]) == 2
    assert "load.incidents_per_week" in capsys.readouterr().err


def test_sweep_one_parameter_prints_table_writes_csv_and_line_chart(
        seed_json: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, chart = tmp_path / "t.csv", tmp_path / "l.png"
    code = main(["sweep", seed_json, "--param", "growth.dev_teams_per_quarter=0:8:3",
                 "--metric", "peak_sre_ops_fraction", "--mode", "expected", "--weeks", "40",
                 "--out", str(out), "--plot", str(chart)])
    assert code == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].split() == ["growth.dev_teams_per_quarter", "peak_sre_ops_fraction"]
    assert len(printed) == 2 + 3
    rows = list(csv.reader(out.open()))
    assert rows[0] == ["growth.dev_teams_per_quarter", "peak_sre_ops_fraction"]
    peaks = [float(r[1]) for r in rows[1:]]
    assert peaks[0] <= peaks[-1]  # more growth never lowers the peak here
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_sweep_two_parameters_heatmap(seed_json: str, tmp_path: Path) -> None:
    chart = tmp_path / "h.svg"
    assert main(["sweep", seed_json, "--param", "growth.dev_teams_per_quarter=2:6:2",
                 "--param", "sre.ops_cap=0.4,0.5", "--metric", "sre_ops_fraction.p50",
                 "--mode", "expected", "--weeks", "20", "--plot", str(chart)]) == 0
    assert chart.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--param", "growth.nope=1:2:3", "--metric", "sre_ops_fraction"], "growth.nope"),
    (["--param", "growth.dev_teams_per_quarter=1:2", "--metric", "sre_ops_fraction"], "LO:HI:STEPS"),
    (["--param", "growth.dev_teams_per_quarter=a:2:3", "--metric", "sre_ops_fraction"], "LO:HI:STEPS"),
    (["--param", "growth.dev_teams_per_quarter=-1:2:2", "--metric", "sre_ops_fraction"], "dev_teams_per_quarter"),
    (["--param", "growth.dev_teams_per_quarter=1:2:2", "--metric", "happiness"], "happiness"),
    (["--param", "growth.dev_teams_per_quarter", "--metric", "sre_ops_fraction"], "KEY=LO:HI:STEPS"),
])
def test_sweep_bad_input_exits_2(seed_json: str, args: list[str], message: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sweep", seed_json, "--mode", "expected", "--weeks", "3", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err


def test_sweep_lists_text_and_boolean_values(seed_json: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sweep", seed_json, "--param", "growth.model=none,linear", "--param",
                 "sre.handback=true,false", "--metric", "services_total", "--mode", "expected",
                 "--weeks", "30"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 + 4 and lines[2].split()[:2] == ["none", "True"]
    assert float(lines[2].split()[2]) < float(lines[4].split()[2])  # growth adds services
    assert main(["sweep", seed_json, "--param", "growth.model=none,linear", "--metric",
                 "services_total", "--plot", "x.png"]) == 2
