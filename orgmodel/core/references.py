"""Which fields of an entity refer to which other entities, and a reverse index of those references.

``REFERENCE_FIELDS`` lists the id-valued fields of each entity type; ``targets_of`` yields the ids an
entity refers to (forum seats included); ``ReferenceIndex`` maps a target id to the ids of the
entities referring to it, so that ``OrgModel.referrers`` and removal cascades cost the number of
references instead of a scan of the whole model. Not for validation: whether a reference is allowed
is decided in ``model.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from orgmodel.core.entities import (
    Dependency,
    Embed,
    Forum,
    Person,
    Platform,
    PlatformVersion,
    Service,
    Team,
)

REFERENCE_FIELDS: dict[type, tuple[str, ...]] = {
    Team: ("parent",),
    Person: ("team", "manager"),
    Service: ("owner", "sre_team", "platform_version"),
    Platform: ("owner",),
    PlatformVersion: ("platform", "production_owner"),
    Embed: ("person", "host"),
    Dependency: ("source", "target"),
}

REPRESENTATIVES = "representatives"


def references_of(entity: Any) -> Iterator[tuple[str, str]]:
    """Every (field, target id) of ``entity``; a forum yields one pair per seat and end."""
    for name in REFERENCE_FIELDS.get(type(entity), ()):
        value = getattr(entity, name)
        if isinstance(value, str):
            yield name, value
    if isinstance(entity, Forum):
        for rep in entity.representatives:
            yield REPRESENTATIVES, rep.person
            yield REPRESENTATIVES, rep.team


def targets_of(entity: Any) -> list[str]:
    """The ids ``entity`` refers to, each once, in field order (deterministic, unlike a set)."""
    names = REFERENCE_FIELDS.get(type(entity))
    found: list[str] = []
    if names is not None:
        for name in names:
            value = getattr(entity, name)
            if isinstance(value, str) and value not in found:
                found.append(value)
        return found
    if isinstance(entity, Forum):
        for rep in entity.representatives:
            for value in (rep.person, rep.team):
                if value not in found:
                    found.append(value)
    return found


def fields_referring(entity: Any, target_id: str) -> list[str]:
    """The fields of ``entity`` that refer to ``target_id`` (each named once, in field order)."""
    names = REFERENCE_FIELDS.get(type(entity))
    if names is not None:
        return [name for name in names if getattr(entity, name) == target_id]
    if isinstance(entity, Forum) and any(
        target_id in (rep.person, rep.team) for rep in entity.representatives
    ):
        return [REPRESENTATIVES]
    return []


class ReferenceIndex:
    """target id -> ids of the entities that refer to it, in the order the references were made.

    An index made with ``built_later`` runs its builder the first time it is used: a model read
    from a document opens without waiting for it, and the first removal, cascade or check that
    needs referrers pays for it (a few milliseconds for thousands of entities).
    """

    def __init__(self) -> None:
        self._index: dict[str, dict[str, None]] = {}
        self._pending: Callable[[], dict[str, dict[str, None]]] | None = None

    @classmethod
    def built_later(cls, build: Callable[[], dict[str, dict[str, None]]]) -> ReferenceIndex:
        """An index whose contents ``build()`` returns (target id -> referrer ids, in order)."""
        index = cls()
        index._pending = build
        return index

    @property
    def _by_target(self) -> dict[str, dict[str, None]]:
        if self._pending is not None:
            self._index, self._pending = self._pending(), None
        return self._index

    def copy(self) -> ReferenceIndex:
        other = ReferenceIndex()
        other._index = {k: dict(v) for k, v in self._by_target.items()}
        return other

    def referrer_ids(self, target_id: str) -> list[str]:
        return list(self._by_target.get(target_id, ()))

    def has_referrers(self, target_id: str) -> bool:
        return bool(self._by_target.get(target_id))

    def link(self, source_id: str, targets: Iterable[str]) -> None:
        for target in targets:
            self._by_target.setdefault(target, {})[source_id] = None

    def unlink(self, source_id: str, targets: Iterable[str]) -> None:
        for target in targets:
            users = self._by_target.get(target)
            if users is None:
                continue
            users.pop(source_id, None)
            if not users:
                del self._by_target[target]

    def replace(self, source_id: str, old: Any, new: Any) -> None:
        """Re-index ``source_id`` after it changed from ``old`` to ``new``."""
        before, after = targets_of(old), targets_of(new)
        self.unlink(source_id, [t for t in before if t not in after])
        self.link(source_id, [t for t in after if t not in before])
