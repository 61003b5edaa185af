"""The explorer's tree of a model as plain nodes, built in one pass and queried by key.

Teams form a tree (sub-teams, then members, then owned services under each team; people without a
team and services without an owner sit directly under "Teams"); platforms hold their versions;
embeds, forums, scenarios and views are flat lists. ``placement(entity)`` says under which node an
entity belongs, so the Qt model can tell an in-place change from a move. Qt-free.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from orgmodel.core.entities import Person, PlatformVersion, Service, Team
from orgmodel.core.kinds import EntityKind
from orgmodel.core.model import OrgModel, kind_of

ORGANISATION_KEY = "__organisation__"
_UIDS = itertools.count(1)

CATEGORIES: tuple[tuple[str, str, EntityKind], ...] = (
    ("cat:teams", "Teams", EntityKind.TEAM),
    ("cat:platforms", "Platforms", EntityKind.PLATFORM),
    ("cat:embeds", "Embeds", EntityKind.EMBED),
    ("cat:forums", "Forums", EntityKind.FORUM),
    ("cat:scenarios", "Scenarios", EntityKind.SCENARIO),
    ("cat:views", "Views", EntityKind.VIEW),
)
_CATEGORY_OF = {kind: key for key, _, kind in CATEGORIES}
_CATEGORY_OF[EntityKind.PERSON] = "cat:teams"
_CATEGORY_OF[EntityKind.SERVICE] = "cat:teams"


@dataclass(eq=False)
class Node:
    """One row of the tree: an entity (``key`` is its id), a category or the organisation."""

    key: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    kind: EntityKind | None = None  # None for categories and the organisation
    label: str = ""  # fixed text of categories
    uid: int = field(default_factory=lambda: next(_UIDS))  # unique across rebuilds

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child

    def row(self) -> int:
        return 0 if self.parent is None else self.parent.children.index(self)

    @property
    def is_entity(self) -> bool:
        return self.kind is not None


def placement(entity: Any) -> str | None:
    """The key of the node an entity sits under (None for entities not shown)."""
    kind = kind_of(entity)
    if isinstance(entity, Team):
        return entity.parent or "cat:teams"
    if isinstance(entity, Person):
        return entity.team or "cat:teams"
    if isinstance(entity, Service):
        return entity.owner or "cat:teams"
    if isinstance(entity, PlatformVersion):
        return entity.platform
    return _CATEGORY_OF.get(kind)


def build_tree(model: OrgModel) -> tuple[Node, dict[str, Node]]:
    """The root node and an index key -> node of every row."""
    root = Node("__root__")
    index: dict[str, Node] = {}

    def put(parent: Node, node: Node) -> Node:
        index[node.key] = parent.add(node)
        return node

    put(root, Node(ORGANISATION_KEY))
    categories = {key: put(root, Node(key, label=label)) for key, label, _ in CATEGORIES}
    children: dict[str | None, list[Any]] = defaultdict(list)
    for entity in (*model.teams.values(), *model.people.values(), *model.services.values()):
        children[placement(entity) if placement(entity) != "cat:teams" else None].append(entity)

    def add_team_contents(parent: Node, parent_key: str | None) -> None:
        items = children.get(parent_key, [])
        ordered = [e for e in items if isinstance(e, Team)] + [
            e for e in items if not isinstance(e, Team)
        ]
        for entity in ordered:
            node = put(parent, Node(entity.id, kind=kind_of(entity)))
            if isinstance(entity, Team):
                add_team_contents(node, entity.id)

    add_team_contents(categories["cat:teams"], None)
    versions: dict[str, list[PlatformVersion]] = defaultdict(list)
    for version in model.platform_versions.values():
        versions[version.platform].append(version)
    for platform in model.platforms.values():
        node = put(categories["cat:platforms"], Node(platform.id, kind=EntityKind.PLATFORM))
        for version in versions.get(platform.id, []):
            put(node, Node(version.id, kind=EntityKind.PLATFORM_VERSION))
    for key, _, kind in CATEGORIES[2:]:
        for entity in model.collection(kind).values():
            put(categories[key], Node(entity.id, kind=kind))
    return root, index
