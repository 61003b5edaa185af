"""Helpers shared by the sub-commands: reading and writing documents by extension, output."""

from __future__ import annotations

import json
import sys
from typing import Any

from orgmodel.interop.documents import DOCUMENT_SUFFIXES as DOCUMENT_SUFFIXES
from orgmodel.interop.documents import read_document, write_document_file

load_model = read_document  # FILE of every sub-command: .orgmodel or .json
save_model = write_document_file


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")
