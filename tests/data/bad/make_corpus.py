"""Regenerate the bad-input corpus: files that every command must refuse with one clear line.

Run ``python tests/data/bad/make_corpus.py`` from the repository root; it rewrites the files in
this folder (``.orgmodel`` and ``.json``, plus a folder named like a document) and the committed
copies are what the tests use. Broken documents start from a valid one saved by the current code
and are then damaged with plain ``sqlite3`` or byte edits, one fault per file, so each file tests
one check. Not a test itself: ``tests/persistence/test_bad_corpus.py`` runs them.
"""

from __future__ import annotations

import copy
import json
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from orgmodel.interop.orgjson import loads
from orgmodel.persistence.store import save_document

HERE = Path(__file__).resolve().parent

BASE: dict[str, Any] = {
    "format": "orgmodel", "version": 1,
    "organisation": {"name": "Acme", "description": "", "planning_start": "2026-01-05"},
    "teams": [
        {"id": "eng", "name": "Engineering", "kind": "group"},
        {"id": "sre", "name": "SRE", "kind": "sre", "parent": "eng", "has_oncall": True},
        {"id": "payments", "name": "Payments", "kind": "software", "parent": "eng"},
        {"id": "platform", "name": "Platform", "kind": "platform", "parent": "eng"},
    ],
    "people": [
        {"id": "boss", "name": "Grace", "role": "manager", "team": "eng"},
        {"id": "p1", "name": "Ada", "role": "sre_se", "team": "sre", "manager": "boss"},
        {"id": "p2", "name": "Linus", "role": "software_engineer", "team": "payments",
         "manager": "boss"},
    ],
    "platforms": [{"id": "k8s", "name": "Kubernetes", "kind": "container", "owner": "platform"}],
    "platform_versions": [{"id": "k8s-3", "platform": "k8s", "version": "3.0",
                           "status": "production", "production_owner": "sre",
                           "released": "2026-03-02"}],
    "services": [
        {"id": "checkout", "name": "Checkout", "owner": "payments", "tier": 1, "support": "sre",
         "sre_team": "sre", "platform_version": "k8s-3", "load": {"incidents_per_week": 0.2}},
        {"id": "ledger", "name": "Ledger", "owner": "payments", "architecture": "monolith"},
    ],
    "embeds": [{"id": "e1", "person": "p1", "host": "payments", "purpose": "performance",
                "start": "2026-01-05", "end": "2026-03-02"}],
    "dependencies": [{"from": "checkout", "to": "ledger"}],
    "forums": [{"id": "sos", "name": "Scrum of scrums",
                "representatives": [{"person": "p2", "team": "payments"}]}],
    "scenarios": [{"id": "base", "name": "Baseline", "toml": "weeks = 260"}],
    "views": [{"id": "v1", "name": "Whole org", "layout": "org_chart", "filters": {},
               "positions": {"eng": [0, 0]}}],
}


