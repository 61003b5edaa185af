"""Building a whole model at once: the plan behind ``OrgModel.from_collections``.

Opening a document or loading orgmodel JSON hands over every entity, collection by collection.
``plan(collections)`` checks all of them together (their own values column by column, ids and
duplicates with one dict, references with set lookups per kind, cycles in the team tree and the
reporting lines by pointer doubling) and, when everything holds, returns what the aggregate stores:
the order of each collection, where each id lives and (built when first needed) the reverse index
of references, exactly as adding the entities one by one would have left them. Whenever anything is off it returns None and
``add_in_order`` adds the entities one by one through ``OrgModel.add``/``update``, whose checks
name the first problem in the usual sentence. Not for edits of a live model (they go through the
aggregate) and emits no events.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain, compress, repeat
from operator import is_, itemgetter, not_
from typing import TYPE_CHECKING, Any

from orgmodel.core.bulk_values import Columns, Fielded, column, types_within, values_ok
from orgmodel.core.entities import DEPENDENCY_ID, Forum, Person
from orgmodel.core.kinds import EntityKind, Support, TeamKind
from orgmodel.core.references import REFERENCE_FIELDS, targets_of

if TYPE_CHECKING:
    from orgmodel.core.model import OrgModel

ORDER = (
    EntityKind.TEAM,
    EntityKind.PERSON,
    EntityKind.PLATFORM,
    EntityKind.PLATFORM_VERSION,
    EntityKind.SERVICE,
    EntityKind.EMBED,
    EntityKind.DEPENDENCY,
    EntityKind.FORUM,
    EntityKind.SCENARIO,
    EntityKind.VIEW,
)
"""The order in which collections are added: every reference points at an earlier collection or,
for the fields in ``LATE``, into its own."""

LATE = {EntityKind.TEAM: "parent", EntityKind.PERSON: "manager"}
"""References that may point at a later entity of the same collection: set in a second pass."""

NoneType = type(None)
_OPT_ID: frozenset[type] = frozenset({str, NoneType})
_ID: frozenset[type] = frozenset({str})
Collections = Mapping[EntityKind, Sequence[Any]]


@dataclass
class Plan:
    """What a checked set of collections becomes inside the aggregate."""

    keys: dict[EntityKind, list[str]]
    items: dict[EntityKind, dict[str, Any]]
    where: dict[str, EntityKind]
    links: Callable[[], dict[str, dict[str, None]]]
    """Builds the reverse index of references (when it is first needed)."""


def in_order(collections: Collections) -> dict[EntityKind, list[Any]]:
    """The collections as lists, in ``ORDER`` (missing ones empty); refuses unknown keys."""
    unknown = [key for key in collections if key not in ORDER]
    if unknown:
        raise ValueError(f"not a collection of a model: {unknown[0]!r}")
    return {kind: _as_list(collections.get(kind, ())) for kind in ORDER}


def _as_list(entities: Sequence[Any]) -> list[Any]:
    """A copy as a plain list, or a ``Fielded`` list itself (so its columns come along)."""
    return entities if type(entities) is Fielded else list(entities)


def add_in_order(model: OrgModel, lists: dict[EntityKind, list[Any]]) -> None:
    """Add every entity through the aggregate's own checks (the path that names the problem).

    A reference in ``LATE`` to an entity not added yet is left out at first and set by an update
    once its whole collection is in.
    """
    for kind, entities in lists.items():
        late = LATE.get(kind)
        deferred = []
        for entity in entities:
            if late and getattr(entity, late) is not None and getattr(entity, late) not in model:
                deferred.append(entity)
                entity = replace(entity, **{late: None})
            model.add(entity)
        for entity in deferred:
            model.update(entity)


def plan(lists: dict[EntityKind, list[Any]]) -> Plan | None:
    """The stored form of ``lists`` (from ``in_order``), or None when any rule might be broken."""
    keys: dict[EntityKind, list[str]] = {}
    items: dict[EntityKind, dict[str, Any]] = {}
    where: dict[str, EntityKind] = {}
    cols = {kind: Columns(entities) for kind, entities in lists.items()}
    for kind, entities in lists.items():
        if not values_ok(kind, cols[kind]):
            return None
        ids = _ids(kind, cols[kind])
        if kind is EntityKind.DEPENDENCY:
            typed = types_within(ids, _ID)
        else:
            typed = cols[kind].within("id", _ID)  # the same check: ids is the "id" column
        if not typed or not all(ids):
            return None
        keys[kind], items[kind] = ids, dict(zip(ids, entities, strict=True))
        where.update(zip(ids, repeat(kind)))
    if len(where) != sum(map(len, keys.values())):
        return None  # a duplicate id
    if not _references_ok(lists, cols, items) or not _rules_ok(lists, cols, items):
        return None
    for kind, field in LATE.items():
        if not _acyclic(dict(zip(keys[kind], cols[kind][field], strict=True))):
            return None
    return Plan(keys, items, where, partial(_links, lists, keys))  # the columns are let go


def _ids(kind: EntityKind, entities: Columns) -> list[str]:
    if kind is EntityKind.DEPENDENCY:  # derived ids, without the cached property's lock
        return list(map(DEPENDENCY_ID.format, entities["source"], entities["target"]))
    return entities["id"]


# (collection, field, target collection, optional)
_REFERENCES = (
    (EntityKind.TEAM, "parent", EntityKind.TEAM, True),
    (EntityKind.PERSON, "team", EntityKind.TEAM, True),
    (EntityKind.PERSON, "manager", EntityKind.PERSON, True),
    (EntityKind.PLATFORM, "owner", EntityKind.TEAM, True),
    (EntityKind.PLATFORM_VERSION, "platform", EntityKind.PLATFORM, False),
    (EntityKind.SERVICE, "owner", EntityKind.TEAM, True),
    (EntityKind.SERVICE, "platform_version", EntityKind.PLATFORM_VERSION, True),
    (EntityKind.EMBED, "person", EntityKind.PERSON, False),
    (EntityKind.EMBED, "host", EntityKind.TEAM, False),
    (EntityKind.DEPENDENCY, "source", EntityKind.SERVICE, False),
    (EntityKind.DEPENDENCY, "target", EntityKind.SERVICE, False),
)


def _within(
    values: list[Any], targets: AbstractSet[str], optional: bool, typed: bool = False
) -> bool:
    """Every value is an id in ``targets`` (or None, when ``optional``); ``typed`` when the
    values' types are known to be right already (``Columns.within``)."""
    if not typed and not types_within(values, _OPT_ID if optional else _ID):
        return False
    present = set(values)
    present.discard(None)
    return targets >= present


