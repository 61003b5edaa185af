"""Diagram layouts as data: ``{node_id: (x, y)}`` centre positions, no Qt.

Three layouts of the diagram nodes (teams, people, services, platforms, platform versions,
forums), each optionally restricted to a subset of node ids (what a filtered view shows):

- ``org_chart``: a tidy tree (Buchheim-Junger-Leipert's linear-time Reingold-Tilford) over the
  team tree, each team drawn as a block with its people, services and platforms in columns below.
- ``platform_stack``: layers from the top: groups, software, automation, SRE and platform teams,
  then the platforms with their versions at the bottom; members in columns under each team.
- ``force``: networkx ``spring_layout`` snapped to a grid so boxes never overlap; refused above
  ``FORCE_LIMIT`` nodes (it is quadratic; use a tidy layout instead).

Node box sizes come from ``analysis.styles`` so a layout never puts two canvas boxes on top of
each other (``overlapping_pairs`` checks it); the tidy tree itself lives in ``tidytree``. Not for
drawing, routing edges or saving positions.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from orgmodel.analysis.styles import LEAF_SIZE, TEAM_SIZE, node_size
from orgmodel.analysis.tidytree import Box, overlapping_pairs, tidy_tree
from orgmodel.core.entities import Team
from orgmodel.core.errors import OrgModelError
from orgmodel.core.kinds import EntityKind, Layout, Role, TeamKind
from orgmodel.core.model import OrgModel

__all__ = [
    "FORCE_LIMIT", "LayoutTooLargeError", "Positions", "boxes_of", "diagram_nodes", "force",
    "layout", "org_chart", "overlapping_pairs", "platform_stack", "tidy_tree",
]

Point = tuple[float, float]
Positions = dict[str, Point]

H_GAP = 36.0  # between neighbouring blocks on one level
V_GAP = 64.0  # between levels
LEAF_TOP_GAP = 24.0  # team box to its first leaf row
ROW_GAP = 10.0
COL_GAP = 14.0
INDENT = 22.0  # room left of each leaf column for the comb connector
TRUNK_GAP = 8.0  # between a parent team's centre line and its leaf columns
MAX_ROWS = 8
WRAP_AT = 4  # a team with more childless sub-teams than this stacks them in rows
MIN_STACK_WIDTH = 2400.0  # the platform stack wraps a layer into rows beyond this width or more
MAX_ASPECT = 2.5  # wrap more levels while the org chart is wider than this times its height
FORCE_LIMIT = 500

GRAPH_KIND = {
    EntityKind.TEAM: "team",
    EntityKind.PERSON: "person",
    EntityKind.SERVICE: "service",
    EntityKind.PLATFORM: "platform",
    EntityKind.PLATFORM_VERSION: "platform_version",
    EntityKind.FORUM: "forum",
}


class LayoutTooLargeError(OrgModelError):
    """The force layout was asked to place more nodes than it can in reasonable time."""


def diagram_nodes(model: OrgModel) -> dict[str, str]:
    """Every diagram node of the model: id -> graph kind ("team", "person", ...), in model order."""
    nodes: dict[str, str] = {}
    for kind, name in GRAPH_KIND.items():
        for entity_id in model.collection(kind):
            nodes[entity_id] = name
    return nodes


# ---------------------------------------------------------------------------- blocks
_HALF_LEAF_W, _HALF_LEAF_H = LEAF_SIZE[0] / 2.0, LEAF_SIZE[1] / 2.0
_COL_STEP = INDENT + LEAF_SIZE[0] + COL_GAP  # from one leaf column to the next
# a leaf row's top below the first row's: the same for every column of a block
_ROW_TOPS = tuple(i * (LEAF_SIZE[1] + ROW_GAP) for i in range(MAX_ROWS))


class _Block:
    """A team box (or none) with its leaves in columns of at most MAX_ROWS below it, and
    optionally its childless sub-teams wrapped in rows either side of a central trunk.

    ``own`` is the size of the box with its columns, ``size`` that with the rows below; both
    are plain attributes (``set_rows`` recomputes ``size``), read many times per layout."""

    __slots__ = ("head", "columns", "head_size", "beside_trunk", "rows", "columns_width",
                 "leaf_rows", "own", "size")

    def __init__(self, head: str | None, columns: list[list[str]], beside_trunk: bool = False,
                 head_size: tuple[float, float] = TEAM_SIZE) -> None:
        self.head = head
        self.columns = columns
        self.head_size = head_size
        self.beside_trunk = beside_trunk  # leaves right of the centre line (the tree edges')
        self.rows: list[list[_Block]] = []
        head_w, head_h = head_size if head else (0.0, 0.0)
        if columns:
            cols = len(columns)
            width = self.columns_width = cols * (INDENT + LEAF_SIZE[0]) + (cols - 1) * COL_GAP
            if beside_trunk:
                width = 2 * (TRUNK_GAP + width)
            rows = self.leaf_rows = max(map(len, columns))
            height = rows * LEAF_SIZE[1] + (rows - 1) * ROW_GAP + (head_h + LEAF_TOP_GAP if head else 0)
            self.own = (width if width > head_w else head_w, height)
        else:
            self.columns_width, self.leaf_rows = 0.0, 0
            self.own = (head_w, head_h)
        self.size = self.own

    def set_rows(self, rows: list[list[_Block]]) -> None:
        """Hang ``rows`` of finished blocks (their sizes no longer change) below this one."""
        self.rows = rows
        self.size = self._compute_size()

    @staticmethod
    def _side_width(side: Sequence[_Block]) -> float:
        return sum(b.size[0] for b in side) + H_GAP * max(0, len(side) - 1)

    def _compute_size(self) -> tuple[float, float]:
        width, height = self.own
        for row in self.rows:
            half = (len(row) + 1) // 2
            sides = max(self._side_width(row[:half]), self._side_width(row[half:]))
            width = max(width, 2 * (sides + H_GAP / 2.0))
            height += V_GAP + max(b.size[1] for b in row)
        return width, height

    def place(self, box: Box, out: Positions) -> None:
        left, top, right, _ = box
        cx = (left + right) / 2.0
        y = top
        if self.head:
            out[self.head] = (cx, top + self.head_size[1] / 2.0)
            y = top + self.head_size[1] + LEAF_TOP_GAP
        if self.columns:
            x = cx + TRUNK_GAP if self.beside_trunk else cx - self.columns_width / 2.0
            # the i-th leaf of every column is on the same row: its centre once per block
            row_ys = [y + dy + _HALF_LEAF_H for dy in _ROW_TOPS[: self.leaf_rows]]
            for column in self.columns:
                leaf_x = x + INDENT + _HALF_LEAF_W
                for i, leaf in enumerate(column):
                    out[leaf] = (leaf_x, row_ys[i])
                x += _COL_STEP
        y = top + self.own[1]
        for row in self.rows:
            y += V_GAP
            half = (len(row) + 1) // 2
            x = cx - H_GAP / 2.0 - self._side_width(row[:half])
            for block in row[:half]:
                w, h = block.size
                block.place((x, y, x + w, y + h), out)
                x += w + H_GAP
            x = cx + H_GAP / 2.0
            for block in row[half:]:
                w, h = block.size
                block.place((x, y, x + w, y + h), out)
                x += w + H_GAP
            y += max(b.size[1] for b in row)


def _wrap_rows(blocks: list[_Block]) -> list[list[_Block]]:
    """Childless sub-teams in rows of 2 * per_side, per_side growing with their number."""
    per_row = 2 * max(1, round(math.sqrt(len(blocks)) / 1.5))
    return [blocks[i : i + per_row] for i in range(0, len(blocks), per_row)]


def _columns(groups: Iterable[list[str]]) -> list[list[str]]:
    """Leaves in columns: each non-empty group starts a column, overflowing every MAX_ROWS."""
    columns: list[list[str]] = []
    for group in groups:
        if len(group) <= MAX_ROWS:
            if group:
                columns.append(group[:])
        else:
            for i in range(0, len(group), MAX_ROWS):
                columns.append(group[i : i + MAX_ROWS])
    return columns


@dataclass
class _Leaves:
    """Visible leaves grouped by the team they hang under (key None: no visible team)."""

    people: dict[str | None, list[str]] = field(default_factory=dict)
    services: dict[str | None, list[str]] = field(default_factory=dict)
    platforms: dict[str | None, list[list[str]]] = field(default_factory=dict)  # one per platform
    forums: list[str] = field(default_factory=list)

    def groups(self, team: str | None) -> list[list[str]]:
        return [self.people.get(team, []), self.services.get(team, []),
                *self.platforms.get(team, ())]


def _visible(model: OrgModel, nodes: Collection[str] | None) -> set[str]:
    return set(diagram_nodes(model)) if nodes is None else set(nodes)


def _group_leaves(model: OrgModel, shown: set[str], teams: set[str]) -> _Leaves:
    # every leaf of the model passes through here: one loop per kind, no helper calls
    if len(shown) == len(teams):  # teams only (a large model's first view): no leaves to group
        return _Leaves({}, {}, {}, [])
    managers: defaultdict[str | None, list[str]] = defaultdict(list)  # head their team's column
    people: defaultdict[str | None, list[str]] = defaultdict(list)
    manager = Role.MANAGER  # (reading an Enum member goes through EnumType.__getattr__'s hook)
    for person in model.people.values():
        person_id = person.id
        if person_id in shown:
            team = person.team
            home = team if team in teams else None
            (managers if person.role is manager else people)[home].append(person_id)
    for team, heads in managers.items():
        people[team] = heads + people.get(team, [])
    services: defaultdict[str | None, list[str]] = defaultdict(list)
    for service in model.services.values():
        service_id = service.id
        if service_id in shown:
            owner = service.owner
            services[owner if owner in teams else None].append(service_id)
    versions: dict[str, list[str]] = {}
    for version in model.platform_versions.values():
        if version.id in shown:
            versions.setdefault(version.platform, []).append(version.id)
    platforms: dict[str | None, list[list[str]]] = {}
    for platform in model.platforms.values():
        group = [platform.id] if platform.id in shown else []
        group.extend(versions.pop(platform.id, []))
        if group:
            owner = platform.owner
            platforms.setdefault(owner if owner in teams else None, []).append(group)
    for orphans in versions.values():
        platforms.setdefault(None, []).append(orphans)
    forums = [f for f in model.forums if f in shown]
    return _Leaves(dict(people), dict(services), platforms, forums)


def _visible_parent(all_teams: Mapping[str, Team], team_id: str, teams: set[str]) -> str | None:
    parent = all_teams[team_id].parent
    while parent is not None and parent not in teams:
        parent = all_teams[parent].parent
    return parent


# ---------------------------------------------------------------------------- layouts
def org_chart(model: OrgModel, nodes: Collection[str] | None = None) -> Positions:
    """A tidy tree of the visible teams, each with its visible leaves in columns below it."""
    shown = _visible(model, nodes)
    all_teams = model.teams
    teams = [t for t in all_teams if t in shown]
    team_set = set(teams)
    leaves = _group_leaves(model, shown, team_set)
    children: dict[str, list[str]] = {}
    roots: list[str] = []
    for team in teams:
        parent = _visible_parent(all_teams, team, team_set)
        (children.setdefault(parent, []) if parent else roots).append(team)
    blocks = {t: _Block(t, _columns(leaves.groups(t)), t in children) for t in teams}
    for key, group in (("~loose", leaves.groups(None)), ("~forums", [leaves.forums])):
        columns = _columns(group)
        if columns:
            blocks[key] = _Block(None, columns)
            roots.append(key)
    boxes = _wrapped_tidy_tree(roots, children, blocks)
    out: Positions = {}
    for key, block in blocks.items():
        block.place(boxes[key], out)
    return out


def _wrapped_tidy_tree(
    roots: list[str], children: dict[str, list[str]], blocks: dict[str, _Block]
) -> dict[str, Box]:
    """A tidy tree of blocks. Fan-outs of more than WRAP_AT childless sub-teams are wrapped
    into rows first (if there are none, the tree is returned as it is); then, while the tree
    is much wider than tall, the deepest fan-outs of more than two are wrapped too."""
    if not _wrap_fans(children, blocks, WRAP_AT):
        return _tidy_blocks(roots, children, blocks)
    while True:
        boxes = _tidy_blocks(roots, children, blocks)
        width = max(map(itemgetter(2), boxes.values()), default=0.0)
        height = max(map(itemgetter(3), boxes.values()), default=0.0)
        if width <= MAX_ASPECT * height or not _wrap_fans(children, blocks, 2):
            return boxes


def _tidy_blocks(roots: list[str], children: dict[str, list[str]], blocks: dict[str, _Block]) -> dict[str, Box]:
    return tidy_tree(roots, children, {k: b.size for k, b in blocks.items()}, H_GAP, V_GAP)


def _wrap_fans(children: dict[str, list[str]], blocks: dict[str, _Block], wrap_at: int) -> bool:
    """Wrap every parent with more than ``wrap_at`` sub-teams, none with sub-teams of their
    own, into rows of them (taking them out of ``children`` and ``blocks``); False if none."""
    fans = [p for p, kids in children.items() if len(kids) > wrap_at and children.keys().isdisjoint(kids)]
    for parent in fans:
        blocks[parent].set_rows(_wrap_rows([blocks.pop(k) for k in children.pop(parent)]))
    return bool(fans)


STACK_ROWS = (TeamKind.GROUP, TeamKind.SOFTWARE, TeamKind.AUTOMATION, TeamKind.SRE, TeamKind.PLATFORM)


def platform_stack(model: OrgModel, nodes: Collection[str] | None = None) -> Positions:
    """Layers: groups, software, automation, SRE, platform teams, then platforms and versions."""
    shown = _visible(model, nodes)
    order = _team_tree_order(model)
    team_set = {t for t in order if t in shown}
    leaves = _group_leaves(model, shown, team_set)
    rows: list[list[_Block]] = []
    for kind in STACK_ROWS:
        row = []
        for team in order:
            if team in team_set and model.teams[team].kind is kind:
                groups = [leaves.people.get(team, []), leaves.services.get(team, []),
                          *leaves.platforms.get(team, [])]
                row.append(_Block(team, _columns(groups)))
        if kind is TeamKind.SOFTWARE:
            loose = _columns([leaves.people.get(None, []), leaves.services.get(None, [])])
            row += [_Block(None, loose)] if loose else []
        rows.append(row)
    foundation = _columns(leaves.platforms.get(None, []))  # platforms of no shown team
    rows.append([_Block(None, foundation)] if foundation else [])
    rows.append([_Block(None, _columns([leaves.forums]))] if leaves.forums else [])
    return _place_rows([r for r in rows if r])


def _team_tree_order(model: OrgModel) -> list[str]:
    order: list[str] = []
    stack = list(reversed([t.id for t in model.children(None)]))
    kids: dict[str, list[str]] = {}
    for team in model.teams.values():
        if team.parent is not None:
            kids.setdefault(team.parent, []).append(team.id)
    while stack:
        team_id = stack.pop()
        order.append(team_id)
        stack.extend(reversed(kids.get(team_id, [])))
    return order


def _place_rows(layers: list[list[_Block]]) -> Positions:
    """Layers top to bottom; a layer wider than the stack's width wraps into centred rows."""
    sizes = {id(b): b.size for layer in layers for b in layer}
    area = sum((w + H_GAP) * (h + V_GAP) for w, h in sizes.values())
    widest = max((w for w, _ in sizes.values()), default=0.0)
    limit = max(MIN_STACK_WIDTH, widest, 1.6 * math.sqrt(area))
    out: Positions = {}
    top = 0.0
    for layer in layers:
        for row in _split_row(layer, sizes, limit):
            total = sum(sizes[id(b)][0] for b in row) + H_GAP * (len(row) - 1)
            x = -total / 2.0
            for block in row:
                w, h = sizes[id(block)]
                block.place((x, top, x + w, top + h), out)
                x += w + H_GAP
            top += max(sizes[id(b)][1] for b in row) + V_GAP
        top += V_GAP / 2.0  # layers stand further apart than the rows of one layer
    return out


