"""The bundled example organisations, by name.

``list_examples()`` names and describes them; ``load_example(name)`` returns a fresh ``OrgModel``
the caller may edit freely. ``seed-enterprise`` and ``startup`` are read from orgmodel JSON in
``resources/examples/``; ``large-enterprise`` is generated reproducibly by
``orgmodel.examplegen.large_enterprise``. Loaded models are cached in memory and copied on every
call. Not for writing documents: ``orgmodel new --example`` saves through ``orgmodel.cli.common``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from orgmodel.core.errors import FormatError
from orgmodel.core.model import OrgModel
from orgmodel.resources_path import resource

EXAMPLES: dict[str, str] = {
    "seed-enterprise": "The organisation of 'DevOps and SRE in the Enterprise': platform, "
    "automation and SRE teams, eight software teams, 81 people, 34 services",
    "startup": "A 15-person start-up: two product teams, one platform, a single SRE",
    "large-enterprise": "A generated 2,000-person organisation (338 teams, 2,650 services) "
    "for performance work",
}


def list_examples() -> list[tuple[str, str]]:
    """(name, one-line description) of every bundled example, in a stable order."""
    return list(EXAMPLES.items())


def _stored(name: str) -> Callable[[], OrgModel]:
    def load() -> OrgModel:
        from orgmodel.interop.orgjson import read_json

        path = resource("examples", f"{name}.json")
        if not path.exists():
            raise FormatError(f"The bundled example '{name}' is missing from {path.parent}.")
        return read_json(str(path))

    return load


def _generated() -> OrgModel:
    from orgmodel.examplegen.large_enterprise import build

    return build()


_LOADERS: dict[str, Callable[[], OrgModel]] = {
    "seed-enterprise": _stored("seed-enterprise"),
    "startup": _stored("startup"),
    "large-enterprise": _generated,
}


@cache
def _cached(name: str) -> OrgModel:
    return _LOADERS[name]()


def load_example(name: str) -> OrgModel:
    """A fresh copy of the named example; an unknown name raises ``FormatError`` listing the known."""
    if name not in _LOADERS:
        known = ", ".join(EXAMPLES)
        raise FormatError(f"There is no example called '{name}' (known examples: {known}).")
    return _cached(name).copy()
