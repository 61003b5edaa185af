"""CSV roster import: several real-world styles, role inference, side CSVs, and broken input."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from orgmodel.core.errors import FormatError
from orgmodel.core.kinds import Role, TeamKind
from orgmodel.interop.csv_table import read_table
from orgmodel.interop.roster_columns import detect_columns, load_mapping
from orgmodel.interop.roster_import import import_roster
from orgmodel.interop.roster_roles import infer_role, role_preview

DATA = Path(__file__).resolve().parents[1] / "data"
ROSTERS = DATA / "rosters"
BAD = DATA / "roster-bad"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Senior Site Reliability Engineer", Role.SRE_SE),
        ("SRE, Software", Role.SRE_SWE),
        ("Software Engineer - SRE", Role.SRE_SWE),
        ("Staff Platform Engineer", Role.PLATFORM_ENGINEER),
        ("DevOps Engineer", Role.AUTOMATION_ENGINEER),
        ("Platform Engineering Manager", Role.MANAGER),
        ("Head of Reliability", Role.MANAGER),
        ("Backend Developer", Role.SOFTWARE_ENGINEER),
        ("Office Coordinator", Role.OTHER),
    ],
)
def test_roles_from_titles(title: str, role: Role) -> None:
    assert infer_role(title) is role


def test_role_preview_groups_titles_and_applies_corrections() -> None:
    preview = role_preview(["SRE", "SRE", "Engineer"], {"Engineer": Role.SRE_SWE})
    assert preview == [("SRE", Role.SRE_SE, 2), ("Engineer", Role.SRE_SWE, 1)]


def test_workday_style_utf8_bom_with_side_files() -> None:
    table = read_table(ROSTERS / "workday-style.csv")
    assert table.encoding == "utf-8-sig" and table.delimiter == ","
    assert detect_columns(table.header)["manager_id"] == "Manager ID"
    model, report = import_roster(ROSTERS / "workday-style.csv", services=ROSTERS / "services.csv",
                                  embeds=ROSTERS / "embeds.csv")
    assert len(model.people) == 15
    sre = model.teams["team:engineering/sre"]
    assert sre.kind is TeamKind.SRE and sre.parent == "dept:engineering"
    assert model.teams["team:engineering/platform"].kind is TeamKind.PLATFORM
    assert model.people["E003"].manager == "E002" and model.people["E007"].role is Role.SRE_SWE
    assert model.services["checkout"].sre_team == "team:engineering/sre"
    assert {e.person for e in model.embeds.values()} == {"E014", "E007"}
    assert any("workday-style.csv:16: manager 'E099'" in line for line in report.lines())


def test_semicolon_latin1_with_manager_emails_and_day_first_dates() -> None:
    table = read_table(ROSTERS / "bamboo-semicolon-latin1.csv")
    assert table.encoding == "latin-1" and table.delimiter == ";"
    model, _ = import_roster(ROSTERS / "bamboo-semicolon-latin1.csv")
    names = {p.name for p in model.people.values()}
    assert "José Müller" in names and "Björn Weiß" in names
    assert model.people["bjorn@example.de"].manager == "soren@example.de"
    assert "Started 2016-02-01" in model.people["jose@example.de"].notes
    assert model.teams["dept:betrieb"].kind is TeamKind.SRE


def test_tabs_and_quoted_fields_with_delimiters_and_newlines() -> None:
    model, _ = import_roster(ROSTERS / "tab-quoted.csv")
    assert model.people["p1"].name == "Lee, Sam"
    assert model.people["p2"].role is Role.PLATFORM_ENGINEER and model.people["p2"].fte == 0.8
    assert model.people["p3"].fte == 0.8 and model.people["p3"].manager == "p1"


def test_mapping_file_maps_odd_columns_and_corrects_roles_and_kinds() -> None:
    table = read_table(ROSTERS / "odd-columns.csv")
    with pytest.raises(FormatError, match="no column looks like a person's name"):
        import_roster(ROSTERS / "odd-columns.csv")
    mapping = load_mapping(ROSTERS / "odd-columns.mapping.toml", table.header)
    model, _ = import_roster(ROSTERS / "odd-columns.csv", mapping)
    assert [p.role for p in model.people.values()] == [Role.SRE_SE, Role.SRE_SWE]
    assert model.teams["team:ops"].kind is TeamKind.SRE


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.glob("*.csv")))
def test_bad_rosters_are_refused_naming_the_file_and_left_intact(name: str) -> None:
    path = BAD / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(FormatError) as caught:
        import_roster(path)
    assert name in str(caught.value) and "\n" not in str(caught.value)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_side_file_errors_name_file_and_line(tmp_path: Path) -> None:
    services = tmp_path / "services.csv"
    services.write_text("id,name,owner_team,tier\nx,X,Nowhere,1\n")
    with pytest.raises(FormatError, match=r"services\.csv:2: team 'Nowhere' is not in the roster"):
        import_roster(ROSTERS / "workday-style.csv", services=services)
    embeds = tmp_path / "embeds.csv"
    embeds.write_text("person,host_team\nE003,Payments\n")
    with pytest.raises(FormatError, match=r"embeds\.csv:2: .*home team"):
        import_roster(ROSTERS / "workday-style.csv", embeds=embeds)
    mapping = tmp_path / "m.toml"
    mapping.write_text("[colour]\nx = 1\n")
    with pytest.raises(FormatError, match="unknown section"):
        load_mapping(mapping)
