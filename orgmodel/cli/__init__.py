"""The ``orgmodel`` command: the desktop app by default, sub-commands for headless work.

Each sub-command lives in its own module (``register(parser)`` adds its arguments, ``run(args)``
returns the exit code) and is imported only when invoked, so ``orgmodel info`` never imports Qt or
matplotlib. Exit codes: 0 success, 1 findings or a failed check, 2 bad usage or bad input (one
clear line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from orgmodel.core.errors import OrgModelError

# command -> (module under orgmodel.cli, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("documents", "create a document (empty, or from a bundled example)"),
    "examples": ("documents", "list the bundled examples"),
    "convert": ("documents", "convert between .orgmodel, .json, Backstage, CSV, GraphML, GEXF, Mermaid, DOT"),
    "info": ("inspect", "counts, ratios and headline metrics of a document"),
    "validate": ("inspect", "list findings; exit 1 if any is an error"),
    "simulate": ("simulate", "simulate support load and SRE capacity"),
    "sweep": ("sweep", "sweep scenario parameters and tabulate a headline metric"),
    "render": ("render", "render a saved diagram view to PNG, SVG or PDF"),
    "report": ("report", "write a presentation-ready PDF or PPTX report"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def _gui_parser() -> argparse.ArgumentParser:
    epilog = "commands:\n" + "\n".join(f"  {name:<10} {help_}" for name, (_, help_) in COMMANDS.items())
    parser = _Parser(
        prog="orgmodel",
        description="Model engineering organisations and simulate their operational load.",
        epilog=epilog + "\n\nRun 'orgmodel COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", help="a .orgmodel document or orgmodel JSON to open")
    parser.add_argument("--screenshot", metavar="PNG", help="render the main window offscreen to a PNG and exit")
    parser.add_argument("--smoke-test", action="store_true", help="check that the installed application works, then exit")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            name = args_list[0]
            module = importlib.import_module(f"orgmodel.cli.{COMMANDS[name][0]}")
            parser = _Parser(prog=f"orgmodel {name}", description=COMMANDS[name][1])
            module.register(name, parser)
            args = parser.parse_args(args_list[1:])
            args.command = name
            return int(module.run(args))
        args = _gui_parser().parse_args(args_list)
        if args.version:
            from orgmodel import __version__

            print(f"orgmodel {__version__}")
            return 0
        from orgmodel.cli import gui

        return int(gui.run(args))
    except OrgModelError as error:
        print(f"orgmodel: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("orgmodel: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
