"""The ``seed-enterprise`` example: the organisation of "DevOps and SRE in the Enterprise".

An online retailer's engineering organisation (81 people, 34 services) shaped as the seed article
describes it: a platform team shipping three versioned platforms (VM autoscaling groups behind load
balancers, Kubernetes, serverless functions) whose production versions are handed to the SRE-SE
team; an automation team whose engineers embed on development teams (one is building a messaging
service for Fulfilment in autumn 2026); eight software teams owning microservices, one of them a
monolith; an SRE team of SRE-SE and SRE-SWE that supports the tier-1 services only, with an SRE-SWE
performance embed; managers and reporting lines; and a scrum of scrums of elected representatives.
This module only builds the model; ``python -m orgmodel.examplegen`` stores it as orgmodel JSON.
"""

from __future__ import annotations

from datetime import date

from orgmodel.core.entities import Organisation, ServiceLoad
from orgmodel.core.kinds import Architecture, Layout, PlatformKind, Role, TeamKind, VersionStatus
from orgmodel.core.model import OrgModel
from orgmodel.examplegen.builder import ExampleBuilder

DOMAIN = "harbourline.example"

DESCRIPTION = (
    "Engineering at Harbourline, an online retailer, organised as in 'DevOps and SRE in the "
    "Enterprise': Platform Engineering ships versioned platforms and hands production versions to "
    "SRE-SE; Automation Engineers embed on development teams for a few weeks; software engineers "
    "own their services in production; SRE supports the tier-1 services, not all of them."
)

# fmt: off
# team key -> (name, has_oncall, engineers, location); the first engineer is the elected rep.
SOFTWARE_TEAMS: dict[str, tuple[str, bool, list[str], str]] = {
    "storefront": ("Storefront", False, [
        "Amara Okafor", "Jonas Weber", "Lucia Romano", "Kwame Mensah", "Hana Sato",
        "Ruth Abebe", "Diego Alvarez"], "London"),
    "checkout": ("Checkout", True, [
        "Sanjay Patel", "Emily Clarke", "Mateus Costa", "Yuki Tanaka", "Fatima Zahra",
        "Liam O'Brien", "Ingrid Holm", "Chen Wei"], "London"),
    "payments": ("Payments", True, [
        "Nadia Haddad", "Tom Fletcher", "Aisha Bello", "Pavel Horak", "Sara Nilsson",
        "Marcus Reid", "Leila Farahani", "Joseph Mwangi"], "Lisbon"),
    "catalogue": ("Catalogue", True, [
        "Rui Almeida", "Isabel Moreno", "Kofi Asante", "Anna Kowalska", "Ben Carter",
        "Mira Desai"], "Lisbon"),
    "fulfilment": ("Fulfilment", True, [
        "Grace Kim", "Henrik Berg", "Zainab Yusuf", "Oscar Lindgren", "Priyanka Iyer",
        "Sam Whitaker"], "Manchester"),
    "identity": ("Customer Identity", True, [
        "Elena Petrova", "Arjun Nair", "Chloe Martin", "Tobias Keller", "Ngozi Eze",
        "Ravi Shankar"], "London"),
    "merchant-back-office": ("Merchant Back Office", True, [
        "Margaret Doyle", "Felipe Santos", "Wanjiru Kamau", "Stefan Ilic", "Julia Fischer",
        "Ahmed Karim", "Laura Bianchi", "Owen Hughes"], "Manchester"),
    "data": ("Data & Analytics", False, [
        "Sunita Rao", "Erik Johansson", "Maya Cohen", "Adebayo Ogun", "Clara Dubois"], "Lisbon"),
}

PLATFORM_ENGINEERS = ["Viktor Andersson", "Beatriz Lopes", "Samuel Green", "Irina Volkova",
                      "Noah Schmidt", "Efua Boateng"]
AUTOMATION_ENGINEERS = ["Sofia Lindqvist", "Hamza Malik", "Claire Dupont", "Kenji Watanabe"]
SRE_SE = ["Ioana Popescu", "David Cohen", "Lerato Dlamini", "Patrick Byrne", "Anika Müller",
          "Marco Ricci"]
SRE_SWE = ["Yusuf Demir", "Hannah Lee", "Gabriel Silva"]

