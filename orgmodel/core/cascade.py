"""What goes with a removed entity: the ordered plan of updates and removals.

``removal_plan(model, id)`` returns the steps that, applied in order, remove the entity and
everything that hangs on it (sub-teams, members, owned services and platforms, versions of a removed
platform, embeds, dependencies) and clear soft references to any of them (a manager, an SRE team, a
platform version a service runs on, a production owner, a forum seat). All updates come first, one
per surviving entity, then the removals, each entity after everything that refers to it. Applying
the steps in reverse, each inverted, restores the model exactly. The plan is computed in one pass
over the model's reverse reference index, so its cost follows the size of the cascade. Not for
applying the plan (``orgmodel.editing`` does that, undoably).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from orgmodel.core.entities import Forum, Service
from orgmodel.core.kinds import Support
from orgmodel.core.model import OrgModel
from orgmodel.core.references import REFERENCE_FIELDS, REPRESENTATIVES

# (type name, field) whose referrer is removed with its target; every other reference is cleared.
HARD_REFERENCES = frozenset(
    {
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
)
_HARD = HARD_REFERENCES  # the first version's name


@dataclass(frozen=True)
class Step:
    """One change of a plan: ``remove`` (old is the entity) or ``update`` (old -> new)."""

    action: str
    old: Any
    new: Any = None


def _is_hard(entity: Any, field: str) -> bool:
    return (type(entity).__name__, field) in HARD_REFERENCES


Users = dict[str, list[tuple[Any, str]]]


def _doomed(model: OrgModel, root_id: str) -> tuple[dict[str, None], Users]:
    """The ids removed with ``root_id`` (root first), the closure over hard references, and the
    referrers of each of them (read once from the model's index).
    """
    doomed: dict[str, None] = {root_id: None}
    users_of: Users = {}
    queue = [root_id]
    while queue:
        target = queue.pop()
        users_of[target] = users = model.referrers(target)
        for user, field in users:
            if user.id not in doomed and _is_hard(user, field):
                doomed[user.id] = None
                queue.append(user.id)
    return doomed, users_of


def _removal_order(root_id: str, doomed: dict[str, None], users_of: Users) -> list[str]:
    """Post-order over referrers inside ``doomed``: every entity after all that refer to it.

    The reference graph is acyclic (teams form a tree, reporting lines have no cycles and other
    references point from one kind to another), so this is a topological order. Iterative, so deep
    reporting chains do not hit the recursion limit.
    """
    order: list[str] = []
    done: set[str] = set()
    stack: list[tuple[str, bool]] = [(root_id, False)]
    while stack:
        entity_id, expanded = stack.pop()
        if expanded:
            if entity_id not in done:
                done.add(entity_id)
                order.append(entity_id)
            continue
        if entity_id in done:
            continue
        stack.append((entity_id, True))
        users = dict.fromkeys(u.id for u, _ in users_of[entity_id])
        for user_id in reversed(list(users)):
            if user_id in doomed and user_id not in done and user_id != entity_id:
                stack.append((user_id, False))
    return order


def cleared(entity: Any, gone: set[str]) -> Any:
    """``entity`` with every soft reference to an id in ``gone`` cleared."""
    if isinstance(entity, Forum):
        reps = tuple(
            r for r in entity.representatives if r.person not in gone and r.team not in gone
        )
        return replace(entity, representatives=reps)
    values: dict[str, Any] = {}
    for field in REFERENCE_FIELDS.get(type(entity), ()):
        if getattr(entity, field) in gone and not _is_hard(entity, field):
            values[field] = None
    if isinstance(entity, Service) and "sre_team" in values:
        values["support"] = Support.DEV
    return replace(entity, **values)


def removal_plan(model: OrgModel, entity_id: str) -> list[Step]:
    """The steps that remove ``entity_id`` and what hangs on it, in the order to apply them."""
    model.get(entity_id)
    doomed, users_of = _doomed(model, entity_id)
    gone = set(doomed)
    steps: list[Step] = []
    touched: set[str] = set()
    for target in doomed:
        for user, field in users_of[target]:
            if user.id in gone or user.id in touched:
                continue
            if field == REPRESENTATIVES or not _is_hard(user, field):
                touched.add(user.id)
                steps.append(Step("update", user, cleared(user, gone)))
    for removed in _removal_order(entity_id, doomed, users_of):
        steps.append(Step("remove", model.get(removed)))
    return steps
