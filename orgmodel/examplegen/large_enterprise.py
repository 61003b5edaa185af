"""The ``large-enterprise`` example: a reproducible 2,000-person organisation for performance work.

Ten product divisions of three departments each hold about 270 software teams (5-9 engineers)
owning about 2,650 services with dependencies between them, next to shared platform, automation
and SRE teams, versioned platforms handed to SRE, automation and SRE-SWE embeds and a scrum of
scrums per division. Everything comes from ``random.Random(seed)``, so the same seed always gives
the same model, and it is built in well under two seconds. It is not stored in the repository and
it is not meant to be realistic in detail: its purpose is scale (canvas, layouts, persistence,
simulation benchmarks).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from orgmodel.core.entities import Organisation
from orgmodel.core.kinds import Architecture, Layout, PlatformKind, Role, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel
from orgmodel.examplegen.builder import ExampleBuilder

SEED = 20261128
START = date(2026, 1, 5)

# fmt: off
DIVISIONS = ["Commerce", "Payments", "Logistics", "Marketplace", "Customer", "Media",
             "Data", "Finance Systems", "Mobile", "Enterprise Apps"]
AREAS = ["Core", "Growth", "Operations"]
CODENAMES = ["Aurora", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor",
             "Indigo", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Onyx", "Pioneer",
             "Quartz", "Raven", "Sierra", "Tundra", "Umber", "Vector", "Willow", "Xenon",
             "Yarrow", "Zephyr", "Atlas", "Borealis", "Cascade", "Drift"]
SERVICE_NOUNS = ["API", "Gateway", "Worker", "Store", "Scheduler", "Indexer", "Events", "Search",
                 "Ledger", "Notifier", "Sync", "Portal", "Importer", "Exporter", "Cache",
                 "Rules", "Reports", "Auth", "Billing", "Feed"]
FIRST = ["Ada", "Ben", "Chen", "Dara", "Elif", "Femi", "Gita", "Hugo", "Ines", "Jon", "Kira",
         "Leo", "Mina", "Nils", "Omar", "Pia", "Quinn", "Rita", "Sven", "Tara", "Uma", "Vik",
         "Wen", "Xavi", "Yara", "Zeke", "Alma", "Bao", "Cleo", "Dev", "Eva", "Finn", "Gus",
         "Hana", "Ivo", "Jade", "Kofi", "Lina", "Milo", "Noor"]
LAST = ["Abara", "Berg", "Costa", "Dahl", "Eze", "Fox", "Gupta", "Hale", "Ito", "Jensen",
        "Khan", "Lund", "Mora", "Nkosi", "Ortiz", "Park", "Quist", "Rossi", "Singh", "Toth",
        "Ueda", "Vance", "Wolf", "Xu", "Young", "Zima", "Alves", "Brandt", "Cruz", "Diallo",
        "Engel", "Ferrer", "Gallo", "Holm", "Iqbal", "Juarez", "Kato", "Lopez", "Moss", "Novak",
        "Osei", "Pham", "Reyes", "Sato", "Tan", "Urban", "Varga", "Weiss", "Yilmaz", "Zhou"]
PLATFORMS = [("Compute VM", PlatformKind.VM), ("Kubernetes East", PlatformKind.CONTAINER),
             ("Kubernetes West", PlatformKind.CONTAINER), ("Functions", PlatformKind.SERVERLESS),
             ("Batch Grid", PlatformKind.VM), ("Edge Runtime", PlatformKind.SERVERLESS),
             ("Data Platform", PlatformKind.OTHER), ("Mainframe Bridge", PlatformKind.OTHER)]
STATUSES = [VersionStatus.RETIRED, VersionStatus.DEPRECATED, VersionStatus.PRODUCTION,
            VersionStatus.PRODUCTION, VersionStatus.RELEASED, VersionStatus.DEVELOPMENT,
            VersionStatus.PLANNED]

# fmt: on


class _Gen:
    """The generator's state: the builder, the random source and what has been made so far."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.b = ExampleBuilder(
            Organisation(
                "Globex Engineering",
                "A generated 2,000-person engineering organisation for performance work "
                f"(orgmodel.examplegen.large_enterprise, seed {seed}).",
                START,
            )
        )
        self.sre_teams: list[str] = []
        self.versions: list[str] = []
        self.deprecated: list[str] = []
        self.services: list[str] = []
        self.automation: list[str] = []
        self.sre_swe: list[str] = []
        self.software: dict[str, list[str]] = {}

    def name(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def staff(self, team: str, count: int, role: Role, manager: str | None) -> list[str]:
        return [
            self.b.person(
                self.name(),
                role,
                team,
                manager,
                location=self.rng.choice(["London", "Lisbon", "Austin", "Bangalore", "Remote"]),
            )
            for _ in range(count)
        ]

    def team_staff(self, team: str, count: int, role: Role, manager: str) -> list[str]:
        """A team's engineers: the first leads it and reports to ``manager``, the rest report to
        the lead (so no manager has dozens of direct reports)."""
        lead = self.staff(team, 1, role, manager)
        return lead + self.staff(team, count - 1, role, lead[0])

    def shared(self, root: str, vp: str) -> None:
        group = self.b.team("Shared Platforms & Reliability", TeamKind.GROUP, root, key="shared")
        head = self.staff(group, 1, Role.MANAGER, vp)[0]
        for i in range(12):
            team = self.b.team(
                f"SRE {CODENAMES[i]}",
                TeamKind.SRE,
                group,
                sites=1 + i % 2,
                has_oncall=True,
                key=f"sre-{CODENAMES[i].lower()}",
            )
            self.sre_teams.append(team)
            lead = self.team_staff(team, self.rng.randint(6, 8), Role.SRE_SE, head)[0]
            self.sre_swe += self.staff(team, self.rng.randint(2, 3), Role.SRE_SWE, lead)
        for i in range(6):
            team = self.b.team(f"Automation {CODENAMES[i]}", TeamKind.AUTOMATION, group)
            self.automation += self.team_staff(
                team, self.rng.randint(4, 6), Role.AUTOMATION_ENGINEER, head
            )
        for name, kind in PLATFORMS:
            team = self.b.team(f"Platform {name}", TeamKind.PLATFORM, group)
            self.team_staff(team, self.rng.randint(5, 8), Role.PLATFORM_ENGINEER, head)
            self.platform(name, kind, team)

    def platform(self, name: str, kind: PlatformKind, team: str) -> None:
        platform = self.b.platform(name, kind, team)
        released = START - timedelta(weeks=52 * 4)
        for major, status in enumerate(STATUSES, start=1):
            live = status in (
                VersionStatus.PRODUCTION,
                VersionStatus.DEPRECATED,
                VersionStatus.RETIRED,
            )
            owner = self.rng.choice(self.sre_teams) if live else None
            on = (
                released
                if status not in (VersionStatus.DEVELOPMENT, VersionStatus.PLANNED)
                else None
            )
            version = self.b.version(
                platform,
                f"{major}.{self.rng.randint(0, 9)}",
                status,
                production_owner=owner,
                released=on,
            )
            if status is VersionStatus.PRODUCTION:
                self.versions.append(version)
            elif status is VersionStatus.DEPRECATED:
                self.deprecated.append(version)
            released += timedelta(weeks=self.rng.randint(20, 40))

    def runs_on(self) -> str:
        """A production version mostly; one service in ten lags on a deprecated one."""
        lagging = self.rng.random() < 0.1
        return self.rng.choice(self.deprecated if lagging else self.versions)

    def division(self, root: str, vp: str, index: int) -> None:
        name = DIVISIONS[index]
        group = self.b.team(name, TeamKind.GROUP, root)
        head = self.staff(group, 1, Role.MANAGER, vp)[0]
        for area in AREAS:
            dept = self.b.team(f"{name} {area}", TeamKind.GROUP, group)
            dept_head = self.staff(dept, 1, Role.MANAGER, head)[0]
            managers = self.staff(dept, 3, Role.MANAGER, dept_head)
            for t in range(9):
                codename = CODENAMES[(index * 7 + t * 3 + AREAS.index(area)) % len(CODENAMES)]
                team = self.b.team(
                    f"{name} {area} {codename}",
                    TeamKind.SOFTWARE,
                    dept,
                    has_oncall=self.rng.random() < 0.8,
                )
                self.software[team] = self.team_staff(
                    team, self.rng.randint(5, 9), Role.SOFTWARE_ENGINEER, managers[t % 3]
                )
                self.team_services(team, codename, index)

    def team_services(self, team: str, codename: str, division: int) -> None:
        monolith = self.rng.random() < 0.08
        for n in range(1 if monolith else self.rng.randint(9, 12)):
            tier = self.rng.choices([1, 2, 3, 4], weights=[1, 3, 4, 2])[0]
            sre = self.sre_teams[division % len(self.sre_teams)]
            supported = tier == 1 and self.rng.random() < 0.7
            noun = "Monolith" if monolith else SERVICE_NOUNS[n % len(SERVICE_NOUNS)]
            service = self.b.service(
                f"{codename} {noun}",
                team,
                tier=tier,
                architecture=Architecture.MONOLITH if monolith else Architecture.MICROSERVICE,
                sre_team=sre if supported else None,
                platform_version=self.runs_on(),
            )
            for target in self.rng.sample(
                self.services[-400:], min(len(self.services), self.rng.randint(0, 3))
            ):
                self.b.depends(service, target)
            self.services.append(service)

    def embeds(self) -> None:
        teams = list(self.software)
        for person in self.automation + self.sre_swe[::3]:
            if self.rng.random() < 0.3:
                continue
            start = START + timedelta(weeks=self.rng.randint(0, 50))
            end = start + timedelta(weeks=self.rng.randint(4, 16))
            purpose = (
                "Performance"
                if person in self.sre_swe
                else self.rng.choice(["Messaging", "CI/CD coaching", "Observability"])
            )
            self.b.embed(person, self.rng.choice(teams), purpose, start, end)

    def forums(self) -> None:
        teams = list(self.software)
        for i, division in enumerate(DIVISIONS):
            chunk = teams[i * 27 : (i + 1) * 27]
            reps = [(self.software[t][0], t) for t in chunk]
            self.b.forum(f"Scrum of scrums: {division}", reps)


def build(seed: int = SEED) -> OrgModel:
    """Generate the large example; the same seed gives the same model."""
    g = _Gen(seed)
    root = g.b.team("Engineering", TeamKind.GROUP, key="engineering")
    vp = g.staff(root, 1, Role.MANAGER, None)[0]
    g.shared(root, vp)
    for index in range(len(DIVISIONS)):
        g.division(root, vp, index)
    g.embeds()
    g.forums()
    g.b.scenario("baseline", "Baseline", "weeks = 260")
    g.b.view(
        "view-whole-organisation", "Whole organisation", Layout.ORG_CHART, {"node_kinds": ["team"]}
    )
    g.b.view(
        "view-platform-stack",
        "Platform stack",
        Layout.PLATFORM_STACK,
        {"node_kinds": ["team", "platform", "platform_version"]},
    )
    return g.b.model
