"""Reading Backstage catalog YAML: files, folders, multi-document files and Location targets.

Every entity comes back with the file and line it starts on, so messages can name them. Location
targets (``target``/``targets``) are followed relative to their file, never over the network
(URLs are skipped and reported). Malformed YAML raises ``FormatError`` naming file and line.
Not for turning entities into a model: see ``backstage_import.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from orgmodel.core.errors import FormatError


@dataclass
class RawEntity:
    data: dict[str, Any]
    path: Path
    line: int  # 1-based
    lines: dict[str, int] = field(default_factory=dict)  # "spec.owner" -> line

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}"

    def line_of(self, dotted: str) -> int:
        return self.lines.get(dotted, self.line)


@dataclass
class CatalogFiles:
    entities: list[RawEntity] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # human sentences
    files: list[Path] = field(default_factory=list)


def _key_lines(node: yaml.Node, prefix: str, out: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                name = f"{prefix}.{key.value}" if prefix else str(key.value)
                out[name] = key.start_mark.line + 1
                if prefix.count(".") < 2:
                    _key_lines(value, name, out)


def _documents(path: Path) -> list[tuple[Any, int, dict[str, int]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise FormatError(f"Cannot read {path}: {error.strerror}.") from None
    except UnicodeDecodeError:
        raise FormatError(f"{path} is not UTF-8 text, so it is not a Backstage catalog file.") from None
    loader = yaml.SafeLoader(text)
    docs: list[tuple[Any, int, dict[str, int]]] = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            lines: dict[str, int] = {}
            _key_lines(node, "", lines)
            docs.append((loader.construct_document(node), node.start_mark.line + 1, lines))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = error.problem or "malformed YAML"
        raise FormatError(f"{path.name}{line}: malformed YAML ({problem}).") from None
    except yaml.YAMLError as error:
        raise FormatError(f"{path.name}: malformed YAML ({error}).") from None
    finally:
        loader.dispose()
    return docs


def _targets(entity: RawEntity) -> list[str]:
    spec = entity.data.get("spec") or {}
    if not isinstance(spec, dict):
        return []
    targets = list(spec.get("targets") or [])
    if spec.get("target"):
        targets.insert(0, spec["target"])
    return [t for t in targets if isinstance(t, str)]


def _start_files(source: str | Path) -> tuple[list[Path], set[Path]]:
    """The files to read first, and those of them found by scanning a folder."""
    root = Path(source)
    if not root.exists():
        raise FormatError(f"{source}: no such file or folder.")
    if not root.is_dir():
        return [root], set()
    found = sorted(p for p in root.rglob("*") if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
    if not found:
        raise FormatError(f"{source} holds no .yaml or .yml files.")
    return found, {p.resolve() for p in found}


def _is_entity(data: Any) -> bool:
    return isinstance(data, dict) and ("apiVersion" in data or "kind" in data)


def read_catalog(*sources: str | Path) -> CatalogFiles:
    """Every entity of catalog files or folders, following Location targets once each.

    In a folder, YAML files that hold no catalog entity (an OpenAPI definition beside its API,
    say) are passed over and reported; a file named directly must be a catalog file.
    """
    found = CatalogFiles()
    queue: list[Path] = []
    scanned: set[Path] = set()
    for source in sources:
        files, from_folder = _start_files(source)
        queue.extend(files)
        scanned |= from_folder
    seen: set[Path] = set()
    targeted: set[Path] = set()
    while queue:
        path = queue.pop(0).resolve()
        if path in seen:
            continue
        seen.add(path)
        docs = _documents(path)
        if path in scanned and path not in targeted and not any(_is_entity(d) for d, _, _ in docs):
            found.skipped.append(f"{path.name}: not a catalog file (no apiVersion or kind), passed over.")
            continue
        found.files.append(path)
        for data, line, lines in docs:
            if data is None:
                continue
            if not isinstance(data, dict):
                raise FormatError(f"{path.name}:{line}: a catalog entity must be a mapping.")
            entity = RawEntity(data, path, line, lines)
            if str(data.get("kind", "")).lower() == "location":
                for target in _targets(entity):
                    if "://" in target:
                        found.skipped.append(f"{entity.where}: Location target {target} not followed (no network).")
                        continue
                    resolved = (path.parent / target).resolve()
                    if not resolved.is_file():
                        raise FormatError(f"{entity.where}: Location target {target} does not exist.")
                    queue.append(resolved)
                    targeted.add(resolved)
                continue
            found.entities.append(entity)
    return found