def _split_row(layer: list[_Block], sizes: Mapping[int, tuple[float, float]],
               limit: float) -> list[list[_Block]]:
    rows: list[list[_Block]] = [[]]
    width = 0.0
    for block in layer:
        w = sizes[id(block)][0]
        if rows[-1] and width + H_GAP + w > limit:
            rows.append([])
            width = 0.0
        width += (H_GAP if rows[-1] else 0.0) + w
        rows[-1].append(block)
    return rows


def force(
    model: OrgModel, nodes: Collection[str] | None = None, *, seed: int = 7, limit: int | None = None
) -> Positions:
    """A spring layout of the visible nodes and their relations, snapped to a non-overlapping grid
    (refused above ``limit`` nodes, by default ``FORCE_LIMIT``)."""
    import networkx as nx

    from orgmodel.analysis.graph import build_graph

    shown = _visible(model, nodes)
    limit = FORCE_LIMIT if limit is None else limit
    if len(shown) > limit:
        raise LayoutTooLargeError(
            f"The force layout handles up to {limit} nodes; this view shows {len(shown)}. "
            "Filter the view or use the org chart or platform stack layout."
        )
    if not shown:
        return {}
    graph = nx.Graph()
    ordered = [n for n in diagram_nodes(model) if n in shown]
    graph.add_nodes_from(ordered)
    graph.add_edges_from((u, v) for u, v in build_graph(model).edges() if u in shown and v in shown)
    raw = nx.spring_layout(graph, seed=seed, iterations=80)
    return _snap_to_grid(ordered, {n: (float(p[0]), float(p[1])) for n, p in raw.items()})


