"""The ``orgmodel render`` command: a saved diagram view to PNG, SVG or PDF, without a window.

``orgmodel render FILE [--view NAME] --out D.png|.svg|.pdf [--scale S] [--no-legend]`` draws the
view (the first one when --view is omitted) exactly as the canvas does, offscreen. An unknown view
exits 2 with one line listing the views. Qt is imported only when this command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from orgmodel.cli.common import load_model
from orgmodel.core.errors import FormatError

SUFFIXES = (".png", ".svg", ".pdf")


def register(name: str, parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a .orgmodel document or orgmodel JSON")
    parser.add_argument("--view", metavar="NAME", help="the saved view to draw (default: the first)")
    parser.add_argument("--out", required=True, metavar="FILE", help="output .png, .svg or .pdf")
    parser.add_argument("--scale", type=float, default=2.0, help="PNG pixels per diagram unit (default 2)")
    parser.add_argument("--no-legend", action="store_true", help="leave the legend out")


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in SUFFIXES:
        raise FormatError(f"{args.out}: the output must end in .png, .svg or .pdf.")
    if not 0.1 <= args.scale <= 16:
        raise FormatError("--scale must be between 0.1 and 16.")
    model = load_model(args.file)
    from orgmodel.ui.diagram.render import find_view, render_view

    view = find_view(model, args.view)
    render_view(model, view, out, scale=args.scale, legend=not args.no_legend)
    print(f"Wrote {out} ({view.name if view else 'whole organisation'})", file=sys.stderr)
    return 0
