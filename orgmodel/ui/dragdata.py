"""What a drag of entities carries between widgets: their ids as JSON under one mime type.

The explorer writes it (``ids_mime``) when people, services or other rows are dragged; the
explorer itself and the diagram canvas read it back (``ids_of``) when something is dropped on
them. Only the ids travel, never entities: the receiver looks them up in its own model. Not for
deciding what a drop means: that is the receiver's job.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

MIME_IDS = "application/x-orgmodel-ids"


def ids_mime(ids: list[str]) -> QMimeData:
    data = QMimeData()
    data.setData(MIME_IDS, json.dumps(ids).encode("utf-8"))
    return data


def ids_of(data: QMimeData | None) -> list[str]:
    """The entity ids a drag carries ([] for anything else or malformed data)."""
    if data is None or not data.hasFormat(MIME_IDS):
        return []
    try:
        ids = json.loads(bytes(data.data(MIME_IDS).data()).decode("utf-8"))
    except ValueError:
        return []
    if not isinstance(ids, list):
        return []
    return [i for i in ids if isinstance(i, str)]
