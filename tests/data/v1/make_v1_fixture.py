"""Write ``seed-v1.orgmodel``: a document in schema version 1, as the first OrgModel saved it.

Version 1 differs from today's schema in two ways: tags were comma-separated text ("a, b") and
views had no ``zoom`` column. This script deliberately uses plain ``sqlite3`` and its own copy of
the version-1 DDL (not the current code), so the fixture stays what an old OrgModel wrote even as
the schema moves on. Run it only to recreate the committed file:
``python tests/data/v1/make_v1_fixture.py``. The test ``tests/persistence/test_migration.py``
opens the committed file with the current code and checks every value.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

APPLICATION_ID = 0x4F524731
TAG = "TEXT NOT NULL"

DDL = f"""
CREATE TABLE organisation (id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL,
    description TEXT NOT NULL, planning_start VARCHAR, notes TEXT NOT NULL, tags {TAG});
CREATE TABLE teams (id VARCHAR NOT NULL PRIMARY KEY, position INTEGER NOT NULL,
    name TEXT NOT NULL, kind VARCHAR NOT NULL, parent VARCHAR, sites INTEGER NOT NULL,
    has_oncall BOOLEAN NOT NULL, notes TEXT NOT NULL, tags {TAG});
CREATE TABLE people (id VARCHAR NOT NULL PRIMARY KEY, position INTEGER NOT NULL,
    name TEXT NOT NULL, role VARCHAR NOT NULL, team VARCHAR, manager VARCHAR, fte FLOAT NOT NULL,
    location TEXT NOT NULL, email TEXT NOT NULL, notes TEXT NOT NULL, tags {TAG});
CREATE TABLE services (id VARCHAR NOT NULL PRIMARY KEY, position INTEGER NOT NULL,
    name TEXT NOT NULL, owner VARCHAR, architecture VARCHAR NOT NULL, tier INTEGER NOT NULL,
    support VARCHAR NOT NULL, sre_team VARCHAR, platform_version VARCHAR,
    incidents_per_week FLOAT, tickets_per_week FLOAT, toil_hours FLOAT, releases_per_week FLOAT,
    notes TEXT NOT NULL, tags {TAG});
CREATE TABLE platforms (id VARCHAR NOT NULL PRIMARY KEY, position INTEGER NOT NULL,
    name TEXT NOT NULL, kind VARCHAR NOT NULL, owner VARCHAR, notes TEXT NOT NULL, tags {TAG});
CREATE TABLE platform_versions (id VARCHAR NOT NULL PRIMARY KEY, position INTEGER NOT NULL,
    platform VARCHAR NOT NULL, version TEXT NOT NULL, status VARCHAR NOT NULL,
    production_owner VARCHAR, released VARCHAR, name TEXT NOT NULL, notes TEXT NOT NULL,
    tags {TAG});
CREATE TABLE embeds (id VARCHAR NOT NULL PRIMARY KEY, position INTEGER NOT NULL,
    person VARCHAR NOT NULL, host VARCHAR NOT NULL, purpose TEXT NOT NULL, start_date VARCHAR,
    end_date VARCHAR, name TEXT NOT NULL, notes TEXT NOT NULL, tags {TAG});
CREATE TABLE dependencies (source VARCHAR NOT NULL, target VARCHAR NOT NULL,
    position INTEGER NOT NULL, PRIMARY KEY (source, target));
CREATE TABLE forums (id VARCHAR NOT NULL PRIMARY KEY, position INTEGER NOT NULL,
    name TEXT NOT NULL, notes TEXT NOT NULL, tags {TAG});
CREATE TABLE forum_representatives (forum VARCHAR NOT NULL, position INTEGER NOT NULL,
    person VARCHAR NOT NULL, team VARCHAR NOT NULL, PRIMARY KEY (forum, position));
CREATE TABLE scenarios (id VARCHAR NOT NULL PRIMARY KEY, position INTEGER NOT NULL,
    name TEXT NOT NULL, toml TEXT NOT NULL, notes TEXT NOT NULL, tags {TAG});
CREATE TABLE views (id VARCHAR NOT NULL PRIMARY KEY, position INTEGER NOT NULL,
    name TEXT NOT NULL, layout VARCHAR NOT NULL, filters TEXT NOT NULL, positions TEXT NOT NULL,
    notes TEXT NOT NULL, tags {TAG});
"""

ROWS: dict[str, list[tuple[object, ...]]] = {
    "organisation": [(1, "Acme Lögistics", "Parcels, worldwide", "2026-01-05", "v1 notes",
                      "enterprise, logistics")],
    # id, position, name, kind, parent, sites, has_oncall, notes, tags
    "teams": [
        ("payments", 0, "Payments", "software", "eng", 1, 1, "", "revenue,tier-1"),
        ("eng", 1, "Engineering", "group", None, 1, 0, "", ""),
        ("sre", 2, "SRE", "sre", "eng", 2, 1, "follow the sun", "ops"),
        ("platform", 3, "Platform", "platform", "eng", 1, 0, "", ""),
        ("automation", 4, "Automation", "automation", "eng", 1, 0, "", ""),
    ],
    # id, position, name, role, team, manager, fte, location, email, notes, tags
    "people": [
        ("p1", 0, "Ada Ølsen", "sre_se", "sre", "m1", 1.0, "Oslo", "ada@acme.test", "", "oncall"),
        ("m1", 1, "Grace", "manager", "eng", None, 1.0, "", "", "", ""),
        ("p2", 2, "Linus", "software_engineer", "payments", "m1", 0.5, "", "", "", ""),
        ("p3", 3, "Aru", "automation_engineer", "automation", "m1", 1.0, "", "", "", " a , b "),
    ],
    # id, position, name, owner, architecture, tier, support, sre_team, platform_version,
    # incidents, tickets, toil, releases, notes, tags
    "services": [
        ("checkout", 0, "Checkout", "payments", "microservice", 1, "sre", "sre", "k8s-3",
         0.2, None, 4.0, None, "", "pci"),
        ("ledger", 1, "Ledger", "payments", "monolith", 2, "dev", None, None,
         None, None, None, None, "", ""),
    ],
    "platforms": [("k8s", 0, "Kubernetes", "container", "platform", "", "")],
    # id, position, platform, version, status, production_owner, released, name, notes, tags
    "platform_versions": [
        ("k8s-3", 0, "k8s", "3.0", "production", "sre", "2026-03-02", "", "", "lts"),
    ],
    # id, position, person, host, purpose, start, end, name, notes, tags
    "embeds": [("e1", 0, "p3", "payments", "messaging", "2026-01-05", "2026-03-02", "", "", "")],
    "dependencies": [("checkout", "ledger", 0)],
    "forums": [("sos", 0, "Scrum of scrums", "", "")],
    "forum_representatives": [("sos", 0, "p2", "payments"), ("sos", 1, "p1", "sre")],
    "scenarios": [("base", 0, "Baseline", "weeks = 260\n", "", "")],
    # id, position, name, layout, filters, positions, notes, tags
    "views": [
        ("v2", 0, "Platforms", "platform_stack", '{"kinds": ["platform"]}', "{}", "", "slides"),
        ("v1", 1, "Whole org", "org_chart", "{}", '{"eng": [0.0, 0.0], "sre": [120.5, -40]}',
         "", ""),
    ],
}


def write(path: Path) -> None:
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.executescript(DDL)
    for table, rows in ROWS.items():
        for row in rows:
            marks = ", ".join("?" * len(row))
            con.execute(f"INSERT INTO {table} VALUES ({marks})", row)
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("seed-v1.orgmodel")
    write(target)
    print(f"wrote {target}")
