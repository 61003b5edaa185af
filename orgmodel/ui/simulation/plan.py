"""The handback plan: which of the document's services a simulated run handed back to developers.

``handback_plan(results, model)`` reads a run's ``handback`` and ``reonboard`` events (SIMULATION.md
section 4) and picks the **median run**: every run is ranked by how many of the document's services
it had handed back (and not taken back after a PRR) by its last week, runs without a handback count
zero, ties go to the lower run number, and the run in the middle (the lower median) is the plan.
That is a real run's coherent set of services, not a mixture of runs; when fewer than half the
runs hand anything back, the median plan is empty, which is the honest answer. Services the model
created during the run (``new-service-N``) are not in the document and are left out; services the
document no longer has, or no longer has SRE-supported, are listed as skipped. Qt-free; the
command is ``apply_plan``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from orgmodel.core.kinds import Support
from orgmodel.core.model import OrgModel
from orgmodel.editing.org_commands import SetServiceSupportCommand
from orgmodel.editing.stack import CommandStack


@dataclass(frozen=True)
class HandbackPlan:
    """Services to hand back (ids, in the order the run handed them back) and what was skipped."""

    run: int | None
    services: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    runs_with_handback: int = 0
    total_runs: int = 0

    @property
    def text(self) -> str:
        return f"Apply handback plan ({len(self.services)} services)"


def handed_back_by_run(events: list[Mapping[str, Any]], known: set[str]) -> dict[int, list[str]]:
    """Per run, the known services handed back and still dev-supported at the end, in order."""
    by_run: dict[int, list[str]] = {}
    for event in sorted(events, key=lambda e: (int(e.get("run", 0)), int(e.get("week", 0)))):
        kind = event.get("kind")
        if kind not in ("handback", "reonboard"):
            continue
        services = by_run.setdefault(int(event.get("run", 0)), [])
        for service in event.get("services") or []:
            if service not in known:
                continue
            if kind == "handback" and service not in services:
                services.append(service)
            elif kind == "reonboard" and service in services:
                services.remove(service)
    return by_run


def handback_plan(results: Mapping[str, Any], model: OrgModel) -> HandbackPlan:
    """The median run's handback as a plan for the document (see the module docstring)."""
    runs = max(int(results.get("runs") or 1), 1)
    by_run = handed_back_by_run(list(results.get("events") or []), set(model.services))
    ranked = sorted(range(runs), key=lambda r: (len(by_run.get(r, [])), r))
    median = ranked[(runs - 1) // 2]
    services, skipped = [], []
    for service_id in by_run.get(median, []):
        service = model.services.get(service_id)
        if service is not None and service.support == Support.SRE:
            services.append(service_id)
        else:
            skipped.append(service.name if service is not None else service_id)
    with_handback = sum(1 for r in range(runs) if by_run.get(r))
    return HandbackPlan(median, services, skipped, with_handback, runs)


def apply_plan(stack: CommandStack, plan: HandbackPlan) -> None:
    """Hand the plan's services back to their developers as one undoable step."""
    if not plan.services:
        return
    with stack.macro(plan.text):
        for service_id in plan.services:
            stack.push(SetServiceSupportCommand(service_id, None))
