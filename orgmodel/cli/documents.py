"""The ``orgmodel new``, ``orgmodel examples`` and ``orgmodel convert`` commands.

``new FILE [--example NAME] [--force]`` creates a .orgmodel document or orgmodel JSON (by its
ending), empty or from a bundled example, and refuses to replace an existing file without
``--force``. ``examples [--json]`` lists the bundled examples with their sizes. ``convert IN [IN ...] OUT``
reads and writes by file ending through ``orgmodel.interop.formats`` (importer options such as a
roster's ``--mapping`` pass through), replaces OUT atomically and prints what it read, what the
importer skipped, and what it wrote. Diagram formats draw a saved
view (``--view``, default the first one) or, with ``--whole``, every node and edge. Imports neither
Qt nor matplotlib. Not for inspecting documents (``info``/``validate``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from orgmodel.cli.common import DOCUMENT_SUFFIXES, print_json, save_model
from orgmodel.core.entities import Organisation, View
from orgmodel.core.errors import FormatError
from orgmodel.core.model import OrgModel

EXAMPLES_SCHEMA = "orgmodel.examples/1"


def register(name: str, parser: argparse.ArgumentParser) -> None:
    if name == "new":
        parser.add_argument("file", help="the document to create (.orgmodel or .json)")
        parser.add_argument(
            "--example",
            metavar="NAME",
            help="start from a bundled example (see 'orgmodel examples')",
        )
        parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    elif name == "examples":
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    else:
        parser.add_argument(
            "source",
            metavar="IN",
            nargs="+",
            help="a .orgmodel, .json, Backstage .yaml/.yml (or folder; several "
            "catalog files or folders are read together) or CSV roster",
        )
        parser.add_argument(
            "target",
            metavar="OUT",
            help="a .orgmodel, .json, .graphml, .yed.graphml, .gexf, .mmd, "
            ".dot/.gv or Backstage .yaml file (replaced if it exists)",
        )
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--view",
            metavar="NAME",
            help="the saved view a diagram format draws (default: the first)",
        )
        group.add_argument(
            "--whole",
            action="store_true",
            help="diagram formats draw every node and edge, not a view",
        )
        roster = parser.add_argument_group("CSV roster input")
        roster.add_argument(
            "--mapping", metavar="TOML", help="column mapping file ([columns], [roles], [teams])"
        )
        roster.add_argument("--services", metavar="CSV", help="side CSV of services")
        roster.add_argument("--embeds", metavar="CSV", help="side CSV of embeds")
        backstage = parser.add_argument_group("Backstage catalog input")
        backstage.add_argument(
            "--embeds-from-memberships",
            action="store_true",
            help="a user's second group membership becomes an embed",
        )


def run(args: argparse.Namespace) -> int:
    if args.command == "new":
        return _new(args.file, args.example, args.force)
    if args.command == "examples":
        return _examples(args.json)
    options = {
        "mapping": args.mapping,
        "services": args.services,
        "embeds": args.embeds,
        "embeds_from_memberships": args.embeds_from_memberships,
    }
    return _convert(args.source, args.target, args.view, args.whole, options)


def _counts(model: OrgModel) -> str:
    return f"{len(model.teams)} teams, {len(model.people)} people, {len(model.services)} services"


# ------------------------------------------------------------------------------------ new
def _new(file: str, example: str | None, force: bool) -> int:
    path = Path(file)
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise FormatError(f"{file}: a new document must end in .orgmodel or .json.")
    if path.is_dir():
        raise FormatError(f"{file} is a folder; give a file name for the new document.")
    if path.exists() and not force:
        raise FormatError(f"{file} already exists; use --force to replace it.")
    if not path.parent.is_dir():
        raise FormatError(f"Cannot create {file}: the folder {path.parent} does not exist.")
    if example is not None:
        from orgmodel.examples import load_example

        model = load_example(example)
        origin = f"from the example '{example}'"
    else:
        model = OrgModel(
            Organisation(
                name=path.stem.replace("_", " ").replace("-", " ").strip()
                or "Untitled organisation"
            )
        )
        origin = "empty"
    from orgmodel.interop.formats import replacing_document

    try:
        with replacing_document(path):
            save_model(model, str(path))
    except OSError as error:
        raise FormatError(f"Cannot write {file}: {error.strerror or error}.") from None
    print(f"Created {file} ({origin}: {_counts(model)}).")
    return 0


# ------------------------------------------------------------------------------- examples
def example_rows() -> list[dict[str, Any]]:
    from orgmodel.examples import list_examples, load_example

    rows = []
    for name, description in list_examples():
        model = load_example(name)
        rows.append(
            {
                "name": name,
                "description": description,
                "teams": len(model.teams),
                "people": len(model.people),
                "services": len(model.services),
            }
        )
    return rows


def _examples(as_json: bool) -> int:
    rows = example_rows()
    if as_json:
        print_json({"schema": EXAMPLES_SCHEMA, "examples": rows})
        return 0
    width = max(len(r["name"]) for r in rows)
    print(f"{'NAME':<{width}}  {'TEAMS':>5}  {'PEOPLE':>6}  {'SERVICES':>8}  DESCRIPTION")
    for r in rows:
        print(
            f"{r['name']:<{width}}  {r['teams']:>5}  {r['people']:>6}  {r['services']:>8}  "
            f"{r['description']}"
        )
    print("\nCreate a document from one: orgmodel new my.orgmodel --example NAME")
    return 0


# -------------------------------------------------------------------------------- convert
def _view_for(model: OrgModel, name: str | None, whole: bool) -> View | None:
    from orgmodel.interop.viewgraph import default_view, find_view

    if whole:
        return None
    if name is not None:
        return find_view(model, name)
    return default_view(model)


def _convert(
    sources: list[str], target: str, view_name: str | None, whole: bool, options: dict[str, Any]
) -> int:
    from orgmodel.interop.formats import read_any, write_any, writer_for

    out_format = writer_for(target)  # refuse an unknown OUT before reading anything
    imported, in_format = read_any(sources, **options)
    model = imported.model
    print(f"Read {', '.join(sources)} ({in_format.name}): {_counts(model)}.")
    for line in imported.report:
        print(f"  {line}")
    view: View | None = None
    if out_format.uses_view:
        plain_graphml = out_format.target.endswith(":write_graphml")
        view = _view_for(model, view_name, whole or (plain_graphml and view_name is None))
    elif view_name is not None:
        raise FormatError(f"--view applies to diagram formats, not to {out_format.name}.")
    fmt, summary = write_any(model, target, view)
    shown = f", view '{view.name}'" if view is not None else ""
    print(f"Wrote {target} ({fmt.name}{shown}): {summary or _counts(model)}.")
    return 0