# service key -> (name, team key, tier, sre-supported, platform version key, depends on)
SERVICES: dict[str, tuple[str, str, int, bool, str, tuple[str, ...]]] = {
    "storefront-web": ("Storefront web", "storefront", 1, True, "k8s",
                       ("search", "catalogue-api", "cart", "identity", "recommendations",
                        "content-api")),
    "search": ("Search", "storefront", 2, False, "k8s", ("catalogue-api", "inventory")),
    "recommendations": ("Recommendations", "storefront", 3, False, "k8s", ("analytics-api",)),
    "content-api": ("Content API", "storefront", 3, False, "fn", ()),
    "checkout-api": ("Checkout API", "checkout", 1, True, "k8s",
                     ("cart", "pricing", "tax-calculation", "payments-gateway",
                      "order-management", "promotions", "identity")),
    "cart": ("Cart", "checkout", 1, True, "k8s", ("pricing", "inventory", "identity")),
    "pricing": ("Pricing", "checkout", 2, False, "k8s", ("catalogue-api",)),
    "promotions": ("Promotions", "checkout", 3, False, "fn", ("loyalty",)),
    "tax-calculation": ("Tax calculation", "checkout", 2, False, "k8s", ()),
    "payments-gateway": ("Payments gateway", "payments", 1, True, "k8s",
                         ("fraud-scoring", "ledger")),
    "ledger": ("Ledger", "payments", 1, True, "vm", ()),
    "fraud-scoring": ("Fraud scoring", "payments", 2, False, "k8s", ("customer-accounts",)),
    "refunds": ("Refunds", "payments", 2, False, "k8s",
                ("payments-gateway", "ledger", "order-management")),
    "payouts": ("Merchant payouts", "payments", 2, False, "vm", ("ledger",)),
    "catalogue-api": ("Catalogue API", "catalogue", 2, False, "k8s", ("product-media",)),
    "inventory": ("Inventory", "catalogue", 1, True, "k8s", ("warehouse-sync",)),
    "product-media": ("Product media", "catalogue", 3, False, "fn", ()),
    "price-feed-import": ("Price feed import", "catalogue", 3, False, "fn", ("catalogue-api",)),
    "order-management": ("Order management", "fulfilment", 1, True, "vm",
                         ("inventory", "shipping-rates", "customer-notifications",
                          "payments-gateway")),
    "shipping-rates": ("Shipping rates", "fulfilment", 2, False, "k8s", ()),
    "warehouse-sync": ("Warehouse sync", "fulfilment", 2, False, "vm", ()),
    "customer-notifications": ("Customer notifications", "fulfilment", 3, False, "fn",
                               ("customer-accounts",)),
    "returns": ("Returns", "fulfilment", 2, False, "k8s", ("order-management", "refunds")),
    "identity": ("Identity", "identity", 1, True, "k8s", ("session-store",)),
    "customer-accounts": ("Customer accounts", "identity", 2, False, "k8s", ("identity",)),
    "loyalty": ("Loyalty", "identity", 3, False, "k8s", ("customer-accounts",)),
    "session-store": ("Session store", "identity", 2, False, "vm", ()),
    "merchant-back-office": ("Merchant back office", "merchant-back-office", 2, False, "vm-old",
                             ("catalogue-api", "order-management", "payouts")),
    "back-office-reporting": ("Back office reporting", "merchant-back-office", 3, False, "vm",
                              ("data-warehouse-loader",)),
    "clickstream-ingest": ("Clickstream ingest", "data", 2, False, "fn", ()),
    "analytics-api": ("Analytics API", "data", 3, False, "k8s", ("data-warehouse-loader",)),
    "data-warehouse-loader": ("Data warehouse loader", "data", 3, False, "vm",
                              ("clickstream-ingest",)),
    "demand-forecasting": ("Demand forecasting", "data", 4, False, "vm",
                           ("data-warehouse-loader",)),
    "experiment-service": ("Experimentation service", "data", 3, False, "k8s",
                           ("clickstream-ingest",)),
}

LOAD_OVERRIDES: dict[str, ServiceLoad] = {
    "checkout-api": ServiceLoad(incidents_per_week=0.3, releases_per_week=4.0),
    "payments-gateway": ServiceLoad(incidents_per_week=0.25, tickets_per_week=3.0),
    "ledger": ServiceLoad(releases_per_week=0.5, toil_hours=3.0),
    "merchant-back-office": ServiceLoad(incidents_per_week=0.6, toil_hours=6.0,
                                        releases_per_week=0.25),
}


# fmt: on


def _groups(b: ExampleBuilder) -> dict[str, str]:
    eng = b.team("Engineering", TeamKind.GROUP, key="engineering")
    product = b.team("Product Engineering", TeamKind.GROUP, eng, key="product-engineering")
    infra = b.team(
        "Infrastructure & Reliability", TeamKind.GROUP, eng, key="infrastructure-reliability"
    )
    return {"eng": eng, "product": product, "infra": infra}


