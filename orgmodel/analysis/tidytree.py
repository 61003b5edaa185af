"""Tidy trees in linear time, and a fast check that boxes do not overlap. Pure data, no Qt.

``tidy_tree`` is Buchheim, Junger and Leipert's linear-time version of the Reingold-Tilford
algorithm (Walker's tidy drawing), written iteratively (no recursion limit on deep trees) over
flat arrays, for boxes of different widths: neighbours on a level keep a gap, a parent sits
centred over its first and last child, subtrees are packed as close as their contours allow.
Levels are stacked by their tallest box. ``overlapping_pairs`` finds intersecting boxes with a
grid hash (near-linear). Used by ``analysis.layouts``; not for choosing what is in the tree.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass
class _Tree:
    """Flat arrays of a rooted tree for the iterative Buchheim walk (index n = virtual root)."""

    kids: list[list[int]]
    parent: list[int]
    width: list[float]
    number: list[int] = field(default_factory=list)
    prelim: list[float] = field(default_factory=list)
    mod: list[float] = field(default_factory=list)
    shift: list[float] = field(default_factory=list)
    change: list[float] = field(default_factory=list)
    thread: list[int] = field(default_factory=list)
    ancestor: list[int] = field(default_factory=list)
    mid: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        n = len(self.kids)
        self.number = [1] * n
        for children in self.kids:
            for i, child in enumerate(children):
                self.number[child] = i + 1
        self.prelim, self.mod = [0.0] * n, [0.0] * n
        self.shift, self.change, self.mid = [0.0] * n, [0.0] * n, [0.0] * n
        self.thread = [-1] * n
        self.ancestor = list(range(n))


def _next_left(t: _Tree, v: int) -> int:
    return t.kids[v][0] if t.kids[v] else t.thread[v]


def _next_right(t: _Tree, v: int) -> int:
    return t.kids[v][-1] if t.kids[v] else t.thread[v]


def _gap(t: _Tree, a: int, b: int, gap: float) -> float:
    return (t.width[a] + t.width[b]) / 2.0 + gap


def _move_subtree(t: _Tree, wm: int, wp: int, shift: float) -> None:
    subtrees = t.number[wp] - t.number[wm]
    t.change[wp] -= shift / subtrees
    t.shift[wp] += shift
    t.change[wm] += shift / subtrees
    t.prelim[wp] += shift
    t.mod[wp] += shift


def _apportion(t: _Tree, v: int, default: int, gap: float) -> int:
    p = t.parent[v]
    if t.number[v] == 1:
        return default
    vip = vop = v
    vim = t.kids[p][t.number[v] - 2]
    vom = t.kids[p][0]
    sip, sop, sim, som = t.mod[vip], t.mod[vop], t.mod[vim], t.mod[vom]
    while _next_right(t, vim) >= 0 and _next_left(t, vip) >= 0:
        vim, vip = _next_right(t, vim), _next_left(t, vip)
        vom, vop = _next_left(t, vom), _next_right(t, vop)
        t.ancestor[vop] = v
        shift = (t.prelim[vim] + sim) - (t.prelim[vip] + sip) + _gap(t, vim, vip, gap)
        if shift > 0:
            anc = t.ancestor[vim]
            wm = anc if t.parent[anc] == p else default
            _move_subtree(t, wm, v, shift)
            sip += shift
            sop += shift
        sim += t.mod[vim]
        sip += t.mod[vip]
        som += t.mod[vom]
        sop += t.mod[vop]
    if _next_right(t, vim) >= 0 and _next_right(t, vop) < 0:
        t.thread[vop] = _next_right(t, vim)
        t.mod[vop] += sim - sop
    if _next_left(t, vip) >= 0 and _next_left(t, vom) < 0:
        t.thread[vom] = _next_left(t, vip)
        t.mod[vom] += sip - som
        default = v
    return default


def _place_children(t: _Tree, v: int, gap: float) -> None:
    """Second half of Buchheim's first walk for ``v`` once every child's subtree is done."""
    children = t.kids[v]
    default = children[0]
    for i, w in enumerate(children):
        if i > 0:
            left = children[i - 1]
            t.prelim[w] = t.prelim[left] + _gap(t, left, w, gap)
            if t.kids[w]:
                t.mod[w] = t.prelim[w] - t.mid[w]
        else:
            t.prelim[w] = t.mid[w]
        default = _apportion(t, w, default, gap)
    shift = change = 0.0
    for w in reversed(children):
        t.prelim[w] += shift
        t.mod[w] += shift
        change += t.change[w]
        shift += t.shift[w] + change
    t.mid[v] = (t.prelim[children[0]] + t.prelim[children[-1]]) / 2.0


def _postorder(kids: list[list[int]], root: int) -> list[int]:
    order: list[int] = []
    stack = [root]
    while stack:
        v = stack.pop()
        order.append(v)
        stack.extend(kids[v])
    order.reverse()
    return order


def tidy_tree(
    roots: Sequence[str],
    children: Mapping[str, Sequence[str]],
    sizes: Mapping[str, tuple[float, float]],
    h_gap: float = 36.0,
    v_gap: float = 64.0,
) -> dict[str, Box]:
    """Boxes of a forest laid out as tidy trees side by side, in linear time.

    Every node's box has its ``sizes`` (width, height); a level's top is below the tallest box
    of the level above plus ``v_gap``; neighbours on a level are at least ``h_gap`` apart.
    """
    index: dict[str, int] = {}
    order = list(roots)
    i = 0
    while i < len(order):
        index[order[i]] = i
        order.extend(c for c in children.get(order[i], ()) if c not in index)
        i += 1
    n = len(order)
    kids: list[list[int]] = [[index[c] for c in children.get(node, ())] for node in order]
    kids.append([index[r] for r in roots])
    parent = [n] * (n + 1)
    for v, cs in enumerate(kids):
        for c in cs:
            parent[c] = v
    tree = _Tree(kids, parent, [sizes[node][0] for node in order] + [0.0])
    if not roots:
        return {}
    for v in _postorder(kids, n):
        if kids[v]:
            _place_children(tree, v, h_gap)
    xs, depth = _second_walk(tree, n)
    tops = _level_tops(order, sizes, depth, v_gap)
    left = min(xs[v] - tree.width[v] / 2.0 for v in range(n))
    boxes: dict[str, Box] = {}
    for v, node in enumerate(order):
        w, h = sizes[node]
        x0 = xs[v] - w / 2.0 - left
        y0 = tops[depth[v]]
        boxes[node] = (x0, y0, x0 + w, y0 + h)
    return boxes


def _second_walk(t: _Tree, root: int) -> tuple[list[float], list[int]]:
    n = len(t.kids)
    xs, depth = [0.0] * n, [0] * n
    stack = [(root, 0.0, -1)]
    while stack:
        v, m, d = stack.pop()
        xs[v] = t.prelim[v] + m
        depth[v] = d
        for w in t.kids[v]:
            stack.append((w, m + t.mod[v], d + 1))
    return xs, depth


def _level_tops(
    order: Sequence[str], sizes: Mapping[str, tuple[float, float]], depth: Sequence[int], v_gap: float
) -> list[float]:
    heights: dict[int, float] = {}
    for v, node in enumerate(order):
        heights[depth[v]] = max(heights.get(depth[v], 0.0), sizes[node][1])
    tops, y = [], 0.0
    for d in range(max(heights) + 1 if heights else 0):
        tops.append(y)
        y += heights.get(d, 0.0) + v_gap
    return tops


def overlapping_pairs(boxes: Mapping[str, Box]) -> list[tuple[str, str]]:
    """Pairs of boxes whose interiors intersect (touching edges do not count); grid-hashed."""
    if not boxes:
        return []
    cell = max(max(b[2] - b[0], b[3] - b[1]) for b in boxes.values()) or 1.0
    grid: dict[tuple[int, int], list[str]] = {}
    found: set[tuple[str, str]] = set()
    for node, (l0, t0, r0, b0) in boxes.items():
        cells = [(cx, cy)
                 for cx in range(math.floor(l0 / cell), math.floor(r0 / cell) + 1)
                 for cy in range(math.floor(t0 / cell), math.floor(b0 / cell) + 1)]
        for key in cells:
            for other in grid.get(key, []):
                l1, t1, r1, b1 = boxes[other]
                if l0 < r1 and l1 < r0 and t0 < b1 and t1 < b0:
                    found.add((other, node))
            grid.setdefault(key, []).append(node)
    return sorted(found)
