"""Write the stored examples (``python -m orgmodel.examplegen [--check]``).

Regenerates ``resources/examples/<name>.json`` from the generator modules, atomically; with
``--check`` it writes nothing and exits 1 when a stored file differs from what the generator builds.
Only for maintainers of the examples: users load examples through ``orgmodel.examples``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from orgmodel.core.fileio import write_text_atomic
from orgmodel.core.model import OrgModel
from orgmodel.examplegen import seed_enterprise, startup
from orgmodel.interop.orgjson import dumps
from orgmodel.resources_path import resource

STORED: dict[str, Callable[[], OrgModel]] = {
    "seed-enterprise": seed_enterprise.build,
    "startup": startup.build,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m orgmodel.examplegen",
        description="Regenerate the stored example organisations.",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if a stored example is out of date",
    )
    args = parser.parse_args(argv)
    stale = []
    for name, build in STORED.items():
        path = resource("examples", f"{name}.json")
        text = dumps(build())
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, text)
            print(f"wrote {path}")
    if stale:
        print(
            f"out of date: {', '.join(stale)} (run python -m orgmodel.examplegen)", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