def _snap_to_grid(ordered: Sequence[str], raw: Mapping[str, Point]) -> Positions:
    """Scale unit positions to the canvas and move each node to the nearest free grid cell."""
    # gaps wide enough that neighbours read as separate and the edges between them show
    cell_w, cell_h = TEAM_SIZE[0] + H_GAP, TEAM_SIZE[1] + ROW_GAP * 3
    spread = math.sqrt(len(ordered)) * 1.1
    taken: set[tuple[int, int]] = set()
    out: Positions = {}
    rank = {n: i for i, n in enumerate(ordered)}
    by_centre = sorted(ordered, key=lambda n: (raw[n][0] ** 2 + raw[n][1] ** 2, rank[n]))
    for node in by_centre:
        x, y = raw[node]
        cell = _free_cell((round(x * spread), round(y * spread * 2)), taken)
        taken.add(cell)
        out[node] = (cell[0] * cell_w, cell[1] * cell_h)
    return {n: out[n] for n in ordered}


def _free_cell(start: tuple[int, int], taken: set[tuple[int, int]]) -> tuple[int, int]:
    if start not in taken:
        return start
    for radius in range(1, 10_000):
        ring = [(start[0] + dx, start[1] + dy)
                for dx in range(-radius, radius + 1) for dy in range(-radius, radius + 1)
                if max(abs(dx), abs(dy)) == radius]
        ring.sort(key=lambda c: ((c[0] - start[0]) ** 2 + (c[1] - start[1]) ** 2, c))
        for cell in ring:
            if cell not in taken:
                return cell
    raise RuntimeError("no free grid cell")  # pragma: no cover - unreachable in practice


def layout(model: OrgModel, name: Layout | str, nodes: Collection[str] | None = None) -> Positions:
    """The named layout (``manual`` falls back to the org chart for nodes without a position)."""
    kind = Layout(name)
    if kind is Layout.PLATFORM_STACK:
        return platform_stack(model, nodes)
    if kind is Layout.FORCE:
        return force(model, nodes)
    return org_chart(model, nodes)


def boxes_of(positions: Mapping[str, Point], kinds: Mapping[str, str]) -> dict[str, Box]:
    """Canvas boxes (left, top, right, bottom) of positioned nodes, sized by their kind."""
    boxes: dict[str, Box] = {}
    for node, (x, y) in positions.items():
        w, h = node_size(kinds[node])
        boxes[node] = (x - w / 2.0, y - h / 2.0, x + w / 2.0, y + h / 2.0)
    return boxes
