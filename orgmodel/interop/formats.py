"""The file formats OrgModel reads and writes, chosen by file name (used by ``orgmodel convert``).

``READERS`` and ``WRITERS`` list each format's name, its file endings and where its function lives
(``"module:function"``, imported only when used, so the command line starts fast). Adding a format
is one line. A reader takes a path and returns an ``OrgModel``, a ``(model, report)`` pair (the
report a list of lines or an object with ``lines()``) or an ``Imported``; a writer takes
``(model, path)`` plus ``view=`` when it draws a view, writes atomically, and may return a
one-line summary. ``read_any`` / ``write_any`` pick by ending (the longest matching one wins, so
``.yed.graphml`` beats ``.graphml``). Readers may take keyword options (``Format.options``) and,
when ``many`` is set, several sources at once. Not for the formats themselves: see their modules.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from orgmodel.core.entities import View
from orgmodel.core.errors import FormatError
from orgmodel.core.model import OrgModel


@dataclass(frozen=True)
class Format:
    name: str
    endings: tuple[str, ...]
    target: str  # "package.module:function"
    folders: bool = False  # a reader that also takes a folder
    uses_view: bool = False  # a writer that draws one saved view
    options: tuple[str, ...] = ()  # keyword options a reader takes (convert's --flags)
    many: bool = False  # a reader that takes several sources at once


@dataclass(frozen=True)
class Imported:
    """What a reader produced: the model and lines saying what was taken and what was skipped."""

    model: OrgModel
    report: tuple[str, ...] = ()


READERS: list[Format] = [
    Format("OrgModel document", (".orgmodel",), "orgmodel.persistence.store:open_document"),
    Format("orgmodel JSON", (".json",), "orgmodel.interop.orgjson:read_json"),
    Format(
        "Backstage catalog",
        (".yaml", ".yml"),
        "orgmodel.interop.backstage_import:import_backstage",
        folders=True,
        many=True,
        options=("embeds_from_memberships",),
    ),
    Format(
        "CSV roster",
        (".csv",),
        "orgmodel.interop.formats:read_roster",
        options=("mapping", "services", "embeds"),
    ),
]

WRITERS: list[Format] = [
    Format("OrgModel document", (".orgmodel",), "orgmodel.interop.formats:write_document"),
    Format("orgmodel JSON", (".json",), "orgmodel.interop.orgjson:write_json"),
    Format(
        "GraphML for yEd",
        (".yed.graphml",),
        "orgmodel.interop.graphml:write_yed_graphml",
        uses_view=True,
    ),
    Format("GraphML", (".graphml",), "orgmodel.interop.graphml:write_graphml", uses_view=True),
    Format("GEXF 1.3", (".gexf",), "orgmodel.interop.gexf:write_gexf", uses_view=True),
    Format(
        "Mermaid", (".mmd", ".mermaid"), "orgmodel.interop.mermaid:write_mermaid", uses_view=True
    ),
    Format("DOT (Graphviz)", (".dot", ".gv"), "orgmodel.interop.dot:write_dot", uses_view=True),
    Format(
        "Backstage catalog", (".yaml", ".yml"), "orgmodel.interop.backstage_export:write_backstage"
    ),
]


def _endings(formats: list[Format]) -> str:
    return ", ".join(e for f in formats for e in f.endings)


def find_format(formats: list[Format], path: Path, *, folder: bool = False) -> Format | None:
    """The format whose longest ending matches ``path`` (a folder: the first folder reader)."""
    if folder:
        return next((f for f in formats if f.folders), None)
    name = path.name.lower()
    matches = [(len(e), f) for f in formats for e in f.endings if name.endswith(e)]
    return max(matches, key=lambda pair: pair[0])[1] if matches else None


def _function(fmt: Format) -> Callable[..., Any]:
    module_name, _, attribute = fmt.target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and module_name.startswith(error.name):
            raise FormatError(
                f"{fmt.name} files are not supported by this build of OrgModel."
            ) from None
        raise
    function: Callable[..., Any] = getattr(module, attribute)
    return function


def _report_lines(report: Any) -> tuple[str, ...]:
    if report is None:
        return ()
    lines = report.lines() if callable(getattr(report, "lines", None)) else report
    return tuple(str(line) for line in lines)


def reader_for(source: Path) -> Format:
    if not source.exists():
        raise FormatError(f"{source}: no such file or folder.")
    fmt = find_format(READERS, source, folder=source.is_dir())
    if fmt is None:
        what = "folder" if source.is_dir() else "file"
        raise FormatError(
            f"{source}: cannot read this {what}; OrgModel reads "
            f"{_endings(READERS)} files and Backstage catalog folders."
        )
    return fmt


def _flag(option: str) -> str:
    return "--" + option.replace("_", "-")


def read_any(paths: str | Path | Sequence[str | Path], **options: Any) -> tuple[Imported, Format]:
    """Read one source (or several, for readers that combine them) chosen by ending or folder.

    ``options`` set to something other than None/False go to the reader; an option the reader
    does not take is refused, naming it as the command line spells it.
    """
    sources = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    if not sources:
        raise FormatError("Nothing to read was given.")
    found = [reader_for(source) for source in sources]
    fmt = found[0]
    if any(other != fmt for other in found[1:]):
        raise FormatError(
            f"{sources[0]} and the other inputs are not all {fmt.name} files; "
            "convert one kind of input at a time."
        )
    if len(sources) > 1 and not fmt.many:
        raise FormatError(f"{fmt.name} files are read one at a time; give a single input.")
    given = {k: v for k, v in options.items() if v is not None and v is not False}
    wrong = sorted(set(given) - set(fmt.options))
    if wrong:
        raise FormatError(f"{_flag(wrong[0])} does not apply to {fmt.name} input.")
    result = _function(fmt)(*sources, **given)
    if isinstance(result, Imported):
        return result, fmt
    if isinstance(result, tuple):
        model, report = result
        return Imported(model, _report_lines(report)), fmt
    return Imported(result), fmt


def writer_for(path: str | Path) -> Format:
    fmt = find_format(WRITERS, Path(path))
    if fmt is None:
        raise FormatError(
            f"{path}: cannot write this kind of file; OrgModel writes {_endings(WRITERS)}."
        )
    return fmt


def write_any(model: OrgModel, path: str | Path, view: View | None = None) -> tuple[Format, str]:
    """Write ``model`` (``view`` for formats that draw one) to ``path`` by its ending.

    Returns the format and a one-line summary. Writers replace ``path`` atomically.
    """
    target = Path(path)
    fmt = writer_for(target)
    if target.is_dir():
        raise FormatError(f"{target} is a folder; give a file name to write.")
    if not target.parent.is_dir():
        raise FormatError(f"Cannot write {target}: the folder {target.parent} does not exist.")
    function = _function(fmt)
    try:
        summary = function(model, target, view=view) if fmt.uses_view else function(model, target)
    except OSError as error:
        raise FormatError(f"Cannot write {target}: {error.strerror or error}.") from None
    return fmt, summary if isinstance(summary, str) else ""


def read_roster(
    path: Path,
    *,
    mapping: str | Path | None = None,
    services: str | Path | None = None,
    embeds: str | Path | None = None,
) -> tuple[OrgModel, Any]:
    """A CSV roster with an optional column-mapping file (TOML) and side CSVs, as one reader."""
    from orgmodel.interop.csv_table import read_table
    from orgmodel.interop.roster_columns import load_mapping
    from orgmodel.interop.roster_import import import_roster

    columns = load_mapping(mapping, read_table(path).header) if mapping is not None else None
    return import_roster(path, columns, services=services, embeds=embeds)


@contextmanager
def replacing_document(path: str | Path) -> Iterator[None]:
    """Hold the document lock of an existing .orgmodel file while it is being replaced, so a
    document open in the application is never overwritten behind its back."""
    target = Path(path)
    if target.suffix.lower() != ".orgmodel" or not target.exists():
        yield
        return
    from orgmodel.persistence.lock import DocumentLock

    with DocumentLock(target):
        yield


def write_document(model: OrgModel, path: Path) -> None:
    """Save a .orgmodel document (atomically), refusing one that is open elsewhere."""
    from orgmodel.persistence.store import save_document

    with replacing_document(path):
        save_document(model, path)
