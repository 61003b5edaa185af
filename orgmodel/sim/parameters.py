"""The simulation's parameters as data: section, key, default, provenance, note and bounds.

SIMULATION.md section 5 as a table the UI (scenario editor tooltips) and the reports (parameter
tables with provenance) can show. Provenance: S stated in the source, D derived from sourced
figures, A our assumption (to calibrate), W weakly sourced. Not for parsing: see ``scenario.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

PROVENANCE = {
    "S": "stated in the source",
    "D": "derived from sourced figures",
    "A": "our assumption, to be calibrated",
    "W": "weakly sourced",
    "": "a switch, not a figure",
}


@dataclass(frozen=True)
class Param:
    section: str  # "" for the top level
    key: str
    default: Any
    provenance: str
    note: str = ""
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] = ()
    unit: str = ""
    allow_inf: bool = False  # only page_dispersion: inf means Poisson pages

    @property
    def name(self) -> str:
        return f"{self.section}.{self.key}" if self.section else self.key

    @property
    def type(self) -> type:
        return type(self.default)


def _share(section: str, key: str, default: float, prov: str, note: str = "") -> Param:
    return Param(section, key, default, prov, note, 0.0, 1.0, unit="share")


def _rate(section: str, key: str, default: float, prov: str, note: str = "", unit: str = "") -> Param:
    return Param(section, key, default, prov, note, 0.0, math.inf, unit=unit)


def _count(section: str, key: str, default: int, prov: str, note: str = "", lo: int = 0,
           hi: float = math.inf, unit: str = "") -> Param:
    return Param(section, key, default, prov, note, lo, hi, unit=unit)


SRE_BOOK = "SRE book"
PARAMETERS: tuple[Param, ...] = (
    _count("", "weeks", 260, "A", "simulated weeks (260 = 5 years)", 1, 5200, "weeks"),
    _count("", "runs", 1000, "A", "Monte Carlo runs", 1, 1_000_000, "runs"),
    _count("", "seed", 0, "A", "random seed: the same seed gives the same results", 0, 2**63 - 1),
    Param("", "mode", "stochastic", "A", "expected = deterministic means", choices=("stochastic", "expected")),
    Param("growth", "model", "linear", "A", "how development teams are added",
          choices=("none", "linear", "exponential", "logistic")),
    _rate("growth", "dev_teams_per_quarter", 2.0, "A", "new teams per quarter (linear)", "teams/quarter"),
    _rate("growth", "annual_growth", 0.3, "A", "yearly growth rate (exponential, logistic)", "per year"),
    _rate("growth", "capacity", 200.0, "A", "team count the logistic model levels off at", "teams"),
    _count("growth", "team_size", 7, "S", "Team Topologies: 5-9 people", 1, 100, "people"),
    _rate("growth", "services_per_new_team", 3.0, "A", "services a new team starts with", "services"),
    _rate("growth", "new_services_per_team_per_week", 0.02, "A", "", "services/team/week"),
    Param("growth", "new_service_support", "sre_if_tier1", "A", "SRE takes the critical services",
          choices=("dev", "sre", "sre_if_tier1")),
    _share("growth", "tier1_share", 0.25, "A", "share of new services that are tier 1"),
    _rate("load", "incidents_per_week", 0.10, "A", "pages per service per week", "incidents/week"),
    _rate("load", "incident_hours", 6.0, "S", "6 h per incident incl. postmortem, SRE book ch. 11", "hours"),
    Param("load", "page_dispersion", 1.0, "A", "negative binomial dispersion; inf = Poisson (pages are bursty, workbook ch. 8)",
          1e-9, math.inf, allow_inf=True),
    _rate("load", "tickets_per_week", 0.5, "A", "", "tickets/week"),
    _rate("load", "ticket_hours", 2.0, "A", "", "hours"),
    _rate("load", "toil_hours", 1.0, "A", "toil per service per week", "hours/week"),
    _rate("load", "releases_per_week", 1.0, "A", "", "releases/week"),
    _rate("load", "review_hours_swe", 0.5, "A", "SRE-SWE release review per release", "hours"),
    _rate("load", "review_hours_se", 0.25, "A", "SRE-SE release review per release", "hours"),
    _share("load", "dev_ticket_share", 0.05, "W", "at least 5 % of tickets to developers"),
    _count("oncall", "oncall_engineers", 2, "S", "engineers on call per rotation, ch. 11", 1, 100, "people"),
    _rate("oncall", "max_incidents_per_shift", 2.0, "S", "pager budget per 12-hour shift, ch. 11", "incidents"),
    _count("oncall", "min_rotation_single_site", 8, "S", "ch. 11", 1, 1000, "people"),
    _count("oncall", "min_rotation_per_site", 6, "S", "ch. 11", 1, 1000, "people"),
    _share("sre", "ops_cap", 0.5, "S", "operational work cap, SRE book ch. 1, 5, 11"),
    _count("sre", "overload_window_weeks", 13, "S", "\"e.g. for a quarter\"", 1, 520, "weeks"),
    _count("sre", "pager_window_weeks", 3, "S", "21-day trailing average", 1, 520, "weeks"),
    _share("sre", "toil_reduction_share", 0.5, "A", "engineering time spent on toil reduction"),
    _share("sre", "toil_reduction_share_flagged", 0.8, "A", "the same while overloaded"),
    _count("sre", "embed_after_weeks", 13, "A", "overload weeks before an SRE-SWE embeds", 0, 5200, "weeks"),
    _count("sre", "handback_after_weeks", 26, "A", "overload weeks before services are handed back", 0, 5200, "weeks"),
    Param("sre", "handback", True, "", "whether SRE hands services back when overloaded"),
    _share("sre", "handback_target", 0.40, "A", "hand back until the projected ops fraction is this"),
    _share("sre", "reonboard_below", 0.35, "A", "quarter's mean ops fraction below which a service may return"),
    _count("sre", "reonboard_per_quarter", 2, "A", "hysteresis against flapping", 0, 10000, "services"),
    _rate("sre", "prr_hours_classic", 812.0, "D", "ch. 32: 2-3 SREs x 2-3 quarters", "hours"),
    _rate("sre", "prr_hours_framework", 130.0, "D", "ch. 32: 1 SRE x 1 quarter", "hours"),
    _share("sre", "framework_maturity", 0.6, "A", "platform maturity at which PRRs use the framework"),
    Param("headcount", "sre_policy", "fixed", "A", "how SRE headcount changes",
          choices=("fixed", "ratio", "sublinear", "hire_on_overload")),
    _rate("headcount", "sre_ratio", 0.1, "W", "SREs per developer (ratio policy)", "SRE/dev"),
    _rate("headcount", "sre_sublinear_k", 1.0, "A", "k in k * sqrt(dev engineers)"),
    _count("headcount", "hiring_lag_weeks", 12, "A", "", 0, 520, "weeks"),
    _count("headcount", "ramp_weeks", 26, "S", "3-9 months to on-call, workbook ch. 8", 0, 520, "weeks"),
    _share("platform", "maturity_start", 0.2, "A", "platform self-service maturity today (0-1)"),
    Param("platform", "maturity_gain_hours", 20000.0, "A", "4 platform engineers reach ~0.6 in ~1.5 years",
          1e-9, math.inf, unit="hours"),
    _share("platform", "maturity_erosion", 0.005, "A", "weekly erosion of maturity"),
    _share("platform", "release_erosion", 0.05, "A", "maturity lost at each platform release"),
    _count("platform", "version_cadence_weeks", 26, "A", "", 1, 5200, "weeks"),
    _count("platform", "versions_supported", 2, "A", "", 1, 1000, "versions"),
    _rate("platform", "migration_hours", 8.0, "A", "per service moving off an unsupported version", "hours"),
    _rate("platform", "support_hours_per_team", 1.0, "A", "platform support per dev team per week", "hours/week"),
    _share("platform", "effect_toil", 0.8, "A", "direction: ch. 32"),
    _share("platform", "effect_tickets", 0.6, "A", "direction: ch. 32"),
    _share("platform", "effect_review", 0.7, "A", "direction: ch. 32"),
    _share("platform", "effect_migration", 0.9, "A", "direction: ch. 32"),
    _share("platform", "effect_incidents", 0.3, "A", "direction: ch. 32"),
    Param("platform", "freeze", False, "", "hold platform maturity constant"),
    _rate("complexity", "growth_per_release", 0.01, "A", "Lehman II"),
    _rate("complexity", "reduction_per_hour", 0.005, "A", "Lehman II"),
    _rate("complexity", "exponent", 1.0, "A", "load grows as complexity^exponent"),
    _share("complexity", "dev_anti_regressive_share", 0.10, "A", "dev capacity spent on their own services"),
    Param("complexity", "freeze", False, "", "hold complexity constant"),
    _rate("embeds", "automation_requests_per_team_per_week", 1 / 26, "A", "", "requests/team/week"),
    _rate("embeds", "performance_requests_per_team_per_week", 1 / 52, "A", "", "requests/team/week"),
    _count("embeds", "automation_weeks", 8, "A", "", 1, 520, "weeks"),
    _count("embeds", "performance_weeks", 6, "A", "", 1, 520, "weeks"),
    _share("embeds", "automation_gain", 0.3, "A", "automation level gained when an embed ends"),
    _share("embeds", "automation_decay", 0.01, "A", "weekly decay of a team's automation level"),
    _share("embeds", "automation_start", 0.0, "A", "automation level of a team at the start"),
    _rate("familiarity", "penalty", 0.5, "A", "extra incidents at familiarity 0 (Lehman V)"),
    _count("familiarity", "ramp_weeks", 26, "A", "weeks from familiarity 0 to 1", 1, 520, "weeks"),
)

BY_NAME: dict[str, Param] = {p.name: p for p in PARAMETERS}
SECTIONS: tuple[str, ...] = tuple(dict.fromkeys(p.section for p in PARAMETERS if p.section))
