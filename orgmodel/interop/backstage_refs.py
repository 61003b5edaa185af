"""Backstage entity references and names, in every form Backstage allows.

``name``, ``kind:name``, ``namespace/name`` and ``kind:namespace/name``; the kind and namespace
default from context (``default`` namespace). Matching is case-insensitive, as in Backstage.
``orgmodel_id`` turns a reference into the id an imported entity gets (``group:team-a``,
``component:alternative/x``), so namespaces stay apart. Not for reading files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_NAMESPACE = "default"
_NAME = re.compile(r"^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,61}[a-zA-Z0-9])?$")


@dataclass(frozen=True)
class EntityRef:
    kind: str
    namespace: str
    name: str

    @property
    def key(self) -> tuple[str, str, str]:
        """The case-insensitive identity Backstage compares by."""
        return (self.kind.lower(), self.namespace.lower(), self.name.lower())

    def __str__(self) -> str:
        return f"{self.kind.lower()}:{self.namespace}/{self.name}"


def valid_name(name: object) -> bool:
    """Backstage's rule for metadata.name: 1-63 characters [a-zA-Z0-9._-], alphanumeric at both ends."""
    return isinstance(name, str) and bool(_NAME.match(name))


def parse_ref(text: str, default_kind: str | None, default_namespace: str = DEFAULT_NAMESPACE) -> EntityRef | None:
    """Parse a reference; None when it is not a well-formed reference."""
    if not isinstance(text, str) or not text.strip():
        return None
    rest = text.strip()
    kind = default_kind
    if ":" in rest:
        kind, rest = rest.split(":", 1)
    namespace = default_namespace
    if "/" in rest:
        namespace, rest = rest.split("/", 1)
    if not kind or not namespace or not rest or "/" in rest or ":" in rest:
        return None
    return EntityRef(kind, namespace, rest)


def orgmodel_id(ref: EntityRef) -> str:
    """The id an imported entity gets: kind:name in the default namespace, kind:ns/name elsewhere."""
    kind = ref.kind.lower()
    if ref.namespace.lower() == DEFAULT_NAMESPACE:
        return f"{kind}:{ref.name}"
    return f"{kind}:{ref.namespace}/{ref.name}"