def _json(name: str, change: Callable[[dict[str, Any]], Any]) -> None:
    data = copy.deepcopy(BASE)
    result = change(data)
    data = data if result is None else result
    (HERE / name).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _document(name: str, *sql: str) -> Path:
    path = HERE / name
    path.unlink(missing_ok=True)
    save_document(loads(json.dumps(BASE)), path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA page_size = 1024")  # small pages keep the committed corpus small
    con.execute("VACUUM")
    con.close()
    if sql:
        con = sqlite3.connect(path)
        for statement in sql:
            con.execute(statement)
        con.commit()
        con.close()
    return path


def _bytes(name: str, data: bytes) -> None:
    (HERE / name).write_bytes(data)


def make_json_files() -> None:
    valid = json.dumps(BASE, indent=2)
    _bytes("empty.json", b"")
    _bytes("not-json.json", b"This is a shopping list, not JSON.\n")
    _bytes("truncated.json", valid[: len(valid) // 2].encode())
    _bytes("utf16.json", valid.encode("utf-16"))
    _bytes("random-bytes.json", random.Random(2).randbytes(4096))
    _json("array.json", lambda d: [d])
    _json("wrong-format.json", lambda d: d.update(format="somethingelse"))
    _json("newer-version.json", lambda d: d.update(version=2))
    _json("unknown-field.json", lambda d: d["teams"][0].update(colour="blue"))
    _json("unknown-top-level.json", lambda d: d.update(budget=100))
    _json("dangling-reference.json", lambda d: d["people"][1].update(team="nowhere"))
    _json("cyclic-teams.json", lambda d: d["teams"][0].update(parent="sre"))
    _json("cyclic-managers.json", lambda d: d["people"][0].update(manager="p1"))
    _json("wrong-type.json", lambda d: d["teams"][1].update(sites="two"))
    _json("bad-enum.json", lambda d: d["people"][1].update(role="wizard"))
    _json("bad-date.json", lambda d: d["platform_versions"][0].update(released="2026-13-45"))
    _json("fte-2.json", lambda d: d["people"][1].update(fte=2.0))
    _json("self-dependency.json", lambda d: d["dependencies"].append(
        {"from": "ledger", "to": "ledger"}))
    _json("duplicate-id.json", lambda d: d["teams"].append({"id": "sre", "name": "Again"}))
    _json("teams-not-a-list.json", lambda d: d.update(teams={"eng": {}}))


def _corrupt_index_page() -> None:
    """Damage only the primary-key index of the teams table: the rows still read, but
    ``PRAGMA quick_check`` notices."""
    path = _document("corrupted-index.orgmodel")
    con = sqlite3.connect(path)
    (root,) = con.execute("SELECT rootpage FROM sqlite_master "
                          "WHERE name = 'sqlite_autoindex_teams_1'").fetchone()
    con.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * 1024 + 8
    data[start: start + 1016] = random.Random(4).randbytes(1016)
    path.write_bytes(bytes(data))


def make_documents() -> None:
    valid = _document("valid-base.orgmodel")
    data = valid.read_bytes()
    valid.unlink()
    _bytes("empty.orgmodel", b"")
    _bytes("truncated-half.orgmodel", data[: len(data) // 2])
    _bytes("truncated-header.orgmodel", data[:60])
    _bytes("random-bytes.orgmodel", random.Random(1).randbytes(8192))
    _bytes("json-text.orgmodel", json.dumps(BASE).encode())
    shutil.copyfile(_document("sqlite-named.json").with_suffix(".json"), HERE / "sqlite.json")
    (HERE / "sqlite-named.json").unlink()
    corrupt = bytearray(data)
    page = 1024 * 2  # the third page: a table b-tree
    corrupt[page: page + 512] = random.Random(3).randbytes(512)
    _bytes("corrupted-page.orgmodel", bytes(corrupt))
    _corrupt_index_page()

    other = HERE / "other-application.orgmodel"
    other.unlink(missing_ok=True)
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('hello')")
    con.commit()
    con.close()
    foreign = HERE / "foreign-tables.orgmodel"
    shutil.copyfile(other, foreign)
    con = sqlite3.connect(foreign)
    con.execute("PRAGMA application_id = 1330792241")
    con.execute("PRAGMA user_version = 2")
    con.commit()
    con.close()

    _document("other-application-id.orgmodel", "PRAGMA application_id = 305419896")
    _document("newer-version.orgmodel", "PRAGMA user_version = 3")
    _document("version-zero.orgmodel", "PRAGMA user_version = 0")
    _document("extra-table.orgmodel", "CREATE TABLE extra (x)")
    _document("missing-column.orgmodel", "ALTER TABLE people DROP COLUMN email")
    _document("trigger.orgmodel", "CREATE TRIGGER t AFTER INSERT ON teams BEGIN "
              "DELETE FROM people; END")
    _document("sql-view.orgmodel", "CREATE VIEW everyone AS SELECT * FROM people")
    wal = _document("wal-mode.orgmodel")
    con = sqlite3.connect(wal)
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    _document("dangling-reference.orgmodel", "UPDATE people SET team = 'nowhere' WHERE id = 'p1'")
    _document("cyclic-teams.orgmodel", "UPDATE teams SET parent = 'sre' WHERE id = 'eng'")
    _document("cyclic-managers.orgmodel", "UPDATE people SET manager = 'p1' WHERE id = 'boss'")
    _document("bad-enum.orgmodel", "UPDATE people SET role = 'wizard' WHERE id = 'p1'")
    _document("bad-date.orgmodel", "UPDATE platform_versions SET released = '2026-13-45'")
    _document("fte-2.orgmodel", "UPDATE people SET fte = 2.0 WHERE id = 'p1'")
    _document("wrong-type.orgmodel", "UPDATE teams SET sites = 'two' WHERE id = 'sre'")
    _document("blob-name.orgmodel", "UPDATE teams SET name = x'00ff' WHERE id = 'sre'")
    _document("bad-tags.orgmodel", "UPDATE services SET tags = 'pci, tier-1'")
    _document("bad-positions.orgmodel", "UPDATE views SET positions = '{\"eng\": [1]}'")
    _document("infinite-zoom.orgmodel", "UPDATE views SET zoom = 9e999")
    _document("no-organisation.orgmodel", "DELETE FROM organisation")
    _document("two-organisations.orgmodel", "INSERT INTO organisation SELECT 2, name, "
              "description, planning_start, notes, tags FROM organisation")
    _document("ghost-forum.orgmodel", "UPDATE forum_representatives SET forum = 'ghost'")
    _document("embed-ends-before-start.orgmodel", "UPDATE embeds SET end_date = '2025-01-01'")
    _document("sre-support-by-software-team.orgmodel", "UPDATE services SET sre_team = "
              "'payments' WHERE id = 'checkout'")
    _document("self-dependency.orgmodel", "UPDATE dependencies SET target = source")
    nested = "[" * 100_000 + "]" * 100_000
    _document("deeply-nested-filters.orgmodel", f"UPDATE views SET filters = '{{\"a\": {nested}}}'")
    folder = HERE / "folder.orgmodel"
    folder.mkdir(exist_ok=True)
    (folder / ".keep").write_text("A folder named like a document.\n")


if __name__ == "__main__":
    make_json_files()
    make_documents()
    print(f"wrote {len([p for p in HERE.iterdir() if p.suffix in ('.orgmodel', '.json')])} "
          f"files in {HERE}")