def _managers(b: ExampleBuilder, g: dict[str, str]) -> dict[str, str]:
    def m(name: str, team: str, boss: str | None) -> str:
        return b.person(name, Role.MANAGER, team, boss, location="London", email_domain=DOMAIN)

    vp = m("Helen Marsh", g["eng"], None)
    product = m("Tomás Ferreira", g["product"], vp)
    infra = m("Priya Raman", g["infra"], vp)
    return {
        "vp": vp,
        "product": product,
        "infra": infra,
        "em-web": m("Daniel Osei", g["product"], product),
        "em-commerce": m("Mei Lin Zhou", g["product"], product),
        "em-merchant": m("Oliver Brandt", g["product"], product),
        "sre": m("Grace Adeyemi", g["infra"], infra),
        "platform": m("Lukas Novak", g["infra"], infra),
    }


TEAM_MANAGER = {
    "storefront": "em-web",
    "checkout": "em-web",
    "payments": "em-web",
    "catalogue": "em-commerce",
    "fulfilment": "em-commerce",
    "identity": "em-commerce",
    "merchant-back-office": "em-merchant",
    "data": "em-merchant",
}


def _staff(
    b: ExampleBuilder, team: str, names: list[str], role: Role, manager: str, location: str
) -> list[str]:
    return [b.person(n, role, team, manager, location=location, email_domain=DOMAIN) for n in names]


def _infrastructure(
    b: ExampleBuilder, g: dict[str, str], mgr: dict[str, str]
) -> dict[str, list[str]]:
    platform = b.team(
        "Platform Engineering",
        TeamKind.PLATFORM,
        g["infra"],
        key="platform",
        notes="Their product is the platform: versioned and released like an app.",
    )
    automation = b.team(
        "Automation Engineering",
        TeamKind.AUTOMATION,
        g["infra"],
        key="automation",
        notes="Embed on development teams; coach, do not take over.",
    )
    sre = b.team(
        "Site Reliability Engineering",
        TeamKind.SRE,
        g["infra"],
        key="sre",
        has_oncall=True,
        notes="Owns production for the tier-1 services only.",
    )
    return {
        platform: _staff(
            b, platform, PLATFORM_ENGINEERS, Role.PLATFORM_ENGINEER, mgr["platform"], "London"
        ),
        automation: _staff(
            b, automation, AUTOMATION_ENGINEERS, Role.AUTOMATION_ENGINEER, mgr["platform"], "Lisbon"
        ),
        sre: _staff(b, sre, SRE_SE, Role.SRE_SE, mgr["sre"], "London")
        + _staff(b, sre, SRE_SWE, Role.SRE_SWE, mgr["sre"], "London"),
    }


def _software(b: ExampleBuilder, g: dict[str, str], mgr: dict[str, str]) -> dict[str, list[str]]:
    staff: dict[str, list[str]] = {}
    for key, (name, oncall, engineers, location) in SOFTWARE_TEAMS.items():
        team = b.team(name, TeamKind.SOFTWARE, g["product"], key=key, has_oncall=oncall)
        # The first engineer leads the team and reports to the engineering manager; the rest
        # report to the lead, so no manager has more than a handful of direct reports.
        lead = _staff(b, team, engineers[:1], Role.SOFTWARE_ENGINEER, mgr[TEAM_MANAGER[key]], location)
        rest = _staff(b, team, engineers[1:], Role.SOFTWARE_ENGINEER, lead[0], location)
        staff[team] = lead + rest
    return staff


def _platforms(b: ExampleBuilder) -> dict[str, str]:
    platform, sre = "team-platform", "team-sre"
    vm = b.platform(
        "EC2 autoscaling",
        PlatformKind.VM,
        platform,
        key="compute",
        notes="Virtual machines (EC2) in autoscaling groups behind load balancers (ELB).",
    )
    k8s = b.platform("Kubernetes", PlatformKind.CONTAINER, platform, key="kubernetes")
    fn = b.platform(
        "Lambda functions",
        PlatformKind.SERVERLESS,
        platform,
        key="serverless",
        notes="Serverless functions (AWS Lambda style) triggered by HTTP and events.",
    )
    v = b.version
    return {
        "vm-old": v(
            vm,
            "1.4",
            VersionStatus.DEPRECATED,
            production_owner=sre,
            released=date(2023, 5, 15),
            notes="Retire once the back office has moved.",
        ),
        "vm": v(
            vm, "2.3", VersionStatus.PRODUCTION, production_owner=sre, released=date(2025, 6, 2)
        ),
        "vm-next": v(vm, "3.0", VersionStatus.PLANNED),
        "k8s-old": v(
            k8s, "2.0", VersionStatus.DEPRECATED, production_owner=sre, released=date(2024, 9, 9)
        ),
        "k8s": v(
            k8s, "3.0", VersionStatus.PRODUCTION, production_owner=sre, released=date(2025, 11, 3)
        ),
        "k8s-rc": v(
            k8s,
            "3.1",
            VersionStatus.RELEASED,
            released=date(2026, 9, 14),
            notes="Released; awaiting SRE-SE approval for production.",
        ),
        "k8s-next": v(
            k8s,
            "4.0",
            VersionStatus.DEVELOPMENT,
            notes="Will include the messaging service built with Fulfilment.",
        ),
        "fn": v(
            fn, "1.0", VersionStatus.PRODUCTION, production_owner=sre, released=date(2025, 3, 10)
        ),
        "fn-next": v(fn, "1.1", VersionStatus.PLANNED),
    }