Items = dict[EntityKind, dict[str, Any]]


Lists = dict[EntityKind, list[Any]]


def _references_ok(lists: Lists, cols: dict[EntityKind, Columns], items: Items) -> bool:
    for kind, field, target, optional in _REFERENCES:
        typed = cols[kind].within(field, _OPT_ID if optional else _ID)
        if not _within(cols[kind][field], items[target].keys(), optional, typed):
            return False
    seats = [rep for forum in lists[EntityKind.FORUM] for rep in forum.representatives]
    return _within(column(seats, "person"), items[EntityKind.PERSON].keys(), False) and _within(
        column(seats, "team"), items[EntityKind.TEAM].keys(), False
    )


def _rules_ok(lists: Lists, cols: dict[EntityKind, Columns], items: Items) -> bool:
    """SRE support and hand-offs name SRE teams, embeds leave home, forum seats are unique."""
    sre = {t.id for t in lists[EntityKind.TEAM] if t.kind is TeamKind.SRE}
    services = cols[EntityKind.SERVICE]
    by_sre = list(map(is_, services["support"], repeat(Support.SRE)))
    sre_teams = services["sre_team"]
    if not _within(list(compress(sre_teams, by_sre)), sre, False):
        return False
    if not all(map(is_, compress(sre_teams, map(not_, by_sre)), repeat(None))):
        return False  # developer support naming a team
    owners = cols[EntityKind.PLATFORM_VERSION]["production_owner"]
    typed = cols[EntityKind.PLATFORM_VERSION].within("production_owner", _OPT_ID)
    if not _within(owners, sre, True, typed):
        return False
    people: dict[str, Person] = items[EntityKind.PERSON]
    if any(people[e.person].team == e.host for e in lists[EntityKind.EMBED]):
        return False
    forums: list[Forum] = lists[EntityKind.FORUM]
    return all(len(set(f.representatives)) == len(f.representatives) for f in forums)


def _acyclic(up: dict[str, str | None]) -> bool:
    """No chain of ``up`` links (all pointing at keys or None) returns to where it started.

    By pointer doubling, looped in C: after round r, ``far[x]`` is the ancestor 2**r links up
    from x (None once the chain has ended). All None means every chain ends; a chain still going
    after 2**r >= len(up) links has visited some node twice, so it is a cycle.
    """
    keys: list[str | None] = list(up)
    far = list(up.values())
    reach = 1
    while any(far):
        if reach > len(keys):
            return False
        step = dict(zip(keys, far, strict=True))
        step[None] = None
        far = list(map(step.__getitem__, far))
        reach *= 2
    return True


def _links(lists: Lists, keys: dict[EntityKind, list[str]]) -> dict[str, dict[str, None]]:
    """The reverse index of references as ``add_in_order`` would build it, order included:
    referrers in the order they were added, a deferred reference after its whole collection."""
    links: defaultdict[str, dict[str, None]] = defaultdict(dict)
    for kind, entities in lists.items():
        ids = keys[kind]
        if kind is EntityKind.FORUM:
            seats = [(t, key) for key, f in zip(ids, entities, strict=True) for t in targets_of(f)]
            _add_links(links, seats)
            continue
        names = REFERENCE_FIELDS.get(type(entities[0])) if entities else None
        if not names:
            continue
        columns = [column(entities, name) for name in names]
        deferred: list[tuple[str, str]] = []
        late = LATE.get(kind)
        if late is not None:
            columns[names.index(late)], deferred = _split_late(columns[names.index(late)], ids)
        pairs = chain.from_iterable(zip(*(zip(c, ids, strict=True) for c in columns), strict=True))
        _add_links(links, [*filter(itemgetter(0), chain(pairs, deferred))])
    return dict(links)


def _add_links(links: defaultdict[str, dict[str, None]], pairs: list[tuple[str, str]]) -> None:
    """``links[target][source] = None`` for each (target, source) pair, in order, looped in C."""
    inner = map(links.__getitem__, map(itemgetter(0), pairs))
    deque(map(dict.__setitem__, inner, map(itemgetter(1), pairs), repeat(None)), maxlen=0)


def _split_late(targets: list[Any], ids: list[str]) -> tuple[list[Any], list[tuple[str, str]]]:
    """References to the entity itself or a later one (set by ``add_in_order`` in its second
    pass) as (target, source) pairs, and the column without them."""
    position = {key: i for i, key in enumerate(ids)}
    later = [
        (target, source)
        for i, (target, source) in enumerate(zip(targets, ids, strict=True))
        if target is not None and position[target] >= i
    ]
    if not later:
        return targets, []
    sources = {source for _, source in later}
    kept = [None if s in sources else t for t, s in zip(targets, ids, strict=True)]
    return kept, later
