"""Where the bundled resources (examples, scenarios, icons, styles) are.

In a wheel or a PyInstaller bundle they sit inside the package (``orgmodel/resources``); in a
source checkout they are the top-level ``resources/`` folder.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "orgmodel" / "resources")
    for candidate in candidates:
        if (candidate / "examples").is_dir():
            return candidate
    return candidates[-1]


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