def _services(b: ExampleBuilder, versions: dict[str, str]) -> None:
    for key, (name, team, tier, sre, version, _deps) in SERVICES.items():
        arch = Architecture.MONOLITH if key == "merchant-back-office" else Architecture.MICROSERVICE
        b.service(
            name,
            f"team-{team}",
            tier=tier,
            architecture=arch,
            key=key,
            sre_team="team-sre" if sre else None,
            platform_version=versions[version],
            load=LOAD_OVERRIDES.get(key),
        )
    for key, (*_rest, deps) in SERVICES.items():
        for target in deps:
            b.depends(f"svc-{key}", f"svc-{target}")


def _embeds(b: ExampleBuilder, infra: dict[str, list[str]]) -> None:
    automation, sre = infra["team-automation"], infra["team-sre"]
    b.embed(
        automation[0],
        "team-fulfilment",
        "Build a messaging service for order events (multi-cloud, registered in service "
        "discovery), integration-test it with Fulfilment and PR it into Kubernetes 4.0",
        date(2026, 10, 5),
        date(2026, 12, 21),
    )
    b.embed(
        automation[1],
        "team-payments",
        "Coach CI/CD pipelines and the production deployment checklist",
        date(2026, 2, 2),
        date(2026, 4, 13),
    )
    b.embed(
        automation[2],
        "team-data",
        "Move clickstream ingest onto the serverless platform's event triggers",
        date(2026, 11, 2),
        date(2027, 1, 11),
    )
    b.embed(
        sre[-1],
        "team-checkout",
        "Performance: checkout p99 latency before peak season",
        date(2026, 10, 19),
        date(2026, 12, 14),
    )


def _forums(b: ExampleBuilder, staff: dict[str, list[str]]) -> None:
    reps = [(people[1] if len(people) > 1 else people[0], team) for team, people in staff.items()]
    b.forum(
        "Scrum of scrums",
        reps,
        key="scrum-of-scrums",
        notes="Each team elects a team mate to represent it; teams agree on standards and "
        "common interfaces here.",
    )
    readiness = [
        (staff["team-sre"][-2], "team-sre"),
        (staff["team-platform"][0], "team-platform"),
        (staff["team-checkout"][0], "team-checkout"),
        (staff["team-payments"][0], "team-payments"),
    ]
    b.forum(
        "Release readiness",
        readiness,
        key="production-readiness",
        notes="SRE-SWE evaluate releases of SRE-supported services against the checklist.",
    )


def _views(b: ExampleBuilder) -> None:
    b.view("view-whole-organisation", "Whole organisation", Layout.ORG_CHART)
    b.view(
        "view-platform-stack",
        "Platform stack",
        Layout.PLATFORM_STACK,
        {"node_kinds": ["team", "platform", "platform_version", "service"]},
    )
    b.view(
        "view-sre-services",
        "SRE and its services",
        Layout.FORCE,
        {"node_kinds": ["team", "service"], "support": "sre"},
    )


def build() -> OrgModel:
    """The seed-enterprise model, built from the tables above (every invariant checked)."""
    b = ExampleBuilder(Organisation("Harbourline Engineering", DESCRIPTION, date(2026, 1, 5)))
    groups = _groups(b)
    managers = _managers(b, groups)
    infra = _infrastructure(b, groups, managers)
    software = _software(b, groups, managers)
    versions = _platforms(b)
    _services(b, versions)
    _embeds(b, infra)
    _forums(b, {**software, **infra})
    b.scenario(
        "baseline",
        "Baseline",
        "weeks = 260",
        notes="Five years at the default growth and load of the scenario parameters.",
    )
    b.scenario(
        "growth-push",
        "Growth push",
        'name = "Growth push"\nweeks = 260\n\n[growth]\ndev_teams_per_quarter = 4.0\ntier1_share = 0.4\n',
        notes="Twice the hiring of development teams, and more of their services tier 1: "
        "SRE passes the 50 % cap in about two and a half years.",
    )
    _views(b)
    return b.model
