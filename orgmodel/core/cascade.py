"""What goes with a removed entity: the ordered plan of updates and removals.

``removal_plan(model, id)`` works on a copy of the model and returns the steps that, applied in
order, remove the entity and everything that hangs on it (sub-teams, members, owned services and
platforms, embeds, dependencies) and clear soft references (a manager, an SRE team, a production
owner, a forum seat). Applying the steps in reverse, each inverted, restores the model exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from orgmodel.core.entities import Forum, PlatformVersion, Service
from orgmodel.core.kinds import Support
from orgmodel.core.model import OrgModel

# (type name, field) whose referrer is removed with its target; every other reference is cleared.
_HARD = {
    ("Team", "parent"),
    ("Person", "team"),
    ("Service", "owner"),
    ("Platform", "owner"),
    ("PlatformVersion", "platform"),
    ("Embed", "person"),
    ("Embed", "host"),
    ("Dependency", "source"),
    ("Dependency", "target"),
}


@dataclass(frozen=True)
class Step:
    """One change of a plan: ``remove`` (old is the entity) or ``update`` (old -> new)."""

    action: str
    old: Any
    new: Any = None


def _cleared(entity: Any, field: str, target_id: str) -> Any:
    if isinstance(entity, Forum):
        reps = tuple(r for r in entity.representatives if target_id not in (r.person, r.team))
        return replace(entity, representatives=reps)
    if isinstance(entity, Service) and field == "sre_team":
        return replace(entity, support=Support.DEV, sre_team=None)
    if isinstance(entity, PlatformVersion) and field == "production_owner":
        return replace(entity, production_owner=None)
    return replace(entity, **{field: None})


def removal_plan(model: OrgModel, entity_id: str) -> list[Step]:
    """The steps that remove ``entity_id`` and what hangs on it, in the order to apply them."""
    work = model.copy()
    steps: list[Step] = []

    def remove(target_id: str) -> None:
        if target_id not in work:
            return
        while True:
            users = [(e, f) for e, f in work.referrers(target_id) if e.id != target_id]
            if not users:
                break
            entity, field = users[0]
            if (type(entity).__name__, field) in _HARD:
                remove(entity.id)
            else:
                new = _cleared(entity, field, target_id)
                work.update(new)
                steps.append(Step("update", entity, new))
        entity, _ = work.remove(target_id)
        steps.append(Step("remove", entity))

    work.get(entity_id)
    remove(entity_id)
    return steps
