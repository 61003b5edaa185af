"""Reading CSV exports as tables: encodings, delimiters and quoting handled, lines kept.

HR systems write UTF-8 with or without a byte-order mark, or Latin-1 (Windows-1252), separated by
commas, semicolons or tabs, with quoted fields that may hold the delimiter or line breaks.
``read_table`` returns the header and the rows with the line each starts on, so importers can name
file and line in every message. Not for interpreting columns: see ``roster_columns.py``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from orgmodel.core.errors import FormatError

DELIMITERS = (",", ";", "\t")


@dataclass
class Table:
    path: Path
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line number, column -> value)
    encoding: str
    delimiter: str

    def where(self, line: int) -> str:
        return f"{self.path.name}:{line}"


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    if b"\x00" in raw[:4096]:
        raise FormatError(f"{path.name} is not a text CSV file (it holds binary data).")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "latin-1"


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def read_table(path: str | Path) -> Table:
    """Read a CSV file; raises ``FormatError`` naming the file (and line) when it cannot."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except IsADirectoryError:
        raise FormatError(f"{p.name} is a folder, not a CSV file.") from None
    except OSError as error:
        raise FormatError(f"Cannot read {p}: {error.strerror}.") from None
    text, encoding = _decode(raw, p)
    if not text.strip():
        raise FormatError(f"{p.name} is empty.")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [h.strip() for h in next(reader)]
        if len(set(h.lower() for h in header if h)) != len([h for h in header if h]):
            raise FormatError(f"{p.name}:1: the header names a column twice.")
        rows: list[tuple[int, dict[str, str]]] = []
        line = reader.line_num + 1
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(field.strip() for field in record):
                continue
            if len(record) > len(header):
                raise FormatError(f"{p.name}:{start}: the row has {len(record)} fields but the header has {len(header)}.")
            values = {h: (record[i].strip() if i < len(record) else "") for i, h in enumerate(header) if h}
            rows.append((start, values))
    except csv.Error as error:
        raise FormatError(f"{p.name}:{reader.line_num}: malformed CSV ({error}).") from None
    return Table(p, [h for h in header if h], rows, encoding, delimiter)
