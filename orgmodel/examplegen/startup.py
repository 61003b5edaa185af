"""The ``startup`` example: a 15-person start-up before it has an SRE team.

A CTO, two product teams that own and run their services, and a small infrastructure team (two
platform engineers and the company's single SRE) looking after one Kubernetes platform. It shows
the "starting from the ground up" end of the seed article and is small enough to read in the
window at a glance. This module only builds the model; ``python -m orgmodel.examplegen`` stores it.
"""

from __future__ import annotations

from datetime import date

from orgmodel.core.entities import Organisation
from orgmodel.core.kinds import Layout, PlatformKind, Role, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel
from orgmodel.examplegen.builder import ExampleBuilder

DOMAIN = "tidepool.example"

DESCRIPTION = (
    "Tidepool, a 15-person start-up: two product teams own their services in production; a "
    "small infrastructure team runs one Kubernetes platform. No SRE team yet, one SRE."
)


def build() -> OrgModel:
    """The startup model (every invariant checked while it is built)."""
    b = ExampleBuilder(Organisation("Tidepool", DESCRIPTION, date(2026, 1, 5)))
    eng = b.team("Engineering", TeamKind.GROUP, key="engineering")
    product = b.team("Product", TeamKind.SOFTWARE, eng, key="product", has_oncall=True)
    growth = b.team("Growth", TeamKind.SOFTWARE, eng, key="growth", has_oncall=True)
    infra = b.team("Infrastructure", TeamKind.PLATFORM, eng, key="infrastructure")

    cto = b.person("Rosa Jimenez", Role.MANAGER, eng, location="Remote", email_domain=DOMAIN)

    def staff(team: str, names: list[str], role: Role) -> list[str]:
        return [b.person(n, role, team, cto, location="Remote", email_domain=DOMAIN) for n in names]

    product_people = staff(
        product,
        [
            "Theo Grant",
            "Imani Brooks",
            "Lars Eriksen",
            "Pooja Menon",
            "Jakub Nowak",
            "Celine Martin",
        ],
        Role.SOFTWARE_ENGINEER,
    )
    growth_people = staff(
        growth,
        ["Kai Nakamura", "Zoe Adams", "Musa Bello", "Freya Olsen", "Nico Russo"],
        Role.SOFTWARE_ENGINEER,
    )
    infra_people = staff(infra, ["Dana Whitfield", "Alexei Morozov"], Role.PLATFORM_ENGINEER)
    infra_people += staff(infra, ["Sam Okoro"], Role.SRE_SE)

    k8s = b.platform("Kubernetes (managed)", PlatformKind.CONTAINER, infra, key="kubernetes")
    b.version(k8s, "1.0", VersionStatus.DEPRECATED, released=date(2025, 2, 3))
    live = b.version(k8s, "1.1", VersionStatus.PRODUCTION, released=date(2025, 10, 6))
    b.version(k8s, "1.2", VersionStatus.DEVELOPMENT)

    app = b.service("Web app", product, tier=1, platform_version=live, key="web-app")
    api = b.service("Public API", product, tier=1, platform_version=live, key="public-api")
    billing = b.service("Billing", product, tier=2, platform_version=live, key="billing")
    signup = b.service(
        "Sign-up and onboarding", growth, tier=2, platform_version=live, key="signup"
    )
    emails = b.service("Lifecycle emails", growth, tier=3, platform_version=live, key="emails")
    b.depends(app, api)
    b.depends(api, billing)
    b.depends(signup, api)
    b.depends(signup, emails)

    b.forum(
        "Weekly engineering sync",
        [(product_people[0], product), (growth_people[0], growth), (infra_people[0], infra)],
        key="engineering-sync",
    )
    b.scenario("baseline", "Baseline", "weeks = 260")
    b.view("view-whole-organisation", "Whole organisation", Layout.ORG_CHART)
    return b.model
