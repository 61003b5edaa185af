"""Small organisations and scenarios for the simulation tests (kept tiny so the tests stay fast)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from orgmodel.core import OrgModel
from orgmodel.core.entities import Person, Service, ServiceLoad, Team
from orgmodel.core.kinds import Role, Support, TeamKind
from orgmodel.sim.scenario import ScenarioParams, parse_scenario

# A still world: no growth, platform and complexity frozen at 0 / 1, no embeds.
STILL = """
weeks = 52
runs = 1
mode = "expected"
[growth]
model = "none"
new_services_per_team_per_week = 0.0
[platform]
maturity_start = 0.0
freeze = true
[complexity]
freeze = true
[embeds]
automation_requests_per_team_per_week = 0.0
performance_requests_per_team_per_week = 0.0
"""


def build_org(sre_people: int = 4, dev_people: int = 6, services: int = 10,
              load: ServiceLoad | None = None, sre_supported: bool = True) -> OrgModel:
    """One SRE team supporting ``services`` services owned by one software team."""
    model = OrgModel()
    model.add(Team("sre", "SRE", TeamKind.SRE, sites=1, has_oncall=True))
    model.add(Team("dev", "Payments", TeamKind.SOFTWARE))
    for i in range(sre_people):
        model.add(Person(f"s{i}", f"SRE {i}", Role.SRE_SE, team="sre"))
    for i in range(dev_people):
        model.add(Person(f"d{i}", f"Dev {i}", Role.SOFTWARE_ENGINEER, team="dev"))
    for i in range(services):
        model.add(Service(f"svc{i}", f"Service {i}", owner="dev", tier=1,
                          support=Support.SRE if sre_supported else Support.DEV,
                          sre_team="sre" if sre_supported else None,
                          load=load or ServiceLoad()))
    return model


def still(extra: str = "", **top: object) -> ScenarioParams:
    """The still world plus ``extra`` TOML (merged by section) and top-level values."""
    params = parse_scenario(merge_toml(STILL, extra))
    return params.replace(**top) if top else params


def merge_toml(base: str, extra: str) -> str:
    """Append ``extra``'s keys into ``base``'s sections (top-level keys go first)."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for text in (base, extra):
        current = ""
        for line in text.strip().splitlines():
            line = line.strip()
            if line.startswith("["):
                current = line
                sections.setdefault(current, [])
            elif line:
                key = line.split("=")[0].strip()
                sections[current] = [x for x in sections[current] if x.split("=")[0].strip() != key]
                sections[current].append(line)
    out = sections.pop("")
    for header, lines in sections.items():
        out += [header, *lines]
    return "\n".join(out) + "\n"


@pytest.fixture
def org() -> Callable[..., OrgModel]:
    return build_org
