"""A compact team-tree layout for report pages, with its connector routes.

The canvas layouts (``analysis.layouts``) spread a tree wide for scrolling; a page needs the
same tree folded to a 16:9 area. Here each team is a block (its box, then its people, services,
platforms and versions in short columns on a comb), child teams hang in rows from a trunk on the
parent's left and wrap when a row would grow past a width, and the width is chosen so that the
labels come out largest on the page. Positions are box centres in canvas units (y down), routes
are polylines for the tree and comb connectors. Pure data: no matplotlib, no model writes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Point = tuple[float, float]
# Boxes are tighter than on the canvas: a page has no scroll bars.
TEAM_SIZE = (160.0, 40.0)
LEAF_SIZE = (134.0, 22.0)
H_GAP = 22.0
V_GAP = 26.0
LEAF_GAP = 4.0
LEAF_TOP = 9.0
INDENT = 18.0
CHILD_INDENT = 26.0
MAX_ROWS = 10


@dataclass
class Block:
    """A team (or a headless group of loose leaves) with its leaves and child blocks."""

    head: str | None
    leaves: list[str] = field(default_factory=list)
    children: list[Block] = field(default_factory=list)
    max_rows: int = MAX_ROWS

    def set_max_rows(self, rows: int) -> None:
        self.max_rows = rows
        for child in self.children:
            child.set_max_rows(rows)


@dataclass
class Placed:
    positions: dict[str, Point] = field(default_factory=dict)
    routes: dict[tuple[str, str], list[Point]] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0


def _leaf_columns(block: Block) -> list[list[str]]:
    """Leaves in balanced columns of at most ``block.max_rows``."""
    leaves, limit = block.leaves, block.max_rows
    if not leaves:
        return []
    count = -(-len(leaves) // limit)
    per = -(-len(leaves) // count)
    return [list(leaves[i : i + per]) for i in range(0, len(leaves), per)]


def _leaf_area(block: Block) -> tuple[float, float]:
    columns = _leaf_columns(block)
    if not columns:
        return 0.0, 0.0
    width = len(columns) * (INDENT + LEAF_SIZE[0]) + (len(columns) - 1) * H_GAP / 2
    rows = max(len(c) for c in columns)
    return width, LEAF_TOP + rows * LEAF_SIZE[1] + (rows - 1) * LEAF_GAP


def _rows(sizes: list[tuple[float, float]], max_width: float) -> list[list[int]]:
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, (w, _) in enumerate(sizes):
        if rows[-1] and used + H_GAP + w > max_width:
            rows.append([])
            used = 0.0
        used += (H_GAP if rows[-1] else 0.0) + w
        rows[-1].append(i)
    return rows


def measure(block: Block, max_width: float) -> tuple[float, float]:
    head_w, head_h = TEAM_SIZE if block.head else (0.0, 0.0)
    leaf_w, leaf_h = _leaf_area(block)
    width, height = max(head_w, leaf_w), head_h + leaf_h
    if block.children:
        sizes = [measure(child, max_width - CHILD_INDENT) for child in block.children]
        for row in _rows(sizes, max_width - CHILD_INDENT):
            row_w = sum(sizes[i][0] for i in row) + H_GAP * (len(row) - 1)
            width = max(width, CHILD_INDENT + row_w)
            height += V_GAP + max(sizes[i][1] for i in row)
    return width, height


def place(block: Block, x: float, y: float, max_width: float, out: Placed) -> None:
    """Place ``block`` with its top-left corner at (x, y)."""
    head_w, head_h = TEAM_SIZE if block.head else (0.0, 0.0)
    trunk = x + 12.0
    if block.head:
        out.positions[block.head] = (x + head_w / 2, y + head_h / 2)
    top = y + head_h
    for c, column in enumerate(_leaf_columns(block)):
        left = x + c * (INDENT + LEAF_SIZE[0] + H_GAP / 2)
        comb = left + INDENT / 2 if c else trunk
        for r, leaf in enumerate(column):
            cy = top + LEAF_TOP + r * (LEAF_SIZE[1] + LEAF_GAP) + LEAF_SIZE[1] / 2
            out.positions[leaf] = (left + INDENT + LEAF_SIZE[0] / 2, cy)
            if block.head:
                start = [(trunk, top), (trunk, top + LEAF_TOP / 2)] if c else [(trunk, top)]
                bend = [(comb, top + LEAF_TOP / 2)] if c else []
                out.routes[(leaf, block.head)] = [*start, *bend, (comb, cy), (left + INDENT, cy)]
    top += _leaf_area(block)[1]
    if not block.children:
        return
    sizes = [measure(child, max_width - CHILD_INDENT) for child in block.children]
    for row in _rows(sizes, max_width - CHILD_INDENT):
        top += V_GAP
        cx = x + CHILD_INDENT
        for i in row:
            child = block.children[i]
            place(child, cx, top, max_width - CHILD_INDENT, out)
            if block.head and child.head:
                ccx = cx + TEAM_SIZE[0] / 2
                out.routes[(child.head, block.head)] = [
                    (trunk, y + head_h), (trunk, top - V_GAP / 2), (ccx, top - V_GAP / 2), (ccx, top)]
            cx += sizes[i][0] + H_GAP
        top += max(sizes[i][1] for i in row)


def best_fit(block: Block, page: tuple[float, float]) -> Placed:
    """Try row widths and keep the one that makes the drawing largest on a ``page`` (w, h)."""
    widest_child = TEAM_SIZE[0] + CHILD_INDENT * 4 + INDENT + LEAF_SIZE[0] * 2
    natural = measure(block, 1e9)[0]
    candidates = {natural}
    width = widest_child
    while width < natural:
        candidates.add(width)
        width *= 1.25

    def scale(max_width: float) -> float:
        w, h = measure(block, max_width)
        return min(page[0] / max(w, 1.0), page[1] / max(h, 1.0))

    best: tuple[float, int, float] = (-1.0, MAX_ROWS, natural)
    for rows in (4, 6, 8, MAX_ROWS):
        block.set_max_rows(rows)
        for width in sorted(candidates):
            best = max(best, (scale(width), rows, width))
    _, rows, chosen = best
    block.set_max_rows(rows)
    out = Placed()
    place(block, 0.0, 0.0, chosen, out)
    out.width, out.height = measure(block, chosen)
    return out


def team_blocks(teams: Sequence[str], parent_of: Callable[[str], str | None],
                leaves_of: Callable[[str | None], list[str]]) -> Block:
    """The block tree: visible teams under their nearest visible ancestor, loose leaves last."""
    shown = set(teams)
    blocks = {t: Block(t, leaves_of(t)) for t in teams}
    root = Block(None)
    for team in teams:
        parent = parent_of(team)
        while parent is not None and parent not in shown:
            parent = parent_of(parent)
        (blocks[parent].children if parent else root.children).append(blocks[team])
    loose = leaves_of(None)
    if loose:
        root.children.append(Block(None, loose))
    return root.children[0] if len(root.children) == 1 else root
