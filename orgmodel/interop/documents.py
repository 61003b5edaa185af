"""Reading and writing a document file by its extension: ``.orgmodel`` or orgmodel ``.json``.

The one place the command line and the window share for opening and saving documents. Errors
are ``FormatError`` sentences naming the file; writes are atomic (both writers replace the file
with ``os.replace``). Not for imports and exports of other formats: see ``formats.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

from orgmodel.core.errors import FormatError
from orgmodel.core.model import OrgModel

DOCUMENT_SUFFIXES = (".orgmodel", ".json")


def read_document(path: str | os.PathLike[str]) -> OrgModel:
    """Open a .orgmodel document or orgmodel JSON; raises ``FormatError`` with one sentence."""
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
    raise FormatError(f"{path}: expected a .orgmodel document or an orgmodel .json file.")


def write_document_file(model: OrgModel, path: str | os.PathLike[str]) -> None:
    """Write ``model`` atomically in the format its extension names."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".json":
        from orgmodel.interop.orgjson import write_json

        write_json(model, str(p))
    elif suffix == ".orgmodel":
        from orgmodel.persistence.store import save_document

        save_document(model, p)
    else:
        raise FormatError(f"{path}: a document is saved as .orgmodel or .json.")
