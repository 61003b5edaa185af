"""Helpers shared by the sub-commands: reading and writing documents by extension, output."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from orgmodel.core.errors import FormatError
from orgmodel.core.model import OrgModel

DOCUMENT_SUFFIXES = (".orgmodel", ".json")


def load_model(path: str) -> OrgModel:
    """Open FILE: a .orgmodel document or orgmodel JSON. Raises FormatError with one sentence."""
    p = Path(path)
    if not p.exists():
        raise FormatError(f"{path}: no such file.")
    if p.is_dir():
        raise FormatError(f"{path} is a folder, not a document.")
    suffix = p.suffix.lower()
    if suffix == ".json":
        from orgmodel.interop.orgjson import read_json

        return read_json(str(p))
    if suffix == ".orgmodel":
        from orgmodel.persistence.store import open_document

        return open_document(p)
    raise FormatError(f"{path}: expected a .orgmodel document or orgmodel .json file.")


def save_model(model: OrgModel, path: str) -> None:
    """Write a .orgmodel document or orgmodel JSON, atomically."""
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        from orgmodel.interop.orgjson import write_json

        write_json(model, path)
    elif suffix == ".orgmodel":
        from orgmodel.persistence.store import save_document

        save_document(model, Path(path))
    else:
        raise FormatError(f"{path}: expected a .orgmodel or .json file name.")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")
