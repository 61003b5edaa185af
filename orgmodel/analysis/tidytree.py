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

Box = tuple[float, float, float, float]  # left, top, right, bottom


def _next_left(kids: list[list[int]], thread: list[int], v: int) -> int:
    return kids[v][0] if kids[v] else thread[v]


def _next_right(kids: list[list[int]], thread: list[int], v: int) -> int:
    return kids[v][-1] if kids[v] else thread[v]


def _first_walk(kids: list[list[int]], width: list[float], gap: float) -> tuple[list[float], list[float]]:
    """Buchheim's first walk: every node's preliminary x relative to its siblings and the
    modifier its subtree moves by (``prelim``, ``mod``).

    ``kids`` is in breadth-first order with the virtual root last, so walking it backwards
    finishes every child's subtree before its parent; a parent then places its children left
    to right, each pushed clear of its left siblings' contours (``apportion``). Subtrees do not
    share state, so this order gives the same numbers as the recursive post-order walk.
    """
    n = len(kids)
    parent, number = [-1] * n, [1] * n
    for v, children in enumerate(kids):
        for i, child in enumerate(children, 1):
            parent[child], number[child] = v, i
    prelim, mod, mid = [0.0] * n, [0.0] * n, [0.0] * n
    shifts, changes = [0.0] * n, [0.0] * n
    thread, ancestor = [-1] * n, list(range(n))
    for v in (*range(n - 2, -1, -1), n - 1):
        children = kids[v]
        if not children:
            continue
        default = left = children[0]
        prelim[left] = mid[left]
        for w in children[1:]:
            prelim[w] = prelim[left] + ((width[left] + width[w]) / 2.0 + gap)
            if kids[w]:
                mod[w] = prelim[w] - mid[w]
            # apportion: walk the right contour of the left siblings (vim) against the left
            # contour of w (vip), with the outer contours (vom, vop) and the summed modifiers
            vip = vop = w
            vim, vom = left, children[0]
            sip, sop, sim, som = mod[vip], mod[vop], mod[vim], mod[vom]
            while True:
                below = kids[vim]
                next_im = below[-1] if below else thread[vim]
                if next_im < 0:
                    break
                below = kids[vip]
                next_ip = below[0] if below else thread[vip]
                if next_ip < 0:
                    break
                vim, vip = next_im, next_ip
                vom, vop = _next_left(kids, thread, vom), _next_right(kids, thread, vop)
                ancestor[vop] = w
                shift = (prelim[vim] + sim) - (prelim[vip] + sip) + ((width[vim] + width[vip]) / 2.0 + gap)
                if shift > 0:
                    anc = ancestor[vim]
                    wm = anc if parent[anc] == v else default
                    # move w's subtree right, spreading the shift over the siblings between
                    share = shift / (number[w] - number[wm])
                    changes[w] -= share
                    shifts[w] += shift
                    changes[wm] += share
                    prelim[w] += shift
                    mod[w] += shift
                    sip += shift
                    sop += shift
                sim += mod[vim]
                sip += mod[vip]
                som += mod[vom]
                sop += mod[vop]
            if _next_right(kids, thread, vim) >= 0 and _next_right(kids, thread, vop) < 0:
                thread[vop] = _next_right(kids, thread, vim)
                mod[vop] += sim - sop
            if _next_left(kids, thread, vip) >= 0 and _next_left(kids, thread, vom) < 0:
                thread[vom] = _next_left(kids, thread, vip)
                mod[vom] += sip - som
                default = w
            left = w
        # execute the shifts: spread each subtree's move over the siblings between
        shift = change = 0.0
        for w in reversed(children):
            prelim[w] += shift
            mod[w] += shift
            change += changes[w]
            shift += shifts[w] + change
        mid[v] = (prelim[children[0]] + prelim[children[-1]]) / 2.0
    return prelim, mod


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
    if not roots:
        return {}
    index: dict[str, int] = {}
    order = list(roots)
    for i, node in enumerate(order):  # breadth first: the loop also visits what it appends
        index[node] = i
        below = children.get(node)
        if below:
            order.extend([c for c in below if c not in index])
    n = len(order)
    kids: list[list[int]] = []
    for node in order:
        below = children.get(node)
        kids.append([index[c] for c in below] if below else [])
    kids.append([index[r] for r in roots])  # the virtual root, n
    node_sizes = [sizes[node] for node in order]
    width = [w for w, _ in node_sizes]
    width.append(0.0)
    prelim, mod = _first_walk(kids, width, h_gap)
    # second walk, top down: x = prelim + the modifiers of all ancestors; depth of each level
    modsum, depth = [0.0] * (n + 1), [0] * (n + 1)
    depth[n] = -1
    for v in (n, *range(n)):
        below_mod, below_depth = modsum[v] + mod[v], depth[v] + 1
        for w in kids[v]:
            modsum[w], depth[w] = below_mod, below_depth
    lefts = [prelim[v] + modsum[v] - width[v] / 2.0 for v in range(n)]
    left = min(lefts)
    heights: dict[int, float] = {}  # the tallest box of each level
    for d, (_, h) in zip(depth, node_sizes, strict=False):  # depth[n]: virtual root
        tallest = heights.get(d, 0.0)
        heights[d] = h if h > tallest else tallest
    tops, y = [], 0.0
    for d in range(max(heights) + 1):
        tops.append(y)
        y += heights.get(d, 0.0) + v_gap
    boxes: dict[str, Box] = {}
    for node, x, d, (w, h) in zip(order, lefts, depth, node_sizes, strict=False):
        x0 = x - left
        y0 = tops[d]
        boxes[node] = (x0, y0, x0 + w, y0 + h)
    return boxes


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
